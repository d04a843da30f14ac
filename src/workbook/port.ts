/**
 * The one way the recalculation reaches a workbook. Implemented by the .xlsx adapter, the in-memory
 * workbook of the tests, and (with the task pane) the Office.js adapter.
 */
import { TableData } from "../engine/table";
import { OutputRow } from "../engine/recalc";

export interface TableInfo {
  name: string;
  sheet: string;
  headers: string[];
}

export interface WorkbookPort {
  /** Every Excel table (ListObject) in the workbook. */
  listTables(): Promise<TableInfo[]>;
  /** A table's header and body, with where it sits so each cell has an A1 address. */
  readTable(name: string): Promise<TableData>;
  /**
   * Creates the table on its own sheet (named as the table), or replaces the body of the existing one.
   * Values are written as values: text beginning with =, +, - or @ stays text, never a formula.
   */
  writeTable(name: string, columns: readonly string[], rows: readonly OutputRow[]): Promise<void>;
}
