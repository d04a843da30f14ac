/**
 * Pay statements inside Excel: what the pane's "Statements" button calls. Writes the Statements sheet
 * of a period (default: the period last recalculated, from RunLog) through the Office adapter, from
 * Results and Breakdown, recalculating first when Results has no row of the period.
 */
import { OfficeHost, OfficeWorkbook } from "../workbook/office/officeWorkbook";
import { RunOptions } from "./recalculate";
import { StatementsRun, writeStatements } from "./statements";

export interface StatementsInExcelOptions extends RunOptions {
  period?: string;
  /** The request budget (4 MB); smaller in tests. */
  budgetBytes?: number;
  /** Each sync with Excel, for counting round trips. */
  onSync?: (phase: "reading" | "writing") => void;
}

export async function statementsInExcel(host: OfficeHost, options: StatementsInExcelOptions = {}): Promise<StatementsRun> {
  const workbook = new OfficeWorkbook(host, {
    budgetBytes: options.budgetBytes,
    onSync: (phase, done, total) => {
      options.onSync?.(phase);
      if (phase === "writing") options.onProgress?.("writing", done, total);
    },
  });
  return writeStatements(workbook, options.period, options);
}
