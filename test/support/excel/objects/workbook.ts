/**
 * Excel.Workbook and Excel.Application (docs-ref `excel.workbook.yml`, `excel.application.yml`), and the request
 * context that hands them out. suspendApiCalculationUntilNextSync (1.6) and suspendScreenUpdatingUntilNextSync (1.9)
 * last until the next sync (docs-pr `excel/performance.md`); the double records them on that sync's record, and
 * counts screen-updating suspensions because "Repeated calls will cause the Excel window to flicker". With no
 * selection made, the selection is A1 of the active sheet (**inference**).
 */
import { rect } from "../address";
import type { Store } from "../model/store";
import type { Core } from "../runtime/core";
import { ClientObjectDouble, Reader, AnyDouble } from "../runtime/proxy";
import { rangeFace } from "./range";
import { RangeRef, face } from "./shared";
import { TableCollectionDouble } from "./tables";
import { WorksheetCollectionDouble } from "./worksheet";

export class ApplicationDouble
  extends ClientObjectDouble<Store>
  implements Pick<Excel.Application, "context" | "load" | "calculationMode" | "suspendApiCalculationUntilNextSync" | "suspendScreenUpdatingUntilNextSync">
{
  constructor(core: Core, path: string) {
    super(core, "Application", path, () => core.book);
  }

  protected _readers(): Record<string, Reader<Store>> {
    return { calculationMode: () => "Automatic" };
  }

  load(option?: unknown): Excel.Application {
    return this._load(option) as unknown as Excel.Application;
  }

  get calculationMode(): Excel.CalculationMode | "Automatic" | "AutomaticExceptTables" | "Manual" {
    return this._get("calculationMode");
  }

  suspendApiCalculationUntilNextSync(): void {
    this._call("suspendApiCalculationUntilNextSync", [], () => this._core.markSuspension("calculation"));
  }

  suspendScreenUpdatingUntilNextSync(): void {
    this._gate("suspendScreenUpdatingUntilNextSync");
    this._core.env.stats.screenUpdatingSuspensions++;
    this._call("suspendScreenUpdatingUntilNextSync", [], () => this._core.markSuspension("screenUpdating"));
  }
}

/**
 * Excel.FunctionResult (docs-ref `excel.functionresult.yml`): a worksheet function's `value` and `error`,
 * readable after load and sync like any proxy. The double evaluates only what its functions compute.
 */
export class FunctionResultDouble extends ClientObjectDouble<Store> implements Pick<Excel.FunctionResult<number>, "context" | "load"> {
  constructor(
    core: Core,
    path: string,
    private readonly compute: (book: Store) => number,
  ) {
    super(core, "FunctionResult", path, () => core.book);
  }

  protected _readers(): Record<string, Reader<Store>> {
    return { value: (book) => this.compute(book), error: () => null };
  }

  load(option?: unknown): Excel.FunctionResult<number> {
    return this._load(option) as unknown as Excel.FunctionResult<number>;
  }

  get value(): number {
    return this._get("value");
  }

  get error(): string {
    return this._get("error");
  }
}

/**
 * Excel.Functions (docs-ref `excel.functions.yml`, ExcelApi 1.2): of its worksheet functions the double has
 * DATE alone, which "Returns the number that represents the date in Microsoft Excel date-time code" in
 * the workbook's date system (a year "from 1900 or 1904, depending on the workbook's date system").
 */
export class FunctionsDouble {
  constructor(private readonly core: Core) {}

  date(year: number, month: number, day: number): Excel.FunctionResult<number> {
    return face<Excel.FunctionResult<number>>(
      new FunctionResultDouble(this.core, `workbook.functions.date(${year}, ${month}, ${day})`, (book) => {
        // Days after 1899-12-30 (serial 0 of the 1900 system from March 1900 on); the 1904 system starts 1,462 days later.
        const days = Math.round((Date.UTC(year, month - 1, day) - Date.UTC(1899, 11, 30)) / 86_400_000);
        return book.options.date1904 ? days - 1462 : days;
      }),
    );
  }
}

export class WorkbookDouble
  extends ClientObjectDouble<Store>
  implements Pick<Excel.Workbook, "context" | "load" | "worksheets" | "tables" | "application" | "getSelectedRange" | "getActiveCell" | "functions">
{
  readonly worksheets: Excel.WorksheetCollection;
  readonly tables: Excel.TableCollection;
  readonly application: Excel.Application;

  constructor(core: Core) {
    super(core, "Workbook", "workbook", () => core.book);
    this.worksheets = face(new WorksheetCollectionDouble(core, "workbook.worksheets"));
    this.tables = face(new TableCollectionDouble(core, "workbook.tables", () => core.book, false));
    this.application = face(new ApplicationDouble(core, "workbook.application"));
  }

  protected _readers(): Record<string, Reader<Store>> {
    return {};
  }

  get functions(): Excel.Functions {
    this._gate("functions");
    return new FunctionsDouble(this._core) as unknown as Excel.Functions;
  }

  load(option?: unknown): Excel.Workbook {
    return this._load(option) as unknown as Excel.Workbook;
  }

  private _selection(): RangeRef {
    const book = this._core.book;
    const sel = book.selection;
    const sheet = sel ? book.sheetById(sel.sheetId) : undefined;
    return sel && sheet ? { sheet, rect: sel.rect } : { sheet: book.activeSheet(), rect: rect(0, 0, 0, 0) };
  }

  getSelectedRange(): Excel.Range {
    return rangeFace(this._core, "workbook.getSelectedRange()", () => this._selection());
  }

  getActiveCell(): Excel.Range {
    this._gate("getActiveCell");
    return rangeFace(this._core, "workbook.getActiveCell()", () => {
      const s = this._selection();
      return { sheet: s.sheet, rect: rect(s.rect.r0, s.rect.c0, s.rect.r0, s.rect.c0) };
    });
  }
}

type ContextMembers = "workbook" | "application" | "load" | "sync" | "trace" | "trackedObjects";

/** The `context` an Excel.run batch receives. */
export class RequestContextDouble implements Pick<Excel.RequestContext, ContextMembers> {
  readonly workbook: Excel.Workbook;
  readonly traces: string[] = [];
  readonly trackedObjects: OfficeExtension.TrackedObjects;

  constructor(readonly _core: Core) {
    this.workbook = face<Excel.Workbook>(new WorkbookDouble(_core));
    const noop = (): void => undefined;
    this.trackedObjects = { add: noop, remove: noop } as unknown as OfficeExtension.TrackedObjects;
  }

  get application(): Excel.Application {
    return this.workbook.application;
  }

  load(object: OfficeExtension.ClientObject, option?: string | string[] | OfficeExtension.LoadOption): void {
    (object as unknown as AnyDouble)._load(option);
  }

  sync<T>(passThroughValue?: T): Promise<T> {
    return this._core.sync(passThroughValue);
  }

  trace(message: string): void {
    this.traces.push(message);
  }
}
