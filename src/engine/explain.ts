/** One sentence per indicator saying why it scored what it did (Breakdown.Explanation), in English or Chinese. */
import { D } from "./decimal";
import { Lang } from "./errors";
import { Indicator, RATER_ZH, RaterType } from "./model";
import { StepResult } from "./rules";

/** A number for a sentence: at most 4 decimals, no trailing zeros. Display only; results are not rounded here. */
export function fmt(x: D): string {
  return x.toDecimalPlaces(4).toFixed();
}

/** A fraction as a percent for a sentence: 0.9 → 90%. */
export function fmtPct(x: D): string {
  return x.times(100).toDecimalPlaces(4).toFixed() + "%";
}

/** Shows a value as a percent when the indicator's standard and steps are fractions (90%, 5%). */
function looksLikeRatio(ind: Indicator): boolean {
  const parts = [ind.standard, ind.stepBelow, ind.stepAbove].filter((x): x is D => x !== null);
  return parts.length > 0 && parts.every((x) => x.abs().lessThanOrEqualTo(1)) && (ind.standard?.greaterThan(0) ?? false);
}

function signed(x: D): string {
  return (x.isNegative() ? "−" : "+") + fmt(x.abs());
}

export function explainStep(ind: Indicator, actual: D, r: StepResult, lang: Lang): string {
  const v = looksLikeRatio(ind) ? fmtPct : fmt;
  const std = ind.standard as D;
  const change = r.unclamped.minus(ind.points);
  let en: string;
  let zh: string;
  if (r.steps < 0) {
    en = `${v(actual)} vs standard ${v(std)}: ${-r.steps} step${r.steps === -1 ? "" : "s"} of ${v(ind.stepBelow as D)} below, ${signed(change)}`;
    zh = `实际 ${v(actual)}，标准 ${v(std)}：低于标准 ${-r.steps} 个 ${v(ind.stepBelow as D)} 步长，${signed(change)} 分`;
  } else if (r.steps > 0) {
    en = `${v(actual)} vs standard ${v(std)}: ${r.steps} step${r.steps === 1 ? "" : "s"} of ${v(ind.stepAbove as D)} above, ${signed(change)}`;
    zh = `实际 ${v(actual)}，标准 ${v(std)}：高于标准 ${r.steps} 个 ${v(ind.stepAbove as D)} 步长，${signed(change)} 分`;
  } else {
    const below = actual.lessThan(std);
    en = below ? `${v(actual)} vs standard ${v(std)}: less than one step of ${v(ind.stepBelow as D)} below, no deduction` : `${v(actual)} vs standard ${v(std)}: at or above the standard`;
    zh = below ? `实际 ${v(actual)}，标准 ${v(std)}：低于标准不足一个 ${v(ind.stepBelow as D)} 步长，不扣分` : `实际 ${v(actual)}，标准 ${v(std)}：达到标准`;
  }
  const clamp = r.clampedTo === "floor" ? { en: ` (floor ${fmt(ind.floor)})`, zh: `（下限 ${fmt(ind.floor)}）` } : r.clampedTo === "cap" ? { en: ` (cap ${fmt(ind.cap as D)})`, zh: `（上限 ${fmt(ind.cap as D)}）` } : { en: "", zh: "" };
  return lang === "en" ? `${en} → ${fmt(r.points)} of ${fmt(ind.points)}${clamp.en}` : `${zh} → 得 ${fmt(r.points)} 分（权重 ${fmt(ind.points)}）${clamp.zh}`;
}

export function explainRatio(ind: Indicator, actual: D, points: D, lang: Lang): string {
  const std = ind.standard as D;
  const v = std.lessThanOrEqualTo(1) ? fmtPct : fmt;
  return lang === "en"
    ? `${v(actual)} vs standard ${v(std)}: ${fmt(ind.points)} × ${fmt(actual)}/${fmt(std)} → ${fmt(points)} of ${fmt(ind.points)}`
    : `实际 ${v(actual)}，标准 ${v(std)}：${fmt(ind.points)} × ${fmt(actual)}/${fmt(std)} → 得 ${fmt(points)} 分（权重 ${fmt(ind.points)}）`;
}

export interface RaterPart {
  rater: RaterType;
  score: D;
  weight: D;
}

export function explainScore(ind: Indicator, actual: D, points: D, lang: Lang, raters: RaterPart[] | null): string {
  if (raters) {
    const en = raters.map((p) => `${p.rater} ${fmt(p.score)} (weight ${fmt(p.weight)})`).join(", ");
    const zh = raters.map((p) => `${RATER_ZH[p.rater]} ${fmt(p.score)}（权重 ${fmt(p.weight)}）`).join("，");
    return lang === "en" ? `ratings ${en}: mix ${fmt(actual)} → ${fmt(ind.points)} × ${fmt(actual)}% → ${fmt(points)} of ${fmt(ind.points)}` : `评分 ${zh}：加权 ${fmt(actual)} → ${fmt(ind.points)} × ${fmt(actual)}% → 得 ${fmt(points)} 分（权重 ${fmt(ind.points)}）`;
  }
  return lang === "en" ? `rating ${fmt(actual)} of 100 → ${fmt(ind.points)} × ${fmt(actual)}% → ${fmt(points)} of ${fmt(ind.points)}` : `评分 ${fmt(actual)}（满分 100）→ ${fmt(ind.points)} × ${fmt(actual)}% → 得 ${fmt(points)} 分（权重 ${fmt(ind.points)}）`;
}

export function explainDeduct(ind: Indicator, count: D, points: D, lang: Lang): string {
  const each = ind.pointsBelow as D;
  const taken = count.times(each);
  const floored = points.greaterThan(ind.points.minus(taken));
  return lang === "en"
    ? `${fmt(count)} × ${fmt(each)} deducted, −${fmt(taken)} → ${fmt(points)} of ${fmt(ind.points)}${floored ? ` (floor ${fmt(ind.floor)})` : ""}`
    : `${fmt(count)} 次 × 每次 ${fmt(each)} 分，扣 ${fmt(taken)} 分 → 得 ${fmt(points)} 分（权重 ${fmt(ind.points)}）${floored ? `（下限 ${fmt(ind.floor)}）` : ""}`;
}

export function explainBinary(ind: Indicator, yes: boolean, points: D, lang: Lang): string {
  return lang === "en" ? `${yes ? "done" : "not done"} → ${fmt(points)} of ${fmt(ind.points)}` : `${yes ? "已完成" : "未完成"} → 得 ${fmt(points)} 分（权重 ${fmt(ind.points)}）`;
}
