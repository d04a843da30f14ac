/**
 * One employee's quarter (SPEC §4): score, grade, completion, quarterly bonus, deal bonus, commission
 * and penalties, incentives, adjustments, TotalPay — each step's issues gathered in order, the
 * employee's Status and Flags from them, and money blank when anything is in Error.
 */
import { D, show, sumKnown } from "./decimal";
import { INPUT_TABLES } from "./contract";
import { explainHit } from "./explain";
import { Issue, hasError } from "./issues";
import { Employee, Plan, Workbook, quarterRows } from "./model";
import { adjustmentsOf, completionOf, dealBonusOf, employeesTable, incentivesOf, quarterlyBonusOf } from "./pay";
import { Quarter, dateText, daysInclusive, monthText } from "./periods";
import { quarterOf } from "./read/periodRows";
import { EmployeeResult, Status, emptyResult } from "./result";
import { NO_SALES, SalesLedger, salesLedger } from "./sales";
import { gradeQuarter, scoreQuarter } from "./score";

/** What one employee's run keeps between its quarters: the Sales ledger, scanned once. */
export interface EmployeeRun {
  sales?: SalesLedger | null;
}

export interface QuarterOutcome {
  result: EmployeeResult;
  /** Issues that arose computing this quarter, to list once (empty for a second row of a duplicated id). */
  issues: Issue[];
}

/**
 * Days employed in the quarter, or null when not employed in it at all. JoinDate and LeaveDate are days
 * worked. A LeaveDate before the JoinDate is an Error of the employee's row: they are listed with it
 * (Status Error, SPEC §4), never left out as if they had not been employed.
 */
export function employedDays(e: Employee, q: Quarter): number | null {
  if (e.joinDate && e.leaveDate && e.leaveDate < e.joinDate) return q.days;
  const from = e.joinDate && e.joinDate > q.start ? e.joinDate : q.start;
  const to = e.leaveDate && e.leaveDate < q.end ? e.leaveDate : q.end;
  return to < from ? null : daysInclusive(from, to);
}

/**
 * Someone not employed in the quarter is not listed, but rows of theirs for it are not dropped unseen:
 * one Warning, at the JoinDate or LeaveDate that leaves them out, counts the rows not used by table.
 * None when they have none (or for a second row of a duplicated id, whose rows are the first's).
 */
export function unusedRowsWarning(wb: Workbook, e: Employee, q: Quarter): Issue[] {
  if (!e.firstOfId) return [];
  const counted = rowsOfQuarter(e, q);
  if (counted === null) return [];
  const { total, tables, tablesZh } = counted;
  const joinsAfter = e.joinDate !== null && e.joinDate > q.end;
  const date = dateText((joinsAfter ? e.joinDate : e.leaveDate) as Date);
  const en = `${e.id} ${joinsAfter ? `joins on ${date}, after` : `left on ${date}, before`} ${q.text}, so is not in its Results; ${total} row${total === 1 ? "" : "s"} of ${q.text} ${total === 1 ? "is" : "are"} not used (${tables}): correct the ${joinsAfter ? "JoinDate" : "LeaveDate"} if they are to be paid, or delete the rows`;
  const zh = `${e.id} ${joinsAfter ? `于 ${date} 入职，晚于` : `于 ${date} 离职，早于`} ${q.text}，不列入该期结果；该期的 ${total} 行未使用（${tablesZh}）：如应计算，请更正${joinsAfter ? "入职日期" : "离职日期"}，否则删除这些行`;
  return [employeesTable(wb).warn(e.row, joinsAfter ? "JoinDate" : "LeaveDate", e.id, en, zh)];
}

/**
 * The annual view leaves out a quarter not yet assessed (no one has Actuals, Ratings or Tasks rows of it),
 * its money too: when the employee has rows of it (Sales months, an adjustment), a Warning counts them by table, so
 * no pay drops out of the year unsaid.
 */
export function unassessedRowsWarning(wb: Workbook, e: Employee, q: Quarter, year: number): Issue[] {
  if (!e.firstOfId) return [];
  const counted = rowsOfQuarter(e, q);
  if (counted === null) return [];
  const { total, tables, tablesZh } = counted;
  const en = `${q.text} is not assessed yet (no one has Actuals, Ratings or Tasks rows of it), so it is not counted in ${year}: the pay of ${e.id}'s ${total} row${total === 1 ? "" : "s"} of it (${tables}) is left out; enter the quarter's Actuals to count it`;
  const zh = `${q.text} 尚未考核（没有任何人的实际值、评分或任务清单），该季度不计入 ${year} 年：${e.id} 在该季度的 ${total} 行（${tablesZh}）的金额不计入；录入该季度的实际值后即计入`;
  return [employeesTable(wb).warn(e.row, "EmployeeId", e.id, en, zh)];
}

/** The employee's rows of a quarter, counted by table (null when there are none). */
function rowsOfQuarter(e: Employee, q: Quarter): { total: number; tables: string; tablesZh: string } | null {
  const rows = quarterRows(e, q.index);
  let sales = 0;
  for (const s of e.rows.sales) if (quarterOf(s.period) === q.index) sales++;
  const actuals = rows.actuals.length + rows.monthActuals.length;
  const tasks = rows.tasks.length + rows.monthTasks.length;
  const total = actuals + rows.ratings.length + tasks + rows.deals.length + sales + rows.incentives.length + rows.adjustments.length;
  // Most employees have no rows of a quarter left out (the annual view asks of every one): nothing is built then.
  if (total === 0) return null;
  const counts: Array<[string, number]> = [
    ["Actuals", actuals],
    ["Ratings", rows.ratings.length],
    ["Tasks", tasks],
    ["Deals", rows.deals.length],
    ["Sales", sales],
    ["Incentives", rows.incentives.length],
    ["Adjustments", rows.adjustments.length],
  ];
  const used = counts.filter(([, n]) => n > 0);
  return {
    total,
    tables: used.map(([t, n]) => `${t} ${n}`).join(", "),
    tablesZh: used.map(([t, n]) => `${INPUT_TABLES.find((x) => x.name === t)?.zh ?? t}表 ${n} 行`).join("，"),
  };
}

/** A quarter counts for an employee in the annual view and in checks when it was assessed: it has Actuals, Ratings or Tasks rows. */
export function assessedIn(e: Employee, q: Quarter): boolean {
  return scoredFrom(quarterRows(e, q.index));
}

/** A quarter's rows that score someone: Actuals, Ratings or Tasks (what makes a quarter assessed). */
function scoredFrom(rows: ReturnType<typeof quarterRows>): boolean {
  return rows.actuals.length > 0 || rows.ratings.length > 0 || rows.tasks.length > 0;
}

/**
 * The quarters the workbook has assessed: those someone has Actuals, Ratings or Tasks rows of (by index).
 * Such a quarter counts for everyone employed in it, as its own recalculation would: someone without rows
 * of it is missing inputs, not left out.
 */
export function assessedQuarterIndexes(wb: Workbook): Set<number> {
  const out = new Set<number>();
  for (const e of wb.employees) for (const [q, rows] of e.rows.quarters) if (scoredFrom(rows)) out.add(q);
  return out;
}

/** Status from the issues bearing on a result: Error, else Warning, else OK. */
export function statusOf(lists: ReadonlyArray<readonly Issue[]>, forcedError: boolean): Status {
  if (forcedError || lists.some(hasError)) return "Error";
  return lists.some((l) => l.length > 0) ? "Warning" : "OK";
}

/** Flags: each distinct message of the issues, in the workbook's language, in order. */
export function flagsOf(lists: ReadonlyArray<readonly Issue[]>, wb: Workbook, first: string[] = []): string[] {
  const flags = new Set(first);
  for (const list of lists) for (const i of list) flags.add(i.text[wb.lang]);
  return [...flags];
}

/** Issues of earlier Sales months: `carried` bear on this quarter (its status and flags), `listed` only go to Issues. */
interface FromEarlier {
  carried: Issue[];
  listed: Issue[];
}

const NOTHING_EARLIER: FromEarlier = { carried: [], listed: [] };

/**
 * The steps of SPEC §4 for one employee, filling `r` and `issues`; returns the issues of earlier Sales
 * months. Grade and quarterly bonus only for a sound plan (its bands and rates are then known).
 */
function computeSteps(wb: Workbook, e: Employee, plan: Plan, q: Quarter, days: number, run: EmployeeRun, r: EmployeeResult, issues: Issue[]): FromEarlier {
  const sound = plan.problems.length === 0 && plan.gradeProblems.length === 0;
  const score = scoreQuarter(wb, e, plan, q);
  issues.push(...score.issues);
  r.breakdown = score.lines;
  r.score = score.value;
  if (sound && score.value !== null) {
    const band = gradeQuarter(wb, e, plan, score.value);
    issues.push(...band.issues);
    r.grade = band.value?.label ?? null;
    r.coefficient = band.value?.coefficient ?? null;
  }
  const completion = completionOf(wb, e, plan, q);
  issues.push(...completion.issues);
  r.completion = completion.value?.value ?? null;
  if (days < q.days) issues.push(prorationWarning(wb, e, q, days));
  if (sound && r.score !== null && r.coefficient !== null && completion.value !== null && e.monthlyBase !== null) {
    const bonus = quarterlyBonusOf(wb, e, plan, {
      score: r.score,
      completion: completion.value.fraction,
      coefficient: r.coefficient,
      days,
      quarterDays: q.days,
      monthlyBase: e.monthlyBase,
    });
    issues.push(...bonus.issues);
    r.quarterlyBonus = bonus.value;
    // Said where the money shows it: a score below 0 with a completion or coefficient of 0 pays 0, as usual.
    if (bonus.value !== null && bonus.value.isNegative() && !bonus.value.isZero()) issues.push(negativeScoreWarning(wb, e, q, r.score));
  }
  const deals = dealBonusOf(wb, e, plan, q);
  issues.push(...deals.issues);
  r.dealBonus = deals.value;
  if (run.sales === undefined) run.sales = salesLedger(wb, e, plan);
  const sales = run.sales ? run.sales.quarter(e, plan, q) : { value: NO_SALES, issues: [], carried: [], listed: [] };
  issues.push(...sales.issues);
  r.commission = sales.value?.commission ?? null;
  r.penalties = sales.value?.penalties ?? null;
  const incentives = incentivesOf(wb, e, plan, q);
  issues.push(...incentives.issues);
  // The hit-streak reward (SPEC §4.6) is part of Incentives, each on a Breakdown line of its own.
  r.incentives =
    incentives.value !== null && sales.value ? (sales.value.rewards.isZero() ? incentives.value : incentives.value.plus(sales.value.rewards)) : null;
  if (sales.value && sales.value.hits.length > 0) {
    const zh = wb.lang === "zh";
    r.rewardLines = sales.value.hits.map((hit) => [
      e.id,
      q.text,
      `${zh ? "连续达标奖" : "Hit streak"} ${monthText(hit.month)}`,
      null,
      hit.run,
      zh ? "连续达标奖" : "HitBonus",
      null,
      explainHit(hit.month, hit.run, plan.hitRun, hit.reward, wb.lang),
    ]);
    for (const line of r.rewardLines) r.breakdown.push(line);
  }
  const adjustments = adjustmentsOf(wb, e, q);
  issues.push(...adjustments.issues);
  r.adjustments = adjustments.value;
  return { carried: sales.carried, listed: sales.listed };
}

/** Computes one employee's quarter; the caller has checked they were employed in it (`days`). */
export function computeQuarter(wb: Workbook, e: Employee, q: Quarter, days: number, run: EmployeeRun): QuarterOutcome {
  let issues: Issue[] = [];
  let earlier = NOTHING_EARLIER;
  const plan = e.plan;
  const r = emptyResult(e, q.text, []);
  // Someone whose EmployeeId is blank or cannot be read can have no rows anywhere: that Error of theirs is
  // the one to name, not a missing row in every table.
  if (plan && e.id !== "") {
    if (plan.problems.length + plan.gradeProblems.length === 0) earlier = computeSteps(wb, e, plan, q, days, run, r, issues);
    else {
      // The plan's problems make its employees Error (below), but each one's own inputs are still checked, so
      // every problem is named in one run, not one layer per run (SPEC §4: a flag naming each problem). Should
      // a broken plan trip a step all the same, the plan's problems alone are named, as before: checking
      // someone's inputs must never stop the run.
      try {
        earlier = computeSteps(wb, e, plan, q, days, run, r, issues);
      } catch {
        issues = [];
        earlier = NOTHING_EARLIER;
      }
    }
  }
  // The plan's doubtful cells (its own rows' Warnings) bear on everyone on it, as their own issues do.
  const lists = [e.issues, issues, earlier.carried, plan?.doubts ?? []];
  const planProblems: string[] = [];
  if (plan) for (const p of [...plan.problems, ...plan.gradeProblems]) planProblems.push(p[wb.lang]);
  r.status = statusOf(lists, planProblems.length > 0 || !plan || e.duplicate);
  r.flags = flagsOf(lists, wb, planProblems);
  if (e.duplicate || (plan && plan.problems.length > 0)) {
    // Rows sharing an id share its inputs: a score would be the other row's as much as this one's (SPEC §4).
    // A plan with problems (weights that do not sum, a bad rate) gives no score anyone should read; a bad
    // grade scale leaves the score as computed (and no grade: computeSteps grades only a sound plan).
    r.score = r.grade = r.coefficient = r.completion = null;
    r.breakdown = [];
    r.rewardLines = [];
  }
  const total = r.status === "Error" ? null : sumKnown([r.quarterlyBonus, r.dealBonus, r.commission, r.incentives, r.penalties, r.adjustments]);
  if (total === null) {
    r.status = "Error";
    r.quarterlyBonus = r.dealBonus = r.commission = r.incentives = r.penalties = r.adjustments = null;
  } else r.totalPay = total;
  return { result: r, issues: e.firstOfId ? (earlier.listed.length > 0 ? [...earlier.listed, ...issues] : issues) : [] };
}

/**
 * A Floor below 0 lets deductions take a score below 0; SPEC §4.3's formula then gives a negative
 * quarterly bonus, which is paid as computed but said, as HR may not expect it.
 */
function negativeScoreWarning(wb: Workbook, e: Employee, q: Quarter, score: D): Issue {
  const en = `${e.id}'s score in ${q.text} is ${show(score)}, below 0 (an indicator's Floor is below 0): the quarterly bonus comes out negative; check the deductions`;
  const zh = `${e.id} 在 ${q.text} 的得分为 ${show(score)}，低于 0（有指标的下限低于 0）：季度奖金为负数；请核对扣分`;
  return employeesTable(wb).warn(e.row, "EmployeeId", e.id, en, zh);
}

function prorationWarning(wb: Workbook, e: Employee, q: Quarter, days: number): Issue {
  const join = e.joinDate && e.joinDate > q.start ? e.joinDate : null;
  const leave = e.leaveDate && e.leaveDate < q.end ? e.leaveDate : null;
  const when = [join ? `joined ${dateText(join)}` : "", leave ? `left ${dateText(leave)}` : ""].filter(Boolean).join(", ");
  const whenZh = [join ? `${dateText(join)} 入职` : "", leave ? `${dateText(leave)} 离职` : ""].filter(Boolean).join("，");
  const en = `${when}: quarterly base prorated ${days}/${q.days} days`;
  const zh = `${whenZh}：季度基数按 ${days}/${q.days} 天折算`;
  // Its table and cell first, as every other message.
  return employeesTable(wb).warn(e.row, join ? "JoinDate" : "LeaveDate", e.id, en, zh);
}
