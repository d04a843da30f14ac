/**
 * Reading and writing rectangles of cells: values, formulas, number formats, styles, clearing, used range.
 *
 * - A 2-D array must have exactly the range's shape, else InvalidArgument (the host's "The number of rows or
 *   columns in the input array doesn't match the size or dimensions of the range."). A single (non-array) value is
 *   applied to every cell for `values`, `formulas` and `numberFormat`: older docs-ref pages said so and a Microsoft
 *   writer confirmed it works although @types/office-js rejects it (office-js-docs-pr#2013, office-js-docs-reference#578).
 * - `null` inside an array leaves that cell; `null` for the whole property is invalid; "" clears a value and resets a
 *   number format to General (docs-pr `excel-add-ins-blank-null-values.md`).
 * - Formats read as `null` when the cells of the range differ (same page, "null property values in the response").
 */
import { Rect, cellCount, columns, inGrid, intersection, rect, rows } from "../address";
import { excelError } from "../errors";
import { Cell, CellStyle, Content, GENERAL, InputContext, contentFromInput, numberFormatOf } from "./cells";
import { SheetModel, Store, cellKey, keyColumn, keyRow } from "./store";
import { afterWrite } from "./tables";

export function readGrid<T>(store: Store, sheet: SheetModel, r: Rect, read: (cell: Cell | undefined) => T): T[][] {
  const out: T[][] = [];
  for (let i = r.r0; i <= r.r1; i++) {
    const row: T[] = [];
    for (let j = r.c0; j <= r.c1; j++) row.push(read(store.cellAt(sheet, i, j)));
    out.push(row);
  }
  return out;
}

/** One value for the range, or null when its cells differ. */
export function uniform<T>(store: Store, sheet: SheetModel, r: Rect, read: (cell: Cell | undefined) => T): T | null {
  let first: T | undefined;
  let seen = false;
  for (let i = r.r0; i <= r.r1; i++) {
    for (let j = r.c0; j <= r.c1; j++) {
      const v = read(store.cellAt(sheet, i, j));
      if (!seen) {
        first = v;
        seen = true;
      } else if (v !== first) return null;
    }
  }
  return first as T;
}

/** The input as a grid of the range's shape; a scalar is repeated. Throws InvalidArgument otherwise. */
export function shapeInput(input: unknown, r: Rect, location: string): (row: number, col: number) => unknown {
  if (input === null || input === undefined) throw excelError("InvalidArgument", location, "The value can't be null.");
  if (!Array.isArray(input)) {
    if (typeof input === "object" && !(input instanceof Date)) throw excelError("InvalidArgument", location);
    return () => input;
  }
  const mismatch = excelError(
    "InvalidArgument",
    location,
    "The number of rows or columns in the input array doesn't match the size or dimensions of the range.",
  );
  if (input.length !== rows(r)) throw mismatch;
  for (const row of input) if (!Array.isArray(row) || row.length !== columns(r)) throw mismatch;
  return (i, j) => (input as unknown[][])[i]![j];
}

function putContent(store: Store, sheet: SheetModel, i: number, j: number, content: Content): void {
  const old = store.cellAt(sheet, i, j);
  const nf = content.nf ?? old?.nf;
  store.putCell(sheet, i, j, {
    v: content.v,
    ...(content.err ? { err: true } : {}),
    ...(content.f ? { f: content.f } : {}),
    ...(nf ? { nf } : {}),
    ...(old?.s ? { s: old.s } : {}),
    ...(old?.link ? { link: old.link } : {}),
  });
}

/** Writes `values` or `formulas` as typed input, then lets tables react (headers, auto-expansion). */
export function writeContent(store: Store, sheet: SheetModel, r: Rect, input: unknown, ctx: InputContext, kind: "values" | "formulas"): void {
  const location = `Range.${kind}`;
  const at = shapeInput(input, r, location);
  // Validate every element before changing anything: one bad element fails the whole write.
  const contents: (Content | undefined)[] = [];
  for (let i = r.r0; i <= r.r1; i++) {
    for (let j = r.c0; j <= r.c1; j++) {
      const value = at(i - r.r0, j - r.c0);
      if (Array.isArray(value)) throw excelError("InvalidArgument", location, "A cell value can't be an array.");
      contents.push(contentFromInput(value, numberFormatOf(store.cellAt(sheet, i, j)), ctx, kind === "formulas"));
    }
  }
  let k = 0;
  const written: [number, number][] = [];
  for (let i = r.r0; i <= r.r1; i++) {
    for (let j = r.c0; j <= r.c1; j++) {
      const content = contents[k++];
      if (!content) continue;
      putContent(store, sheet, i, j, content);
      if (content.v !== "" || content.f) written.push([i, j]);
    }
  }
  afterWrite(store, sheet, r, written);
}

export function writeNumberFormat(store: Store, sheet: SheetModel, r: Rect, input: unknown): void {
  const at = shapeInput(input, r, "Range.numberFormat");
  for (let i = r.r0; i <= r.r1; i++) {
    for (let j = r.c0; j <= r.c1; j++) {
      const nf = at(i - r.r0, j - r.c0);
      if (nf === null || nf === undefined) continue;
      if (typeof nf !== "string") throw excelError("InvalidArgument", "Range.numberFormat", "A number format must be a string.");
      store.patchCell(sheet, i, j, { nf: nf === "" || nf === GENERAL ? undefined : nf });
    }
  }
}

export function writeStyle(store: Store, sheet: SheetModel, r: Rect, style: Partial<CellStyle>): void {
  for (let i = r.r0; i <= r.r1; i++) for (let j = r.c0; j <= r.c1; j++) store.patchStyle(sheet, i, j, style);
}

/** Cells of the sheet inside `r` that exist in the store (sparse walk when the range is large). */
export function storedCells(sheet: SheetModel, r: Rect): [number, number, Cell][] {
  const out: [number, number, Cell][] = [];
  if (cellCount(r) <= sheet.cells.size) {
    for (let i = r.r0; i <= r.r1; i++) {
      for (let j = r.c0; j <= r.c1; j++) {
        const cell = sheet.cells.get(cellKey(i, j));
        if (cell) out.push([i, j, cell]);
      }
    }
    return out;
  }
  for (const [key, cell] of sheet.cells) {
    const i = keyRow(key);
    const j = keyColumn(key);
    if (i >= r.r0 && i <= r.r1 && j >= r.c0 && j <= r.c1) out.push([i, j, cell]);
  }
  return out;
}

export type ClearApplyTo = "All" | "Formats" | "Contents" | "Hyperlinks" | "RemoveHyperlinks" | "ResetContents";

/**
 * `Range.clear(applyTo)` (docs-ref `excel.clearapplyto.yml`): All, Formats, Contents, Hyperlinks (link only),
 * RemoveHyperlinks (link and its formatting). **Inference:** Contents keeps hyperlinks; ResetContents acts as Contents.
 */
export function clearRange(store: Store, sheet: SheetModel, r: Rect, applyTo: ClearApplyTo): void {
  for (const [i, j, cell] of storedCells(sheet, r)) {
    switch (applyTo) {
      case "All":
        store.putCell(sheet, i, j, undefined);
        break;
      case "Formats":
        store.putCell(sheet, i, j, { ...cell, nf: undefined, s: undefined });
        break;
      case "Contents":
      case "ResetContents":
        store.putCell(sheet, i, j, { ...cell, v: "", err: undefined, f: undefined });
        break;
      case "Hyperlinks":
        store.putCell(sheet, i, j, { ...cell, link: undefined });
        break;
      case "RemoveHyperlinks":
        store.putCell(sheet, i, j, { ...cell, link: undefined, s: cell.link ? undefined : cell.s });
        break;
    }
  }
  if (applyTo === "All" || applyTo === "Contents" || applyTo === "ResetContents") afterWrite(store, sheet, r, []);
}

/**
 * The used range (docs-ref `excel.worksheet.yml` getUsedRange): "the smallest range that encompasses any cells that
 * have a value or formatting assigned to them"; with valuesOnly, values only. Tables count as formatted
 * (**inference**: their style formats every cell).
 */
export function usedRect(store: Store, sheet: SheetModel, valuesOnly: boolean, within?: Rect): Rect | null {
  let box: Rect | null = null;
  const grow = (i0: number, j0: number, i1: number, j1: number): void => {
    box = box ? rect(Math.min(box.r0, i0), Math.min(box.c0, j0), Math.max(box.r1, i1), Math.max(box.c1, j1)) : rect(i0, j0, i1, j1);
  };
  for (const [key, cell] of sheet.cells) {
    if (valuesOnly && cell.v === "" && !cell.f) continue;
    grow(keyRow(key), keyColumn(key), keyRow(key), keyColumn(key));
  }
  if (!valuesOnly) for (const t of store.tablesOn(sheet)) grow(t.range.r0, t.range.c0, t.range.r1, t.range.c1);
  if (box && within) return intersection(box, within);
  return box;
}

export function checkGrid(r: Rect, location: string): Rect {
  if (!inGrid(r)) throw excelError("InvalidArgument", location, "The range is outside the worksheet grid.");
  return r;
}
