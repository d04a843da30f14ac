/**
 * The main job, written once against the workbook port: read the input tables, recalculate a period,
 * and write Results, Breakdown, Issues and RunLog back (rows of the period replaced, others kept).
 */
import { D, ZERO } from "../engine/decimal";
import { INPUT_TABLES, OUTPUT_COLUMNS, OutputName } from "../engine/contract";
import { Lang } from "../engine/errors";
import { OutputRow, RecalcResult, outputRows, recalculate } from "../engine/recalc";
import { TableData } from "../engine/table";
import { isBlank, readText } from "../engine/values";
import { WorkbookPort } from "../workbook/port";

export const VERSION = "0.1.0";

export interface RunOptions {
  /** The run's time, for RunLog (injected so tests and re-runs are reproducible). */
  now?: Date;
  version?: string;
  /** Called as each table is read, for a progress bar. */
  onProgress?: (done: number, total: number, what: string) => void;
  /** Check only: compute, but write nothing. */
  dryRun?: boolean;
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
  payByDepartment: Array<{ department: string; totalPay: D; employees: number }>;
  result: RecalcResult;
  rows: Record<OutputName, OutputRow[]>;
}

/** Reads the input tables of SPEC §3 that the workbook has. */
export async function readInputs(port: WorkbookPort, onProgress?: RunOptions["onProgress"]): Promise<Map<string, TableData>> {
  const infos = await port.listTables();
  const wanted = infos.filter((i) => INPUT_TABLES.some((s) => s.name.toLowerCase() === i.name.toLowerCase()));
  const tables = new Map<string, TableData>();
  let done = 0;
  for (const info of wanted) {
    onProgress?.(done, wanted.length, info.name);
    tables.set(info.name, await port.readTable(info.name));
    done++;
  }
  onProgress?.(done, wanted.length, "");
  return tables;
}

/** Keeps the existing rows of other periods, in period order, then the period's new rows. */
function mergeByPeriod(existing: TableData | null, columns: readonly string[], period: string, fresh: OutputRow[]): OutputRow[] {
  if (!existing) return fresh;
  const at = columns.map((c) => existing.headers.findIndex((h) => String(h).toLowerCase() === c.toLowerCase()));
  const periodIndex = columns.indexOf("Period");
  const kept = existing.rows
    .filter((r) => !r.every((v) => isBlank(v)))
    .map((r) => at.map((i) => (i < 0 ? null : (r[i] as OutputRow[number]) ?? null)))
    .filter((r) => readText(r[periodIndex]) !== period);
  const all = [...kept, ...fresh];
  const order = (r: OutputRow) => readText(r[periodIndex]);
  return all.map((r, i) => ({ r, i })).sort((a, b) => (order(a.r) < order(b.r) ? -1 : order(a.r) > order(b.r) ? 1 : a.i - b.i)).map((x) => x.r);
}

async function existingTable(port: WorkbookPort, name: string): Promise<TableData | null> {
  const infos = await port.listTables();
  const info = infos.find((i) => i.name.toLowerCase() === name.toLowerCase());
  return info ? port.readTable(info.name) : null;
}

export async function runRecalculation(port: WorkbookPort, period: string, options: RunOptions = {}): Promise<RunSummary> {
  const tables = await readInputs(port, options.onProgress);
  const result = recalculate(tables, period);
  const fresh = outputRows(result);
  const errors = result.issues.filter((i) => i.severity === "Error").length;
  const warnings = result.issues.length - errors;
  const runAt = (options.now ?? new Date()).toISOString().replace(/\.\d{3}Z$/, "Z");
  const logRow: OutputRow = [runAt, result.period, result.results.length, errors, warnings, result.inputHash, options.version ?? VERSION];
  const rows: Record<OutputName, OutputRow[]> = {
    Results: mergeByPeriod(await existingTable(port, "Results"), OUTPUT_COLUMNS.Results, result.period, fresh.Results),
    Breakdown: mergeByPeriod(await existingTable(port, "Breakdown"), OUTPUT_COLUMNS.Breakdown, result.period, fresh.Breakdown),
    Issues: fresh.Issues,
    RunLog: [...((await existingTable(port, "RunLog"))?.rows.filter((r) => !r.every((v) => isBlank(v))) as OutputRow[] | undefined ?? []), logRow],
  };
  if (!options.dryRun) {
    for (const name of Object.keys(OUTPUT_COLUMNS) as OutputName[]) await port.writeTable(name, OUTPUT_COLUMNS[name], rows[name]);
  }
  const departments = new Map<string, { totalPay: D; employees: number }>();
  for (const r of result.results) {
    const d = departments.get(r.employee.department) ?? { totalPay: ZERO, employees: 0 };
    d.employees++;
    if (r.totalPay) d.totalPay = d.totalPay.plus(r.totalPay);
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
    payByDepartment: [...departments].map(([department, v]) => ({ department, ...v })),
    result,
    rows,
  };
}
