/**
 * Cell readers of the recalculation: each turns one cell's value into a Reading — the value, with a
 * note when it was taken with a doubt (a number typed as text), or the problem with it. A formula
 * with no calculated value, an Excel error value, a blank where a value is needed and a number past
 * Excel's 15 digits are problems in every reader; nothing is ever guessed as zero or blank.
 * Readers run once per cell, so none makes a closure per call (tsx, which runs the CLI, names each one).
 */
import { Words } from "../contract";
import { D, dec, show } from "../decimal";
import { KpiError } from "../errors";
import { msg } from "../issues";
import { Period, parseDate, parsePeriod } from "../periods";
import { projectTypeCoefficient } from "../rules";
import {
  CellValue,
  describe,
  excelErrorOf,
  formulaError,
  fraction,
  isBlank,
  isFormula,
  nonNegative,
  parseNumberText,
  percentScore,
  positive,
  readNumber,
  readText,
  readYesNo,
  zhLabel,
  argZh,
} from "../values";
import { Reader, Reading } from "./view";

export { zhLabel };

const problem = (en: string, zh: string): Reading<never> => ({ ok: false, problem: msg(en, zh) });

/** Runs a check that throws KpiError (the rules' own validators), as a Reading. */
function attempt<T>(fn: () => T): Reading<T> {
  try {
    return { ok: true, value: fn() };
  } catch (e) {
    if (!(e instanceof KpiError)) throw e;
    return { ok: false, problem: e.text };
  }
}

/** Excel keeps 15 significant digits: a number this large may not be what was typed (an id, a pasted amount). */
const EXCEL_DIGITS_LIMIT = 1e15;

function tooLarge(h: string, d: D): Reading<never> {
  return problem(
    `${h} is ${show(d)}: numbers this large are past Excel's 15-digit precision and may not be what was typed; check the value`,
    `${zhLabel(h)}为 ${show(d)}：数值超出 Excel 的 15 位有效数字精度，可能与输入的不符；请核对该值`,
  );
}

/** A number: a number cell as it is; a number typed as text taken with a note; anything else a problem. */
export const number: Reader<D> = (v, h) => {
  if (typeof v === "number" && v < EXCEL_DIGITS_LIMIT && v > -EXCEL_DIGITS_LIMIT) return { ok: true, value: dec(v) };
  return numberSlowly(v, h);
};

function numberSlowly(v: CellValue, h: string): Reading<D> {
  let d: D;
  try {
    d = readNumber(v, h);
  } catch (e) {
    if (!(e instanceof KpiError)) throw e;
    return { ok: false, problem: e.text };
  }
  if (d.abs().greaterThanOrEqualTo(EXCEL_DIGITS_LIMIT)) return tooLarge(h, d);
  if (typeof v !== "string") return { ok: true, value: d };
  const shown = show(d);
  return {
    ok: true,
    value: d,
    note: msg(
      `${h} is the text "${v}": taken as ${shown}; format the cell as a number`,
      `${zhLabel(h)}是文本 "${v}"：已按 ${shown} 计算；请把单元格设为数字格式`,
    ),
  };
}

/** A number that must pass a check of the rules (≥ 0, > 0, a fraction, 0–100). */
function checked(check: (d: D, h: string) => D): Reader<D> {
  return (v, h) => {
    const r = number(v, h);
    if (!r.ok) return r;
    try {
      check(r.value, h);
    } catch (e) {
      if (!(e instanceof KpiError)) throw e;
      return { ok: false, problem: e.text };
    }
    return r;
  };
}

export const nonNegativeNumber = checked(nonNegative);
export const positiveNumber = checked(positive);
/** A rate that must be a fraction: 40 is "looks like a percent", never divided by 100. */
export const rate = checked(fraction);
/**
 * A reader for a 0–100 score: a percent ("90%" typed as text, or 96% typed into a cell, which Excel keeps
 * as 0.96) is refused, not read as a score of under 1 point (a score is 90, not 90%). A score above 0 and
 * at most 1 is taken for such a percent: no one scores 0.96 out of 100.
 */
export function asScore(reader: Reader<D>): Reader<D> {
  return (v, h) => {
    if (typeof v === "string" && /[%％]\s*$/.test(v.trim())) {
      const typed = v.trim().replace(/\s*[%％]$/, "");
      return problem(
        `${h} is the text "${v.trim()}": a score is out of 100, not a percent: enter ${typed}`,
        `${zhLabel(h)}是文本 "${v.trim()}"：分数按百分制填写，不是百分比：请输入 ${typed}`,
      );
    }
    const r = reader(v, h);
    if (r.ok && r.value.greaterThan(0) && !r.value.greaterThan(1)) {
      const as100 = show(r.value.times(100));
      return problem(
        `${h} is ${show(r.value)}, a score of under 1 point out of 100: if it is ${as100}%, enter ${as100}`,
        `${zhLabel(h)}为 ${show(r.value)}，即百分制下不到 1 分：如是 ${as100}%，请输入 ${as100}`,
      );
    }
    return r;
  };
}

/** A rating or quality score from 0 to 100. */
export const score100 = asScore(checked(percentScore));

/** A whole number of months ≥ 1 (MissRun). */
export const wholeMonths: Reader<number> = (v, h) => {
  const r = positiveNumber(v, h);
  if (!r.ok) return r;
  if (!r.value.isInteger()) return problem(`${h} is ${show(r.value)}: enter a whole number of months`, `${zhLabel(h)}为 ${show(r.value)}：请输入整数月数`);
  return { ok: true, value: r.value.toNumber(), note: r.note };
};

/** Why a cell that should hold text cannot be used: a formula without value or an Excel error value. */
function textProblem(v: CellValue, h: string): Reading<never> | null {
  if (isFormula(v)) return { ok: false, problem: formulaError(h, v).text };
  const err = excelErrorOf(v);
  if (err) return problem(`${h} is the error ${err} from its cell: fix that cell first`, `${zhLabel(h)}的单元格是错误值 ${err}：请先修正该单元格`);
  return null;
}

/** Text that must be filled in (ids, names, plans), trimmed. */
export const requiredText: Reader<string> = (v, h) => {
  if (typeof v === "string") {
    const s = v.trim();
    if (s !== "" && s.charCodeAt(0) !== 35 /* # */) return { ok: true, value: s };
  }
  const bad = textProblem(v, h);
  if (bad) return bad;
  const s = readText(v);
  if (s === "") return problem(`${h} is empty: fill it in`, `${zhLabel(h)}为空：请填写`);
  return { ok: true, value: s };
};

/** Text shown as the user typed it (a name): required like requiredText, but not trimmed, so it comes back byte for byte. */
export const typedText: Reader<string> = (v, h) => {
  const read = requiredText(v, h);
  return read.ok && typeof v === "string" ? { ok: true, value: v } : read;
};

/** Text that may be blank ("" then), such as a department or a reason. */
export const optionalText: Reader<string> = (v, h) => textProblem(v, h) ?? { ok: true, value: readText(v) };

export const optionalDate: Reader<Date | null> = (v, h) => dateIn(v, h, false);

/** optionalDate in a workbook that counts its date serials from 1904. */
export const optionalDate1904: Reader<Date | null> = (v, h) => dateIn(v, h, true);

function dateIn(v: CellValue, h: string, date1904: boolean): Reading<Date | null> {
  if (isBlank(v)) return { ok: true, value: null };
  const bad = textProblem(v, h);
  if (bad) return bad;
  const d = parseDate(v, date1904);
  if (!d)
    return problem(`${h} "${readText(v)}" is not a date: enter a date such as 2026-04-15`, `${argZh(h)} "${readText(v)}" 不是日期：请输入日期，如 2026-04-15`);
  return { ok: true, value: d };
}

export const period: Reader<Period> = (v, h) => {
  const bad = textProblem(v, h);
  if (bad) return bad;
  const p = parsePeriod(v);
  if (!p) {
    return problem(
      `${h} "${readText(v)}" is not a period: enter a quarter such as 2026-Q2, a month such as 2026-04, or a year`,
      `${argZh(h)} "${readText(v)}" 不是考核周期：请输入季度（如 2026-Q2）、月份（如 2026-04）或年份`,
    );
  }
  return { ok: true, value: p };
};

export const month: Reader<Period & { kind: "month" }> = (v, h) => {
  const bad = textProblem(v, h);
  if (bad) return bad;
  // A Month cell asks for a month, and its message says so (not a quarter or a year).
  const p = parsePeriod(v);
  if (p?.kind !== "month")
    return problem(`${h} "${readText(v)}" is not a month: enter a month such as 2026-04`, `${argZh(h)} "${readText(v)}" 不是月份：请输入月份，如 2026-04`);
  return { ok: true, value: p };
};

/** One of the contract's words (English or Chinese), matched without regard to case, spaces or underscores; blank takes `fallback`. */
export function choice<T extends string>(words: Words<T>, fallback: NoInfer<T> | null): Reader<T> {
  const byWord = new Map<string, T>();
  // The words exactly as the contract spells them, each with its reading made once: most cells hold one of them.
  const exact = new Map<string, Reading<T>>();
  for (const [value, list] of Object.entries(words) as Array<[T, readonly string[]]>) {
    for (const w of list) {
      byWord.set(w.toLowerCase().replace(/[\s_]/g, ""), value);
      exact.set(w, Object.freeze({ ok: true as const, value }));
    }
  }
  const shown = Object.values<readonly string[]>(words).map((ws) => ws.slice(0, 2).join("/"));
  return (v, h) => {
    const known = typeof v === "string" ? exact.get(v) : undefined;
    if (known) return known;
    const bad = textProblem(v, h);
    if (bad) return bad;
    if (isBlank(v))
      return fallback === null
        ? problem(`${h} is empty: enter one of ${shown.join(", ")}`, `${zhLabel(h)}为空：请输入 ${shown.join("、")} 之一`)
        : { ok: true, value: fallback };
    const found = byWord.get(readText(v).toLowerCase().replace(/[\s_]/g, ""));
    if (found !== undefined) return { ok: true, value: found };
    return problem(
      `${h} "${readText(v)}" is not one of ${shown.join(", ")}: pick one`,
      `${argZh(h)} "${readText(v)}" 不是 ${shown.join("、")} 之一：请改为其中之一`,
    );
  };
}

/** Yes or no (Binary rule): 1, TRUE, 是, Y, done/完成 and their opposites. */
export const yesNo: Reader<boolean> = (v, h) => {
  try {
    return { ok: true, value: readYesNo(v, h) };
  } catch (e) {
    if (!(e instanceof KpiError)) throw e;
    return { ok: false, problem: e.text };
  }
};

/**
 * A Binary indicator's Actual (SPEC §3): "points = Weight when Actual is yes (…), else 0". A blank is a
 * missing Actual (never 0); a value that is neither a yes nor a no word scores 0 as the spec says, with a
 * Warning at the cell, as it may be a slip ("Partial", 0.5).
 */
export const binaryActual: Reader<boolean> = (v, h) => {
  const r = yesNo(v, h);
  // yesNo's own problems stand for what is no value at all: a blank, a formula without its value, an error.
  if (r.ok || textProblem(v, h) || isBlank(v)) return r;
  return {
    ok: true,
    value: false,
    note: msg(
      `${h} is ${describe(v)}, which is not yes: it scores 0 (yes is 1, TRUE, 是, Y, done, 完成); enter yes or no to be sure`,
      `${zhLabel(h)}为 ${describe(v)}，不是"是"：得 0 分（"是"为 1、TRUE、是、Y、done、完成）；请填写 是 或 否 以免误判`,
    ),
  };
};

/** The project type coefficient C: a number, or 开拓型/pioneer, 稳定型/standard, 复制型/replica. */
export const projectType: Reader<D> = (v, h) => {
  const bad = textProblem(v, h);
  if (bad) return bad;
  if (isBlank(v))
    return problem(
      `${h} is empty: enter 开拓型/pioneer, 稳定型/standard, 复制型/replica or a coefficient`,
      `${zhLabel(h)}为空：请输入 开拓型、稳定型、复制型 或系数`,
    );
  if (typeof v === "string" && parseNumberText(v) === null) return attempt(() => projectTypeCoefficient(v, h));
  const r = number(v, h);
  if (!r.ok) return r;
  const c = attempt(() => projectTypeCoefficient(r.value, h));
  return c.ok && r.note ? { ok: true, value: c.value, note: r.note } : c;
};
