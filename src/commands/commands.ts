/* global Office */

/**
 * Ribbon "Recalculate quarter": opens the pane, where the period is chosen and the run reported.
 * Runs in the shared runtime, so the pane and the functions share state with it.
 */
async function recalculateQuarter(event: Office.AddinCommands.Event): Promise<void> {
  try {
    await Office.addin.showAsTaskpane();
  } finally {
    event.completed();
  }
}

if (typeof Office !== "undefined") {
  Office.onReady(() => Office.actions.associate("recalculateQuarter", recalculateQuarter));
}
