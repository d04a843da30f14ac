import { CellValue } from "./values";

/** A table as read from a workbook: headers, body values, and where it sits so cells have addresses. */
export interface TableData {
  name: string;
  sheet: string;
  headers: string[];
  /** 1-based sheet row of the header row. */
  headerRow: number;
  /** 1-based sheet column of the table's first column. */
  firstColumn: number;
  rows: CellValue[][];
  /** The workbook counts date serials from 1904: a plain number read as a date counts from there. */
  date1904?: true;
}

/** Column letters of a 1-based column number: 1 → A, 27 → AA. */
export function columnLetters(n: number): string {
  let s = "";
  for (let c = n; c > 0; c = ((c - 1) / 26) | 0) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return s;
}

/** 1-based column number of letters: A → 1, AA → 27. */
export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + ch.charCodeAt(0) - 64;
  return n;
}

/** The A1 address of body row `row` (0-based) and column `col` (0-based) of a table. */
export function cellAddress(t: Pick<TableData, "headerRow" | "firstColumn">, row: number, col: number): string {
  return `${columnLetters(t.firstColumn + col)}${t.headerRow + 1 + row}`;
}
