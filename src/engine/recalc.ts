/**
 * The engine's entry points for hosts: recalculate a period (a quarter or a year) over a workbook's
 * input tables, in one call or in chunks of employees so a host can yield between them, and check a
 * workbook with the same rules. Pure: tables in, results and issues out.
 *
 * The tables are read once into typed records (read/workbook.ts); each employee is then computed
 * (quarter.ts, annual.ts) and ranked within their plan once all are done.
 */
import { Lang, UnusableWorkbook } from "./errors";
import { Issue, distinct, msg } from "./issues";
import { pushTo } from "./maps";
import { Employee, Workbook } from "./model";
import { Period, Quarter, parsePeriod, periodText, quarterAt, quarterOf } from "./periods";
import { computeYear } from "./annual";
import { EmployeeRun, assessedIn, assessedQuarterIndexes, computeQuarter, employedDays, unusedRowsWarning } from "./quarter";
import { EmployeeResult, RecalcResult } from "./result";
import { distinctSorted } from "./rules";
import { TableData } from "./table";
import { hashingTables } from "./hash";
import { assessedQuarters } from "./read/assessed";
import { FoundTables, findWorkbookTables, readWorkbook, readingWorkbook } from "./read/workbook";

export { UnusableWorkbook } from "./errors";
export type { EmployeeResult, RecalcResult, Status } from "./result";
export type { OutputRow, OutputValue } from "./output";
export { issueRow, outputRows, resultRow } from "./output";

type RunPeriod = Extract<Period, { kind: "quarter" | "year" }>;

function parseRunPeriod(periodInput: string): RunPeriod {
  const p = parsePeriod(periodInput);
  if (!p || p.kind === "month") {
    throw new UnusableWorkbook(
      msg(
        `"${periodInput}" is not a quarter or a year: give a period such as 2026-Q2 or 2026`,
        `"${periodInput}" 不是季度或年份：请给出考核周期，如 2026-Q2 或 2026`,
      ),
    );
  }
  return p;
}

/** How far a chunked recalculation has got, in employees (the non-blank rows of Employees). */
export interface Progress {
  done: number;
  total: number;
  finished: boolean;
}

/**
 * A recalculation that a host advances a chunk at a time (the add-in yields to Excel between chunks).
 * Each next(maxEmployees) does about that many employees' worth of work: reading the tables and
 * fingerprinting them come first (done stays 0 meanwhile), then the employees themselves.
 */
export interface Recalculation {
  readonly period: string;
  readonly lang: Lang;
  progress(): Progress;
  /** Does up to about `maxEmployees` employees' worth of work. */
  next(maxEmployees: number): Progress;
  /** The result; does whatever is left first. */
  result(): RecalcResult;
}

/** Reading rows that cost about as much as computing one employee (a quarter of 10,000 employees reads some 150,000). */
const ROWS_PER_EMPLOYEE = 24;

class Run implements Recalculation {
  readonly period: string;
  readonly lang: Lang;
  private readonly total: number;
  private reading: Generator<number, Workbook> | null;
  private hashing: Generator<number, string> | null;
  private wb: Workbook | null = null;
  private inputHash = "";
  private readonly results: EmployeeResult[] = [];
  private readonly issues: Issue[] = [];
  private done = 0;
  private finalResult: RecalcResult | null = null;
  private readonly quarter: Quarter | null;
  /** The quarters the workbook has assessed, for the annual view (found once the records are read). */
  private assessed: Set<number> | null = null;
  /** The year's quarters, for the annual view. */
  private readonly quarters: Quarter[];

  constructor(found: FoundTables, tables: ReadonlyMap<string, TableData>, p: RunPeriod) {
    this.period = periodText(p);
    this.lang = found.lang;
    let total = 0;
    for (let r = 0; r < found.employees.rowCount; r++) if (!found.employees.isBlankRow(r)) total++;
    this.total = total;
    this.quarter = p.kind === "quarter" ? quarterOf(p.year, p.quarter) : null;
    this.quarters = quartersOfYear(p.year);
    const scope = this.quarter ? { first: this.quarter.index, last: this.quarter.index } : { first: this.quarters[0].index, last: this.quarters[3].index };
    this.reading = readingWorkbook(found, scope);
    this.hashing = hashingTables(tables);
  }

  progress(): Progress {
    return { done: this.done, total: this.total, finished: this.done >= this.total && this.wb !== null && this.hashing === null };
  }

  next(maxEmployees: number): Progress {
    let budget = Math.max(1, maxEmployees) * ROWS_PER_EMPLOYEE;
    while (budget > 0 && this.reading) {
      const step = this.reading.next();
      if (step.done) {
        this.wb = step.value;
        for (const i of step.value.issues) this.issues.push(i);
        this.reading = null;
      } else budget -= step.value;
    }
    while (budget > 0 && this.hashing) {
      const step = this.hashing.next();
      if (step.done) {
        this.inputHash = step.value;
        this.hashing = null;
      } else budget -= step.value;
    }
    const wb = this.wb;
    if (wb && !this.hashing && budget > 0) {
      const end = Math.min(wb.employees.length, this.done + (((budget + ROWS_PER_EMPLOYEE - 1) / ROWS_PER_EMPLOYEE) | 0));
      for (let i = this.done; i < end; i++) this.one(wb, wb.employees[i]);
      this.done = end;
    }
    return this.progress();
  }

  /**
   * A period no employee has an Actuals, Ratings or Tasks row of, in a workbook that has such rows of
   * other quarters, was most likely typed wrong: every employee is Error (SPEC §4), and the host can say
   * which quarters there are. Null when someone has rows of it, or no one has rows of any quarter.
   */
  private periodsWithRows(wb: Workbook): string[] | null {
    const quarters = this.quarter ? [this.quarter] : this.quarters;
    if (wb.employees.some((e) => quarters.some((q) => assessedIn(e, q)))) return null;
    const found = assessedQuarters(wb.views).map((q) => quarterOf(q.year, q.quarter).text);
    return found.length > 0 ? found : null;
  }

  private one(wb: Workbook, e: Employee): void {
    const run: EmployeeRun = {};
    if (this.quarter) {
      const days = employedDays(e, this.quarter);
      if (days === null) {
        this.issues.push(...unusedRowsWarning(wb, e, this.quarter));
        return;
      }
      const out = computeQuarter(wb, e, this.quarter, days, run);
      this.results.push(out.result);
      for (const i of distinct(out.issues)) this.issues.push(i);
      return;
    }
    const out = computeYear(wb, e, this.quarters, run, (this.assessed ??= assessedQuarterIndexes(wb)));
    if (out.result) this.results.push(out.result);
    for (const i of distinct(out.issues)) this.issues.push(i);
  }

  result(): RecalcResult {
    if (!this.finalResult) {
      while (!this.progress().finished) this.next(this.total + 1);
      rankWithinPlans(this.results);
      const periodsWithRows = this.wb ? this.periodsWithRows(this.wb) : null;
      this.finalResult = { lang: this.lang, period: this.period, results: this.results, issues: this.issues, inputHash: this.inputHash, periodsWithRows };
    }
    return this.finalResult;
  }
}

/**
 * Starts recalculating a period; advance it with next(), or ask for result(). Throws UnusableWorkbook
 * at once when nothing can be computed (a bad period, no usable Employees, Plans or Indicators table).
 */
export function startRecalculation(tables: ReadonlyMap<string, TableData>, periodInput: string): Recalculation {
  const p = parseRunPeriod(periodInput);
  return new Run(findWorkbookTables(tables), tables, p);
}

/** Recalculates one period over the workbook's tables. Throws UnusableWorkbook when nothing can be computed. */
export function recalculate(tables: ReadonlyMap<string, TableData>, periodInput: string): RecalcResult {
  return startRecalculation(tables, periodInput).result();
}

/** Dense rank of Score within each plan: 1 = best, ties share a rank. */
function rankWithinPlans(results: EmployeeResult[]): void {
  const byPlan = new Map<object, EmployeeResult[]>();
  for (const r of results) if (r.score !== null && r.employee.plan) pushTo(byPlan, r.employee.plan, r);
  for (const group of byPlan.values()) {
    const scored = group.flatMap((r) => (r.score === null ? [] : [r.score]));
    const rankOf = new Map(distinctSorted(scored).map((v, i) => [v.toFixed(), i + 1]));
    for (const r of group) r.rank = r.score === null ? null : (rankOf.get(r.score.toFixed()) ?? null);
  }
}

/** A year's four quarters. */
const quartersOfYear = (year: number): Quarter[] => [1, 2, 3, 4].map((n) => quarterOf(year, n));

/**
 * Checks a workbook without writing, with the recalculation's own rules and messages: the tables, plans,
 * weights, grade bands, employees, and the quarters: with `period`, that period as its recalculation would
 * compute it (a quarter for everyone; a year as the annual view, its assessed quarters); without, every
 * quarter someone has Actuals, Ratings or Tasks rows of, for everyone employed in it. Each quarter of each
 * employee is computed once.
 */
export function checkTables(tables: ReadonlyMap<string, TableData>, periodInput?: string): { lang: Lang; issues: Issue[]; periods: string[] } {
  const p = periodInput === undefined ? null : parseRunPeriod(periodInput);
  const wb = readWorkbook(tables);
  const assessed = assessedQuarterIndexes(wb);
  const asked = p?.kind === "quarter" ? quarterOf(p.year, p.quarter) : null;
  // With a period, that period alone, as its recalculation would see it (a blank in last quarter's rows is
  // not this quarter's Error); without one, every quarter someone has rows of.
  const quarters = (asked ? [asked.index] : [...assessed].filter((q) => p?.kind !== "year" || quarterAt(q).year === p.year))
    .sort((a, b) => a - b)
    .map(quarterAt);
  const issues = [...wb.issues];
  const year = p?.kind === "year" ? quartersOfYear(p.year) : null;
  for (const e of wb.employees) {
    const run: EmployeeRun = {};
    // A year is checked as the annual view computes it, its quarters' issues and its own.
    if (year) {
      issues.push(...computeYear(wb, e, year, run, assessed).issues);
      continue;
    }
    for (const q of quarters) {
      const days = employedDays(e, q);
      if (days === null) issues.push(...unusedRowsWarning(wb, e, q));
      else issues.push(...computeQuarter(wb, e, q, days, run).issues);
    }
  }
  const periods = [...quarters.map((q) => q.text), ...(p?.kind === "year" ? [String(p.year)] : [])];
  return { lang: wb.lang, issues: distinct(issues), periods };
}
