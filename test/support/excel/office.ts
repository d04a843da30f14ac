/**
 * The `Office` and `OfficeExtension` globals, as far as the add-in uses them (docs-ref `office/office.yml` and
 * `office.context.yml`, `office.requirementsetsupport.yml`, `office.actions.yml`, `office.addin.yml`,
 * `office.ribbon.yml`). At run time Office.js gives `host: "Excel"` and `platform: "OfficeOnline"` / `"PC"`
 * (strings, although @types/office-js declares numeric enums). `isSetSupported("ExcelApi", v)` answers from the
 * double's apiVersion; a number is read as JavaScript prints it, so 1.20 is "1.2" — the same trap as in Office.
 * A function command's handler "must call event.completed()" (docs-pr `develop/create-addin-commands.md`);
 * `invokeAction` resolves when it does.
 */
import { ExcelErrorDouble, ErrorCodes } from "./errors";
import { versionAtLeast } from "./runtime/apiSets";
import { ClientResultDouble, strict } from "./runtime/proxy";

export interface OfficeOptions {
  platform: "web" | "desktop";
  displayLanguage: string;
  apiVersion: string;
  /** Other requirement sets and their highest version, e.g. { SharedRuntime: "1.1" }. */
  requirementSets: Record<string, string>;
}

export interface OfficeLog {
  /** Dialogs opened with Office.context.ui.displayDialogAsync: their address and options. */
  /**
   * Dialogs asked for with Office.context.ui.displayDialogAsync: their address and options, whether it opened
   * (not while another from this page is open: error 12007), and whether it has been closed since.
   */
  dialogs: { url: string; options?: Office.DialogOptions; opened: boolean; closed: boolean }[];
  taskpaneShown: number;
  taskpaneHidden: number;
  ribbonUpdates: unknown[];
  associated: string[];
  completions: { action: string; options?: unknown }[];
}

export const DEFAULT_SETS: Record<string, string> = {
  SharedRuntime: "1.2",
  CustomFunctionsRuntime: "1.4",
  RibbonApi: "1.1",
  AddinCommands: "1.3",
  DialogApi: "1.2",
};

export function createOffice(options: OfficeOptions) {
  const log: OfficeLog = { dialogs: [], taskpaneShown: 0, taskpaneHidden: 0, ribbonUpdates: [], associated: [], completions: [] };
  const handlers = new Map<string, (arg?: unknown) => void>();
  const platform = options.platform === "web" ? "OfficeOnline" : "PC";
  const sets: Record<string, string> = { ...DEFAULT_SETS, ...options.requirementSets, ExcelApi: options.apiVersion };
  if (options.platform === "web") sets.ExcelApiOnline = sets.ExcelApiOnline ?? "1.1";

  const requirements: Office.RequirementSetSupport = {
    isSetSupported(name: string, minVersion?: string | number): boolean {
      const have = sets[name];
      if (have === undefined) return false;
      return minVersion === undefined ? true : versionAtLeast(have, String(minVersion));
    },
  };

  // Dialog API (docs-ref office.ui.yml: displayDialogAsync(startAddress, options, callback)); the dialog is recorded, not shown.
  const ui = strict(
    {
      displayDialogAsync(
        startAddress: string,
        optionsOrCallback?: Office.DialogOptions | ((r: Office.AsyncResult<Office.Dialog>) => void),
        callback?: (r: Office.AsyncResult<Office.Dialog>) => void,
      ): void {
        const opts = typeof optionsOrCallback === "function" ? undefined : optionsOrCallback;
        const cb = typeof optionsOrCallback === "function" ? optionsOrCallback : callback;
        // "A host page can have only one dialog box open at a time" (dialog-best-practices); another gets
        // error 12007, "A dialog box is already opened from this host window" (dialog-handle-errors-events).
        const busy = log.dialogs.some((d) => d.opened && !d.closed);
        const record = { url: startAddress, ...(opts ? { options: opts } : {}), opened: !busy, closed: false };
        log.dialogs.push(record);
        const dialog = {
          close() {
            record.closed = true;
          },
          addEventHandler() {},
          messageChild() {},
          sendMessage() {},
        } as unknown as Office.Dialog;
        const result = (busy
          ? {
              status: "failed",
              value: undefined,
              error: { code: 12007, name: "Display Dialog Error", message: "A dialog box is already opened from this host window." },
            }
          : { status: "succeeded", value: dialog, error: undefined }) as unknown as Office.AsyncResult<Office.Dialog>;
        Promise.resolve().then(() => cb?.(result));
      },
    } satisfies Pick<Office.UI, "displayDialogAsync">,
    "Office.context.ui",
  );
  const typedContext = {
    displayLanguage: options.displayLanguage,
    contentLanguage: options.displayLanguage,
    requirements,
    ui: ui as unknown as Office.UI,
  } satisfies Pick<Office.Context, "displayLanguage" | "contentLanguage" | "requirements" | "ui">;
  const context = strict({ ...typedContext, platform, host: "Excel" }, "Office.context");

  const info = { host: "Excel", platform } as unknown as { host: Office.HostType; platform: Office.PlatformType };

  const office = {
    context: context as unknown as Office.Context,
    HostType: { Word: "Word", Excel: "Excel", PowerPoint: "PowerPoint", Outlook: "Outlook", OneNote: "OneNote", Project: "Project", Access: "Access" },
    PlatformType: { PC: "PC", OfficeOnline: "OfficeOnline", Mac: "Mac", iOS: "iOS", Android: "Android", Universal: "Universal" },
    // office.js's values (the typings declare the enum without them): an AsyncResult's status is one of these strings.
    AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
    onReady(
      callback?: (i: { host: Office.HostType; platform: Office.PlatformType }) => unknown,
    ): Promise<{ host: Office.HostType; platform: Office.PlatformType }> {
      return Promise.resolve().then(() => {
        callback?.(info);
        return info;
      });
    },
    actions: strict(
      {
        associate(actionId: string, actionFunction: (arg?: any) => void): void {
          handlers.set(actionId, actionFunction);
          log.associated.push(actionId);
        },
      } satisfies Pick<Office.Actions, "associate">,
      "Office.actions",
    ),
    addin: strict(
      {
        showAsTaskpane(): Promise<void> {
          log.taskpaneShown++;
          return Promise.resolve();
        },
        hide(): Promise<void> {
          log.taskpaneHidden++;
          return Promise.resolve();
        },
      } satisfies Pick<Office.Addin, "showAsTaskpane" | "hide">,
      "Office.addin",
    ),
    ribbon: strict(
      {
        requestUpdate(input: Office.RibbonUpdaterData): Promise<void> {
          log.ribbonUpdates.push(JSON.parse(JSON.stringify(input)));
          return Promise.resolve();
        },
      } satisfies Pick<Office.Ribbon, "requestUpdate">,
      "Office.ribbon",
    ),
  };

  /** Clicks a ribbon button bound with Office.actions.associate; resolves when the handler calls completed(). */
  function invokeAction(name: string): Promise<void> {
    const handler = handlers.get(name);
    if (!handler) return Promise.reject(new Error(`No action associated with "${name}"`));
    return new Promise<void>((resolve, reject) => {
      const event = {
        source: { id: name },
        completed(completedOptions?: unknown): void {
          log.completions.push({ action: name, ...(completedOptions !== undefined ? { options: completedOptions } : {}) });
          resolve();
        },
      };
      try {
        const out = handler(event) as unknown;
        if (out && typeof (out as Promise<unknown>).then === "function") (out as Promise<unknown>).catch(reject);
      } catch (error) {
        reject(error);
      }
    });
  }

  office.onReady satisfies typeof Office.onReady;

  const officeExtension = strict(
    {
      Error: ExcelErrorDouble,
      ErrorCodes: {
        accessDenied: "AccessDenied",
        generalException: ErrorCodes.generalException,
        activityLimitReached: "ActivityLimitReached",
        invalidObjectPath: ErrorCodes.invalidObjectPath,
        propertyNotLoaded: ErrorCodes.propertyNotLoaded,
        valueNotLoaded: ErrorCodes.valueNotLoaded,
        invalidRequestContext: "InvalidRequestContext",
        invalidArgument: ErrorCodes.invalidArgument,
        runMustReturnPromise: ErrorCodes.runMustReturnPromise,
        cannotRegisterEvent: "CannotRegisterEvent",
        apiNotFound: ErrorCodes.apiNotFound,
        connectionFailure: "ConnectionFailure",
      },
      ClientResult: ClientResultDouble,
      config: { extendedErrorLogging: false },
    },
    "OfficeExtension",
  );

  return {
    Office: strict(office, "Office") as unknown as typeof Office,
    OfficeExtension: officeExtension as unknown as typeof OfficeExtension,
    log,
    invokeAction,
  };
}
