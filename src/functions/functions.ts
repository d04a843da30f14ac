/*
 * The KPI.* custom functions: thin translations from Excel's arguments to the engine (src/engine/cells.ts).
 * Scalars are typed `any` so that text, blanks and error values reach the engine, which says what is
 * wrong with them, instead of Excel's own bare #VALUE!. An omitted optional argument arrives as null.
 */
import * as cells from "../engine/cells";
import { excelCall } from "./excelError";

/*
 * office.js defines CustomFunctions (with `associate`) as it loads, in Excel or not (the loader in
 * @microsoft/office-js dist/office.debug.js). When it did not load (a plain browser cut off from its CDN,
 * or the browser test refusing it), nothing does, and the `CustomFunctions.associate("ID", fn)` calls that
 * custom-functions-metadata-plugin appends to this file at build time would throw a ReferenceError and
 * stop the page. Only then are they given a stand-in that binds nothing; otherwise office.js's own object
 * is used untouched. (The plugin's loader: OfficeDev/Office-Addin-Scripts
 * packages/custom-functions-metadata-plugin/src/loader.ts.)
 */
const page = globalThis as { CustomFunctions?: unknown; document?: unknown };
if (typeof page.CustomFunctions === "undefined" && typeof page.document !== "undefined") page.CustomFunctions = { associate: () => undefined };

/* eslint-disable @typescript-eslint/no-explicit-any */

/**
 * Weighted score: sum of score × weight over the sum of weights. Weights must sum to 100 or 100%.
 * @customfunction WEIGHTED
 * @param scores Scores from 0 to 100, one per indicator or rater.
 * @param weights Weights, one per score, summing to 100 or 100%.
 * @returns The weighted score.
 */
export function weighted(scores: any[][], weights: any[][]): number {
  return excelCall(() => cells.weighted(scores, weights));
}

/**
 * Step scoring: below the standard lose pointsBelow per whole stepBelow short; at or above gain pointsAbove per whole stepAbove over.
 * @customfunction STEP
 * @param actual Actual value, such as 80%.
 * @param standard Standard value, such as 90%.
 * @param weight Points at the standard.
 * @param stepBelow Size of one step below the standard, such as 5%.
 * @param pointsBelow Points lost per step below.
 * @param [stepAbove] Size of one step above the standard; omit for no bonus.
 * @param [pointsAbove] Points gained per step above.
 * @param [floor] Lowest points (default 0).
 * @param [cap] Highest points (default none).
 * @returns The indicator's points.
 */
export function step(
  actual: any,
  standard: any,
  weight: any,
  stepBelow: any,
  pointsBelow: any,
  stepAbove?: any,
  pointsAbove?: any,
  floor?: any,
  cap?: any,
): number {
  return excelCall(() => cells.step(actual, standard, weight, stepBelow, pointsBelow, stepAbove, pointsAbove, floor, cap));
}

/**
 * Deduction scoring: weight minus count × pointsEach, never below floor.
 * @customfunction DEDUCT
 * @param weight Points before deductions.
 * @param count Number of faults.
 * @param pointsEach Points deducted per fault.
 * @param [floor] Lowest points (default 0).
 * @returns The indicator's points.
 */
export function deduct(weight: any, count: any, pointsEach: any, floor?: any): number {
  return excelCall(() => cells.deduct(weight, count, pointsEach, floor));
}

/**
 * Completion above the task base: (actual − taskBase × target) / ((1 − taskBase) × target), never below 0, not capped.
 * @customfunction COMPLETION
 * @param actual Actual revenue.
 * @param target Target revenue, above 0.
 * @param [taskBase] Share of the target below which completion is 0 (default 70%).
 * @returns The completion rate as a fraction.
 */
export function completion(actual: any, target: any, taskBase?: any): number {
  return excelCall(() => cells.completion(actual, target, taskBase));
}

/**
 * Quarterly bonus: base × rate × completion × score / fullScore × coefficient, rounded to 0.01.
 * @customfunction BONUS
 * @param base Quarterly base pay, such as 3 × monthly base.
 * @param completion Completion rate, such as from KPI.COMPLETION.
 * @param score KPI score.
 * @param [rate] Bonus rate (default 40%).
 * @param [fullScore] Full score (default 100).
 * @param [coefficient] Grade coefficient (default 1).
 * @returns The bonus, rounded to 0.01.
 */
export function bonus(base: any, completion: any, score: any, rate?: any, fullScore?: any, coefficient?: any): number {
  return excelCall(() => cells.bonus(base, completion, score, rate, fullScore, coefficient));
}

/**
 * Grade label of a score: by default ≥91 优秀, ≥81 良好, ≥71 称职, ≥60 基本称职, else 不称职.
 * @customfunction GRADE
 * @param score The score.
 * @param [bands] Two columns: minimum score and grade label, in any order.
 * @returns The grade label.
 */
export function grade(score: any, bands?: any[][]): string {
  return excelCall(() => cells.grade(score, bands));
}

/**
 * Sales commission: actual × rate × the multiplier of the attainment tier reached (default ≥100% → 1, ≥50% → 0.7, else 0).
 * @customfunction COMMISSION
 * @param actual Actual sales.
 * @param target Sales target, above 0.
 * @param rate Commission rate, such as 2%.
 * @param [tiers] Two columns: minimum attainment and multiplier.
 * @param [marginal] TRUE to apply each multiplier only to the part of sales inside its tier.
 * @returns The commission, rounded to 0.01.
 */
export function commission(actual: any, target: any, rate: any, tiers?: any[][], marginal?: any): number {
  return excelCall(() => cells.commission(actual, target, rate, tiers, marginal));
}

/**
 * Big-deal bonus: receipts × rate when the deal amount reaches the threshold, else 0.
 * @customfunction BIGDEAL
 * @param dealAmount Deal amount.
 * @param receipts Amount received.
 * @param [threshold] Smallest deal that earns the bonus (default 100000).
 * @param [rate] Bonus rate on receipts (default 1.5%).
 * @returns The bonus, rounded to 0.01.
 */
export function bigdeal(dealAmount: any, receipts: any, threshold?: any, rate?: any): number {
  return excelCall(() => cells.bigDeal(dealAmount, receipts, threshold, rate));
}

/**
 * Project bonus S = B × C × D × E: pool amount × poolRate, type coefficient, quality / 100, difficulty.
 * @customfunction PROJECT
 * @param amount Project amount.
 * @param type Type coefficient, or 开拓型/pioneer (1.3), 稳定型/standard (1.0), 复制型/replica (0.6).
 * @param quality Quality score from 0 to 100.
 * @param [difficulty] Difficulty coefficient (default 1).
 * @param [poolRate] Share of the amount in the bonus pool (default 0.5%).
 * @returns The bonus, rounded to 0.01.
 */
export function project(amount: any, type: any, quality: any, difficulty?: any, poolRate?: any): number {
  return excelCall(() => cells.project(amount, type, quality, difficulty, poolRate));
}

/**
 * A quarter's target: annual × the quarter's share (default 15%, 25%, 30%, 30%).
 * @customfunction QTARGET
 * @param annual Annual target.
 * @param quarter Quarter 1 to 4.
 * @param [split] Four shares summing to 100%.
 * @returns The quarter's target.
 */
export function qtarget(annual: any, quarter: any, split?: any[][]): number {
  return excelCall(() => cells.qTarget(annual, quarter, split));
}

/**
 * Consecutive periods below the threshold, counted back from the last non-empty cell.
 * @customfunction STREAK
 * @param attainments Attainments in period order.
 * @param [threshold] Attainment that counts as met (default 100%).
 * @returns The number of consecutive misses.
 */
export function streak(attainments: any[][], threshold?: any): number {
  return excelCall(() => cells.streak(attainments, threshold));
}

/**
 * Dense rank (中国式排名): 1 for the highest; ties share a rank and the next rank follows on.
 * @customfunction RANK
 * @param value The value to rank.
 * @param values The values to rank among; blanks are skipped.
 * @param [ascending] TRUE to give rank 1 to the lowest.
 * @returns The rank.
 */
export function rank(value: any, values: any[][], ascending?: any): number {
  return excelCall(() => cells.rank(value, values, ascending));
}

/**
 * Per-unit incentive: done × perUnit − shortfall × perShort + excess × perOver, plus onComplete when the target is met.
 * @customfunction UNITS
 * @param done Units done.
 * @param target Target units; blank for no target.
 * @param perUnit Amount per unit done (negative for fines).
 * @param [perShort] Amount deducted per unit short of the target.
 * @param [perOver] Amount added per unit over the target.
 * @param [onComplete] Amount added when the target is met.
 * @returns The incentive, rounded to 0.01.
 */
export function units(done: any, target: any, perUnit: any, perShort?: any, perOver?: any, onComplete?: any): number {
  return excelCall(() => cells.units(done, target, perUnit, perShort, perOver, onComplete));
}

/**
 * Task-list scoring (任务清单): daily tasks make up 80% of the weight and lose 80% of their points when not done, 50% when not as required, 20% when late; exception tasks (at most 4) make up 20% and lose 3, 2 or 1 points each.
 * @customfunction TASKS
 * @param weight The indicator's weight (its full points).
 * @param points Each task's points; needed for daily tasks, not used for exception tasks.
 * @param statuses Each task's status: Done, NotDone, NotAsRequired, Late (完成, 未完成, 未按要求完成, 未及时完成).
 * @param [kinds] Each task's kind: Daily or Exception (日常, 例外); blank is Daily.
 * @returns The indicator's points.
 */
export function tasks(weight: any, points: any[][], statuses: any[][], kinds?: any[][]): number {
  return excelCall(() => cells.tasks(weight, points, statuses, kinds));
}
