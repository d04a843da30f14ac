/** One sentence per indicator saying why it scored what it did (Breakdown.Explanation), in English or Chinese. */
import { RATER_ZH, RaterType, TASK_RULES, TASK_STATUS_ZH, TaskStatus } from "./contract";
import { D, compare } from "./decimal";
import { Lang } from "./errors";
import { monthText } from "./periods";
import { DeductIndicator, Indicator, RatioIndicator, StepIndicator } from "./model";
import { Clamped, StepResult, TaskLosses, TasksResult } from "./rules";

/**
 * The sentence as one flat string. Built with templates, a sentence is in V8 a rope of its pieces; an
 * explanation lives until Breakdown is written, and a rope would keep every piece alive for the garbage
 * collector to copy. Reading one character flattens a rope in place, leaving one string to keep.
 */
function flat(s: string): string {
  s.charCodeAt(0);
  return s;
}

/** A number for a sentence: at most 4 decimals, no trailing zeros. Display only; results are not rounded here. */
export function fmt(x: D): string {
  const text = x.decimalPlaces() <= 4 ? x.toFixed() : x.toDecimalPlaces(4).toFixed();
  // The sentences' minus is one sign, U+2212, in a negative number as in "−2 deducted": not a hyphen beside it.
  return text.startsWith("-") ? "−" + text.slice(1) : text;
}

/** A fraction as a percent for a sentence: 0.9 → 90%. */
export function fmtPct(x: D): string {
  // Moving the decimal point two places is the same as × 100, without a new Decimal for every sentence.
  return x.decimalPlaces() <= 6 ? shiftPoint(x.toFixed()) + "%" : x.times(100).toDecimalPlaces(4).toFixed() + "%";
}

/** The text of a plain decimal (no exponent) with its point moved two places right: "0.905" → "90.5". */
function shiftPoint(s: string): string {
  const start = s.charCodeAt(0) === 45 /* - */ ? 1 : 0;
  const dot = s.indexOf(".");
  const whole = dot < 0 ? s.slice(start) : s.slice(start, dot);
  const fraction = dot < 0 ? "" : s.slice(dot + 1);
  let text = fraction.length <= 2 ? whole + fraction.padEnd(2, "0") : `${whole}${fraction.slice(0, 2)}.${fraction.slice(2)}`;
  let zeros = 0;
  while (zeros < text.length - 1 && text.charCodeAt(zeros) === 48 /* 0 */ && text.charCodeAt(zeros + 1) !== 46 /* . */) zeros++;
  text = text.slice(zeros);
  return start ? `-${text}` : text;
}

function signed(x: D): string {
  return (x.isNegative() ? "−" : "+") + fmt(x.abs());
}

function clampNote(ind: { floor: D; cap: D | null }, clampedTo: Clamped["clampedTo"]): { en: string; zh: string } {
  if (clampedTo === "floor") return { en: ` (floor ${fmt(ind.floor)})`, zh: `（下限 ${fmt(ind.floor)}）` };
  if (clampedTo === "cap" && ind.cap) return { en: ` (cap ${fmt(ind.cap)})`, zh: `（上限 ${fmt(ind.cap)}）` };
  return { en: "", zh: "" };
}

export function explainStep(ind: StepIndicator, actual: D, r: StepResult, lang: Lang): string {
  const v = ind.inPercent ? fmtPct : fmt;
  const std = ind.standard;
  const change = r.unclamped.minus(ind.points);
  let en: string;
  let zh: string;
  if (r.steps < 0) {
    en = `${v(actual)} vs standard ${v(std)}: ${-r.steps} step${r.steps === -1 ? "" : "s"} of ${v(ind.stepBelow)} below, ${signed(change)}`;
    zh = `实际 ${v(actual)}，标准 ${v(std)}：低于标准 ${-r.steps} 个 ${v(ind.stepBelow)} 步长，${signed(change)} 分`;
  } else if (r.steps > 0 && ind.above) {
    en = `${v(actual)} vs standard ${v(std)}: ${r.steps} step${r.steps === 1 ? "" : "s"} of ${v(ind.above.step)} above, ${signed(change)}`;
    zh = `实际 ${v(actual)}，标准 ${v(std)}：高于标准 ${r.steps} 个 ${v(ind.above.step)} 步长，${signed(change)} 分`;
  } else {
    const below = compare(actual, std) < 0;
    en = below
      ? `${v(actual)} vs standard ${v(std)}: less than one step of ${v(ind.stepBelow)} below, no deduction`
      : `${v(actual)} vs standard ${v(std)}: at or above the standard`;
    zh = below ? `实际 ${v(actual)}，标准 ${v(std)}：低于标准不足一个 ${v(ind.stepBelow)} 步长，不扣分` : `实际 ${v(actual)}，标准 ${v(std)}：达到标准`;
  }
  const clamp = clampNote(ind, r.clampedTo);
  return flat(
    lang === "en" ? `${en} → ${fmt(r.points)} of ${fmt(ind.points)}${clamp.en}` : `${zh} → 得 ${fmt(r.points)} 分（权重 ${fmt(ind.points)}）${clamp.zh}`,
  );
}

export function explainRatio(ind: RatioIndicator, actual: D, r: Clamped, lang: Lang): string {
  const std = ind.standard;
  const v = ind.inPercent ? fmtPct : fmt;
  const points = r.points;
  // Clamped to the floor or the cap: the sentence says so, as the arithmetic before it gives another number.
  const note = clampNote(ind, r.clampedTo);
  return flat(
    lang === "en"
      ? `${v(actual)} vs standard ${v(std)}: ${fmt(ind.points)} × ${fmt(actual)}/${fmt(std)} → ${fmt(points)} of ${fmt(ind.points)}${note.en}`
      : `实际 ${v(actual)}，标准 ${v(std)}：${fmt(ind.points)} × ${fmt(actual)}/${fmt(std)} → 得 ${fmt(points)} 分（权重 ${fmt(ind.points)}）${note.zh}`,
  );
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
    return flat(
      lang === "en"
        ? `ratings ${en}: mix ${fmt(actual)} → ${fmt(ind.points)} × ${fmt(actual)}% → ${fmt(points)} of ${fmt(ind.points)}`
        : `评分 ${zh}：加权 ${fmt(actual)} → ${fmt(ind.points)} × ${fmt(actual)}% → 得 ${fmt(points)} 分（权重 ${fmt(ind.points)}）`,
    );
  }
  return flat(
    lang === "en"
      ? `rating ${fmt(actual)} of 100 → ${fmt(ind.points)} × ${fmt(actual)}% → ${fmt(points)} of ${fmt(ind.points)}`
      : `评分 ${fmt(actual)}（满分 100）→ ${fmt(ind.points)} × ${fmt(actual)}% → 得 ${fmt(points)} 分（权重 ${fmt(ind.points)}）`,
  );
}

export function explainDeduct(ind: DeductIndicator, count: D, taken: D, points: D, lang: Lang): string {
  const floored = !taken.isZero() && compare(points, ind.points.minus(taken)) > 0;
  const floor = floored ? { en: ` (floor ${fmt(ind.floor)})`, zh: `（下限 ${fmt(ind.floor)}）` } : { en: "", zh: "" };
  // PointsBelow 1: the Actual is the points taken off (SPEC §3), not a count of times.
  if (ind.pointsEach.equals(1))
    return flat(
      lang === "en"
        ? `${fmt(count)} points deducted → ${fmt(points)} of ${fmt(ind.points)}${floor.en}`
        : `扣 ${fmt(count)} 分 → 得 ${fmt(points)} 分（权重 ${fmt(ind.points)}）${floor.zh}`,
    );
  return flat(
    lang === "en"
      ? `${fmt(count)} × ${fmt(ind.pointsEach)} deducted${taken.isZero() ? "" : `, −${fmt(taken)}`} → ${fmt(points)} of ${fmt(ind.points)}${floor.en}`
      : `${fmt(count)} 次 × 每次 ${fmt(ind.pointsEach)} 分，扣 ${fmt(taken)} 分 → 得 ${fmt(points)} 分（权重 ${fmt(ind.points)}）${floor.zh}`,
  );
}

export function explainBinary(ind: Indicator, yes: boolean, points: D, lang: Lang, other?: string): string {
  // A value that is neither yes nor no ("Partial") scores 0 as SPEC §3 says; the sentence says why, not "not done".
  if (other !== undefined)
    return flat(
      lang === "en" ? `"${other}" is not yes → ${fmt(points)} of ${fmt(ind.points)}` : `"${other}" 不是“是” → 得 ${fmt(points)} 分（权重 ${fmt(ind.points)}）`,
    );
  return flat(
    lang === "en"
      ? `${yes ? "done" : "not done"} → ${fmt(points)} of ${fmt(ind.points)}`
      : `${yes ? "已完成" : "未完成"} → 得 ${fmt(points)} 分（权重 ${fmt(ind.points)}）`,
  );
}

/** What went wrong, in the seed's order (未完成, 未按要求完成, 未及时完成): "1 not done (−16), 1 late (−6)". */
const LOSS_ORDER: readonly TaskStatus[] = ["NotDone", "NotAsRequired", "Late"];
const STATUS_EN: Readonly<Record<TaskStatus, string>> = { Done: "done", NotDone: "not done", NotAsRequired: "not as required", Late: "late" };

function losses(l: TaskLosses, lang: Lang): string[] {
  const out: string[] = [];
  for (const s of LOSS_ORDER)
    if (l[s].count > 0)
      out.push(lang === "en" ? `${l[s].count} ${STATUS_EN[s]} (−${fmt(l[s].lost)})` : `${TASK_STATUS_ZH[s]} ${l[s].count} 项（−${fmt(l[s].lost)}）`);
  return out;
}

/** "4 daily tasks (100 points): 1 not done (−16), … → 80% × 100 × 68/100 = 54.4; 2 exception tasks: … → 100 × (20 − 4)/100 = 16 → 70.4 of 100". */
export function explainTasks(weight: D, r: TasksResult, lang: Lang): string {
  const w = fmt(weight);
  const share = fmtPct(TASK_RULES.dailyShare);
  const kept = `${share} × ${w} × ${fmt(r.dailyTotal.minus(r.dailyLost))}/${fmt(r.dailyTotal)} = ${fmt(r.dailyPart)}`;
  const pool = fmt(TASK_RULES.exceptionPool);
  const exception = `${w} × (${pool} − ${fmt(r.deductions)})/100 = ${fmt(r.exceptionPart)}`;
  const dailyLosses = losses(r.daily, lang);
  const exceptionLosses = losses(r.exception, lang);
  if (lang === "en") {
    const d = `${r.dailyCount} daily task${r.dailyCount === 1 ? "" : "s"} (${fmt(r.dailyTotal)} points): ${dailyLosses.length > 0 ? dailyLosses.join(", ") : "all done"} → ${kept}`;
    const x =
      r.exceptionCount === 0
        ? `no exception tasks → ${exception}`
        : `${r.exceptionCount} exception task${r.exceptionCount === 1 ? "" : "s"}: ${exceptionLosses.length > 0 ? exceptionLosses.join(", ") : "all done"} → ${exception}`;
    return flat(`${d}; ${x} → ${fmt(r.points)} of ${w}`);
  }
  const d = `日常工作 ${r.dailyCount} 项（共 ${fmt(r.dailyTotal)} 分）：${dailyLosses.length > 0 ? dailyLosses.join("，") : "全部完成"} → ${kept}`;
  const x =
    r.exceptionCount === 0
      ? `无例外工作 → ${exception}`
      : `例外工作 ${r.exceptionCount} 项：${exceptionLosses.length > 0 ? exceptionLosses.join("，") : "全部完成"} → ${exception}`;
  return flat(`${d}；${x} → 得 ${fmt(r.points)} 分（权重 ${w}）`);
}

/** The hit-streak reward's Breakdown sentence: which months made the run and what it earned. */
export function explainHit(month: number, run: number, hitRun: number, reward: D, lang: Lang): string {
  const from = monthText(month - run + 1);
  const to = monthText(month);
  return flat(
    lang === "en"
      ? `target met or beaten ${run} months running, ${from} to ${to}: a multiple of HitRun ${hitRun} → +${fmt(reward)} to Incentives`
      : `${from} 至 ${to} 连续 ${run} 个月达到或超过销售目标，为达标月数 ${hitRun} 的倍数 → 连续达标奖 +${fmt(reward)}，计入过程激励`,
  );
}
