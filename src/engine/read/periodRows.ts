/**
 * The period tables (Actuals, Ratings, Deals, Sales, Incentives, Adjustments, Tasks, Targets), each read
 * once into records filed under their employee and quarter (or month), with every cell parsed. A row
 * whose period cannot be read is an Error of its employee in every period (it might belong to any); one
 * of a whole year (or of a month, in Ratings) is an Error of its employee in that year's runs, as it
 * belongs to no one quarter; a row for an unknown employee is a Warning and is skipped. Issues of a row's
 * value cells stay on the record and are listed when a period's recalculation uses it.
 * One file: the period tables share one row reader (period, employee, issues kept on the record).
 */
import { D, ONE, ZERO, show } from "../decimal";
import { Issue, NO_ISSUES } from "../issues";
import { pushTo } from "../maps";
import { looksLikePercent } from "../values";
import {
  ActualRow,
  AdjustmentRow,
  DealRow,
  Employee,
  IncentiveRow,
  Indicator,
  QuarterRows,
  RatingRow,
  SalesRow,
  TargetRow,
  TaskRow,
  quarterIndex,
} from "../model";
import { Period, monthIndex, periodText, quarterOfMonth } from "../periods";
import { RATER_WORDS, RaterType, TASK_KIND_WORDS, TASK_STATUS_WORDS, TaskKind, TaskStatus } from "../contract";
import { EmployeeIndex, ROWS_PER_STEP } from "./employees";
import { keyOf } from "./names";
import * as read from "./readers";
import { Reader, Result, TableView } from "./view";

/** The employee's rows of a quarter, to file a row under. */
function filed(who: Employee, quarter: number): QuarterRows {
  let rows = who.rows.quarters.get(quarter);
  if (!rows)
    who.rows.quarters.set(
      quarter,
      (rows = { actuals: [], monthActuals: [], ratings: [], deals: [], incentives: [], adjustments: [], tasks: [], monthTasks: [] }),
    );
  return rows;
}

/** The quarter a quarter or month period falls in; null for a year. */
export function quarterOf(p: Period): number | null {
  if (p.kind === "quarter") return quarterIndex(p.year, p.quarter);
  if (p.kind === "month") return quarterIndex(p.year, quarterOfMonth(p.month));
  return null;
}

/**
 * The periods a table's rows are given in: Actuals, Deals, Incentives, Adjustments and Tasks a quarter or
 * a month; Ratings and Targets a quarter; Sales a month.
 */
type Grain = "quarter or month" | "quarter" | "month";

/** How a period table is read: its grain, and whether it counts for an employee at all. */
interface RowsOf {
  grain: Grain;
  /** Deals do not count for a plan that pays no deal bonus: a row of theirs holds nothing back. */
  counts?: (who: Employee) => boolean;
}

function fits(p: Period, takes: Grain): boolean {
  return takes === "quarter or month" ? p.kind !== "year" : p.kind === takes;
}

/** Whether a period shares a quarter with the run's scope. */
function overlaps(p: Period, scope: Scope): boolean {
  const first = p.kind === "year" ? quarterIndex(p.year, 1) : (quarterOf(p) as number);
  const last = p.kind === "year" ? quarterIndex(p.year, 4) : first;
  return last >= scope.first && first <= scope.last;
}

/** What to say of a row whose period is not of the table's grain. */
function wrongGrain(table: string, p: Period, takes: Grain): [string, string] {
  const text = periodText(p);
  const kind = p.kind === "year" ? { en: "a whole year", zh: "整年" } : { en: "a month", zh: "月份" };
  if (takes === "quarter")
    return [
      `period "${text}" is ${kind.en}: ${table} rows are per quarter; enter the quarter, such as ${p.year}-Q2`,
      `考核周期 "${text}" 是${kind.zh}：该表按季度填写；请填写季度，如 ${p.year}-Q2`,
    ];
  return [
    `period "${text}" is ${kind.en}: each ${table} row belongs to one quarter or month; enter it as ${p.year}-Q2 or ${p.year}-04 (a yearly amount split over its quarters)`,
    `考核周期 "${text}" 是${kind.zh}：每行应属于一个季度或月份；请填写如 ${p.year}-Q2 或 ${p.year}-04（全年的数额请分到各季度）`,
  ];
}

/** The quarters a run reads rows of (quarter indices, both included); Sales months before them are read too, for the miss runs. */
export interface Scope {
  first: number;
  last: number;
}

export const ALL_QUARTERS: Scope = { first: -Infinity, last: Infinity };

/**
 * Each non-blank row of a table with an EmployeeId and a period in the scope: the employee (the first
 * row of the id), the period, and the row's notes (the id written otherwise than in Employees). Ids and
 * periods are read on every row: an unknown employee, or a period that cannot be placed, is reported
 * whatever the run.
 */
function* eachRow(
  t: TableView,
  index: EmployeeIndex,
  scope: Scope,
  issues: Issue[],
  table: RowsOf,
  each: (r: number, who: Employee, period: Period, notes: readonly Issue[]) => void,
): Generator<number, void> {
  const takes = table.grain;
  const counts = table.counts ?? (() => true);
  // Sales keep their months in a Month column; the other tables a Period.
  const periodKey = takes === "month" ? "Month" : "Period";
  const reader: Reader<Period> = takes === "month" ? read.month : read.period;
  const first = takes === "month" ? -Infinity : scope.first;
  for (let r = 0; r < t.rowCount; r++) {
    if (r % ROWS_PER_STEP === ROWS_PER_STEP - 1) yield ROWS_PER_STEP;
    if (t.isBlankRow(r)) continue;
    const id = t.read(r, "EmployeeId", "", read.requiredText);
    if (!id.ok) {
      issues.push(id.issue);
      continue;
    }
    const found = index.ids.named(id.value);
    if (!found) {
      issues.push(
        t.warn(
          r,
          "EmployeeId",
          id.value,
          `EmployeeId "${id.value}" is not in Employees: the row is ignored; add the employee or correct the id`,
          `员工编号 "${id.value}" 不在员工表中：该行被忽略；请添加员工或更正编号`,
        ),
      );
      continue;
    }
    const who = found.value[0];
    const misspelt = index.ids.spelling(id.value, found, t, r, "EmployeeId", who.id);
    const period = t.read(r, periodKey, who.id, reader);
    if (!period.ok) {
      issues.push(period.issue);
      for (const e of found.value) e.issues.push(period.issue);
      continue;
    }
    if (!fits(period.value, takes)) {
      // A row of a whole year (or a month where only quarters are taken) belongs to no one quarter: its
      // employee is Error in the runs it falls in, never paid without it (SPEC §4: nothing guessed).
      if (overlaps(period.value, { first, last: scope.last }) && counts(who)) {
        const wrong = t.error(r, periodKey, who.id, ...wrongGrain(t.name, period.value, takes));
        issues.push(wrong);
        for (const e of found.value) e.issues.push(wrong);
      }
      continue;
    }
    const q = quarterOf(period.value);
    if (q !== null && (q < first || q > scope.last)) continue;
    each(r, who, period.value, misspelt ? [misspelt] : NO_ISSUES);
  }
}

/**
 * The indicator of the employee's plan a row names. The row's notes gain a Warning when it is spelt
 * otherwise, or the Error when the cell cannot be read.
 */
function indicatorOf(t: TableView, r: number, who: Employee, notes: readonly Issue[]): { text: string; indicator: Indicator | null; notes: readonly Issue[] } {
  const cell = t.read(r, "Indicator", who.id, read.requiredText);
  if (!cell.ok) return { text: "", indicator: null, notes: [...notes, cell.issue] };
  const found = who.plan ? who.plan.indicatorNames.find(cell.value, t, r, "Indicator", who.id) : null;
  return { text: cell.value, indicator: found?.value ?? null, notes: found?.warning ? [...notes, found.warning] : notes };
}

/**
 * An actual of 10 or more (1,000%) against a standard of at most 1 (0.9 or 1: 90%, 100%) is a percent typed
 * as a whole number (80 for 80%, 105 for 105%): SPEC §1 wants "looks like a percent", never a silent division
 * by 100, and scored as typed it would give thousands of points, or the cap. A standard above 1 counts
 * things (5 projects), and is not checked.
 */
function percentTypedAsNumber(standard: D, actual: D, header: string): { en: string; zh: string } | null {
  if (!(standard.greaterThan(0) && !standard.greaterThan(1)) || actual.lessThan(10)) return null;
  const [a, s] = [show(actual), show(standard.times(100))];
  const looks = looksLikePercent(actual);
  return { en: `${header} is ${a} against a standard of ${s}%: ${looks.en}`, zh: `${read.zhLabel(header)}为 ${a}，标准为 ${s}%：${looks.zh}` };
}

/** A Score indicator's Actual: a 0–100 rating (its range is checked where it is scored). */
const scoreActual = read.asScore(read.number);

function* readActuals(t: TableView, index: EmployeeIndex, scope: Scope, issues: Issue[]): Generator<number, void> {
  yield* eachRow(t, index, scope, issues, { grain: "quarter or month" }, (r, who, period, rowNotes) => {
    const { text, indicator, notes } = indicatorOf(t, r, who, rowNotes);
    let actual: Result<D> | null = null;
    if (indicator?.rule === "Binary") {
      const yes = t.read(r, "Actual", who.id, read.binaryActual);
      actual = yes.ok ? { ok: true, value: yes.value ? ONE : ZERO, warning: yes.warning } : yes;
    } else if (indicator) actual = t.read(r, "Actual", who.id, indicator.rule === "Score" ? scoreActual : read.number);
    if (actual?.ok && (indicator?.rule === "Step" || indicator?.rule === "Ratio")) {
      const doubt = percentTypedAsNumber(indicator.standard, actual.value, t.header("Actual"));
      if (doubt) actual = { ok: false, issue: t.error(r, "Actual", who.id, doubt.en, doubt.zh) };
    }
    const row: ActualRow = { row: r, period, notes, indicatorText: text, indicator, raw: t.value(r, "Actual"), actual };
    const p = period;
    if (p.kind === "quarter") filed(who, quarterIndex(p.year, p.quarter)).actuals.push(row);
    else if (p.kind === "month") filed(who, quarterIndex(p.year, quarterOfMonth(p.month))).monthActuals.push(row);
  });
}

const rater = read.choice<RaterType>(RATER_WORDS, null);

function* readRatings(t: TableView, index: EmployeeIndex, scope: Scope, issues: Issue[]): Generator<number, void> {
  yield* eachRow(t, index, scope, issues, { grain: "quarter" }, (r, who, period, rowNotes) => {
    if (period.kind !== "quarter") return;
    const { text, indicator, notes } = indicatorOf(t, r, who, rowNotes);
    const row: RatingRow = {
      row: r,
      period,
      notes,
      indicatorText: text,
      indicator,
      rater: t.read(r, "Rater", who.id, rater),
      score: t.read(r, "Score", who.id, read.score100),
    };
    filed(who, quarterIndex(period.year, period.quarter)).ratings.push(row);
  });
}

/** A plan that pays no deal bonus never reads its deals: a row of a whole year holds nothing back there. */
const DEALS: RowsOf = { grain: "quarter or month", counts: (who) => who.plan?.dealBonus !== "None" };

function* readDeals(t: TableView, index: EmployeeIndex, scope: Scope, issues: Issue[]): Generator<number, void> {
  yield* eachRow(t, index, scope, issues, DEALS, (r, who, period, rowNotes) => {
    const q = quarterOf(period);
    if (q === null) return;
    const row: DealRow = {
      row: r,
      period,
      notes: rowNotes,
      dealId: t.read(r, "DealId", who.id, read.requiredText),
      amount: t.read(r, "DealAmount", who.id, read.nonNegativeNumber),
      receipts: t.read(r, "Receipts", who.id, read.nonNegativeNumber),
      type: t.optional(r, "Type", who.id, read.projectType, null),
      quality: t.optional(r, "Quality", who.id, read.score100, null),
      difficulty: t.optional(r, "Difficulty", who.id, read.nonNegativeNumber, ONE),
    };
    filed(who, q).deals.push(row);
  });
}

function* readSales(t: TableView, index: EmployeeIndex, scope: Scope, issues: Issue[]): Generator<number, void> {
  yield* eachRow(t, index, scope, issues, { grain: "month" }, (r, who, period, rowNotes) => {
    if (period.kind !== "month") return;
    const row: SalesRow = {
      row: r,
      period,
      notes: rowNotes,
      month: monthIndex(period),
      target: t.read(r, "Target", who.id, read.positiveNumber),
      actual: t.read(r, "Actual", who.id, read.nonNegativeNumber),
      rate: t.read(r, "Rate", who.id, read.rate),
    };
    who.rows.sales.push(row);
  });
  // Month order (stable, so two rows of one month keep their table order); tables usually are in it already.
  for (const e of index.employees) if (!inMonthOrder(e.rows.sales)) e.rows.sales.sort((a, b) => a.month - b.month);
}

function inMonthOrder(rows: readonly SalesRow[]): boolean {
  for (let i = 1; i < rows.length; i++) if (rows[i].month < rows[i - 1].month) return false;
  return true;
}

function* readIncentives(t: TableView, index: EmployeeIndex, scope: Scope, issues: Issue[]): Generator<number, void> {
  yield* eachRow(t, index, scope, issues, { grain: "quarter or month" }, (r, who, period, rowNotes) => {
    const q = quarterOf(period);
    if (q === null) return;
    const item = t.read(r, "Item", who.id, read.requiredText);
    const found = item.ok && who.plan ? who.plan.incentiveRules.find(item.value, t, r, "Item", who.id) : null;
    const row: IncentiveRow = {
      row: r,
      period,
      notes: found?.warning ? [...rowNotes, found.warning] : rowNotes,
      item,
      rule: found?.value ?? null,
      target: t.optional(r, "Target", who.id, read.nonNegativeNumber, null),
      done: t.read(r, "Done", who.id, read.nonNegativeNumber),
    };
    filed(who, q).incentives.push(row);
  });
}

function* readAdjustments(t: TableView, index: EmployeeIndex, scope: Scope, issues: Issue[]): Generator<number, void> {
  yield* eachRow(t, index, scope, issues, { grain: "quarter or month" }, (r, who, period, rowNotes) => {
    const q = quarterOf(period);
    if (q === null) return;
    const row: AdjustmentRow = {
      row: r,
      period,
      notes: rowNotes,
      amount: t.read(r, "Amount", who.id, read.number),
      reason: t.read(r, "Reason", who.id, read.optionalText),
    };
    filed(who, q).adjustments.push(row);
  });
}

const taskKind = read.choice<TaskKind>(TASK_KIND_WORDS, "Daily");
const taskStatus = read.choice<TaskStatus>(TASK_STATUS_WORDS, null);

function* readTasks(t: TableView, index: EmployeeIndex, scope: Scope, issues: Issue[]): Generator<number, void> {
  yield* eachRow(t, index, scope, issues, { grain: "quarter or month" }, (r, who, period, rowNotes) => {
    if (period.kind === "year") return;
    const { text, indicator, notes } = indicatorOf(t, r, who, rowNotes);
    const row: TaskRow = {
      row: r,
      period,
      notes,
      indicatorText: text,
      indicator,
      task: t.read(r, "Task", who.id, read.optionalText),
      kind: t.optional(r, "Kind", who.id, taskKind, "Daily"),
      points: t.optional(r, "Points", who.id, read.nonNegativeNumber, null),
      status: t.read(r, "Status", who.id, taskStatus),
    };
    if (period.kind === "quarter") filed(who, quarterIndex(period.year, period.quarter)).tasks.push(row);
    else filed(who, quarterIndex(period.year, quarterOfMonth(period.month))).monthTasks.push(row);
  });
}

/**
 * Targets rows by Key and quarter. A Key written otherwise than the department or EmployeeId it
 * matches is a Warning at the Key cell, listed once.
 */
function readTargets(t: TableView, index: EmployeeIndex, scope: Scope, issues: Issue[]): Map<string, Map<number, TargetRow[]>> {
  const targets = new Map<string, Map<number, TargetRow[]>>();
  for (let r = 0; r < t.rowCount; r++) {
    if (t.isBlankRow(r)) continue;
    const key = t.read(r, "Key", "", read.requiredText);
    const period = t.read(r, "Period", "", read.period);
    if (!key.ok) issues.push(key.issue);
    if (!period.ok) issues.push(period.issue);
    if (!key.ok || !period.ok) continue;
    const found = index.departments.find(key.value, t, r, "Key", "") ?? index.ids.find(key.value, t, r, "Key", "");
    if (period.value.kind !== "quarter") {
      // Targets are per quarter: a month or year row is not used, and says so where it matters.
      if (overlaps(period.value, scope)) {
        const [en, zh] = wrongGrain(t.name, period.value, "quarter");
        issues.push(t.warn(r, "Period", "", `${en}; the row is not used`, `${zh}；该行未被使用`));
      }
      continue;
    }
    const q = quarterIndex(period.value.year, period.value.quarter);
    if (q < scope.first || q > scope.last) continue;
    if (!found) {
      // No department and no employee of that name: whoever it was meant for is told their row is missing,
      // and this is where the row is.
      issues.push(
        t.warn(
          r,
          "Key",
          "",
          `"${key.value}" is neither a Department nor an EmployeeId in Employees: the row is not used; correct the Key`,
          `"${key.value}" 既不是员工表中的部门，也不是员工编号：该行未被使用；请更正对象`,
        ),
      );
      continue;
    }
    // A Key written otherwise is said for each employee the row serves, as its Target's and Actual's warnings are.
    const keyWarning = found.warning ?? null;
    const row: TargetRow = { row: r, target: t.read(r, "Target", "", read.positiveNumber), actual: t.read(r, "Actual", "", read.number), keyWarning };
    let byQuarter = targets.get(keyOf(key.value));
    if (!byQuarter) targets.set(keyOf(key.value), (byQuarter = new Map()));
    pushTo(byQuarter, q, row);
  }
  return targets;
}

/**
 * Reads the period tables there are, for the quarters in scope, into the employees' records, pausing
 * (yielding the rows read) every ROWS_PER_STEP rows; returns the Targets rows.
 */
export function* readingPeriodTables(
  views: ReadonlyMap<string, TableView>,
  index: EmployeeIndex,
  scope: Scope,
  issues: Issue[],
): Generator<number, Map<string, Map<number, TargetRow[]>>> {
  const each: Array<[string, (t: TableView, index: EmployeeIndex, scope: Scope, issues: Issue[]) => Generator<number, void>]> = [
    ["Actuals", readActuals],
    ["Ratings", readRatings],
    ["Deals", readDeals],
    ["Sales", readSales],
    ["Incentives", readIncentives],
    ["Adjustments", readAdjustments],
    ["Tasks", readTasks],
  ];
  const t = views.get("Targets");
  const targets = t ? readTargets(t, index, scope, issues) : new Map<string, Map<number, TargetRow[]>>();
  for (const [name, fn] of each) {
    const view = views.get(name);
    if (view) yield* fn(view, index, scope, issues);
  }
  return targets;
}
