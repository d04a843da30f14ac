/**
 * Excel tables (ListObjects) in the model: creation, headers, resizing, rows and columns, totals, deletion.
 *
 * Documented (docs-ref `excel.tablecollection.yml`, `excel.table.yml`, `excel.tablerowcollection.yml`):
 *  - add fails "if the address is invalid, or the table would overlap with another table"; the overlap code is
 *    MergedRangeConflict (error table, docs-pr `application-specific-api-error-handling.md`; office-js#1199 saw
 *    InvalidArgument on 2020 builds);
 *  - resize (ExcelApi 1.13): "The new range must overlap with the original table range and the headers (or the top
 *    of the table) must be in the same row" — otherwise InvalidArgument (**inference** for the code);
 *  - rows.add: index null or -1 appends; "Any rows below the inserted row are shifted downwards"; alwaysInsert
 *    (default true) inserts, false adds the rows below the table without inserting cells.
 *  - A table without headers gets a header row inserted above its data, pushing the cells below down by one
 *    ("by design", Microsoft in office-js#196).
 * Inferences: a header-only range gets one empty body row (the row below, not inserted) — a table has a body row
 * in Excel's UI; adding rows to a table whose only body row is empty fills that row first (docs-pr
 * `excel-add-ins-tables.md` builds "four columns and seven rows of data" from `add("A1:D1")` plus seven rows);
 * header cells hold text; Table.delete() clears the cells, convertToRange() keeps them.
 */
import { Rect, columns, contains, intersects, rect, rows } from "../address";
import { excelError } from "../errors";
import { Content, EMPTY, InputContext, contentFromInput } from "./cells";
import { checkTableName, tableNamePrefix, totalLabel, uniqueHeaders } from "./names";
import { deleteCells, insertCells } from "./shift";
import { SheetModel, Store, TableModel } from "./store";

export const headerRect = (t: TableModel): Rect => rect(t.range.r0, t.range.c0, t.range.r0, t.range.c1);
export const bodyRowCount = (t: TableModel): number => rows(t.range) - 1 - (t.showTotals ? 1 : 0);
export const bodyRect = (t: TableModel): Rect => rect(t.range.r0 + 1, t.range.c0, t.range.r0 + bodyRowCount(t), t.range.c1);
export const totalRect = (t: TableModel): Rect | null => (t.showTotals ? rect(t.range.r1, t.range.c0, t.range.r1, t.range.c1) : null);

export function headerNames(store: Store, t: TableModel): string[] {
  const out: string[] = [];
  for (let j = t.range.c0; j <= t.range.c1; j++) out.push(String(store.cellAt(t.sheet, t.range.r0, j)?.v ?? ""));
  return out;
}

/** Rewrites the header cells as Excel keeps them: unique, non-blank text. */
export function normalizeHeaders(store: Store, t: TableModel): void {
  const raw = [];
  for (let j = t.range.c0; j <= t.range.c1; j++) raw.push(store.cellAt(t.sheet, t.range.r0, j)?.v ?? "");
  const names = uniqueHeaders(raw, store.options.language);
  names.forEach((name, k) => {
    const j = t.range.c0 + k;
    const cell = store.cellAt(t.sheet, t.range.r0, j);
    if (cell?.v !== name || cell.f || cell.err) store.patchCell(t.sheet, t.range.r0, j, { v: name, f: undefined, err: undefined });
  });
}

export function checkNoOverlap(store: Store, sheet: SheetModel, r: Rect, location: string, except?: TableModel): void {
  for (const t of store.tablesOn(sheet)) {
    if (t !== except && intersects(t.range, r)) throw excelError("MergedRangeConflict", location);
  }
}

function nextTableName(store: Store): string {
  const prefix = tableNamePrefix(store.options.language);
  let n = ++store.counters.tableName;
  while (store.tableByName(`${prefix}${n}`)) n = ++store.counters.tableName;
  return `${prefix}${n}`;
}

export function createTable(store: Store, sheet: SheetModel, r: Rect, hasHeaders: boolean, location: string): TableModel {
  let range = r;
  if (!hasHeaders) {
    checkNoOverlap(store, sheet, rect(r.r0, r.c0, r.r1 + 1, r.c1), location);
    insertCells(store, sheet, rect(r.r0, r.c0, r.r0, r.c1), "rows", location);
    for (let j = r.c0; j <= r.c1; j++) store.putCell(sheet, r.r0, j, undefined);
    range = rect(r.r0, r.c0, r.r1 + 1, r.c1);
  } else if (rows(r) === 1) {
    range = rect(r.r0, r.c0, r.r0 + 1, r.c1);
  }
  checkNoOverlap(store, sheet, range, location);
  const n = ++store.counters.table;
  const t: TableModel = {
    id: `{${n.toString(16).toUpperCase().padStart(8, "0")}-7A3B-4C5D-8E9F-000000000000}`,
    name: nextTableName(store),
    sheet,
    range,
    showTotals: false,
    style: "TableStyleMedium2",
    showBandedRows: true,
    showBandedColumns: false,
    showFilterButton: true,
    highlightFirstColumn: false,
    highlightLastColumn: false,
    columnIds: Array.from({ length: columns(range) }, (_, k) => k + 1),
    nextColumnId: columns(range) + 1,
  };
  store.set(store, "tables", [...store.tables, t]);
  normalizeHeaders(store, t);
  return t;
}

export function renameTable(store: Store, t: TableModel, name: unknown): void {
  const checked = checkTableName(name, "Table.name");
  const other = store.tableByName(checked);
  if (other && other !== t) throw excelError("InvalidArgument", "Table.name", `A table named "${checked}" already exists.`);
  store.set(t, "name", checked);
}

export function removeTable(store: Store, t: TableModel): void {
  store.set(
    store,
    "tables",
    store.tables.filter((x) => x !== t),
  );
}

export function resizeTable(store: Store, t: TableModel, next: Rect, sheet: SheetModel): void {
  const location = "Table.resize";
  if (sheet !== t.sheet) throw excelError("InvalidArgument", location, "The new range is on another worksheet.");
  if (next.r0 !== t.range.r0) throw excelError("InvalidArgument", location, "The header row must stay in the same row.");
  if (!intersects(next, t.range)) throw excelError("InvalidArgument", location, "The new range must overlap the table.");
  if (rows(next) < 2 + (t.showTotals ? 1 : 0)) throw excelError("InvalidArgument", location, "A table needs a body row.");
  checkNoOverlap(store, t.sheet, next, location, t);
  const ids: number[] = [];
  let fresh = t.nextColumnId;
  for (let j = next.c0; j <= next.c1; j++) {
    const old = j >= t.range.c0 && j <= t.range.c1 ? t.columnIds[j - t.range.c0] : undefined;
    ids.push(old ?? fresh++);
  }
  store.set(t, "columnIds", ids);
  store.set(t, "nextColumnId", fresh);
  store.set(t, "range", next);
  normalizeHeaders(store, t);
}

export function setShowTotals(store: Store, t: TableModel, show: boolean): void {
  if (show === t.showTotals) return;
  if (show) {
    const below = rect(t.range.r1 + 1, t.range.c0, t.range.r1 + 1, t.range.c1);
    insertCells(store, t.sheet, below, "rows", "Table.showTotals");
    checkNoOverlap(store, t.sheet, below, "Table.showTotals", t);
    store.set(t, "range", rect(t.range.r0, t.range.c0, t.range.r1 + 1, t.range.c1));
    store.set(t, "showTotals", true);
    store.patchCell(t.sheet, below.r0, below.c0, { v: totalLabel(store.options.language) });
  } else {
    const total = totalRect(t)!;
    for (let j = total.c0; j <= total.c1; j++) store.putCell(t.sheet, total.r0, j, undefined);
    store.set(t, "range", rect(t.range.r0, t.range.c0, t.range.r1 - 1, t.range.c1));
    store.set(t, "showTotals", false);
  }
}

function rowsOfInput(values: unknown, width: number, location: string): unknown[][] {
  if (values === undefined || values === null) return [Array(width).fill(null)];
  if (!Array.isArray(values)) return [Array(width).fill(values)];
  if (values.length === 0 || values.some((row) => !Array.isArray(row) || row.length !== width)) {
    throw excelError("InvalidArgument", location, "The number of rows or columns in the input array doesn't match the size or dimensions of the range.");
  }
  return values as unknown[][];
}

function writeRow(store: Store, t: TableModel, r: number, row: unknown[], ctx: InputContext): void {
  const contents: (Content | undefined)[] = row.map((v, k) => contentFromInput(v, store.cellAt(t.sheet, r, t.range.c0 + k)?.nf ?? "General", ctx));
  contents.forEach((content, k) => {
    const c = content ?? EMPTY;
    const old = store.cellAt(t.sheet, r, t.range.c0 + k);
    store.putCell(t.sheet, r, t.range.c0 + k, { ...old, v: c.v, err: c.err, f: c.f, nf: c.nf ?? old?.nf });
  });
}

const isBlankRow = (store: Store, t: TableModel, r: number): boolean => {
  for (let j = t.range.c0; j <= t.range.c1; j++) {
    const cell = store.cellAt(t.sheet, r, j);
    if (cell && (cell.v !== "" || cell.f)) return false;
  }
  return true;
};

/** TableRowCollection.add: returns the index (in the body) of the first added row. */
export function addTableRows(store: Store, t: TableModel, index: number | null | undefined, values: unknown, alwaysInsert: boolean, ctx: InputContext): number {
  const location = "TableRowCollection.add";
  const data = rowsOfInput(values, columns(t.range), location);
  const body = bodyRect(t);
  const count = bodyRowCount(t);
  const append = index === null || index === undefined || index === -1;
  if (!append && (!Number.isInteger(index) || index! < 0 || index! > count)) throw excelError("InvalidArgument", location, "The index is out of range.");
  const at = append ? count : index!;
  let first = at;
  let insertAt = at;
  let pending = data;
  if (count === 1 && isBlankRow(store, t, body.r0) && at <= 1) {
    writeRow(store, t, body.r0, data[0]!, ctx);
    pending = data.slice(1);
    first = 0;
    insertAt = 1;
  }
  if (pending.length) {
    const r0 = body.r0 + insertAt;
    const band = rect(r0, t.range.c0, r0 + pending.length - 1, t.range.c1);
    const appendsBelow = r0 > t.range.r1;
    if (alwaysInsert || !appendsBelow) insertCells(store, t.sheet, band, "rows", location);
    else checkNoOverlap(store, t.sheet, band, location, t);
    if (appendsBelow) store.set(t, "range", rect(t.range.r0, t.range.c0, band.r1, t.range.c1));
    pending.forEach((row, k) => writeRow(store, t, r0 + k, row, ctx));
  }
  return first;
}

/** TableColumnCollection.add: index null/-1 appends; values cover the header and body rows. */
export function addTableColumn(
  store: Store,
  t: TableModel,
  index: number | null | undefined,
  values: unknown,
  name: string | undefined,
  ctx: InputContext,
): number {
  const location = "TableColumnCollection.add";
  const width = columns(t.range);
  const append = index === null || index === undefined || index === -1;
  if (!append && (!Number.isInteger(index) || index! < 0 || index! > width)) throw excelError("InvalidArgument", location, "The index is out of range.");
  const at = append ? width : index!;
  const c = t.range.c0 + at;
  const band = rect(t.range.r0, c, t.range.r1, c);
  insertCells(store, t.sheet, band, "columns", location);
  // Inserting at either edge moves or leaves the table rather than growing it: grow it here.
  if (append || at === 0) {
    const ids = append ? [...t.columnIds, t.nextColumnId] : [t.nextColumnId, ...t.columnIds];
    store.set(t, "range", append ? rect(t.range.r0, t.range.c0, t.range.r1, c) : rect(t.range.r0, c, t.range.r1, t.range.c1));
    store.set(t, "columnIds", ids);
    store.set(t, "nextColumnId", t.nextColumnId + 1);
  }
  if (values !== undefined && values !== null) {
    const height = rows(t.range);
    const grid = Array.isArray(values) ? (values as unknown[][]) : Array.from({ length: height }, () => [values]);
    if (grid.length !== height || grid.some((row) => !Array.isArray(row) || row.length !== 1)) {
      throw excelError("InvalidArgument", location, "The number of rows or columns in the input array doesn't match the size or dimensions of the range.");
    }
    grid.forEach((row, k) => {
      const content = contentFromInput(row[0], store.cellAt(t.sheet, t.range.r0 + k, c)?.nf ?? "General", ctx);
      if (content) store.patchCell(t.sheet, t.range.r0 + k, c, { v: content.v, err: content.err, f: content.f });
    });
  }
  if (name !== undefined) store.patchCell(t.sheet, t.range.r0, c, { v: String(name), f: undefined, err: undefined });
  normalizeHeaders(store, t);
  return at;
}

export function deleteTableColumn(store: Store, t: TableModel, at: number): void {
  if (columns(t.range) === 1) throw excelError("InvalidOperation", "TableColumn.delete", "A table needs a column.");
  const c = t.range.c0 + at;
  deleteCells(store, t.sheet, rect(t.range.r0, c, t.range.r1, c), "columns", "TableColumn.delete");
}

/** After cells were written: keep headers valid, and let a table grow over rows written just below it. */
export function afterWrite(store: Store, sheet: SheetModel, r: Rect, written: [number, number][]): void {
  for (const t of store.tablesOn(sheet)) {
    if (intersects(headerRect(t), r)) normalizeHeaders(store, t);
    if (!store.options.tableAutoExpand || t.showTotals || r.r0 !== t.range.r1 + 1) continue;
    if (!written.some(([, j]) => j >= t.range.c0 && j <= t.range.c1)) continue;
    const grown = rect(t.range.r0, t.range.c0, r.r1, t.range.c1);
    if (store.tablesOn(sheet).some((o) => o !== t && intersects(o.range, grown))) continue;
    store.set(t, "range", grown);
  }
}

export const tableContains = (t: TableModel, r: Rect): boolean => contains(t.range, r);
