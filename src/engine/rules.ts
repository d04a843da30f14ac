/**
 * The scoring and pay rules of SPEC §2 over decimal numbers. Each checks its own inputs and throws a
 * KpiError naming the argument; callers (custom functions, the recalculation) add where it came from.
 *
 * One file although past 300 lines: it is the fourteen rules of SPEC §2 side by side, each short, sharing
 * the same validators, and read as one namespace (rules.step, rules.bonus) by the functions and the engine.
 */
import { DEFAULTS, DEFAULT_GRADES, DEFAULT_SPLIT, DEFAULT_TIERS, PROJECT_TYPES, TASK_RULES, TaskKind, TaskStatus } from "./contract";
import { D, ONE, ZERO, compare, maxD, minD, roundMoney, show, sum, pct, timesUnlessOne } from "./decimal";
import { div0Error, naError, numError, valueError } from "./errors";
import { fraction, nonNegative, percentScore, positive, zhLabel } from "./values";

// ---------------------------------------------------------------- weighted mix (加权)

/** Σ scoreᵢ·weightᵢ / Σ weightᵢ; weights sum to 100 or to 1, scores 0–100 each. */
export function weighted(scores: readonly D[], weights: readonly D[]): D {
  if (scores.length !== weights.length) {
    throw valueError(
      `scores has ${scores.length} cells but weights has ${weights.length}: give one weight per score`,
      `scores 有 ${scores.length} 个单元格而 weights 有 ${weights.length} 个：每个分数需要一个权重`,
    );
  }
  if (scores.length === 0) throw valueError("scores is empty: give at least one score", "scores 为空：至少需要一个分数");
  scores.forEach((s, i) => percentScore(s, `scores cell ${i + 1}`));
  weights.forEach((w, i) => nonNegative(w, `weights cell ${i + 1}`));
  const total = sum(weights);
  checkWeightTotal(total, "weights");
  return sum(scores.map((s, i) => s.times(weights[i]))).dividedBy(total);
}

/** Weights must sum to 100 or to 1 (100%); anything else is an error naming the sum, never normalised. */
export function checkWeightTotal(total: D, arg: string): void {
  if (!total.equals(100) && !total.equals(1)) {
    throw numError(`${arg} sum to ${show(total)}: they must sum to 100 or to 100%`, `${arg} 合计为 ${show(total)}：权重合计必须为 100 或 100%`);
  }
}

// ---------------------------------------------------------------- step scoring (区间计分)

export interface StepInput {
  actual: D;
  standard: D;
  weight: D;
  stepBelow: D;
  pointsBelow: D;
  stepAbove?: D | null;
  pointsAbove?: D | null;
  floor?: D | null;
  cap?: D | null;
}

/** Points clamped to [floor, cap], and which of the two gave them (null: neither). */
export interface Clamped {
  points: D;
  clampedTo: "floor" | "cap" | null;
}

function clamp(unclamped: D, floor: D, cap: D | null): Clamped {
  if (cap != null && compare(maxD(unclamped, floor), cap) > 0) return { points: cap, clampedTo: "cap" };
  if (compare(unclamped, floor) < 0) return { points: floor, clampedTo: "floor" };
  return { points: unclamped, clampedTo: null };
}

export interface StepResult extends Clamped {
  /** Whole steps short of (negative) or over (positive) the standard that counted. */
  steps: number;
  /** Points before clamping to [floor, cap]. */
  unclamped: D;
}

/** Step scoring (区间计分): weight − k·pointsBelow below the standard, weight + k·pointsAbove at or above it. */
export function step(p: StepInput): StepResult {
  nonNegative(p.weight, "weight");
  positive(p.stepBelow, "stepBelow");
  nonNegative(p.pointsBelow, "pointsBelow");
  const stepAbove = p.stepAbove ?? null;
  const pointsAbove = p.pointsAbove ?? null;
  if (stepAbove !== null) positive(stepAbove, "stepAbove");
  if (pointsAbove !== null) nonNegative(pointsAbove, "pointsAbove");
  if (stepAbove !== null && pointsAbove === null) {
    throw valueError(
      "pointsAbove is empty while stepAbove is given: enter the points for each step above",
      "给了 stepAbove 但 pointsAbove 为空：请输入每高一步加的分",
    );
  }
  const floor = p.floor ?? ZERO;
  if (p.cap != null && p.cap.lessThan(floor)) {
    throw numError(
      `cap ${show(p.cap)} is below floor ${show(floor)}: the cap must be at least the floor`,
      `上限 cap ${show(p.cap)} 低于下限 floor ${show(floor)}：上限不能小于下限`,
    );
  }
  let steps = 0;
  let unclamped: D;
  if (compare(p.actual, p.standard) < 0) {
    const k = p.standard.minus(p.actual).dividedToIntegerBy(p.stepBelow);
    steps = -k.toNumber();
    unclamped = p.weight.minus(k.times(p.pointsBelow));
  } else if (stepAbove !== null && pointsAbove !== null) {
    const k = p.actual.minus(p.standard).dividedToIntegerBy(stepAbove);
    steps = k.toNumber();
    unclamped = p.weight.plus(k.times(pointsAbove));
  } else {
    unclamped = p.weight;
  }
  // Built field by field: an object spread here made KPI.STEP 2.6 times slower (bench: 330,000 calls/s against 890,000).
  const { points, clampedTo } = clamp(unclamped, floor, p.cap ?? null);
  return { points, clampedTo, steps, unclamped };
}

// ---------------------------------------------------------------- deduction scoring (扣分制)

/** Deduction scoring (扣分制): max(floor, weight − count·pointsEach). */
export function deduct(weight: D, count: D, pointsEach: D, floor: D = ZERO): D {
  return deducted(weight, count, pointsEach, floor).points;
}

/** KPI.DEDUCT with the points taken (count·pointsEach), for saying how the points came about. */
export function deducted(weight: D, count: D, pointsEach: D, floor: D = ZERO): { points: D; taken: D } {
  nonNegative(weight, "weight");
  nonNegative(count, "count");
  nonNegative(pointsEach, "pointsEach");
  const taken = count.isZero() ? count : count.times(pointsEach);
  return { points: maxD(floor, taken.isZero() ? weight : weight.minus(taken)), taken };
}

// ---------------------------------------------------------------- ratio scoring (达成率)

/** Ratio scoring: weight × actual/standard, clamped to [floor, cap]. */
export function ratio(weight: D, actual: D, standard: D, floor: D = ZERO, cap: D | null = null): Clamped {
  nonNegative(weight, "weight");
  if (standard.isZero()) throw div0Error("standard is 0: a ratio needs a standard above 0", "标准值 standard 为 0：达成率计分需要大于 0 的标准值");
  positive(standard, "standard");
  if (cap != null && cap.lessThan(floor)) {
    throw numError(
      `cap ${show(cap)} is below floor ${show(floor)}: the cap must be at least the floor`,
      `上限 cap ${show(cap)} 低于下限 floor ${show(floor)}：上限不能小于下限`,
    );
  }
  return clamp(weight.times(actual).dividedBy(standard), floor, cap);
}

// ---------------------------------------------------------------- completion above the task base (收入目标完成率)

/** (actual − taskBase·target) / ((1 − taskBase)·target), never below 0, not capped. */
/**
 * A value kept as a numerator over a denominator, so that a product of several divides once, at the
 * end: 15015 × 0.4 × 11/9 × 0.8025 is 5890.885 exactly and rounds to 5890.89, where 11/9 cut to 50
 * digits first would give 5890.884999… and 5890.88.
 */
export interface Fraction {
  readonly over: D;
  readonly under: D;
}

export const whole = (x: D): Fraction => ({ over: x, under: ONE });

export function completion(actual: D, target: D, taskBase: D = DEFAULTS.taskBase): D {
  const f = completionFraction(actual, target, taskBase);
  return f.over.dividedBy(f.under);
}

/** KPI.COMPLETION as a fraction, for the quarterly bonus to divide once. */
export function completionFraction(actual: D, target: D, taskBase: D = DEFAULTS.taskBase): Fraction {
  if (target.isZero()) throw div0Error("target is 0: completion needs a target above 0", "目标 target 为 0：完成率需要大于 0 的目标");
  positive(target, "target");
  fraction(taskBase, "taskBase");
  if (taskBase.equals(1)) {
    throw div0Error(
      "taskBase is 100%: it leaves nothing between the base and the target; enter a base below 100%",
      "任务基数 taskBase 为 100%：基数与目标之间没有区间；请输入小于 100% 的基数",
    );
  }
  const base = taskBase.times(target);
  return { over: maxD(ZERO, actual.minus(base)), under: ONE.minus(taskBase).times(target) };
}

// ---------------------------------------------------------------- quarterly bonus (季度奖金)

/** base × rate × completion × score/fullScore × coefficient, rounded to 0.01. */
export function bonus(
  base: D,
  completionRate: D,
  score: D,
  rate: D = DEFAULTS.bonusRate,
  fullScore: D = DEFAULTS.fullScore,
  coefficient: D = DEFAULTS.coefficient,
): D {
  return bonusOfFractions(whole(base), whole(completionRate), score, rate, fullScore, coefficient);
}

/** KPI.BONUS with the base and the completion as fractions (a prorated base, a completion of 11/9), divided once before rounding. */
export function bonusOfFractions(base: Fraction, completionRate: Fraction, score: D, rate: D, fullScore: D, coefficient: D): D {
  nonNegative(base.over, "base");
  nonNegative(completionRate.over, "completion");
  // A score may be below 0 where a Floor below 0 allows it: the formula then gives a negative bonus.
  fraction(rate, "rate");
  positive(fullScore, "fullScore");
  nonNegative(coefficient, "coefficient");
  // rate / fullScore is exact when fullScore is a power of ten (100 nearly always): then it is one factor,
  // worked out once, and there is one operation fewer per bonus; otherwise fullScore divides with the rest.
  // Only for a rate of at most 49 digits (7 base-10⁷ limbs), which dividing by a power of ten never rounds:
  // a longer one, typed as text, would be rounded to 50 digits before the product, not after it.
  const perPoint = isPowerOfTen(fullScore) && rate.d.length <= 7 ? ratePerPoint(rate, fullScore) : null;
  const over = timesUnlessOne(
    base.over
      .times(perPoint ?? rate)
      .times(completionRate.over)
      .times(score),
    coefficient,
  );
  // The denominators: none for whole numbers (KPI.BONUS's arguments), and FullScore unless perPoint holds it.
  const under = timesUnlessOne(timesUnlessOne(base.under, completionRate.under), perPoint ? ONE : fullScore);
  return roundMoney(compare(under, ONE) === 0 ? over : over.dividedBy(under));
}

/** Powers of ten as one base-10⁷ digit of decimal.js (its documented, read-only d, e and s). */
const TEN_POWERS = new Set([1, 10, 100, 1000, 10000, 100000, 1000000]);

function isPowerOfTen(x: D): boolean {
  return x.s === 1 && x.d !== undefined && x.d.length === 1 && TEN_POWERS.has(x.d[0]);
}

/** rate / fullScore for a fullScore that is a power of ten (so exact), by the two objects: a plan's, or the defaults. */
const perPointOf: Array<{ rate: D; fullScore: D; perPoint: D }> = [];

function ratePerPoint(rate: D, fullScore: D): D {
  for (const c of perPointOf) if (c.rate === rate && c.fullScore === fullScore) return c.perPoint;
  if (perPointOf.length >= 16) perPointOf.length = 0;
  const perPoint = rate.dividedBy(fullScore);
  perPointOf.push({ rate, fullScore, perPoint });
  return perPoint;
}

// ---------------------------------------------------------------- grades (等级)

export interface GradeBand {
  min: D;
  label: string;
  coefficient: D;
}

/** Default bands (contract DEFAULT_GRADES): ≥91 优秀, ≥81 良好, ≥71 称职, ≥60 基本称职, else 不称职. */
export function defaultBands(lang: "en" | "zh" = "zh"): GradeBand[] {
  return DEFAULT_GRADES.map((g) => ({ min: new D(g.min ?? -Infinity), label: g[lang], coefficient: DEFAULTS.coefficient }));
}

/** Checks bands: labels present, no two with the same minimum. Returns them highest first. */
export function sortBands(bands: readonly GradeBand[]): GradeBand[] {
  if (bands.length === 0) throw valueError("bands is empty: give rows of (min score, label)", "bands 为空：请给出（最低分，等级）行");
  const sorted = [...bands].sort((a, b) => b.min.comparedTo(a.min));
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i].min.equals(sorted[i - 1].min)) {
      throw valueError(
        `bands has two rows with min score ${show(sorted[i].min)} ("${sorted[i - 1].label}", "${sorted[i].label}"): keep one`,
        `bands 中有两行最低分都是 ${show(sorted[i].min)}（"${sorted[i - 1].label}"、"${sorted[i].label}"）：请只保留一行`,
      );
    }
  }
  for (const b of sorted) {
    if (b.label.trim() === "")
      throw valueError(`bands row with min score ${show(b.min)} has no label: enter the grade`, `bands 中最低分 ${show(b.min)} 的行没有等级名称：请填写等级`);
  }
  return sorted;
}

/** The band a score falls in: the one with the highest minimum not above it. */
export function grade(score: D, bands: readonly GradeBand[]): GradeBand {
  return bandOf(score, sortBands(bands));
}

/** The band of a score among bands already checked and sorted by sortBands (highest first). */
export function bandOf(score: D, sorted: readonly GradeBand[]): GradeBand {
  const band = sorted.find((b) => compare(score, b.min) >= 0);
  if (!band) {
    const lowest = sorted[sorted.length - 1];
    throw numError(
      `score ${show(score)} is below the lowest band (${show(lowest.min)} "${lowest.label}"): add a band for it`,
      `分数 ${show(score)} 低于最低等级（${show(lowest.min)} "${lowest.label}"）：请为其增加一个等级`,
    );
  }
  return band;
}

// ---------------------------------------------------------------- commission (提成)

export interface Tier {
  minAttainment: D;
  multiplier: D;
  /** Its row in the range the user gave (KPI.COMMISSION's tiers), for messages; else its place in the list. */
  row?: number;
}

/** Default tiers (seed 001): ≥100% → full rate, ≥50% → 70%, below → none. */
export function defaultTiers(): Tier[] {
  return DEFAULT_TIERS.map((t) => ({ ...t }));
}

/** Checks tiers (no negatives, no two at one minimum) and returns them lowest first. */
export function checkTiers(tiers: readonly Tier[]): Tier[] {
  // Checked in the order given, so a message names the row the user typed, not its place once sorted.
  tiers.forEach((t, i) => {
    nonNegative(t.minAttainment, `tiers row ${t.row ?? i + 1} min attainment`);
    nonNegative(t.multiplier, `tiers row ${t.row ?? i + 1} multiplier`);
  });
  const sorted = [...tiers].sort((a, b) => a.minAttainment.comparedTo(b.minAttainment));
  sorted.forEach((t, i) => {
    if (i > 0 && t.minAttainment.equals(sorted[i - 1].minAttainment)) {
      throw valueError(
        `tiers has two rows with min attainment ${pct(t.minAttainment)}: keep one`,
        `tiers 中有两行最低完成率都是 ${pct(t.minAttainment)}：请只保留一行`,
      );
    }
  });
  return sorted;
}

/** The multiplier of the highest tier reached, 0 below the lowest. */
export function tierMultiplier(attainment: D, tiers: readonly Tier[]): D {
  return multiplierOf(attainment, checkTiers(tiers));
}

function multiplierOf(attainment: D, sorted: readonly Tier[]): D {
  let m = ZERO;
  for (const t of sorted) if (compare(attainment, t.minAttainment) >= 0) m = t.multiplier;
  return m;
}

/** The multiplier of the highest tier that actual/target reaches, compared as actual ≥ target × min (no division). */
function multiplierReached(actual: D, target: D, sorted: readonly Tier[]): D {
  let m = ZERO;
  for (const t of sorted) if (compare(actual, compare(t.minAttainment, ONE) === 0 ? target : target.times(t.minAttainment)) >= 0) m = t.multiplier;
  return m;
}

/**
 * actual × rate × m. Whole (default): m of the tier reached applies to the whole amount. Marginal:
 * each tier's multiplier applies only to the part of actual inside its band (target × band).
 */
export function commission(actual: D, target: D, rate: D, tiers: readonly Tier[] = defaultTiers(), marginal = false): D {
  nonNegative(actual, "actual");
  if (target.isZero()) throw div0Error("target is 0: commission needs a target above 0", "任务 target 为 0：提成需要大于 0 的任务");
  positive(target, "target");
  fraction(rate, "rate");
  return commissionOfChecked(actual, target, rate, checkTiers(tiers), marginal);
}

/** KPI.COMMISSION over inputs already checked (actual ≥ 0, target > 0, rate a fraction, tiers from checkTiers). */
export function commissionOfChecked(actual: D, target: D, rate: D, sorted: readonly Tier[], marginal: boolean): D {
  if (!marginal) {
    const m = multiplierReached(actual, target, sorted);
    // No tier reached pays 0 (actual and rate are ≥ 0).
    return m.isZero() ? ZERO : roundMoney(timesUnlessOne(actual.times(rate), m));
  }
  let paid = ZERO;
  sorted.forEach((t, i) => {
    const from = target.times(t.minAttainment);
    const to = i + 1 < sorted.length ? target.times(sorted[i + 1].minAttainment) : null;
    const top = to === null ? actual : minD(actual, to);
    if (compare(top, from) > 0) paid = paid.plus(top.minus(from).times(t.multiplier));
  });
  return roundMoney(paid.times(rate));
}

// ---------------------------------------------------------------- deal bonuses (大项目奖, 项目奖)

/** receipts × rate when dealAmount ≥ threshold, else 0; rounded. */
export function bigDeal(dealAmount: D, receipts: D, threshold: D = DEFAULTS.bigDealThreshold, rate: D = DEFAULTS.bigDealRate): D {
  nonNegative(dealAmount, "dealAmount");
  nonNegative(receipts, "receipts");
  nonNegative(threshold, "threshold");
  fraction(rate, "rate");
  return compare(dealAmount, threshold) >= 0 ? roundMoney(receipts.times(rate)) : roundMoney(ZERO);
}

/** The project type coefficient C: a number, or 开拓型/pioneer 1.3, 稳定型/standard 1.0, 复制型/replica 0.6. */
export function projectTypeCoefficient(type: D | string, arg = "type"): D {
  if (typeof type !== "string") return nonNegative(type, arg);
  const t = type.trim().toLowerCase();
  for (const p of PROJECT_TYPES) if (p.words.includes(t)) return p.coefficient;
  throw valueError(
    `${arg} "${type}" is not a project type: enter 开拓型/pioneer, 稳定型/standard, 复制型/replica or a coefficient`,
    `${arg} "${type}" 不是项目类型：请输入 开拓型、稳定型、复制型 或系数`,
  );
}

/** Project bonus S = B·C·D·E (seed 004): B = amount × poolRate, D = quality/100. Rounded. */
export function project(amount: D, typeCoefficient: D, quality: D, difficulty: D = DEFAULTS.difficulty, poolRate: D = DEFAULTS.poolRate): D {
  nonNegative(amount, "amount");
  nonNegative(typeCoefficient, "type");
  percentScore(quality, "quality");
  nonNegative(difficulty, "difficulty");
  fraction(poolRate, "poolRate");
  return roundMoney(amount.times(poolRate).times(typeCoefficient).times(quality.dividedBy(100)).times(difficulty));
}

// ---------------------------------------------------------------- quarter targets (季度任务分解)

export function defaultSplit(): D[] {
  return [...DEFAULT_SPLIT];
}

/** A quarter's target: annual × split[quarter]; the split has 4 shares summing to 1. */
export function quarterTarget(annual: D, quarter: number, split: readonly D[] = defaultSplit()): D {
  if (!Number.isInteger(quarter) || quarter < 1 || quarter > 4) {
    throw numError(`quarter is ${quarter}: enter 1, 2, 3 or 4`, `quarter 为 ${quarter}：请输入 1、2、3 或 4`);
  }
  if (split.length !== 4)
    throw valueError(`split has ${split.length} cells: give 4 shares, one per quarter`, `split 有 ${split.length} 个单元格：请给出 4 个季度比例`);
  // A target below 0 has no meaning (KPI.COMPLETION refuses a target ≤ 0): an annual target below 0 is refused here already.
  nonNegative(annual, "annual");
  split.forEach((s, i) => nonNegative(s, `split cell ${i + 1}`));
  const total = sum(split);
  if (total.equals(100)) {
    throw numError(
      "split sums to 100: enter the shares as percents (15%) or fractions (0.15) so they sum to 1",
      "split 合计为 100：请按百分比（15%）或小数（0.15）输入，使合计为 1",
    );
  }
  if (!total.equals(1))
    throw numError(`split sums to ${show(total)}: the 4 shares must sum to 1 (100%)`, `split 合计为 ${show(total)}：4 个季度比例合计必须为 1（100%）`);
  return annual.times(split[quarter - 1]);
}

// ---------------------------------------------------------------- miss streak (连续未完成)

/**
 * Consecutive periods below threshold, counted back from the last non-blank one (trailing blanks are months
 * not reported yet). A blank before it ends the run, as a met target does: it holds no attainment below the
 * threshold (a joiner's months before joining); DECISIONS, "KPI.STREAK".
 */
export function streak(attainments: ReadonlyArray<D | null>, threshold: D = DEFAULTS.streakThreshold): number {
  let last = attainments.length - 1;
  while (last >= 0 && attainments[last] === null) last--;
  let run = 0;
  // SPEC §2: the periods counted back from the last non-empty cell whose attainment is below the threshold.
  // A blank before that cell has no attainment, so it is not below it: the run ends there (a joiner's
  // months before joining, a month not reported), as a met target ends it.
  for (let i = last; i >= 0; i--) {
    const a = attainments[i];
    if (a === null || a.greaterThanOrEqualTo(threshold)) break;
    run++;
  }
  return run;
}

// ---------------------------------------------------------------- dense rank (中国式排名)

/** Dense rank: 1 for the highest (lowest when ascending); ties share a rank and the next follows on. */
export function denseRank(value: D, values: readonly D[], ascending = false): number {
  if (!values.some((v) => v.equals(value))) {
    throw naError(`value ${show(value)} is not among values: rank a value from the list`, `value ${show(value)} 不在 values 中：只能对列表中的值排名`);
  }
  const distinct = distinctSorted(values, ascending);
  return distinct.findIndex((v) => v.equals(value)) + 1;
}

/** The distinct values, best first: for ranking many values at once without quadratic work. */
export function distinctSorted(values: readonly D[], ascending = false): D[] {
  const sorted = [...values].sort((a, b) => (ascending ? compare(a, b) : compare(b, a)));
  return sorted.filter((v, i) => i === 0 || compare(v, sorted[i - 1]) !== 0);
}

// ---------------------------------------------------------------- per-unit incentives (过程考核奖惩)

export interface UnitsInput {
  done: D;
  target: D | null;
  perUnit: D;
  perShort?: D | null;
  perOver?: D | null;
  onComplete?: D | null;
}

/** done·perUnit − max(0, target−done)·perShort + max(0, done−target)·perOver + (done ≥ target ? onComplete : 0). */
export function units(p: UnitsInput): D {
  nonNegative(p.done, "done");
  const perShort = nonNegative(p.perShort ?? ZERO, "perShort");
  const perOver = nonNegative(p.perOver ?? ZERO, "perOver");
  const onComplete = nonNegative(p.onComplete ?? ZERO, "onComplete");
  let total = p.done.times(p.perUnit);
  if (p.target !== null) {
    nonNegative(p.target, "target");
    // Short of the target or not: only one of the two terms is above 0, the other adds nothing.
    if (compare(p.done, p.target) < 0) {
      if (!perShort.isZero()) total = total.minus(p.target.minus(p.done).times(perShort));
    } else {
      if (!perOver.isZero()) total = total.plus(p.done.minus(p.target).times(perOver));
      if (!onComplete.isZero()) total = total.plus(onComplete);
    }
  }
  return roundMoney(total);
}

// ---------------------------------------------------------------- task lists (任务清单, seed 004 第五条、第八条)

export interface TaskItem {
  kind: TaskKind;
  status: TaskStatus;
  /** A daily task's points (> 0); an exception task's are not used. */
  points: D | null;
}

/** What a status cost within one kind of task: how many tasks, and the points they lost. */
export type TaskLosses = Record<TaskStatus, { count: number; lost: D }>;

export interface TasksResult {
  points: D;
  /** 80% × weight × Σ(points − loss) / Σ points. */
  dailyPart: D;
  /** weight × max(0, 20 − deductions) / 100. */
  exceptionPart: D;
  /** Σ points of the daily tasks, and Σ of what they lost. */
  dailyTotal: D;
  dailyLost: D;
  /** Exception deductions, in points of 100. */
  deductions: D;
  daily: TaskLosses;
  exception: TaskLosses;
  dailyCount: number;
  exceptionCount: number;
  done: number;
}

const noLosses = (): TaskLosses => ({
  Done: { count: 0, lost: ZERO },
  NotDone: { count: 0, lost: ZERO },
  NotAsRequired: { count: 0, lost: ZERO },
  Late: { count: 0, lost: ZERO },
});

/**
 * Task-list scoring (KPI.TASKS): daily tasks make up 80% of the weight and lose 80%, 50% or 20% of their
 * points when not done, not done as required, or late; exception tasks (at most 4) make up 20% and lose
 * 3, 2 or 1 points of 100 each. `cell(i)` names task i in messages ("cell 3").
 */
export function tasks(weight: D, list: readonly TaskItem[], cell: (i: number) => string = (i) => `cell ${i + 1}`): TasksResult {
  nonNegative(weight, "weight");
  const daily = noLosses();
  const exception = noLosses();
  let dailyTotal = ZERO;
  let dailyLost = ZERO;
  let deductions = ZERO;
  let dailyCount = 0;
  let exceptionCount = 0;
  let done = 0;
  list.forEach((t, i) => {
    if (t.status === "Done") done++;
    if (t.kind === "Exception") {
      if (++exceptionCount > TASK_RULES.maxExceptions) {
        throw valueError(
          `kinds ${cell(i)} is a fifth exception task: at most ${TASK_RULES.maxExceptions} exception tasks count; make it a daily task or leave it out`,
          `${zhLabel(`kinds ${cell(i)}`)}是第 5 项例外工作：例外工作最多 ${TASK_RULES.maxExceptions} 项；请改为日常工作或删去`,
        );
      }
      const loss = TASK_RULES.exceptionLoss[t.status];
      exception[t.status] = { count: exception[t.status].count + 1, lost: exception[t.status].lost.plus(loss) };
      deductions = deductions.plus(loss);
      return;
    }
    if (t.points === null)
      throw valueError(`points ${cell(i)} is empty: a daily task needs its points`, `${zhLabel(`points ${cell(i)}`)}为空：日常工作需要分值`);
    positive(t.points, `points ${cell(i)}`);
    dailyCount++;
    const lost = t.points.times(TASK_RULES.dailyLoss[t.status]);
    daily[t.status] = { count: daily[t.status].count + 1, lost: daily[t.status].lost.plus(lost) };
    dailyTotal = dailyTotal.plus(t.points);
    dailyLost = dailyLost.plus(lost);
  });
  if (dailyCount === 0)
    throw valueError(
      "there is no daily task: daily tasks make up 80% of the weight; list at least one (a blank kind is daily)",
      "没有日常工作：日常工作占权重的 80%；请至少列出一项（类型空白即为日常）",
    );
  const dailyPart = TASK_RULES.dailyShare.times(weight).times(dailyTotal.minus(dailyLost)).dividedBy(dailyTotal);
  const exceptionPart = weight.times(maxD(ZERO, TASK_RULES.exceptionPool.minus(deductions))).dividedBy(100);
  return {
    points: dailyPart.plus(exceptionPart),
    dailyPart,
    exceptionPart,
    dailyTotal,
    dailyLost,
    deductions,
    daily,
    exception,
    dailyCount,
    exceptionCount,
    done,
  };
}
