/**
 * Excel.Worksheet, WorksheetCollection and WorksheetFreezePanes (docs-ref `excel.worksheet.yml`,
 * `excel.worksheetcollection.yml`, `excel.worksheetfreezepanes.yml`).
 * Worksheet.getUsedRange: "If the entire worksheet is blank, this function will return the top left cell";
 * getUsedRangeOrNullObject gives a null object instead. Undo (docs-pr `excel-add-ins-undo-capabilities.md`):
 * Worksheet.delete has no undo anywhere; setting name, position and visibility has none on Windows and Mac.
 * freezeRows/freezeColumns replace any earlier freeze (**inference**: Excel has one split per view).
 * One file: the three classes are small and reach one another's state.
 */
import { MAX_COLUMNS, MAX_ROWS, parseAddress, rect } from "../address";
import { excelError } from "../errors";
import { usedRect } from "../model/grid";
import { activateSheet, addSheet, deleteSheet, moveSheet, renameSheet, setVisibility } from "../model/sheets";
import type { SheetModel, Store } from "../model/store";
import type { Core } from "../runtime/core";
import { ClientObjectDouble, CollectionDouble, Reader, clientResult, instantiate } from "../runtime/proxy";
import { ChartCollectionDouble } from "./charts";
import { PageBreakCollectionDouble, PageLayoutDouble } from "./pageBreaks";
import { rangeFace } from "./range";
import { checkedRect, face, quote, resolveRangeArg } from "./shared";
import { TableCollectionDouble } from "./tables";

type SheetMembers =
  | "context"
  | "isNullObject"
  | "load"
  | "name"
  | "position"
  | "visibility"
  | "id"
  | "tabColor"
  | "tables"
  | "charts"
  | "freezePanes"
  | "getRange"
  | "getRangeByIndexes"
  | "getCell"
  | "getUsedRange"
  | "getUsedRangeOrNullObject"
  | "activate"
  | "delete"
  | "horizontalPageBreaks"
  | "pageLayout";

type Visibility = Excel.SheetVisibility | "Visible" | "Hidden" | "VeryHidden";

export class WorksheetDouble extends ClientObjectDouble<SheetModel> implements Pick<Excel.Worksheet, SheetMembers> {
  private _tables: Excel.TableCollection | undefined;
  private _charts: Excel.ChartCollection | undefined;
  private _freezePanes: Excel.WorksheetFreezePanes | undefined;
  private _breaks: Excel.PageBreakCollection | undefined;
  private _pageLayout: Excel.PageLayout | undefined;

  constructor(core: Core, path: string, resolve: () => SheetModel | null) {
    super(core, "Worksheet", path, resolve);
  }

  protected override _alive(s: SheetModel): boolean {
    return this._core.book.sheets.includes(s);
  }

  protected _readers(): Record<string, Reader<SheetModel>> {
    return {
      name: (s) => s.name,
      id: (s) => s.id,
      position: (s) => this._core.book.sheets.indexOf(s),
      visibility: (s) => s.visibility,
      tabColor: (s) => s.tabColor,
    };
  }

  load(option?: unknown): Excel.Worksheet {
    return this._load(option) as unknown as Excel.Worksheet;
  }

  get id(): string {
    return this._get("id");
  }
  get name(): string {
    return this._get("name");
  }
  set name(v: string) {
    this._set("name", v, (s) => renameSheet(this._core.book, s, v), { undo: "unsupportedOnDesktop" });
  }
  get position(): number {
    return this._get("position");
  }
  set position(v: number) {
    this._set("position", v, (s) => moveSheet(this._core.book, s, v), { undo: "unsupportedOnDesktop" });
  }
  get visibility(): Visibility {
    return this._get("visibility");
  }
  set visibility(v: Visibility) {
    this._set("visibility", v, (s) => setVisibility(this._core.book, s, v), { undo: "unsupportedOnDesktop" });
  }
  get tabColor(): string {
    return this._get("tabColor");
  }
  set tabColor(v: string) {
    this._set("tabColor", v, (s) => this._core.book.set(s, "tabColor", v));
  }

  get tables(): Excel.TableCollection {
    return (this._tables ??= face<Excel.TableCollection>(new TableCollectionDouble(this._core, `${this._path}.tables`, () => this._entity(), true)));
  }

  get charts(): Excel.ChartCollection {
    return (this._charts ??= face<Excel.ChartCollection>(new ChartCollectionDouble(this._core, `${this._path}.charts`, () => this._entity())));
  }

  get freezePanes(): Excel.WorksheetFreezePanes {
    this._gate("freezePanes");
    return (this._freezePanes ??= face<Excel.WorksheetFreezePanes>(new FreezePanesDouble(this._core, `${this._path}.freezePanes`, () => this._entity())));
  }

  get horizontalPageBreaks(): Excel.PageBreakCollection {
    this._gate("horizontalPageBreaks");
    return (this._breaks ??= face<Excel.PageBreakCollection>(
      new PageBreakCollectionDouble(this._core, `${this._path}.horizontalPageBreaks`, () => this._entity()),
    ));
  }

  get pageLayout(): Excel.PageLayout {
    this._gate("pageLayout");
    return (this._pageLayout ??= face<Excel.PageLayout>(new PageLayoutDouble(this._core, `${this._path}.pageLayout`, () => this._entity())));
  }

  private _range(member: string, args: unknown[], at: (s: SheetModel) => ReturnType<typeof rect> | null, nullable = false): Excel.Range {
    this._gate(member);
    const location = `Worksheet.${member}`;
    const range = rangeFace(this._core, `${this._path}.${member}(${args.map((a) => JSON.stringify(a)).join(",")})`, () => {
      const s = this._entity();
      if (!s) return null;
      const r = at(s);
      return r ? { sheet: s, rect: checkedRect(r, location) } : null;
    });
    if (nullable) instantiate(range, location);
    return range;
  }

  getRange(address?: string): Excel.Range {
    return this._range("getRange", address === undefined ? [] : [address], (s) => {
      if (address === undefined) return rect(0, 0, MAX_ROWS - 1, MAX_COLUMNS - 1);
      const parsed = parseAddress(String(address));
      if (!parsed) throw excelError("InvalidArgument", "Worksheet.getRange", `${quote(address)} is not an address the double understands.`);
      if (parsed.sheet !== undefined && parsed.sheet.toLowerCase() !== s.name.toLowerCase()) {
        throw excelError("InvalidArgument", "Worksheet.getRange", `${quote(address)} is on another worksheet.`);
      }
      return parsed.rect;
    });
  }

  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): Excel.Range {
    return this._range("getRangeByIndexes", [startRow, startColumn, rowCount, columnCount], () => {
      if (rowCount < 1 || columnCount < 1) throw excelError("InvalidArgument", "Worksheet.getRangeByIndexes", "A range has at least one row and column.");
      return rect(startRow, startColumn, startRow + rowCount - 1, startColumn + columnCount - 1);
    });
  }

  getCell(row: number, column: number): Excel.Range {
    return this._range("getCell", [row, column], () => rect(row, column, row, column));
  }

  getUsedRange(valuesOnly = false): Excel.Range {
    return this._range("getUsedRange", [valuesOnly], (s) => usedRect(this._core.book, s, valuesOnly) ?? rect(0, 0, 0, 0));
  }

  getUsedRangeOrNullObject(valuesOnly = false): Excel.Range {
    return this._range("getUsedRangeOrNullObject", [valuesOnly], (s) => usedRect(this._core.book, s, valuesOnly), true);
  }

  activate(): void {
    this._call("activate", [], (s) => activateSheet(this._core.book, s));
  }

  delete(): void {
    this._call("delete", [], (s) => deleteSheet(this._core.book, s), { undo: "unsupported" });
  }
}

export class WorksheetCollectionDouble
  extends CollectionDouble<Store, SheetModel, WorksheetDouble>
  implements
    Pick<
      Excel.WorksheetCollection,
      "context" | "load" | "items" | "add" | "getItem" | "getItemOrNullObject" | "getActiveWorksheet" | "getCount" | "getFirst" | "getLast"
    >
{
  constructor(core: Core, path: string) {
    super(core, "WorksheetCollection", path, () => core.book);
  }

  protected _entities(store: Store): readonly SheetModel[] {
    return store.sheets;
  }

  protected _makeItem(sheet: SheetModel): WorksheetDouble {
    return new WorksheetDouble(this._core, `${this._path}.getItem(${quote(sheet.id)})`, () => sheet);
  }

  get items(): Excel.Worksheet[] {
    return this._get("items");
  }

  load(option?: unknown): Excel.WorksheetCollection {
    return this._load(option) as unknown as Excel.WorksheetCollection;
  }

  private _sheet(path: string, resolve: () => SheetModel | null, nullable = false): Excel.Worksheet {
    const sheet = new WorksheetDouble(this._core, `${this._path}.${path}`, resolve);
    if (nullable) instantiate(sheet, "WorksheetCollection.getItemOrNullObject");
    return face<Excel.Worksheet>(sheet);
  }

  add(name?: string): Excel.Worksheet {
    let created: SheetModel | null = null;
    this._call("add", name === undefined ? [] : [name], (store) => (created = addSheet(store, name)));
    return this._sheet(`add(${quote(name ?? "")})`, () => {
      if (!created) throw excelError("GeneralException", "WorksheetCollection.add", "The worksheet was not added.");
      return created;
    });
  }

  getItem(key: string): Excel.Worksheet {
    return this._sheet(`getItem(${quote(key)})`, () => {
      const s = this._core.book.sheetByName(String(key));
      if (!s) throw excelError("ItemNotFound", "WorksheetCollection.getItem", `No worksheet ${quote(key)}.`);
      return s;
    });
  }

  getItemOrNullObject(key: string): Excel.Worksheet {
    this._gate("getItemOrNullObject");
    return this._sheet(`getItemOrNullObject(${quote(key)})`, () => this._core.book.sheetByName(String(key)) ?? null, true);
  }

  getActiveWorksheet(): Excel.Worksheet {
    return this._sheet("getActiveWorksheet()", () => this._core.book.activeSheet());
  }

  getFirst(visibleOnly = false): Excel.Worksheet {
    this._gate("getFirst");
    return this._sheet("getFirst()", () => this._core.book.sheets.find((s) => !visibleOnly || s.visibility === "Visible") ?? null);
  }

  getLast(visibleOnly = false): Excel.Worksheet {
    this._gate("getLast");
    return this._sheet("getLast()", () => [...this._core.book.sheets].reverse().find((s) => !visibleOnly || s.visibility === "Visible") ?? null);
  }

  getCount(visibleOnly = false): OfficeExtension.ClientResult<number> {
    this._gate("getCount");
    return clientResult(this, "getCount", (store) => store.sheets.filter((s) => !visibleOnly || s.visibility === "Visible").length);
  }
}

export class FreezePanesDouble
  extends ClientObjectDouble<SheetModel>
  implements Pick<Excel.WorksheetFreezePanes, "context" | "freezeRows" | "freezeColumns" | "freezeAt" | "unfreeze" | "getLocation" | "getLocationOrNullObject">
{
  constructor(core: Core, path: string, resolve: () => SheetModel | null) {
    super(core, "WorksheetFreezePanes", path, resolve);
  }

  protected _readers(): Record<string, Reader<SheetModel>> {
    return {};
  }

  private _freeze(method: string, args: unknown[], rowsCount: (s: SheetModel) => number, columnsCount: (s: SheetModel) => number): void {
    this._call(method, args, (s) => {
      const r = rowsCount(s);
      const c = columnsCount(s);
      if (r < 0 || c < 0 || r >= MAX_ROWS || c >= MAX_COLUMNS) throw excelError("InvalidArgument", `WorksheetFreezePanes.${method}`);
      this._core.book.set(s, "frozenRows", r);
      this._core.book.set(s, "frozenColumns", c);
    });
  }

  freezeRows(count = 1): void {
    this._freeze(
      "freezeRows",
      [count],
      () => count,
      () => 0,
    );
  }

  freezeColumns(count = 1): void {
    this._freeze(
      "freezeColumns",
      [count],
      () => 0,
      () => count,
    );
  }

  freezeAt(frozenRange: Excel.Range | string): void {
    const at = (s: SheetModel) => resolveRangeArg(this._core, frozenRange, s, "WorksheetFreezePanes.freezeAt").rect;
    this._freeze(
      "freezeAt",
      [],
      (s) => at(s).r1 + 1,
      (s) => at(s).c1 + 1,
    );
  }

  unfreeze(): void {
    this._freeze(
      "unfreeze",
      [],
      () => 0,
      () => 0,
    );
  }

  private _location(method: string, nullable: boolean): Excel.Range {
    this._gate(method);
    const range = rangeFace(this._core, `${this._path}.${method}()`, () => {
      const s = this._entity();
      if (!s) return null;
      if (!s.frozenRows && !s.frozenColumns) {
        if (nullable) return null;
        throw excelError("ItemNotFound", `WorksheetFreezePanes.${method}`, "Nothing is frozen.");
      }
      return { sheet: s, rect: rect(0, 0, s.frozenRows ? s.frozenRows - 1 : MAX_ROWS - 1, s.frozenColumns ? s.frozenColumns - 1 : MAX_COLUMNS - 1) };
    });
    if (nullable) instantiate(range, `WorksheetFreezePanes.${method}`);
    return range;
  }

  getLocation(): Excel.Range {
    return this._location("getLocation", false);
  }

  getLocationOrNullObject(): Excel.Range {
    return this._location("getLocationOrNullObject", true);
  }
}
