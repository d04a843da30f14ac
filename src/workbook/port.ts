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
  /**
   * Set when the workbook counts its date serials from 1904 (the date system of Mac Excel before 2011): a
   * plain number read as a date counts from there.
   */
  date1904?: true;
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
  /**
   * The column whose cells are coloured by their value, Error red and Warning amber (Results.Status,
   * Issues.Severity). Hosts use conditional formatting, so a colour follows the value if HR edits it.
   */
  statusColumn?: string;
  /**
   * A column whose cells link to a place in the workbook: per body row, a location such as 'Employees'!E3,
   * or null; `locate` gives it for any row by its cells (keyed by header), so a host that puts the table
   * back as it was after a failed write links its old rows again.
   */
  links?: { column: string; locations: ReadonlyArray<string | null>; locate?: (row: (header: string) => OutputValue) => string | null };
}

/** How a loose cell of an owned sheet looks, the same in every host. */
export type CellStyle = "title" | "bold" | "note" | "wrap";

/** A cell of an owned sheet outside its tables; rows and columns are 1-based. */
export interface SheetCell {
  row: number;
  column: number;
  value: OutputValue;
  /** How its value is shown (as an output column of this kind); text when absent. */
  kind?: ColumnKind;
  style?: CellStyle;
}

/** A table on an owned sheet, its header row at `row`, its first column at `column` (1-based). */
export interface PlacedTable extends OutputTable {
  row: number;
  column: number;
}

/** A native chart over a table of the same owned sheet: one series per plotted column, categories from another. */
export interface SheetChart {
  /** Clustered columns or clustered bars. */
  type: "column" | "bar";
  title: string;
  categoryTitle: string;
  valueTitle: string;
  table: string;
  /** The column whose body cells name the categories. */
  categories: string;
  /** The columns plotted, each a series named by its header cell. */
  series: readonly string[];
  /** Where it is drawn: from the top-left corner of `from` to the top-left corner of `to` (1-based cells). */
  from: { row: number; column: number };
  to: { row: number; column: number };
}

/**
 * A sheet the run owns whole and rewrites each time (the Dashboard, the Statements). It is found by the
 * table named `name` that it holds (`tables[0]`); when there is none, it is created on a sheet named
 * `name`, or "Dashboard (2)" when a sheet of that name holds something else, which is never touched.
 */
export interface OwnedSheet {
  name: string;
  cells: readonly SheetCell[];
  tables: readonly PlacedTable[];
  charts: readonly SheetChart[];
  /** Rows (1-based) that begin a new printed page. */
  pageBreaks: readonly number[];
  /** Widths of the columns from A, in characters of the default font. */
  widths: readonly number[];
  /** How it prints: landscape or portrait, and whether scaled to fit one page. */
  page?: { landscape: boolean; onePage: boolean };
}

/** What a write did that the user should hear about. */
export interface WriteReport {
  /** Output tables (and owned sheets) created on a sheet of another name, because a sheet of their own name was not theirs. */
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
   * it stands, its size changed to fit, cells around it kept. Then each owned sheet is rewritten whole
   * (or created, after the output sheets). Every column is shown by its kind, tables banded, the
   * header row of a new sheet frozen and its columns fitted to their content.
   */
  writeTables(tables: readonly OutputTable[], sheets?: readonly OwnedSheet[]): Promise<WriteReport>;
}

/** The table of a name, ignoring case, among tables listed or read. */
export function findByName<T extends { name: string }>(items: Iterable<T>, name: string): T | undefined {
  const lower = name.toLowerCase();
  for (const t of items) if (t.name.toLowerCase() === lower) return t;
  return undefined;
}
