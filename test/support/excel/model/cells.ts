/**
 * One cell as Excel holds it, what writing a value does to it, and what reading it gives.
 *
 * Reading (docs-ref `excel.range.yml`): `values` are "raw values … string, number, or Boolean. Cells that contain
 * an error will return the error string"; empty cells read as "" (docs-pr `excel-add-ins-blank-null-values.md`,
 * "Blank property values in the response"); `formulas` "If a cell has no formula, its value is returned instead";
 * `text` is the formatted text, independent of column width.
 *
 * Writing a string to `values` is typed input (docs-ref `excel.range.yml` `values`: a leading "+", "-" or "=" is
 * a formula; ISO dates become dates; locale-shaped dates stay text). The parsing of numbers, percentages,
 * thousands separators, currency and dates is numfmt's `parseValue`, which models "a string value as Excel would
 * when it is typed into a cell" (npm numfmt 3.2.6, README). Inferences, each marked below:
 *  - a sign followed by a number ("-5", "+1,200") is that number, otherwise a formula;
 *  - a leading "@" is a formula too (implicit intersection in dynamic-array Excel);
 *  - a leading apostrophe makes the rest text and is dropped (office-js#6687 shows the API consumes it);
 *  - a formula's value is "#NAME?" unless the test gives an evaluator: the double computes nothing;
 *  - with number format "@" (Text) every string is kept exactly; numbers and booleans keep their type;
 *  - the typed number format (e.g. "0%", "#,##0", a date format) is applied only while the cell is General.
 */
import { format as formatNumber, parseNumber, parseValue } from "numfmt";
import { excelError } from "../errors";

export interface CellStyle {
  bold?: boolean;
  /** Font size in points; absent is 11. */
  fontSize?: number;
  italic?: boolean;
  fontColor?: string;
  fill?: string;
  horizontalAlignment?: string;
  wrapText?: boolean;
}

export interface CellHyperlink {
  address?: string;
  documentReference?: string;
  screenTip?: string;
  textToDisplay?: string;
}

/** Immutable: a change replaces the record (which is what lets the journal undo a failed sync). */
export interface Cell {
  readonly v: number | string | boolean;
  /** v is an error value such as "#N/A". */
  readonly err?: true;
  /** Formula text, starting with "=". */
  readonly f?: string;
  /** Number format; absent means "General". */
  readonly nf?: string;
  readonly s?: Readonly<CellStyle>;
  readonly link?: Readonly<CellHyperlink>;
}

export const GENERAL = "General";
export const TEXT_FORMAT = "@";
/** Excel's limit on the characters in one cell (Excel specifications and limits). */
export const MAX_CELL_CHARS = 32_767;

export const ERROR_VALUES = [
  "#NULL!",
  "#DIV/0!",
  "#VALUE!",
  "#REF!",
  "#NAME?",
  "#NUM!",
  "#N/A",
  "#GETTING_DATA",
  "#SPILL!",
  "#CALC!",
  "#BLOCKED!",
  "#CONNECT!",
  "#BUSY!",
  "#FIELD!",
  "#UNKNOWN!",
];

export type Language = "en-US" | "zh-CN";
export type FormulaEvaluator = (formula: string) => number | string | boolean | undefined;

export interface InputContext {
  language: Language;
  evaluate?: FormulaEvaluator;
}

/** The content part of a cell after a write; `nf` only when typing chose a format for a General cell. */
export interface Content {
  v: number | string | boolean;
  err?: true;
  f?: string;
  nf?: string;
}

export const EMPTY: Content = { v: "" };

function formulaContent(formula: string, ctx: InputContext): Content {
  const computed = ctx.evaluate?.(formula);
  if (computed === undefined) return { v: "#NAME?", err: true, f: formula };
  if (typeof computed === "string" && ERROR_VALUES.includes(computed)) return { v: computed, err: true, f: formula };
  return { v: computed, f: formula };
}

function stringContent(text: string, cellFormat: string, ctx: InputContext): Content {
  if (text.length > MAX_CELL_CHARS) throw excelError("InvalidArgument", "Range.values", "Text longer than 32,767 characters.");
  if (text === "") return EMPTY;
  if (cellFormat === TEXT_FORMAT) return { v: text };
  if (text.startsWith("'")) return { v: text.slice(1) };
  const first = text[0]!;
  if (first === "=" && text.length > 1) return formulaContent(text, ctx);
  if ((first === "+" || first === "-" || first === "@") && text.length > 1) {
    const n = first === "@" ? null : parseNumber(text, { locale: ctx.language });
    if (n && typeof n.v === "number") return { v: n.v, ...(n.z && cellFormat === GENERAL ? { nf: n.z } : {}) };
    return formulaContent(`=${text}`, ctx);
  }
  const upper = text.toUpperCase();
  if (ERROR_VALUES.includes(upper)) return { v: upper, err: true };
  const parsed = parseValue(text, { locale: ctx.language });
  if (parsed && (typeof parsed.v === "number" || typeof parsed.v === "boolean")) {
    return { v: parsed.v, ...(parsed.z && cellFormat === GENERAL ? { nf: parsed.z } : {}) };
  }
  return { v: text };
}

/**
 * What writing one element of a `values` (or `formulas`) array does. `undefined` means "leave the cell as it is"
 * (null in a 2-D array; docs-pr `excel-add-ins-blank-null-values.md`). Throws InvalidArgument for what Excel
 * cannot hold.
 */
export function contentFromInput(input: unknown, cellFormat: string, ctx: InputContext, asFormula = false): Content | undefined {
  if (input === null || input === undefined) return undefined;
  if (typeof input === "number") {
    if (!Number.isFinite(input)) throw excelError("InvalidArgument", "Range.values", `${input} is not a number Excel can hold.`);
    return { v: input };
  }
  if (typeof input === "boolean") return { v: input };
  if (typeof input === "string") {
    if (asFormula && input.startsWith("=") && input.length > 1) return formulaContent(input, ctx);
    return stringContent(input, cellFormat, ctx);
  }
  // The request is JSON: a Date travels as its ISO string, anything else structured is not a cell value.
  const wire: unknown = JSON.parse(JSON.stringify(input) ?? "null");
  if (typeof wire === "string") return stringContent(wire, cellFormat, ctx);
  throw excelError("InvalidArgument", "Range.values", "A cell value must be a string, number or boolean.");
}

export const numberFormatOf = (cell: Cell | undefined): string => cell?.nf ?? GENERAL;

export const valueOf = (cell: Cell | undefined): number | string | boolean => cell?.v ?? "";

export const formulaOf = (cell: Cell | undefined): number | string | boolean => cell?.f ?? cell?.v ?? "";

export function valueTypeOf(cell: Cell | undefined): Excel.RangeValueType {
  if (!cell || (cell.v === "" && !cell.f)) return "Empty" as Excel.RangeValueType;
  if (cell.err) return "Error" as Excel.RangeValueType;
  if (typeof cell.v === "number") return "Double" as Excel.RangeValueType;
  if (typeof cell.v === "boolean") return "Boolean" as Excel.RangeValueType;
  return "String" as Excel.RangeValueType;
}

export function textOf(cell: Cell | undefined, language: Language): string {
  if (!cell || cell.v === "") return "";
  if (cell.err) return String(cell.v);
  if (typeof cell.v === "boolean") return cell.v ? "TRUE" : "FALSE";
  const nf = numberFormatOf(cell);
  if (typeof cell.v === "string") return nf.includes("@") && nf !== TEXT_FORMAT ? formatNumber(nf, cell.v, { throws: false }) : cell.v;
  return formatNumber(nf, cell.v, { locale: language, throws: false, invalid: String(cell.v) });
}

const MS_PER_DAY = 86_400_000;
const EPOCH_1899_12_30 = Date.UTC(1899, 11, 30);
const MARCH_1_1900 = Date.UTC(1900, 2, 1);

/**
 * A JS Date as a 1900-system serial number, from its UTC fields. Serials before 1900-03-01 are one less than the
 * day count because Excel counts the non-existent 1900-02-29 (Microsoft support: "Excel incorrectly assumes that
 * the year 1900 is a leap year").
 */
export function dateToSerial(date: Date): number {
  const t = date.getTime();
  const days = (t - EPOCH_1899_12_30) / MS_PER_DAY;
  return t < MARCH_1_1900 ? days - 1 : days;
}

/** The Date (UTC) of a serial; serial 60 (the fictitious 1900-02-29) maps to 1900-03-01. */
export function serialToDate(serial: number): Date {
  const days = serial < 61 ? serial + 1 : serial;
  return new Date(EPOCH_1899_12_30 + Math.round(days * MS_PER_DAY));
}
