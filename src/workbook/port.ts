/**
 * The one way the recalculation reaches a workbook, implemented by the Office.js adapter (inside
 * Excel), the .xlsx adapter (the `kpi` command) and the in-memory workbook (tests, the pane's preview).
 * The port owns its types; the engine has structurally equal ones, so nothing is converted between them.
 *
 * One unit of work each way: a run lists and reads every table it wants in one call, and writes every
 * output table in one call, so that a host where each call is a round trip (Office.js) needs a fixed
 * number of them.
 *
 * What a cell is, on the way in:
 * - a blank cell is `null` (never 0, never "");
 * - a date is a JS `Date` at UTC midnight: hosts that hold dates as serial numbers (Office.js `values`,
 *   the .xlsx package) turn a serial whose cell has a date number format into a Date;
 * - numbers, text and booleans as they are; an Excel error value as its text ("#N/A");
 * - a formula saved without its calculated value (by a tool that does not calculate) is
 *   `{ formula }`, so that it is reported rather than read as blank.
 *
 * On the way out, `null` means "make this cell blank": a host must write it as an empty cell (in
 * Office.js as "", because `null` in a values array leaves the cell as it was, and an Error row would
 * keep last run's money). Text is written as text, whatever it starts with (=, +, -, @).
 */

export interface UncalculatedFormula {
  readonly formula: string;
}

export type CellValue = number | string | boolean | Date | null | UncalculatedFormula;

/** A table as read: headers, body values, and where it sits so each cell has an A1 address. */
export interface TableData {
  name: string;
  sheet: string;
  headers: string[];
  /** 1-based sheet row of the header row. */
  headerRow: number;
  /** 1-based sheet column of the table's first column. */
  firstColumn: number;
  rows: CellValue[][];
  /**
   * Set when the workbook had no Excel table of this name and a sheet of one of the fallback names was
   * read as the table instead (tools such as SheetJS and Gnumeric drop tables when they save).
   */
  fromSheet?: true;
}

export interface TableInfo {
  name: string;
  sheet: string;
  headers: string[];
}

/** How an output column is shown, the same in every host. */
export type ColumnKind = "text" | "integer" | "number" | "score" | "money" | "ratio" | "date";

export interface OutputColumn {
  name: string;
  kind: ColumnKind;
}

export type OutputValue = string | number | boolean | Date | null;

export interface OutputTable {
  name: string;
  columns: readonly OutputColumn[];
  rows: ReadonlyArray<readonly OutputValue[]>;
}

/** What a write did that the user should hear about. */
export interface WriteReport {
  /** Output tables created on a sheet of another name, because a sheet of their own name was not theirs. */
  renamedSheets: Array<{ table: string; sheet: string }>;
}

export interface WorkbookPort {
  /** Every Excel table (ListObject) in the workbook. */
  listTables(): Promise<TableInfo[]>;
  /**
   * The tables of these names that the workbook has (names match without regard to case), keyed by
   * the name asked for. Absent ones are left out, unless `fallbackSheets` names sheets for them: then a
   * sheet of one of those names that holds no table is read as the table (its first row with
   * something in it as the header row), marked `fromSheet`.
   */
  readTables(names: readonly string[], fallbackSheets?: ReadonlyMap<string, readonly string[]>): Promise<Map<string, TableData>>;
  /**
   * Writes every output table: a missing one is created on a sheet of its own (named as the table, or
   * "Results (2)" when a sheet of that name holds something else); an existing one is rewritten where
   * it stands, its size changed to fit, cells around it kept.
   */
  writeTables(tables: readonly OutputTable[]): Promise<WriteReport>;
}

/** The table of a name, ignoring case, among tables listed or read. */
export function findByName<T extends { name: string }>(items: Iterable<T>, name: string): T | undefined {
  const lower = name.toLowerCase();
  for (const t of items) if (t.name.toLowerCase() === lower) return t;
  return undefined;
}
