/**
 * `Excel.run` (docs-ref `excel.yml` run overloads; local office-js `ClientRequestContext._runCommon`):
 * - the batch must return a promise, else the run rejects with RunMustReturnPromise;
 * - after the batch's promise resolves, the run syncs once more ("`run` functions call `sync()` implicitly before
 *   they resolve their returned promise", docs-pr `develop/application-specific-api-model.md`), then resolves with
 *   the batch's value; if the batch rejects, nothing more is sent and the run rejects with that error;
 * - when the run ends, its objects are released: queueing work on them later throws InvalidObjectPath, unless a
 *   later run is given one of them (`Excel.run(object, batch)`), which reuses its context;
 * - RunOptions: delayForCellEdit, mergeUndoGroup (honoured from ExcelApi 1.20; below it is ignored).
 */
import { excelError } from "../errors";
import { RequestContextDouble } from "../objects/workbook";
import { Core, Environment } from "./core";
import { ClientObjectDouble, strict } from "./proxy";

type Batch<T> = (context: Excel.RequestContext) => Promise<T>;

export interface RunRecord {
  index: number;
  delayForCellEdit: boolean;
  mergeUndoGroup: boolean;
}

function coreOf(arg: unknown): Core | null {
  if (arg instanceof RequestContextDouble) return arg._core;
  if (arg instanceof ClientObjectDouble) return arg._core;
  if (Array.isArray(arg) && arg[0] instanceof ClientObjectDouble) return arg[0]._core;
  return null;
}

export function makeRun(env: Environment, runs: RunRecord[]): typeof Excel.run {
  async function run<T>(first: unknown, second?: unknown): Promise<T> {
    const batch = (typeof first === "function" ? first : second) as Batch<T>;
    const options = (typeof first === "function" ? {} : (first ?? {})) as Excel.RunOptions;
    let core = coreOf(first);
    const wasClosed = core ? core.closed : true;
    if (!core) {
      const index = ++env.stats.runs;
      const settings = { delayForCellEdit: options.delayForCellEdit === true, mergeUndoGroup: options.mergeUndoGroup === true, run: index };
      runs.push({ index, ...settings });
      core = new Core(env, settings);
      core.requestContext = strict(new RequestContextDouble(core), "RequestContext");
    }
    core.closed = false;
    try {
      if (typeof batch !== "function") throw excelError("InvalidArgument", "Excel.run", "The batch must be a function.");
      const result = batch(core.requestContext as unknown as Excel.RequestContext) as unknown;
      if (!result || typeof (result as Promise<T>).then !== "function") throw excelError("RunMustReturnPromise", "Excel.run");
      const value = await (result as Promise<T>);
      await core.sync();
      return value;
    } finally {
      // A run given an object of a run still going on shares its context and must not end it.
      core.closed = wasClosed;
    }
  }
  return run as unknown as typeof Excel.run;
}
