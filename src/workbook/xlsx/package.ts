/**
 * An .xlsx workbook through the port. Input tables are read by streaming their sheet's XML row by
 * row (stopping after the table's last row), so a large workbook is never loaded whole. A run writes
 * only what it owns: the output tables' cells, their table parts, and (for a new one) its sheet and
 * the entries that list it. Every other part of the package keeps its compressed bytes.
 */
import { OutputRow } from "../../engine/recalc";
import { TableData, columnLetters, columnNumber } from "../../engine/table";
import { CellValue } from "../../engine/values";
import { dateFromSerial } from "../../engine/periods";
import { TableInfo, WorkbookPort } from "../port";
import { ZipEntry, ZipError, inflateEntry, newEntry, readZip, streamEntry, writeZip } from "./zip";
import { attributes, escapeXml, relativeTarget, relsOf, resolvePart, tags, unescapeXml } from "./xml";

const NS_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const NS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const REL_WORKSHEET = `${NS_REL}/worksheet`;
const REL_TABLE = `${NS_REL}/table`;
const REL_CALC_CHAIN = `${NS_REL}/calcChain`;
const CT_WORKSHEET = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";
const CT_TABLE = "application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml";
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

export class XlsxError extends Error {}

interface SheetMeta {
  name: string;
  sheetId: number;
  rId: string;
  path: string;
}

interface TableMeta {
  id: number;
  name: string;
  path: string;
  sheet: SheetMeta;
  left: number;
  top: number;
  right: number;
  bottom: number;
  headerRowCount: number;
  totalsRowCount: number;
  columns: string[];
}

interface Pending {
  columns: readonly string[];
  rows: readonly OutputRow[];
}

/** A range like "B3:H20" as 1-based column and row numbers. */
export function parseRef(ref: string): { left: number; top: number; right: number; bottom: number } {
  const m = ref.match(/^\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?$/i);
  if (!m) throw new XlsxError(`bad range "${ref}"`);
  const left = columnNumber(m[1]);
  const top = Number(m[2]);
  return { left, top, right: m[3] ? columnNumber(m[3]) : left, bottom: m[4] ? Number(m[4]) : top };
}

/** Whether a number format shows a date or time (built-in ids and custom codes with y/m/d/h/s outside quotes and brackets). */
function isDateFormat(id: number, code: string | undefined): boolean {
  if ((id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 45 && id <= 47) || (id >= 50 && id <= 58)) return true;
  if (!code) return false;
  const bare = code.replace(/"[^"]*"/g, "").replace(/\[(?!h\]|m\]|s\])[^\]]*\]/gi, "").replace(/\\./g, "").replace(/_.|\*./g, "");
  return /[ymdhs]/i.test(bare) && !/^general$/i.test(bare.trim());
}

// Elements may carry a namespace prefix (<x:row>) in packages written by other tools than Excel.
const CELL_RE = /<(?:[\w.-]+:)?c\b([^>]*?)(\/>|>([\s\S]*?)<\/(?:[\w.-]+:)?c>)/g;
const ROW_RE = /<(?:[\w.-]+:)?row\b([^>]*?)(\/>|>([\s\S]*?)<\/(?:[\w.-]+:)?row>)/g;
const ROW_END_RE = /<\/(?:[\w.-]+:)?row>/g;

interface SheetCell {
  col: number;
  attrs: Record<string, string>;
  /** The cell's whole element, to keep it as it was. */
  xml: string;
  inner: string | undefined;
}

/**
 * The rows of sheet XML and their cells, with positions filled in where the optional r attributes are
 * left out. `state` carries the last row number from one chunk of a streamed sheet to the next.
 */
function* sheetRows(xml: string, state = { lastRow: 0 }): Generator<{ row: number; attrsText: string; cells: SheetCell[] }> {
  const rowRe = new RegExp(ROW_RE.source, "g");
  for (let m = rowRe.exec(xml); m; m = rowRe.exec(xml)) {
    const a = attributes(m[1]);
    const row = a.r ? Number(a.r) : state.lastRow + 1;
    state.lastRow = row;
    const cells: SheetCell[] = [];
    const body = m[3] ?? "";
    const cellRe = new RegExp(CELL_RE.source, "g");
    let col = 0;
    for (let c = cellRe.exec(body); c; c = cellRe.exec(body)) {
      const ca = attributes(c[1]);
      col = ca.r ? columnNumber(ca.r.replace(/\d+$/, "")) : col + 1;
      cells.push({ col, attrs: ca, xml: c[0], inner: c[3] });
    }
    yield { row, attrsText: m[1], cells };
  }
}

function innerText(xml: string): string {
  let out = "";
  const re = /<(?:[\w.-]+:)?t\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:[\w.-]+:)?t>)/g;
  let m: RegExpExecArray | null;
  // Phonetic runs (rPh) are reading aids, not part of the text.
  const stripped = xml.indexOf("rPh") >= 0 ? xml.replace(/<(?:[\w.-]+:)?rPh\b[\s\S]*?<\/(?:[\w.-]+:)?rPh>/g, "") : xml;
  while ((m = re.exec(stripped))) out += m[1] ?? "";
  return unescapeXml(out);
}

/** Inserts before an element's closing tag, using the element's own namespace prefix; an absent tag is an error, never a silent no-op. */
function insertBefore(xml: string, element: string, content: (prefix: string) => string): string {
  const m = new RegExp(`</(?:([\\w.-]+):)?${element}>`).exec(xml);
  if (!m) throw new XlsxError(`the package has no </${element}> to add to`);
  const prefix = m[1] ? `${m[1]}:` : "";
  return xml.slice(0, m.index) + content(prefix) + xml.slice(m.index);
}

export class XlsxWorkbook implements WorkbookPort {
  private readonly entries: Map<string, ZipEntry>;
  private readonly replaced = new Map<string, string>();
  private readonly removed = new Set<string>();
  private readonly added: string[] = [];
  private readonly pending = new Map<string, Pending>();
  private sheets: SheetMeta[] = [];
  private tables: TableMeta[] = [];
  private sharedStrings: string[] | null = null;
  private dateStyles: boolean[] | null = null;
  private date1904 = false;

  private constructor(buf: Uint8Array) {
    try {
      this.entries = readZip(buf);
    } catch (e) {
      throw new XlsxError(e instanceof ZipError ? `not a readable .xlsx file: ${e.message}` : String(e));
    }
    if (!this.entries.has("xl/workbook.xml")) throw new XlsxError("not an .xlsx workbook: it has no xl/workbook.xml (an .xls or .xlsb file must be saved as .xlsx first)");
    this.loadStructure();
  }

  static fromBuffer(buf: Uint8Array): XlsxWorkbook {
    return new XlsxWorkbook(buf);
  }

  /** The text of a part, as the package will be written (replaced parts included). */
  private text(part: string): string | null {
    if (this.replaced.has(part)) return this.replaced.get(part) as string;
    const e = this.entries.get(part);
    if (!e || this.removed.has(part)) return null;
    return new TextDecoder().decode(inflateEntry(e)).replace(/^\uFEFF/, "");
  }

  private put(part: string, xml: string): void {
    if (!this.entries.has(part) && !this.added.includes(part)) this.added.push(part);
    this.replaced.set(part, xml);
  }

  private rels(part: string): Array<Record<string, string>> {
    const xml = this.text(relsOf(part));
    return xml ? tags(xml, "Relationship") : [];
  }

  private loadStructure(): void {
    const wb = this.text("xl/workbook.xml") as string;
    this.date1904 = tags(wb, "workbookPr").some((a) => a.date1904 === "1" || a.date1904 === "true");
    const wbRels = this.rels("xl/workbook.xml");
    this.sheets = tags(wb, "sheet").map((a) => {
      const rel = wbRels.find((r) => r.Id === a.id);
      return { name: a.name, sheetId: Number(a.sheetId), rId: a.id, path: rel ? resolvePart("xl/workbook.xml", rel.Target) : "" };
    });
    this.tables = [];
    for (const sheet of this.sheets) {
      if (!sheet.path) continue;
      for (const rel of this.rels(sheet.path).filter((r) => r.Type === REL_TABLE)) {
        const path = resolvePart(sheet.path, rel.Target);
        const xml = this.text(path);
        if (!xml) continue;
        const root = tags(xml, "table")[0];
        const ref = parseRef(root.ref);
        this.tables.push({
          id: Number(root.id),
          name: root.displayName ?? root.name,
          path,
          sheet,
          ...ref,
          headerRowCount: root.headerRowCount === undefined ? 1 : Number(root.headerRowCount),
          totalsRowCount: root.totalsRowCount === undefined ? 0 : Number(root.totalsRowCount),
          columns: tags(xml, "tableColumn").map((c) => c.name),
        });
      }
    }
  }

  private strings(): string[] {
    if (this.sharedStrings) return this.sharedStrings;
    const xml = this.text("xl/sharedStrings.xml") ?? "";
    const out: string[] = [];
    const re = /<(?:[\w.-]+:)?si\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:[\w.-]+:)?si>)/g;
    let m: RegExpExecArray | null;
    while ((m = re.exec(xml))) out.push(innerText(m[1] ?? ""));
    this.sharedStrings = out;
    return out;
  }

  private dates(): boolean[] {
    if (this.dateStyles) return this.dateStyles;
    const xml = this.text("xl/styles.xml") ?? "";
    const codes = new Map(tags(xml, "numFmt").map((f) => [Number(f.numFmtId), f.formatCode]));
    const xfs = xml.match(/<(?:[\w.-]+:)?cellXfs\b[\s\S]*?<\/(?:[\w.-]+:)?cellXfs>/)?.[0] ?? "";
    this.dateStyles = tags(xfs, "xf").map((xf) => isDateFormat(Number(xf.numFmtId ?? 0), codes.get(Number(xf.numFmtId ?? 0))));
    return this.dateStyles;
  }

  private cellValue(attrs: Record<string, string>, inner: string | undefined): CellValue {
    const t = attrs.t ?? "n";
    if (t === "inlineStr") return innerText(inner ?? "");
    const v = inner?.match(/<(?:[\w.-]+:)?v\b[^>]*>([\s\S]*?)<\/(?:[\w.-]+:)?v>/)?.[1];
    if (v === undefined) return null;
    switch (t) {
      case "s":
        return this.strings()[Number(v)] ?? null;
      case "str":
      case "e":
        return unescapeXml(v);
      case "b":
        return v === "1" || v === "true";
      case "d":
        return new Date(v);
      default: {
        const n = Number(v);
        const style = attrs.s ? Number(attrs.s) : 0;
        if (style && this.dates()[style]) return dateFromSerial(this.date1904 ? n + 1462 : n);
        return n;
      }
    }
  }

  /** Streams a sheet's rows (1-based row number and its cells by column) until `onRow` returns false. */
  private scanSheet(path: string, onRow: (row: number, cells: Map<number, CellValue>) => boolean): void {
    const entry = this.entries.get(path);
    if (!entry) throw new XlsxError(`the package has no part ${path}`);
    const decoder = new TextDecoder();
    let buffer = "";
    const state = { lastRow: 0 };
    let go = true;
    const consume = (xml: string) => {
      for (const { row, cells } of sheetRows(xml, state)) {
        go = onRow(row, new Map(cells.map((c) => [c.col, this.cellValue(c.attrs, c.inner)])));
        if (!go) return;
      }
    };
    const process = (text: string, final: boolean) => {
      buffer += text;
      let cut = final ? buffer.length : 0;
      if (!final) {
        ROW_END_RE.lastIndex = Math.max(0, buffer.length - text.length - 16);
        for (let m = ROW_END_RE.exec(buffer); m; m = ROW_END_RE.exec(buffer)) cut = m.index + m[0].length;
        if (cut === 0) return; // no complete row yet
      }
      const ready = buffer.slice(0, cut);
      buffer = buffer.slice(cut);
      consume(ready);
    };
    if (this.replaced.has(path)) {
      process(this.replaced.get(path) as string, true);
      return;
    }
    streamEntry(entry, (chunk) => {
      process(decoder.decode(chunk, { stream: true }), false);
      return go;
    });
    if (go) process(decoder.decode(), true);
  }

  async listTables(): Promise<TableInfo[]> {
    return this.tables.map((t) => ({ name: t.name, sheet: t.sheet.name, headers: [...t.columns] }));
  }

  private table(name: string): TableMeta | undefined {
    return this.tables.find((t) => t.name.toLowerCase() === name.toLowerCase());
  }

  async readTable(name: string): Promise<TableData> {
    const t = this.table(name);
    if (!t) throw new XlsxError(`the workbook has no table named ${name}`);
    const first = t.top + t.headerRowCount;
    const last = t.bottom - t.totalsRowCount;
    const width = t.right - t.left + 1;
    const byRow = new Map<number, CellValue[]>();
    this.scanSheet(t.sheet.path, (row, cells) => {
      if (row > last) return false;
      if (row >= first) {
        const values: CellValue[] = new Array(width).fill(null);
        for (const [col, v] of cells) if (col >= t.left && col <= t.right) values[col - t.left] = v;
        byRow.set(row, values);
      }
      return true;
    });
    const rows: CellValue[][] = [];
    for (let r = first; r <= last; r++) rows.push(byRow.get(r) ?? new Array(width).fill(null));
    return { name: t.name, sheet: t.sheet.name, headers: [...t.columns], headerRow: first - 1, firstColumn: t.left, rows };
  }

  async writeTable(name: string, columns: readonly string[], rows: readonly OutputRow[]): Promise<void> {
    this.pending.set(name, { columns: [...columns], rows });
  }

  /** The package with the pending output tables written into it. */
  toBuffer(): Uint8Array {
    if (this.pending.size > 0) {
      let rewroteExisting = false;
      for (const [name, p] of this.pending) {
        const existing = this.table(name);
        if (existing) {
          this.rewriteTable(existing, p);
          rewroteExisting = true;
        } else this.createTable(name, p);
      }
      if (rewroteExisting) this.dropCalcChain();
      this.requestFullCalc();
      this.pending.clear();
      this.loadStructure();
    }
    const encoder = new TextEncoder();
    const out: ZipEntry[] = [];
    for (const [name, entry] of this.entries) {
      if (this.removed.has(name)) continue;
      const xml = this.replaced.get(name);
      out.push(xml === undefined ? entry : newEntry(name, encoder.encode(xml), entry));
    }
    for (const name of this.added) out.push(newEntry(name, encoder.encode(this.replaced.get(name) as string)));
    return writeZip(out);
  }

  // ---------------------------------------------------------------- writing

  private cellXml(col: number, row: number, v: OutputRow[number]): string {
    const r = `${columnLetters(col)}${row}`;
    if (v === null || v === undefined || v === "") return "";
    if (typeof v === "number") return Number.isFinite(v) ? `<c r="${r}"><v>${v}</v></c>` : "";
    if (typeof v === "boolean") return `<c r="${r}" t="b"><v>${v ? 1 : 0}</v></c>`;
    // Inline strings are text whatever they start with (=, +, -, @): never a formula.
    return `<c r="${r}" t="inlineStr"><is><t xml:space="preserve">${escapeXml(String(v))}</t></is></c>`;
  }

  /** Cells of a table (header row then body) by sheet row, as XML strings per column. */
  private tableCells(left: number, top: number, p: Pending): Map<number, Map<number, string>> {
    const rows = new Map<number, Map<number, string>>();
    const header = new Map<number, string>();
    p.columns.forEach((c, i) => header.set(left + i, this.cellXml(left + i, top, c)));
    rows.set(top, header);
    p.rows.forEach((values, r) => {
      const cells = new Map<number, string>();
      values.forEach((v, i) => {
        const x = this.cellXml(left + i, top + 1 + r, v);
        if (x) cells.set(left + i, x);
      });
      rows.set(top + 1 + r, cells);
    });
    return rows;
  }

  private tableXml(id: number, name: string, ref: string, columns: readonly string[], styleInfo: string | null): string {
    const cols = columns.map((c, i) => `<tableColumn id="${i + 1}" name="${escapeXml(c)}"/>`).join("");
    const style = styleInfo ?? '<tableStyleInfo name="TableStyleMedium2" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/>';
    return `${XML_HEAD}<table xmlns="${NS_MAIN}" id="${id}" name="${escapeXml(name)}" displayName="${escapeXml(name)}" ref="${ref}" totalsRowShown="0"><autoFilter ref="${ref}"/><tableColumns count="${columns.length}">${cols}</tableColumns>${style}</table>`;
  }

  private static ref(left: number, top: number, width: number, bodyRows: number): string {
    return `${columnLetters(left)}${top}:${columnLetters(left + width - 1)}${top + Math.max(bodyRows, 1)}`;
  }

  /** The used range of a sheet's cells (its dimension element). */
  private static dimensionOf(rows: Map<number, { cells: Map<number, string> }>): string {
    let top = Infinity;
    let bottom = 0;
    let left = Infinity;
    let right = 0;
    for (const [n, r] of rows) {
      if (r.cells.size === 0) continue;
      top = Math.min(top, n);
      bottom = Math.max(bottom, n);
      for (const c of r.cells.keys()) {
        left = Math.min(left, c);
        right = Math.max(right, c);
      }
    }
    return bottom === 0 ? "A1" : `${columnLetters(left)}${top}:${columnLetters(right)}${bottom}`;
  }

  private sheetDataXml(rows: Map<number, { attrs: string; cells: Map<number, string> }>): string {
    const body = [...rows.keys()]
      .sort((a, b) => a - b)
      .map((r) => {
        const row = rows.get(r) as { attrs: string; cells: Map<number, string> };
        const cells = [...row.cells.keys()].sort((a, b) => a - b).map((c) => row.cells.get(c)).join("");
        return `<row r="${r}"${row.attrs}>${cells}</row>`;
      })
      .join("");
    return `<sheetData>${body}</sheetData>`;
  }

  private createTable(name: string, p: Pending): void {
    const taken = new Set(this.sheets.map((s) => s.name.toLowerCase()));
    let sheetName = name;
    for (let i = 2; taken.has(sheetName.toLowerCase()); i++) sheetName = `${name} (${i})`;
    const partNumbers = (prefix: string) => [...this.entries.keys(), ...this.added].map((n) => n.match(new RegExp(`^${prefix}(\\d+)\\.xml$`))?.[1]).filter(Boolean).map(Number);
    const sheetPath = `xl/worksheets/sheet${Math.max(0, ...partNumbers("xl/worksheets/sheet")) + 1}.xml`;
    const tablePath = `xl/tables/table${Math.max(0, ...partNumbers("xl/tables/table")) + 1}.xml`;
    const tableId = Math.max(0, ...this.tables.map((t) => t.id)) + 1;
    const ref = XlsxWorkbook.ref(1, 1, p.columns.length, p.rows.length);
    const cells = this.tableCells(1, 1, p);
    const rows = new Map([...cells].map(([r, c]) => [r, { attrs: "", cells: c }]));
    const widths = p.columns.map((c, i) => `<col min="${i + 1}" max="${i + 1}" width="${Math.min(60, Math.max(10, c.length + 4, ...p.rows.slice(0, 200).map((r) => String(r[i] ?? "").length + 2)))}" customWidth="1"/>`).join("");
    this.put(
      sheetPath,
      `${XML_HEAD}<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_REL}"><dimension ref="${XlsxWorkbook.dimensionOf(rows)}"/><sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews><sheetFormatPr defaultRowHeight="15"/><cols>${widths}</cols>${this.sheetDataXml(rows)}<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/><tableParts count="1"><tablePart r:id="rId1"/></tableParts></worksheet>`,
    );
    this.put(relsOf(sheetPath), `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL_TABLE}" Target="${relativeTarget(sheetPath, tablePath)}"/></Relationships>`);
    this.put(tablePath, this.tableXml(tableId, name, ref, p.columns, null));

    // List the sheet in the workbook, its relationships and the content types.
    const wbRelsPath = relsOf("xl/workbook.xml");
    const wbRels = this.text(wbRelsPath) as string;
    const used = new Set(tags(wbRels, "Relationship").map((r) => r.Id));
    let rId = "rIdKpi1";
    for (let i = 1; used.has(rId); i++) rId = `rIdKpi${i}`;
    this.put(wbRelsPath, insertBefore(wbRels, "Relationships", (p) => `<${p}Relationship Id="${rId}" Type="${REL_WORKSHEET}" Target="${relativeTarget("xl/workbook.xml", sheetPath)}"/>`));
    let wb = this.text("xl/workbook.xml") as string;
    let prefix = wb.match(new RegExp(`xmlns:([\\w.-]+)="${NS_REL.replace(/[./]/g, "\\$&")}"`))?.[1];
    if (!prefix) {
      prefix = "r";
      wb = wb.replace(/<workbook\b/, `<workbook xmlns:r="${NS_REL}"`);
    }
    const sheetId = Math.max(0, ...this.sheets.map((s) => s.sheetId)) + 1;
    wb = insertBefore(wb, "sheets", (p) => `<${p}sheet name="${escapeXml(sheetName)}" sheetId="${sheetId}" ${prefix}:id="${rId}"/>`);
    this.put("xl/workbook.xml", wb);
    const types = this.text("[Content_Types].xml") as string;
    this.put("[Content_Types].xml", insertBefore(types, "Types", (p) => `<${p}Override PartName="/${sheetPath}" ContentType="${CT_WORKSHEET}"/><${p}Override PartName="/${tablePath}" ContentType="${CT_TABLE}"/>`));
    this.sheets.push({ name: sheetName, sheetId, rId, path: sheetPath });
    this.tables.push({ id: tableId, name, path: tablePath, sheet: this.sheets[this.sheets.length - 1], left: 1, top: 1, right: p.columns.length, bottom: 1 + Math.max(1, p.rows.length), headerRowCount: 1, totalsRowCount: 0, columns: [...p.columns] });
  }

  /** Replaces the cells of an existing output table where it stands; cells around it are kept as they were. */
  private rewriteTable(t: TableMeta, p: Pending): void {
    const sheetXml = this.text(t.sheet.path) as string;
    const newRight = t.left + p.columns.length - 1;
    const newBottom = t.top + Math.max(1, p.rows.length);
    const clearRight = Math.max(t.right, newRight);
    const clearBottom = Math.max(t.bottom, newBottom);
    const rows = new Map<number, { attrs: string; cells: Map<number, string> }>();
    const dataMatch = sheetXml.match(/<(?:[\w.-]+:)?sheetData\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:[\w.-]+:)?sheetData>)/);
    if (!dataMatch) throw new XlsxError(`sheet ${t.sheet.name} has no sheetData`);
    for (const { row: r, attrsText, cells: found } of sheetRows(dataMatch[1] ?? "")) {
      const cells = new Map<number, string>();
      for (const c of found) {
        const inside = r >= t.top && r <= clearBottom && c.col >= t.left && c.col <= clearRight;
        // A kept cell gets its position written out, since the cells before it may change.
        if (!inside) cells.set(c.col, c.attrs.r ? c.xml : c.xml.replace(/^<((?:[\w.-]+:)?c)\b/, `<$1 r="${columnLetters(c.col)}${r}"`));
      }
      rows.set(r, { attrs: attrsText.replace(/\s+(r|spans)="[^"]*"/g, ""), cells });
    }
    for (const [r, cells] of this.tableCells(t.left, t.top, p)) {
      const row = rows.get(r) ?? { attrs: "", cells: new Map<number, string>() };
      for (const [c, x] of cells) row.cells.set(c, x);
      rows.set(r, row);
    }
    const ref = XlsxWorkbook.ref(t.left, t.top, p.columns.length, p.rows.length);
    let xml = sheetXml.replace(dataMatch[0], () => this.sheetDataXml(rows));
    xml = xml.replace(/<dimension\b[^>]*\/>/, `<dimension ref="${XlsxWorkbook.dimensionOf(rows)}"/>`);
    this.put(t.sheet.path, xml);
    const old = this.text(t.path) as string;
    const styleInfo = old.match(/<tableStyleInfo\b[^>]*\/>/)?.[0] ?? null;
    this.put(t.path, this.tableXml(t.id, t.name, ref, p.columns, styleInfo));
  }

  /** calcChain.xml is Excel's cache of formula order; after cells change it is dropped and Excel rebuilds it. */
  private dropCalcChain(): void {
    const part = "xl/calcChain.xml";
    if (!this.entries.has(part) || this.removed.has(part)) return;
    this.removed.add(part);
    const relsPath = relsOf("xl/workbook.xml");
    const rels = this.text(relsPath) as string;
    this.put(relsPath, rels.replace(new RegExp(`<Relationship\\b[^>]*Type="${REL_CALC_CHAIN.replace(/[./]/g, "\\$&")}"[^>]*/>`), ""));
    const types = this.text("[Content_Types].xml") as string;
    this.put("[Content_Types].xml", types.replace(/<Override\b[^>]*PartName="\/xl\/calcChain\.xml"[^>]*\/>/, ""));
  }

  /** Asks Excel to recalculate on open, so formulas over the output tables (=SUM(Results[TotalPay])) are current. */
  private requestFullCalc(): void {
    const wb = this.text("xl/workbook.xml") as string;
    let out: string;
    if (/<([\w.-]+:)?calcPr\b/.test(wb)) out = wb.replace(/<([\w.-]+:)?calcPr\b([^>]*?)(\/?)>/, (_, p: string | undefined, a: string, slash: string) => `<${p ?? ""}calcPr${a.replace(/\s+fullCalcOnLoad="[^"]*"/, "")} fullCalcOnLoad="1"${slash}>`);
    else {
      const at = /<(?:([\w.-]+):)?(?:oleSize|customWorkbookViews|pivotCaches|smartTagPr|smartTagTypes|webPublishing|fileRecoveryPr|webPublishObjects|extLst)\b|<\/(?:([\w.-]+):)?workbook>/.exec(wb);
      if (!at) throw new XlsxError("xl/workbook.xml has no closing workbook tag");
      const p = at[1] ?? at[2];
      out = wb.slice(0, at.index) + `<${p ? `${p}:` : ""}calcPr fullCalcOnLoad="1"/>` + wb.slice(at.index);
    }
    if (out !== wb) this.put("xl/workbook.xml", out);
  }
}
