/**
 * Pay statements (工资条), on request: one per employee of a period, built from what the Results and
 * Breakdown tables hold for it (the pane's statement of each employee, statement.ts), so that they
 * say exactly what HR saw and checked. When Results has no row of the period, the period is
 * recalculated first (and the caller says so). Written as a printable sheet, Statements (a summary
 * table, then one page per employee), and rendered as HTML for mailing (statementsLayout.ts). Text
 * follows the workbook's language.
 */
import { Lang } from "../engine/errors";
import { parsePeriod, periodText } from "../engine/periods";
import { CellValue, TableData, WorkbookPort, WriteReport } from "../workbook/port";
import { latestQuarter } from "./periods";
import { hashTables } from "../engine/hash";
import { findTables, workbookLang } from "../engine/read/headers";
import { RunOptions, RunSummary, forEngine, outputColumns, readInputs, runRecalculation } from "./recalculate";
import { Statement, StatementData, readStatementData, recordsOf, statementOf } from "./statement";
import { statementsSheets } from "./statementsLayout";

export type { Statement } from "./statement";

const text = (v: CellValue | undefined): string =>
  v === null || v === undefined ? "" : v instanceof Date ? v.toISOString().slice(0, 10) : typeof v === "object" ? "" : String(v).trim();

/** The canonical spelling of a period (2026Q2 and 2026年第2季度 are 2026-Q2), or the text as given. */
export function canonicalPeriod(period: string): string {
  const p = parsePeriod(period);
  return p ? periodText(p) : period.trim();
}

/** The statements of a period, one per employee with a Results row of it, in Results' order (the pane's statementOf each). */
export function statementsOf(data: StatementData, period: string): Statement[] {
  const ids = [...new Set(data.results.filter((r) => text(r.Period) === period).map((r) => text(r.EmployeeId)))];
  return ids.map((id) => statementOf(data, id, period)).filter((s): s is Statement => s !== null);
}

/** What a recalculation just wrote, as the statement data the tables now hold. */
function dataOf(summary: RunSummary): StatementData {
  const table = (name: "Results" | "Breakdown" | "Issues"): TableData => ({
    name,
    sheet: name,
    headers: outputColumns(name).map((c) => c.name),
    headerRow: 1,
    firstColumn: 1,
    rows: summary.rows[name],
  });
  const records = <K extends string>(name: "Results" | "Breakdown" | "Issues", columns: readonly K[]) =>
    recordsOf(table(name), columns) as Array<Record<K, CellValue>>;
  return {
    results: records(
      "Results",
      outputColumns("Results").map((c) => c.name),
    ) as StatementData["results"],
    breakdown: records(
      "Breakdown",
      outputColumns("Breakdown").map((c) => c.name),
    ) as StatementData["breakdown"],
    issues: records(
      "Issues",
      outputColumns("Issues").map((c) => c.name),
    ) as StatementData["issues"],
    issuesPeriod: summary.period,
  };
}

export interface StatementsRun {
  lang: Lang;
  period: string;
  statements: Statement[];
  /** Set when Results had no row of the period and it was recalculated first. */
  recalculated: RunSummary | null;
  /**
   * True when the statements were printed from Results whose run (RunLog's row of the period, its InputHash)
   * saw other inputs than the workbook has now: they show the pay as it was then.
   */
  inputsChanged: boolean;
  /** The sheets the statements went to (Statements, and Statements2 … beyond 1,000 employees). */
  sheets: string[];
  written: WriteReport;
}

/**
 * Writes the statements of `period` (default: the period of RunLog's last row) to the Statements sheet,
 * recalculating the period first when Results has no row of it.
 */
export async function writeStatements(port: WorkbookPort, periodGiven: string | undefined, options: RunOptions = {}): Promise<StatementsRun> {
  let data = await readStatementData(port);
  const period = periodGiven !== undefined ? canonicalPeriod(periodGiven) : (data.issuesPeriod ?? undefined);
  let recalculated: RunSummary | null = null;
  let inputsChanged = false;
  let lang: Lang;
  if (period === undefined || !data.results.some((r) => text(r.Period) === period)) {
    // Nothing to print from: the period is recalculated, and its rows are what the run wrote.
    recalculated = await runRecalculation(port, period ?? latestQuarter, options);
    lang = recalculated.lang;
    data = dataOf(recalculated);
  } else {
    // The language from the headers, and the fingerprint to compare with the period's RunLog row: nothing computed.
    const tables = forEngine((await readInputs(port)).tables);
    lang = workbookLang(findTables(tables).views);
    const was = data.inputHashes?.get(period);
    inputsChanged = was !== undefined && was !== hashTables(tables);
  }
  const finalPeriod = recalculated?.period ?? (period as string);
  const statements = statementsOf(data, finalPeriod);
  const sheets = statementsSheets(statements, finalPeriod, lang);
  // Where each sheet is now: an existing one where its table stands, a new one as the write says.
  const before = new Map((await port.listTables()).map((t) => [t.name.toLowerCase(), t.sheet]));
  const written = await port.writeTables([], sheets);
  const renamed = new Map(written.renamedSheets.map((r) => [r.table, r.sheet]));
  return {
    lang,
    period: finalPeriod,
    statements,
    recalculated,
    inputsChanged,
    sheets: sheets.map((s) => renamed.get(s.name) ?? before.get(s.name.toLowerCase()) ?? s.name),
    written,
  };
}
