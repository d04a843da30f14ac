/**
 * A1 addresses: parsing what `getRange()` accepts and writing what `Range.address` returns.
 *
 * `Range.address` "contains the sheet reference (e.g., "Sheet1!A1:B4")" (docs-ref `excel.range.yml`).
 * When Excel quotes the sheet name is not in Microsoft's API docs; the rule here follows the rules
 * rust_xlsxwriter documents for `quote_sheet_name` (worked out against Excel; repo jmcnamara/rust_xlsxwriter,
 * `src/utility.rs`) — written anew here, and an **inference** for `Range.address` specifically:
 *  1. anything but Unicode letters, digits, "_" and "." → quoted ("Results (2)", "Sheet-1");
 *  2. starting with a digit or "." → quoted ("2026");
 *  3. the whole name is an A1 cell reference within the grid → quoted ("A1", "xfd1048576");
 *  4. starting with an R1C1 reference (R<n>, C<n>, RC<n>) or being "R", "C", "RC" → quoted ("R2D2", "C3PO").
 * Quotes inside a quoted name are doubled ('Bob''s').
 */

export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;

/** Zero-based, inclusive corners. */
export interface Rect {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

export function rect(r0: number, c0: number, r1: number, c1: number): Rect {
  return { r0, c0, r1, c1 };
}

export const rows = (r: Rect): number => r.r1 - r.r0 + 1;
export const columns = (r: Rect): number => r.c1 - r.c0 + 1;
export const cellCount = (r: Rect): number => rows(r) * columns(r);

export function intersects(a: Rect, b: Rect): boolean {
  return a.r0 <= b.r1 && b.r0 <= a.r1 && a.c0 <= b.c1 && b.c0 <= a.c1;
}

export function contains(outer: Rect, inner: Rect): boolean {
  return outer.r0 <= inner.r0 && inner.r1 <= outer.r1 && outer.c0 <= inner.c0 && inner.c1 <= outer.c1;
}

export function intersection(a: Rect, b: Rect): Rect | null {
  if (!intersects(a, b)) return null;
  return rect(Math.max(a.r0, b.r0), Math.max(a.c0, b.c0), Math.min(a.r1, b.r1), Math.min(a.c1, b.c1));
}

export function inGrid(r: Rect): boolean {
  return r.r0 >= 0 && r.c0 >= 0 && r.r1 < MAX_ROWS && r.c1 < MAX_COLUMNS && r.r0 <= r.r1 && r.c0 <= r.c1;
}

export function columnLetters(c: number): string {
  let n = c + 1;
  let out = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

export const cellName = (r: number, c: number): string => `${columnLetters(c)}${r + 1}`;

/** "A1:C3"; whole columns "A:C"; whole rows "2:4"; a single cell "B2". */
export function formatRect(r: Rect): string {
  const wholeColumns = r.r0 === 0 && r.r1 === MAX_ROWS - 1;
  const wholeRows = r.c0 === 0 && r.c1 === MAX_COLUMNS - 1;
  if (wholeRows) return `${r.r0 + 1}:${r.r1 + 1}`;
  if (wholeColumns) return `${columnLetters(r.c0)}:${columnLetters(r.c1)}`;
  const first = cellName(r.r0, r.c0);
  return r.r0 === r.r1 && r.c0 === r.c1 ? first : `${first}:${cellName(r.r1, r.c1)}`;
}

function isCellReference(name: string): boolean {
  const m = /^([A-Za-z]{1,3})(\d+)$/.exec(name);
  if (!m) return false;
  const row = Number(m[2]);
  return row >= 1 && row <= MAX_ROWS && columnIndex(m[1]!) < MAX_COLUMNS;
}

function startsWithR1C1(name: string): boolean {
  const upper = name.toUpperCase();
  if (upper === "R" || upper === "C" || upper === "RC") return true;
  const r = /^R(\d+)/.exec(upper);
  if (r) {
    const n = Number(r[1]);
    if (n >= 1 && n <= MAX_ROWS) return true;
  }
  const c = /^R?C(\d+)/.exec(upper);
  if (c) {
    const n = Number(c[1]);
    if (n >= 1 && n <= MAX_COLUMNS) return true;
  }
  return false;
}

export function quoteSheetName(name: string): string {
  const plain = /^[\p{L}\p{N}_.]+$/u.test(name) && !/^[0-9.]/.test(name) && !isCellReference(name) && !startsWithR1C1(name);
  return plain ? name : `'${name.replace(/'/g, "''")}'`;
}

export const sheetAddress = (sheetName: string, r: Rect): string => `${quoteSheetName(sheetName)}!${formatRect(r)}`;

export interface ParsedAddress {
  sheet?: string;
  rect: Rect;
}

const part = /^\$?([A-Za-z]{1,3})?\$?(\d+)?$/;

function parsePart(text: string): { r?: number; c?: number } | null {
  const m = part.exec(text);
  if (!m || (!m[1] && !m[2])) return null;
  return { c: m[1] ? columnIndex(m[1]) : undefined, r: m[2] ? Number(m[2]) - 1 : undefined };
}

/** Parses "A1", "$A$1:B2", "A:C", "2:4", "Sheet1!A1", "'My sheet'!A1:B2". Null when it isn't an address. */
export function parseAddress(address: string): ParsedAddress | null {
  let text = address.trim();
  let sheet: string | undefined;
  const bang = text.lastIndexOf("!");
  if (bang >= 0) {
    const raw = text.slice(0, bang);
    sheet = raw.startsWith("'") && raw.endsWith("'") && raw.length >= 2 ? raw.slice(1, -1).replace(/''/g, "'") : raw;
    text = text.slice(bang + 1);
  }
  const [a, b, extra] = text.split(":");
  if (extra !== undefined || !a) return null;
  const p = parsePart(a);
  const q = b === undefined ? p : parsePart(b);
  if (!p || !q) return null;
  let r: Rect;
  if (p.r === undefined && q.r === undefined && p.c !== undefined && q.c !== undefined) {
    if (b === undefined) return null; // "A" alone is a name, not a column
    r = rect(0, Math.min(p.c, q.c), MAX_ROWS - 1, Math.max(p.c, q.c));
  } else if (p.c === undefined && q.c === undefined && p.r !== undefined && q.r !== undefined) {
    if (b === undefined) return null;
    r = rect(Math.min(p.r, q.r), 0, Math.max(p.r, q.r), MAX_COLUMNS - 1);
  } else if (p.r !== undefined && p.c !== undefined && q.r !== undefined && q.c !== undefined) {
    r = rect(Math.min(p.r, q.r), Math.min(p.c, q.c), Math.max(p.r, q.r), Math.max(p.c, q.c));
  } else {
    return null;
  }
  return inGrid(r) ? { sheet, rect: r } : null;
}
