/**
 * The request context: the queue of pending operations and `sync()`.
 *
 * A sync sends the queue as one request and runs it in order (docs-pr `develop/application-specific-api-model.md`,
 * "sync()"). Loads run in their place in the queue, so a load queued before a write sees the old value. A sync with
 * nothing queued does not reach Excel (the runtime returns at once when the request has no actions: local
 * office-js `ClientRequestContext.syncPrivate`). When an operation fails, the sync rejects with its error, the
 * operations before it stay applied and the rest are dropped (**inference**: no rollback is documented).
 * Payload-limit, cell-edit and five-million-cell failures apply nothing. Loaded values become readable only when
 * the sync succeeds. Undo grouping: inside `Excel.run({ mergeUndoGroup: true })` (ExcelApi 1.20) an operation
 * without undo support fails with UndoNotSupported (docs-pr `excel/excel-add-ins-undo-capabilities.md`).
 */
import { ExcelErrorDouble, excelError } from "../errors";
import type { Book } from "../model/book";
import type { InputContext } from "../model/cells";
import { jsonBytes, utf8Length } from "./bytes";
import type { AnyDouble, ClientResultDouble } from "./proxy";
import { Faults, PAYLOAD_LIMIT_BYTES, Stats, SyncRecord } from "./stats";

/** Undo support per the unsupported-APIs table: none, or none on Windows and Mac only. */
export type UndoSupport = "supported" | "unsupported" | "unsupportedOnDesktop";

export interface Op {
  location: string;
  owner: object;
  args: unknown;
  undo: UndoSupport;
  apply(): void;
}

export interface Environment {
  book: Book;
  stats: Stats;
  faults: Faults;
  platform: "web" | "desktop";
  supports(version: string): boolean;
  input: InputContext;
}

export interface RunSettings {
  delayForCellEdit: boolean;
  mergeUndoGroup: boolean;
  run: number;
}

/** Errors after which Excel applies nothing of the sync: the double undoes what it applied. */
const wholeSyncErrors = new WeakSet<object>();

export function wholeSync(error: ExcelErrorDouble): ExcelErrorDouble {
  wholeSyncErrors.add(error);
  return error;
}

export class Core {
  private pending: Op[] = [];
  private staged = new Map<AnyDouble, Map<string, unknown>>();
  private stagedNull = new Map<AnyDouble, boolean>();
  private stagedResults = new Map<ClientResultDouble<unknown>, unknown>();
  private responseBytes = 0;
  private record: SyncRecord | null = null;
  private syncing: Promise<unknown> = Promise.resolve();
  closed = false;
  /** The public RequestContext, set by the context class. */
  requestContext: object = {};

  constructor(
    readonly env: Environment,
    readonly settings: RunSettings,
  ) {}

  get book(): Book {
    return this.env.book;
  }

  supports(version: string): boolean {
    return this.env.supports(version);
  }

  queue(op: Op): void {
    if (this.closed) throw excelError("InvalidObjectPath", op.location, "The Excel.run batch this object belongs to has finished.");
    this.pending.push(op);
  }

  stage(owner: AnyDouble, prop: string, value: unknown): void {
    let props = this.staged.get(owner);
    if (!props) this.staged.set(owner, (props = new Map()));
    props.set(prop, value);
    if (prop !== "items") this.responseBytes += jsonBytes(prop) + 1 + jsonBytes(value);
  }

  stageNull(owner: AnyDouble, isNull: boolean): void {
    this.stagedNull.set(owner, isNull);
  }

  stageResult(result: ClientResultDouble<unknown>, value: unknown): void {
    this.stagedResults.set(result, value);
    this.responseBytes += jsonBytes(value);
  }

  markSuspension(kind: "calculation" | "screenUpdating"): void {
    if (!this.record) return;
    if (kind === "calculation") this.record.calculationSuspended = true;
    else this.record.screenUpdatingSuspended = true;
  }

  /** `context.sync()`: one request at a time per context, as the runtime queues them. */
  sync<T>(passThroughValue?: T): Promise<T> {
    const next = this.syncing.then(
      () => this.syncNow(),
      () => this.syncNow(),
    );
    this.syncing = next.catch(() => undefined);
    return next.then(() => passThroughValue as T);
  }

  private async syncNow(): Promise<void> {
    const { stats, faults, book } = this.env;
    stats.syncCalls++;
    const ops = this.pending;
    this.pending = [];
    if (ops.length === 0) return;
    while (faults.cellEditMode) {
      if (!this.settings.delayForCellEdit) {
        this.countFailed(ops, "InvalidOperationInCellEditMode");
        throw excelError("InvalidOperationInCellEditMode");
      }
      await faults.waitForCellEditExit();
    }
    const record = this.startRecord(ops);
    const web = this.env.platform === "web";
    if (web && record.requestBytes > PAYLOAD_LIMIT_BYTES) {
      record.error = "RequestPayloadSizeLimitExceeded";
      throw excelError("RequestPayloadSizeLimitExceeded", undefined, `Request of ${record.requestBytes} bytes; the limit is ${PAYLOAD_LIMIT_BYTES}.`);
    }
    const fault = faults.take(record.index);
    const share = !fault ? ops.length : fault.applied === "all" ? ops.length : fault.applied === "half" ? Math.floor(ops.length / 2) : 0;
    book.beginJournal();
    try {
      for (let i = 0; i < share; i++) this.applyOne(ops[i]!);
      if (fault) throw new ExcelErrorDouble(fault.code, fault.message ?? `Injected failure of sync ${record.index}.`, { errorLocation: ops[share]?.location });
      record.responseBytes = this.responseBytes;
      stats.maxResponseBytes = Math.max(stats.maxResponseBytes, this.responseBytes);
      if (web && this.responseBytes > PAYLOAD_LIMIT_BYTES) {
        throw wholeSync(
          excelError("ResponsePayloadSizeLimitExceeded", undefined, `Response of ${this.responseBytes} bytes; the limit is ${PAYLOAD_LIMIT_BYTES}.`),
        );
      }
    } catch (error) {
      if (wholeSyncErrors.has(error as object)) book.rollbackJournal();
      else book.commitJournal();
      record.error = (error as { code?: string }).code ?? "Error";
      this.clearStaged();
      throw error;
    }
    book.commitJournal();
    this.commitStaged();
  }

  private applyOne(op: Op): void {
    if (this.settings.mergeUndoGroup && this.supports("1.20")) {
      const unsupported = op.undo === "unsupported" || (op.undo === "unsupportedOnDesktop" && this.env.platform === "desktop");
      if (unsupported) throw excelError("UndoNotSupported", op.location, `${op.location} has no undo support.`);
    }
    try {
      op.apply();
    } catch (error) {
      if (error instanceof ExcelErrorDouble && !error.debugInfo.errorLocation) error.debugInfo.errorLocation = op.location;
      throw error;
    }
  }

  private startRecord(ops: Op[]): SyncRecord {
    const { stats } = this.env;
    const index = ++stats.syncs;
    const record: SyncRecord = {
      index,
      run: this.settings.run,
      operations: ops.length,
      requestBytes: requestBytes(ops),
      responseBytes: 0,
      calculationSuspended: false,
      screenUpdatingSuspended: false,
    };
    stats.records.push(record);
    stats.maxRequestBytes = Math.max(stats.maxRequestBytes, record.requestBytes);
    this.record = record;
    this.responseBytes = 0;
    return record;
  }

  private countFailed(ops: Op[], code: string): void {
    const record = this.startRecord(ops);
    record.error = code;
  }

  private clearStaged(): void {
    this.staged.clear();
    this.stagedNull.clear();
    this.stagedResults.clear();
    this.record = null;
  }

  private commitStaged(): void {
    for (const [owner, isNull] of this.stagedNull) owner._isNull = isNull;
    for (const [owner, props] of this.staged) for (const [k, v] of props) owner._loaded.set(k, v);
    for (const [result, value] of this.stagedResults) {
      result._value = value;
      result._loaded = true;
    }
    this.clearStaged();
  }
}

/**
 * The request as the runtime would send it, in the shape of Office.js's RequestMessageBody: each object
 * path as an ObjectPathInfo ({"Id","ObjectPathType","Name","ParentObjectPathId","ArgumentInfo"}, one per
 * step of the proxy's path, so `worksheets.getItem("S").getRange("A1").format.font` is four) with the
 * Instantiate action the runtime sends for it (ActionType 1), and each call as an ActionInfo
 * ({"Id","ActionType","Name","ObjectPathId","ArgumentInfo"}) with its arguments. Steps shared by two
 * proxies are counted for each (the runtime shares them only when the code reuses the parent proxy).
 * Field names from the runtime's own types (OfficeDev/office-js, dist/excel.debug.js: ActionInfo,
 * ObjectPathInfo, RequestMessageBody). The names and arguments are counted as JSON; each record's fixed
 * fields as the bytes they take when written.
 */
function requestBytes(ops: Op[]): number {
  const owners = new Set<object>();
  let bytes = jsonBytes({ Actions: [], ObjectPaths: {} });
  for (const op of ops) {
    if (!owners.has(op.owner)) {
      owners.add(op.owner);
      const path = (op.owner as { _path?: string })._path ?? "";
      // {"Id":12,"ObjectPathType":4,"Name":"","ParentObjectPathId":11} and its Instantiate action, per step.
      bytes += PATH_RECORD_BYTES * stepsOf(path) + utf8Length(path);
    }
    // {"Id":13,"ActionType":4,"Name":"","ObjectPathId":12,"ArgumentInfo":{"Arguments":[]}}, then name and arguments.
    bytes += ACTION_RECORD_BYTES + utf8Length(op.location) + jsonBytes(op.args);
  }
  return bytes;
}

const PATH_RECORD_BYTES =
  '"12":{"Id":12,"ObjectPathType":4,"Name":"","ParentObjectPathId":11},'.length + '{"Id":13,"ActionType":1,"Name":"","ObjectPathId":12},'.length;
const ACTION_RECORD_BYTES = '{"Id":13,"ActionType":4,"Name":"","ObjectPathId":12,"ArgumentInfo":{"Arguments":[]}},'.length;

/** The steps of a proxy's path: its dots outside parentheses and quotes, plus one. */
function stepsOf(path: string): number {
  let steps = 1;
  let depth = 0;
  let quote = "";
  for (const ch of path) {
    if (quote) {
      if (ch === quote) quote = "";
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === "(") depth++;
    else if (ch === ")") depth--;
    else if (ch === "." && depth === 0) steps++;
  }
  return steps;
}
