/**
 * The in-memory workbook the double's proxies operate on: sheets with sparse cells, tables, conditional formats,
 * charts, selection. Every change goes through `set`/`putCell`/`setEntry`, which record the old value while a
 * sync is being applied, so a sync that Excel rejects as a whole (payload limits, the five-million-cell read
 * limit) can be undone. No rollback is documented for errors inside a batch, so those keep what ran before them.
 */
import { MAX_COLUMNS, Rect } from "../address";
import { Cell, CellStyle, Language } from "./cells";

export type Visibility = "Visible" | "Hidden" | "VeryHidden";

export interface ConditionalFormatModel {
  id: string;
  type: string;
  sheet: SheetModel;
  range: Rect;
  priority: number;
  stopIfTrue: boolean;
  /** Custom: formula. CellValue: formula1, formula2, operator. */
  rule: { formula?: string; formula1?: string; formula2?: string; operator?: string };
  format: { fontColor?: string; bold?: boolean; italic?: boolean; fill?: string; numberFormat?: string };
}

export interface ChartTitleModel {
  text: string;
  visible: boolean;
}

export interface ChartModel {
  id: string;
  name: string;
  type: string;
  sheet: SheetModel;
  source: Rect;
  seriesBy: string;
  title: ChartTitleModel;
  categoryAxisTitle: ChartTitleModel;
  valueAxisTitle: ChartTitleModel;
  legend: { position: string; visible: boolean };
  /** Set by setPosition (A1 cells) or by top/left/width/height (points). */
  position: { startCell?: string; endCell?: string; top: number; left: number; width: number; height: number };
  /** Each series' name and, once set by setValues / setXAxisValues, the A1 addresses (with sheet) of its values and categories. */
  series: readonly { name: string; values?: string; xAxisValues?: string }[];
}

export interface SheetModel {
  id: string;
  name: string;
  visibility: Visibility;
  tabColor: string;
  cells: Map<number, Cell>;
  columnWidths: Map<number, number>;
  rowHeights: Map<number, number>;
  /** Columns whose width was last set by autofitColumns(). */
  autofitColumns: Map<number, true>;
  frozenRows: number;
  frozenColumns: number;
  conditionalFormats: readonly ConditionalFormatModel[];
  charts: readonly ChartModel[];
  /** Manual horizontal page breaks: the 0-based rows they come before. */
  pageBreaks: readonly number[];
  pageLayout: { orientation: string; zoom: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number } };
}

export interface TableModel {
  id: string;
  name: string;
  sheet: SheetModel;
  /** The whole table: header row, body, and the total row when shown. */
  range: Rect;
  showTotals: boolean;
  style: string;
  showBandedRows: boolean;
  showBandedColumns: boolean;
  showFilterButton: boolean;
  highlightFirstColumn: boolean;
  highlightLastColumn: boolean;
  columnIds: readonly number[];
  nextColumnId: number;
}

type Entry = [obj: object, key: PropertyKey, old: unknown] | [map: Map<unknown, unknown>, key: unknown, old: unknown, had: boolean];

export const cellKey = (r: number, c: number): number => r * MAX_COLUMNS + c;
export const keyRow = (k: number): number => Math.floor(k / MAX_COLUMNS);
export const keyColumn = (k: number): number => k % MAX_COLUMNS;

export interface StoreOptions {
  language: Language;
  /** Writing just below a table extends it (docs-pr `excel/performance.md`, "The table expands automatically"). */
  tableAutoExpand: boolean;
  /**
   * The workbook counts date serials from 1904-01-01 (serial 0), as Mac Excel did before 2011, not from
   * 1900-01-01 (serial 1): Excel.Functions.date says "a number from 1900 or 1904 (depending on the
   * workbook's date system)". Default false.
   */
  date1904?: boolean;
}

export class Store {
  sheets: readonly SheetModel[] = [];
  tables: readonly TableModel[] = [];
  activeSheetId = "";
  selection: { sheetId: string; rect: Rect } | null = null;
  counters = { sheet: 0, table: 0, tableName: 0, conditionalFormat: 0, chart: 0 };
  private journal: Entry[] | null = null;

  constructor(readonly options: StoreOptions) {}

  // ---- journal -------------------------------------------------------------------------------------------

  beginJournal(): void {
    this.journal = [];
  }

  commitJournal(): void {
    this.journal = null;
  }

  rollbackJournal(): void {
    const entries = this.journal ?? [];
    this.journal = null;
    for (let i = entries.length - 1; i >= 0; i--) {
      const e = entries[i]!;
      if (e.length === 3) (e[0] as Record<PropertyKey, unknown>)[e[1]] = e[2];
      else if (e[3]) e[0].set(e[1], e[2]);
      else e[0].delete(e[1]);
    }
  }

  set<T extends object, K extends keyof T>(obj: T, key: K, value: T[K]): void {
    if (this.journal) this.journal.push([obj, key, obj[key]]);
    obj[key] = value;
  }

  setEntry<K, V>(map: Map<K, V>, key: K, value: V | undefined): void {
    if (this.journal) this.journal.push([map as Map<unknown, unknown>, key, map.get(key), map.has(key)]);
    if (value === undefined) map.delete(key);
    else map.set(key, value);
  }

  // ---- cells ---------------------------------------------------------------------------------------------

  cellAt(sheet: SheetModel, r: number, c: number): Cell | undefined {
    return sheet.cells.get(cellKey(r, c));
  }

  /** Stores a cell; one with no value, formula, format, style or link is removed. */
  putCell(sheet: SheetModel, r: number, c: number, cell: Cell | undefined): void {
    const empty = !cell || (cell.v === "" && !cell.f && !cell.nf && !cell.s && !cell.link);
    let clean = cell;
    if (cell && !empty && Object.values(cell).includes(undefined)) {
      clean = Object.fromEntries(Object.entries(cell).filter(([, v]) => v !== undefined)) as unknown as Cell;
    }
    this.setEntry(sheet.cells, cellKey(r, c), empty ? undefined : clean);
  }

  patchCell(sheet: SheetModel, r: number, c: number, patch: Partial<Cell>): void {
    this.putCell(sheet, r, c, { ...(this.cellAt(sheet, r, c) ?? { v: "" }), ...patch });
  }

  patchStyle(sheet: SheetModel, r: number, c: number, style: Partial<CellStyle>): void {
    const old = this.cellAt(sheet, r, c);
    const s: Record<string, unknown> = { ...old?.s, ...style };
    for (const k of Object.keys(s)) if (s[k] === undefined) delete s[k];
    this.patchCell(sheet, r, c, { s: Object.keys(s).length ? (s as CellStyle) : undefined });
  }

  // ---- lookup --------------------------------------------------------------------------------------------

  sheetByName(name: string): SheetModel | undefined {
    const key = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === key || s.id === name);
  }

  sheetById(id: string): SheetModel | undefined {
    return this.sheets.find((s) => s.id === id);
  }

  tableByName(name: string): TableModel | undefined {
    const key = name.toLowerCase();
    return this.tables.find((t) => t.name.toLowerCase() === key || t.id === name);
  }

  tablesOn(sheet: SheetModel): TableModel[] {
    return this.tables.filter((t) => t.sheet === sheet);
  }

  activeSheet(): SheetModel {
    return this.sheetById(this.activeSheetId) ?? this.sheets.find((s) => s.visibility === "Visible") ?? this.sheets[0]!;
  }

  newSheet(name: string): SheetModel {
    const n = ++this.counters.sheet;
    const id = `{${n.toString(16).toUpperCase().padStart(8, "0")}-0001-0000-0000-000000000000}`;
    return {
      id,
      name,
      visibility: "Visible",
      tabColor: "",
      cells: new Map(),
      columnWidths: new Map(),
      rowHeights: new Map(),
      autofitColumns: new Map(),
      frozenRows: 0,
      frozenColumns: 0,
      conditionalFormats: [],
      charts: [],
      pageBreaks: [],
      pageLayout: { orientation: "Portrait", zoom: { scale: 100 } },
    };
  }
}
