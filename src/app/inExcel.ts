/**
 * The recalculation inside Excel: what the ribbon button, the task pane and `npm run office-sim` call,
 * one code path through the Office adapter. With no period given, the latest quarter that has Actuals
 * or Ratings rows is run.
 */
import { OfficeHost, OfficeWorkbook } from "../workbook/office/officeWorkbook";
import { latestQuarter } from "./periods";
import { RunOptions, RunSummary, runRecalculation } from "./recalculate";

export interface ExcelRunOptions extends RunOptions {
  period?: string;
  /** The request budget (4 MB); smaller in tests. */
  budgetBytes?: number;
  /** Each sync with Excel, for counting round trips. */
  onSync?: (phase: "reading" | "writing") => void;
}

export async function recalculateInExcel(host: OfficeHost, options: ExcelRunOptions = {}): Promise<RunSummary> {
  const workbook = new OfficeWorkbook(host, {
    budgetBytes: options.budgetBytes,
    onSync: (phase, done, total) => {
      options.onSync?.(phase);
      if (phase === "writing") options.onProgress?.("writing", done, total);
    },
  });
  return runRecalculation(workbook, options.period ?? latestQuarter, options);
}
