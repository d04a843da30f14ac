import { NO_WORDS, YES_WORDS } from "./contract";
import { D, HUNDRED, ONE, compare, dec, show } from "./decimal";
import { KpiError, naError, numError, valueError, div0Error } from "./errors";

/**
 * An argument's name in a Chinese sentence: the functions name a cell of a range in English ("scores cell 2",
 * "tiers row 1 multiplier"), said here in Chinese (scores 第 2 个单元格, tiers 第 1 行的系数); a column's name
 * stays as the workbook has it.
 */
export function argZh(arg: string): string {
  const cell = arg.match(/^(?:(.+) )?cell (\d+)$/);
  if (cell) return `${cell[1] ? `${cell[1]} ` : ""}第 ${cell[2]} 个单元格`;
  const row = arg.match(/^(bands|tiers) row (\d+) (min score|min attainment|multiplier|label)$/);
  if (row) return `${row[1]} 第 ${row[2]} 行的${ROW_PART_ZH[row[3]]}`;
  return arg;
}

const ROW_PART_ZH: Record<string, string> = { "min score": "最低分", "min attainment": "最低完成率", multiplier: "系数", label: "等级" };

/** A column's (or argument's) name leading a Chinese sentence: no space after a Chinese name (实际值为 81), one after a Latin one (Actual 为 81). */
export function zhLabel(h: string): string {
  const z = argZh(h);
  return /[\u3400-\u9fff\uff00-\uffef]$/.test(z) ? z : `${z} `;
}

/**
 * A formula cell whose calculated value is unknown: a file saved by a tool that does not compute
 * formulas. A plain structure, so a workbook adapter can make one without importing the engine.
 */
export interface FormulaCell {
  readonly formula: string;
}

/** What a cell can hold as the engine sees it (Excel passes these; the .xlsx reader adds Date and FormulaCell). */
export type CellValue = number | string | boolean | Date | FormulaCell | null | undefined;

export function isFormula(v: unknown): v is FormulaCell {
  return typeof v === "object" && v !== null && !(v instanceof Date) && !Array.isArray(v) && typeof (v as { formula?: unknown }).formula === "string";
}

/** The formula as typed, with its leading "=". */
export function formulaText(f: FormulaCell): string {
  const t = f.formula.trim();
  return t.startsWith("=") ? t : `=${t}`;
}

/** "… is a formula with no calculated value …": the message for any cell holding such a formula. */
export function formulaError(arg: string, f: FormulaCell): KpiError {
  return valueError(
    `${arg} is a formula with no calculated value (${formulaText(f)}): open and save the workbook in Excel, or type the value`,
    `${zhLabel(arg)}是没有计算结果的公式（${formulaText(f)}）：请在 Excel 中打开并保存该工作簿，或直接输入数值`,
  );
}

const EXCEL_ERRORS = /^#(N\/A|VALUE!|REF!|DIV\/0!|NUM!|NAME\?|NULL!|SPILL!|CALC!|GETTING_DATA|FIELD!|BUSY!|CONNECT!|BLOCKED!|UNKNOWN!|PYTHON!|EXTERNAL!)$/i;

/** Blank means nothing was entered: null, undefined, or text of only spaces. A 0 is not blank. */
export function isBlank(v: CellValue): v is null | undefined | "" {
  return v === null || v === undefined || (typeof v === "string" && v.trim() === "");
}

/** An Excel error value arriving as text ("#N/A"), or null. */
export function excelErrorOf(v: CellValue): string | null {
  return typeof v === "string" && EXCEL_ERRORS.test(v.trim()) ? v.trim().toUpperCase() : null;
}

/** What toHalfWidth turns into ASCII: most text has none of it, and is returned as it is. */
const FULL_WIDTH = /[\uFF01-\uFF5E\u3000\uFFE5]/;

/** Full-width digits and signs (１２３％) typed with a Chinese IME become their ASCII forms. */
export function toHalfWidth(s: string): string {
  if (!FULL_WIDTH.test(s)) return s;
  // ￥ (U+FFE5, what Shift+4 types in a Chinese input method) sits outside the run of full-width ASCII.
  return s
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, " ")
    .replace(/\uFFE5/g, "¥");
}

const NUMBER_TEXT = /^[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i;
const GROUPED_TEXT = /^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/;

/**
 * A number typed as text: "85", "1,200.50", "40%", "¥3000", "￥3000", "９０％". Returns null for anything
 * else, so that words are reported rather than guessed.
 */
export function parseNumberText(text: string): D | null {
  let s = toHalfWidth(text)
    .trim()
    .replace(/^[¥$]\s*/, "");
  let percent = false;
  if (s.endsWith("%")) {
    percent = true;
    s = s.slice(0, -1).trim();
  }
  if (GROUPED_TEXT.test(s)) s = s.replace(/,/g, "");
  if (!NUMBER_TEXT.test(s)) return null;
  const d = new D(s);
  return percent ? d.dividedBy(100) : d;
}

/** Turns an Excel error value from the input into the same Excel error, naming where it came from. */
function propagate(err: string, arg: string): KpiError {
  const en = `${arg} is the error ${err} from its cell: fix that cell first`;
  const zh = `${zhLabel(arg)}的单元格是错误值 ${err}：请先修正该单元格`;
  if (err === "#N/A") return naError(en, zh);
  if (err === "#NUM!") return numError(en, zh);
  if (err === "#DIV/0!") return div0Error(en, zh);
  return valueError(en, zh);
}

/** A cell's value as a message quotes it: text in quotes, a date as its day, a formula as typed. */
export function describe(v: CellValue): string {
  if (typeof v === "string") return `"${v}"`;
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (isFormula(v)) return formulaText(v);
  return String(v);
}

/** A number the argument needs, or null when the cell is blank. Text that is not a number is an error. */
export function readNumberOrBlank(v: CellValue, arg: string): D | null {
  if (Array.isArray(v)) {
    throw valueError(`${arg} must be one cell, not a range`, `${zhLabel(arg)}必须是单个单元格，而不是区域`);
  }
  if (isBlank(v)) return null;
  if (typeof v === "number") {
    if (!Number.isFinite(v)) throw numError(`${arg} is not a finite number`, `${zhLabel(arg)}不是有限的数字`);
    return dec(v);
  }
  if (typeof v === "string") {
    const err = excelErrorOf(v);
    if (err) throw propagate(err, arg);
    const d = parseNumberText(v);
    if (d) return d;
    throw valueError(`${arg} is the text ${describe(v)}, not a number: enter a number`, `${zhLabel(arg)}是文本 ${describe(v)}，不是数字：请输入数字`);
  }
  if (typeof v === "boolean") {
    throw valueError(`${arg} is ${v ? "TRUE" : "FALSE"}, not a number: enter a number`, `${zhLabel(arg)}是 ${v ? "TRUE" : "FALSE"}，不是数字：请输入数字`);
  }
  if (v instanceof Date) {
    throw valueError(`${arg} is the date ${describe(v)}, not a number: enter a number`, `${zhLabel(arg)}是日期 ${describe(v)}，不是数字：请输入数字`);
  }
  if (isFormula(v)) throw formulaError(arg, v);
  throw valueError(`${arg} is not a number`, `${zhLabel(arg)}不是数字`);
}

/** A required number: blank is an error, never zero. */
export function readNumber(v: CellValue, arg: string): D {
  const d = readNumberOrBlank(v, arg);
  if (d === null) throw valueError(`${arg} is empty: enter a number`, `${zhLabel(arg)}为空：请输入数字`);
  return d;
}

/** An optional number: an omitted argument (null) or a blank cell takes the default. */
export function readOptional(v: CellValue, arg: string, fallback: D): D {
  return readNumberOrBlank(v, arg) ?? fallback;
}

/** A number that must be ≥ 0. */
export function nonNegative(d: D, arg: string): D {
  if (d.isNegative() && !d.isZero()) {
    throw numError(`${arg} is ${show(d)}: it cannot be negative; enter 0 or more`, `${zhLabel(arg)}为 ${show(d)}：不能为负数；请填写 0 或正数`);
  }
  return d;
}

/** A number that must be > 0. */
export function positive(d: D, arg: string): D {
  if (d.isZero() || d.isNegative()) {
    throw numError(`${arg} is ${show(d)}: it must be greater than 0`, `${zhLabel(arg)}为 ${show(d)}：必须大于 0`);
  }
  return d;
}

/** A score that must lie between 0 and 100 (ratings, quality scores). */
export function percentScore(d: D, arg: string): D {
  if (d.isNegative() || compare(d, HUNDRED) > 0) {
    throw numError(`${arg} is ${show(d)}: a score must be between 0 and 100`, `${zhLabel(arg)}为 ${show(d)}：分数必须在 0 到 100 之间`);
  }
  return d;
}

/**
 * A rate that must be a fraction (SPEC §1): 40% is 0.4. Above 1 it looks like a percent typed as a
 * whole number, which is an error and never silently divided by 100.
 */
export function fraction(d: D, arg: string): D {
  nonNegative(d, arg);
  if (compare(d, ONE) > 0) {
    const looks = looksLikePercent(d);
    throw numError(`${arg}: ${looks.en}`, `${arg}：${looks.zh}`);
  }
  return d;
}

/** SPEC §1's words for a percent typed as a whole number (40 for 40%): never divided by 100 silently. */
export function looksLikePercent(d: D): { en: string; zh: string } {
  const n = show(d);
  const fractionText = show(d.dividedBy(100));
  return { en: `${n} looks like a percent: enter ${n}% or ${fractionText}`, zh: `${n} 看起来是百分数：请输入 ${n}% 或 ${fractionText}` };
}

/** Yes/no in a cell (SPEC §3 Binary): 1, TRUE, 是, Y, done/完成; and their opposites. Other text is an error. */
export function readYesNo(v: CellValue, arg: string): boolean {
  if (typeof v === "boolean") return v;
  if (isBlank(v)) throw valueError(`${arg} is empty: enter yes or no (是/否, 1/0)`, `${zhLabel(arg)}为空：请输入 是/否 或 1/0`);
  if (typeof v === "number") {
    if (v === 1) return true;
    if (v === 0) return false;
    throw valueError(`${arg} is ${v}: enter yes or no (是/否, 1/0)`, `${zhLabel(arg)}为 ${v}：请输入 是/否 或 1/0`);
  }
  if (typeof v === "string") {
    const err = excelErrorOf(v);
    if (err) throw propagate(err, arg);
    const s = toHalfWidth(v).trim().toLowerCase();
    if (YES_WORDS.has(s)) return true;
    if (NO_WORDS.has(s)) return false;
  }
  if (isFormula(v)) throw formulaError(arg, v);
  throw valueError(`${arg} is ${describe(v)}: enter yes or no (是/否, 1/0)`, `${zhLabel(arg)}为 ${describe(v)}：请输入 是/否 或 1/0`);
}

/** An optional TRUE/FALSE switch: omitted or blank is FALSE. */
export function readFlag(v: CellValue, arg: string): boolean {
  if (isBlank(v)) return false;
  return readYesNo(v, arg);
}

/** Text of a cell for names and labels, trimmed; numbers as their shortest form; a formula as typed. */
export function readText(v: CellValue): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "string") return v.trim();
  // A TRUE/FALSE cell as Excel shows it, not as JavaScript spells it.
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (isFormula(v)) return formulaText(v);
  return String(v);
}

/** A range as Excel passes it (2-D array), or a single value, flattened row by row. */
export function flatten(v: unknown): CellValue[] {
  if (!Array.isArray(v)) return [v as CellValue];
  const out: CellValue[] = [];
  for (const row of v) {
    if (Array.isArray(row)) for (const c of row) out.push(c as CellValue);
    else out.push(row as CellValue);
  }
  return out;
}

/** Rows of a 2-D range, a single row when a 1-D array or value is given. */
export function rowsOf(v: unknown): CellValue[][] {
  if (!Array.isArray(v)) return [[v as CellValue]];
  if (v.length > 0 && !Array.isArray(v[0])) return [v as CellValue[]];
  return v as CellValue[][];
}
