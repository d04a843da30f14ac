/**
 * The ribbon's Recalculate and the task pane run in one page (the shared runtime: the pane opened later
 * is that same page, learn.microsoft.com/office/dev/add-ins/testing/runtimes), so a pane could go on
 * showing what it read before the ribbon's run. The command announces each run on the page's window; the
 * pane reads the workbook again when it hears it. A DOM event, so it reaches the pane whichever bundle sent it.
 */
const RECALCULATED = "kpi-recalculated";

/** Says that the workbook was recalculated (or a run ended) outside the pane. */
export function announceRun(): void {
  if (typeof window !== "undefined") window.dispatchEvent(new Event(RECALCULATED));
}

/** Calls `listener` after each announced run; returns what stops it. */
export function onRunElsewhere(listener: () => void): () => void {
  if (typeof window === "undefined") return () => undefined;
  window.addEventListener(RECALCULATED, listener);
  return () => window.removeEventListener(RECALCULATED, listener);
}
