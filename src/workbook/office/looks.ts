/**
 * How a written table looks inside Excel, the same as in an .xlsx we write: a status column coloured
 * by conditional formatting (Error red, Warning amber; Range.conditionalFormats, ExcelApi 1.6, a
 * Custom rule whose `formula` is in invariant notation, so it works in a Chinese Excel too), cells that
 * link to a place in the workbook (Range.hyperlink with a documentReference, ExcelApi 1.7; Excel gives
 * them the Hyperlink look itself, as the docs' example of clearing one shows), and for a new table its
 * style with banded rows, a bold header and columns fitted to their content.
 * Sources (learn.microsoft.com/javascript/api/excel/...): excel.conditionalformatcollection (add, clearAll),
 * excel.conditionalformatrule (formula), excel.range (hyperlink), excel.clearapplyto (hyperlinks, 1.7),
 * excel.table (style, showBandedRows 1.3), excel.rangeformat (columnWidth, in points, 1.2);
 * office/dev/add-ins/excel/excel-add-ins-conditional-formatting ("Custom conditional formatting").
 */
import { columnLetters } from "../../engine/table";
import { fitWidths } from "../formats";
import { OutputTable } from "../port";
import { ACTION_BYTES, PATH_BYTES, jsonBytes } from "./payload";
import { QueuedOp } from "./syncs";

/** Excel's column width in characters of the default font (Calibri 11: 7 pixels a digit, 5 of padding) as points. */
export function charsToPoints(chars: number): number {
  return ((chars * 7 + 5) * 3) / 4;
}

/** The conditional formats' looks: Excel's presets "Light Red Fill with Dark Red Text" and "Yellow Fill with Dark Yellow Text". */
export const TONES = { Error: { font: "#9C0006", fill: "#FFC7CE" }, Warning: { font: "#9C5700", fill: "#FFEB9C" } } as const;

/** Where a table stands (0-based, its header row at `top`) and what it was before this write (null: new). */
export interface Placement {
  top: number;
  left: number;
  before: { bodyRows: number; headers: readonly string[] } | null;
}

/**
 * The 0-based columns where a named column stands now and stood before (two when HR had moved a column:
 * what the last write put there must go from both), with the body rows over the old and the new extent;
 * null when neither has it.
 */
function columnSpan(t: OutputTable, name: string | undefined, at: Placement): { columns: number[]; rows: number } | null {
  if (name === undefined) return null;
  const now = t.columns.findIndex((c) => c.name === name);
  const then = at.before ? at.before.headers.findIndex((h) => h.toLowerCase() === name.toLowerCase()) : -1;
  const columns = [...new Set([now, then].filter((c) => c >= 0))].map((c) => at.left + c);
  return columns.length === 0 ? null : { columns, rows: Math.max(1, t.rows.length, at.before?.bodyRows ?? 0) };
}

/** Status colours over the column's body: ours cleared first (the old extent too), then the two rules. */
export function statusOp<T>(target: T, sheetOf: (context: Excel.RequestContext) => Excel.Worksheet, t: OutputTable, at: Placement): QueuedOp<T> | null {
  const span = columnSpan(t, t.statusColumn, at);
  const now = t.columns.findIndex((c) => c.name === t.statusColumn);
  if (!span) return null;
  return {
    bytes: 800,
    target,
    queue: (context) => {
      const sheet = sheetOf(context);
      for (const c of span.columns) sheet.getRangeByIndexes(at.top + 1, c, span.rows, 1).conditionalFormats.clearAll();
      if (now < 0) return;
      const body = sheet.getRangeByIndexes(at.top + 1, at.left + now, Math.max(1, t.rows.length), 1);
      const first = `${columnLetters(at.left + now + 1)}${at.top + 2}`;
      for (const status of ["Error", "Warning"] as const) {
        // A Custom rule is relative to the range's top-left cell, as Excel's "Use a formula" rules are.
        const cf = body.conditionalFormats.add("Custom");
        cf.custom.rule.formula = `=${first}="${status}"`;
        cf.custom.format.font.color = TONES[status].font;
        cf.custom.format.fill.color = TONES[status].fill;
      }
    },
  };
}

/** Links of the links column: old ones cleared over the old and new extent, then one per cell with a location, in blocks within the budget. */
export function linkOps<T>(
  target: T,
  sheetOf: (context: Excel.RequestContext) => Excel.Worksheet,
  t: OutputTable,
  at: Placement,
  budget: number,
): Array<QueuedOp<T>> {
  const span = columnSpan(t, t.links?.column, at);
  if (!span || !t.links) return [];
  const i = t.columns.findIndex((c) => c.name === t.links?.column);
  const links = t.links.locations
    .map((location, k) => ({ k, location, text: i >= 0 ? t.rows[k]?.[i] : null }))
    .filter((l) => l.location && l.text !== null && l.text !== undefined && l.text !== "");
  const ops: Array<QueuedOp<T>> = [
    {
      bytes: 300,
      target,
      queue: (context) => {
        const sheet = sheetOf(context);
        for (const c of span.columns) sheet.getRangeByIndexes(at.top + 1, c, span.rows, 1).clear("Hyperlinks");
      },
    },
  ];
  let start = 0;
  while (start < links.length) {
    let bytes = 200;
    let end = start;
    while (end < links.length && (end === start || bytes < budget / 2)) {
      // office.js sends each getCell and each property set as an object path (with its Instantiate action)
      // and an action with their ids and argument info; counted with the sheet's steps as the double counts
      // them, and in blocks of half the budget, a request of thousands of links stays well under the 5 MB cap.
      bytes += 4 * PATH_BYTES + ACTION_BYTES + jsonBytes(links[end].location) + jsonBytes(String(links[end].text));
      end++;
    }
    const block = links.slice(start, end);
    ops.push({
      bytes,
      target,
      queue: (context) => {
        const sheet = sheetOf(context);
        for (const l of block)
          sheet.getCell(at.top + 1 + l.k, at.left + i).hyperlink = { documentReference: l.location as string, textToDisplay: String(l.text) };
      },
    });
    start = end;
  }
  return ops;
}

/** A new table's look: its style with banded rows, a bold header, and each column's width fitted to its content. */
export function newTableLook(table: Excel.Table, sheet: Excel.Worksheet, t: OutputTable, top: number, left: number): void {
  table.style = "TableStyleMedium2";
  table.showBandedRows = true;
  sheet.getRangeByIndexes(top, left, 1, t.columns.length).format.font.bold = true;
  fitWidths(t.columns, t.rows).forEach((w, c) => (sheet.getRangeByIndexes(top, left + c, 1, 1).format.columnWidth = charsToPoints(w)));
}
