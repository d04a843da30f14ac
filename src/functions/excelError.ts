/* global CustomFunctions, Office */
import { ErrorKind, KpiError, Lang, numError } from "../engine/errors";

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

/**
 * The error a cell in Excel shows for an engine error. Excel shows a custom function's message only with
 * #VALUE! and #N/A: "A custom error message can't be used" with #NUM! or #DIV/0!
 * (learn.microsoft.com/javascript/api/custom-functions-runtime/customfunctions.errorcode). SPEC §1–2 want
 * the message ("40 looks like a percent: enter 40% or 0.4"), so a #NUM! shows as #VALUE! with it. A zero
 * divisor keeps #DIV/0!, which says it by itself.
 */
const SHOWN_IN_EXCEL: Record<ErrorKind, ErrorKind> = { "#VALUE!": "#VALUE!", "#NUM!": "#VALUE!", "#DIV/0!": "#DIV/0!", "#N/A": "#N/A" };

/**
 * Turns an engine error into an Excel error with the message in Excel's language: CustomFunctions.Error
 * inside Excel (as the cell shows it, see SHOWN_IN_EXCEL), else a FunctionError of the engine's kind.
 */
export function toExcelError(e: unknown): Error {
  if (!(e instanceof KpiError)) throw e;
  const message = e.in(displayLang());
  if (typeof CustomFunctions !== "undefined" && typeof CustomFunctions.Error === "function") {
    const shown = SHOWN_IN_EXCEL[e.kind];
    const codes = (CustomFunctions as unknown as { ErrorCode?: Record<string, CustomFunctions.ErrorCode> }).ErrorCode;
    const code = codes?.[ERROR_CODE_NAME[shown]] ?? (shown as CustomFunctions.ErrorCode);
    return new CustomFunctions.Error(code, message) as unknown as Error;
  }
  return new FunctionError(e.kind, message);
}

/** Runs a function body, throwing engine errors as Excel errors. A zero comes back as 0, never −0 (decimal.js keeps the sign of 0 × −50). */
export function excelCall<T>(body: () => T): T {
  let result: T;
  try {
    result = body();
  } catch (e) {
    throw toExcelError(e);
  }
  if (typeof result === "number" && !Number.isFinite(result))
    // Decimal results beyond a double (1e300 over 1e-300): Excel cannot hold them, and a bare error would say nothing.
    throw toExcelError(
      numError("the result is beyond the largest number Excel can hold: check the arguments' sizes", "结果超出 Excel 能表示的最大数：请检查各参数的数值大小"),
    );
  return typeof result === "number" && result === 0 ? (0 as T) : result;
}
