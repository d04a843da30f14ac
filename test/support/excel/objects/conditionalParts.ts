/**
 * The leaves of a conditional format: its custom rule and the format it applies (font, fill, number format);
 * see conditional.ts for the sources and inferences.
 */
import { excelError } from "../errors";
import { ConditionalFormatModel } from "../model/store";
import type { Core } from "../runtime/core";
import { ClientObjectDouble, Reader, AnyDouble } from "../runtime/proxy";
import { face, normalizeColor } from "./shared";

export class CfRuleDouble extends ClientObjectDouble<ConditionalFormatModel> implements Pick<Excel.ConditionalFormatRule, "context" | "load" | "formula"> {
  constructor(core: Core, path: string, resolve: () => ConditionalFormatModel | null) {
    super(core, "ConditionalFormatRule", path, resolve);
  }

  protected _readers(): Record<string, Reader<ConditionalFormatModel>> {
    return { formula: (cf) => cf.rule.formula ?? "" };
  }

  load(option?: unknown): Excel.ConditionalFormatRule {
    return this._load(option) as unknown as Excel.ConditionalFormatRule;
  }

  get formula(): string {
    return this._get("formula");
  }
  set formula(v: string) {
    this._set("formula", v, (cf) => {
      if (typeof v !== "string" || v === "") throw excelError("InvalidArgument", "ConditionalFormatRule.formula");
      this._core.book.set(cf, "rule", { ...cf.rule, formula: v });
    });
  }
}

export class CfRangeFormatDouble
  extends ClientObjectDouble<ConditionalFormatModel>
  implements Pick<Excel.ConditionalRangeFormat, "context" | "load" | "font" | "fill" | "numberFormat">
{
  private _font: Excel.ConditionalRangeFont | undefined;
  private _fill: Excel.ConditionalRangeFill | undefined;

  constructor(core: Core, path: string, resolve: () => ConditionalFormatModel | null) {
    super(core, "ConditionalRangeFormat", path, resolve);
  }

  protected _readers(): Record<string, Reader<ConditionalFormatModel>> {
    return { numberFormat: (cf) => cf.format.numberFormat ?? null };
  }

  protected override _navigations(): Record<string, () => AnyDouble> {
    return { font: () => this.font as unknown as AnyDouble, fill: () => this.fill as unknown as AnyDouble };
  }

  load(option?: unknown): Excel.ConditionalRangeFormat {
    return this._load(option) as unknown as Excel.ConditionalRangeFormat;
  }

  get numberFormat(): any {
    return this._get("numberFormat");
  }
  set numberFormat(v: any) {
    this._set("numberFormat", v, (cf) => this._core.book.set(cf, "format", { ...cf.format, numberFormat: String(v) }));
  }

  get font(): Excel.ConditionalRangeFont {
    return (this._font ??= face<Excel.ConditionalRangeFont>(new CfFontDouble(this._core, `${this._path}.font`, () => this._entity())));
  }

  get fill(): Excel.ConditionalRangeFill {
    return (this._fill ??= face<Excel.ConditionalRangeFill>(new CfFillDouble(this._core, `${this._path}.fill`, () => this._entity())));
  }
}

function setFormat(
  owner: ClientObjectDouble<ConditionalFormatModel>,
  prop: string,
  patch: (v: unknown) => Partial<ConditionalFormatModel["format"]>,
  value: unknown,
): void {
  owner._set(prop, value, (cf) => owner._core.book.set(cf, "format", { ...cf.format, ...patch(value) }));
}

export class CfFontDouble
  extends ClientObjectDouble<ConditionalFormatModel>
  implements Pick<Excel.ConditionalRangeFont, "context" | "load" | "bold" | "italic" | "color">
{
  constructor(core: Core, path: string, resolve: () => ConditionalFormatModel | null) {
    super(core, "ConditionalRangeFont", path, resolve);
  }

  protected _readers(): Record<string, Reader<ConditionalFormatModel>> {
    return { bold: (cf) => cf.format.bold ?? false, italic: (cf) => cf.format.italic ?? false, color: (cf) => cf.format.fontColor ?? null };
  }

  load(option?: unknown): Excel.ConditionalRangeFont {
    return this._load(option) as unknown as Excel.ConditionalRangeFont;
  }

  get bold(): boolean {
    return this._get("bold");
  }
  set bold(v: boolean) {
    setFormat(this, "bold", (x) => ({ bold: Boolean(x) }), v);
  }
  get italic(): boolean {
    return this._get("italic");
  }
  set italic(v: boolean) {
    setFormat(this, "italic", (x) => ({ italic: Boolean(x) }), v);
  }
  get color(): string {
    return this._get("color");
  }
  set color(v: string) {
    setFormat(this, "color", (x) => ({ fontColor: normalizeColor(x, "ConditionalRangeFont.color") }), v);
  }
}

export class CfFillDouble
  extends ClientObjectDouble<ConditionalFormatModel>
  implements Pick<Excel.ConditionalRangeFill, "context" | "load" | "color" | "clear">
{
  constructor(core: Core, path: string, resolve: () => ConditionalFormatModel | null) {
    super(core, "ConditionalRangeFill", path, resolve);
  }

  protected _readers(): Record<string, Reader<ConditionalFormatModel>> {
    return { color: (cf) => cf.format.fill ?? null };
  }

  load(option?: unknown): Excel.ConditionalRangeFill {
    return this._load(option) as unknown as Excel.ConditionalRangeFill;
  }

  get color(): string {
    return this._get("color");
  }
  set color(v: string) {
    setFormat(this, "color", (x) => ({ fill: normalizeColor(x, "ConditionalRangeFill.color") }), v);
  }

  clear(): void {
    this._call("clear", [], (cf) => this._core.book.set(cf, "format", { ...cf.format, fill: undefined }));
  }
}
