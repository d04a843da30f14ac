/**
 * The main job, written once against the workbook port: read the input tables, recalculate a period,
 * and write Results, Breakdown, Issues and RunLog back (rows of the period replaced, others kept).
 */
import { D, ZERO } from "../engine/decimal";
import { INPUT_TABLES, OUTPUT_HEADERS, OutputName } from "../engine/contract";
import { Lang } from "../engine/errors";
import { OutputRow, RecalcResult, outputRows, recalculate } from "../engine/recalc";
import { TableData } from "../engine/table";
import { isBlank, readText } from "../engine/values";
import { TableInfo, WorkbookPort } from "../workbook/port";

export const VERSION = "0.1.0";

export interface RunOptions {
  /** The run's time, for RunLog (injected so tests and re-runs are reproducible). */
  now?: Date;
  version?: string;
  /** Called as each table is read, for a progress bar. */
  onProgress?: (done: number, total: number, what: string) => void;
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

/** Reads the input tables of SPEC §3 that the workbook has (`infos`: its tables, when already listed). */
export async function readInputs(port: WorkbookPort, onProgress?: RunOptions["onProgress"], infos?: TableInfo[]): Promise<Map<string, TableData>> {
  infos ??= await port.listTables();
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

interface Merged {
  columns: string[];
  rows: OutputRow[];
}

/**
 * An output table's new content. Columns the user added to the table are kept after ours, and their
 * values stay with their rows: on rows of other periods as they were, on the recalculated period's rows
 * by key (EmployeeId and Period, and Indicator for Breakdown). `mode` says what happens to old rows:
 * "period" replaces the period's rows and keeps the others, "append" keeps them all, "replace" none.
 */
export function mergeOutput(existing: TableData | null, columns: readonly string[], fresh: OutputRow[], mode: "period" | "append" | "replace", period: string, keyColumns: readonly string[] = []): Merged {
  if (!existing) return { columns: [...columns], rows: fresh };
  const lower = (h: string) => String(h).trim().toLowerCase();
  const ours = new Set(columns.map(lower));
  const extras = existing.headers.filter((h) => String(h).trim() !== "" && !ours.has(lower(h)));
  const all = [...columns, ...extras];
  const at = all.map((c) => existing.headers.findIndex((h) => lower(h) === lower(c)));
  const old = existing.rows.filter((r) => !r.every((v) => isBlank(v))).map((r) => at.map((i) => (i < 0 ? null : ((r[i] as OutputRow[number]) ?? null))));
  const periodIndex = columns.indexOf("Period");
  const keyIndex = keyColumns.map((k) => columns.indexOf(k));
  const keyOf = (r: OutputRow) => keyIndex.map((i) => readText(r[i])).join("\u0000");
  const isThisPeriod = (r: OutputRow) => periodIndex >= 0 && readText(r[periodIndex]) === period;
  // The user's values on the rows being replaced, by key, in order (two rows may share a key).
  const carried = new Map<string, OutputRow[]>();
  if (mode !== "append") for (const r of old.filter((x) => mode === "replace" || isThisPeriod(x))) carried.set(keyOf(r), [...(carried.get(keyOf(r)) ?? []), r.slice(columns.length)]);
  const withExtras = fresh.map((r) => [...r, ...(keyColumns.length > 0 ? carried.get(keyOf(r))?.shift() : undefined) ?? extras.map(() => null)]);
  if (mode === "replace") return { columns: all, rows: withExtras };
  if (mode === "append") return { columns: all, rows: [...old, ...withExtras] };
  const rows = [...old.filter((r) => !isThisPeriod(r)), ...withExtras];
  const order = (r: OutputRow) => readText(r[periodIndex]);
  // Period order, stable within a period, so re-running a period never moves rows.
  return { columns: all, rows: rows.map((r, i) => ({ r, i })).sort((a, b) => (order(a.r) < order(b.r) ? -1 : order(a.r) > order(b.r) ? 1 : a.i - b.i)).map((x) => x.r) };
}

async function existingTable(port: WorkbookPort, infos: TableInfo[], name: string): Promise<TableData | null> {
  const info = infos.find((i) => i.name.toLowerCase() === name.toLowerCase());
  return info ? port.readTable(info.name) : null;
}

export async function runRecalculation(port: WorkbookPort, period: string, options: RunOptions = {}): Promise<RunSummary> {
  const infos = await port.listTables();
  const tables = await readInputs(port, options.onProgress, infos);
  const result = recalculate(tables, period);
  const fresh = outputRows(result);
  const errors = result.issues.filter((i) => i.severity === "Error").length;
  const warnings = result.issues.length - errors;
  const runAt = (options.now ?? new Date()).toISOString().replace(/\.\d{3}Z$/, "Z");
  const logRow: OutputRow = [runAt, result.period, result.results.length, errors, warnings, result.inputHash, options.version ?? VERSION];
  const merged: Record<OutputName, Merged> = {
    Results: mergeOutput(await existingTable(port, infos, "Results"), OUTPUT_HEADERS.Results, fresh.Results, "period", result.period, ["EmployeeId", "Period"]),
    Breakdown: mergeOutput(await existingTable(port, infos, "Breakdown"), OUTPUT_HEADERS.Breakdown, fresh.Breakdown, "period", result.period, ["EmployeeId", "Period", "Indicator"]),
    Issues: mergeOutput(await existingTable(port, infos, "Issues"), OUTPUT_HEADERS.Issues, fresh.Issues, "replace", result.period),
    RunLog: mergeOutput(await existingTable(port, infos, "RunLog"), OUTPUT_HEADERS.RunLog, [logRow], "append", result.period),
  };
  for (const name of Object.keys(OUTPUT_HEADERS) as OutputName[]) await port.writeTable(name, merged[name].columns, merged[name].rows);
  const rows = Object.fromEntries(Object.entries(merged).map(([k, v]) => [k, v.rows])) as Record<OutputName, OutputRow[]>;
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
