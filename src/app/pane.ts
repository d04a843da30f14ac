/**
 * What the task pane asks of a workbook, written once against the port so that the pane's components
 * work the same inside Excel (the Office adapter) and in the preview (the in-memory workbook):
 * which input tables and periods the workbook has, its last run, a recalculation, a check, the
 * template of SPEC §3, and the Results/Breakdown/Issues rows an employee's statement is made of.
 * Selecting a cell is the one thing the port cannot do; each host brings its own.
 */
import { D as Decimal } from "../engine/decimal";
import { INPUT_TABLES } from "../engine/contract";
import { Lang } from "../engine/errors";
import { hashTables } from "../engine/hash";
import { TableData as EngineTable } from "../engine/table";
import { Issue } from "../engine/issues";
import { isDateFormat } from "../workbook/formats";
import { CellValue, ColumnKind, OutputTable, OutputValue, WorkbookPort, findByName } from "../workbook/port";
import { assessedPeriods } from "./periods";
import { INPUT_NAMES, Phase, RunSummary, aliasTable, checkWorkbook, readByAlias, readInputs, runRecalculation } from "./recalculate";
import { sampleTables } from "./sample";
import { StatementData, readStatementData, recordsOf } from "./statement";

export interface WorkbookState {
  /** The SPEC §3 input tables the workbook has, by their names. */
  inputTables: string[];
  /** Periods that can be recalculated: quarters with Actuals, Ratings or Tasks rows, latest first, then their years. */
  periods: string[];
}

/** The workbook's last RunLog row, and whether the Results it wrote are still current. */
export interface LastRun {
  runAt: string;
  period: string;
  employees: number | null;
  errors: number | null;
  warnings: number | null;
  /** Σ TotalPay of the period's Results rows (blank pay, as for an employee in Error, counts nothing). */
  totalPay: Decimal | null;
  /**
   * The inputs are those that run read (RunLog.InputHash matches them); null when the row has no hash, or
   * until `inputsCurrent` has read every input table to tell (the pane shows the card first).
   */
  current: boolean | null;
  /** RunLog.InputHash of the row, or null. */
  inputHash: string | null;
}

export interface RunControl {
  onProgress?: (phase: Phase, done: number, total: number) => void;
  /** Asked before writing: true makes the run throw `Cancelled` and write nothing. */
  cancelled?: () => boolean;
}

export interface CheckOutcome {
  lang: Lang;
  period: string | null;
  issues: Issue[];
}

/** Where a click on an issue landed: the sheet and address selected, or the table that is not in the workbook. */
export type Selection = { sheet: string; address: string } | { missing: string };

/** A template either created, or refused because tables of those names exist (nothing is then changed). */
export interface TemplateOutcome {
  created: string[];
  existing: string[];
}

/**
 * The workbook actions the pane's components receive as props: one implementation inside Excel,
 * one on the preview's in-memory workbook, and fakes in tests.
 */
export interface PaneActions {
  readWorkbook(): Promise<WorkbookState>;
  readLastRun(): Promise<LastRun | null>;
  /** Whether the inputs are still those fingerprinted by `hash` (reads every input table: asked after the card shows). */
  inputsCurrent(hash: string): Promise<boolean>;
  recalculate(period: string, control: RunControl): Promise<RunSummary>;
  check(period?: string): Promise<CheckOutcome>;
  selectCell(table: string, cell: string): Promise<Selection>;
  createTemplate(lang: Lang): Promise<TemplateOutcome>;
  readStatementData(): Promise<StatementData>;
  /**
   * Printable statements for every employee of a period: another issue's work. The pane shows its
   * "Statements" button only when an implementation is given here.
   */
  printStatements?: (period: string) => Promise<StatementsWritten>;
}

/** What the Statements button wrote: how many statements, on which sheet. */
export interface StatementsWritten {
  count: number;
  /** Statements, then Statements2 … beyond 1,000 employees. */
  sheets: string[];
  /** The inputs changed after the period's run: the statements show the pay Results held then. */
  inputsChanged?: boolean;
}

/** The input tables the workbook has, and the periods they can be recalculated for (reads Actuals, Ratings and Tasks only). */
export async function readWorkbookState(port: WorkbookPort): Promise<WorkbookState> {
  const listed = await port.listTables();
  // A table named by its Chinese alias counts: the run reads it (with a Warning to rename it).
  const inputTables = INPUT_NAMES.filter((n) => findByName(listed, n) ?? aliasTable(listed, n));
  const assessed = ["Actuals", "Ratings", "Tasks"];
  const periodTables = await port.readTables(assessed, new Map(INPUT_TABLES.filter((t) => assessed.includes(t.name)).map((t) => [t.name, [t.name, t.zh]])));
  await readByAlias(port, periodTables, assessed, listed);
  // A workbook whose tables were dropped by the tool that saved it is still readable from its sheets.
  for (const t of periodTables.values()) if (!inputTables.includes(t.name)) inputTables.push(t.name);
  return { inputTables, periods: assessedPeriods(periodTables) };
}

const count = (v: CellValue): number | null => (typeof v === "number" ? v : null);

/**
 * The last RunLog row (the latest run's row goes last) and the total pay of its period: two small tables.
 * Whether the inputs changed since is `inputsCurrent`, which reads them all.
 */
export async function readLastRun(port: WorkbookPort): Promise<LastRun | null> {
  const outputs = await port.readTables(["RunLog", "Results"]);
  const log = recordsOf(outputs.get("RunLog"), ["RunAt", "Period", "Employees", "Errors", "Warnings", "InputHash"]);
  const last = log[log.length - 1];
  if (!last) return null;
  const period = last.Period === null ? "" : String(last.Period);
  const pay = recordsOf(outputs.get("Results"), ["Period", "TotalPay"])
    .filter((r) => String(r.Period ?? "") === period && typeof r.TotalPay === "number")
    .map((r) => new Decimal(String(r.TotalPay)));
  const hash = typeof last.InputHash === "string" && last.InputHash !== "" ? last.InputHash : null;
  return {
    runAt: last.RunAt instanceof Date ? last.RunAt.toISOString() : String(last.RunAt ?? ""),
    period,
    employees: count(last.Employees),
    errors: count(last.Errors),
    warnings: count(last.Warnings),
    totalPay: pay.length > 0 ? pay.reduce((a, b) => a.plus(b)) : null,
    current: null,
    inputHash: hash,
  };
}

/** Whether the workbook's inputs are those RunLog's `hash` fingerprints: the same read and fingerprint as the run's own. */
export async function inputsCurrent(port: WorkbookPort, hash: string): Promise<boolean> {
  return hashTables((await readInputs(port)).tables as unknown as ReadonlyMap<string, EngineTable>) === hash;
}

/** Columns the template shows as money (#,##0.00) rather than as plain numbers. */
const MONEY_COLUMNS = new Set([
  "MonthlyBase",
  "BigDealThreshold",
  "MissPenalty",
  "HitBonus",
  "DealAmount",
  "Receipts",
  "Amount",
  "PerUnit",
  "PerShort",
  "PerOver",
  "OnComplete",
]);

/**
 * The kind of a template column: rates and dates by the sample's number format, text where the
 * sample holds only text (ids, names, periods such as 2026-04, which Excel would otherwise turn into
 * a date), money for amounts, and plain numbers elsewhere, blank columns included, so that what HR
 * types into them later stays a number.
 */
function templateKind(key: string, format: string | undefined, values: readonly CellValue[]): ColumnKind {
  if (format && format.includes("%")) return "ratio";
  if (format && isDateFormat(format)) return "date";
  const present = values.filter((v) => v !== null);
  if (present.length > 0 && present.every((v) => typeof v === "string")) return "text";
  return MONEY_COLUMNS.has(key) ? "money" : "number";
}

/** The SPEC §3 input tables with the sample plans (what `kpi init` writes), as tables for the port. */
export function templateTables(lang: Lang): OutputTable[] {
  return sampleTables(lang).map((t) => {
    const spec = INPUT_TABLES.find((s) => s.name === t.name);
    const keys = spec ? spec.columns.map((c) => c.key) : t.headers;
    return {
      name: t.name,
      columns: t.headers.map((h, i) => ({
        name: h,
        kind: templateKind(
          keys[i] ?? h,
          t.formats[keys[i] ?? h],
          t.rows.map((r) => r[i] ?? null),
        ),
      })),
      rows: t.rows.map((r) => r.map((v): OutputValue => (v !== null && typeof v === "object" && !(v instanceof Date) ? null : v))),
    };
  });
}

/** Writes the template, unless the workbook has a table of one of its names (or their Chinese aliases): then nothing is touched. */
export async function createTemplate(port: WorkbookPort, lang: Lang): Promise<TemplateOutcome> {
  const tables = templateTables(lang);
  const listed = await port.listTables();
  const existing = tables.map((t) => (findByName(listed, t.name) ?? aliasTable(listed, t.name))?.name).filter((n): n is string => n !== undefined);
  if (existing.length > 0) return { created: [], existing };
  await port.writeTables(tables);
  return { created: tables.map((t) => t.name), existing: [] };
}

/**
 * The actions over a port. `port()` gives the workbook for each action: a new Office adapter per
 * action inside Excel (an adapter remembers what it read for its next write), the same in-memory
 * workbook in the preview.
 */
export function portActions(
  port: () => WorkbookPort,
  host: {
    recalculate(period: string, control: RunControl): Promise<RunSummary>;
    selectCell(table: string, cell: string): Promise<Selection>;
    printStatements?: (period: string) => Promise<StatementsWritten>;
  },
): PaneActions {
  return {
    readWorkbook: () => readWorkbookState(port()),
    readLastRun: () => readLastRun(port()),
    inputsCurrent: (hash) => inputsCurrent(port(), hash),
    recalculate: (period, control) => host.recalculate(period, control),
    check: async (period) => {
      const checked = await checkWorkbook(port(), period);
      return { lang: checked.lang, period: period ?? null, issues: checked.issues };
    },
    selectCell: (table, cell) => host.selectCell(table, cell),
    createTemplate: (lang) => createTemplate(port(), lang),
    readStatementData: () => readStatementData(port()),
    ...(host.printStatements ? { printStatements: host.printStatements } : {}),
  };
}

/** The run through the port (the preview's; inside Excel `recalculateInExcel` does the same through the Office adapter). */
export function recalculateOn(port: WorkbookPort, period: string, control: RunControl, now?: Date): Promise<RunSummary> {
  return runRecalculation(port, period, { ...control, ...(now ? { now } : {}) });
}

export interface PlanGrades {
  plan: string;
  /** Grades best first (by the highest score seen with each), with how many employees got each. */
  grades: Array<{ grade: string; employees: number }>;
  /** Employees of the plan without a grade (Status Error). */
  ungraded: number;
}

/** The grade distribution of each plan in a run, plans in the order their employees come. */
export function gradesByPlan(summary: Pick<RunSummary, "result">): PlanGrades[] {
  const plans = new Map<string, { counts: Map<string, number>; best: Map<string, Decimal>; ungraded: number }>();
  for (const r of summary.result.results) {
    const plan = r.employee.planName;
    const p = plans.get(plan) ?? { counts: new Map(), best: new Map(), ungraded: 0 };
    plans.set(plan, p);
    if (r.grade === null || r.grade === "") {
      p.ungraded++;
      continue;
    }
    p.counts.set(r.grade, (p.counts.get(r.grade) ?? 0) + 1);
    const score = r.score === null ? null : new Decimal(r.score.toString());
    const best = p.best.get(r.grade);
    if (score && (!best || score.greaterThan(best))) p.best.set(r.grade, score);
  }
  return [...plans].map(([plan, p]) => ({
    plan,
    grades: [...p.counts]
      .map(([grade, employees]) => ({ grade, employees, best: p.best.get(grade) ?? new Decimal(0) }))
      .sort((a, b) => b.best.comparedTo(a.best))
      .map(({ grade, employees }) => ({ grade, employees })),
    ungraded: p.ungraded,
  }));
}
