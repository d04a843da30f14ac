/** Reading tables and cells out of openpyxl dumps (see openpyxl_dump.py), and comparing them. */
import type { SheetDump, WorkbookDump } from "./matrix";

export interface TableRead {
  sheet: string;
  ref: string;
  headers: unknown[];
  rows: unknown[][];
}

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + ch.charCodeAt(0) - 64;
  return n;
}
function columnLetters(n: number): string {
  let s = "";
  for (; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}
function parseRef(ref: string): { c1: number; r1: number; c2: number; r2: number } {
  const m = /^\$?([A-Z]+)\$?(\d+):\$?([A-Z]+)\$?(\d+)$/.exec(ref);
  if (!m) throw new Error(`not a range: ${ref}`);
  return { c1: columnNumber(m[1]), r1: Number(m[2]), c2: columnNumber(m[3]), r2: Number(m[4]) };
}

export function values(sheet: SheetDump): Map<string, unknown> {
  return new Map(sheet.cells.map((c) => [c[0], c[1]]));
}

/** The cells of `ref` on a sheet: the first row as headers, the rest as rows (blank cells as null). */
export function rangeOf(sheet: SheetDump, ref: string): { headers: unknown[]; rows: unknown[][] } {
  const v = values(sheet);
  const { c1, r1, c2, r2 } = parseRef(ref);
  const row = (r: number) => Array.from({ length: c2 - c1 + 1 }, (_, i) => v.get(`${columnLetters(c1 + i)}${r}`) ?? null);
  return { headers: row(r1), rows: Array.from({ length: r2 - r1 }, (_, i) => row(r1 + 1 + i)) };
}

export function tableOf(dump: WorkbookDump, name: string): TableRead | undefined {
  if (!dump.ok) return undefined;
  for (const s of dump.sheets) {
    const t = s.tables[name];
    if (t) return { sheet: s.name, ref: t.ref, ...rangeOf(s, t.ref) };
  }
  return undefined;
}

export function tableNames(dump: WorkbookDump): string[] {
  return dump.ok ? dump.sheets.flatMap((s) => Object.keys(s.tables)).sort() : [];
}

/**
 * Cell-by-cell differences between two tables read the same way, named by the table's column and the
 * row's first cell (EmployeeId, Severity...), skipping the columns in `ignore`; at most `limit` listed.
 */
export function tableDifferences(
  name: string,
  got: TableRead,
  want: TableRead,
  opts: { ignore?: string[]; same?: (a: unknown, b: unknown) => boolean; limit?: number } = {},
): string[] {
  const same = opts.same ?? ((a, b) => JSON.stringify(a) === JSON.stringify(b));
  const diffs: string[] = [];
  if (JSON.stringify(got.headers) !== JSON.stringify(want.headers))
    diffs.push(`${name}: headers ${JSON.stringify(got.headers)}, expected ${JSON.stringify(want.headers)}`);
  if (got.rows.length !== want.rows.length) diffs.push(`${name}: ${got.rows.length} rows, expected ${want.rows.length}`);
  const rows = Math.min(got.rows.length, want.rows.length);
  for (let r = 0; r < rows; r++) {
    want.headers.forEach((h, c) => {
      if (opts.ignore?.includes(String(h))) return;
      if (!same(got.rows[r][c], want.rows[r][c]))
        diffs.push(
          `${name} row ${r + 1} (${String(want.rows[r][0])}) ${String(h)}: ${JSON.stringify(got.rows[r][c])}, expected ${JSON.stringify(want.rows[r][c])}`,
        );
    });
  }
  const limit = opts.limit ?? 20;
  return diffs.length > limit ? [...diffs.slice(0, limit), `... and ${diffs.length - limit} more`] : diffs;
}

/** Cell by cell (value and style), which cells of a sheet differ between two dumps of it. */
export function sheetDifferences(before: SheetDump, after: SheetDump | undefined, limit = 10): string[] {
  if (!after) return [`${before.name}: the sheet is gone`];
  const diffs: string[] = [];
  const fields = ["value", "number_format", "font", "fill", "border", "alignment"];
  const a = new Map(after.cells.map((c) => [c[0], c]));
  for (const b of before.cells) {
    const c = a.get(b[0]);
    if (!c) {
      diffs.push(`${before.name}!${b[0]} is gone`);
      continue;
    }
    fields.forEach((f, i) => {
      if (JSON.stringify(b[i + 1]) !== JSON.stringify(c[i + 1]))
        diffs.push(`${before.name}!${b[0]} ${f}: ${JSON.stringify(c[i + 1])}, was ${JSON.stringify(b[i + 1])}`);
    });
  }
  if (after.cells.length !== before.cells.length) diffs.push(`${before.name}: ${after.cells.length} cells, was ${before.cells.length}`);
  for (const k of ["tables", "freeze", "widths"] as const) {
    if (JSON.stringify(before[k]) !== JSON.stringify(after[k]))
      diffs.push(`${before.name}: ${k} ${JSON.stringify(after[k])}, was ${JSON.stringify(before[k])}`);
  }
  return diffs.length > limit ? [...diffs.slice(0, limit), `... and ${diffs.length - limit} more`] : diffs;
}
