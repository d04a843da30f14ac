/**
 * Excel.TableCollection and Excel.Table (docs-ref `excel.tablecollection.yml`, `excel.table.yml`); the model rules
 * are in model/tables.ts. A workbook-level `tables.add("A1:B2", …)` with no sheet in the address uses the active
 * sheet (**inference**). Table.delete() removes the table and its cells' contents and formats (**inference** from
 * VBA's ListObject.Delete, "Deletes the ListObject object and clears the cell data from the worksheet"); there is no
 * `showHeaders = false` in the double (it throws).
 * One file: the collection and the table are one proxy pair, as in @types/office-js.
 */
import { excelError, notInDouble } from "../errors";
import { clearRange } from "../model/grid";
import { SheetModel, Store, TableModel } from "../model/store";
import { bodyRect, createTable, headerRect, removeTable, renameTable, resizeTable, setShowTotals, totalRect } from "../model/tables";
import type { Core } from "../runtime/core";
import { ClientObjectDouble, CollectionDouble, Reader, clientResult, instantiate, AnyDouble } from "../runtime/proxy";
import { rangeFace } from "./range";
import { RangeRef, face, quote, resolveRangeArg } from "./shared";
import { TableColumnCollectionDouble, TableRowCollectionDouble } from "./tableParts";
import { WorksheetDouble } from "./worksheet";

type Owner = Store | SheetModel;

export class TableCollectionDouble
  extends CollectionDouble<Owner, TableModel, TableDouble>
  implements Pick<Excel.TableCollection, "context" | "load" | "items" | "count" | "add" | "getItem" | "getItemOrNullObject" | "getItemAt" | "getCount">
{
  constructor(
    core: Core,
    path: string,
    owner: () => Owner | null,
    private readonly onSheet: boolean,
  ) {
    super(core, "TableCollection", path, owner);
  }

  private _tables(owner: Owner): TableModel[] {
    return this.onSheet ? this._core.book.tablesOn(owner as SheetModel) : [...this._core.book.tables];
  }

  protected _entities(owner: Owner): readonly TableModel[] {
    return this._tables(owner);
  }

  protected _makeItem(t: TableModel): TableDouble {
    return new TableDouble(this._core, `${this._path}.getItem(${quote(t.id)})`, () => t);
  }

  protected override _readers(): Record<string, Reader<Owner>> {
    return { count: (o) => this._tables(o).length };
  }

  get items(): Excel.Table[] {
    return this._get("items");
  }
  get count(): number {
    return this._get("count");
  }

  load(option?: unknown): Excel.TableCollection {
    return this._load(option) as unknown as Excel.TableCollection;
  }

  private _table(path: string, resolve: () => TableModel | null, nullable = false): Excel.Table {
    const t = face<Excel.Table>(new TableDouble(this._core, `${this._path}.${path}`, resolve));
    if (nullable) instantiate(t, "TableCollection.getItemOrNullObject");
    return t;
  }

  add(address: Excel.Range | string, hasHeaders: boolean): Excel.Table {
    let created: TableModel | null = null;
    this._call("add", [typeof address === "string" ? address : "(Range)", hasHeaders], (owner) => {
      const book = this._core.book;
      const fallback = this.onSheet ? (owner as SheetModel) : book.activeSheet();
      const ref: RangeRef = resolveRangeArg(this._core, address, fallback, "TableCollection.add");
      created = createTable(book, ref.sheet, ref.rect, Boolean(hasHeaders), "TableCollection.add");
    });
    return this._table(`add(${quote(address)})`, () => {
      if (!created) throw excelError("GeneralException", "TableCollection.add", "The table was not added.");
      return created;
    });
  }

  private _find(key: string): TableModel | null {
    const owner = this._entity();
    if (!owner) return null;
    const t = this._core.book.tableByName(String(key));
    return t && this._tables(owner).includes(t) ? t : null;
  }

  getItem(key: string): Excel.Table {
    return this._table(`getItem(${quote(key)})`, () => {
      const t = this._find(key);
      if (!t) throw excelError("ItemNotFound", "TableCollection.getItem", `No table ${quote(key)}.`);
      return t;
    });
  }

  getItemOrNullObject(key: string): Excel.Table {
    this._gate("getItemOrNullObject");
    return this._table(`getItemOrNullObject(${quote(key)})`, () => this._find(key), true);
  }

  getItemAt(index: number): Excel.Table {
    return this._table(`getItemAt(${index})`, () => {
      const owner = this._entity();
      const t = owner ? this._tables(owner)[index] : undefined;
      if (!t) throw excelError("ItemNotFound", "TableCollection.getItemAt", `No table at ${index}.`);
      return t;
    });
  }

  getCount(): OfficeExtension.ClientResult<number> {
    this._gate("getCount");
    return clientResult(this, "getCount", (o) => this._tables(o).length);
  }
}

type TableMembers =
  | "context"
  | "isNullObject"
  | "load"
  | "name"
  | "id"
  | "worksheet"
  | "style"
  | "showBandedRows"
  | "showBandedColumns"
  | "showFilterButton"
  | "showTotals"
  | "showHeaders"
  | "highlightFirstColumn"
  | "highlightLastColumn"
  | "getHeaderRowRange"
  | "getDataBodyRange"
  | "getRange"
  | "getTotalRowRange"
  | "resize"
  | "rows"
  | "columns"
  | "delete"
  | "convertToRange"
  | "clearFilters";

type Flag = "showBandedRows" | "showBandedColumns" | "showFilterButton" | "highlightFirstColumn" | "highlightLastColumn";

export class TableDouble extends ClientObjectDouble<TableModel> implements Pick<Excel.Table, TableMembers> {
  private _rows: Excel.TableRowCollection | undefined;
  private _columns: Excel.TableColumnCollection | undefined;
  private _worksheet: Excel.Worksheet | undefined;

  constructor(core: Core, path: string, resolve: () => TableModel | null) {
    super(core, "Table", path, resolve);
  }

  protected override _alive(t: TableModel): boolean {
    return this._core.book.tables.includes(t);
  }

  protected _readers(): Record<string, Reader<TableModel>> {
    return {
      name: (t) => t.name,
      id: (t) => t.id,
      style: (t) => t.style,
      showTotals: (t) => t.showTotals,
      showHeaders: () => true,
      showBandedRows: (t) => t.showBandedRows,
      showBandedColumns: (t) => t.showBandedColumns,
      showFilterButton: (t) => t.showFilterButton,
      highlightFirstColumn: (t) => t.highlightFirstColumn,
      highlightLastColumn: (t) => t.highlightLastColumn,
    };
  }

  protected override _navigations(): Record<string, () => AnyDouble> {
    return { worksheet: () => this.worksheet as unknown as AnyDouble };
  }

  load(option?: unknown): Excel.Table {
    return this._load(option) as unknown as Excel.Table;
  }

  private _flag(prop: Flag, v: boolean): void {
    this._set(prop, v, (t) => this._core.book.set(t, prop, Boolean(v)));
  }

  get id(): string {
    return this._get("id");
  }
  get name(): string {
    return this._get("name");
  }
  set name(v: string) {
    this._set("name", v, (t) => renameTable(this._core.book, t, v));
  }
  get style(): string {
    return this._get("style");
  }
  set style(v: string) {
    this._set("style", v, (t) => this._core.book.set(t, "style", String(v)));
  }
  get showTotals(): boolean {
    return this._get("showTotals");
  }
  set showTotals(v: boolean) {
    this._set("showTotals", v, (t) => setShowTotals(this._core.book, t, Boolean(v)));
  }
  get showHeaders(): boolean {
    return this._get("showHeaders");
  }
  set showHeaders(v: boolean) {
    if (!v) throw notInDouble("setting Table.showHeaders to false");
    this._set("showHeaders", v, () => undefined);
  }
  get showBandedRows(): boolean {
    return this._get("showBandedRows");
  }
  set showBandedRows(v: boolean) {
    this._flag("showBandedRows", v);
  }
  get showBandedColumns(): boolean {
    return this._get("showBandedColumns");
  }
  set showBandedColumns(v: boolean) {
    this._flag("showBandedColumns", v);
  }
  get showFilterButton(): boolean {
    return this._get("showFilterButton");
  }
  set showFilterButton(v: boolean) {
    this._flag("showFilterButton", v);
  }
  get highlightFirstColumn(): boolean {
    return this._get("highlightFirstColumn");
  }
  set highlightFirstColumn(v: boolean) {
    this._flag("highlightFirstColumn", v);
  }
  get highlightLastColumn(): boolean {
    return this._get("highlightLastColumn");
  }
  set highlightLastColumn(v: boolean) {
    this._flag("highlightLastColumn", v);
  }

  get worksheet(): Excel.Worksheet {
    this._gate("worksheet");
    return (this._worksheet ??= face<Excel.Worksheet>(new WorksheetDouble(this._core, `${this._path}.worksheet`, () => this._entity()?.sheet ?? null)));
  }

  get rows(): Excel.TableRowCollection {
    return (this._rows ??= face<Excel.TableRowCollection>(new TableRowCollectionDouble(this._core, `${this._path}.rows`, () => this._entity())));
  }

  get columns(): Excel.TableColumnCollection {
    return (this._columns ??= face<Excel.TableColumnCollection>(new TableColumnCollectionDouble(this._core, `${this._path}.columns`, () => this._entity())));
  }

  private _part(method: string, part: (t: TableModel) => RangeRef["rect"] | null): Excel.Range {
    this._gate(method);
    return rangeFace(this._core, `${this._path}.${method}()`, () => {
      const t = this._entity();
      if (!t) return null;
      const r = part(t);
      if (!r) throw excelError("ItemNotFound", `Table.${method}`, "The table has no total row.");
      return { sheet: t.sheet, rect: r };
    });
  }

  getHeaderRowRange(): Excel.Range {
    return this._part("getHeaderRowRange", headerRect);
  }
  getDataBodyRange(): Excel.Range {
    return this._part("getDataBodyRange", bodyRect);
  }
  getRange(): Excel.Range {
    return this._part("getRange", (t) => t.range);
  }
  getTotalRowRange(): Excel.Range {
    return this._part("getTotalRowRange", totalRect);
  }

  resize(newRange: Excel.Range | string): void {
    this._call("resize", [typeof newRange === "string" ? newRange : "(Range)"], (t) => {
      const ref = resolveRangeArg(this._core, newRange, t.sheet, "Table.resize");
      resizeTable(this._core.book, t, ref.rect, ref.sheet);
    });
  }

  delete(): void {
    this._call("delete", [], (t) => {
      removeTable(this._core.book, t);
      clearRange(this._core.book, t.sheet, t.range, "All");
    });
  }

  convertToRange(): Excel.Range {
    let area: RangeRef | null = null;
    this._call("convertToRange", [], (t) => {
      area = { sheet: t.sheet, rect: t.range };
      removeTable(this._core.book, t);
    });
    return rangeFace(this._core, `${this._path}.convertToRange()`, () => area);
  }

  /** The double has no filters, so there is nothing to clear; the call is still checked and counted. */
  clearFilters(): void {
    this._call("clearFilters", [], () => undefined);
  }
}
