/**
 * Conditional formats (ExcelApi 1.6; docs-ref `excel.conditionalformatcollection.yml`, `excel.conditionalformat.yml`,
 * docs-pr `excel/excel-add-ins-conditional-formatting.md`). Modelled: Custom (rule.formula, format.font/fill/
 * numberFormat) and CellValue (rule {formula1, formula2, operator}, format); other types can be added and counted
 * but their sub-objects are not in the double. The collection of a range holds the formats that intersect it.
 * **Inferences:** a new format goes first (priority 0); `clearAll()` removes every format that intersects the range
 * (Excel may instead trim one that only partly overlaps).
 */
import { intersects } from "../address";
import { excelError } from "../errors";
import { ConditionalFormatModel, SheetModel } from "../model/store";
import type { Core } from "../runtime/core";
import { ClientObjectDouble, CollectionDouble, Reader, clientResult, AnyDouble } from "../runtime/proxy";
import { rangeFace } from "./range";
import { CfRangeFormatDouble, CfRuleDouble } from "./conditionalParts";
import { RangeRef, face } from "./shared";

const TYPES = ["Custom", "DataBar", "ColorScale", "IconSet", "TopBottom", "PresetCriteria", "ContainsText", "CellValue"];

function replaceFormats(core: Core, sheet: SheetModel, next: ConditionalFormatModel[]): void {
  core.book.set(sheet, "conditionalFormats", next);
  next.forEach((cf, k) => cf.priority !== k && core.book.set(cf, "priority", k));
}

export class ConditionalFormatCollectionDouble
  extends CollectionDouble<RangeRef, ConditionalFormatModel, ConditionalFormatDouble>
  implements Pick<Excel.ConditionalFormatCollection, "context" | "load" | "items" | "add" | "clearAll" | "getCount" | "getItemAt">
{
  constructor(core: Core, path: string, range: () => RangeRef | null) {
    super(core, "ConditionalFormatCollection", path, range);
  }

  protected _entities(e: RangeRef): readonly ConditionalFormatModel[] {
    return e.sheet.conditionalFormats.filter((cf) => intersects(cf.range, e.rect));
  }

  protected _makeItem(cf: ConditionalFormatModel): ConditionalFormatDouble {
    return new ConditionalFormatDouble(this._core, `${this._path}.getItem(${JSON.stringify(cf.id)})`, () => cf);
  }

  get items(): Excel.ConditionalFormat[] {
    return this._get("items");
  }

  load(option?: unknown): Excel.ConditionalFormatCollection {
    return this._load(option) as unknown as Excel.ConditionalFormatCollection;
  }

  add(
    type: Excel.ConditionalFormatType | "Custom" | "DataBar" | "ColorScale" | "IconSet" | "TopBottom" | "PresetCriteria" | "ContainsText" | "CellValue",
  ): Excel.ConditionalFormat {
    let created: ConditionalFormatModel | null = null;
    this._call("add", [type], (e) => {
      if (!TYPES.includes(type)) throw excelError("InvalidArgument", "ConditionalFormatCollection.add", `Type ${String(type)}.`);
      const book = this._core.book;
      const cf: ConditionalFormatModel = {
        id: `{CF${String(++book.counters.conditionalFormat).padStart(6, "0")}}`,
        type,
        sheet: e.sheet,
        range: e.rect,
        priority: 0,
        stopIfTrue: false,
        rule: {},
        format: {},
      };
      replaceFormats(this._core, e.sheet, [cf, ...e.sheet.conditionalFormats]);
      created = cf;
    });
    return face<Excel.ConditionalFormat>(new ConditionalFormatDouble(this._core, `${this._path}.add(${JSON.stringify(type)})`, () => created));
  }

  clearAll(): void {
    this._call("clearAll", [], (e) =>
      replaceFormats(
        this._core,
        e.sheet,
        e.sheet.conditionalFormats.filter((cf) => !intersects(cf.range, e.rect)),
      ),
    );
  }

  getItemAt(index: number): Excel.ConditionalFormat {
    return face<Excel.ConditionalFormat>(
      new ConditionalFormatDouble(this._core, `${this._path}.getItemAt(${index})`, () => {
        const e = this._entity();
        if (!e) return null;
        const cf = this._entities(e)[index];
        if (!cf) throw excelError("ItemNotFound", "ConditionalFormatCollection.getItemAt");
        return cf;
      }),
    );
  }

  getCount(): OfficeExtension.ClientResult<number> {
    return clientResult(this, "getCount", (e) => this._entities(e).length);
  }
}

type CfMembers = "context" | "load" | "id" | "type" | "priority" | "stopIfTrue" | "custom" | "cellValue" | "getRange" | "delete";

export class ConditionalFormatDouble extends ClientObjectDouble<ConditionalFormatModel> implements Pick<Excel.ConditionalFormat, CfMembers> {
  private _custom: Excel.CustomConditionalFormat | undefined;
  private _cellValue: Excel.CellValueConditionalFormat | undefined;

  constructor(core: Core, path: string, resolve: () => ConditionalFormatModel | null) {
    super(core, "ConditionalFormat", path, resolve);
  }

  protected override _alive(cf: ConditionalFormatModel): boolean {
    return cf.sheet.conditionalFormats.includes(cf);
  }

  protected _readers(): Record<string, Reader<ConditionalFormatModel>> {
    return { id: (cf) => cf.id, type: (cf) => cf.type, priority: (cf) => cf.priority, stopIfTrue: (cf) => cf.stopIfTrue };
  }

  load(option?: unknown): Excel.ConditionalFormat {
    return this._load(option) as unknown as Excel.ConditionalFormat;
  }

  get id(): string {
    return this._get("id");
  }
  get type(): Excel.ConditionalFormatType {
    return this._get("type");
  }
  get priority(): number {
    return this._get("priority");
  }
  set priority(v: number) {
    this._set("priority", v, (cf) => {
      // "Use a negative priority to begin from the back. Priorities greater than the bounds will get … the maximum."
      const rest = cf.sheet.conditionalFormats.filter((x) => x !== cf);
      rest.splice(v < 0 ? Math.max(0, rest.length + 1 + v) : Math.min(rest.length, v), 0, cf);
      replaceFormats(this._core, cf.sheet, rest);
    });
  }
  get stopIfTrue(): boolean {
    return this._get("stopIfTrue");
  }
  set stopIfTrue(v: boolean) {
    this._set("stopIfTrue", v, (cf) => this._core.book.set(cf, "stopIfTrue", Boolean(v)));
  }

  /** The typed part; using the wrong one (custom on a CellValue format) fails when the queue runs. */
  private _typed(kind: "Custom" | "CellValue"): () => ConditionalFormatModel | null {
    return () => {
      const cf = this._entity();
      if (cf && cf.type !== kind)
        throw excelError("InvalidOperation", `ConditionalFormat.${kind === "Custom" ? "custom" : "cellValue"}`, `The format is of type ${cf.type}.`);
      return cf;
    };
  }

  get custom(): Excel.CustomConditionalFormat {
    return (this._custom ??= face<Excel.CustomConditionalFormat>(new CustomFormatDouble(this._core, `${this._path}.custom`, this._typed("Custom"))));
  }

  get cellValue(): Excel.CellValueConditionalFormat {
    return (this._cellValue ??= face<Excel.CellValueConditionalFormat>(
      new CellValueFormatDouble(this._core, `${this._path}.cellValue`, this._typed("CellValue")),
    ));
  }

  getRange(): Excel.Range {
    return rangeFace(this._core, `${this._path}.getRange()`, () => {
      const cf = this._entity();
      return cf ? { sheet: cf.sheet, rect: cf.range } : null;
    });
  }

  delete(): void {
    this._call("delete", [], (cf) =>
      replaceFormats(
        this._core,
        cf.sheet,
        cf.sheet.conditionalFormats.filter((x) => x !== cf),
      ),
    );
  }
}

abstract class CfPart extends ClientObjectDouble<ConditionalFormatModel> {
  private _format: Excel.ConditionalRangeFormat | undefined;

  get format(): Excel.ConditionalRangeFormat {
    return (this._format ??= face<Excel.ConditionalRangeFormat>(new CfRangeFormatDouble(this._core, `${this._path}.format`, () => this._entity())));
  }
}

export class CustomFormatDouble extends CfPart implements Pick<Excel.CustomConditionalFormat, "context" | "load" | "rule" | "format"> {
  private _rule: Excel.ConditionalFormatRule | undefined;

  constructor(core: Core, path: string, resolve: () => ConditionalFormatModel | null) {
    super(core, "CustomConditionalFormat", path, resolve);
  }

  protected _readers(): Record<string, Reader<ConditionalFormatModel>> {
    return {};
  }

  protected override _navigations(): Record<string, () => AnyDouble> {
    return { rule: () => this.rule as unknown as AnyDouble, format: () => this.format as unknown as AnyDouble };
  }

  load(option?: unknown): Excel.CustomConditionalFormat {
    return this._load(option) as unknown as Excel.CustomConditionalFormat;
  }

  get rule(): Excel.ConditionalFormatRule {
    return (this._rule ??= face<Excel.ConditionalFormatRule>(new CfRuleDouble(this._core, `${this._path}.rule`, () => this._entity())));
  }
}

export class CellValueFormatDouble extends CfPart implements Pick<Excel.CellValueConditionalFormat, "context" | "load" | "rule" | "format"> {
  constructor(core: Core, path: string, resolve: () => ConditionalFormatModel | null) {
    super(core, "CellValueConditionalFormat", path, resolve);
  }

  protected _readers(): Record<string, Reader<ConditionalFormatModel>> {
    return { rule: (cf) => ({ ...cf.rule }) };
  }

  protected override _navigations(): Record<string, () => AnyDouble> {
    return { format: () => this.format as unknown as AnyDouble };
  }

  load(option?: unknown): Excel.CellValueConditionalFormat {
    return this._load(option) as unknown as Excel.CellValueConditionalFormat;
  }

  get rule(): Excel.ConditionalCellValueRule {
    return this._get("rule");
  }
  set rule(v: Excel.ConditionalCellValueRule) {
    this._set("rule", v, (cf) => {
      if (!v || typeof v.formula1 !== "string" || typeof v.operator !== "string") throw excelError("InvalidArgument", "CellValueConditionalFormat.rule");
      this._core.book.set(cf, "rule", { formula1: v.formula1, ...(v.formula2 !== undefined ? { formula2: v.formula2 } : {}), operator: v.operator });
    });
  }
}
