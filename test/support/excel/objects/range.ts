/**
 * Excel.Range (docs-ref `excel.range.yml`). Geometry methods return new proxies usable at once; what they point at
 * is worked out when the queue runs (so `tables.add(…).getDataBodyRange()` works in the same batch) and then stays
 * fixed (**inference**: real ranges also adjust when cells are inserted before them; the double's do not).
 * "If the resulting range is forced outside the bounds of the worksheet grid, an error will be thrown"
 * (getOffsetRange): InvalidArgument here. Reads of more than five million cells fail with RangeExceedsLimit and
 * apply nothing (docs-pr `excel/performance.md`; Excel sometimes returns null instead — the double always fails).
 * One file: Range's members are one proxy class, as in @types/office-js.
 */
import { MAX_COLUMNS, MAX_ROWS, Rect, cellCount, columns, intersection, rect, rows, sheetAddress } from "../address";
import { excelError } from "../errors";
import { Cell, formulaOf, numberFormatOf, textOf, valueOf, valueTypeOf } from "../model/cells";
import { ClearApplyTo, clearRange, readGrid, usedRect, writeContent, writeNumberFormat } from "../model/grid";
import { deleteCells, insertCells } from "../model/shift";
import { Core, wholeSync } from "../runtime/core";
import { ClientObjectDouble, Reader, instantiate, AnyDouble } from "../runtime/proxy";
import { READ_CELL_LIMIT } from "../runtime/stats";
import { ConditionalFormatCollectionDouble } from "./conditional";
import { RangeFormatDouble } from "./format";
import { RangeRef, checkedRect, face, resolveRangeArg } from "./shared";
import { WorksheetDouble } from "./worksheet";

type RangeMembers =
  | "context"
  | "isNullObject"
  | "load"
  | "track"
  | "untrack"
  | "address"
  | "addressLocal"
  | "cellCount"
  | "columnCount"
  | "columnIndex"
  | "rowCount"
  | "rowIndex"
  | "values"
  | "numberFormat"
  | "formulas"
  | "text"
  | "valueTypes"
  | "hyperlink"
  | "isEntireColumn"
  | "isEntireRow"
  | "format"
  | "conditionalFormats"
  | "worksheet"
  | "clear"
  | "delete"
  | "insert"
  | "getCell"
  | "getResizedRange"
  | "getOffsetRange"
  | "getRow"
  | "getColumn"
  | "getRowsBelow"
  | "getRowsAbove"
  | "getColumnsAfter"
  | "getColumnsBefore"
  | "getLastRow"
  | "getLastColumn"
  | "getLastCell"
  | "getEntireColumn"
  | "getEntireRow"
  | "getBoundingRect"
  | "getIntersection"
  | "getIntersectionOrNullObject"
  | "getUsedRange"
  | "getUsedRangeOrNullObject"
  | "select";

export function rangeFace(core: Core, path: string, resolve: () => RangeRef | null): Excel.Range {
  return face<Excel.Range>(new RangeDouble(core, path, resolve));
}

export class RangeDouble extends ClientObjectDouble<RangeRef> implements Pick<Excel.Range, RangeMembers> {
  private _format: Excel.RangeFormat | undefined;
  private _conditionalFormats: Excel.ConditionalFormatCollection | undefined;
  private _worksheet: Excel.Worksheet | undefined;

  constructor(core: Core, path: string, resolve: () => RangeRef | null) {
    super(core, "Range", path, resolve);
  }

  private _grid<T>(read: (cell: Cell | undefined) => T): Reader<RangeRef> {
    return (e) => {
      if (cellCount(e.rect) > READ_CELL_LIMIT) {
        throw wholeSync(excelError("RangeExceedsLimit", "Range.load", `${cellCount(e.rect)} cells; reads are limited to ${READ_CELL_LIMIT}.`));
      }
      return readGrid(this._core.book, e.sheet, e.rect, read);
    };
  }

  protected _readers(): Record<string, Reader<RangeRef>> {
    const language = this._core.book.options.language;
    return {
      address: (e) => sheetAddress(e.sheet.name, e.rect),
      addressLocal: (e) => sheetAddress(e.sheet.name, e.rect),
      cellCount: (e) => cellCount(e.rect),
      columnCount: (e) => columns(e.rect),
      rowCount: (e) => rows(e.rect),
      columnIndex: (e) => e.rect.c0,
      rowIndex: (e) => e.rect.r0,
      isEntireColumn: (e) => e.rect.r0 === 0 && e.rect.r1 === MAX_ROWS - 1,
      isEntireRow: (e) => e.rect.c0 === 0 && e.rect.c1 === MAX_COLUMNS - 1,
      values: this._grid(valueOf),
      formulas: this._grid(formulaOf),
      text: this._grid((cell) => textOf(cell, language)),
      valueTypes: this._grid(valueTypeOf),
      numberFormat: this._grid(numberFormatOf),
      hyperlink: (e) => ({ ...this._core.book.cellAt(e.sheet, e.rect.r0, e.rect.c0)?.link }),
    };
  }

  protected override _navigations(): Record<string, () => AnyDouble> {
    return {
      format: () => this.format as unknown as AnyDouble,
      worksheet: () => this.worksheet as unknown as AnyDouble,
    };
  }

  load(option?: unknown): Excel.Range {
    return this._load(option) as unknown as Excel.Range;
  }

  track(): Excel.Range {
    return this as unknown as Excel.Range;
  }

  untrack(): Excel.Range {
    return this as unknown as Excel.Range;
  }

  get address(): string {
    return this._get("address");
  }
  get addressLocal(): string {
    return this._get("addressLocal");
  }
  get cellCount(): number {
    return this._get("cellCount");
  }
  get columnCount(): number {
    return this._get("columnCount");
  }
  get rowCount(): number {
    return this._get("rowCount");
  }
  get columnIndex(): number {
    return this._get("columnIndex");
  }
  get rowIndex(): number {
    return this._get("rowIndex");
  }
  get isEntireColumn(): boolean {
    return this._get("isEntireColumn");
  }
  get isEntireRow(): boolean {
    return this._get("isEntireRow");
  }
  get text(): string[][] {
    return this._get("text");
  }
  get valueTypes(): Excel.RangeValueType[][] {
    return this._get("valueTypes");
  }

  get values(): any[][] {
    return this._get("values");
  }
  set values(v: any[][]) {
    this._set("values", v, (e) => writeContent(this._core.book, e.sheet, e.rect, v, this._core.env.input, "values"));
  }

  get formulas(): any[][] {
    return this._get("formulas");
  }
  set formulas(v: any[][]) {
    this._set("formulas", v, (e) => writeContent(this._core.book, e.sheet, e.rect, v, this._core.env.input, "formulas"));
  }

  get numberFormat(): any[][] {
    return this._get("numberFormat");
  }
  set numberFormat(v: any[][]) {
    this._set("numberFormat", v, (e) => writeNumberFormat(this._core.book, e.sheet, e.rect, v));
  }

  get hyperlink(): Excel.RangeHyperlink {
    return this._get("hyperlink");
  }
  /** **Inference:** textToDisplay becomes the cell's text; an empty cell shows the address. */
  set hyperlink(link: Excel.RangeHyperlink) {
    this._gate("hyperlink");
    this._set("hyperlink", link, (e) => {
      const book = this._core.book;
      if (!link || typeof link !== "object") throw excelError("InvalidArgument", "Range.hyperlink");
      const clean = Object.fromEntries(Object.entries(link).filter(([, v]) => v !== undefined && v !== null));
      for (let i = e.rect.r0; i <= e.rect.r1; i++) {
        for (let j = e.rect.c0; j <= e.rect.c1; j++) {
          const old = book.cellAt(e.sheet, i, j);
          const shown = link.textToDisplay ?? (old && old.v !== "" ? undefined : (link.address ?? link.documentReference));
          book.patchCell(e.sheet, i, j, { link: clean, ...(shown !== undefined ? { v: shown, f: undefined, err: undefined } : {}) });
        }
      }
    });
  }

  get format(): Excel.RangeFormat {
    return (this._format ??= face<Excel.RangeFormat>(new RangeFormatDouble(this._core, `${this._path}.format`, () => this._entity())));
  }

  get conditionalFormats(): Excel.ConditionalFormatCollection {
    this._gate("conditionalFormats");
    return (this._conditionalFormats ??= face<Excel.ConditionalFormatCollection>(
      new ConditionalFormatCollectionDouble(this._core, `${this._path}.conditionalFormats`, () => this._entity()),
    ));
  }

  get worksheet(): Excel.Worksheet {
    return (this._worksheet ??= face<Excel.Worksheet>(new WorksheetDouble(this._core, `${this._path}.worksheet`, () => this._entity()?.sheet ?? null)));
  }

  /** A range derived from this one when the queue runs. */
  private _derive(member: string, args: unknown[], f: (r: Rect, e: RangeRef) => Rect | null, nullable = false): Excel.Range {
    this._gate(member);
    const location = `Range.${member}`;
    return rangeFace(this._core, `${this._path}.${member}(${args.map((a) => JSON.stringify(a)).join(",")})`, () => {
      const e = this._entity();
      if (!e) return null;
      const r = f(e.rect, e);
      if (!r) {
        if (nullable) return null;
        throw excelError("ItemNotFound", location);
      }
      return { sheet: e.sheet, rect: checkedRect(r, location) };
    });
  }

  getCell(row: number, column: number): Excel.Range {
    return this._derive("getCell", [row, column], (r) => rect(r.r0 + row, r.c0 + column, r.r0 + row, r.c0 + column));
  }

  getResizedRange(deltaRows: number, deltaColumns: number): Excel.Range {
    return this._derive("getResizedRange", [deltaRows, deltaColumns], (r) => rect(r.r0, r.c0, r.r1 + deltaRows, r.c1 + deltaColumns));
  }

  getOffsetRange(rowOffset: number, columnOffset: number): Excel.Range {
    return this._derive("getOffsetRange", [rowOffset, columnOffset], (r) => rect(r.r0 + rowOffset, r.c0 + columnOffset, r.r1 + rowOffset, r.c1 + columnOffset));
  }

  getRow(row: number): Excel.Range {
    return this._derive("getRow", [row], (r) => (row >= 0 && row < rows(r) ? rect(r.r0 + row, r.c0, r.r0 + row, r.c1) : rect(-1, 0, -1, 0)));
  }

  getColumn(column: number): Excel.Range {
    return this._derive("getColumn", [column], (r) =>
      column >= 0 && column < columns(r) ? rect(r.r0, r.c0 + column, r.r1, r.c0 + column) : rect(0, -1, 0, -1),
    );
  }

  getRowsBelow(count = 1): Excel.Range {
    return this._derive("getRowsBelow", [count], (r) => rect(r.r1 + 1, r.c0, r.r1 + count, r.c1));
  }

  getRowsAbove(count = 1): Excel.Range {
    return this._derive("getRowsAbove", [count], (r) => rect(r.r0 - count, r.c0, r.r0 - 1, r.c1));
  }

  getColumnsAfter(count = 1): Excel.Range {
    return this._derive("getColumnsAfter", [count], (r) => rect(r.r0, r.c1 + 1, r.r1, r.c1 + count));
  }

  getColumnsBefore(count = 1): Excel.Range {
    return this._derive("getColumnsBefore", [count], (r) => rect(r.r0, r.c0 - count, r.r1, r.c0 - 1));
  }

  getLastRow(): Excel.Range {
    return this._derive("getLastRow", [], (r) => rect(r.r1, r.c0, r.r1, r.c1));
  }

  getLastColumn(): Excel.Range {
    return this._derive("getLastColumn", [], (r) => rect(r.r0, r.c1, r.r1, r.c1));
  }

  getLastCell(): Excel.Range {
    return this._derive("getLastCell", [], (r) => rect(r.r1, r.c1, r.r1, r.c1));
  }

  getEntireColumn(): Excel.Range {
    return this._derive("getEntireColumn", [], (r) => rect(0, r.c0, MAX_ROWS - 1, r.c1));
  }

  getEntireRow(): Excel.Range {
    return this._derive("getEntireRow", [], (r) => rect(r.r0, 0, r.r1, MAX_COLUMNS - 1));
  }

  getBoundingRect(anotherRange: Excel.Range | string): Excel.Range {
    return this._derive("getBoundingRect", [], (r, e) => {
      const o = resolveRangeArg(this._core, anotherRange, e.sheet, "Range.getBoundingRect").rect;
      return rect(Math.min(r.r0, o.r0), Math.min(r.c0, o.c0), Math.max(r.r1, o.r1), Math.max(r.c1, o.c1));
    });
  }

  getIntersection(anotherRange: Excel.Range | string): Excel.Range {
    return this._derive("getIntersection", [], (r, e) => intersection(r, resolveRangeArg(this._core, anotherRange, e.sheet, "Range.getIntersection").rect));
  }

  getIntersectionOrNullObject(anotherRange: Excel.Range | string): Excel.Range {
    const range = this._derive(
      "getIntersectionOrNullObject",
      [],
      (r, e) => intersection(r, resolveRangeArg(this._core, anotherRange, e.sheet, "Range.getIntersectionOrNullObject").rect),
      true,
    );
    instantiate(range, "Range.getIntersectionOrNullObject");
    return range;
  }

  getUsedRange(valuesOnly = false): Excel.Range {
    return this._derive("getUsedRange", [valuesOnly], (r, e) => usedRect(this._core.book, e.sheet, valuesOnly, r));
  }

  getUsedRangeOrNullObject(valuesOnly = false): Excel.Range {
    const range = this._derive("getUsedRangeOrNullObject", [valuesOnly], (r, e) => usedRect(this._core.book, e.sheet, valuesOnly, r), true);
    instantiate(range, "Range.getUsedRangeOrNullObject");
    return range;
  }

  clear(applyTo: Excel.ClearApplyTo | ClearApplyTo = "All"): void {
    this._call("clear", [applyTo], (e) => clearRange(this._core.book, e.sheet, e.rect, applyTo as ClearApplyTo));
  }

  delete(shift: Excel.DeleteShiftDirection | "Up" | "Left"): void {
    this._call("delete", [shift], (e) => {
      if (shift !== "Up" && shift !== "Left") throw excelError("InvalidArgument", "Range.delete", `Shift ${String(shift)}.`);
      deleteCells(this._core.book, e.sheet, e.rect, shift === "Up" ? "rows" : "columns", "Range.delete");
    });
  }

  insert(shift: Excel.InsertShiftDirection | "Down" | "Right"): Excel.Range {
    this._call("insert", [shift], (e) => {
      if (shift !== "Down" && shift !== "Right") throw excelError("InvalidArgument", "Range.insert", `Shift ${String(shift)}.`);
      insertCells(this._core.book, e.sheet, e.rect, shift === "Down" ? "rows" : "columns", "Range.insert");
    });
    return this._derive("insert", [shift], (r) => r);
  }

  select(): void {
    this._call("select", [], (e) => {
      const book = this._core.book;
      book.set(book, "activeSheetId", e.sheet.id);
      book.set(book, "selection", { sheetId: e.sheet.id, rect: e.rect });
    });
  }
}
