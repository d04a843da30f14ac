/**
 * Writing an output table's cells: on a new sheet of our own, or into the sheet where the table
 * already stands. The rewrite streams the old sheet through the strict scanner and copies every byte
 * it does not own (the XML before and after the cells, every row and cell outside the table) exactly
 * as it was; new elements take the prefix of the sheet's own sheetData element, so they are always in
 * SpreadsheetML's namespace whatever prefix the producer chose.
 * One file: the new-sheet writer and the streamed rewrite write the same cell XML and must not drift apart.
 */
import { columnLetters } from "../../engine/table";
import { OutputTable, OutputValue } from "../port";
import { XlsxError } from "./errors";
import { columnOf } from "./sheetRead";
import { ColumnArea, TailEdit, editTail, linkXml } from "./sheetTail";
import { Placement, TableLook, bottomOf, tableCf, tableLinks } from "./tableLook";

export { bottomOf } from "./tableLook";
export type { Placement, TableLook } from "./tableLook";
import { XmlScanner, XmlStart } from "./xmlscan";
import { escapeText } from "./xml";

const NS_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

export const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** Excel's serial number of a date (1900 system, counting its phantom 1900-02-29), or of the 1904 system. */
export function serialOf(d: Date, date1904: boolean): number {
  // Both are UTC midnights, so the difference is a whole number of days.
  const days = (Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()) - Date.UTC(1899, 11, 30)) / 86400000;
  return date1904 ? days - 1462 : days;
}

/** How many rows of a new sheet are handed on at a time. */
const ROWS_PER_CHUNK = 200;

/** Text that escapeText would change, or that needs xml:space="preserve" (what cellAt's slow path tests). */
const NEEDS_CARE = /[\x00-\x1f\ufffe\uffff&<>]|_x|^\s|\s$| {2}/;

/** One cell's XML in cell format `style` (a cellXfs index); "" for a blank cell (written as no cell at all). Text is always text. */
export function cellXml(p: string, col: number, row: number, v: OutputValue, date1904: boolean, style = 0): string {
  return cellAt(p, columnLetters(col), row, v, date1904, style);
}

/** cellXml with the column's letters already worked out (a large table's rows reuse them). */
function cellAt(p: string, letters: string, row: number, v: OutputValue, date1904: boolean, style: number): string {
  if (v === null || v === "") return "";
  const r = style > 0 ? `${letters}${row}" s="${style}` : `${letters}${row}`;
  if (typeof v === "number") return Number.isFinite(v) ? `<${p}c r="${r}"><${p}v>${v}</${p}v></${p}c>` : "";
  if (typeof v === "boolean") return `<${p}c r="${r}" t="b"><${p}v>${v ? 1 : 0}</${p}v></${p}c>`;
  if (v instanceof Date) return `<${p}c r="${r}"><${p}v>${serialOf(v, date1904)}</${p}v></${p}c>`;
  // An inline string is text whatever it starts with (=, +, -, @): never a formula.
  // Most text needs no escaping and no xml:space: one test tells, instead of the four below.
  if (!NEEDS_CARE.test(v)) return `<${p}c r="${r}" t="inlineStr"><${p}is><${p}t>${v}</${p}t></${p}is></${p}c>`;
  // xml:space="preserve" only where it matters: text with spaces, tabs or line breaks at an end or inside runs.
  const preserve = /^[\s]|[\s]$|[\t\n\r]| {2}/.test(v) ? ' xml:space="preserve"' : "";
  return `<${p}c r="${r}" t="inlineStr"><${p}is><${p}t${preserve}>${escapeText(v)}</${p}t></${p}is></${p}c>`;
}

/** The cells of one sheet row of the table (header or body), by column. */
export function tableRowCells(p: string, t: OutputTable, at: Placement, row: number, date1904: boolean, look: TableLook): Map<number, string> {
  const cells = new Map<number, string>();
  if (row === at.top) t.columns.forEach((c, i) => cells.set(at.left + i, cellXml(p, at.left + i, row, c.name, date1904, look.header)));
  else {
    const k = row - at.top - 1;
    const values = t.rows[k];
    const linkAt = t.links && t.links.locations[k] ? t.columns.findIndex((c) => c.name === t.links?.column) : -1;
    if (values)
      values.forEach((v, i) => {
        const x = cellXml(p, at.left + i, row, v, date1904, i === linkAt ? look.link : v instanceof Date ? look.date : look.columns[i]);
        if (x) cells.set(at.left + i, x);
      });
  }
  return cells;
}

function rowXml(p: string, row: number, attrs: string, cells: Map<number, string>): string {
  const ordered = [...cells.keys()]
    .sort((a, b) => a - b)
    .map((c) => cells.get(c))
    .join("");
  return `<${p}row r="${row}"${attrs}>${ordered}</${p}row>`;
}

/**
 * A table's body rows straight to text, in column order: what tableRowCells and rowXml give, without a map
 * per row. A number, and a text that needs no care, are written from pieces made once per column; the rest
 * by cellAt. `row` is the sheet row, `k` the body row's index in the table.
 */
function bodyRows(p: string, t: OutputTable, left: number, date1904: boolean, look: TableLook): (row: number, k: number) => string {
  const letters = t.columns.map((_, i) => columnLetters(left + i));
  const opening = letters.map((l) => `<${p}c r="${l}`);
  const styled = (i: number) => (look.columns[i] > 0 ? `" s="${look.columns[i]}"` : `"`);
  const beforeNumber = t.columns.map((_, i) => `${styled(i)}><${p}v>`);
  const afterNumber = `</${p}v></${p}c>`;
  const beforeText = t.columns.map((_, i) => `${styled(i)} t="inlineStr"><${p}is><${p}t>`);
  const afterText = `</${p}t></${p}is></${p}c>`;
  const linkAt = t.links ? t.columns.findIndex((c) => c.name === t.links?.column) : -1;
  return (r, k) => {
    const values = t.rows[k];
    if (!values) return "";
    const row = String(r);
    let cells = "";
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
      if (i === linkAt && t.links?.locations[k]) cells += cellAt(p, letters[i], r, v, date1904, look.link);
      else if (typeof v === "number" && Number.isFinite(v)) cells += opening[i] + row + beforeNumber[i] + v + afterNumber;
      else if (typeof v === "string" && v !== "" && !NEEDS_CARE.test(v)) cells += opening[i] + row + beforeText[i] + v + afterText;
      else cells += cellAt(p, letters[i], r, v, date1904, v instanceof Date ? look.date : look.columns[i]);
    }
    return cells;
  };
}

/** A new sheet holding only the table at A1, its header row frozen, in chunks. */
export function* newSheetXml(t: OutputTable, date1904: boolean, widths: readonly number[], look: TableLook): Generator<string> {
  const at = { top: 1, left: 1 };
  const bottom = bottomOf(t, 1);
  const cols = widths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join("");
  yield `${XML_HEAD}<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><dimension ref="A1:${columnLetters(Math.max(1, t.columns.length))}${bottom}"/><sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews><sheetFormatPr defaultRowHeight="15"/><cols>${cols}</cols><sheetData>`;
  let out = rowXml("", 1, "", tableRowCells("", t, at, 1, date1904, look));
  let rows = 1;
  const body = bodyRows("", t, 1, date1904, look);
  for (let r = 2; r <= bottom; r++) {
    const cells = body(r, r - 2);
    if (cells !== "") {
      out += '<row r="' + r + '">' + cells + "</row>";
      // Handed on every ROWS_PER_CHUNK rows written (the header counts): the deflated pieces then start
      // where they always have, so the package's bytes are the same as before this writer was sped up.
      if (++rows >= ROWS_PER_CHUNK) {
        yield out;
        out = "";
        rows = 0;
      }
    }
  }
  const links = tableLinks(t, at);
  const hyperlinks = links.length > 0 ? `<hyperlinks>${links.map((l) => linkXml("", l)).join("")}</hyperlinks>` : "";
  yield (
    out +
    `</sheetData>${tableCf("", t, at, look, 1)}${hyperlinks}<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/><tableParts count="1"><tablePart r:id="rId1"/></tableParts></worksheet>`
  );
}

/** The table's old extent on its sheet, and the new one. */
export interface Rewrite {
  sheet: string;
  old: { top: number; left: number; right: number; bottom: number; columns: readonly string[] };
  table: OutputTable;
  date1904: boolean;
  look: TableLook;
}

/** A1 range text of a rectangle. */
function rangeText(left: number, top: number, right: number, bottom: number): string {
  return `${columnLetters(left)}${top}:${columnLetters(right)}${bottom}`;
}

/** Areas of a named column over the old and the new extent of a rewritten table (1-based body rows). */
function rewrittenAreas(w: Rewrite, name: string | undefined): ColumnArea[] {
  if (name === undefined) return [];
  const bottom = Math.max(w.old.bottom, bottomOf(w.table, w.old.top));
  const oldAt = w.old.columns.findIndex((c) => c.toLowerCase() === name.toLowerCase());
  const newAt = w.table.columns.findIndex((c) => c.name === name);
  return [oldAt, newAt].filter((i) => i >= 0).map((i) => ({ column: w.old.left + i, top: w.old.top + 1, bottom }));
}

/** What the rewrite does after the cells: our status colours and links replaced, in the sheet's prefix. */
function tailEditOf(w: Rewrite, p: string): TailEdit {
  const at = { top: w.old.top, left: w.old.left };
  const cf = tableCf(p, w.table, at, w.look, 1);
  return {
    p,
    statusAreas: rewrittenAreas(w, w.table.statusColumn),
    linkAreas: rewrittenAreas(w, w.table.links?.column),
    cf: cf ? (priority) => tableCf(p, w.table, at, w.look, priority) : null,
    links: tableLinks(w.table, at).map((l) => linkXml(p, l)),
  };
}

/**
 * The sheet with the table's cells replaced where it stands, in chunks as the old sheet streams in.
 * Cells the user put where the table grows (below or beside its old extent) stop the write: nothing
 * the user typed is overwritten.
 */
export function* rewriteSheetXml(oldText: Iterable<string>, w: Rewrite): Generator<string> {
  const { top, left } = w.old;
  const right = left + w.table.columns.length - 1;
  const bottom = bottomOf(w.table, top);
  const clearRight = Math.max(w.old.right, right);
  const clearBottom = Math.max(w.old.bottom, bottom);
  const ours = (row: number, col: number) => row >= top && row <= clearBottom && col >= left && col <= clearRight;
  const wasOurs = (row: number, col: number) => row >= top && row <= w.old.bottom && col >= left && col <= w.old.right;
  const at = { top, left };
  const out: string[] = [];
  let p = "";
  let seenData = false;
  let inData = false;
  let protectedSheet = false;
  let skipDimension = false;
  let lastRow = 0;
  let nextNew = top;
  let lastCol = 0;
  /** The row being rebuilt (it crosses the table's rows), or the row being copied whole. */
  let rebuilding: { row: number; qname: string; attrs: string; kept: Map<number, string> } | null = null;
  let dataQname = "";
  let copying: { row: number; hasR: boolean; depth: number } | null = null;
  let cell: { col: number; hasR: boolean; keep: boolean; depth: number; hasValue: boolean } | null = null;
  /** The root's namespace declarations, and where the scan is after the cells: the elements that follow them. */
  let declarations: Record<string, string> | null = null;
  let tail: "no" | "next" | "yes" = "no";
  let tailDepth = 0;

  // Body rows with nothing of HR's beside them, straight to text (made once the sheet's prefix is known).
  let body: ((row: number, k: number) => string) | null = null;
  const bodyRow = (row: number, attrs: string): string | null => {
    body ??= bodyRows(p, w.table, left, w.date1904, w.look);
    const cells = body(row, row - top - 1);
    return cells !== "" || attrs !== "" ? `<${p}row r="${row}"${attrs}>${cells}</${p}row>` : null;
  };
  const emitNewRowsBefore = (row: number) => {
    for (; nextNew < row && nextNew <= bottom; nextNew++) {
      if (nextNew > top) {
        const x = bodyRow(nextNew, "");
        if (x !== null) out.push(x);
        continue;
      }
      const cells = tableRowCells(p, w.table, at, nextNew, w.date1904, w.look);
      if (cells.size > 0) out.push(rowXml(p, nextNew, "", cells));
    }
  };
  const tailEdit = (prefix: string) => tailEditOf(w, prefix);
  const withR = (raw: string, r: string) => raw.replace(/^<([^\s/>]+)/, `<$1 r="${r}"`);
  /** A cell outside the table, kept as it was (given its reference if it had none). */
  const keepCell = (col: number, hasR: boolean, raw: string) => {
    const r = rebuilding as NonNullable<typeof rebuilding>;
    r.kept.set(col, hasR ? raw : withR(raw, `${columnLetters(col)}${r.row}`));
  };
  const finishCell = (end: number) => {
    const c = cell as NonNullable<typeof cell>;
    const row = (rebuilding as NonNullable<typeof rebuilding>).row;
    cell = null;
    if (c.keep) keepCell(c.col, c.hasR, scanner.endCapture(end));
    else if (c.hasValue && !wasOurs(row, c.col)) throw tableNeeds(row, c.col);
  };
  const tableNeeds = (row: number, col: number) =>
    new XlsxError(
      `the ${w.table.name} table needs ${rangeText(left, top, clearRight, clearBottom)} on sheet ${w.sheet}, but ${columnLetters(col)}${row} there is not empty: move what is in it, then run again`,
    );
  const finishRow = () => {
    const r = rebuilding as NonNullable<typeof rebuilding>;
    rebuilding = null;
    if (r.row > top && r.row <= bottom && r.kept.size === 0) {
      nextNew = r.row + 1;
      const x = bodyRow(r.row, r.attrs);
      if (x !== null) out.push(x);
      return;
    }
    const cells = r.row <= bottom ? tableRowCells(p, w.table, at, r.row, w.date1904, w.look) : new Map<number, string>();
    for (const [c, x] of r.kept) cells.set(c, x);
    if (r.row <= bottom) nextNew = r.row + 1;
    if (cells.size > 0 || r.attrs !== "") out.push(rowXml(p, r.row, r.attrs, cells));
  };
  const finishCopy = (end: number) => {
    const c = copying as NonNullable<typeof copying>;
    copying = null;
    const raw = scanner.endCapture(end);
    out.push(c.hasR ? raw : withR(raw, String(c.row)));
  };

  const scanner: XmlScanner = new XmlScanner({
    // A cell in the plain shape, whole: what open and close below do with a cell of a row being rebuilt.
    // Anywhere else (a row copied whole, outside the cells) a plain cell needs nothing done.
    cellUri: NS_MAIN,
    cell(column, _style, _t, value, inline, start, end) {
      if (!rebuilding || copying || cell || tail === "yes") return;
      const col = column > 0 ? column : lastCol + 1;
      lastCol = col;
      const row = rebuilding.row;
      if (!ours(row, col)) {
        scanner.startCapture(start);
        keepCell(col, column > 0, scanner.endCapture(end));
      } else if ((value !== null || inline !== null) && !wasOurs(row, col)) throw tableNeeds(row, col);
    },
    open(e: XmlStart) {
      declarations ??= Object.fromEntries(Object.entries(e.attrs).filter(([k]) => k === "xmlns" || k.startsWith("xmlns:")));
      if (tail === "yes") {
        tailDepth++;
        // Sheet protection comes after the cells in the schema's order: it is refused once the scan is done.
        if (e.uri === NS_MAIN && e.local === "sheetProtection" && (e.attrs.sheet === "1" || e.attrs.sheet === "true")) protectedSheet = true;
        return;
      }
      if (cell) {
        cell.depth++;
        if (e.uri === NS_MAIN && (e.local === "v" || e.local === "is" || e.local === "f")) cell.hasValue = true;
        return;
      }
      if (copying) {
        copying.depth++;
        return;
      }
      const main = e.uri === NS_MAIN;
      if (!inData) {
        if (!main || seenData) return;
        if (e.local === "dimension") {
          out.push(scanner.endCapture(e.start));
          const ref = parseRange(e.attrs.ref);
          out.push(
            `<${e.qname} ref="${ref ? rangeText(Math.min(ref.left, left), Math.min(ref.top, top), Math.max(ref.right, right), Math.max(ref.bottom, bottom)) : rangeText(left, top, right, bottom)}"/>`,
          );
          if (e.selfClosing) scanner.startCapture(e.end);
          else skipDimension = true;
        } else if (e.local === "sheetData") {
          seenData = true;
          out.push(scanner.endCapture(e.start));
          p = e.qname.includes(":") ? e.qname.slice(0, e.qname.indexOf(":") + 1) : "";
          dataQname = e.qname;
          out.push(`<${p}sheetData>`);
          if (e.selfClosing) {
            emitNewRowsBefore(bottom + 1);
            out.push(`</${p}sheetData>`);
            scanner.startCapture(e.end);
            tail = "next";
          } else inData = true;
        }
        return;
      }
      if (main && e.local === "row") {
        const row = e.attrs.r !== undefined ? Number(e.attrs.r) : lastRow + 1;
        if (!(row > lastRow))
          throw new XlsxError(`sheet ${w.sheet} has its rows out of order (row ${row} after row ${lastRow}): open the workbook in Excel and save it again`);
        lastRow = row;
        lastCol = 0;
        emitNewRowsBefore(row);
        scanner.startCapture(e.start);
        if (row >= top && row <= clearBottom) {
          // The row keeps its attributes (height, style) but its number, its cell span and a filter's hiding.
          const tag = scanner.endCapture(e.end);
          const attrs = tag
            .slice(1 + e.qname.length, e.selfClosing ? -2 : -1)
            .replace(/\s+(?:r|spans|hidden)\s*=\s*(?:"[^"]*"|'[^']*')/g, "")
            .replace(/\s+$/, "");
          rebuilding = { row, qname: e.qname, attrs, kept: new Map() };
          if (e.selfClosing) finishRow();
        } else {
          copying = { row, hasR: e.attrs.r !== undefined, depth: 0 };
          if (e.selfClosing) finishCopy(e.end);
        }
      } else if (main && e.local === "c" && rebuilding) {
        const col = e.attrs.r !== undefined ? columnOf(e.attrs.r) : lastCol + 1;
        lastCol = col;
        cell = { col, hasR: e.attrs.r !== undefined, keep: !ours(rebuilding.row, col), depth: 0, hasValue: false };
        if (cell.keep) scanner.startCapture(e.start);
        if (e.selfClosing) finishCell(e.end);
      }
    },
    close(qname: string, start: number, end: number) {
      if (tail === "next") tail = "yes";
      else if (tail === "yes") {
        if (tailDepth > 0) tailDepth--;
        else {
          // The root closes: what came between the cells and here is edited, the rest copied.
          out.push(editTail(scanner.endCapture(start), declarations ?? {}, tailEdit(p)));
          scanner.startCapture(start);
        }
      } else if (cell) {
        if (cell.depth > 0) cell.depth--;
        else finishCell(end);
      } else if (copying) {
        if (copying.depth > 0) copying.depth--;
        else finishCopy(end);
      } else if (skipDimension) {
        skipDimension = false;
        scanner.startCapture(end);
      } else if (inData && rebuilding && start !== end && qname === rebuilding.qname) finishRow();
      else if (inData && !rebuilding && qname === dataQname) {
        emitNewRowsBefore(bottom + 1);
        inData = false;
        out.push(`</${dataQname}>`);
        scanner.startCapture(end);
        tail = "yes";
      }
    },
  });
  scanner.startCapture(0);
  for (const chunk of oldText) {
    scanner.write(chunk);
    if (out.length > 0) {
      yield out.join("");
      out.length = 0;
    }
  }
  scanner.end();
  if (protectedSheet)
    throw new XlsxError(
      `sheet ${w.sheet} is protected: unprotect it (Review › Unprotect Sheet) so that the ${w.table.name} table can be written, then run again`,
    );
  if (!seenData) throw new XlsxError(`sheet ${w.sheet} has no cells part (sheetData): the file is damaged; open it in Excel and save it again`);
  out.push(scanner.endCapture(scanner.position));
  yield out.join("");
}

/** A range like "B3:H20" (or one cell) as 1-based numbers; null when it is not one. */
export function parseRange(ref: string | undefined): { left: number; top: number; right: number; bottom: number } | null {
  const m = ref?.match(/^\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?$/i);
  if (!m) return null;
  const left = columnOf(m[1].toUpperCase());
  const top = Number(m[2]);
  return { left, top, right: m[3] ? columnOf(m[3].toUpperCase()) : left, bottom: m[4] ? Number(m[4]) : top };
}
