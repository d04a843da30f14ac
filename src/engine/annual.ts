/**
 * The annual view (SPEC §4, Annual): the quarters of the year the workbook has assessed, computed for
 * each employee employed in them as quarters are; Score their mean (rounded once), Grade from it, money the sums. Fewer than four
 * quarters is a Warning; a quarter in Error makes the year Error.
 */
import { D, roundScore, show, sumKnown } from "./decimal";
import { Issue } from "./issues";
import { Employee, Workbook } from "./model";
import { OutputRow } from "./output";
import { employeesTable } from "./pay";
import { Quarter } from "./periods";
import { EmployeeRun, QuarterOutcome, computeQuarter, employedDays, unassessedRowsWarning, unusedRowsWarning } from "./quarter";
import { EmployeeResult, emptyResult } from "./result";
import { gradeQuarter } from "./score";

/**
 * The employee's year (its four quarters given): each quarter the workbook has assessed (`assessed`, by
 * index) in which they were employed, then the year from them.
 */
export function computeYear(
  wb: Workbook,
  e: Employee,
  year: readonly Quarter[],
  run: EmployeeRun,
  assessed: ReadonlySet<number>,
): { result: EmployeeResult | null; issues: Issue[] } {
  const quarters: QuarterOutcome[] = [];
  const unused: Issue[] = [];
  const unassessed: Issue[] = [];
  for (const q of year) {
    const days = employedDays(e, q);
    if (days !== null && assessed.has(q.index)) quarters.push(computeQuarter(wb, e, q, days, run));
    else if (days === null) unused.push(...unusedRowsWarning(wb, e, q));
    else unassessed.push(...unassessedRowsWarning(wb, e, q, year[0].year));
  }
  if (quarters.length === 0) {
    const none = yearWithoutQuarters(wb, e, year, assessed, unassessed);
    return { result: none?.result ?? null, issues: [...(none?.issues ?? []), ...unassessed, ...unused] };
  }
  // Rows of a quarter left out of the year are said on the year's row too: it is the year's pay they are missing from.
  const out = yearFrom(wb, e, year[0].year, quarters, unassessed);
  return unused.length + unassessed.length > 0 ? { result: out.result, issues: [...out.issues, ...unassessed, ...unused] } : out;
}

/**
 * The year of someone employed in it none of whose quarters of employment is assessed: a row without
 * figures, never left out without a word. When no quarter of the year is assessed at all (2025 typed for
 * 2026, most likely) it is an Error, as a quarter no one has rows of is; when others' quarters are (someone
 * who joined after them), a Warning. `notes`: flags of the year itself. Null for someone not employed in the year.
 */
function yearWithoutQuarters(
  wb: Workbook,
  e: Employee,
  year: readonly Quarter[],
  assessed: ReadonlySet<number>,
  notes: readonly Issue[],
): { result: EmployeeResult; issues: Issue[] } | null {
  const employed = year.filter((q) => employedDays(e, q) !== null);
  if (employed.length === 0) return null;
  const y = year[0].year;
  const r = emptyResult(e, String(y), []);
  const emp = employeesTable(wb);
  let found: Issue;
  if (year.every((q) => !assessed.has(q.index))) {
    found = emp.error(
      e.row,
      "EmployeeId",
      e.id,
      `${y} has no assessed quarter: no one has Actuals, Ratings or Tasks rows of any quarter of ${y}, so ${e.id}'s year cannot be computed: check the period, or enter the quarters' Actuals`,
      `${y} 年没有已考核的季度：没有人有 ${y} 年任何季度的实际值、评分或任务清单，无法计算 ${e.id} 的年度结果：请检查考核周期，或录入各季度的实际值`,
    );
  } else {
    const which = employed.map((q) => q.text);
    found = emp.warn(
      e.row,
      "EmployeeId",
      e.id,
      `${e.id} was employed in ${y} only in quarters not assessed yet (${which.join(", ")}): no annual score or pay until one of them is`,
      `${e.id} 在 ${y} 年任职的季度（${which.join("、")}）尚未考核：在其中一个季度考核前，没有年度得分和金额`,
    );
  }
  r.flags = [found, ...notes].map((i) => i.text[wb.lang]);
  r.status = found.severity === "Error" ? "Error" : "Warning";
  return { result: r, issues: e.firstOfId ? [found] : [] };
}

/** The year from its quarters' outcomes (none: the employee has no year); `notes` are flags of the year itself. */
export function yearFrom(
  wb: Workbook,
  e: Employee,
  year: number,
  quarters: readonly QuarterOutcome[],
  notes: readonly Issue[],
): { result: EmployeeResult | null; issues: Issue[] } {
  const issues = quarters.flatMap((q) => q.issues);
  if (quarters.length === 0) return { result: null, issues };
  const zh = wb.lang === "zh";
  const mine = quarters.map((q) => q.result);
  // Rows sharing an id show no lines (see computeQuarter): they could be either row's.
  const breakdown: OutputRow[] = (e.duplicate ? [] : mine).map((r) => {
    const score = r.score?.toNumber() ?? null;
    const why =
      r.score === null
        ? zh
          ? `${r.period} 得分无法计算`
          : `${r.period} score could not be computed`
        : zh
          ? `${r.period} 得分 ${show(r.score)}，等级 ${r.grade ?? ""}`
          : `${r.period} score ${show(r.score)}, grade ${r.grade ?? ""}`;
    return [e.id, String(year), r.period, null, score, zh ? "季度得分" : "Quarter score", score, why];
  });
  // Each hit-streak reward of the year again, under the year: which months earned what is part of the year's pay.
  for (const x of mine) for (const line of x.rewardLines) breakdown.push([line[0], String(year), ...line.slice(2)]);
  const r = emptyResult(e, String(year), breakdown);
  r.flags = [...new Set([...mine.flatMap((x) => x.flags.map((f) => `${x.period}: ${f}`)), ...notes.map((i) => i.text[wb.lang])])];
  const scores = mine.map((x) => x.score);
  const known = sumKnown(scores);
  r.score = known === null ? null : roundScore(known.dividedBy(scores.length));
  const yearIssues: Issue[] = [];
  if (mine.length < 4) {
    const n = mine.length;
    const which = mine.map((x) => x.period).join(", ");
    // Which quarters, and that their money is all the year's money here: a quarter with no Actuals, Ratings
    // or Tasks rows (not yet assessed) is left out whole, its commission and adjustments too.
    const textEn = `${year} has ${n} assessed quarter${n === 1 ? "" : "s"} for ${e.id} (${which}): the annual score is the mean of those and the money their sum; a quarter no one has Actuals, Ratings or Tasks rows of yet is not counted`;
    const textZh = `${e.id} 在 ${year} 年只有 ${n} 个已考核季度（${which}）：年度得分为其平均分，金额为其合计；尚未考核（没有任何实际值、评分或任务清单）的季度不计入`;
    yearIssues.push(employeesTable(wb).warn(e.row, "EmployeeId", e.id, textEn, textZh));
    r.flags.push(zh ? `${year} 年只有 ${n} 个季度：年度得分为其平均分` : `only ${n} quarter${n === 1 ? "" : "s"} in ${year}: the annual score is their mean`);
  }
  const error = mine.some((x) => x.status === "Error");
  r.status = error ? "Error" : r.flags.length > 0 ? "Warning" : "OK";
  // A plan whose scale is bad grades no one (its problem is each quarter's flag already).
  if (r.score !== null && e.plan && e.plan.gradeProblems.length === 0) {
    const band = gradeQuarter(wb, e, e.plan, r.score);
    r.grade = band.value?.label ?? null;
    r.coefficient = band.value?.coefficient ?? null;
    for (const i of band.issues) {
      yearIssues.push(i);
      r.flags.push(i.text[wb.lang]);
      r.status = "Error";
    }
  }
  if (r.status !== "Error") {
    const add = (pick: (x: EmployeeResult) => D | null): D | null => sumKnown(mine.map(pick));
    r.quarterlyBonus = add((x) => x.quarterlyBonus);
    r.dealBonus = add((x) => x.dealBonus);
    r.commission = add((x) => x.commission);
    r.incentives = add((x) => x.incentives);
    r.penalties = add((x) => x.penalties);
    r.adjustments = add((x) => x.adjustments);
    r.totalPay = add((x) => x.totalPay);
  }
  return { result: r, issues: e.firstOfId ? [...issues, ...yearIssues] : issues };
}
