/**
 * Names Excel accepts for worksheets and tables, and the names it makes up.
 *
 * Worksheets (Microsoft support, "Rename a worksheet"): not blank, at most 31 characters, none of / \ ? * : [ ],
 * not beginning or ending with an apostrophe, not "History" (reserved). Unique without regard to case.
 * Adding a duplicate gives ItemAlreadyExists ("A resource with the same name or identifier already exists",
 * office-scripts-docs#560, office-js#2875); an invalid name gives InvalidArgument (**inference**).
 *
 * Tables: docs-ref `excel.table.yml` `name` points to "Rename an Excel table": start with a letter, "_" or "\";
 * then letters, digits, ".", "_" (and "\"); no spaces; not a cell reference (A1 or R1C1); not "C", "c", "R", "r";
 * at most 255 characters; unique in the workbook without regard to case (the name grammar of ECMA-376 Part 1
 * §18.17 adds: not TRUE or FALSE). A duplicate gives InvalidArgument, "The argument is invalid or missing or has
 * an incorrect format." (office-js#551, on two sheets as on one).
 *
 * Made-up names (**inference**, not in the API docs): Excel names new tables "Table1", "Table2", … and blank
 * header cells "Column1", …; Chinese Excel says "表1" and "列1". A duplicate header gets a number appended
 * ("Name", "Name2").
 */
import { MAX_COLUMNS, MAX_ROWS, columnIndex } from "../address";
import { excelError } from "../errors";
import { Language } from "./cells";

export function checkSheetName(name: unknown, location: string): string {
  if (typeof name !== "string") throw excelError("InvalidArgument", location, "A worksheet name must be a string.");
  const bad =
    name.trim() === "" || name.length > 31 || /[/\\?*:[\]]/.test(name) || name.startsWith("'") || name.endsWith("'") || name.toLowerCase() === "history";
  if (bad) throw excelError("InvalidArgument", location, `"${name}" is not a valid worksheet name.`);
  return name;
}

function looksLikeCellReference(name: string): boolean {
  const a1 = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(name);
  if (a1 && Number(a1[2]) >= 1 && Number(a1[2]) <= MAX_ROWS && columnIndex(a1[1]!) < MAX_COLUMNS) return true;
  return /^[Rr](\d*)[Cc](\d*)$/.test(name) || /^[Rr]\d+$/.test(name) || /^[Cc]\d+$/.test(name);
}

export function checkTableName(name: unknown, location: string): string {
  if (typeof name !== "string") throw excelError("InvalidArgument", location, "A table name must be a string.");
  const ok =
    /^[\p{L}_\\][\p{L}\p{N}_.\\]*$/u.test(name) &&
    name.length <= 255 &&
    !looksLikeCellReference(name) &&
    !["c", "r", "true", "false"].includes(name.toLowerCase());
  if (!ok) throw excelError("InvalidArgument", location, `"${name}" is not a valid table name.`);
  return name;
}

export const tableNamePrefix = (language: Language): string => (language === "zh-CN" ? "表" : "Table");
export const columnNamePrefix = (language: Language): string => (language === "zh-CN" ? "列" : "Column");
export const totalLabel = (language: Language): string => (language === "zh-CN" ? "汇总" : "Total");
export const chartNamePrefix = (language: Language): string => (language === "zh-CN" ? "图表 " : "Chart ");

/** Header names as Excel holds them: text, none blank, none equal to an earlier one (ignoring case). */
export function uniqueHeaders(raw: readonly (string | number | boolean)[], language: Language): string[] {
  const used = new Set<string>();
  const out: string[] = [];
  const prefix = columnNamePrefix(language);
  raw.forEach((value, i) => {
    let base = typeof value === "boolean" ? (value ? "TRUE" : "FALSE") : String(value);
    let name = base;
    if (base === "") {
      let k = i + 1;
      while (used.has(`${prefix}${k}`.toLowerCase())) k++;
      name = base = `${prefix}${k}`;
    }
    for (let k = 2; used.has(name.toLowerCase()); k++) name = `${base}${k}`;
    used.add(name.toLowerCase());
    out.push(name);
  });
  return out;
}
