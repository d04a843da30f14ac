/* global CustomFunctions, Office */
import { KpiError, Lang } from "../engine/errors";

/** The language of Excel's UI: Chinese messages for a Chinese Excel, English otherwise. */
export function displayLang(): Lang {
  try {
    const lang = typeof Office !== "undefined" ? Office.context?.displayLanguage : undefined;
    return typeof lang === "string" && lang.toLowerCase().startsWith("zh") ? "zh" : "en";
  } catch {
    return "en";
  }
}

/** Same shape as CustomFunctions.Error, for hosts (tests, Node) where the runtime's class is absent. */
export class FunctionError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "FunctionError";
  }
}

/** The CustomFunctions.ErrorCode member for each Excel error the engine raises. */
const ERROR_CODE_NAME = { "#VALUE!": "invalidValue", "#NUM!": "invalidNumber", "#DIV/0!": "divisionByZero", "#N/A": "notAvailable" } as const;

/** Turns an engine error into the Excel error the cell shows, with the message in Excel's language. */
export function toExcelError(e: unknown): Error {
  if (!(e instanceof KpiError)) throw e;
  const message = e.in(displayLang());
  if (typeof CustomFunctions !== "undefined" && typeof CustomFunctions.Error === "function") {
    const codes = (CustomFunctions as unknown as { ErrorCode?: Record<string, CustomFunctions.ErrorCode> }).ErrorCode;
    const code = codes?.[ERROR_CODE_NAME[e.kind]] ?? (e.kind as CustomFunctions.ErrorCode);
    return new CustomFunctions.Error(code, message) as unknown as Error;
  }
  return new FunctionError(e.kind, message);
}

/** Runs a function body, throwing engine errors as Excel errors. */
export function excelCall<T>(body: () => T): T {
  try {
    return body();
  } catch (e) {
    throw toExcelError(e);
  }
}
