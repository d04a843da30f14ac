/**
 * Pay statements (工资条), on request: one per employee of a period, built from what the Results and
 * Breakdown tables hold for it, so that they say exactly what HR saw and checked. When Results has no
 * row of the period, the period is recalculated first (and the caller says so). Written as a printable
 * sheet, Statements (a summary table, then one page per employee), and rendered as HTML for mailing
 * (statementsLayout.ts). Text follows the workbook's language.
 */
import { Lang } from "../engine/errors";
import { parsePeriod, periodText } from "../engine/periods";
import { OutputValue, TableData, WorkbookPort, WriteReport, findByName } from "../workbook/port";
import { latestQuarter } from "./periods";
import { RunOptions, RunSummary, checkWorkbook, outputColumns, runRecalculation } from "./recalculate";
import { statementsSheets } from "./statementsLayout";

/** The money lines of a statement, in Results' order, before the total. */
export const MONEY_LINES = ["QuarterlyBonus", "DealBonus", "Commission", "Incentives", "Penalties", "Adjustments"] as const;

export interface IndicatorLine {
  indicator: string;
  weight: OutputValue;
  actual: OutputValue;
  rule: string;
  points: OutputValue;
  explanation: string;
}

export interface Statement {
  employeeId: string;
  name: string;
  department: string;
  plan: string;
  period: string;
  score: OutputValue;
  grade: string;
  completion: OutputValue;
  status: string;
  flags: string;
  indicators: IndicatorLine[];
  money: Array<{ line: (typeof MONEY_LINES)[number]; amount: OutputValue }>;
  totalPay: OutputValue;
}

const text = (v: unknown): string => (v === null || v === undefined ? "" : v instanceof Date ? v.toISOString().slice(0, 10) : typeof v === "object" ? "" : String(v));
const value = (v: unknown): OutputValue => (v === undefined || (typeof v === "object" && v !== null && !(v instanceof Date)) ? null : (v as OutputValue));

/** A table's rows as records by our column names (headers matched without regard to case). */
function records(t: TableData | undefined, names: readonly string[]): Array<Record<string, unknown>> {
  if (!t) return [];
  const at = names.map((n) => [n, t.headers.findIndex((h) => String(h).trim().toLowerCase() === n.toLowerCase())] as const);
  return t.rows.map((r) => Object.fromEntries(at.map(([n, i]) => [n, i < 0 ? null : r[i]])));
}

/** The canonical spelling of a period (2026Q2 and 2026年第2季度 are 2026-Q2), or the text as given. */
export function canonicalPeriod(period: string): string {
  const p = parsePeriod(period);
  return p ? periodText(p) : period.trim();
}

/** The statements of a period from Results and Breakdown, in Results' order. */
export function statementsFrom(results: TableData | undefined, breakdown: TableData | undefined, period: string): Statement[] {
  const lines = new Map<string, IndicatorLine[]>();
  for (const b of records(breakdown, outputColumns("Breakdown").map((c) => c.name))) {
    if (text(b.Period) !== period) continue;
    const id = text(b.EmployeeId);
    lines.set(id, [...(lines.get(id) ?? []), { indicator: text(b.Indicator), weight: value(b.Weight), actual: value(b.Actual), rule: text(b.Rule), points: value(b.Points), explanation: text(b.Explanation) }]);
  }
  return records(results, outputColumns("Results").map((c) => c.name))
    .filter((r) => text(r.Period) === period)
    .map((r) => ({
      employeeId: text(r.EmployeeId),
      name: text(r.Name),
      department: text(r.Department),
      plan: text(r.Plan),
      period,
      score: value(r.Score),
      grade: text(r.Grade),
      completion: value(r.Completion),
      status: text(r.Status),
      flags: text(r.Flags),
      indicators: lines.get(text(r.EmployeeId)) ?? [],
      money: MONEY_LINES.map((line) => ({ line, amount: value(r[line]) })),
      totalPay: value(r.TotalPay),
    }));
}

export interface StatementsRun {
  lang: Lang;
  period: string;
  statements: Statement[];
  /** Set when Results had no row of the period and it was recalculated first. */
  recalculated: RunSummary | null;
  /** The sheets the statements went to (Statements, and Statements2 … beyond 1,000 employees). */
  sheets: string[];
  written: WriteReport;
}

/**
 * Writes the statements of `period` (default: the period of RunLog's last row) to the Statements sheet,
 * recalculating the period first when Results has no row of it.
 */
export async function writeStatements(port: WorkbookPort, periodGiven: string | undefined, options: RunOptions = {}): Promise<StatementsRun> {
  let read = await port.readTables(["Results", "Breakdown", "RunLog"]);
  const log = records(findByName(read.values(), "RunLog"), ["Period"]);
  const period = periodGiven !== undefined ? canonicalPeriod(periodGiven) : log.length > 0 ? text(log[log.length - 1].Period) : undefined;
  const rows = (t: TableData | undefined) => (period === undefined ? [] : records(t, ["Period"]).filter((r) => text(r.Period) === period));
  let recalculated: RunSummary | null = null;
  let lang: Lang;
  if (period === undefined || rows(findByName(read.values(), "Results")).length === 0) {
    // Nothing to print from: the period is recalculated, and its rows are what the run wrote.
    recalculated = await runRecalculation(port, period ?? latestQuarter, options);
    lang = recalculated.lang;
    const asTable = (name: "Results" | "Breakdown"): TableData => ({ name, sheet: name, headers: outputColumns(name).map((c) => c.name), headerRow: 1, firstColumn: 1, rows: recalculated?.rows[name] ?? [] });
    read = new Map([
      ["Results", asTable("Results")],
      ["Breakdown", asTable("Breakdown")],
    ]);
  } else lang = (await checkWorkbook(port)).lang;
  const finalPeriod = recalculated?.period ?? (period as string);
  const statements = statementsFrom(findByName(read.values(), "Results"), findByName(read.values(), "Breakdown"), finalPeriod);
  const sheets = statementsSheets(statements, finalPeriod, lang);
  // Where each sheet is now: an existing one where its table stands, a new one as the write says.
  const before = new Map((await port.listTables()).map((t) => [t.name.toLowerCase(), t.sheet]));
  const written = await port.writeTables([], sheets);
  const renamed = new Map(written.renamedSheets.map((r) => [r.table, r.sheet]));
  return { lang, period: finalPeriod, statements, recalculated, sheets: sheets.map((s) => renamed.get(s.name) ?? before.get(s.name.toLowerCase()) ?? s.name), written };
}
