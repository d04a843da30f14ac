/**
 * Inserting and deleting cells with a shift (`Range.delete(shift)`, `Range.insert(shift)`, table rows and columns).
 *
 * Cells in the band's columns (rows, for a sideways shift) move; so do tables that lie wholly within them. A table
 * the shift would cut through gives InsertDeleteConflict (error table, docs-pr
 * `application-specific-api-error-handling.md`; **inference** that Excel uses this code here). Pushing a non-empty
 * cell off the grid gives NonBlankCellOffSheet (same table). A table whose whole range is deleted is deleted;
 * deleting all of a table's body rows leaves one empty body row (a table always has one; **inference**).
 * Not modelled: conditional formats, charts, row heights and column widths do not follow the moved cells.
 */
import { MAX_COLUMNS, MAX_ROWS, Rect, contains, rect } from "../address";
import { excelError } from "../errors";
import { Cell } from "./cells";
import { SheetModel, Store, TableModel, cellKey, keyColumn, keyRow } from "./store";
import { bodyRowCount, removeTable } from "./tables";

export type Axis = "rows" | "columns";

interface Span {
  lo: number;
  hi: number;
}

const along = (axis: Axis, r: Rect): Span => (axis === "rows" ? { lo: r.r0, hi: r.r1 } : { lo: r.c0, hi: r.c1 });
const across = (axis: Axis, r: Rect): Span => (axis === "rows" ? { lo: r.c0, hi: r.c1 } : { lo: r.r0, hi: r.r1 });
const within = (inner: Span, outer: Span): boolean => outer.lo <= inner.lo && inner.hi <= outer.hi;
const disjoint = (a: Span, b: Span): boolean => a.hi < b.lo || b.hi < a.lo;
const limit = (axis: Axis): number => (axis === "rows" ? MAX_ROWS : MAX_COLUMNS);

function withAlong(axis: Axis, r: Rect, lo: number, hi: number): Rect {
  return axis === "rows" ? rect(lo, r.c0, hi, r.c1) : rect(r.r0, lo, r.r1, hi);
}

function conflict(location: string): Error {
  return excelError("InsertDeleteConflict", location, "The operation would shift cells in a table on the worksheet.");
}

/** Moves every stored cell in the band's cross-span with along ≥ from by delta (delta may be negative). */
function moveCells(store: Store, sheet: SheetModel, axis: Axis, cross: Span, from: number, delta: number): void {
  const moving: [number, number, Cell][] = [];
  for (const [key, cell] of sheet.cells) {
    const i = keyRow(key);
    const j = keyColumn(key);
    const a = axis === "rows" ? i : j;
    const x = axis === "rows" ? j : i;
    if (a >= from && x >= cross.lo && x <= cross.hi) moving.push([i, j, cell]);
  }
  for (const [i, j] of moving) store.setEntry(sheet.cells, cellKey(i, j), undefined);
  for (const [i, j, cell] of moving) {
    const [ni, nj] = axis === "rows" ? [i + delta, j] : [i, j + delta];
    store.setEntry(sheet.cells, cellKey(ni, nj), cell);
  }
}

function insertColumnIds(store: Store, t: TableModel, at: number, count: number): void {
  const ids = [...t.columnIds];
  const fresh = Array.from({ length: count }, (_, k) => t.nextColumnId + k);
  ids.splice(at, 0, ...fresh);
  store.set(t, "columnIds", ids);
  store.set(t, "nextColumnId", t.nextColumnId + count);
}

/** Inserts `band` (its extent along the axis) at its position, shifting cells down (rows) or right (columns). */
export function insertCells(store: Store, sheet: SheetModel, band: Rect, axis: Axis, location: string): void {
  const span = along(axis, band);
  const cross = across(axis, band);
  const n = span.hi - span.lo + 1;
  const plans: (() => void)[] = [];
  for (const t of store.tablesOn(sheet)) {
    const ta = along(axis, t.range);
    const tx = across(axis, t.range);
    if (disjoint(tx, cross) || ta.hi < span.lo) continue;
    if (!within(tx, cross)) throw conflict(location);
    if (ta.lo >= span.lo) plans.push(() => store.set(t, "range", withAlong(axis, t.range, ta.lo + n, ta.hi + n)));
    else {
      plans.push(() => {
        store.set(t, "range", withAlong(axis, t.range, ta.lo, ta.hi + n));
        if (axis === "columns") insertColumnIds(store, t, span.lo - ta.lo, n);
      });
    }
  }
  for (const [key] of sheet.cells) {
    const a = axis === "rows" ? keyRow(key) : keyColumn(key);
    const x = axis === "rows" ? keyColumn(key) : keyRow(key);
    if (a >= span.lo && x >= cross.lo && x <= cross.hi && a + n >= limit(axis)) {
      throw excelError("NonBlankCellOffSheet", location);
    }
  }
  moveCells(store, sheet, axis, cross, span.lo, n);
  for (const plan of plans) plan();
}

/** Deletes `band`, shifting cells up (rows) or left (columns). */
export function deleteCells(store: Store, sheet: SheetModel, band: Rect, axis: Axis, location: string): void {
  const span = along(axis, band);
  const cross = across(axis, band);
  const n = span.hi - span.lo + 1;
  const plans: (() => void)[] = [];
  let keepOne: TableModel | null = null;
  for (const t of store.tablesOn(sheet)) {
    const ta = along(axis, t.range);
    const tx = across(axis, t.range);
    if (disjoint(tx, cross) || ta.hi < span.lo) continue;
    if (contains(band, t.range)) {
      plans.push(() => removeTable(store, t));
      continue;
    }
    if (!within(tx, cross)) throw conflict(location);
    if (ta.lo > span.hi) {
      plans.push(() => store.set(t, "range", withAlong(axis, t.range, ta.lo - n, ta.hi - n)));
      continue;
    }
    if (span.lo <= ta.lo) throw conflict(location); // the header row (first column) would go, the table would not
    const removed = Math.min(span.hi, ta.hi) - span.lo + 1;
    if (axis === "rows") {
      if (t.showTotals && span.hi >= ta.hi) throw conflict(location);
      if (removed >= bodyRowCount(t)) {
        if (tx.lo !== cross.lo || tx.hi !== cross.hi) throw conflict(location);
        keepOne = t;
        continue;
      }
    }
    plans.push(() => {
      store.set(t, "range", withAlong(axis, t.range, ta.lo, ta.hi - removed));
      if (axis === "columns") {
        const ids = [...t.columnIds];
        ids.splice(span.lo - ta.lo, removed);
        store.set(t, "columnIds", ids);
      }
    });
  }
  if (keepOne) {
    // Delete all but the first of the deleted body rows, then empty that one.
    const first = span.lo;
    if (n > 1) deleteCells(store, sheet, withAlong(axis, band, first + 1, span.hi), axis, location);
    for (let j = cross.lo; j <= cross.hi; j++) store.setEntry(sheet.cells, cellKey(first, j), undefined);
    return;
  }
  for (const [key] of [...sheet.cells]) {
    const a = axis === "rows" ? keyRow(key) : keyColumn(key);
    const x = axis === "rows" ? keyColumn(key) : keyRow(key);
    if (a >= span.lo && a <= span.hi && x >= cross.lo && x <= cross.hi) store.setEntry(sheet.cells, key, undefined);
  }
  moveCells(store, sheet, axis, cross, span.hi + 1, -n);
  for (const plan of plans) plan();
}
