/**
 * Writing the output tables inside Excel: one sync checks that nothing stands where a table grows and
 * that the workbook still has the shape read at the start; then values go in row blocks of at most
 * 4 MB, several small tables sharing a sync, each sync preceded by
 * application.suspendApiCalculationUntilNextSync(). Text columns get the number format "@" before
 * their values (Range.values turns text starting with =, + or - into a formula), other formats after
 * them; a blank is written as "" (null would leave last run's value). A missing table is written as
 * values on a sheet of its own, then made a table over them. Status colours and links follow each
 * table's values (looks.ts). RunLog goes last.
 *
 * If a sync fails, every table touched so far is put back as it was read (or its new sheet removed)
 * in a run of its own; if that fails too, the error names the tables left incomplete.
 * One file over 300 lines: the check before writing, the row blocks and the restore work from one
 * geometry of each table and must agree on it.
 * Sources (learn.microsoft.com/office/dev/add-ins/...): excel/performance ("Importing data into
 * tables", "suspend calculation", payload limits), excel/excel-add-ins-ranges-large ("values first,
 * format afterward"), excel/excel-add-ins-undo-capabilities (mergeUndoGroup, ExcelApi 1.20), the
 * Excel.Range.values reference (leading =, +, - make a formula), excel/excel-add-ins-blank-null-values
 * (null leaves a cell, "" clears it), Excel.Table.resize (ExcelApi 1.13).
 * One file past 300 lines: the write, its batching and its restore on failure must agree on the same
 * record of what was touched; split apart, a restore could miss a table the write touched.
 */
import { columnLetters } from "../../engine/table";
import { NUMBER_FORMAT } from "../formats";
import { OutputTable, OutputValue } from "../port";
import { toExcel } from "./values";
import type { OwnedTarget } from "./owned";

export { toExcel } from "./values";
import { QueuedOp, runInSyncs } from "./syncs";
import { ReadTable } from "./read";
import { BUDGET_BYTES, jsonBytes } from "./payload";
import { linkOps, newTableLook, statusOp } from "./looks";

/** Where each output table goes and what stood there before (null: the table is new). */
export interface WriteTarget {
  table: OutputTable;
  before: ReadTable | null;
  sheet: string;
  /** The workbook counts date serials from 1904: a date (one of HR's, kept beside ours) is written so. */
  date1904?: boolean;
}

/** A cell that stands where an output table must grow. */
export class GrowthBlocked extends Error {
  constructor(
    readonly table: string,
    readonly sheet: string,
    readonly cell: string,
  ) {
    super(`the ${table} table must grow on sheet ${sheet}, but ${cell} there is not empty: move what is in it, then run again`);
    this.name = "GrowthBlocked";
  }
}

/** An output table with its Total Row on: the rows a run writes would run into it, as the .xlsx adapter refuses too. */
export class TotalRowOn extends Error {
  constructor(
    readonly table: string,
    readonly sheet: string,
  ) {
    super(`the ${table} table on sheet ${sheet} has a Total Row: turn it off (Table Design › Total Row) before running, and on again after`);
    this.name = "TotalRowOn";
  }
}

/** The workbook changed between reading and writing (a table renamed, moved or resized meanwhile). */
export class WorkbookChanged extends Error {
  constructor(what: string) {
    super(`the workbook changed while the quarter was being calculated (${what}): run again`);
    this.name = "WorkbookChanged";
  }
}

type Op = QueuedOp<WriteTarget>;

/** The geometry of a target: header row, first column, columns, body rows (a table has at least one). */
function geometry(t: WriteTarget): { top: number; left: number; columns: number; bodyRows: number } {
  return { top: t.before?.headerIndex ?? 0, left: t.before?.columnIndex ?? 0, columns: t.table.columns.length, bodyRows: Math.max(1, t.table.rows.length) };
}

/** The writes of one table, in order: reshape, then row blocks (formats "@", values, other formats), then the table itself if new. */
function tableOps(t: WriteTarget, budget: number): Op[] {
  const { top, left, columns, bodyRows } = geometry(t);
  const ops: Op[] = [];
  const sheetOf = (context: Excel.RequestContext) => context.workbook.worksheets.getItem(t.sheet);
  const kinds = t.table.columns.map((c) => c.kind);
  const textColumns = kinds.map((k, i) => (k === "text" ? i : -1)).filter((i) => i >= 0);
  const otherColumns = kinds.map((k, i) => (k !== "text" ? i : -1)).filter((i) => i >= 0);
  const before = t.before;
  if (!before) {
    ops.push({ bytes: 200, target: t, queue: (context) => void context.workbook.worksheets.add(t.sheet) });
  } else if (before.bodyRows !== bodyRows || before.columns !== columns) {
    ops.push({
      bytes: 400,
      target: t,
      queue: (context) => {
        const table = context.workbook.tables.getItem(before.name);
        table.resize(sheetOf(context).getRangeByIndexes(top, left, 1 + bodyRows, columns));
        // What the table no longer covers is cleared: the growth check showed it was ours.
        if (before.bodyRows > bodyRows)
          sheetOf(context)
            .getRangeByIndexes(top + 1 + bodyRows, left, before.bodyRows - bodyRows, Math.max(columns, before.columns))
            .clear("All");
        if (before.columns > columns)
          sheetOf(context)
            .getRangeByIndexes(top, left + columns, 1 + bodyRows, before.columns - columns)
            .clear("All");
      },
    });
  }
  // Row 0 is the header; rows 1.. the body, blank rows padding an empty table to its one body row.
  const rowAt = (i: number): Array<string | number | boolean> =>
    i === 0 ? t.table.columns.map((c) => c.name) : columnsOf(t.table.rows[i - 1], columns, t.date1904 === true);
  const formatBytes = (n: number) => jsonBytes(NUMBER_FORMAT.text) * n;
  let start = 0;
  while (start <= bodyRows) {
    let bytes = 600;
    let end = start;
    while (end <= bodyRows) {
      const row = jsonBytes(rowAt(end)) + formatBytes(columns) * 2 + 64;
      if (end > start && bytes + row > budget / 2) break;
      bytes += row;
      end++;
    }
    const [from, to] = [start, end];
    ops.push({
      bytes,
      target: t,
      queue: (context) => {
        const sheet = sheetOf(context);
        const count = to - from;
        // Header cells and text columns are text before anything is written into them.
        if (from === 0) sheet.getRangeByIndexes(top, left, 1, columns).numberFormat = [Array(columns).fill(NUMBER_FORMAT.text)];
        const bodyFrom = Math.max(from, 1);
        for (const c of textColumns)
          if (to > bodyFrom)
            sheet.getRangeByIndexes(top + bodyFrom, left + c, to - bodyFrom, 1).numberFormat = Array.from({ length: to - bodyFrom }, () => [
              NUMBER_FORMAT.text,
            ]);
        // Text in a column of another kind (HR's own column, mixing numbers and text) is made text ("@")
        // before it is written, each cell by its value: in a General cell Excel would read "-待核对" as a
        // formula and "0012" as 12 (Range.values: learn.microsoft.com/javascript/api/excel/excel.range).
        // A date there keeps a date format: its value is a serial number, a bare number in General.
        const mixed = new Set<number>();
        for (const c of otherColumns) {
          if (to <= bodyFrom) continue;
          const formats: string[][] = [];
          for (let i = bodyFrom; i < to; i++) {
            const v = t.table.rows[i - 1]?.[c];
            const text = typeof v === "string" && v !== "";
            const date = v instanceof Date && kinds[c] !== "date";
            if (text || date) mixed.add(c);
            formats.push([text ? NUMBER_FORMAT.text : date ? NUMBER_FORMAT.date : NUMBER_FORMAT[kinds[c]]]);
          }
          if (mixed.has(c)) sheet.getRangeByIndexes(top + bodyFrom, left + c, to - bodyFrom, 1).numberFormat = formats;
        }
        const values: Array<Array<string | number | boolean>> = [];
        for (let i = from; i < to; i++) values.push(rowAt(i));
        sheet.getRangeByIndexes(top + from, left, count, columns).values = values;
        for (const c of otherColumns)
          if (to > bodyFrom && !mixed.has(c))
            sheet.getRangeByIndexes(top + bodyFrom, left + c, to - bodyFrom, 1).numberFormat = Array.from({ length: to - bodyFrom }, () => [
              NUMBER_FORMAT[kinds[c]],
            ]);
      },
    });
    start = end;
  }
  if (!before) {
    ops.push({
      bytes: 400 + 120 * columns,
      target: t,
      queue: (context) => {
        const sheet = sheetOf(context);
        const table = sheet.tables.add(sheet.getRangeByIndexes(top, left, 1 + bodyRows, columns), true);
        table.name = t.table.name;
        newTableLook(table, sheet, t.table, top, left);
        sheet.freezePanes.freezeRows(1);
      },
    });
  }
  const at = { top, left, before: before ? { bodyRows: before.bodyRows, headers: before.headers } : null };
  const status = statusOp(t, sheetOf, t.table, at);
  if (status) ops.push(status);
  ops.push(...linkOps(t, sheetOf, t.table, at, budget));
  return ops;
}

/** A row as written: exactly `columns` cells, blanks as "". */
function columnsOf(row: readonly OutputValue[] | undefined, columns: number, date1904: boolean): Array<string | number | boolean> {
  const out: Array<string | number | boolean> = new Array(columns);
  for (let i = 0; i < columns; i++) out[i] = toExcel(row?.[i], date1904);
  return out;
}

/**
 * Checks, in one sync, that each existing output table is where and as big as it was read, and that
 * nothing stands where a table grows.
 */
export async function checkBeforeWriting(context: Excel.RequestContext, targets: readonly WriteTarget[], onSync?: () => void): Promise<void> {
  const checks: Array<{ t: WriteTarget; sheet: Excel.Worksheet; body: Excel.Range; areas: Excel.Range[]; table: Excel.Table }> = [];
  for (const t of targets) {
    const before = t.before;
    if (!before) continue;
    const { top, left, columns, bodyRows } = geometry(t);
    const sheet = context.workbook.worksheets.getItem(t.sheet);
    const table = context.workbook.tables.getItem(before.name);
    // Table.showTotals: ExcelApi 1.3 (learn.microsoft.com/javascript/api/excel/excel.table).
    table.load("showTotals");
    const body = table.getDataBodyRange();
    body.load("rowIndex,columnIndex,rowCount,columnCount");
    const areas: Excel.Range[] = [];
    if (bodyRows > before.bodyRows)
      areas.push(
        sheet.getRangeByIndexes(top + 1 + before.bodyRows, left, bodyRows - before.bodyRows, Math.max(columns, before.columns)).getUsedRangeOrNullObject(true),
      );
    if (columns > before.columns)
      areas.push(
        sheet.getRangeByIndexes(top, left + before.columns, 1 + Math.min(bodyRows, before.bodyRows), columns - before.columns).getUsedRangeOrNullObject(true),
      );
    for (const a of areas) a.load("rowIndex,columnIndex,rowCount,columnCount");
    checks.push({ t, sheet, body, areas, table });
  }
  const sheets = context.workbook.worksheets;
  sheets.load("items/name");
  await context.sync();
  onSync?.();
  for (const { t, sheet, body, areas, table } of checks) {
    const b = t.before as ReadTable;
    if (table.showTotals) throw new TotalRowOn(b.name, t.sheet);
    if (body.rowIndex !== b.headerIndex + 1 || body.columnIndex !== b.columnIndex || body.rowCount !== b.bodyRows || body.columnCount !== b.columns)
      throw new WorkbookChanged(`the ${b.name} table moved or changed size`);
    // The first area in the way stops the run: one sync more, on that path only.
    const blocked = areas.find((a) => !a.isNullObject);
    if (blocked) throw new GrowthBlocked(t.table.name, t.sheet, await firstFilledCell(context, sheet, blocked));
  }
  for (const t of targets) {
    if (!t.before && sheets.items.some((s) => s.name.toLowerCase() === t.sheet.toLowerCase())) throw new WorkbookChanged(`a sheet named ${t.sheet} appeared`);
  }
}

/** Rows of a blocking area read to find its first filled cell. */
const ROWS_SEARCHED = 256;

/**
 * The first filled cell of a used range, by rows, as A1. The range's corner need not be filled: a note in
 * E16 and another in B18 are used range B16:E18, or wider where Excel clips the sheet's used range to the
 * area (learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-getusedrangeornullobject-member(1)
 * says only "the used range of the given range object"). Read in a sync of its own, on a path that stops the run.
 */
async function firstFilledCell(context: Excel.RequestContext, sheet: Excel.Worksheet, used: Excel.Range): Promise<string> {
  const top = sheet.getRangeByIndexes(used.rowIndex, used.columnIndex, Math.min(used.rowCount, ROWS_SEARCHED), used.columnCount);
  top.load("values");
  await context.sync();
  const grid: unknown[][] = top.values;
  for (let i = 0; i < grid.length; i++) {
    const j = grid[i].findIndex((v) => v !== "" && v !== null);
    if (j >= 0) return `${columnLetters(used.columnIndex + j + 1)}${used.rowIndex + i + 1}`;
  }
  return `${columnLetters(used.columnIndex + 1)}${used.rowIndex + 1}`;
}

/** What a write touches: an output table, or a sheet the run owns whole. */
export type Touched = WriteTarget | OwnedTarget;

/** A write that failed, with the targets it had touched (to be put back). */
export class WriteFailed extends Error {
  constructor(
    readonly cause: unknown,
    readonly touched: Touched[],
  ) {
    super(cause instanceof Error ? cause.message : String(cause));
    this.name = "WriteFailed";
  }
}

/** Writes every target, then the owned sheets' operations, packed into syncs of at most the budget. */
export async function writeAll(
  context: Excel.RequestContext,
  targets: readonly WriteTarget[],
  budget = BUDGET_BYTES,
  onSync?: (done: number, total: number) => void,
  owned: ReadonlyArray<QueuedOp<OwnedTarget>> = [],
): Promise<void> {
  const touched = new Set<Touched>();
  try {
    const ops: Array<QueuedOp<Touched>> = [...targets.flatMap((t) => tableOps(t, budget)), ...owned];
    await runInSyncs(context, ops, budget, (op) => touched.add(op.target), onSync);
  } catch (e) {
    throw new WriteFailed(e, [...touched]);
  }
}

/**
 * Puts touched tables back as they were read: old size, values and formats; a new table's or owned
 * sheet's sheet removed. An owned sheet that existed cannot be put back (its old content was not
 * read): its name is returned.
 */
/**
 * The status colours and links of a table put back as it was read: those of its old rows, over the extent
 * the failed write may have coloured or linked (the new rows' links pointed at this run's cells).
 */
function looksOfBefore(
  t: WriteTarget,
  b: ReadTable,
  sheetOf: (context: Excel.RequestContext) => Excel.Worksheet,
  columns: number,
  bodyRows: number,
  budget: number,
): Array<QueuedOp<Touched>> {
  const header = (name: string | undefined) => (name === undefined ? undefined : b.headers.find((h) => h.toLowerCase() === name.toLowerCase()));
  const rows = b.rows.map((r) => r.map((v) => (v !== null && typeof v === "object" && !(v instanceof Date) ? null : v)));
  const links = t.table.links;
  const linkColumn = header(links?.column);
  const locate = links?.locate;
  const old: OutputTable = {
    name: t.table.name,
    columns: b.headers.map((name) => ({ name, kind: "text" as const })),
    rows,
    ...(header(t.table.statusColumn) ? { statusColumn: header(t.table.statusColumn) } : {}),
    ...(linkColumn && locate
      ? {
          links: {
            column: linkColumn,
            locations: rows.map((r) => locate((h) => r[b.headers.findIndex((x) => x.toLowerCase() === h.toLowerCase())] ?? null)),
          },
        }
      : {}),
  };
  // The write's extent, cleared of its colours and links too: the table's new size and headers (where the
  // write put a column HR had moved, statusOp and linkOps clear it as well as the old place).
  const at = { top: b.headerIndex, left: b.columnIndex, before: { bodyRows, headers: t.table.columns.slice(0, columns).map((c) => c.name) } };
  const status = statusOp<Touched>(t, sheetOf, old, at);
  return [...(status ? [status] : []), ...linkOps<Touched>(t, sheetOf, old, at, budget)];
}

export async function restoreAll(context: Excel.RequestContext, touched: readonly Touched[], budget = BUDGET_BYTES): Promise<string[]> {
  const ops: Array<QueuedOp<Touched>> = [];
  const left: string[] = [];
  for (const x of touched) {
    if ("content" in x) {
      if (x.existing) left.push(x.sheet);
      else ops.push({ bytes: 200, target: x, queue: (context) => context.workbook.worksheets.getItemOrNullObject(x.sheet).delete() });
      continue;
    }
    const t = x;
    const b = t.before;
    if (!b) {
      // The sheet was made by this run (its name was free when the run began).
      ops.push({ bytes: 200, target: t, queue: (context) => context.workbook.worksheets.getItemOrNullObject(t.sheet).delete() });
      continue;
    }
    const { columns, bodyRows } = geometry(t);
    const sheetOf = (context: Excel.RequestContext) => context.workbook.worksheets.getItem(t.sheet);
    ops.push({
      bytes: 600 + jsonBytes(b.headers),
      target: t,
      queue: (context) => {
        const sheet = sheetOf(context);
        context.workbook.tables.getItem(b.name).resize(sheet.getRangeByIndexes(b.headerIndex, b.columnIndex, 1 + b.bodyRows, b.columns));
        if (bodyRows > b.bodyRows)
          sheet.getRangeByIndexes(b.headerIndex + 1 + b.bodyRows, b.columnIndex, bodyRows - b.bodyRows, Math.max(columns, b.columns)).clear("All");
        if (columns > b.columns)
          sheet.getRangeByIndexes(b.headerIndex, b.columnIndex + b.columns, 1 + Math.max(bodyRows, b.bodyRows), columns - b.columns).clear("All");
        sheet.getRangeByIndexes(b.headerIndex, b.columnIndex, 1, b.columns).values = [b.headers];
      },
    });
    let start = 0;
    while (start < b.bodyRows) {
      let bytes = 200;
      let end = start;
      while (end < b.bodyRows && (end === start || bytes < budget / 2)) {
        bytes += jsonBytes(b.rows[end]) + jsonBytes(b.formats[end]);
        end++;
      }
      const [from, to] = [start, end];
      ops.push({
        bytes,
        target: t,
        queue: (context) => {
          const range = sheetOf(context).getRangeByIndexes(b.headerIndex + 1 + from, b.columnIndex, to - from, b.columns);
          range.numberFormat = b.formats.slice(from, to);
          range.values = b.rows
            .slice(from, to)
            .map((r) => r.map((v) => (v !== null && typeof v === "object" && !(v instanceof Date) ? "" : toExcel(v, b.date1904 === true))));
        },
      });
      start = end;
    }
    ops.push(...looksOfBefore(t, b, sheetOf, columns, bodyRows, budget));
  }
  await runInSyncs(context, ops, budget);
  return left;
}
