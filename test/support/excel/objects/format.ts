/**
 * Excel.RangeFormat, RangeFont, RangeFill (docs-ref `excel.rangeformat.yml`, `excel.rangefont.yml`,
 * `excel.rangefill.yml`). Reading a format of cells that differ gives null (docs-pr
 * `excel-add-ins-blank-null-values.md`). Defaults when nothing was set (**inference**, Excel's usual defaults for
 * Calibri 11): column width 48 points, row height 15 points, font not bold, color "#000000", no fill read as
 * "#FFFFFF", horizontal alignment "General". `autofitColumns()` records the columns as auto-fitted and sets a width
 * estimated from the longest text (the double has no fonts; tests should assert the record, not the width).
 */
import { MAX_COLUMNS, columns, rect } from "../address";
import { excelError } from "../errors";
import { CellStyle, textOf } from "../model/cells";
import { storedCells, uniform, writeStyle } from "../model/grid";
import type { Core } from "../runtime/core";
import { ClientObjectDouble, Reader, AnyDouble } from "../runtime/proxy";
import { RangeRef, face, normalizeColor } from "./shared";

export const DEFAULT_COLUMN_WIDTH = 48;
export const DEFAULT_ROW_HEIGHT = 15;

const HORIZONTAL = ["General", "Left", "Center", "Right", "Fill", "Justify", "CenterAcrossSelection", "Distributed"];

type FormatMembers = "context" | "load" | "columnWidth" | "rowHeight" | "horizontalAlignment" | "wrapText" | "font" | "fill" | "autofitColumns";

export class RangeFormatDouble extends ClientObjectDouble<RangeRef> implements Pick<Excel.RangeFormat, FormatMembers> {
  private _font: Excel.RangeFont | undefined;
  private _fill: Excel.RangeFill | undefined;

  constructor(core: Core, path: string, resolve: () => RangeRef | null) {
    super(core, "RangeFormat", path, resolve);
  }

  protected _readers(): Record<string, Reader<RangeRef>> {
    const book = this._core.book;
    const sameOver = (count: number, at: (k: number) => number): number | null => {
      const first = at(0);
      for (let k = 1; k < count; k++) if (at(k) !== first) return null;
      return first;
    };
    return {
      columnWidth: (e) => sameOver(columns(e.rect), (k) => e.sheet.columnWidths.get(e.rect.c0 + k) ?? DEFAULT_COLUMN_WIDTH),
      rowHeight: (e) => sameOver(e.rect.r1 - e.rect.r0 + 1, (k) => e.sheet.rowHeights.get(e.rect.r0 + k) ?? DEFAULT_ROW_HEIGHT),
      horizontalAlignment: (e) => uniform(book, e.sheet, e.rect, (c) => c?.s?.horizontalAlignment ?? "General"),
      wrapText: (e) => uniform(book, e.sheet, e.rect, (c) => c?.s?.wrapText ?? false),
    };
  }

  protected override _navigations(): Record<string, () => AnyDouble> {
    return { font: () => this.font as unknown as AnyDouble, fill: () => this.fill as unknown as AnyDouble };
  }

  load(option?: unknown): Excel.RangeFormat {
    return this._load(option) as unknown as Excel.RangeFormat;
  }

  get font(): Excel.RangeFont {
    return (this._font ??= face<Excel.RangeFont>(new RangeFontDouble(this._core, `${this._path}.font`, () => this._entity())));
  }

  get fill(): Excel.RangeFill {
    return (this._fill ??= face<Excel.RangeFill>(new RangeFillDouble(this._core, `${this._path}.fill`, () => this._entity())));
  }

  get columnWidth(): number {
    return this._get("columnWidth");
  }
  set columnWidth(width: number) {
    this._set("columnWidth", width, (e) => {
      const book = this._core.book;
      for (let c = e.rect.c0; c <= Math.min(e.rect.c1, MAX_COLUMNS - 1); c++) {
        book.setEntry(e.sheet.columnWidths, c, width);
        book.setEntry(e.sheet.autofitColumns, c, undefined);
      }
    });
  }

  get rowHeight(): number {
    return this._get("rowHeight");
  }
  set rowHeight(height: number) {
    this._set("rowHeight", height, (e) => {
      for (let r = e.rect.r0; r <= e.rect.r1; r++) this._core.book.setEntry(e.sheet.rowHeights, r, height);
    });
  }

  get horizontalAlignment():
    Excel.HorizontalAlignment | "General" | "Left" | "Center" | "Right" | "Fill" | "Justify" | "CenterAcrossSelection" | "Distributed" {
    return this._get("horizontalAlignment");
  }
  set horizontalAlignment(
    value: Excel.HorizontalAlignment | "General" | "Left" | "Center" | "Right" | "Fill" | "Justify" | "CenterAcrossSelection" | "Distributed",
  ) {
    this._set("horizontalAlignment", value, (e) => {
      if (!HORIZONTAL.includes(value)) throw excelError("InvalidArgument", "RangeFormat.horizontalAlignment", `${String(value)} is not an alignment.`);
      writeStyle(this._core.book, e.sheet, e.rect, { horizontalAlignment: value === "General" ? undefined : value });
    });
  }

  get wrapText(): boolean {
    return this._get("wrapText");
  }
  set wrapText(value: boolean) {
    this._set("wrapText", value, (e) => writeStyle(this._core.book, e.sheet, e.rect, { wrapText: value || undefined }));
  }

  autofitColumns(): void {
    this._call("autofitColumns", [], (e) => {
      const book = this._core.book;
      const longest = new Map<number, number>();
      for (const [, j, cell] of storedCells(e.sheet, e.rect)) {
        longest.set(j, Math.max(longest.get(j) ?? 0, textOf(cell, book.options.language).length));
      }
      const r = e.rect.c1 - e.rect.c0 >= MAX_COLUMNS - 1 ? rect(e.rect.r0, 0, e.rect.r1, Math.max(0, ...longest.keys())) : e.rect;
      for (let c = r.c0; c <= r.c1; c++) {
        const chars = longest.get(c) ?? 0;
        book.setEntry(e.sheet.columnWidths, c, chars ? Math.max(12, Math.ceil(chars * 5.6 + 8)) : DEFAULT_COLUMN_WIDTH);
        book.setEntry(e.sheet.autofitColumns, c, true);
      }
    });
  }
}

function styleProp<K extends keyof CellStyle>(
  owner: ClientObjectDouble<RangeRef>,
  key: K,
  prop: string,
  value: CellStyle[K],
  normalize?: (v: unknown) => CellStyle[K],
): void {
  owner._set(prop, value, (e) => writeStyle(owner._core.book, e.sheet, e.rect, { [key]: normalize ? normalize(value) : value } as Partial<CellStyle>));
}

export class RangeFontDouble extends ClientObjectDouble<RangeRef> implements Pick<Excel.RangeFont, "context" | "load" | "bold" | "italic" | "color" | "size"> {
  constructor(core: Core, path: string, resolve: () => RangeRef | null) {
    super(core, "RangeFont", path, resolve);
  }

  protected _readers(): Record<string, Reader<RangeRef>> {
    const book = this._core.book;
    return {
      bold: (e) => uniform(book, e.sheet, e.rect, (c) => c?.s?.bold ?? false),
      italic: (e) => uniform(book, e.sheet, e.rect, (c) => c?.s?.italic ?? false),
      color: (e) => uniform(book, e.sheet, e.rect, (c) => c?.s?.fontColor ?? "#000000"),
      size: (e) => uniform(book, e.sheet, e.rect, (c) => c?.s?.fontSize ?? 11),
    };
  }

  load(option?: unknown): Excel.RangeFont {
    return this._load(option) as unknown as Excel.RangeFont;
  }

  get bold(): boolean {
    return this._get("bold");
  }
  set bold(v: boolean) {
    styleProp(this, "bold", "bold", v || undefined);
  }
  get italic(): boolean {
    return this._get("italic");
  }
  set italic(v: boolean) {
    styleProp(this, "italic", "italic", v || undefined);
  }
  get color(): string {
    return this._get("color");
  }
  set color(v: string) {
    styleProp(this, "fontColor", "color", v, (x) => normalizeColor(x, "RangeFont.color"));
  }
  get size(): number {
    return this._get("size");
  }
  /** **Inference:** sizes outside Excel's 1–409 points are InvalidArgument. */
  set size(v: number) {
    this._set("size", v, (e) => {
      if (typeof v !== "number" || !(v >= 1 && v <= 409)) throw excelError("InvalidArgument", "RangeFont.size");
      writeStyle(this._core.book, e.sheet, e.rect, { fontSize: v === 11 ? undefined : v });
    });
  }
}

export class RangeFillDouble extends ClientObjectDouble<RangeRef> implements Pick<Excel.RangeFill, "context" | "load" | "color" | "clear"> {
  constructor(core: Core, path: string, resolve: () => RangeRef | null) {
    super(core, "RangeFill", path, resolve);
  }

  protected _readers(): Record<string, Reader<RangeRef>> {
    return { color: (e) => uniform(this._core.book, e.sheet, e.rect, (c) => c?.s?.fill ?? "#FFFFFF") };
  }

  load(option?: unknown): Excel.RangeFill {
    return this._load(option) as unknown as Excel.RangeFill;
  }

  get color(): string {
    return this._get("color");
  }
  /** "" removes the fill (docs-pr `excel-add-ins-blank-null-values.md`: blank resets a property). */
  set color(v: string) {
    styleProp(this, "fill", "color", v, (x) => (x === "" ? undefined : normalizeColor(x, "RangeFill.color")));
  }

  clear(): void {
    this._call("clear", [], (e) => writeStyle(this._core.book, e.sheet, e.rect, { fill: undefined }));
  }
}
