/**
 * Reading tables inside Excel in a fixed number of round trips: one sync lists the tables and sheets,
 * one loads every wanted table's header and size, then the bodies' values and number formats go in
 * as few syncs as 4 MB responses allow (one for an ordinary workbook). Nothing is read before it is
 * loaded and synced, and no sync sits inside a loop over tables or rows: each sync serves all of them.
 * Sources: learn.microsoft.com/office/dev/add-ins/excel/performance ("Batch loads", payload limits),
 * .../excel/excel-add-ins-ranges-large ("read in row blocks"), and the Excel.Table / Excel.Range
 * reference (getHeaderRowRange, getDataBodyRange, getRangeByIndexes: ExcelApi 1.1 / 1.7).
 */
import { dateFromSerial, isDateSerial } from "../../engine/periods";
import { isDateFormat } from "../formats";
import { CellValue, TableData, TableInfo } from "../port";
import { SheetTable, sheetAsTable } from "../sheetTable";
import { BUDGET_BYTES, jsonBytes } from "./payload";

/** What a read learned about a table besides its values: enough to write it back or restore it. */
export interface TableShape {
  name: string;
  sheet: string;
  /** 0-based sheet row of the header, and column of the first column. */
  headerIndex: number;
  columnIndex: number;
  bodyRows: number;
  columns: number;
  headers: string[];
}

export interface ReadTable extends TableShape {
  rows: CellValue[][];
  /** The body's number formats as Excel holds them, to restore a table exactly. */
  formats: string[][];
  /** The workbook counts date serials from 1904 (its dates were read so). */
  date1904?: true;
}

/** A first guess of the JSON bytes of one cell's value and number format, before any were measured. */
const FIRST_GUESS_BYTES_PER_CELL = 48;

/**
 * A cell as Excel hands it to an add-in, as the port speaks it: "" is blank, a serial in a date format is a
 * date (counted from 1904-01-01 in a 1904 workbook, 1,462 days after the 1900 system's day of that number)
 * when Excel can show it as one, as the .xlsx reader takes it: a negative number stays a number.
 */
export function fromExcel(value: unknown, format: string | undefined, date1904 = false): CellValue {
  if (value === "" || value === null || value === undefined) return null;
  if (typeof value === "number")
    return format && isDateFormat(format) && isDateSerial(value, date1904) ? dateFromSerial(date1904 ? value + 1462 : value) : value;
  if (typeof value === "string" || typeof value === "boolean") return value;
  return String(value);
}

/** Lists the workbook's tables (with their sheets) and sheets: one sync. */
export async function listAll(context: Excel.RequestContext): Promise<{ tables: TableInfo[]; sheets: string[] }> {
  const tables = context.workbook.tables;
  tables.load("items/name");
  const sheets = context.workbook.worksheets;
  sheets.load("items/name");
  await context.sync();
  const headers = tables.items.map((t) => {
    const h = t.getHeaderRowRange();
    h.load("values");
    t.worksheet.load("name");
    return h;
  });
  if (tables.items.length > 0) await context.sync();
  return {
    tables: tables.items.map((t, i) => ({ name: t.name, sheet: t.worksheet.name, headers: (headers[i].values[0] ?? []).map((v) => String(v)) })),
    sheets: sheets.items.map((s) => s.name),
  };
}

interface Pending {
  sheet: string;
  top: number;
  left: number;
  columns: number;
  rows: number;
  done: number;
  values: unknown[][];
  formats: string[][];
}

/**
 * Loads the values and number formats of rectangles, in row blocks whose responses stay within the
 * budget. The first block of each is sized by a guess, the rest by the bytes per cell measured so far.
 */
async function loadBlocks(context: Excel.RequestContext, pending: Pending[], budgetBytes: number, onSync?: () => void): Promise<void> {
  let bytesPerCell = FIRST_GUESS_BYTES_PER_CELL;
  while (pending.some((p) => p.done < p.rows)) {
    let budget = budgetBytes;
    const loaded: Array<{ p: Pending; range: Excel.Range; count: number }> = [];
    fill: for (const p of pending) {
      for (let next = p.done; next < p.rows;) {
        const fit = (budget / (p.columns * bytesPerCell)) | 0;
        if (fit < 1 && loaded.length > 0) break fill;
        const count = Math.min(p.rows - next, Math.max(1, fit));
        const range = context.workbook.worksheets.getItem(p.sheet).getRangeByIndexes(p.top + next, p.left, count, p.columns);
        range.load("values,numberFormat");
        loaded.push({ p, range, count });
        next += count;
        budget -= count * p.columns * bytesPerCell;
      }
    }
    // A sync per 4 MB block of rows, the split a response over Excel on the web's 5 MB cap needs
    // (learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins).
    try {
      // eslint-disable-next-line office-addins/no-context-sync-in-loop -- the loop is over 4 MB blocks, not rows or tables
      await context.sync();
    } catch (e) {
      // Cells heavier than guessed (long text) made the response pass the cap: nothing of it arrived, so
      // the same rows are asked for again in blocks a quarter the size, down to a block of one row.
      const single = loaded.length === 1 && loaded[0].count === 1;
      if ((e as { code?: string }).code !== "ResponsePayloadSizeLimitExceeded" || single) throw e;
      bytesPerCell *= 4;
      continue;
    }
    onSync?.();
    let bytes = 0;
    let cells = 0;
    for (const { p, range, count } of loaded) {
      for (let i = 0; i < count; i++) {
        p.values.push(range.values[i]);
        p.formats.push(range.numberFormat[i] as string[]);
      }
      p.done += count;
      bytes += jsonBytes(range.values) + jsonBytes(range.numberFormat);
      cells += count * p.columns;
    }
    // The next blocks are sized by what this one weighed, with a quarter to spare.
    if (cells > 0) bytesPerCell = Math.max(8, ((bytes * 5) / (cells * 4)) | 0) + 1;
  }
}

/**
 * Reads the named tables that exist (and, for a missing one, a sheet named in `fallbackSheets` that
 * holds no table), in one Excel.run: 2 syncs for their shapes, then one per 4 MB of values.
 */
export async function readAll(
  context: Excel.RequestContext,
  names: readonly string[],
  fallbackSheets: ReadonlyMap<string, readonly string[]> | undefined,
  onSync?: () => void,
  budget = BUDGET_BYTES,
): Promise<{ tables: Map<string, ReadTable & { fromSheet?: true }>; sheets: string[]; date1904: boolean }> {
  const tables = context.workbook.tables;
  tables.load("items/name");
  const sheets = context.workbook.worksheets;
  sheets.load("items/name");
  // The workbook's date system, asked in the same sync: DATE(1904, 1, 1) is 0 where serials count from 1904
  // and 1462 where they count from 1900 (Excel.Functions.date, ExcelApi 1.2: "a number from 1900 or 1904
  // (depending on the workbook's date system)", learn.microsoft.com/javascript/api/excel/excel.functions).
  const epoch = context.workbook.functions.date(1904, 1, 1);
  epoch.load("value");
  await context.sync();
  onSync?.();
  const date1904 = epoch.value === 0;
  const byName = new Map(tables.items.map((t) => [t.name.toLowerCase(), t]));
  const wanted = names.map((n) => [n, byName.get(n.toLowerCase())] as const).filter((x): x is readonly [string, Excel.Table] => x[1] !== undefined);
  const shapes = wanted.map(([asked, t]) => {
    const header = t.getHeaderRowRange();
    header.load("values");
    const body = t.getDataBodyRange();
    body.load("rowIndex,columnIndex,rowCount,columnCount");
    t.worksheet.load("name");
    return { asked, t, header, body };
  });
  // A wanted input table that is missing may survive as a sheet of its name (its table dropped by another tool).
  const missing = names.filter((n) => !byName.has(n.toLowerCase()) && fallbackSheets?.get(n)?.length);
  const candidates = missing.flatMap((n) =>
    (fallbackSheets?.get(n) ?? [])
      .map((s) => sheets.items.find((x) => x.name.trim().toLowerCase() === s.toLowerCase()))
      .filter((s): s is Excel.Worksheet => s !== undefined)
      .slice(0, 1)
      .map((sheet) => {
        const count = sheet.tables.getCount();
        const used = sheet.getUsedRangeOrNullObject(true);
        used.load("rowIndex,columnIndex,rowCount,columnCount");
        return { asked: n, sheet, count, used };
      }),
  );
  if (shapes.length + candidates.length > 0) {
    await context.sync();
    onSync?.();
  }
  const pending: Array<{ key: string; shape: TableShape; block: Pending; fromSheet?: true }> = [];
  for (const s of shapes) {
    const shape: TableShape = {
      name: s.t.name,
      sheet: s.t.worksheet.name,
      headerIndex: s.body.rowIndex - 1,
      columnIndex: s.body.columnIndex,
      bodyRows: s.body.rowCount,
      columns: s.body.columnCount,
      headers: (s.header.values[0] ?? []).map((v) => String(v)),
    };
    pending.push({
      key: s.asked,
      shape,
      block: {
        sheet: shape.sheet,
        top: s.body.rowIndex,
        left: shape.columnIndex,
        columns: shape.columns,
        rows: shape.bodyRows,
        done: 0,
        values: [],
        formats: [],
      },
    });
  }
  for (const c of candidates) {
    if (c.count.value > 0 || c.used.isNullObject) continue;
    const shape: TableShape = {
      name: c.asked,
      sheet: c.sheet.name,
      headerIndex: c.used.rowIndex,
      columnIndex: c.used.columnIndex,
      bodyRows: c.used.rowCount,
      columns: c.used.columnCount,
      headers: [],
    };
    pending.push({
      key: c.asked,
      shape,
      fromSheet: true,
      block: {
        sheet: shape.sheet,
        top: c.used.rowIndex,
        left: c.used.columnIndex,
        columns: c.used.columnCount,
        rows: c.used.rowCount,
        done: 0,
        values: [],
        formats: [],
      },
    });
  }
  await loadBlocks(
    context,
    pending.map((p) => p.block),
    budget,
    onSync,
  );
  const out = new Map<string, ReadTable & { fromSheet?: true }>();
  for (const { key, shape, block, fromSheet } of pending) {
    const rows = block.values.map((r, i) => r.map((v, j) => fromExcel(v, block.formats[i][j], date1904)));
    const system = date1904 ? { date1904: true as const } : {};
    if (!fromSheet) {
      out.set(key, { ...shape, rows, formats: block.formats, ...system });
      continue;
    }
    const table = usedRangeAsTable(rows, shape.headerIndex + 1, shape.columnIndex + 1);
    if (!table) continue;
    const formats = block.formats
      .slice(table.headerRow - shape.headerIndex, table.headerRow - shape.headerIndex + table.rows.length)
      .map((r) => r.slice(table.firstColumn - shape.columnIndex - 1, table.firstColumn - shape.columnIndex - 1 + table.headers.length));
    out.set(key, {
      name: key,
      sheet: shape.sheet,
      headerIndex: table.headerRow - 1,
      columnIndex: table.firstColumn - 1,
      bodyRows: table.rows.length,
      columns: table.headers.length,
      headers: table.headers,
      rows: table.rows,
      formats,
      fromSheet: true,
      ...system,
    });
  }
  return { tables: out, sheets: sheets.items.map((s) => s.name), date1904 };
}

/** The sheet-as-table rule over a used range's values (top and left 1-based). */
function usedRangeAsTable(rows: CellValue[][], top: number, left: number): SheetTable | null {
  const at = new Map(rows.map((r, i) => [top + i, new Map(r.map((v, j) => [left + j, v] as const))]));
  return sheetAsTable(at.keys(), (r) => at.get(r) ?? new Map());
}

/** A read table as the port's TableData. */
export function asTableData(t: ReadTable & { fromSheet?: true }): TableData {
  return {
    name: t.name,
    sheet: t.sheet,
    headers: t.headers,
    headerRow: t.headerIndex + 1,
    firstColumn: t.columnIndex + 1,
    rows: t.rows,
    ...(t.fromSheet ? { fromSheet: true as const } : {}),
    ...(t.date1904 ? { date1904: true as const } : {}),
  };
}
