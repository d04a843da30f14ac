/** Small pieces the object classes share: the public face of a double, range references, colors. */
import { Rect, inGrid, parseAddress } from "../address";
import { excelError } from "../errors";
import type { SheetModel } from "../model/store";
import type { Core } from "../runtime/core";
import { ClientObjectDouble, strict, AnyDouble } from "../runtime/proxy";

/** What a Range proxy stands for once resolved. */
export interface RangeRef {
  sheet: SheetModel;
  rect: Rect;
}

/** The double as the add-in sees it: typed as the real Excel class, failing loudly on what it lacks. */
export function face<T>(obj: AnyDouble): T {
  return strict(obj, obj._typeName) as unknown as T;
}

export function checkedRect(r: Rect, location: string): Rect {
  if (!inGrid(r)) throw excelError("InvalidArgument", location, "The range would be outside the worksheet grid.");
  return r;
}

export const quote = (s: unknown): string => JSON.stringify(s);

/** Resolves a `Range | string` argument at apply time; a bare address refers to `defaultSheet`. */
export function resolveRangeArg(core: Core, arg: unknown, defaultSheet: SheetModel | null, location: string): RangeRef {
  if (typeof arg === "string") {
    const parsed = parseAddress(arg);
    if (!parsed) throw excelError("InvalidArgument", location, `${quote(arg)} is not a range address.`);
    const sheet = parsed.sheet !== undefined ? core.book.sheetByName(parsed.sheet) : defaultSheet;
    if (!sheet) throw excelError("ItemNotFound", location, `No worksheet ${quote(parsed.sheet)}.`);
    return { sheet, rect: parsed.rect };
  }
  if (arg instanceof ClientObjectDouble && arg._typeName === "Range") {
    if (arg._core !== core) throw excelError("InvalidArgument", location, "The range belongs to another request context.");
    const ref = arg._entity() as RangeRef | null;
    if (!ref) throw excelError("InvalidArgument", location, "The range is a null object.");
    return ref;
  }
  throw excelError("InvalidArgument", location, "Expected a Range or an address.");
}

const NAMED: Record<string, string> = {
  white: "#FFFFFF",
  black: "#000000",
  red: "#FF0000",
  green: "#008000",
  blue: "#0000FF",
  yellow: "#FFFF00",
  orange: "#FFA500",
  gray: "#808080",
  grey: "#808080",
  purple: "#800080",
  lightgray: "#D3D3D3",
  lightgrey: "#D3D3D3",
};

/**
 * Colors as Excel reports them: "#RRGGBB" in upper case; a few HTML names accepted on input (docs-ref
 * `excel.rangefont.yml` color: "HTML color code … or as a named HTML color (e.g., "orange")"); **inference**: the
 * double knows only common names and rejects others with InvalidArgument.
 */
export function normalizeColor(value: unknown, location: string): string {
  if (typeof value !== "string") throw excelError("InvalidArgument", location, "A color must be a string.");
  const v = value.trim();
  if (/^#[0-9a-fA-F]{6}$/.test(v)) return v.toUpperCase();
  if (/^#[0-9a-fA-F]{3}$/.test(v)) return `#${[...v.slice(1)].map((ch) => ch + ch).join("")}`.toUpperCase();
  const named = NAMED[v.toLowerCase()];
  if (named) return named;
  throw excelError("InvalidArgument", location, `${quote(value)} is not a color the double knows.`);
}
