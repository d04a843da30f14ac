/**
 * The model as tests see it: set up sheets, cells and tables; look at them; take comparable snapshots; import and
 * export plain data for the .xlsx side. Values given here are stored as Excel holds them (no typed-input parsing):
 * a JS Date becomes a 1900-system serial number with the format "yyyy-mm-dd".
 */
import { Rect, cellName, columnLetters, formatRect, parseAddress, rect } from "../address";
import { Cell, GENERAL, dateToSerial, numberFormatOf, textOf, valueOf } from "./cells";
import { addSheet } from "./sheets";
import { Store, StoreOptions, TableModel, cellKey, keyColumn, keyRow } from "./store";
import { bodyRect, checkNoOverlap, createTable, headerNames, renameTable } from "./tables";

export type PlainValue = string | number | boolean | Date | null;
/** A cell for setCells: a plain value, or a formula with its cached value, or an error value such as "#N/A". */
export type CellInput = PlainValue | { formula: string; value: string | number | boolean } | { error: string };

export interface PlainTable {
  name: string;
  sheet: string;
  /** 1-based row of the header. */
  headerRow: number;
  /** 1-based column of the first column (or its letters, on input). */
  firstColumn: number | string;
  headers: string[];
  rows: PlainValue[][];
  /** Number formats of the body cells, as Excel holds them (export only; optional on import). */
  formats?: string[][];
}

export interface PlainData {
  sheets: string[];
  tables: PlainTable[];
}

export interface TableView {
  name: string;
  sheet: string;
  /** The whole table, e.g. "A1:C4" (no sheet name). */
  address: string;
  headers: string[];
  rows: (string | number | boolean)[][];
  formats: string[][];
}

export interface CellView {
  value: string | number | boolean;
  formula?: string;
  error?: boolean;
  numberFormat: string;
  text: string;
  style?: Cell["s"];
  hyperlink?: Cell["link"];
}

const DATE_FORMAT = "yyyy-mm-dd";

function stored(input: CellInput, format: string | undefined): Cell | undefined {
  if (input === null || input === undefined) return undefined;
  if (input instanceof Date) return { v: dateToSerial(input), nf: format ?? DATE_FORMAT };
  const nf = format && format !== GENERAL ? { nf: format } : {};
  if (typeof input === "object") {
    if ("error" in input) return { v: input.error, err: true, ...nf };
    return { v: input.value, f: input.formula, ...nf };
  }
  return { v: input, ...nf };
}

export class Book extends Store {
  constructor(options: StoreOptions) {
    super(options);
  }

  private sheetNamed(name: string) {
    const sheet = this.sheetByName(name);
    if (!sheet) throw new Error(`book: no sheet named ${name}`);
    return sheet;
  }

  private at(address: string): { r: number; c: number } {
    const parsed = parseAddress(address);
    if (!parsed) throw new Error(`book: bad address ${address}`);
    return { r: parsed.rect.r0, c: parsed.rect.c0 };
  }

  addSheet(name: string): this {
    addSheet(this, name);
    return this;
  }

  sheetNames(): string[] {
    return this.sheets.map((s) => s.name);
  }

  setCells(sheet: string, topLeft: string, values: CellInput[][], formats?: (string | null)[][]): this {
    const s = this.sheetNamed(sheet);
    const { r, c } = this.at(topLeft);
    values.forEach((row, i) =>
      row.forEach((value, j) => {
        const cell = stored(value, formats?.[i]?.[j] ?? undefined);
        if (cell) this.putCell(s, r + i, c + j, { ...this.cellAt(s, r + i, c + j), ...cell });
      }),
    );
    return this;
  }

  addTable(sheet: string, topLeft: string, name: string, headers: string[], rows: CellInput[][], formats?: (string | null)[][]): TableView {
    if (!this.sheetByName(sheet)) this.addSheet(sheet);
    const { r, c } = this.at(topLeft);
    const s = this.sheetNamed(sheet);
    const area = rect(r, c, r + Math.max(rows.length, 1), c + headers.length - 1);
    checkNoOverlap(this, s, area, "book.addTable");
    this.setCells(sheet, topLeft, [headers]);
    this.setCells(sheet, cellName(r + 1, c), rows, formats);
    const t = createTable(this, s, area, true, "book.addTable");
    renameTable(this, t, name);
    return this.table(name)!;
  }

  table(name: string): TableView | undefined {
    const t = this.tableByName(name);
    if (!t) return undefined;
    const body = bodyRect(t);
    const grid = <T>(read: (cell: Cell | undefined) => T): T[][] => {
      const out: T[][] = [];
      for (let i = body.r0; i <= body.r1; i++) {
        const row: T[] = [];
        for (let j = body.c0; j <= body.c1; j++) row.push(read(this.cellAt(t.sheet, i, j)));
        out.push(row);
      }
      return out;
    };
    return {
      name: t.name,
      sheet: t.sheet.name,
      address: formatRect(t.range),
      headers: headerNames(this, t),
      rows: grid(valueOf),
      formats: grid(numberFormatOf),
    };
  }

  cell(sheet: string, address: string): CellView {
    const s = this.sheetNamed(sheet);
    const { r, c } = this.at(address);
    const cell = this.cellAt(s, r, c);
    return {
      value: valueOf(cell),
      ...(cell?.f ? { formula: cell.f } : {}),
      ...(cell?.err ? { error: true } : {}),
      numberFormat: numberFormatOf(cell),
      text: textOf(cell, this.options.language),
      ...(cell?.s ? { style: cell.s } : {}),
      ...(cell?.link ? { hyperlink: cell.link } : {}),
    };
  }

  /** Everything, as plain data that `toEqual` can compare (a failed run must leave it unchanged). */
  snapshot(): unknown {
    const plainRect = (r: Rect): string => formatRect(r);
    return {
      activeSheet: this.activeSheet()?.name ?? null,
      selection: this.selection ? `${this.sheetById(this.selection.sheetId)?.name}!${plainRect(this.selection.rect)}` : null,
      sheets: this.sheets.map((s) => ({
        name: s.name,
        visibility: s.visibility,
        tabColor: s.tabColor,
        frozenRows: s.frozenRows,
        frozenColumns: s.frozenColumns,
        cells: Object.fromEntries([...s.cells.entries()].sort(([a], [b]) => a - b).map(([k, cell]) => [cellName(keyRow(k), keyColumn(k)), { ...cell }])),
        columnWidths: Object.fromEntries([...s.columnWidths.entries()].sort(([a], [b]) => a - b).map(([k, w]) => [columnLetters(k), w])),
        rowHeights: Object.fromEntries([...s.rowHeights.entries()].sort(([a], [b]) => a - b).map(([k, h]) => [String(k + 1), h])),
        autofitColumns: [...s.autofitColumns.keys()].sort((a, b) => a - b).map(columnLetters),
        conditionalFormats: s.conditionalFormats.map((cf) => ({
          ...cf,
          sheet: s.name,
          range: plainRect(cf.range),
          rule: { ...cf.rule },
          format: { ...cf.format },
        })),
        charts: s.charts.map((ch) => ({
          ...ch,
          sheet: s.name,
          source: plainRect(ch.source),
          series: ch.series.map((x) => ({ ...x })),
          position: { ...ch.position },
          title: { ...ch.title },
        })),
        pageBreaks: [...s.pageBreaks],
        pageLayout: { ...s.pageLayout, zoom: { ...s.pageLayout.zoom } },
      })),
      tables: this.tables.map((t) => ({ ...t, sheet: t.sheet.name, range: plainRect(t.range), columnIds: [...t.columnIds] })),
    };
  }

  importData(data: PlainData): this {
    for (const name of data.sheets) if (!this.sheetByName(name)) this.addSheet(name);
    for (const t of data.tables) {
      const column = typeof t.firstColumn === "number" ? columnLetters(t.firstColumn - 1) : t.firstColumn;
      this.addTable(t.sheet, `${column}${t.headerRow}`, t.name, t.headers, t.rows, t.formats);
    }
    return this;
  }

  exportTables(names: readonly string[]): PlainData {
    const tables: PlainTable[] = [];
    for (const name of names) {
      const t: TableModel | undefined = this.tableByName(name);
      if (!t) throw new Error(`book: no table named ${name}`);
      const view = this.table(name)!;
      tables.push({
        name: t.name,
        sheet: t.sheet.name,
        headerRow: t.range.r0 + 1,
        firstColumn: t.range.c0 + 1,
        headers: view.headers,
        rows: view.rows,
        formats: view.formats,
      });
    }
    return { sheets: this.sheetNames(), tables };
  }

  /** The stored cell, for assertions that need its raw record. */
  rawCell(sheet: string, address: string): Cell | undefined {
    const { r, c } = this.at(address);
    return this.sheetNamed(sheet).cells.get(cellKey(r, c));
  }
}
