/**
 * An .xlsx workbook through the port. Input tables are read by streaming their sheet's XML through a
 * strict scanner; every part of the package is checked before anything is written. A run writes only
 * what it owns: the output tables' cells and table parts, (for a new one) its sheet and the entries
 * that list it, the sheets it owns whole (the Dashboard with its drawing and charts, the Statements),
 * and the cell formats it needs, appended to the stylesheet; all edited namespace-correctly. Every
 * other part keeps its compressed bytes. Whatever we write is read back strictly before the package
 * is handed out.
 *
 * One file over 300 lines because the package's structure (workbook, sheets, tables, relationships,
 * content types, stylesheet) is read and changed together; the XML scanning, the sheet reading and
 * writing, the owned sheets and charts, the styles, the parts store and the zip format live in
 * modules of their own.
 */
import { Element } from "@xmldom/xmldom";
import { CellValue, OutputTable, OwnedSheet, TableData, TableInfo, WorkbookPort, WriteReport, findByName } from "../port";
import { NS, appendNS, attributeNS, childNS, childrenNS, descendantsNS, rootOf, setAttributeNS } from "./dom";
import { XlsxError } from "./errors";
import { Parts, REL_TYPE, relativeTarget, relsOf } from "./parts";
import { fitWidths, isDateFormat } from "../formats";
import { CellContext, Region, decodeExcelText, readRegions, readSheetAsTable } from "./sheetRead";
import { TableLook, XML_HEAD, bottomOf, newSheetXml, parseRange, rewriteSheetXml } from "./sheetWrite";
import { EMPTY_STYLES, StyleBook } from "./styles";
import { OwnedHost, dropHangingParts, writeOwnedParts } from "./owned";
import { refuseNonZip } from "./sniff";
import { escapeAttr, excelName } from "./xml";
import { ZipEntry, ZipError, inflateChunks, inflateEntry, readZip, writeZip } from "./zip";
import { StrictUtf8Decoder } from "./utf8";

export { PackageBug, XlsxError } from "./errors";

const STRICT_MAIN = "http://purl.oclc.org/ooxml/spreadsheetml/main";
const CT = {
  worksheet: "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml",
  table: "application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml",
  styles: "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml",
};
const WORKBOOK_TYPES: Record<string, "xlsx" | "xlsm" | "xltx" | "xltm"> = {
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml": "xlsx",
  "application/vnd.ms-excel.sheet.macroEnabled.main+xml": "xlsm",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml": "xltx",
  "application/vnd.ms-excel.template.macroEnabled.main+xml": "xltm",
};

interface SheetMeta {
  name: string;
  sheetId: number;
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

export class XlsxWorkbook implements WorkbookPort {
  private readonly parts: Parts;
  private workbookPath = "xl/workbook.xml";
  /** What the package is: a workbook, a macro-enabled workbook (its macros are kept untouched), or a template. */
  kind: "xlsx" | "xlsm" | "xltx" | "xltm" = "xlsx";
  private sheets: SheetMeta[] = [];
  private tables: TableMeta[] = [];
  private date1904 = false;
  private structureLocked = false;
  private sharedStrings: string[] | null = null;
  private dateStyles: boolean[] | null = null;
  private pending: Array<{ table: OutputTable; sheetName: string }> = [];
  private pendingSheets: Array<{ content: OwnedSheet; sheetName: string }> = [];
  private styles: StyleBook | null = null;
  private stylesPath = "";

  private constructor(buf: Uint8Array) {
    refuseNonZip(buf);
    let entries: Map<string, ZipEntry>;
    try {
      entries = readZip(buf);
    } catch (e) {
      if (e instanceof ZipError) throw new XlsxError(`not a readable .xlsx file: ${e.message}`);
      throw e;
    }
    this.parts = new Parts(entries);
    if (!this.parts.has("[Content_Types].xml")) {
      // An OpenDocument file starts with a stored `mimetype` entry naming its kind (ODF 1.2 Part 3, §3.3).
      const mimetype = entries.get("mimetype");
      if (mimetype && /^application\/vnd\.oasis\.opendocument\.spreadsheet/.test(new TextDecoder().decode(inflateEntry(mimetype))))
        throw new XlsxError(
          "this is an OpenDocument spreadsheet (.ods), not an .xlsx workbook: open it in LibreOffice or Excel and save it as Excel Workbook (.xlsx)",
        );
      throw new XlsxError(
        "not an .xlsx workbook: the zip package has no [Content_Types].xml (an .xlsx saved by Excel always has one): open the file in Excel and save it as Excel Workbook (.xlsx)",
      );
    }
    this.loadStructure();
  }

  static fromBuffer(buf: Uint8Array): XlsxWorkbook {
    return new XlsxWorkbook(buf);
  }

  private loadStructure(): void {
    const office = this.parts.rels("").find((r) => r.type === REL_TYPE.officeDocument);
    this.workbookPath = office?.target || "xl/workbook.xml";
    if (!this.parts.has(this.workbookPath))
      throw new XlsxError("not an .xlsx workbook: it has no workbook part (an .xls or .xlsb file must be saved as .xlsx first)");
    const type = this.parts.contentType(this.workbookPath) ?? "";
    if (/binary/i.test(type)) throw new XlsxError("this is a binary workbook (.xlsb): open it in Excel and save it as Excel Workbook (.xlsx)");
    const kind = WORKBOOK_TYPES[type];
    if (!kind) throw new XlsxError(`not an Excel workbook: its main part is of type ${type || "unknown"}`);
    this.kind = kind;
    const doc = this.parts.doc(this.workbookPath);
    if (doc.documentElement?.namespaceURI === STRICT_MAIN)
      throw new XlsxError("the workbook is saved as Strict Open XML: open it in Excel and save it as Excel Workbook (.xlsx), not Strict");
    const root = rootOf(doc, NS.main, "workbook", this.workbookPath);
    const pr = childNS(root, NS.main, "workbookPr");
    this.date1904 = pr?.getAttribute("date1904") === "1" || pr?.getAttribute("date1904") === "true";
    const lock = childNS(root, NS.main, "workbookProtection")?.getAttribute("lockStructure");
    this.structureLocked = lock === "1" || lock === "true";
    const rels = this.parts.rels(this.workbookPath);
    const sheetsEl = childNS(root, NS.main, "sheets");
    this.sheets = (sheetsEl ? childrenNS(sheetsEl, NS.main, "sheet") : []).map((s) => {
      const rel = rels.find((r) => r.id === attributeNS(s, NS.rel, "id"));
      return { name: s.getAttribute("name") ?? "", sheetId: Number(s.getAttribute("sheetId")), path: rel && rel.type === REL_TYPE.worksheet ? rel.target : "" };
    });
    this.tables = [];
    for (const sheet of this.sheets) {
      if (!sheet.path || !this.parts.has(sheet.path)) continue;
      for (const rel of this.parts.rels(sheet.path).filter((r) => r.type === REL_TYPE.table)) {
        if (!this.parts.has(rel.target)) throw new XlsxError(`sheet ${sheet.name} lists the table part ${rel.target}, which is missing: the file is damaged`);
        const table = rootOf(this.parts.doc(rel.target), NS.main, "table", rel.target);
        const ref = parseRange(table.getAttribute("ref") ?? "");
        if (!ref) throw new XlsxError(`the table part ${rel.target} has no valid range: the file is damaged`);
        const columnsEl = childNS(table, NS.main, "tableColumns");
        this.tables.push({
          id: Number(table.getAttribute("id")),
          name: table.getAttribute("displayName") || table.getAttribute("name") || "",
          path: rel.target,
          sheet,
          ...ref,
          headerRowCount: table.hasAttribute("headerRowCount") ? Number(table.getAttribute("headerRowCount")) : 1,
          totalsRowCount: table.hasAttribute("totalsRowCount") ? Number(table.getAttribute("totalsRowCount")) : 0,
          columns: (columnsEl ? childrenNS(columnsEl, NS.main, "tableColumn") : []).map((c) => decodeExcelText(c.getAttribute("name") ?? "")),
        });
      }
    }
  }

  private context(): CellContext {
    return {
      strings: () => {
        if (!this.sharedStrings) throw new XlsxError("the shared strings were not read before the sheets (a bug)");
        return this.sharedStrings;
      },
      isDateStyle: (s) => (this.dateStyles ??= this.readDateStyles())[s] ?? false,
      date1904: this.date1904,
    };
  }

  private related(type: string): string | null {
    const rel = this.parts.rels(this.workbookPath).find((r) => r.type === type);
    return rel && this.parts.has(rel.target) ? rel.target : null;
  }

  private async readSharedStrings(): Promise<string[]> {
    const path = this.related(REL_TYPE.sharedStrings);
    const out: string[] = [];
    if (!path) return out;
    let text: string | null = null;
    let phonetic = 0;
    let inT = false;
    await this.parts.scanAsync(path, {
      open: (e) => {
        if (e.uri !== NS.main) return;
        if (e.local === "si") text = "";
        else if (e.local === "rPh") phonetic++;
        else if (e.local === "t" && phonetic === 0 && !e.selfClosing) inT = true;
      },
      text: (t) => {
        if (inT && text !== null) text += t;
      },
      close: (q) => {
        const local = q.slice(q.indexOf(":") + 1);
        if (local === "t") inT = false;
        else if (local === "rPh") phonetic--;
        else if (local === "si" && text !== null) {
          out.push(decodeExcelText(text));
          text = null;
        }
      },
    });
    return out;
  }

  private readDateStyles(): boolean[] {
    const path = this.related(REL_TYPE.styles);
    if (!path) return [];
    const root = rootOf(this.parts.doc(path), NS.main, "styleSheet", path);
    const codes = new Map(descendantsNS(root, NS.main, "numFmt").map((f) => [Number(f.getAttribute("numFmtId")), f.getAttribute("formatCode") ?? ""]));
    const xfs = childNS(root, NS.main, "cellXfs");
    return (xfs ? childrenNS(xfs, NS.main, "xf") : []).map((xf) => {
      const id = Number(xf.getAttribute("numFmtId") ?? 0);
      return isDateFormat(codes.get(id), id);
    });
  }

  /** The workbook's sheet names, in order. */
  sheetNames(): string[] {
    return this.sheets.map((s) => s.name);
  }

  async listTables(): Promise<TableInfo[]> {
    return this.tables.map((t) => ({ name: t.name, sheet: t.sheet.name, headers: [...t.columns] }));
  }

  async readTables(names: readonly string[], fallbackSheets?: ReadonlyMap<string, readonly string[]>): Promise<Map<string, TableData>> {
    const wanted = names.map((n) => [n, findByName(this.tables, n)] as const).filter((x): x is readonly [string, TableMeta] => x[1] !== undefined);
    const regions = new Map<TableMeta, Region>();
    for (const [, t] of wanted) regions.set(t, { top: t.top + t.headerRowCount, bottom: t.bottom - t.totalsRowCount, left: t.left, right: t.right, rows: [] });
    // The shared strings first: cells point into them.
    this.sharedStrings ??= await this.readSharedStrings();
    for (const sheet of new Set(wanted.map(([, t]) => t.sheet))) {
      await readRegions(
        this.parts,
        sheet.path,
        sheet.name,
        wanted.filter(([, t]) => t.sheet === sheet).map(([, t]) => regions.get(t) as Region),
        this.context(),
      );
    }
    const out = new Map<string, TableData>();
    for (const [asked, t] of wanted) {
      const rows = (regions.get(t) as Region).rows as CellValue[][];
      out.set(asked, {
        name: t.name,
        sheet: t.sheet.name,
        headers: [...t.columns],
        headerRow: t.top + t.headerRowCount - 1,
        firstColumn: t.left,
        rows,
        ...(this.date1904 ? { date1904: true as const } : {}),
      });
    }
    for (const name of names) {
      if (out.has(name)) continue;
      const hosts = new Set(this.tables.map((t) => t.sheet));
      const sheet = (fallbackSheets?.get(name) ?? [])
        .map((n) => this.sheets.find((s) => s.name.trim().toLowerCase() === n.toLowerCase() && s.path && !hosts.has(s)))
        .find((s) => s !== undefined);
      if (!sheet) continue;
      const read = await readSheetAsTable(this.parts, sheet.path, sheet.name, this.context());
      if (read) out.set(name, { name, sheet: sheet.name, ...read, fromSheet: true, ...(this.date1904 ? { date1904: true as const } : {}) });
    }
    // Every other part is checked too, so that a damaged file is refused before anything is computed.
    this.parts.verifyAll();
    return out;
  }

  /** Checks every part of the package strictly (what `readTables` does for the parts it does not read). */
  verify(): void {
    this.parts.verifyAll();
  }

  /**
   * Notes what to write; `toBuffer` writes it. Writes add up until then: a table or owned sheet written
   * again replaces its earlier content, in the place it was given.
   */
  async writeTables(tables: readonly OutputTable[], sheets: readonly OwnedSheet[] = []): Promise<WriteReport> {
    const planned = new Map([
      ...this.pending.map((p) => [p.table.name.toLowerCase(), p.sheetName] as const),
      ...this.pendingSheets.map((p) => [p.content.name.toLowerCase(), p.sheetName] as const),
    ]);
    const taken = new Set([...this.sheets.map((s) => s.name), ...planned.values()].map((n) => n.toLowerCase()));
    const report: WriteReport = { renamedSheets: [] };
    // A table, or an owned sheet, goes where the table of its name stands, or to a sheet of its own.
    const place = (name: string): string => {
      const existing = findByName(this.tables, name);
      if (existing) return existing.sheet.name;
      const again = planned.get(name.toLowerCase());
      if (again) return again;
      let sheetName = name;
      for (let i = 2; taken.has(sheetName.toLowerCase()); i++) sheetName = `${name} (${i})`;
      taken.add(sheetName.toLowerCase());
      if (sheetName !== name) report.renamedSheets.push({ table: name, sheet: sheetName });
      return sheetName;
    };
    const named = (n: string) => (x: { table?: OutputTable; content?: OwnedSheet }) =>
      (x.table?.name ?? x.content?.name ?? "").toLowerCase() !== n.toLowerCase();
    for (const table of tables) this.pending = [...this.pending.filter(named(table.name)), { table, sheetName: place(table.name) }];
    for (const content of sheets) this.pendingSheets = [...this.pendingSheets.filter(named(content.name)), { content, sheetName: place(content.name) }];
    return report;
  }

  /** The package with the pending output tables written into it, every written part read back strictly. */
  async toBuffer(): Promise<Uint8Array> {
    if (this.pending.length + this.pendingSheets.length > 0) {
      let rewrote = false;
      for (const { table, sheetName } of this.pending) {
        const existing = findByName(this.tables, table.name);
        if (existing) {
          await this.rewriteTable(existing, table);
          rewrote = true;
        } else await this.createTable(table, sheetName);
      }
      for (const { content, sheetName } of this.pendingSheets) rewrote = this.writeOwned(content, sheetName) || rewrote;
      if (rewrote) this.dropCalcChain();
      this.requestFullCalc();
      if (this.styles?.changed) this.parts.touched(this.stylesPath);
      this.parts.commitDocs();
      this.pending = [];
      this.pendingSheets = [];
      this.styles = null;
      this.sharedStrings = null;
      this.dateStyles = null;
      this.loadStructure();
    }
    this.parts.verifyAll();
    const out: ZipEntry[] = this.parts.names().map((n) => this.parts.entry(n) as ZipEntry);
    try {
      return writeZip(out);
    } catch (e) {
      if (e instanceof ZipError) throw new XlsxError(e.message);
      throw e;
    }
  }

  // ---------------------------------------------------------------- writing

  /** The workbook's stylesheet, to find or append the formats our cells need (one is added when the package has none). */
  private styleBook(): StyleBook {
    if (this.styles) return this.styles;
    let path = this.related(REL_TYPE.styles);
    if (!path) {
      path = "xl/styles.xml";
      for (let i = 2; this.parts.has(path); i++) path = `xl/styles${i}.xml`;
      this.parts.put(path, XML_HEAD + EMPTY_STYLES);
      this.addRelationship(REL_TYPE.styles, path);
      this.addOverride(path, CT.styles);
    }
    this.styles = new StyleBook(this.parts.doc(path), path);
    this.stylesPath = path;
    return this.styles;
  }

  /** How a table's cells look: its header as text, each column by its kind, link cells as links. */
  private lookOf(t: OutputTable): TableLook {
    const book = this.styleBook();
    return {
      header: book.xf("text", "bold"),
      columns: t.columns.map((c) => book.xf(c.kind)),
      date: book.xf("date"),
      link: book.xf("text", "link"),
      dxf: { error: book.dxf("error"), warning: book.dxf("warning") },
    };
  }

  /** A relationship of the workbook part, under an Id it does not use yet. */
  private addRelationship(type: string, target: string): string {
    const wbRelsPath = relsOf(this.workbookPath);
    const relsRoot = rootOf(this.parts.doc(wbRelsPath), NS.pkgRel, "Relationships", wbRelsPath);
    const used = new Set(childrenNS(relsRoot, NS.pkgRel, "Relationship").map((r) => r.getAttribute("Id")));
    let rId = "rIdKpi1";
    for (let i = 2; used.has(rId); i++) rId = `rIdKpi${i}`;
    appendNS(relsRoot, NS.pkgRel, "Relationship", { Id: rId, Type: type, Target: relativeTarget(this.workbookPath, target) });
    this.parts.touched(wbRelsPath);
    return rId;
  }

  /** The content type of a new part. */
  private addOverride(part: string, type: string): void {
    const typesRoot = rootOf(this.parts.doc("[Content_Types].xml"), NS.types, "Types", "[Content_Types].xml");
    appendNS(typesRoot, NS.types, "Override", { PartName: `/${part}`, ContentType: type });
    this.parts.touched("[Content_Types].xml");
  }

  private nextPart(prefix: string): string {
    const used = this.parts
      .names()
      .map((n) => n.match(new RegExp(`^${prefix}(\\d+)\\.xml$`))?.[1])
      .filter(Boolean)
      .map(Number);
    return `${prefix}${Math.max(0, ...used) + 1}.xml`;
  }

  private tableXml(id: number, t: OutputTable, ref: string): string {
    const cols = t.columns.map((c, i) => `<tableColumn id="${i + 1}" name="${escapeAttr(excelName(c.name))}"/>`).join("");
    return `${XML_HEAD}<table xmlns="${NS.main}" id="${id}" name="${escapeAttr(t.name)}" displayName="${escapeAttr(t.name)}" ref="${ref}" headerRowCount="1" totalsRowShown="0"><autoFilter ref="${ref}"/><tableColumns count="${t.columns.length}">${cols}</tableColumns><tableStyleInfo name="TableStyleMedium2" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/></table>`;
  }

  private static ref(left: number, top: number, t: OutputTable): string {
    const letters = (n: number) => {
      let s = "";
      for (let c = n; c > 0; c = ((c - 1) / 26) | 0) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
      return s;
    };
    return `${letters(left)}${top}:${letters(left + t.columns.length - 1)}${bottomOf(t, top)}`;
  }

  private async createTable(t: OutputTable, sheetName: string): Promise<void> {
    if (this.structureLocked)
      throw new XlsxError(
        `the workbook's structure is protected (Review › Protect Workbook), so the sheet for the ${t.name} table cannot be added: unprotect it, then run again`,
      );
    const sheetPath = this.nextPart("xl/worksheets/sheet");
    const tablePath = this.nextPart("xl/tables/table");
    const tableId = Math.max(0, ...this.tables.map((x) => x.id)) + 1;
    await this.parts.putChunks(sheetPath, newSheetXml(t, this.date1904, fitWidths(t.columns, t.rows), this.lookOf(t)));
    this.parts.put(
      relsOf(sheetPath),
      `${XML_HEAD}<Relationships xmlns="${NS.pkgRel}"><Relationship Id="rId1" Type="${REL_TYPE.table}" Target="${relativeTarget(sheetPath, tablePath)}"/></Relationships>`,
    );
    this.parts.put(tablePath, this.tableXml(tableId, t, XlsxWorkbook.ref(1, 1, t)));

    const meta = this.addSheet(sheetName, sheetPath);
    this.addOverride(tablePath, CT.table);
    this.tables.push({
      id: tableId,
      name: t.name,
      path: tablePath,
      sheet: meta,
      left: 1,
      top: 1,
      right: t.columns.length,
      bottom: bottomOf(t, 1),
      headerRowCount: 1,
      totalsRowCount: 0,
      columns: t.columns.map((c) => c.name),
    });
  }

  /** Lists a new sheet in the workbook, its relationships and the content types, each in its own namespace. */
  private addSheet(sheetName: string, sheetPath: string): SheetMeta {
    const rId = this.addRelationship(REL_TYPE.worksheet, sheetPath);
    const wbRoot = rootOf(this.parts.doc(this.workbookPath), NS.main, "workbook", this.workbookPath);
    const sheetsEl = childNS(wbRoot, NS.main, "sheets");
    if (!sheetsEl) throw new XlsxError(`${this.workbookPath} lists no sheets: the file is damaged`);
    const sheetId = Math.max(0, ...this.sheets.map((s) => s.sheetId)) + 1;
    const sheet = appendNS(sheetsEl, NS.main, "sheet", { name: sheetName, sheetId: String(sheetId) });
    setAttributeNS(sheet, NS.rel, "id", rId, "r");
    this.parts.touched(this.workbookPath);
    this.addOverride(sheetPath, CT.worksheet);
    const meta: SheetMeta = { name: sheetName, sheetId, path: sheetPath };
    this.sheets.push(meta);
    return meta;
  }

  /** What the owned-sheet writer needs of the package. */
  private ownedHost(): OwnedHost {
    return {
      parts: this.parts,
      date1904: this.date1904,
      xf: (kind, style) => this.styleBook().xf(kind, style),
      lookOf: (t) => this.lookOf(t),
      nextPart: (prefix) => this.nextPart(prefix),
      addOverride: (part, type) => this.addOverride(part, type),
      dropPart: (part) => this.dropPart(part),
      tablesElsewhere: (sheetPath) => ({
        names: new Set(this.tables.filter((t) => t.sheet.path !== sheetPath).map((t) => t.name.toLowerCase())),
        maxId: Math.max(0, ...this.tables.map((t) => t.id)),
      }),
    };
  }

  /** A part removed from the package with its content type. */
  private dropPart(part: string): void {
    this.parts.remove(part);
    const typesRoot = rootOf(this.parts.doc("[Content_Types].xml"), NS.types, "Types", "[Content_Types].xml");
    for (const o of childrenNS(typesRoot, NS.types, "Override"))
      if ((o.getAttribute("PartName") ?? "").toLowerCase() === `/${part}`.toLowerCase()) typesRoot.removeChild(o);
    this.parts.touched("[Content_Types].xml");
  }

  /**
   * Writes an owned sheet whole: over the sheet that holds the table of its name (its old tables,
   * drawing and charts dropped), or on a new sheet. Returns whether an existing sheet was replaced.
   */
  private writeOwned(content: OwnedSheet, sheetName: string): boolean {
    const existing = findByName(this.tables, content.name);
    let meta: SheetMeta;
    if (existing) {
      meta = existing.sheet;
      dropHangingParts(this.ownedHost(), meta.path);
      this.tables = this.tables.filter((t) => t.sheet !== meta);
    } else {
      if (this.structureLocked)
        throw new XlsxError(
          `the workbook's structure is protected (Review › Protect Workbook), so the ${content.name} sheet cannot be added: unprotect it, then run again`,
        );
      meta = this.addSheet(sheetName, this.nextPart("xl/worksheets/sheet"));
    }
    for (const w of writeOwnedParts(this.ownedHost(), content, meta.name, meta.path)) {
      const t = w.table;
      this.tables.push({
        id: w.id,
        name: w.name,
        path: w.path,
        sheet: meta,
        left: t.column,
        top: t.row,
        right: t.column + t.columns.length - 1,
        bottom: bottomOf(t, t.row),
        headerRowCount: 1,
        totalsRowCount: 0,
        columns: t.columns.map((c) => c.name),
      });
    }
    return existing !== undefined;
  }

  /** Replaces the cells of an existing output table where it stands; cells around it are kept as they were. */
  private async rewriteTable(m: TableMeta, t: OutputTable): Promise<void> {
    if (m.headerRowCount !== 1)
      throw new XlsxError(`the ${m.name} table on sheet ${m.sheet.name} has its header row turned off: turn it on (Table Design › Header Row), then run again`);
    if (m.totalsRowCount > 0)
      throw new XlsxError(
        `the ${m.name} table on sheet ${m.sheet.name} has a Total Row: turn it off (Table Design › Total Row) before running, and on again after`,
      );
    const entry = this.parts.entry(m.sheet.path);
    if (!entry) throw new XlsxError(`the package has no part ${m.sheet.path}`);
    const decoder = new StrictUtf8Decoder();
    function* oldText(): Generator<string> {
      for (const chunk of inflateChunks(entry as ZipEntry)) yield decoder.decode(chunk);
      yield decoder.decode(undefined, true);
    }
    await this.parts.putChunks(
      m.sheet.path,
      rewriteSheetXml(oldText(), { sheet: m.sheet.name, old: m, table: t, date1904: this.date1904, look: this.lookOf(t) }),
    );

    const root = rootOf(this.parts.doc(m.path), NS.main, "table", m.path);
    const ref = XlsxWorkbook.ref(m.left, m.top, t);
    root.setAttribute("ref", ref);
    // A sort or filter refers to the old rows: the table is shown whole.
    for (const s of childrenNS(root, NS.main, "sortState")) root.removeChild(s);
    const filter = childNS(root, NS.main, "autoFilter");
    if (filter) {
      filter.setAttribute("ref", ref);
      while (filter.firstChild) filter.removeChild(filter.firstChild);
    }
    const columnsEl = childNS(root, NS.main, "tableColumns");
    if (!columnsEl) throw new XlsxError(`the table part ${m.path} has no columns: the file is damaged`);
    const old = new Map(childrenNS(columnsEl, NS.main, "tableColumn").map((c) => [decodeExcelText(c.getAttribute("name") ?? "").toLowerCase(), c] as const));
    while (columnsEl.firstChild) columnsEl.removeChild(columnsEl.firstChild);
    t.columns.forEach((c, i) => {
      const kept = old.get(c.name.toLowerCase());
      const el: Element = kept ?? appendNS(columnsEl, NS.main, "tableColumn", {});
      if (kept) columnsEl.appendChild(kept);
      el.setAttribute("id", String(i + 1));
      el.setAttribute("name", excelName(c.name));
    });
    columnsEl.setAttribute("count", String(t.columns.length));
    this.parts.touched(m.path);
  }

  /** calcChain.xml is Excel's cache of formula order; after cells change it is dropped and Excel rebuilds it. */
  private dropCalcChain(): void {
    const path = this.related(REL_TYPE.calcChain);
    if (!path) return;
    this.parts.remove(path);
    const relsPath = relsOf(this.workbookPath);
    const relsRoot = rootOf(this.parts.doc(relsPath), NS.pkgRel, "Relationships", relsPath);
    for (const r of childrenNS(relsRoot, NS.pkgRel, "Relationship")) if (r.getAttribute("Type") === REL_TYPE.calcChain) relsRoot.removeChild(r);
    this.parts.touched(relsPath);
    const typesRoot = rootOf(this.parts.doc("[Content_Types].xml"), NS.types, "Types", "[Content_Types].xml");
    for (const o of childrenNS(typesRoot, NS.types, "Override"))
      if ((o.getAttribute("PartName") ?? "").toLowerCase() === `/${path}`.toLowerCase()) typesRoot.removeChild(o);
    this.parts.touched("[Content_Types].xml");
  }

  /** Asks Excel to recalculate on open, so formulas over the output tables (=SUM(Results[TotalPay])) are current. */
  private requestFullCalc(): void {
    const root = rootOf(this.parts.doc(this.workbookPath), NS.main, "workbook", this.workbookPath);
    let calc = childNS(root, NS.main, "calcPr");
    if (!calc) {
      // calcPr's place in the schema's sequence: before these, after everything else.
      const later = [
        "oleSize",
        "customWorkbookViews",
        "pivotCaches",
        "smartTagPr",
        "smartTagTypes",
        "webPublishing",
        "fileRecoveryPr",
        "webPublishObjects",
        "extLst",
      ];
      let before: Element | null = null;
      for (let n = root.firstChild; n && !before; n = n.nextSibling)
        if (n.nodeType === 1 && (n as Element).namespaceURI === NS.main && later.includes((n as Element).localName ?? "")) before = n as Element;
      calc = appendNS(root, NS.main, "calcPr", {}, before);
    }
    if (calc.getAttribute("fullCalcOnLoad") === "1") return;
    calc.setAttribute("fullCalcOnLoad", "1");
    this.parts.touched(this.workbookPath);
  }
}
