/* global Office, Excel */

/**
 * Ribbon "Recalculate latest quarter": runs the latest assessed quarter through the Office adapter without
 * opening the pane, then activates Results (or Issues, when some employee is Error) and shows the
 * outcome in a small dialog. Runs in the shared runtime; every path calls event.completed(), which
 * Excel requires before it runs the next click ("You must implement event.completed, otherwise your
 * function won't run": learn.microsoft.com/office/dev/add-ins/develop/create-addin-commands).
 * The dialog: Office.context.ui.displayDialogAsync (DialogApi 1.1), learn.microsoft.com/office/dev/add-ins/develop/dialog-api-in-office-add-ins.
 */
import { recalculateInExcel } from "../app/inExcel";
import { announceRun } from "../app/runSignal";
import { Outcome, failureOf, outcomeOf, outcomeQuery } from "../app/outcome";
import { Lang } from "../engine/errors";
import { displayLang } from "../functions/excelError";
import { OfficeHost } from "../workbook/office/officeWorkbook";

export function officeHost(): OfficeHost {
  return { run: Excel.run, isSetSupported: (name, version) => Office.context.requirements.isSetSupported(name, version) };
}

/** Brings the table to look at into view. */
async function activate(table: "Results" | "Issues"): Promise<void> {
  await Excel.run(async (context) => {
    const t = context.workbook.tables.getItemOrNullObject(table);
    await context.sync();
    if (t.isNullObject) return;
    t.worksheet.activate();
    t.getHeaderRowRange().getCell(0, 0).select();
    await context.sync();
  });
}

/** The outcome dialog this page has open: a page may have only one ("12007: a dialog box is already opened from this host window"). */
let openDialog: Office.Dialog | null = null;

/**
 * Shows the outcome in a dialog (the page outcome.html beside the pane), closing the last run's first if
 * the user left it open, so a second click's outcome is never lost to error 12007
 * (learn.microsoft.com/office/dev/add-ins/develop/dialog-handle-errors-events).
 */
function show(outcome: Outcome, lang: Lang): Promise<void> {
  const base = typeof location !== "undefined" ? location.href.replace(/[^/]*([?#].*)?$/, "") : "";
  if (openDialog) {
    try {
      openDialog.close();
    } catch {
      // Already closed by the user.
    }
    openDialog = null;
  }
  return new Promise((resolve) => {
    Office.context.ui.displayDialogAsync(`${base}outcome.html?${outcomeQuery(outcome, lang)}`, { height: 30, width: 30, displayInIframe: true }, (result) => {
      if (result.status === Office.AsyncResultStatus.Succeeded) openDialog = result.value;
      resolve();
    });
  });
}

export async function recalculateQuarter(event: Office.AddinCommands.Event): Promise<void> {
  const lang = displayLang();
  try {
    const summary = await recalculateInExcel(officeHost());
    const outcome = outcomeOf(summary, lang);
    // Where to look is a help, not a condition: a hidden sheet is simply not brought forward.
    if (outcome.look) await activate(outcome.look).catch(() => undefined);
    await show(outcome, lang);
  } catch (e) {
    try {
      await show(failureOf(e, lang), lang);
    } catch {
      // Nothing more can be shown; the click still completes.
    }
  } finally {
    // A pane open beside the ribbon (or opened later: the same page) reads the workbook again.
    announceRun();
    event.completed();
  }
}

/** Binds the ribbon's FunctionName (manifest.xml) to its handler. */
export function register(): void {
  Office.actions.associate("recalculateQuarter", recalculateQuarter);
}

if (typeof Office !== "undefined") Office.onReady(register);
