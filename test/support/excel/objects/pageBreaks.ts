/**
 * Worksheet.horizontalPageBreaks and Worksheet.pageLayout (ExcelApi 1.9; docs-ref `excel.pagebreakcollection.yml`:
 * "add(pageBreakRange): Adds a page break before the top-left cell of the range specified", "removePageBreaks():
 * Resets all manual page breaks in the collection", "This collection only contains manual page breaks"
 * (`excel.worksheet.yml`); `excel.pagebreak.yml` rowIndex; `excel.pagelayout.yml` orientation, zoom: "The
 * `PageLayoutZoomOptions` object must be set as a JSON object"). The model keeps the 0-based rows a break comes
 * before. **Inferences:** a break before row 1 is refused with InvalidArgument (there is nothing above it to end a
 * page); adding a break that exists keeps one. Excel's limit of 1023 manual breaks per sheet (as rust_xlsxwriter's
 * set_page_breaks documents it) is not modelled.
 */
import { excelError } from "../errors";
import { SheetModel } from "../model/store";
import type { Core } from "../runtime/core";
import { ClientObjectDouble, CollectionDouble, Reader, clientResult } from "../runtime/proxy";
import { resolveRangeArg } from "./shared";

interface BreakRef {
  sheet: SheetModel;
  row: number;
}

export class PageBreakCollectionDouble
  extends CollectionDouble<SheetModel, BreakRef, PageBreakDouble>
  implements Pick<Excel.PageBreakCollection, "context" | "load" | "items" | "add" | "getCount" | "removePageBreaks">
{
  private readonly _refs = new Map<string, BreakRef>();

  constructor(core: Core, path: string, sheet: () => SheetModel | null) {
    super(core, "PageBreakCollection", path, sheet);
  }

  private _ref(sheet: SheetModel, row: number): BreakRef {
    const key = `${sheet.id}:${row}`;
    let ref = this._refs.get(key);
    if (!ref) this._refs.set(key, (ref = { sheet, row }));
    return ref;
  }

  protected _entities(sheet: SheetModel): readonly BreakRef[] {
    return sheet.pageBreaks.map((r) => this._ref(sheet, r));
  }
  protected _makeItem(ref: BreakRef): PageBreakDouble {
    return new PageBreakDouble(this._core, `${this._path}.getItem(${ref.row})`, () => ref);
  }

  get items(): Excel.PageBreak[] {
    return this._get("items");
  }
  load(option?: unknown): Excel.PageBreakCollection {
    return this._load(option) as unknown as Excel.PageBreakCollection;
  }

  add(pageBreakRange: Excel.Range | string): Excel.PageBreak {
    let row = -1;
    this._call("add", [typeof pageBreakRange === "string" ? pageBreakRange : "(Range)"], (sheet) => {
      const r = resolveRangeArg(this._core, pageBreakRange, sheet, "PageBreakCollection.add").rect.r0;
      if (r < 1) throw excelError("InvalidArgument", "PageBreakCollection.add", "A page break cannot come before the first row.");
      row = r;
      if (!sheet.pageBreaks.includes(r))
        this._core.book.set(
          sheet,
          "pageBreaks",
          [...sheet.pageBreaks, r].sort((a, b) => a - b),
        );
    });
    return new PageBreakDouble(this._core, `${this._path}.add()`, () => {
      const sheet = this._entity();
      return sheet && row >= 0 ? this._ref(sheet, row) : null;
    }) as unknown as Excel.PageBreak;
  }

  getCount(): OfficeExtension.ClientResult<number> {
    return clientResult(this, "getCount", (s) => s.pageBreaks.length);
  }

  removePageBreaks(): void {
    this._call("removePageBreaks", [], (sheet) => this._core.book.set(sheet, "pageBreaks", []));
  }
}

export class PageBreakDouble extends ClientObjectDouble<BreakRef> implements Pick<Excel.PageBreak, "context" | "load" | "rowIndex" | "columnIndex"> {
  constructor(core: Core, path: string, resolve: () => BreakRef | null) {
    super(core, "PageBreak", path, resolve);
  }

  protected _readers(): Record<string, Reader<BreakRef>> {
    return { rowIndex: (b) => b.row, columnIndex: () => 0 };
  }
  load(option?: unknown): Excel.PageBreak {
    return this._load(option) as unknown as Excel.PageBreak;
  }
  get rowIndex(): number {
    return this._get("rowIndex");
  }
  get columnIndex(): number {
    return this._get("columnIndex");
  }
}

const ORIENTATIONS = ["Portrait", "Landscape"];

export class PageLayoutDouble extends ClientObjectDouble<SheetModel> implements Pick<Excel.PageLayout, "context" | "load" | "orientation" | "zoom"> {
  constructor(core: Core, path: string, resolve: () => SheetModel | null) {
    super(core, "PageLayout", path, resolve);
  }

  protected _readers(): Record<string, Reader<SheetModel>> {
    return { orientation: (s) => s.pageLayout.orientation, zoom: (s) => ({ ...s.pageLayout.zoom }) };
  }

  load(option?: unknown): Excel.PageLayout {
    return this._load(option) as unknown as Excel.PageLayout;
  }

  get orientation(): Excel.PageOrientation | "Portrait" | "Landscape" {
    return this._get("orientation");
  }
  set orientation(v: Excel.PageOrientation | "Portrait" | "Landscape") {
    this._set("orientation", v, (s) => {
      if (!ORIENTATIONS.includes(v)) throw excelError("InvalidArgument", "PageLayout.orientation", `${String(v)} is not an orientation.`);
      this._core.book.set(s, "pageLayout", { ...s.pageLayout, orientation: v });
    });
  }

  get zoom(): Excel.PageLayoutZoomOptions {
    return this._get("zoom");
  }
  set zoom(v: Excel.PageLayoutZoomOptions) {
    this._set("zoom", v, (s) => {
      if (!v || typeof v !== "object") throw excelError("InvalidArgument", "PageLayout.zoom");
      this._core.book.set(s, "pageLayout", { ...s.pageLayout, zoom: { ...v } });
    });
  }
}
