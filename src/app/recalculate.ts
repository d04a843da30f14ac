/**
 * The main job, written once against the workbook port: read the input and output tables in one
 * unit of work, recalculate a period, and write Results, Breakdown, Issues and RunLog back in one unit
 * of work (rows of the period replaced, others kept, RunLog last so a run whose row is not there did not finish).
 * One file just past 300 lines: reading, recalculating and writing back are one unit of work, and keeping
 * them side by side shows what a run touches in which order.
 */
import { D, ZERO } from "../engine/decimal";
import { INPUT_TABLES, OUTPUT_COLUMNS, OutputName } from "../engine/contract";
import { Lang } from "../engine/errors";
import { Issue, msg } from "../engine/issues";
import { OutputRow, RecalcResult, checkTables, outputRows, startRecalculation } from "../engine/recalc";
import { TableData as EngineTable, cellAddress } from "../engine/table";
import { isBlank, readText } from "../engine/values";
import { parsePeriod, periodText } from "../engine/periods";
import { normalizeHeader } from "../engine/read/headers";
import { dashboardSheet } from "./dashboard";
import { presentOutputs } from "./presentation";
import { ColumnKind, OutputColumn, OutputTable, OutputValue, TableData, TableInfo, WorkbookPort, WriteReport, findByName } from "../workbook/port";

export const VERSION = "0.1.0";

export const INPUT_NAMES: readonly string[] = INPUT_TABLES.map((t) => t.name);
export const OUTPUT_NAMES = Object.keys(OUTPUT_COLUMNS) as OutputName[];

/** Our columns of an output table with their kinds. */
export function outputColumns(name: OutputName): OutputColumn[] {
  return OUTPUT_COLUMNS[name].map((c) => ({ name: c.name, kind: c.kind }));
}

export type Phase = "reading" | "calculating" | "writing";

export interface RunOptions {
  /** The run's time, for RunLog (injected so tests and re-runs are reproducible). */
  now?: Date;
  version?: string;
  /** Progress: the phase, and within it what is done of a total (employees while calculating). */
  onProgress?: (phase: Phase, done: number, total: number) => void;
  /** Checked before writing: a cancelled run writes nothing. */
  cancelled?: () => boolean;
}

export class Cancelled extends Error {
  constructor() {
    super("the run was cancelled before anything was written");
    this.name = "Cancelled";
  }
}

export interface RunSummary {
  lang: Lang;
  period: string;
  employees: number;
  errors: number;
  warnings: number;
  /** Employees by status. */
  ok: number;
  employeesWithWarning: number;
  employeesInError: number;
  totalPay: D;
  /** Per department: its employees, how many of them have a TotalPay (not Error), and the sum of those. */
  payByDepartment: Array<{ department: string; totalPay: D; employees: number; paid: number }>;
  result: RecalcResult;
  rows: Record<OutputName, OutputValue[][]>;
  written: WriteReport;
}

/** Sheets read as an input table when the workbook has no Excel table of its name: the English name or the Chinese alias. */
const FALLBACK_SHEETS: ReadonlyMap<string, readonly string[]> = new Map(INPUT_TABLES.map((t) => [t.name, [t.name, t.zh]]));

/** The Warning for a table read from its sheet because the workbook had lost the Excel table. */
function fromSheetIssues(tables: ReadonlyMap<string, TableData>): Issue[] {
  return [...tables.values()]
    .filter((t) => t.fromSheet)
    .map((t) => {
      const range = `${cellAddress(t, -1, 0)}:${cellAddress(t, t.rows.length - 1, t.headers.length - 1)}`;
      return {
        severity: "Warning" as const,
        table: t.name,
        cell: range,
        employeeId: "",
        text: msg(
          `The workbook has no Excel table named ${t.name} (a tool that saved it may have dropped it): sheet ${t.sheet} ${range} was read as the table; select it and use Insert › Table, named ${t.name}, to be sure`,
          `工作簿中没有名为 ${t.name} 的 Excel 表格（保存它的工具可能丢弃了表格）：已将工作表 ${t.sheet} 的 ${range} 当作该表读取；请选中它并用“插入 › 表格”建表，命名为 ${t.name}`,
        ),
      };
    });
}

/** Reads the input tables of SPEC §3 that the workbook has, in one unit of work. */
export async function readInputs(port: WorkbookPort): Promise<{ tables: Map<string, TableData>; issues: Issue[] }> {
  const tables = await port.readTables(INPUT_NAMES, FALLBACK_SHEETS);
  const issues = fromSheetIssues(tables);
  issues.push(...(await readByAlias(port, tables)));
  return { tables, issues };
}

/** The table named by an input table's Chinese alias (员工, or 员工表) among those listed. */
export function aliasTable<T extends { name: string }>(listed: readonly T[], name: string): T | undefined {
  const zh = INPUT_TABLES.find((spec) => spec.name === name)?.zh;
  return zh === undefined ? undefined : listed.find((x) => [zh, `${zh}表`].includes(x.name.trim()));
}

/**
 * An input table missing by its English name but there by its Chinese alias (员工, or 员工表), read into
 * `tables` as the table it names, with a Warning to rename it: SPEC finds tables by their English names in
 * every language, and HR who named theirs in Chinese is told so rather than that the table is missing.
 * Nothing is read when no table is missing.
 */
export async function readByAlias(
  port: WorkbookPort,
  tables: Map<string, TableData>,
  names: readonly string[] = INPUT_NAMES,
  listedAlready?: readonly TableInfo[],
): Promise<Issue[]> {
  const missing = INPUT_TABLES.filter((spec) => names.includes(spec.name) && !tables.has(spec.name));
  if (missing.length === 0) return [];
  const listed = listedAlready ?? (await port.listTables());
  const byAlias = new Map<string, string>();
  for (const spec of missing) {
    const t = aliasTable(listed, spec.name);
    if (t) byAlias.set(t.name, spec.name);
  }
  if (byAlias.size === 0) return [];
  const read = await port.readTables([...byAlias.keys()]);
  const issues: Issue[] = [];
  for (const [alias, name] of byAlias) {
    const t = read.get(alias);
    if (!t) continue;
    tables.set(name, { ...t, name });
    issues.push({
      severity: "Warning",
      table: name,
      cell: "",
      employeeId: "",
      text: msg(
        `The table ${alias} on sheet ${t.sheet} was read as ${name}: tables are found by their English names in every language; rename it ${name} (Table Design › Table Name)`,
        `工作表 ${t.sheet} 上的表格 ${alias} 已当作 ${name} 读取：表格按英文名查找（任何语言都一样）；请将其重命名为 ${name}（表设计 › 表名称）`,
      ),
    });
  }
  return issues;
}

/** The engine's view of the tables (the port's types are structurally the engine's). */
/** The port's tables as the engine takes them (the same shape; the port owns its own type). */
export function forEngine(tables: ReadonlyMap<string, TableData>): ReadonlyMap<string, EngineTable> {
  return tables as unknown as ReadonlyMap<string, EngineTable>;
}

interface Merged {
  columns: OutputColumn[];
  rows: OutputValue[][];
}

const asOutput = (v: unknown): OutputValue => (v === undefined || (typeof v === "object" && v !== null && !(v instanceof Date)) ? null : (v as OutputValue));

/**
 * An output table's new content. Columns the user added to the table are kept after ours, and their
 * values stay with their rows: on rows of other periods as they were, on the recalculated period's rows
 * by key (EmployeeId and Period, and Indicator for Breakdown). `mode` says what happens to old rows:
 * "period" replaces the period's rows and keeps the others in period order; "log" the same, the others
 * kept in the order they were written and the new rows last (RunLog: its last row is the latest run);
 * "replace" keeps none.
 */
export function mergeOutput(
  existing: TableData | null,
  columns: readonly OutputColumn[],
  fresh: OutputValue[][],
  mode: "period" | "log" | "replace",
  period: string,
  keyColumns: readonly string[] = [],
): Merged {
  if (!existing) return { columns: [...columns], rows: fresh };
  // Headers match as the inputs' do (SPEC §3: case, spaces and underscores do not matter).
  const lower = (h: string) => normalizeHeader(String(h));
  const ours = new Set(columns.map((c) => lower(c.name)));
  const extras = existing.headers.filter((h) => String(h).trim() !== "" && !ours.has(lower(h)));
  const at = [...columns, ...extras.map((name) => ({ name }))].map((c) => existing.headers.findIndex((h) => lower(h) === lower(c.name)));
  const old = existing.rows.filter((r) => !r.every((v) => v === null || isBlank(v as never))).map((r) => at.map((i) => (i < 0 ? null : asOutput(r[i]))));
  // HR's columns are shown as General; as dates when every value they hold is a date, as text when every
  // one is text (so "0012" or "-待核对" stays as typed where a host would read it otherwise).
  const every = (k: number, is: (v: OutputValue) => boolean) => old.some((r) => r[k] !== null) && old.every((r) => r[k] === null || is(r[k]));
  const kindOf = (k: number): ColumnKind => (every(k, (v) => v instanceof Date) ? "date" : every(k, (v) => typeof v === "string") ? "text" : "number");
  const all: OutputColumn[] = [...columns, ...extras.map((name, j) => ({ name, kind: kindOf(columns.length + j) }))];
  const periodIndex = columns.findIndex((c) => c.name === "Period");
  const keyIndex = keyColumns.map((k) => columns.findIndex((c) => c.name === k));
  // A period HR retyped in another accepted spelling (2026Q2, 2026年第2季度) is still the period's row;
  // each distinct text is parsed once (a large Breakdown repeats a few periods).
  const canonical = new Map<string, string>();
  const periodOf = (v: OutputValue) => {
    const text = readText(v);
    let c = canonical.get(text);
    if (c === undefined) {
      const p = parsePeriod(v);
      canonical.set(text, (c = p ? periodText(p) : text));
    }
    return c;
  };
  const isThisPeriod = (r: OutputValue[]) => periodIndex >= 0 && periodOf(r[periodIndex]) === period;
  const keyOf = (r: OutputValue[]) => keyIndex.map((i) => (i === periodIndex ? periodOf(r[i]) : readText(r[i]))).join("\u0000");
  // The user's values on the rows being replaced, by key, in order (two rows may share a key).
  const carried = new Map<string, OutputValue[][]>();
  if (extras.length > 0)
    for (const r of old) {
      if (mode !== "replace" && !isThisPeriod(r)) continue;
      const key = keyOf(r);
      const list = carried.get(key);
      if (list) list.push(r.slice(columns.length));
      else carried.set(key, [r.slice(columns.length)]);
    }
  const withExtras =
    extras.length === 0 ? fresh : fresh.map((r) => [...r, ...((keyColumns.length > 0 ? carried.get(keyOf(r))?.shift() : undefined) ?? extras.map(() => null))]);
  if (mode === "replace") return { columns: all, rows: withExtras };
  const rows = [...old.filter((r) => !isThisPeriod(r)), ...withExtras];
  if (mode === "log") return { columns: all, rows };
  // Period order (periodOrder), stable within a period, so re-running a period never moves rows. Each row's period is
  // read once, and rows already in order (one period, or periods run in turn) are not sorted at all.
  const order = rows.map((r) => periodOrder(periodOf(r[periodIndex])));
  let sorted = true;
  for (let i = 1; i < order.length && sorted; i++) if (order[i] < order[i - 1]) sorted = false;
  if (sorted) return { columns: all, rows };
  const index = rows.map((_, i) => i).sort((a, b) => (order[a] < order[b] ? -1 : order[a] > order[b] ? 1 : a - b));
  return { columns: all, rows: index.map((i) => rows[i]) };
}

/**
 * Where a period's rows go: by period, a year after its quarters (2026-Q1 … 2026-Q4, then 2026), so the
 * annual view, run after the quarters, adds its rows below theirs instead of moving them down.
 */
function periodOrder(period: string): string {
  return /^\d{4}$/.test(period) ? `${period}-~` : period;
}

/** A period, or how to choose one from the inputs once they are read (the latest assessed quarter). */
export type PeriodChoice = string | ((inputs: ReadonlyMap<string, TableData>) => string);

/** How long the calculation runs before it lets the host breathe (Excel restarts an add-in that blocks for about 5 s). */
const SLICE_MS = 30;

/**
 * Lets the host (Excel's UI, the pane's progress bar) run before the next slice. Node has setImmediate,
 * a turn of its event loop without the 1 ms a timer waits at least (nodejs.org/api/timers.html), so the
 * command line does not idle between slices; a browser has only the timer.
 */
const breathe: () => Promise<void> =
  typeof setImmediate === "function" ? () => new Promise((resolve) => setImmediate(resolve)) : () => new Promise((resolve) => setTimeout(resolve, 0));

/**
 * The engine's work in slices of about SLICE_MS, yielding between them, with progress after each and a
 * chance to cancel: inside Excel the add-in shares the UI thread (learn.microsoft.com/office/dev/add-ins/
 * concepts/resource-limits-and-performance-optimization: an add-in that blocks for 5 s is restarted).
 */
async function calculate(inputs: ReadonlyMap<string, TableData>, period: string, options: RunOptions): Promise<RecalcResult> {
  const run = startRecalculation(forEngine(inputs), period);
  let p = run.progress();
  let released = false;
  while (!p.finished) {
    // Once employees are being computed the engine has its records and the fingerprint: the cells can go,
    // so that a large workbook does not hold its raw tables and its records at once.
    if (!released && p.done > 0) {
      for (const t of inputs.values()) t.rows = [];
      released = true;
    }
    const start = performance.now();
    do p = run.next(100);
    while (!p.finished && performance.now() - start < SLICE_MS);
    options.onProgress?.("calculating", p.done, p.total);
    if (options.cancelled?.()) throw new Cancelled();
    if (!p.finished) await breathe();
  }
  return run.result();
}

/** Recalculates `period` over the workbook behind `port` and writes the output tables. */
export async function runRecalculation(port: WorkbookPort, periodChoice: PeriodChoice, options: RunOptions = {}): Promise<RunSummary> {
  options.onProgress?.("reading", 0, 1);
  const read = await port.readTables([...INPUT_NAMES, ...OUTPUT_NAMES], FALLBACK_SHEETS);
  options.onProgress?.("reading", 1, 1);
  const inputs = new Map([...read].filter(([name]) => INPUT_NAMES.includes(name)));
  const fromSheet = [...fromSheetIssues(inputs), ...(await readByAlias(port, inputs))];
  const period = typeof periodChoice === "string" ? periodChoice : periodChoice(inputs);
  const result = await calculate(inputs, period, options);
  result.issues.unshift(...fromSheet);
  // The inputs' rows are not needed any more: let them go, so a large workbook's memory serves the writing.
  for (const [name, t] of inputs) {
    inputs.set(name, { ...t, rows: [] });
    read.delete(name);
  }
  const fresh = outputRows(result) as Record<"Results" | "Breakdown" | "Issues", OutputRow[]>;
  const errors = result.issues.filter((i) => i.severity === "Error").length;
  const warnings = result.issues.length - errors;
  const runAt = (options.now ?? new Date()).toISOString().replace(/\.\d{3}Z$/, "Z");
  const logRow: OutputValue[] = [runAt, result.period, result.results.length, errors, warnings, result.inputHash, options.version ?? VERSION];
  const existing = (name: OutputName) => findByName(read.values(), name) ?? null;
  const merged: Record<OutputName, Merged> = {
    Results: mergeOutput(existing("Results"), outputColumns("Results"), fresh.Results, "period", result.period, ["EmployeeId", "Period"]),
    Breakdown: mergeOutput(existing("Breakdown"), outputColumns("Breakdown"), fresh.Breakdown, "period", result.period, ["EmployeeId", "Period", "Indicator"]),
    Issues: mergeOutput(existing("Issues"), outputColumns("Issues"), fresh.Issues, "replace", result.period),
    // SPEC §3: an output table's rows for the period are replaced, RunLog's too: one row per period, its latest run.
    RunLog: mergeOutput(existing("RunLog"), outputColumns("RunLog"), [logRow], "log", result.period, ["Period"]),
  };
  // The old output tables are merged into the new: their cells can go before the writing.
  read.clear();
  if (options.cancelled?.()) throw new Cancelled();
  options.onProgress?.("writing", 0, 1);
  // RunLog goes last: a run whose RunLog row is missing did not finish.
  const tables = presentOutputs(
    OUTPUT_NAMES.map((name): OutputTable => ({ name, columns: merged[name].columns, rows: merged[name].rows })),
    inputs,
  );
  const dashboard = dashboardSheet(outputColumns("Results"), fresh.Results as OutputValue[][], result.period, result.lang);
  const written = await port.writeTables(tables, [dashboard]);
  options.onProgress?.("writing", 1, 1);
  const departments = new Map<string, { totalPay: D; employees: number; paid: number }>();
  let totalPay = ZERO;
  for (const r of result.results) {
    const d = departments.get(r.employee.department) ?? { totalPay: ZERO, employees: 0, paid: 0 };
    d.employees++;
    if (r.totalPay) {
      d.paid++;
      d.totalPay = d.totalPay.plus(r.totalPay);
      totalPay = totalPay.plus(r.totalPay);
    }
    departments.set(r.employee.department, d);
  }
  return {
    lang: result.lang,
    period: result.period,
    employees: result.results.length,
    errors,
    warnings,
    ok: result.results.filter((r) => r.status === "OK").length,
    employeesWithWarning: result.results.filter((r) => r.status === "Warning").length,
    employeesInError: result.results.filter((r) => r.status === "Error").length,
    totalPay,
    payByDepartment: [...departments].map(([department, v]) => ({ department, ...v })),
    result,
    rows: Object.fromEntries(Object.entries(merged).map(([k, v]) => [k, v.rows])) as Record<OutputName, OutputValue[][]>,
    written,
  };
}

/** The workbook's issues, found the way `runRecalculation` finds them (for `period` too when given), without writing. */
export async function checkWorkbook(port: WorkbookPort, period?: string): Promise<{ lang: Lang; issues: Issue[]; periods: string[] }> {
  const { tables, issues } = await readInputs(port);
  const checked = checkTables(forEngine(tables), period);
  return { lang: checked.lang, issues: [...issues, ...checked.issues], periods: checked.periods };
}

/** The input tables as the engine takes them (for the benchmark). */
export async function readForEngine(port: WorkbookPort): Promise<ReadonlyMap<string, EngineTable>> {
  return forEngine((await readInputs(port)).tables);
}
