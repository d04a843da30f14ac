/**
 * Browser entry: bundle this (esbuild, platform "browser") and serve it in place of office.js. It builds a double
 * from `globalThis.__EXCEL_DOUBLE_OPTIONS__` (if the page or test set one before loading it), installs `Excel`,
 * `Office` and `OfficeExtension`, and leaves the double on `globalThis.__EXCEL_DOUBLE__` for the test to drive
 * (book, stats, faults, invokeAction).
 */
import { createExcelDouble, ExcelDoubleOptions, installGlobals } from "./index";

const g = globalThis as { __EXCEL_DOUBLE_OPTIONS__?: ExcelDoubleOptions; __EXCEL_DOUBLE__?: unknown };
const double = createExcelDouble(g.__EXCEL_DOUBLE_OPTIONS__ ?? {});
installGlobals(double);
g.__EXCEL_DOUBLE__ = double;
