/**
 * Table rows and columns (docs-ref `excel.tablerowcollection.yml`, `excel.tablerow.yml`,
 * `excel.tablecolumncollection.yml`, `excel.tablecolumn.yml`). "A TableRow object represents the physical location
 * of the table row, but not the data." Adding several rows needs ExcelApi 1.4, `alwaysInsert` 1.15, a column name
 * at creation 1.4 (the remarks of `add`). TableRowCollection.deleteRows/deleteRowsAt are ExcelApiOnline only and not
 * in the double; delete rows with `Range.delete("Up")`.
 * One file: rows and columns share the table's record and its resize rules.
 */
import { rect } from "../address";
import { excelError } from "../errors";
import { formulaOf, valueOf } from "../model/cells";
import { readGrid, writeContent } from "../model/grid";
import { TableModel } from "../model/store";
import { addTableColumn, addTableRows, bodyRect, bodyRowCount, deleteTableColumn, headerNames, normalizeHeaders } from "../model/tables";
import { deleteCells } from "../model/shift";
import type { Core } from "../runtime/core";
import { ClientObjectDouble, CollectionDouble, Reader, clientResult, instantiate } from "../runtime/proxy";
import { rangeFace } from "./range";
import { RangeRef, face, quote } from "./shared";

interface RowRef {
  table: TableModel;
  index: number;
}

interface ColumnRef {
  table: TableModel;
  id: number;
}

const rowRect = (r: RowRef) => {
  const body = bodyRect(r.table);
  if (r.index < 0 || r.index >= bodyRowCount(r.table)) throw excelError("ItemNotFound", "TableRow", `No row ${r.index}.`);
  return rect(body.r0 + r.index, body.c0, body.r0 + r.index, body.c1);
};

function columnIndexOf(c: ColumnRef): number {
  const k = c.table.columnIds.indexOf(c.id);
  if (k < 0) throw excelError("ItemNotFound", "TableColumn", "The column no longer exists.");
  return k;
}

export class TableRowCollectionDouble
  extends CollectionDouble<TableModel, RowRef, TableRowDouble>
  implements Pick<Excel.TableRowCollection, "context" | "load" | "items" | "count" | "add" | "getCount" | "getItemAt">
{
  private readonly _rows = new Map<string, RowRef>();

  constructor(core: Core, path: string, table: () => TableModel | null) {
    super(core, "TableRowCollection", path, table);
  }

  private _ref(t: TableModel, index: number): RowRef {
    const key = `${t.id}:${index}`;
    let ref = this._rows.get(key);
    if (!ref) this._rows.set(key, (ref = { table: t, index }));
    return ref;
  }

  protected _entities(t: TableModel): readonly RowRef[] {
    return Array.from({ length: bodyRowCount(t) }, (_, k) => this._ref(t, k));
  }

  protected _makeItem(ref: RowRef): TableRowDouble {
    return new TableRowDouble(this._core, `${this._path}.getItemAt(${ref.index})`, () => ref);
  }

  protected override _readers(): Record<string, Reader<TableModel>> {
    return { count: (t) => bodyRowCount(t) };
  }

  get items(): Excel.TableRow[] {
    return this._get("items");
  }
  get count(): number {
    return this._get("count");
  }

  load(option?: unknown): Excel.TableRowCollection {
    return this._load(option) as unknown as Excel.TableRowCollection;
  }

  add(index?: number, values?: Array<Array<boolean | string | number>> | boolean | string | number, alwaysInsert?: boolean): Excel.TableRow {
    if (Array.isArray(values) && values.length > 1) this._need("1.4", "add (several rows)");
    if (alwaysInsert !== undefined) this._need("1.15", "add (alwaysInsert)");
    let added: RowRef | null = null;
    this._call("add", [index ?? null, values ?? null, alwaysInsert ?? true], (t) => {
      const at = addTableRows(this._core.book, t, index, values, alwaysInsert ?? true, this._core.env.input);
      added = { table: t, index: at };
    });
    return face<Excel.TableRow>(new TableRowDouble(this._core, `${this._path}.add()`, () => added));
  }

  getItemAt(index: number): Excel.TableRow {
    return face<Excel.TableRow>(
      new TableRowDouble(this._core, `${this._path}.getItemAt(${index})`, () => {
        const t = this._entity();
        return t ? { table: t, index } : null;
      }),
    );
  }

  getCount(): OfficeExtension.ClientResult<number> {
    this._gate("getCount");
    return clientResult(this, "getCount", (t) => bodyRowCount(t));
  }
}

export class TableRowDouble
  extends ClientObjectDouble<RowRef>
  implements Pick<Excel.TableRow, "context" | "load" | "index" | "values" | "getRange" | "delete">
{
  constructor(core: Core, path: string, resolve: () => RowRef | null) {
    super(core, "TableRow", path, resolve);
  }

  protected _readers(): Record<string, Reader<RowRef>> {
    return {
      index: (r) => (rowRect(r), r.index),
      values: (r) => readGrid(this._core.book, r.table.sheet, rowRect(r), valueOf),
    };
  }

  load(option?: unknown): Excel.TableRow {
    return this._load(option) as unknown as Excel.TableRow;
  }

  get index(): number {
    return this._get("index");
  }
  get values(): any[][] {
    return this._get("values");
  }
  set values(v: any[][]) {
    this._set("values", v, (r) => writeContent(this._core.book, r.table.sheet, rowRect(r), v, this._core.env.input, "values"));
  }

  getRange(): Excel.Range {
    return rangeFace(this._core, `${this._path}.getRange()`, () => {
      const r = this._entity();
      return r ? { sheet: r.table.sheet, rect: rowRect(r) } : null;
    });
  }

  delete(): void {
    this._call("delete", [], (r) => deleteCells(this._core.book, r.table.sheet, rowRect(r), "rows", "TableRow.delete"));
  }
}

export class TableColumnCollectionDouble
  extends CollectionDouble<TableModel, ColumnRef, TableColumnDouble>
  implements Pick<Excel.TableColumnCollection, "context" | "load" | "items" | "count" | "add" | "getItem" | "getItemOrNullObject" | "getItemAt" | "getCount">
{
  private readonly _columns = new Map<string, ColumnRef>();

  constructor(core: Core, path: string, table: () => TableModel | null) {
    super(core, "TableColumnCollection", path, table);
  }

  private _ref(t: TableModel, id: number): ColumnRef {
    const key = `${t.id}:${id}`;
    let ref = this._columns.get(key);
    if (!ref) this._columns.set(key, (ref = { table: t, id }));
    return ref;
  }

  protected _entities(t: TableModel): readonly ColumnRef[] {
    return t.columnIds.map((id) => this._ref(t, id));
  }

  protected _makeItem(ref: ColumnRef): TableColumnDouble {
    return new TableColumnDouble(this._core, `${this._path}.getItem(${ref.id})`, () => ref);
  }

  protected override _readers(): Record<string, Reader<TableModel>> {
    return { count: (t) => t.columnIds.length };
  }

  get items(): Excel.TableColumn[] {
    return this._get("items");
  }
  get count(): number {
    return this._get("count");
  }

  load(option?: unknown): Excel.TableColumnCollection {
    return this._load(option) as unknown as Excel.TableColumnCollection;
  }

  private _column(path: string, find: (t: TableModel) => ColumnRef | null, nullable: boolean): Excel.TableColumn {
    const column = face<Excel.TableColumn>(
      new TableColumnDouble(this._core, `${this._path}.${path}`, () => {
        const t = this._entity();
        if (!t) return null;
        const ref = find(t);
        if (!ref && !nullable) throw excelError("ItemNotFound", "TableColumnCollection.getItem", `No column ${path}.`);
        return ref;
      }),
    );
    if (nullable) instantiate(column, "TableColumnCollection.getItemOrNullObject");
    return column;
  }

  private _byKey(t: TableModel, key: number | string): ColumnRef | null {
    if (typeof key === "number") return t.columnIds.includes(key) ? this._ref(t, key) : null;
    const k = headerNames(this._core.book, t).findIndex((name) => name.toLowerCase() === String(key).toLowerCase());
    return k >= 0 ? this._ref(t, t.columnIds[k]!) : null;
  }

  add(index?: number, values?: Array<Array<boolean | string | number>> | boolean | string | number, name?: string): Excel.TableColumn {
    if (name !== undefined) this._need("1.4", "add (name)");
    let added: ColumnRef | null = null;
    this._call("add", [index ?? null, values ?? null, name ?? null], (t) => {
      const at = addTableColumn(this._core.book, t, index, values, name, this._core.env.input);
      added = this._ref(t, t.columnIds[at]!);
    });
    return face<Excel.TableColumn>(new TableColumnDouble(this._core, `${this._path}.add()`, () => added));
  }

  getItem(key: number | string): Excel.TableColumn {
    return this._column(`getItem(${quote(key)})`, (t) => this._byKey(t, key), false);
  }

  getItemOrNullObject(key: number | string): Excel.TableColumn {
    this._gate("getItemOrNullObject");
    return this._column(`getItemOrNullObject(${quote(key)})`, (t) => this._byKey(t, key), true);
  }

  getItemAt(index: number): Excel.TableColumn {
    return this._column(`getItemAt(${index})`, (t) => (t.columnIds[index] !== undefined ? this._ref(t, t.columnIds[index]!) : null), false);
  }

  getCount(): OfficeExtension.ClientResult<number> {
    this._gate("getCount");
    return clientResult(this, "getCount", (t) => t.columnIds.length);
  }
}

type ColumnMembers =
  | "context"
  | "isNullObject"
  | "load"
  | "id"
  | "index"
  | "name"
  | "values"
  | "getDataBodyRange"
  | "getHeaderRowRange"
  | "getRange"
  | "getTotalRowRange"
  | "delete";

export class TableColumnDouble extends ClientObjectDouble<ColumnRef> implements Pick<Excel.TableColumn, ColumnMembers> {
  constructor(core: Core, path: string, resolve: () => ColumnRef | null) {
    super(core, "TableColumn", path, resolve);
  }

  private _rect(c: ColumnRef, part: "all" | "header" | "body" | "total"): RangeRef["rect"] {
    const t = c.table;
    const j = t.range.c0 + columnIndexOf(c);
    const body = bodyRect(t);
    if (part === "header") return rect(t.range.r0, j, t.range.r0, j);
    if (part === "body") return rect(body.r0, j, body.r1, j);
    if (part === "total") {
      if (!t.showTotals) throw excelError("ItemNotFound", "TableColumn.getTotalRowRange", "The table has no total row.");
      return rect(t.range.r1, j, t.range.r1, j);
    }
    return rect(t.range.r0, j, t.range.r1, j);
  }

  protected _readers(): Record<string, Reader<ColumnRef>> {
    const book = this._core.book;
    return {
      id: (c) => c.id,
      index: (c) => columnIndexOf(c),
      name: (c) => String(book.cellAt(c.table.sheet, c.table.range.r0, c.table.range.c0 + columnIndexOf(c))?.v ?? ""),
      values: (c) => readGrid(book, c.table.sheet, this._rect(c, "all"), valueOf),
      formulas: (c) => readGrid(book, c.table.sheet, this._rect(c, "all"), formulaOf),
    };
  }

  load(option?: unknown): Excel.TableColumn {
    return this._load(option) as unknown as Excel.TableColumn;
  }

  get id(): number {
    return this._get("id");
  }
  get index(): number {
    return this._get("index");
  }
  get name(): string {
    return this._get("name");
  }
  set name(v: string) {
    this._set("name", v, (c) => {
      const r = this._rect(c, "header");
      this._core.book.patchCell(c.table.sheet, r.r0, r.c0, { v: String(v), f: undefined, err: undefined });
      normalizeHeaders(this._core.book, c.table);
    });
  }
  get values(): any[][] {
    return this._get("values");
  }
  set values(v: any[][]) {
    this._set("values", v, (c) => writeContent(this._core.book, c.table.sheet, this._rect(c, "all"), v, this._core.env.input, "values"));
  }

  private _part(method: string, part: "all" | "header" | "body" | "total"): Excel.Range {
    return rangeFace(this._core, `${this._path}.${method}()`, () => {
      const c = this._entity();
      return c ? { sheet: c.table.sheet, rect: this._rect(c, part) } : null;
    });
  }

  getDataBodyRange(): Excel.Range {
    return this._part("getDataBodyRange", "body");
  }
  getHeaderRowRange(): Excel.Range {
    return this._part("getHeaderRowRange", "header");
  }
  getRange(): Excel.Range {
    return this._part("getRange", "all");
  }
  getTotalRowRange(): Excel.Range {
    return this._part("getTotalRowRange", "total");
  }

  delete(): void {
    this._call("delete", [], (c) => deleteTableColumn(this._core.book, c.table, columnIndexOf(c)));
  }
}
