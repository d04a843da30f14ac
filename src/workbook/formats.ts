/**
 * Number formats, the same in every host: which format codes show dates (so a serial number read
 * from a cell in one is a date), and the code of each output column kind.
 */
import { ColumnKind } from "./port";

/** Whether a number format shows a date or time: Excel's built-in date ids, or a code with y/m/d/h/s outside quotes and brackets. */
export function isDateFormat(code: string | undefined, id?: number): boolean {
  if (id !== undefined && ((id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 45 && id <= 47) || (id >= 50 && id <= 58))) return true;
  if (!code) return false;
  const bare = code.replace(/"[^"]*"/g, "").replace(/\[(?!h\]|m\]|s\])[^\]]*\]/gi, "").replace(/\\./g, "").replace(/_.|\*./g, "");
  return /[ymdhs]/i.test(bare) && !/^general$/i.test(bare.trim());
}

/** The number format of each output column kind: money #,##0.00, ratios 0.00%, scores 0.00, text @. */
export const NUMBER_FORMAT: Record<ColumnKind, string> = {
  text: "@",
  integer: "0",
  number: "General",
  score: "0.00",
  money: "#,##0.00",
  ratio: "0.00%",
  date: "yyyy-mm-dd",
};
