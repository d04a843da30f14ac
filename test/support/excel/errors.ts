/**
 * The double's `OfficeExtension.Error`: what a rejected `context.sync()` (or a proxy read) gives.
 *
 * Shape from docs-ref `office/officeextension.error.yml` and `officeextension.debuginfo.yml`
 * (code, message, debugInfo {code, message, errorLocation, statement, …}, traceMessages, innerError);
 * `name` is "RichApi.Error" and `toString()` is "code: message" as the runtime sets them (local
 * office-js `dist/excel-web-16.00.debug.js`, `_Internal.RuntimeError`).
 * Messages are those of the error table in docs-pr `docs/testing/application-specific-api-error-handling.md`,
 * except the runtime-only ones (PropertyNotLoaded, ValueNotLoaded, InvalidOperationInCellEditMode, ApiNotFound
 * with details), taken from the runtime's resource strings. Excel localizes `message`; the double always
 * speaks English (codes are never localized, so code must be what an add-in branches on).
 */

export const ErrorCodes = {
  apiNotFound: "ApiNotFound",
  generalException: "GeneralException",
  insertDeleteConflict: "InsertDeleteConflict",
  invalidArgument: "InvalidArgument",
  invalidObjectPath: "InvalidObjectPath",
  invalidOperation: "InvalidOperation",
  invalidOperationInCellEditMode: "InvalidOperationInCellEditMode",
  invalidReference: "InvalidReference",
  itemAlreadyExists: "ItemAlreadyExists",
  itemNotFound: "ItemNotFound",
  mergedRangeConflict: "MergedRangeConflict",
  nonBlankCellOffSheet: "NonBlankCellOffSheet",
  notImplemented: "NotImplemented",
  propertyNotLoaded: "PropertyNotLoaded",
  rangeExceedsLimit: "RangeExceedsLimit",
  requestPayloadSizeLimitExceeded: "RequestPayloadSizeLimitExceeded",
  responsePayloadSizeLimitExceeded: "ResponsePayloadSizeLimitExceeded",
  runMustReturnPromise: "RunMustReturnPromise",
  undoNotSupported: "UndoNotSupported",
  valueNotLoaded: "ValueNotLoaded",
} as const;

export type ErrorCode = (typeof ErrorCodes)[keyof typeof ErrorCodes];

const messages: Record<ErrorCode, string> = {
  ApiNotFound: "The API you are trying to use could not be found. It may be available in a newer version of the Office application.",
  GeneralException: "There was an internal error while processing the request.",
  InsertDeleteConflict: "The insert or delete operation attempted resulted in a conflict.",
  InvalidArgument: "The argument is invalid or missing or has an incorrect format.",
  InvalidObjectPath:
    'The object path isn\'t working for what you\'re trying to do. If you\'re using the object across multiple "context.sync" calls and outside the sequential execution of a ".run" batch, please use the "context.trackedObjects.add()" and "context.trackedObjects.remove()" methods to manage the object\'s lifetime.',
  InvalidOperation: "The operation attempted is invalid on the object.",
  InvalidOperationInCellEditMode:
    "Excel is in cell-editing mode. Please exit the edit mode by pressing ENTER or TAB or selecting another cell, and then try again.",
  InvalidReference: "This reference is not valid for the current operation.",
  ItemAlreadyExists: "The resource being created already exists.",
  ItemNotFound: "The requested resource doesn't exist.",
  MergedRangeConflict:
    "Cannot complete the operation. A table can't overlap with another table, a PivotTable report, query results, merged cells, or an XML Map.",
  NonBlankCellOffSheet: "Microsoft Excel can't insert new cells because it would push non-empty cells off the end of the worksheet.",
  NotImplemented: "The requested feature isn't implemented.",
  PropertyNotLoaded:
    "The property '{0}' is not available. Before reading the property's value, call the load method on the containing object and call \"context.sync()\" on the associated request context.",
  RangeExceedsLimit: "The cell count in the range has exceeded the maximum supported number.",
  RequestPayloadSizeLimitExceeded: "The request payload size has exceeded the limit.",
  ResponsePayloadSizeLimitExceeded: "The response payload size has exceeded the limit.",
  RunMustReturnPromise:
    'The batch function passed to the ".run" method didn\'t return a promise. The function must return a promise, so that any automatically-tracked objects can be released at the completion of the batch operation.',
  UndoNotSupported: "The JavaScript API request failed due to lack of support for the undo operation.",
  ValueNotLoaded:
    'The value of the result object has not been loaded yet. Before reading the value property, call "context.sync()" on the associated request context.',
};

export interface DebugInfoDouble {
  code: string;
  message: string;
  errorLocation?: string;
  statement?: string;
  surroundingStatements?: string[];
  fullStatements?: string[];
  innerError?: DebugInfoDouble | string;
}

/** Structurally an `OfficeExtension.Error` (the class declared in @types/office-js). */
export class ExcelErrorDouble extends Error implements OfficeExtension.Error {
  override name = "RichApi.Error";
  code: string;
  debugInfo: DebugInfoDouble;
  traceMessages: string[] = [];
  innerError: OfficeExtension.Error = null as unknown as OfficeExtension.Error;
  httpStatusCode: number;
  declare stack: string;

  constructor(code: string, message: string, debugInfo: Partial<DebugInfoDouble> = {}) {
    super(message);
    Object.setPrototypeOf(this, new.target.prototype);
    this.code = code;
    this.debugInfo = { code, message, ...debugInfo };
    this.httpStatusCode = code === "InvalidArgument" || code === "PropertyNotLoaded" ? 400 : code === "ApiNotFound" ? 404 : 500;
  }

  override toString(): string {
    return `${this.code}: ${this.message}`;
  }
}

/** An Excel error with the documented message for its code. */
export function excelError(code: ErrorCode, errorLocation?: string, detail?: string): ExcelErrorDouble {
  const message = detail ? `${messages[code]} ${detail}` : messages[code];
  return new ExcelErrorDouble(code, message, errorLocation ? { errorLocation, statement: detail } : {});
}

export function propertyNotLoaded(typeName: string | undefined, property: string): ExcelErrorDouble {
  const message = messages.PropertyNotLoaded.replace("{0}", property);
  return new ExcelErrorDouble("PropertyNotLoaded", message, typeName ? { errorLocation: `${typeName}.${property}` } : {});
}

/** What the runtime throws at call time for a member of a requirement set the host lacks. */
export function apiNotInSet(member: string, apiSet: string): ExcelErrorDouble {
  const message = `The method or property ${member} is part of the ${apiSet} requirement set, which is not available in your version of Excel.`;
  return new ExcelErrorDouble("ApiNotFound", message, { errorLocation: member });
}

/** The double's own gap: loud, never a silent no-op. */
export function notInDouble(member: string): ExcelErrorDouble {
  return new ExcelErrorDouble("ApiNotFound", `ApiNotFound: the double does not implement ${member}`, {
    errorLocation: member,
  });
}

export function valueNotLoaded(): ExcelErrorDouble {
  return new ExcelErrorDouble("ValueNotLoaded", messages.ValueNotLoaded, { errorLocation: "clientResult.value" });
}
