/**
 * A sheet the run owns whole (the Dashboard, the Statements), written inside Excel: found in the check
 * sync by the table of its name (its worksheet, charts and tables loaded), then cleared (its charts and
 * tables deleted, its cells, formats and manual page breaks removed) or added, and written: number
 * formats then values in row blocks, cell looks, tables, column widths, native charts, page breaks and
 * the page layout. Sources (learn.microsoft.com/javascript/api/excel/...): excel.chartcollection (add,
 * ExcelApi 1.1), excel.chart (setPosition, title, delete), excel.chartaxistitle (text), excel.chartseries
 * (setValues, setXAxisValues) and excel.chartseriescollection (add; ExcelApi 1.7), excel.pagebreakcollection (add: "a page break before the top-left
 * cell of the range", removePageBreaks; ExcelApi 1.9), excel.pagelayout (orientation, zoom; 1.9),
 * excel.tablecollection (add), excel.range (clear), excel.rangefont (bold, size, italic, color).
 */
import { columnLetters } from "../../engine/table";
import { NUMBER_FORMAT } from "../formats";
import { CellStyle, OutputValue, OwnedSheet, PlacedTable } from "../port";
import { charsToPoints } from "./looks";
import { ACTION_BYTES, PATH_BYTES, jsonBytes } from "./payload";
import { QueuedOp } from "./syncs";
import { toExcel } from "./values";

/** An owned sheet and where it goes: the sheet holding its table, or a new one; what stands there now. */
export interface OwnedTarget {
  kind: "owned";
  content: OwnedSheet;
  sheet: string;
  existing: boolean;
  charts: string[];
  tables: string[];
  /** Table names as written (made unique against tables on other sheets). */
  names: string[];
}

/** What the check sync loads for each owned sheet, read once it has run. */
export interface OwnedProbe {
  read(taken: Set<string>): OwnedTarget;
}

/** Queues the loads that find an owned sheet (before the check sync). */
export function probeOwned(context: Excel.RequestContext, content: OwnedSheet): OwnedProbe {
  const marker = context.workbook.tables.getItemOrNullObject(content.name);
  // eslint-disable-next-line office-addins/call-sync-before-read -- a navigation to queue loads on, nothing is read
  const sheet = marker.worksheet;
  sheet.load("name");
  const charts = sheet.charts;
  charts.load("items/name");
  const tables = sheet.tables;
  tables.load("items/name");
  const all = context.workbook.tables;
  all.load("items/name");
  return {
    read(taken) {
      // eslint-disable-next-line office-addins/call-sync-before-read -- read() is called after the check sync
      const existing = !marker.isNullObject;
      const here = existing ? tables.items.map((t) => t.name) : [];
      const elsewhere = new Set(all.items.map((t) => t.name.toLowerCase()).filter((n) => !here.some((h) => h.toLowerCase() === n)));
      let name = content.name;
      if (!existing) for (let i = 2; taken.has(name.toLowerCase()); i++) name = `${content.name} (${i})`;
      taken.add(name.toLowerCase());
      const names = content.tables.map((t) => {
        let n = t.name;
        for (let i = 2; elsewhere.has(n.toLowerCase()); i++) n = `${t.name}${i}`;
        elsewhere.add(n.toLowerCase());
        return n;
      });
      return {
        kind: "owned",
        content,
        sheet: existing ? sheet.name : name,
        existing,
        charts: existing ? charts.items.map((c) => c.name) : [],
        tables: here,
        names,
      };
    },
  };
}

interface Grid {
  rows: number;
  columns: number;
  values: OutputValue[][];
  formats: string[][];
  looks: Array<Array<CellStyle | "header" | undefined>>;
}

/** The sheet's cells as one grid from A1: values, number formats by kind, looks (table headers bold). */
function gridOf(s: OwnedSheet): Grid {
  const cells: Array<{ row: number; column: number; value: OutputValue; format: string; look?: CellStyle | "header" }> = s.cells.map((c) => ({
    row: c.row,
    column: c.column,
    value: c.value,
    format: NUMBER_FORMAT[c.kind ?? "text"],
    look: c.style,
  }));
  for (const t of s.tables) {
    t.columns.forEach((c, j) => cells.push({ row: t.row, column: t.column + j, value: c.name, format: NUMBER_FORMAT.text, look: "header" }));
    t.rows.forEach((r, i) =>
      t.columns.forEach((c, j) => cells.push({ row: t.row + 1 + i, column: t.column + j, value: r[j] ?? null, format: NUMBER_FORMAT[c.kind] })),
    );
  }
  const rows = Math.max(1, ...cells.map((c) => c.row));
  const columns = Math.max(1, ...cells.map((c) => c.column));
  const values = Array.from({ length: rows }, () => new Array<OutputValue>(columns).fill(null));
  const formats = Array.from({ length: rows }, () => new Array<string>(columns).fill("General"));
  const looks = Array.from({ length: rows }, () => new Array<CellStyle | "header" | undefined>(columns).fill(undefined));
  for (const c of cells) {
    values[c.row - 1][c.column - 1] = c.value;
    formats[c.row - 1][c.column - 1] = c.format;
    looks[c.row - 1][c.column - 1] = c.look;
  }
  return { rows, columns, values, formats, looks };
}

/** Rectangles of cells with the same look: runs along each row, joined down while they match. */
function lookAreas(g: Grid): Array<{ look: CellStyle | "header"; top: number; left: number; rows: number; columns: number }> {
  const open = new Map<string, { look: CellStyle | "header"; top: number; left: number; rows: number; columns: number }>();
  const done: Array<{ look: CellStyle | "header"; top: number; left: number; rows: number; columns: number }> = [];
  for (let r = 0; r < g.rows; r++) {
    const runs: Array<{ look: CellStyle | "header"; left: number; columns: number }> = [];
    for (let c = 0; c < g.columns; c++) {
      const look = g.looks[r][c];
      if (!look) continue;
      const last = runs[runs.length - 1];
      if (last && last.look === look && last.left + last.columns === c) last.columns++;
      else runs.push({ look, left: c, columns: 1 });
    }
    const seen = new Set<string>();
    for (const run of runs) {
      const key = `${run.look}|${run.left}|${run.columns}`;
      seen.add(key);
      const a = open.get(key);
      if (a && a.top + a.rows === r) a.rows++;
      else {
        if (a) done.push(a);
        open.set(key, { ...run, top: r, rows: 1 });
      }
    }
    for (const [key, a] of open) {
      if (seen.has(key)) continue;
      done.push(a);
      open.delete(key);
    }
  }
  return [...done, ...open.values()];
}

/** The writes of an owned sheet, in order, each within the budget. */
export function ownedOps(target: OwnedTarget, budget: number): Array<QueuedOp<OwnedTarget>> {
  const s = target.content;
  const sheetOf = (context: Excel.RequestContext) => context.workbook.worksheets.getItem(target.sheet);
  const ops: Array<QueuedOp<OwnedTarget>> = [];
  const op = (bytes: number, queue: (context: Excel.RequestContext) => void) => ops.push({ bytes, target, queue });
  op(400 + 100 * (target.charts.length + target.tables.length), (context) => {
    if (!target.existing) {
      context.workbook.worksheets.add(target.sheet);
      return;
    }
    const sheet = sheetOf(context);
    // By name, each the first of that name left: two charts HR copied may share one.
    for (const c of target.charts) sheet.charts.getItemOrNullObject(c).delete();
    for (const t of target.tables) context.workbook.tables.getItemOrNullObject(t).delete();
    sheet.getRange().clear("All");
    sheet.horizontalPageBreaks.removePageBreaks();
  });
  const g = gridOf(s);
  for (let start = 0; start < g.rows;) {
    let bytes = 300;
    let end = start;
    while (end < g.rows && (end === start || bytes < budget / 2)) {
      bytes += jsonBytes(g.values[end]) + jsonBytes(g.formats[end]) + 16;
      end++;
    }
    const [from, to] = [start, end];
    op(bytes, (context) => {
      const range = sheetOf(context).getRangeByIndexes(from, 0, to - from, g.columns);
      // Formats first, so that text is text before it is written (Range.values reads "=x" as a formula).
      range.numberFormat = g.formats.slice(from, to);
      range.values = g.values.slice(from, to).map((r) => r.map((v) => toExcel(v)));
    });
    start = end;
  }
  // Each area: the sheet (3 steps), its range, format and font, then a property set or two.
  for (const a of lookAreas(g)) {
    op(6 * PATH_BYTES + 2 * ACTION_BYTES, (context) => {
      const f = sheetOf(context).getRangeByIndexes(a.top, a.left, a.rows, a.columns).format;
      if (a.look === "title" || a.look === "bold" || a.look === "header") f.font.bold = true;
      if (a.look === "title") f.font.size = 14;
      if (a.look === "note") {
        f.font.italic = true;
        f.font.color = "#595959";
      }
      if (a.look === "wrap") f.wrapText = true;
    });
  }
  op(3 * PATH_BYTES + s.tables.length * (4 * PATH_BYTES + 4 * ACTION_BYTES) + s.widths.length * (2 * PATH_BYTES + ACTION_BYTES), (context) => {
    const sheet = sheetOf(context);
    s.tables.forEach((t, i) => {
      const table = sheet.tables.add(sheet.getRangeByIndexes(t.row - 1, t.column - 1, 1 + Math.max(1, t.rows.length), t.columns.length), true);
      table.name = target.names[i];
      table.style = "TableStyleMedium2";
      table.showBandedRows = true;
    });
    s.widths.forEach((w, c) => (sheet.getRangeByIndexes(0, c, 1, 1).format.columnWidth = charsToPoints(w)));
  });
  for (const c of s.charts) {
    const t = s.tables.find((x) => x.name === c.table) as PlacedTable;
    const at = (name: string) => t.column - 1 + t.columns.findIndex((x) => x.name === name);
    op(800 + 300 * c.series.length, (context) => {
      const sheet = sheetOf(context);
      const body = Math.max(1, t.rows.length);
      // The chart starts from its first series alone (header and body: one series, named by its header),
      // so that no guess of Excel's about which column holds categories matters; the others are added.
      const chart = sheet.charts.add(
        c.type === "bar" ? "BarClustered" : "ColumnClustered",
        sheet.getRangeByIndexes(t.row - 1, at(c.series[0]), 1 + body, 1),
        "Columns",
      );
      c.series.slice(1).forEach((name) => chart.series.add(name).setValues(sheet.getRangeByIndexes(t.row, at(name), body, 1)));
      const categories = sheet.getRangeByIndexes(t.row, at(c.categories), body, 1);
      c.series.forEach((_, k) => chart.series.getItemAt(k).setXAxisValues(categories));
      chart.title.text = c.title;
      chart.axes.categoryAxis.title.text = c.categoryTitle;
      chart.axes.valueAxis.title.text = c.valueTitle;
      chart.legend.visible = c.series.length > 1;
      // setPosition spans whole cells: the last one is the cell before the `to` corner.
      chart.setPosition(`${columnLetters(c.from.column)}${c.from.row}`, `${columnLetters(c.to.column - 1)}${c.to.row - 1}`);
    });
  }
  // Excel keeps at most 1023 manual page breaks on a sheet.
  const breaks = [...new Set(s.pageBreaks)]
    .filter((r) => r > 1)
    .sort((a, b) => a - b)
    .slice(0, 1023);
  for (let i = 0; i < breaks.length; i += 200) {
    const block = breaks.slice(i, i + 200);
    op(block.length * (4 * PATH_BYTES + ACTION_BYTES + 8), (context) => block.forEach((r) => sheetOf(context).horizontalPageBreaks.add(`A${r}`)));
  }
  if (s.page) {
    const page = s.page;
    op(200, (context) => {
      const layout = sheetOf(context).pageLayout;
      layout.orientation = page.landscape ? "Landscape" : "Portrait";
      if (page.onePage) layout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 1 };
    });
  }
  return ops;
}
