/**
 * A faithful double of Excel's JavaScript API, for testing the add-in's Office adapter without Excel: in Node tests
 * and, bundled, in place of office.js in a browser. It runs on an in-memory workbook (`book`), counts syncs and
 * payload sizes (`stats`), and can be made to fail like Excel does (`faults`). Browser-safe: no Node imports.
 * See README.md beside this file for what is modelled, what is not, and which behaviour is documented or inferred.
 */
import * as enums from "./enums";
import { Book } from "./model/book";
import { FormulaEvaluator, Language } from "./model/cells";
import { createOffice, OfficeLog } from "./office";
import { versionAtLeast } from "./runtime/apiSets";
import { Environment } from "./runtime/core";
import { strict } from "./runtime/proxy";
import { makeRun, RunRecord } from "./runtime/run";
import { Faults, Stats } from "./runtime/stats";

export { ExcelErrorDouble, ErrorCodes } from "./errors";
export type { ErrorCode } from "./errors";
export { Book } from "./model/book";
export type { CellInput, CellView, PlainData, PlainTable, PlainValue, TableView } from "./model/book";
export { PAYLOAD_LIMIT_BYTES, READ_CELL_LIMIT } from "./runtime/stats";
export type { SyncRecord, SyncFault, AppliedShare } from "./runtime/stats";
export { quoteSheetName } from "./address";

export interface ExcelDoubleOptions {
  /** Highest ExcelApi requirement set, e.g. "1.20" (the default). */
  apiVersion?: string;
  /** "web" applies Excel on the web's 5 MB payload limits; "desktop" does not. Default "web". */
  platform?: "web" | "desktop";
  displayLanguage?: Language;
  /** Other requirement sets for Office.context.requirements, e.g. { SharedRuntime: "1.1" }. */
  requirementSets?: Record<string, string>;
  /** Writing just below a table extends it (Excel's AutoCorrect default). Default true. */
  tableAutoExpand?: boolean;
  /** Value of a formula written by the add-in; undefined means "#NAME?" (the double computes nothing). */
  evaluateFormula?: FormulaEvaluator;
  /** Sheets to start with; default one sheet, "Sheet1". Pass [] for none (tests then add their own). */
  sheets?: string[];
  /** The workbook's date system counts from 1904 (Mac Excel before 2011). Default false. */
  date1904?: boolean;
}

export interface ExcelDouble {
  run: typeof Excel.run;
  /** Namespace-like: `run` and the enums the double knows; anything else throws ApiNotFound. */
  Excel: typeof Excel;
  Office: typeof Office;
  OfficeExtension: typeof OfficeExtension;
  book: Book;
  stats: Stats;
  faults: Faults;
  /** Each Excel.run with its options. */
  runs: RunRecord[];
  /** What the add-in did through Office: task pane shown, ribbon updates, actions associated and completed. */
  office: OfficeLog;
  /** Clicks a ribbon button bound with Office.actions.associate; resolves when its handler calls completed(). */
  invokeAction(name: string): Promise<void>;
  options: Required<Pick<ExcelDoubleOptions, "apiVersion" | "platform" | "displayLanguage">>;
}

export function createExcelDouble(options: ExcelDoubleOptions = {}): ExcelDouble {
  const apiVersion = options.apiVersion ?? "1.20";
  const platform = options.platform ?? "web";
  const displayLanguage = options.displayLanguage ?? "en-US";
  const book = new Book({ language: displayLanguage, tableAutoExpand: options.tableAutoExpand ?? true, date1904: options.date1904 ?? false });
  for (const name of options.sheets ?? ["Sheet1"]) book.addSheet(name);
  const stats = new Stats();
  const faults = new Faults(stats);
  const env: Environment = {
    book,
    stats,
    faults,
    platform,
    supports: (version) => versionAtLeast(apiVersion, version),
    input: { language: displayLanguage, evaluate: options.evaluateFormula },
  };
  const runs: RunRecord[] = [];
  const run = makeRun(env, runs);
  const office = createOffice({ platform, displayLanguage, apiVersion, requirementSets: options.requirementSets ?? {} });
  const excel = strict({ run, ...enums }, "Excel") as unknown as typeof Excel;
  return {
    run,
    Excel: excel,
    Office: office.Office,
    OfficeExtension: office.OfficeExtension,
    book,
    stats,
    faults,
    runs,
    office: office.log,
    invokeAction: office.invokeAction,
    options: { apiVersion, platform, displayLanguage },
  };
}

/** Makes the double the page's (or the test's) `Excel`, `Office` and `OfficeExtension`. Returns an undo. */
export function installGlobals(double: ExcelDouble): () => void {
  const g = globalThis as Record<string, unknown>;
  const saved = { Excel: g.Excel, Office: g.Office, OfficeExtension: g.OfficeExtension };
  g.Excel = double.Excel;
  g.Office = double.Office;
  g.OfficeExtension = double.OfficeExtension;
  return () => {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete g[k];
      else g[k] = v;
    }
  };
}
