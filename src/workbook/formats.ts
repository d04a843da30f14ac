/**
 * Number formats and column widths, the same in every host: which format codes show dates (so a serial
 * number read from a cell in one is a date), the code of each output column kind, and widths fitted to
 * what the cells show.
 */
import { D as Decimal } from "../engine/decimal";
import { ColumnKind, OutputColumn, OutputValue } from "./port";

/** Whether a number format shows a date or time: Excel's built-in date ids, or a code with y/m/d/h/s outside quotes and brackets. */
export function isDateFormat(code: string | undefined, id?: number): boolean {
  if (id !== undefined && ((id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 45 && id <= 47) || (id >= 50 && id <= 58))) return true;
  if (!code) return false;
  const bare = code
    .replace(/"[^"]*"/g, "")
    .replace(/\[(?!h\]|m\]|s\])[^\]]*\]/gi, "")
    .replace(/\\./g, "")
    .replace(/_.|\*./g, "");
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

/** Display width of text in a cell or a terminal: CJK and full-width characters take two columns. */
export function displayWidth(s: string): number {
  // Plain ASCII, the common case, without a look at each character.
  if (/^[\x20-\x7e]*$/.test(s)) return s.length;
  let w = 0;
  for (const ch of s) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return w;
}

/** Digits grouped by thousands: "1234567.80" → "1,234,567.80". */
function grouped(fixed: string): string {
  const [whole, fraction] = fixed.split(".");
  return whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",") + (fraction !== undefined ? `.${fraction}` : "");
}

/** The text a value shows in a column of this kind (as its number format shows it), to fit the column to it. */
export function shownText(v: OutputValue | undefined, kind: ColumnKind): string {
  if (v === null || v === undefined) return "";
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v !== "number") return String(v);
  if (!Number.isFinite(v)) return String(v);
  // Decimal only to format what is shown, never to compute what is paid.
  const d = new Decimal(String(v));
  if (kind === "money") return grouped(d.toFixed(2));
  if (kind === "ratio") return `${d.times(100).toFixed(2)}%`;
  if (kind === "score") return d.toFixed(2);
  if (kind === "integer") return d.toFixed(0);
  return String(v);
}

/** How many rows are measured to fit a column: enough to see the table's shape, not all of a 100,000-row Breakdown. */
export const FIT_ROWS = 1000;

/**
 * Column widths (in characters of the default font) fitted to the header and to what the cells of the
 * first FIT_ROWS rows show, CJK characters counting double: at least 8, at most 60 (longer text is cut
 * at the column's edge, as in Excel); a header gets 4 more for the table's filter button.
 */
export function fitWidths(columns: readonly OutputColumn[], rows: ReadonlyArray<readonly OutputValue[]>): number[] {
  const measured = rows.length > FIT_ROWS ? rows.slice(0, FIT_ROWS) : rows;
  return columns.map((c, i) => {
    let widest = displayWidth(c.name) + 4;
    // Columns repeat their values (periods, weights, scores): each distinct value is shown and measured once.
    const widths = new Map<OutputValue | undefined, number>();
    for (const r of measured) {
      const v = r[i];
      let w = widths.get(v);
      if (w === undefined) widths.set(v, (w = displayWidth(shownText(v, c.kind)) + 2));
      if (w > widest) widest = w;
      if (widest >= 60) break;
    }
    return Math.min(60, Math.max(8, widest));
  });
}
