/**
 * A quarter's pay steps (SPEC §4.2–4.7, but commission and penalties, in sales.ts): completion, the
 * quarterly bonus, deal bonuses, incentives and adjustments. Each takes an employee's records of the
 * quarter and returns its value, or null when it cannot be computed, with the issues that arose.
 * One file past 300 lines: the pay steps share the Targets lookup and the way a row's issue reaches the
 * employee, and SPEC §4 reads them as one sequence.
 */
import { INPUT_TABLES } from "./contract";
import { D, ZERO, roundMoney } from "./decimal";
import { KpiError } from "./errors";
import { Issue, Outcome, concerning, issue, zhList } from "./issues";
import { zhLabel } from "./values";
import { DealRow, Employee, Plan, TargetRow, Workbook, quarterRows } from "./model";
import { Period, Quarter, periodText } from "./periods";
import * as rules from "./rules";
import { keyOf } from "./read/names";
import { Result, TableView } from "./read/view";
import { becauseOf } from "./missing";

/** Notes a Result on behalf of an employee (a shared row's problem becomes theirs); true when usable. */
function take<T>(r: Result<T>, employeeId: string, issues: Issue[]): r is Extract<Result<T>, { ok: true }> {
  if (!r.ok) {
    issues.push(concerning(r.issue, employeeId));
    return false;
  }
  if (r.warning) issues.push(concerning(r.warning, employeeId));
  return true;
}

/** A rule's KpiError (inputs the readers could not rule out) as an Error at a cell; anything else is rethrown. */
function ruleError(err: unknown, t: TableView, row: number, key: string, employeeId: string): Issue {
  if (!(err instanceof KpiError)) throw err;
  return t.error(row, key, employeeId, err.text.en, err.text.zh);
}

/** The Employees table: always read before any employee is computed (a workbook without it is unusable). */
export function employeesTable(wb: Workbook): TableView {
  const t = wb.views.get("Employees");
  if (!t) throw new Error("Employees is read before anything is computed");
  return t;
}

/** Completions computed, by Targets row and task base; the rows belong to one reading of a workbook. */
const completions = new WeakMap<TargetRow, Map<D, Completion>>();

/** A completion as Results shows it, and as the quarterly bonus takes it: a fraction, divided once there. */
export interface Completion {
  value: D;
  fraction: rules.Fraction;
}

/** Completion (KPI.COMPLETION) from the quarter's Targets row of the employee's department, or of the employee. */
export function completionOf(wb: Workbook, e: Employee, plan: Plan, q: Quarter): Outcome<Completion> {
  const issues: Issue[] = [];
  const emp = employeesTable(wb);
  const byDepartment = plan.basis === "Department";
  const key = byDepartment ? e.department : e.id;
  const column = byDepartment ? "Department" : "EmployeeId";
  if (!key) {
    const at = emp.address(e.row, "Department");
    // A Department cell that cannot be read is already the employee's Error.
    if (e.issues.some((i) => i.cell === at && i.severity === "Error")) return { value: null, issues };
    issues.push(
      issue("Error", emp.name, at, e.id, {
        en: `Employees ${at}: Department is empty, and plan "${plan.name}" takes completion from the department's target: fill it in`,
        zh: `员工表 ${at}：部门为空，而方案 "${plan.name}" 按部门目标计算完成率：请填写`,
      }),
    );
    return { value: null, issues };
  }
  const rows = wb.targets.get(keyOf(key))?.get(q.index) ?? [];
  const t = wb.views.get("Targets");
  if (!t || rows.length === 0) {
    // The missing row has no cell: point at the employee's cell that names what it is missing for.
    const what = byDepartment ? { en: `department "${key}"`, zh: `部门 "${key}"` } : { en: `employee ${key}`, zh: `员工 ${key}` };
    const broken = wb.broken.get("Targets");
    const text = broken
      ? becauseOf(broken, e, "Targets")
      : {
          en: `Targets has no row for ${what.en} in ${q.text}: add a Targets row for ${what.en} in ${q.text} with its Target and Actual`,
          zh: `目标表中没有 ${what.zh} 在 ${q.text} 的数据：请在目标表添加一行（对象：${key}，考核周期：${q.text}），填写目标和实际`,
        };
    issues.push(emp.error(e.row, column, e.id, text.en, text.zh));
    return { value: null, issues };
  }
  if (rows.length > 1) {
    const range = t.repeatAt(
      "Key",
      rows.map((r) => r.row),
    );
    const what = byDepartment ? { en: `department "${key}"`, zh: `部门 "${key}"` } : { en: `employee ${key}`, zh: `员工 ${key}` };
    const cells = t.columnCells(
      "Key",
      rows.map((r) => r.row),
    );
    issues.push(
      issue("Error", t.name, range, e.id, {
        en: `Targets ${range}: ${rows.length} rows for ${what.en} in ${q.text} (${cells}): keep one`,
        zh: `目标表 ${range}：${what.zh} 在 ${q.text} 有 ${rows.length} 行（${zhList(cells)}）：请只保留一行`,
      }),
    );
    return { value: null, issues };
  }
  const row = rows[0];
  const target = row.target;
  const actual = row.actual;
  if (row.keyWarning) issues.push(concerning(row.keyWarning, e.id));
  const targetUsable = take(target, e.id, issues);
  const actualUsable = take(actual, e.id, issues);
  if (!targetUsable || !actualUsable || !target.ok || !actual.ok) return { value: null, issues };
  // Completion is the department's (or the employee's): the same Targets row and task base give the same value.
  let byBase = completions.get(row);
  if (!byBase) completions.set(row, (byBase = new Map()));
  const known = byBase.get(plan.taskBase);
  if (known) return { value: known, issues };
  try {
    const fraction = rules.completionFraction(actual.value, target.value, plan.taskBase);
    const value = { value: fraction.over.dividedBy(fraction.under), fraction };
    byBase.set(plan.taskBase, value);
    return { value, issues };
  } catch (err) {
    issues.push(ruleError(err, t, row.row, "Target", e.id));
    return { value: null, issues };
  }
}

/** DealBonus: each deal of the quarter by the plan's DealBonus (KPI.BIGDEAL or KPI.PROJECT), rounded, summed. */
export function dealBonusOf(wb: Workbook, e: Employee, plan: Plan, q: Quarter): Outcome<D> {
  const t = wb.views.get("Deals");
  if (!t) return { value: ZERO, issues: [] };
  const deals = quarterRows(e, q.index).deals;
  if (plan.dealBonus === "None") {
    // Not paid (DealBonus None), but said: HR entered them for someone, perhaps on the wrong plan.
    if (deals.length === 0) return { value: ZERO, issues: [] };
    const n = deals.length;
    const warning = t.warn(
      deals[0].row,
      "DealId",
      e.id,
      `plan "${plan.name}" pays no deal bonus (DealBonus None): ${e.id}'s ${n} Deals row${n === 1 ? "" : "s"} of ${q.text} ${n === 1 ? "is" : "are"} not paid; set the plan's DealBonus to BigDeal or Project to pay them, or delete the rows`,
      `方案 "${plan.name}" 不发项目奖（项目奖为“无”）：${e.id} 在 ${q.text} 的 ${n} 行项目不计奖金；如需计算，请把方案的项目奖设为大项目奖金或项目奖，否则删除这些行`,
    );
    return { value: ZERO, issues: [warning] };
  }
  const issues: Issue[] = [];
  let total: D | null = ZERO;
  for (const d of deals) if (!take(d.dealId, e.id, issues)) total = null;
  if (repeated(t, "DealId", deals, (d) => d.dealId, { en: "deal", zh: "项目" }, e.id, issues)) total = null;
  for (const d of deals) {
    for (const n of d.notes) issues.push(n);
    const amount = d.amount;
    let pay: D | null = null;
    try {
      if (plan.dealBonus === "BigDeal") {
        const receipts = d.receipts;
        if ([take(amount, e.id, issues), take(receipts, e.id, issues)].every(Boolean) && amount.ok && receipts.ok)
          pay = rules.bigDeal(amount.value, receipts.value, plan.bigDealThreshold, plan.bigDealRate);
      } else pay = projectBonus(t, d, e, plan, issues);
    } catch (err) {
      issues.push(ruleError(err, t, d.row, "DealAmount", e.id));
    }
    total = pay === null || total === null ? null : total.plus(pay);
  }
  return { value: total, issues };
}

/**
 * Rows of one key (a deal, an incentive item) in one period, which SPEC §3 gives one row each (a row of the
 * quarter and one of a month in it overlap too): which one is right cannot be known, so each such group is
 * an Error at the repeated row's cell, naming every row.
 * Whether any group was found.
 */
function repeated<R extends { row: number; period: Period }>(
  t: TableView,
  column: string,
  rows: readonly R[],
  cellOf: (r: R) => Result<string>,
  what: { en: string; zh: string },
  employeeId: string,
  issues: Issue[],
): boolean {
  if (rows.length < 2) return false;
  const byKey = new Map<string, R[]>();
  for (const r of rows) {
    const cell = cellOf(r);
    if (!cell.ok) continue;
    const k = keyOf(cell.value);
    const g = byKey.get(k);
    if (g) g.push(r);
    else byKey.set(k, [r]);
  }
  // Rows of one key repeat one another when their periods overlap: the same period, or the quarter and a
  // month inside it (the rows given are all of one quarter). Two different months are two months' worth.
  const groups: R[][] = [];
  for (const g of byKey.values()) {
    if (g.length < 2) continue;
    if (g.some((r) => r.period.kind === "quarter")) groups.push(g);
    else {
      const byMonth = new Map<string, R[]>();
      for (const r of g) {
        const k = periodText(r.period);
        const m = byMonth.get(k);
        if (m) m.push(r);
        else byMonth.set(k, [r]);
      }
      for (const m of byMonth.values()) if (m.length > 1) groups.push(m);
    }
  }
  let found = false;
  for (const g of groups) {
    found = true;
    const at = t.address(g[1].row, column);
    const cells = t.columnCells(
      column,
      g.map((r) => r.row),
    );
    const written = (cellOf(g[0]) as Extract<Result<string>, { ok: true }>).value;
    const period = periodText((g.find((r) => r.period.kind === "quarter") ?? g[0]).period);
    issues.push(
      issue("Error", t.name, at, employeeId, {
        en: `${t.name} ${at}: ${g.length} rows for ${employeeId}'s ${what.en} "${written}" in ${period} (${cells}): keep one, or add them up in one row`,
        zh: `${INPUT_TABLES.find((x) => x.name === t.name)?.zh ?? t.name}表 ${at}：${employeeId} 的${what.zh} "${written}" 在 ${period} 有 ${g.length} 行（${zhList(cells)}）：请只保留一行，或合并为一行`,
      }),
    );
  }
  return found;
}

/** KPI.PROJECT of a deal: its Type and Quality must be given. */
function projectBonus(t: TableView, d: DealRow, e: Employee, plan: Plan, issues: Issue[]): D | null {
  const { amount, type, quality, difficulty } = d;
  const fine = [take(amount, e.id, issues), take(type, e.id, issues), take(quality, e.id, issues), take(difficulty, e.id, issues)].every(Boolean);
  if (type.ok && type.value === null)
    issues.push(
      t.error(
        d.row,
        "Type",
        e.id,
        `${t.header("Type")} is empty: a Project deal needs its type: enter 开拓型/pioneer, 稳定型/standard, 复制型/replica or a coefficient`,
        `${zhLabel(t.header("Type"))}为空：项目奖需要项目类型：请输入 开拓型、稳定型、复制型 或系数`,
      ),
    );
  if (quality.ok && quality.value === null)
    issues.push(
      t.error(
        d.row,
        "Quality",
        e.id,
        `${t.header("Quality")} is empty: a Project deal needs its quality score (0–100)`,
        `${zhLabel(t.header("Quality"))}为空：项目奖需要质量评分（0–100）`,
      ),
    );
  if (!fine || !amount.ok || !type.ok || !quality.ok || !difficulty.ok || type.value === null || quality.value === null) return null;
  return rules.project(amount.value, type.value, quality.value, difficulty.value, plan.poolRate);
}

/** Incentives: each item of the quarter as KPI.UNITS with the plan's rule for it, rounded, summed. */
export function incentivesOf(wb: Workbook, e: Employee, plan: Plan, q: Quarter): Outcome<D> {
  const t = wb.views.get("Incentives");
  const rows = quarterRows(e, q.index).incentives;
  if (!t || rows.length === 0) return { value: ZERO, issues: [] };
  const issues: Issue[] = [];
  let total: D | null = ZERO;
  if (repeated(t, "Item", rows, (r) => r.item, { en: "item", zh: "项目" }, e.id, issues)) total = null;
  for (const row of rows) {
    for (const n of row.notes) issues.push(n);
    const { item, done, target, rule: itemRule } = row;
    const fine = [take(item, e.id, issues), take(done, e.id, issues), take(target, e.id, issues)].every(Boolean);
    let pay: D | null = null;
    if (item.ok && !itemRule) {
      const at = t.address(row.row, "Item");
      issues.push(
        issue("Error", t.name, at, e.id, {
          en: `Incentives ${at}: item "${item.value}" has no rule for plan "${plan.name}" in IncentiveRules: add one or correct the item`,
          zh: `过程激励表 ${at}：项目 "${item.value}" 在激励规则表中没有方案 "${plan.name}" 的规则：请添加或更正项目名称`,
        }),
      );
    } else if (itemRule && "bad" in itemRule) {
      const rt = wb.views.get("IncentiveRules");
      issues.push(issue("Error", "IncentiveRules", rt ? rt.address(itemRule.row, "Item") : "", e.id, itemRule.bad));
    } else if (fine && itemRule && done.ok && target.ok) {
      try {
        pay = rules.units({
          done: done.value,
          target: target.value,
          perUnit: itemRule.perUnit,
          perShort: itemRule.perShort,
          perOver: itemRule.perOver,
          onComplete: itemRule.onComplete,
        });
      } catch (err) {
        issues.push(ruleError(err, t, row.row, "Done", e.id));
      }
    }
    total = pay === null || total === null ? null : total.plus(pay);
  }
  return { value: total, issues };
}

/** Adjustments: the quarter's rows, each rounded to the cent, summed; a blank Reason is a Warning. */
export function adjustmentsOf(wb: Workbook, e: Employee, q: Quarter): Outcome<D> {
  const t = wb.views.get("Adjustments");
  const rows = quarterRows(e, q.index).adjustments;
  if (!t || rows.length === 0) return { value: ZERO, issues: [] };
  const issues: Issue[] = [];
  let total: D | null = ZERO;
  for (const row of rows) {
    for (const n of row.notes) issues.push(n);
    const amount = row.amount;
    total = take(amount, e.id, issues) && amount.ok && total !== null ? total.plus(roundMoney(amount.value)) : null;
    if (take(row.reason, e.id, issues) && row.reason.ok && row.reason.value === "")
      issues.push(t.warn(row.row, "Reason", e.id, "Reason is empty: say why the amount was adjusted", "原因为空：请说明调整原因"));
  }
  return { value: total, issues };
}

/** QuarterlyBonus (SPEC §4.3): MonthlyBase × 3 × BonusRate × Completion × Score/FullScore × Coefficient, prorated by days employed. */
export function quarterlyBonusOf(
  wb: Workbook,
  e: Employee,
  plan: Plan,
  inputs: { score: D; completion: rules.Fraction; coefficient: D; days: number; quarterDays: number; monthlyBase: D },
): Outcome<D> {
  const issues: Issue[] = [];
  const quarterly = inputs.monthlyBase.times(3);
  // Prorated by days employed / days in the quarter, kept as a fraction: divided once, with the completion's.
  const base = inputs.days === inputs.quarterDays ? rules.whole(quarterly) : { over: quarterly.times(inputs.days), under: new D(inputs.quarterDays) };
  try {
    return { value: rules.bonusOfFractions(base, inputs.completion, inputs.score, plan.bonusRate, plan.fullScore, inputs.coefficient), issues };
  } catch (err) {
    issues.push(ruleError(err, employeesTable(wb), e.row, "EmployeeId", e.id));
    return { value: null, issues };
  }
}
