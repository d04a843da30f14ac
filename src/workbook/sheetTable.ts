/**
 * One rule, in every host, for reading a sheet as a table when its Excel table was lost (tools such as
 * SheetJS and Gnumeric drop tables when they save): the first row holding something is the header
 * row, its first to last non-blank cells are the columns, and the rows below it down to the last one
 * with a value in those columns are the body.
 */
import { CellValue } from "./port";

export interface SheetTable {
  headerRow: number;
  firstColumn: number;
  headers: string[];
  rows: CellValue[][];
}

const blank = (v: CellValue | undefined) => v === null || v === undefined || (typeof v === "string" && v.trim() === "");

/** `cells(row)` gives a row's cells by 1-based column; `rows` are the 1-based rows that have any. */
export function sheetAsTable(rows: Iterable<number>, cells: (row: number) => ReadonlyMap<number, CellValue>): SheetTable | null {
  const used = [...rows].filter((r) => [...cells(r).values()].some((v) => !blank(v))).sort((a, b) => a - b);
  if (used.length === 0) return null;
  const headerRow = used[0];
  const head = [...cells(headerRow)].filter(([, v]) => !blank(v)).map(([c]) => c);
  const first = Math.min(...head);
  const last = Math.max(...head);
  const text = (v: CellValue | undefined) =>
    v instanceof Date ? v.toISOString().slice(0, 10) : v === null || v === undefined ? "" : typeof v === "object" ? v.formula : String(v);
  const headers: string[] = [];
  for (let c = first; c <= last; c++) headers.push(text(cells(headerRow).get(c)).trim());
  let bottom = headerRow;
  for (const r of used) if (r > headerRow && [...cells(r)].some(([c, v]) => c >= first && c <= last && !blank(v))) bottom = r;
  const body: CellValue[][] = [];
  for (let r = headerRow + 1; r <= bottom; r++) {
    const row: CellValue[] = [];
    for (let c = first; c <= last; c++) row.push(cells(r).get(c) ?? null);
    body.push(row);
  }
  return { headerRow, firstColumn: first, headers, rows: body };
}
