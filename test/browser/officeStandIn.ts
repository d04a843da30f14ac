/**
 * What the browser test serves in place of office.js: the Excel double (test/support/excel/browser.ts
 * installs `Excel`, `Office` and `OfficeExtension` from `__EXCEL_DOUBLE_OPTIONS__`), then the sample
 * workbook of `kpi init` in `__SAMPLE_LANG__` loaded into the double's book, each table at A1 of its
 * own sheet (the sheet named as `kpi init` names it), with the sample's number formats.
 */
import "../support/excel/browser";
import { sampleTables } from "../../src/app/sample";
import { INPUT_TABLES } from "../../src/engine/contract";
import type { ExcelDouble } from "../support/excel";

const g = globalThis as { __EXCEL_DOUBLE__?: ExcelDouble; __SAMPLE_LANG__?: "en" | "zh" };
const double = g.__EXCEL_DOUBLE__;
const lang = g.__SAMPLE_LANG__;
if (double && lang) {
  for (const t of sampleTables(lang)) {
    const keys = INPUT_TABLES.find((s) => s.name === t.name)?.columns.map((c) => c.key) ?? t.headers;
    const formats = t.rows.map(() => keys.map((k) => t.formats[k] ?? null));
    const rows = t.rows.map((r) => r.map((v) => (v !== null && typeof v === "object" && !(v instanceof Date) ? null : v)));
    double.book.addTable(t.sheet, "A1", t.name, t.headers, rows, formats);
  }
}
