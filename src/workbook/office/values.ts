/** A value as Excel's values arrays take it. */
import { OutputValue } from "../port";

/** Excel's serial number of a date (1900 system). */
function serial(d: Date): number {
  return (Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()) - Date.UTC(1899, 11, 30)) / 86400000;
}

/** A value as written into a cell: a blank is "", a date its serial number (1,462 fewer in a 1904 workbook). */
export function toExcel(v: OutputValue | undefined, date1904 = false): string | number | boolean {
  if (v === null || v === undefined) return "";
  if (v instanceof Date) return date1904 ? serial(v) - 1462 : serial(v);
  return v;
}
