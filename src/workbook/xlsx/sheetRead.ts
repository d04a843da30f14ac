/**
 * Reading cells from a sheet part as the strict scanner streams it: only SpreadsheetML elements count
 * (whatever their prefix), rows and cells without an r attribute follow the one before, and each cell
 * becomes a port value: shared and inline strings (Excel's _xHHHH_ escapes resolved, phonetic runs
 * left out), numbers, dates (a number in a date format), booleans, error values, and a formula saved
 * without its calculated value.
 */
import { dateFromSerial, isDateSerial } from "../../engine/periods";
import { columnLetters } from "../../engine/table";
import { CellValue } from "../port";
import { SheetTable, sheetAsTable } from "../sheetTable";
import { NS } from "./dom";
import { XlsxError } from "./errors";
import { Parts } from "./parts";
import { XmlStart } from "./xmlscan";

/** Excel writes characters XML cannot hold (and a literal _xHHHH_) as _xHHHH_ in strings. */
export function decodeExcelText(s: string): string {
  if (s.indexOf("_x") < 0) return s;
  return s.replace(/_x([0-9A-Fa-f]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
}

/** Column number of the letters of an A1 reference: "AB12" → 28. */
export function columnOf(ref: string): number {
  let n = 0;
  for (let i = 0; i < ref.length; i++) {
    const c = ref.charCodeAt(i) & ~32;
    if (c < 65 || c > 90) break;
    n = n * 26 + c - 64;
  }
  return n;
}

export interface CellContext {
  strings(): string[];
  /** Whether a cell style (index into cellXfs) shows dates. */
  isDateStyle(style: number): boolean;
  date1904: boolean;
}

/** A rectangle of the sheet to read: a table's body rows and columns. */
export interface Region {
  top: number;
  bottom: number;
  left: number;
  right: number;
  /** Filled by the reader: the values by row (top first), one array per row, null where blank. */
  rows: CellValue[][];
}

/** Reads the given regions of a sheet in one pass (the whole part is checked strictly on the way). */
export async function readRegions(parts: Parts, sheetPath: string, sheetName: string, regions: Region[], ctx: CellContext): Promise<void> {
  for (const g of regions) g.rows = Array.from({ length: Math.max(0, g.bottom - g.top + 1) }, () => new Array<CellValue>(g.right - g.left + 1).fill(null));
  await readCells(parts, sheetPath, sheetName, regions, ctx, (row, col, v) => {
    for (let i = 0; i < regions.length; i++) {
      const g = regions[i];
      if (row >= g.top && row <= g.bottom && col >= g.left && col <= g.right) g.rows[row - g.top][col - g.left] = v;
    }
  });
}

const NO_REGIONS: Region[] = [];

/** The regions a row crosses: the one region itself when it is the only one (a row, not an array per row). */
function regionsOf(regions: Region[], row: number): Region[] {
  if (regions.length === 1) return row >= regions[0].top && row <= regions[0].bottom ? regions : NO_REGIONS;
  return regions.filter((g) => row >= g.top && row <= g.bottom);
}

/** Whether a column falls in one of the regions (a loop, not a closure: it runs for every cell). */
function inColumns(wanted: readonly Region[], col: number): boolean {
  for (let i = 0; i < wanted.length; i++) if (col >= wanted[i].left && col <= wanted[i].right) return true;
  return false;
}

/** Each cell of the sheet inside one of the regions, as it is read. */
function readCells(
  parts: Parts,
  sheetPath: string,
  sheetName: string,
  regions: Region[],
  ctx: CellContext,
  each: (row: number, col: number, v: CellValue) => void,
): Promise<void> {
  const lastRow = Math.max(0, ...regions.map((g) => g.bottom));
  let inData = false;
  let row = 0;
  let col = 0;
  let wanted: Region[] = [];
  // The cell being read.
  let cell: { col: number; s: number; t: string } | null = null;
  let value: string | null = null;
  let inline: string | null = null;
  let formula: string | null = null;
  let target: "v" | "t" | "f" | null = null;
  // Elements open inside the current cell ("" for other namespaces), to know when the cell ends and to skip phonetic runs.
  const inside: string[] = [];
  let phonetic = 0;
  const texts: Texts = new Map();
  const startRow = (r: string | number | undefined) => {
    row = r !== undefined ? Number(r) : row + 1;
    if (!Number.isInteger(row) || row < 1)
      throw new XlsxError(`sheet ${sheetName} has a row numbered "${r}": the file is damaged; open it in Excel and save it again`);
    col = 0;
    wanted = regionsOf(regions, row);
  };
  return parts.scanAsync(sheetPath, {
    cellUri: NS.main,
    row(r: number | undefined) {
      // A plain row's start tag: what open does for it below.
      if (inData && row <= lastRow) startRow(r);
    },
    cell(column: number, style: number, t: string | undefined, v: string | null, inlineText: string | null) {
      // A whole cell in the plain shape: what open, text and close below do for it, at once.
      if (!inData || row > lastRow) return;
      col = column > 0 ? column : col + 1;
      if (!inColumns(wanted, col)) return;
      // An empty <v></v> gives no text on the ordinary path, so no value there either.
      each(row, col, cellValue(style, t ?? "n", v || null, inlineText, null, ctx, sheetName, col, row, texts));
    },
    open(e: XmlStart) {
      if (cell) {
        const l = e.uri === NS.main ? e.local : "";
        inside.push(l);
        if (l === "rPh") phonetic++;
        else if (l === "v") target = "v";
        else if (l === "f") {
          target = "f";
          formula ??= "";
        } else if (l === "t" && phonetic === 0) {
          target = "t";
          inline ??= "";
        }
        return;
      }
      if (e.uri !== NS.main) return;
      const l = e.local;
      if (l === "sheetData") inData = !e.selfClosing;
      else if (!inData || row > lastRow) return;
      else if (l === "row") startRow(e.attrs.r);
      else if (l === "c") {
        const r = e.attrs.r;
        col = r !== undefined ? columnOf(r) : col + 1;
        if (!inColumns(wanted, col)) return;
        cell = { col, s: e.attrs.s !== undefined ? Number(e.attrs.s) : 0, t: e.attrs.t ?? "n" };
        value = inline = formula = null;
        target = null;
      }
    },
    text(t: string) {
      if (target === "v") value = (value ?? "") + t;
      else if (target === "t") inline += t;
      else if (target === "f") formula += t;
    },
    close() {
      if (!cell) return;
      if (inside.length > 0) {
        // The end of an element inside the cell.
        if (inside.pop() === "rPh") phonetic--;
        target = null;
        return;
      }
      each(row, cell.col, cellValue(cell.s, cell.t, value, inline, formula, ctx, sheetName, cell.col, row, texts));
      cell = null;
    },
  });
}

/**
 * A copy of a text cut from the scanned chunk, not a view of it: V8 keeps a cut of 13 characters or more
 * as a slice that holds its whole 64 KB chunk alive, and the engine keeps names and departments for the
 * whole run (at 100,000 employees those chunks were a quarter of the heap). Prefixing a character makes
 * a new string that the slice then views instead.
 */
function detached(s: string): string {
  return s.length < 13 ? s : ("\0" + s).slice(1);
}

/** The texts of a sheet's inline strings met so far, each kept once. */
type Texts = Map<string, string>;

/**
 * One string for each distinct short text of a sheet: its ids, periods and indicator names repeat on
 * every row, and one string each is less to copy and keep (and hashes once where it is looked up).
 * Longer texts (notes, reasons) rarely repeat and are only detached. The table is bounded.
 */
function kept(s: string, texts: Texts): string {
  if (s.length > 48) return detached(s);
  let k = texts.get(s);
  if (k === undefined) {
    if (texts.size >= 65536) texts.clear();
    k = detached(s);
    texts.set(k, k);
  }
  return k;
}

/** A cell's value from its style `s`, type `t` and texts; sheet, column and row name it in a message. */
function cellValue(
  s: number,
  t: string,
  v: string | null,
  inline: string | null,
  formula: string | null,
  ctx: CellContext,
  sheetName: string,
  col: number,
  row: number,
  texts: Texts,
): CellValue {
  if (t === "inlineStr") return inline === null ? null : kept(decodeExcelText(inline), texts);
  if (v === null) return formula !== null ? { formula } : null;
  switch (t) {
    case "s": {
      const text = ctx.strings()[Number(v)];
      if (text === undefined)
        throw new XlsxError(`cell ${sheetName}!${columnLetters(col)}${row} points to shared string ${v}, which does not exist: the file is damaged`);
      return text;
    }
    case "str":
      return kept(decodeExcelText(v), texts);
    case "e":
      return v.trim();
    case "b":
      return v === "1" || v === "true";
    case "d": {
      const d = new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(v) ? v : `${v.length === 10 ? `${v}T00:00:00` : v}Z`);
      if (Number.isNaN(d.getTime())) return v;
      return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
    }
    default: {
      const n = Number(v);
      // A number that is not a number is passed on as text, so the recalculation names its cell.
      if (v.trim() === "" || !Number.isFinite(n)) return v;
      // Only a serial Excel can show as a date is one.
      if (s && ctx.isDateStyle(s) && isDateSerial(n, ctx.date1904)) return dateFromSerial(ctx.date1904 ? n + 1462 : n);
      return n;
    }
  }
}

/** A sheet read as a table when its Excel table was lost (the rule of sheetTable.ts). */
export async function readSheetAsTable(parts: Parts, sheetPath: string, sheetName: string, ctx: CellContext): Promise<SheetTable | null> {
  const cells = new Map<number, Map<number, CellValue>>();
  const everything: Region = { top: 1, bottom: 1_048_576, left: 1, right: 16_384, rows: [] };
  await readCells(parts, sheetPath, sheetName, [everything], ctx, (row, col, v) => {
    if (v === null) return;
    let r = cells.get(row);
    if (!r) cells.set(row, (r = new Map()));
    r.set(col, v);
  });
  return sheetAsTable(cells.keys(), (r) => cells.get(r) ?? new Map());
}
