/**
 * The KPI.* functions as Excel calls them: plain cell values and 2-D ranges in, a number or text out.
 * Reading cells (blank versus 0, percents, yes/no, error values) happens here, so the custom
 * functions stay thin translations.
 */
import { DEFAULTS, TASK_KIND_WORDS, TASK_STATUS_WORDS, TaskKind, TaskStatus } from "./contract";
import { D } from "./decimal";
import { numError, valueError } from "./errors";
import * as rules from "./rules";
import { parsePeriod } from "./periods";
import { choice } from "./read/readers";
import { Reader } from "./read/view";
import {
  CellValue,
  flatten,
  isBlank,
  parseNumberText,
  positive,
  readFlag,
  readNumber,
  readNumberOrBlank,
  readOptional,
  readText,
  rowsOf,
  zhLabel,
} from "./values";

type Range = unknown;

/** A range's cells as numbers; a blank cell is an error naming its position (blank is never zero). */
function numbersOf(range: Range, arg: string, skipBlank: boolean): D[] {
  const out: D[] = [];
  flatten(range).forEach((v, i) => {
    const d = readNumberOrBlank(v, `${arg} cell ${i + 1}`);
    if (d !== null) out.push(d);
    else if (!skipBlank)
      throw valueError(`${arg} cell ${i + 1} is empty: enter a value (blank is not 0)`, `${zhLabel(`${arg} cell ${i + 1}`)}为空：请填写数值（空白不等于 0）`);
  });
  return out;
}

export function weighted(scores: Range, weights: Range): number {
  return rules.weighted(numbersOf(scores, "scores", false), numbersOf(weights, "weights", false)).toNumber();
}

export function step(
  actual: CellValue,
  standard: CellValue,
  weight: CellValue,
  stepBelow: CellValue,
  pointsBelow: CellValue,
  stepAbove?: CellValue,
  pointsAbove?: CellValue,
  floor?: CellValue,
  cap?: CellValue,
): number {
  return rules
    .step({
      actual: readNumber(actual, "actual"),
      standard: readNumber(standard, "standard"),
      weight: readNumber(weight, "weight"),
      stepBelow: readNumber(stepBelow, "stepBelow"),
      pointsBelow: readNumber(pointsBelow, "pointsBelow"),
      stepAbove: readNumberOrBlank(stepAbove, "stepAbove"),
      pointsAbove: readNumberOrBlank(pointsAbove, "pointsAbove"),
      floor: readNumberOrBlank(floor, "floor"),
      cap: readNumberOrBlank(cap, "cap"),
    })
    .points.toNumber();
}

export function deduct(weight: CellValue, count: CellValue, pointsEach: CellValue, floor?: CellValue): number {
  return rules
    .deduct(readNumber(weight, "weight"), readNumber(count, "count"), readNumber(pointsEach, "pointsEach"), readOptional(floor, "floor", DEFAULTS.floor))
    .toNumber();
}

export function completion(actual: CellValue, target: CellValue, taskBase?: CellValue): number {
  return rules.completion(readNumber(actual, "actual"), readNumber(target, "target"), readOptional(taskBase, "taskBase", DEFAULTS.taskBase)).toNumber();
}

export function bonus(base: CellValue, completionRate: CellValue, score: CellValue, rate?: CellValue, fullScore?: CellValue, coefficient?: CellValue): number {
  return rules
    .bonus(
      readNumber(base, "base"),
      readNumber(completionRate, "completion"),
      readNumber(score, "score"),
      readOptional(rate, "rate", DEFAULTS.bonusRate),
      readOptional(fullScore, "fullScore", DEFAULTS.fullScore),
      readOptional(coefficient, "coefficient", DEFAULTS.coefficient),
    )
    .toNumber();
}

/**
 * An optional range left out: omitted (null), or every cell blank, as a blank cell is for an optional
 * number (HR points at the area where bands or tiers will go before filling it): the default applies.
 */
function omitted(range: Range | null | undefined): range is null | undefined {
  return range === null || range === undefined || flatten(range).every((c) => isBlank(c));
}

/** Rows of a 2-column range (min, label-or-multiplier); fully blank rows are skipped. */
function pairRows(range: Range, arg: string): Array<[CellValue, CellValue, number]> {
  const rows = rowsOf(range);
  const out: Array<[CellValue, CellValue, number]> = [];
  rows.forEach((row, i) => {
    if (row.every((c) => isBlank(c))) return;
    if (row.length < 2) throw valueError(`${arg} must have 2 columns: min and value`, `${arg} 必须有 2 列：最低值和对应值`);
    out.push([row[0], row[1], i + 1]);
  });
  if (out.length === 0) throw valueError(`${arg} has no rows: give at least one`, `${arg} 没有数据行：至少需要一行`);
  return out;
}

export function grade(score: CellValue, bands?: Range): string {
  const s = readNumber(score, "score");
  if (omitted(bands)) return rules.grade(s, rules.defaultBands("zh")).label;
  const parsed = pairRows(bands, "bands").map(([min, label, row]) => ({
    min: readNumber(min, `bands row ${row} min score`),
    label: readText(label),
    coefficient: DEFAULTS.coefficient,
  }));
  return rules.grade(s, parsed).label;
}

export function tiersOf(range: Range): rules.Tier[] {
  return pairRows(range, "tiers").map(([min, mult, row]) => ({
    minAttainment: readNumber(min, `tiers row ${row} min attainment`),
    multiplier: readNumber(mult, `tiers row ${row} multiplier`),
    row,
  }));
}

export function commission(actual: CellValue, target: CellValue, rate: CellValue, tiers?: Range, marginal?: CellValue): number {
  const t = omitted(tiers) ? rules.defaultTiers() : tiersOf(tiers);
  return rules.commission(readNumber(actual, "actual"), readNumber(target, "target"), readNumber(rate, "rate"), t, readFlag(marginal, "marginal")).toNumber();
}

export function bigDeal(dealAmount: CellValue, receipts: CellValue, threshold?: CellValue, rate?: CellValue): number {
  return rules
    .bigDeal(
      readNumber(dealAmount, "dealAmount"),
      readNumber(receipts, "receipts"),
      readOptional(threshold, "threshold", DEFAULTS.bigDealThreshold),
      readOptional(rate, "rate", DEFAULTS.bigDealRate),
    )
    .toNumber();
}

/** The type argument: a coefficient number or a type name. */
export function typeCoefficientOf(type: CellValue, arg = "type"): D {
  if (isBlank(type))
    throw valueError(
      `${arg} is empty: enter 开拓型/pioneer, 稳定型/standard, 复制型/replica or a coefficient`,
      `${arg} 为空：请输入 开拓型、稳定型、复制型 或系数`,
    );
  if (typeof type === "string") return rules.projectTypeCoefficient(parseNumberText(type) ?? type, arg);
  return rules.projectTypeCoefficient(readNumber(type, arg), arg);
}

export function project(amount: CellValue, type: CellValue, quality: CellValue, difficulty?: CellValue, poolRate?: CellValue): number {
  return rules
    .project(
      readNumber(amount, "amount"),
      typeCoefficientOf(type),
      readNumber(quality, "quality"),
      readOptional(difficulty, "difficulty", DEFAULTS.difficulty),
      readOptional(poolRate, "poolRate", DEFAULTS.poolRate),
    )
    .toNumber();
}

/** 1–4, "Q2", "第2季度" (a quarter without its year), or a quarter as SPEC §3 writes periods ("2026-Q2", "2026年第2季度"). */
function quarterOf(v: CellValue): number {
  if (typeof v === "string") {
    const m = v.trim().match(/^(?:q|第)?\s*([1-4])\s*(?:季度)?$/i);
    if (m) return Number(m[1]);
    const p = parsePeriod(v);
    if (p?.kind === "quarter") return p.quarter;
    if (p)
      throw valueError(
        `quarter "${v}" is ${p.kind === "month" ? "a month" : "a year"}: enter 1, 2, 3 or 4, or a quarter such as ${p.year}-Q2`,
        `quarter "${v}" 是${p.kind === "month" ? "月份" : "年份"}：请输入 1、2、3 或 4，或季度（如 ${p.year}-Q2）`,
      );
  }
  const d = readNumber(v, "quarter");
  if (!d.isInteger() || d.lessThan(1) || d.greaterThan(4))
    throw numError(`quarter is ${d.toFixed()}: enter 1, 2, 3 or 4`, `quarter 为 ${d.toFixed()}：请输入 1、2、3 或 4`);
  return d.toNumber();
}

export function qTarget(annual: CellValue, quarter: CellValue, split?: Range): number {
  const shares = omitted(split) ? rules.defaultSplit() : numbersOf(split, "split", false);
  return rules.quarterTarget(readNumber(annual, "annual"), quarterOf(quarter), shares).toNumber();
}

export function streak(attainments: Range, threshold?: CellValue): number {
  const values = flatten(attainments).map((v, i) => readNumberOrBlank(v, `attainments cell ${i + 1}`));
  return rules.streak(values, readOptional(threshold, "threshold", DEFAULTS.streakThreshold));
}

export function rank(value: CellValue, values: Range, ascending?: CellValue): number {
  return rules.denseRank(readNumber(value, "value"), numbersOf(values, "values", true), readFlag(ascending, "ascending"));
}

export function units(done: CellValue, target: CellValue, perUnit: CellValue, perShort?: CellValue, perOver?: CellValue, onComplete?: CellValue): number {
  return rules
    .units({
      done: readNumber(done, "done"),
      target: readNumberOrBlank(target, "target"),
      perUnit: readNumber(perUnit, "perUnit"),
      perShort: readNumberOrBlank(perShort, "perShort"),
      perOver: readNumberOrBlank(perOver, "perOver"),
      onComplete: readNumberOrBlank(onComplete, "onComplete"),
    })
    .toNumber();
}

const taskStatus = choice<TaskStatus>(TASK_STATUS_WORDS, null);
const taskKind = choice<TaskKind>(TASK_KIND_WORDS, "Daily");

/** A cell read by one of the recalculation's readers; its problem as a #VALUE! (or the rules' own error). */
function readCell<T>(reader: Reader<T>, v: CellValue, arg: string): T {
  const r = reader(v, arg);
  if (r.ok) return r.value;
  throw valueError(r.problem.en, r.problem.zh);
}

/**
 * KPI.TASKS: one task per cell of points, statuses and kinds (ranges of one size, read row by row). A row
 * blank in all three is no task (room left for more); a blank kind is Daily, a blank status an error.
 */
export function tasks(weight: CellValue, points: Range, statuses: Range, kinds?: Range): number {
  const w = readNumber(weight, "weight");
  const p = flatten(points);
  const s = flatten(statuses);
  const k = kinds === null || kinds === undefined ? null : flatten(kinds);
  if (p.length !== s.length)
    throw valueError(
      `points has ${p.length} cells but statuses has ${s.length}: give one status per task`,
      `points 有 ${p.length} 个单元格而 statuses 有 ${s.length} 个：每项工作需要一个完成情况`,
    );
  if (k && k.length !== p.length)
    throw valueError(
      `kinds has ${k.length} cells but points has ${p.length}: give one kind per task, or leave kinds out`,
      `kinds 有 ${k.length} 个单元格而 points 有 ${p.length} 个：每项工作需要一个类型，或省略 kinds`,
    );
  const list: rules.TaskItem[] = [];
  const cells: number[] = [];
  p.forEach((v, i) => {
    if (isBlank(v) && isBlank(s[i]) && (!k || isBlank(k[i]))) return;
    const at = `cell ${i + 1}`;
    const kind = k ? readCell(taskKind, k[i], `kinds ${at}`) : "Daily";
    const status = readCell(taskStatus, s[i], `statuses ${at}`);
    // An exception task's points are not used: whatever is there is left alone.
    const pts = kind === "Daily" && !isBlank(v) ? readNumber(v, `points ${at}`) : null;
    // A daily task's points are above 0 (SPEC §2): "0 or more" would send HR from -30 to 0, an error too.
    if (pts !== null) positive(pts, `points ${at}`);
    list.push({ kind, status, points: pts });
    cells.push(i);
  });
  return rules.tasks(w, list, (i) => `cell ${cells[i] + 1}`).points.toNumber();
}
