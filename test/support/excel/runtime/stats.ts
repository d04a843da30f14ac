/**
 * What the double counts (syncs, payload sizes) and the faults a test can inject.
 *
 * Payload limit: "Excel on the web limits requests and responses to 5 MB. The API returns a RichAPI.Error error
 * if this limit is exceeded." (docs-pr `excel/performance.md`, "Payload size limit best practices"; also
 * `concepts/resource-limits-and-performance-optimization.md`). The double takes 5 MB as 5·1024·1024 bytes of UTF-8
 * JSON (**inference**: the docs give no byte count or encoding; the request counts object paths and actions as
 * well as values, as the same page says). Error codes RequestPayloadSizeLimitExceeded /
 * ResponsePayloadSizeLimitExceeded "only occur in Office on the web" (error table).
 *
 * Cell edit: with `delayForCellEdit` false (the default) "if the user is in cell edit when the batch request is
 * processed by the host, the batch automatically fails"; when true the batch "is delayed until the user exits cell
 * edit mode" (docs-ref `excel.runoptions.yml`). Code and message: InvalidOperationInCellEditMode (error table and
 * the runtime's resource string; the how-to page's "InvalidOperation" is the older wording).
 */
import { ErrorCode } from "../errors";

export const PAYLOAD_LIMIT_BYTES = 5 * 1024 * 1024;
/** "On all platforms, a range is limited to five million cells for get operations." (docs-pr `excel/performance.md`) */
export const READ_CELL_LIMIT = 5_000_000;

export interface SyncRecord {
  /** 1-based, over the double's life (failed syncs count). */
  index: number;
  run: number;
  operations: number;
  requestBytes: number;
  responseBytes: number;
  calculationSuspended: boolean;
  screenUpdatingSuspended: boolean;
  /** Code of the error the sync rejected with, if it did. */
  error?: string;
}

export class Stats {
  /** Round trips to Excel: syncs with queued work (an empty sync never leaves the add-in). */
  syncs = 0;
  /** Every `context.sync()` call, including empty ones and the implicit one at the end of a run. */
  syncCalls = 0;
  runs = 0;
  records: SyncRecord[] = [];
  maxRequestBytes = 0;
  maxResponseBytes = 0;
  /** Calls of suspendScreenUpdatingUntilNextSync (the docs warn that repeated calls make Excel flicker). */
  screenUpdatingSuspensions = 0;

  get failedSyncs(): number {
    return this.records.filter((r) => r.error).length;
  }

  reset(): void {
    this.syncs = 0;
    this.syncCalls = 0;
    this.runs = 0;
    this.records = [];
    this.maxRequestBytes = 0;
    this.maxResponseBytes = 0;
    this.screenUpdatingSuspensions = 0;
  }
}

export type AppliedShare = "none" | "half" | "all";

export interface SyncFault {
  code: ErrorCode | string;
  applied: AppliedShare;
  message?: string;
}

export class Faults {
  private editing = false;
  private waiters: (() => void)[] = [];
  private planned = new Map<number, SyncFault>();

  constructor(private readonly stats: Stats) {}

  /** While true, syncs fail (or wait, with delayForCellEdit) as when the user is editing a cell. */
  get cellEditMode(): boolean {
    return this.editing;
  }

  set cellEditMode(on: boolean) {
    this.editing = on;
    if (!on) this.release();
  }

  enterCellEdit(): void {
    this.editing = true;
  }

  /** The user presses Enter: batches waiting with delayForCellEdit go on. */
  exitCellEdit(): void {
    this.editing = false;
    this.release();
  }

  /** How many syncs are waiting for the user to leave cell edit. */
  get waitingForCellEdit(): number {
    return this.waiters.length;
  }

  waitForCellEditExit(): Promise<void> {
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  /**
   * The n-th sync from now (1-based, counting round trips) rejects with `code` after applying none, half (rounded
   * down) or all of its queued operations. Real Excel documents no rollback, so "half" is the default.
   */
  failAtSync(n: number, fault: Partial<SyncFault> = {}): void {
    if (!Number.isInteger(n) || n < 1) throw new Error("failAtSync: n counts syncs from 1");
    this.planned.set(this.stats.syncs + n, { code: fault.code ?? "GeneralException", applied: fault.applied ?? "half", message: fault.message });
  }

  /** The fault planned for this sync index, removed once taken. */
  take(index: number): SyncFault | undefined {
    const fault = this.planned.get(index);
    this.planned.delete(index);
    return fault;
  }

  clear(): void {
    this.planned.clear();
    this.cellEditMode = false;
  }

  private release(): void {
    const waiting = this.waiters;
    this.waiters = [];
    for (const resolve of waiting) resolve();
  }
}
