/**
 * The one place where operations meet context.sync(): they are queued in order and synced whenever
 * the next one would take the request past the 4 MB budget, calculation suspended until each sync
 * (Application.suspendApiCalculationUntilNextSync, ExcelApi 1.6: "only formula calculations are
 * suspended", learn.microsoft.com/office/dev/add-ins/excel/performance). So a write of any size takes
 * one sync per budget's worth of values, never one per table or row.
 */
import { BUDGET_BYTES } from "./payload";

export interface QueuedOp<T> {
  /** Bytes it adds to the request (the values and formats it carries, and a little for the call). */
  bytes: number;
  target: T;
  queue: (context: Excel.RequestContext) => void;
}

export async function runInSyncs<T>(
  context: Excel.RequestContext,
  ops: ReadonlyArray<QueuedOp<T>>,
  budget = BUDGET_BYTES,
  onQueued?: (op: QueuedOp<T>) => void,
  onSync?: (done: number, total: number) => void,
): Promise<void> {
  const total = ops.reduce((a, o) => a + o.bytes, 0);
  let done = 0;
  let i = 0;
  while (i < ops.length) {
    context.workbook.application.suspendApiCalculationUntilNextSync();
    let bytes = 0;
    const first = i;
    while (i < ops.length && (i === first || bytes + ops[i].bytes <= budget)) {
      bytes += ops[i].bytes;
      onQueued?.(ops[i]);
      ops[i].queue(context);
      i++;
    }
    // One sync per budget's worth of operations: the loop is over blocks, not tables or rows.
    // eslint-disable-next-line office-addins/no-context-sync-in-loop -- each sync carries up to 4 MB of requests
    await context.sync();
    done += bytes;
    onSync?.(done, total);
  }
}
