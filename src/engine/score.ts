/**
 * A quarter's score (SPEC §4.1): each indicator of the employee's plan scored by its rule from the
 * quarter's Actuals (or Ratings), a Breakdown line for each, the total rounded once; then the grade
 * and its coefficient from the plan's bands. Each returns its value with the issues that arose.
 * One file: indicator points, the weighted total and the grade are one step of SPEC §4.1 and share its Breakdown lines.
 */
import { RATER_ZH, RULE_ZH, RaterType } from "./contract";
import { D, ONE, ZERO, compare, roundScore, sum } from "./decimal";
import { KpiError } from "./errors";
import { RaterPart, explainBinary, explainDeduct, explainRatio, explainScore, explainStep } from "./explain";
import { Issue, Outcome, issue, msg, zhList } from "./issues";
import { pushTo } from "./maps";
import { ActualRow, Employee, Indicator, Plan, RatingRow, Workbook, quarterRows } from "./model";
import { OutputRow, OutputValue } from "./output";
import { Quarter, periodText } from "./periods";
import * as rules from "./rules";
import { TableView, note } from "./read/view";
import { keyOf } from "./read/names";
import { isBlank, nonNegative, percentScore, readText } from "./values";
import { scoreTasks, tasksByIndicator } from "./taskList";
import { missingRow } from "./missing";

export interface ScoreOutcome extends Outcome<D> {
  /** Breakdown lines of the indicators that could be scored. */
  lines: OutputRow[];
}

const NONE: never[] = [];
/** No rows by indicator (most employees have no Ratings), shared: it is only read. */
const NO_ROWS: { byIndicator: never[]; unknown: never[] } = Object.freeze({ byIndicator: NONE, unknown: NONE });

/** Views a step may name cells in; a table that is absent has no rows to name. */
function view(wb: Workbook, name: string): TableView | undefined {
  return wb.views.get(name);
}

/** The indicators' points and the score, Σ points rounded to 0.01 once; null when an indicator cannot be scored. */
export function scoreQuarter(wb: Workbook, e: Employee, plan: Plan, q: Quarter): ScoreOutcome {
  const issues: Issue[] = [];
  const lines: OutputRow[] = [];
  const actualsTable = view(wb, "Actuals");
  const ratingsTable = view(wb, "Ratings");
  const rows = quarterRows(e, q.index);
  const actuals = groupByIndicator(rows.actuals, plan, issues);
  const ratings = groupByIndicator(rows.ratings, plan, issues);
  if (actualsTable) {
    for (const row of rows.monthActuals) {
      for (const n of row.notes) issues.push(n);
      issues.push(
        actualsTable.warn(
          row.row,
          "Period",
          e.id,
          `the period is the month ${periodText(row.period)}; indicators are scored per quarter, so this row is not used: enter ${q.text}`,
          `考核周期为月份 ${periodText(row.period)}；指标按季度计分，此行未使用：请填写 ${q.text}`,
        ),
      );
    }
    for (const row of actuals.unknown.filter((u) => !plan.unreadIndicators.named(u.indicatorText)))
      issues.push(
        actualsTable.warn(
          row.row,
          "Indicator",
          e.id,
          `indicator "${row.indicatorText}" is not in plan "${plan.name}": the row is ignored; correct the name`,
          `指标 "${row.indicatorText}" 不属于方案 "${plan.name}"：该行被忽略；请更正名称`,
        ),
      );
  }
  if (ratingsTable) {
    for (const row of ratings.unknown.filter((u) => !plan.unreadIndicators.named(u.indicatorText)))
      issues.push(
        ratingsTable.warn(
          row.row,
          "Indicator",
          e.id,
          `indicator "${row.indicatorText}" is not in plan "${plan.name}": the ratings are ignored; correct the name`,
          `指标 "${row.indicatorText}" 不属于方案 "${plan.name}"：这些评分被忽略；请更正名称`,
        ),
      );
  }
  if (ratingsTable) {
    // Ratings mix into a Score indicator only (SPEC §3); rows for another rule are said once, not dropped unsaid.
    for (const ind of plan.indicators) {
      const rated = ratings.byIndicator[ind.index];
      if (ind.rule === "Score" || !rated || rated.length === 0) continue;
      issues.push(
        ratingsTable.warn(
          rated[0].row,
          "Indicator",
          e.id,
          `"${ind.name}" is scored by the ${ind.rule} rule, not from Ratings: its ${rated.length} rating${rated.length === 1 ? " is" : "s are"} not used; set its Rule to Score, or correct the indicator`,
          `指标 "${ind.name}" 按${RULE_ZH[ind.rule]}规则计分，不使用评分表：其 ${rated.length} 条评分未使用；请把计分规则设为评分，或更正指标`,
        ),
      );
    }
  }
  const tasks = rows.tasks.length + rows.monthTasks.length > 0 ? tasksByIndicator(wb, e, plan, q, rows.tasks, rows.monthTasks, issues) : NONE;
  const points: D[] = [];
  let complete = true;
  const rule = wb.lang === "zh" ? RULE_ZH : null;
  for (const ind of plan.indicators) {
    const scored =
      ind.rule === "Tasks"
        ? scoreTasks(wb, e, ind, tasks[ind.index] ?? NONE, actuals.byIndicator[ind.index]?.[0], q, issues)
        : indicatorPoints(wb, e, plan, ind, actuals.byIndicator[ind.index] ?? NONE, ratings.byIndicator[ind.index] ?? NONE, q, issues);
    if (scored === null) {
      complete = false;
      continue;
    }
    points.push(scored.points);
    // Full marks are the indicator's own points: its number is known.
    const shown = scored.points === ind.points ? ind.pointsShown : scored.points.toNumber();
    lines.push([e.id, q.text, ind.name, ind.pointsShown, scored.actual, rule ? rule[ind.rule] : ind.rule, shown, scored.why]);
  }
  return { value: complete ? roundScore(sum(points)) : null, issues, lines };
}

/** A quarter's rows by the indicator they name; each row's own notes are listed; rows naming none, once per name. */
function groupByIndicator<R extends ActualRow | RatingRow>(
  rows: readonly R[],
  plan: Plan,
  issues: Issue[],
): { byIndicator: Array<R[] | undefined>; unknown: R[] } {
  if (rows.length === 0) return NO_ROWS as { byIndicator: Array<R[] | undefined>; unknown: R[] };
  // By the indicator's place in its plan: an employee has a handful of rows, a Map each would be waste.
  const byIndicator: Array<R[] | undefined> = [];
  const unknown: R[] = [];
  for (const row of rows) {
    for (const n of row.notes) issues.push(n);
    const ind = row.indicator;
    // Rows are resolved against the plan of the first row of their EmployeeId; another row of that id may be on another plan.
    if (ind && plan.indicators[ind.index] === ind) {
      const list = byIndicator[ind.index];
      if (list) list.push(row);
      else byIndicator[ind.index] = [row];
    } else if (row.indicatorText !== "" && !unknown.some((u) => keyOf(u.indicatorText) === keyOf(row.indicatorText))) unknown.push(row);
  }
  return { byIndicator, unknown };
}

/** An indicator scored: its points, the actual as Breakdown shows it, and the sentence saying why. */
interface Scored {
  points: D;
  actual: OutputValue;
  why: string;
}

/** Points of one indicator; null when its input is missing or bad. */
function indicatorPoints(
  wb: Workbook,
  e: Employee,
  plan: Plan,
  ind: Indicator,
  actualRows: ActualRow[],
  ratingRows: RatingRow[],
  q: Quarter,
  issues: Issue[],
): Scored | null {
  const lang = wb.lang;
  const at = view(wb, "Actuals");
  if (actualRows.length > 1 && at) {
    const range = at.repeatAt(
      "Actual",
      actualRows.map((r) => r.row),
    );
    const cells = at.columnCells(
      "Actual",
      actualRows.map((r) => r.row),
    );
    issues.push(
      issue(
        "Error",
        at.name,
        range,
        e.id,
        msg(
          `Actuals ${range}: ${actualRows.length} rows for "${ind.name}" in ${q.text} (${cells}): keep one`,
          `实际值表 ${range}：指标 "${ind.name}" 在 ${q.text} 有 ${actualRows.length} 行（${zhList(cells)}）：请只保留一行`,
        ),
      ),
    );
    return null;
  }
  if (ind.rule === "Score" && ratingRows.length > 0) {
    const mixed = ratingMix(wb, e, plan, ind, ratingRows, issues);
    if (!mixed) return null;
    if (actualRows.length === 1 && at && !isBlank(actualRows[0].raw)) {
      issues.push(
        at.warn(
          actualRows[0].row,
          "Actual",
          e.id,
          `"${ind.name}" has Ratings, so this Actual is not used`,
          `指标 "${ind.name}" 已有评分表数据，此实际值未使用`,
        ),
      );
    }
    const points = ind.points.times(mixed.mix).dividedBy(100);
    return { points, actual: mixed.mix.toNumber(), why: explainScore(ind, mixed.mix, points, lang, mixed.parts) };
  }
  const row = actualRows[0];
  if (!row || !at || !row.actual) {
    issues.push(
      missingRow(
        wb,
        e,
        "Actuals",
        msg(
          `Actuals has no row for ${e.id} "${ind.name}" in ${q.text}: add the actual (blank is not 0)`,
          `实际值表中没有 ${e.id} 的指标 "${ind.name}"（${q.text}）：请填写实际值（空白不等于 0）`,
        ),
      ),
    );
    return null;
  }
  if (!note(row.actual, issues)) return null;
  const a = row.actual.value;
  // An indicator scores a cell number the same way for everyone (a count of 0, a rating of 90): its points
  // and sentence are made once per distinct number in the cell (not per value read: a Binary reads 0, 0.5
  // and 2 all as no, and each line shows its own cell).
  const memo = typeof row.raw === "number" ? scoredNumbers(ind) : null;
  const known = memo?.get(row.raw as number);
  if (known) return known;
  const scored = scoreActual(wb, e, ind, row, a, at, issues);
  if (scored && memo) memo.set(row.raw as number, scored);
  return scored;
}

const scoredByIndicator = new WeakMap<Indicator, Map<number, Scored>>();

function scoredNumbers(ind: Indicator): Map<number, Scored> {
  let memo = scoredByIndicator.get(ind);
  if (!memo) scoredByIndicator.set(ind, (memo = new Map()));
  return memo;
}

/** Points of an indicator for an actual that could be read; null when the rule refuses it. */
function scoreActual(wb: Workbook, e: Employee, ind: Indicator, row: ActualRow, a: D, at: TableView, issues: Issue[]): Scored | null {
  const lang = wb.lang;
  // The actual as Breakdown shows it: the cell's own number when it is one.
  const shown = typeof row.raw === "number" ? row.raw : a.toNumber();
  try {
    switch (ind.rule) {
      case "Binary": {
        const yes = compare(a, ONE) === 0;
        const points = yes ? ind.points : ZERO;
        const actual = readText(row.raw);
        // Neither yes nor no (its read carries a Warning): the sentence says so, rather than "not done".
        const other = row.actual?.ok && row.actual.warning ? actual : undefined;
        return { points, actual, why: explainBinary(ind, yes, points, lang, other) };
      }
      case "Score": {
        if (!actualPasses(percentScore, at, row, e, a, issues)) return null;
        const points = ind.points.times(a).dividedBy(100);
        return { points, actual: shown, why: explainScore(ind, a, points, lang, null) };
      }
      case "Ratio": {
        const res = rules.ratio(ind.points, a, ind.standard, ind.floor, ind.cap);
        return { points: res.points, actual: shown, why: explainRatio(ind, a, res, lang) };
      }
      case "Step": {
        const res = rules.step({
          actual: a,
          standard: ind.standard,
          weight: ind.points,
          stepBelow: ind.stepBelow,
          pointsBelow: ind.pointsBelow,
          stepAbove: ind.above?.step,
          pointsAbove: ind.above?.points,
          floor: ind.floor,
          cap: ind.cap,
        });
        return { points: res.points, actual: shown, why: explainStep(ind, a, res, lang) };
      }
      case "Deduct": {
        if (!actualPasses(nonNegative, at, row, e, a, issues)) return null;
        const { points, taken } = rules.deducted(ind.points, a, ind.pointsEach, ind.floor);
        return { points, actual: shown, why: explainDeduct(ind, a, taken, points, lang) };
      }
      case "Tasks":
        // Scored from Tasks rows (taskList.ts), never from an Actual.
        return null;
    }
  } catch (err) {
    if (!(err instanceof KpiError)) throw err;
    const it = view(wb, "Indicators");
    if (!it) throw err;
    issues.push(it.error(ind.row, "Indicator", e.id, `"${ind.name}": ${err.text.en}`, `"${ind.name}"：${err.text.zh}`));
    return null;
  }
}

/** A check of the rules on an actual (0–100, ≥ 0): its KpiError becomes an Error at the Actual cell. */
function actualPasses(check: (d: D, h: string) => D, at: TableView, row: ActualRow, e: Employee, a: D, issues: Issue[]): boolean {
  try {
    check(a, at.header("Actual"));
    return true;
  } catch (err) {
    if (!(err instanceof KpiError)) throw err;
    issues.push(at.error(row.row, "Actual", e.id, err.text.en, err.text.zh));
    return false;
  }
}

/** The mix of an indicator's ratings by the plan's rater weights, re-weighted over the raters present. */
function ratingMix(wb: Workbook, e: Employee, plan: Plan, ind: Indicator, rows: RatingRow[], issues: Issue[]): { mix: D; parts: RaterPart[] } | null {
  const rt = view(wb, "Ratings");
  if (!rt) return null;
  const byType = new Map<RaterType, D[]>();
  let complete = true;
  for (const r of rows) {
    const rater = r.rater;
    const score = r.score;
    if (!note(rater, issues) || !note(score, issues) || !rater.ok || !score.ok) {
      complete = false;
      continue;
    }
    if (!plan.raterWeights.has(rater.value)) {
      complete = false;
      const at = rt.address(r.row, "Rater");
      issues.push(
        issue(
          "Error",
          rt.name,
          at,
          e.id,
          msg(
            `Ratings ${at}: rater ${rater.value} has no weight for plan "${plan.name}" in RaterWeights: add it`,
            `评分表 ${at}：评价人 ${RATER_ZH[rater.value]} 在评价权重表中没有方案 "${plan.name}" 的权重：请添加`,
          ),
        ),
      );
      continue;
    }
    pushTo(byType, rater.value, score.value);
  }
  if (!complete) return null;
  const parts: RaterPart[] = [];
  const missing: RaterType[] = [];
  for (const [rater, weight] of plan.raterWeights) {
    const scores = byType.get(rater);
    if (!scores) {
      if (weight.greaterThan(0)) missing.push(rater);
      continue;
    }
    parts.push({ rater, score: scores.length === 1 ? scores[0] : sum(scores).dividedBy(scores.length), weight });
  }
  const total = sum(parts.map((p) => p.weight));
  const first = rt.address(rows[0].row, "Rater");
  if (total.isZero()) {
    issues.push(
      issue(
        "Error",
        rt.name,
        first,
        e.id,
        msg(
          `Ratings: the raters of "${ind.name}" all have weight 0 for plan "${plan.name}": give them a weight in RaterWeights`,
          `评分表：指标 "${ind.name}" 的评价人在方案 "${plan.name}" 中权重均为 0：请在评价权重表中设置权重`,
        ),
      ),
    );
    return null;
  }
  if (missing.length > 0) {
    issues.push(
      issue(
        "Warning",
        rt.name,
        first,
        e.id,
        msg(
          `Ratings ${first}: "${ind.name}" has no ${missing.join(", ")} rating; re-weighted over ${parts.map((p) => p.rater).join(", ")}`,
          `评分表 ${first}：指标 "${ind.name}" 缺少 ${missing.map((m) => RATER_ZH[m]).join("、")} 评分；已按 ${parts.map((p) => RATER_ZH[p.rater]).join("、")} 重新加权`,
        ),
      ),
    );
  }
  return { mix: sum(parts.map((p) => p.score.times(p.weight))).dividedBy(total), parts };
}

/** The grade band of a score on the plan's scale; an Error at the plan's GradeScale cell when no band fits. */
export function gradeQuarter(wb: Workbook, e: Employee, plan: Plan, score: D): Outcome<rules.GradeBand> {
  try {
    return { value: rules.bandOf(score, plan.bands), issues: [] };
  } catch (err) {
    if (!(err instanceof KpiError)) throw err;
    const pt = view(wb, "Plans");
    if (!pt) throw err;
    return {
      value: null,
      issues: [
        pt.error(
          plan.row,
          "GradeScale",
          e.id,
          `scale "${plan.gradeScale}" of plan "${plan.name}": ${err.text.en}`,
          `方案 "${plan.name}" 的等级标准 "${plan.gradeScale}"：${err.text.zh}`,
        ),
      ],
    };
  }
}
