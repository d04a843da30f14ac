/**
 * The cell formats our cells need, found in or appended to xl/styles.xml without changing anything that
 * is there: every existing numFmt, font, xf and dxf keeps its index and its content, so every cell the
 * user formatted looks exactly as before. A format already present (from the last run, or the user's
 * own identical one) is reused, so that re-running gives the same workbook. Edited through the DOM, each
 * element in SpreadsheetML's namespace (ECMA-376 Part 1 §18.8, the Styles part).
 */
import { Document, Element } from "@xmldom/xmldom";
import { CellStyle, ColumnKind } from "../port";
import { NUMBER_FORMAT } from "../formats";
import { NS, appendNS, childNS, childrenNS, rootOf } from "./dom";

/** The order of styleSheet's children in the schema (CT_Stylesheet is a sequence). */
const ORDER = ["numFmts", "fonts", "fills", "borders", "cellStyleXfs", "cellXfs", "cellStyles", "dxfs", "tableStyles", "colors", "extLst"];

/** Built-in number formats whose codes equal our kinds' (§18.8.30): they need no numFmt element. */
const BUILT_IN: Record<string, number> = { General: 0, "0": 1, "0.00": 2, "#,##0.00": 4, "0.00%": 10, "@": 49 };

/** Conditional-format looks, as Excel's presets "Light Red Fill with Dark Red Text" and "Yellow Fill with Dark Yellow Text". */
const TONES = { error: { font: "FF9C0006", fill: "FFFFC7CE" }, warning: { font: "FF9C5700", fill: "FFFFEB9C" } } as const;
export type Tone = keyof typeof TONES;

/** A minimal stylesheet for a package that has none: the defaults Excel writes (one font, two fills, one border, Normal). */
export const EMPTY_STYLES = `<styleSheet xmlns="${NS.main}"><fonts count="1"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`;

/** Whether two elements say the same: namespace, name, attributes (namespace declarations aside) and child elements. */
function same(a: Element, b: Element): boolean {
  if (a.namespaceURI !== b.namespaceURI || a.localName !== b.localName) return false;
  const attrs = (e: Element) =>
    Array.from(e.attributes)
      .filter((x) => x.prefix !== "xmlns" && x.name !== "xmlns")
      .map((x) => `${x.namespaceURI ?? ""}|${x.localName}=${x.value}`)
      .sort()
      .join("\n");
  if (attrs(a) !== attrs(b)) return false;
  const kids = (e: Element) => Array.from(e.childNodes).filter((n): n is Element => n.nodeType === 1);
  const [ka, kb] = [kids(a), kids(b)];
  return ka.length === kb.length && ka.every((k, i) => same(k, kb[i]));
}

export class StyleBook {
  private readonly root: Element;
  private readonly doc: Document;
  private readonly cache = new Map<string, number>();
  changed = false;

  constructor(doc: Document, part: string) {
    this.doc = doc;
    this.root = rootOf(doc, NS.main, "styleSheet", part);
  }

  /** The collection element (numFmts, fonts, cellXfs, dxfs), created in its place in the sequence when missing. */
  private collection(local: string): Element {
    const found = childNS(this.root, NS.main, local);
    if (found) return found;
    let before: Element | null = null;
    for (const later of ORDER.slice(ORDER.indexOf(local) + 1)) {
      before = childNS(this.root, NS.main, later);
      if (before) break;
    }
    this.changed = true;
    return appendNS(this.root, NS.main, local, { count: "0" }, before);
  }

  /** The index of an element equal to `candidate` in the collection, appending it (and counting it) when none is. */
  private indexOf(collection: string, item: string, candidate: Element): number {
    const parent = this.collection(collection);
    const items = childrenNS(parent, NS.main, item);
    const at = items.findIndex((x) => same(x, candidate));
    if (at >= 0) return at;
    parent.appendChild(candidate);
    parent.setAttribute("count", String(items.length + 1));
    this.changed = true;
    return items.length;
  }

  /** A detached element in SpreadsheetML's namespace, with its child elements. */
  private make(local: string, attrs: Record<string, string> = {}, children: Element[] = []): Element {
    const el = this.doc.createElementNS(NS.main, local);
    for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
    for (const c of children) el.appendChild(c);
    return el;
  }

  /** The id of a number format code: a built-in one, an existing custom one, or a new one above 163 (§18.8.30). */
  private numFmtId(code: string): number {
    if (code in BUILT_IN) return BUILT_IN[code];
    const existing = childNS(this.root, NS.main, "numFmts");
    const all = existing ? childrenNS(existing, NS.main, "numFmt") : [];
    const match = all.find((f) => f.getAttribute("formatCode") === code);
    if (match) return Number(match.getAttribute("numFmtId"));
    const id = Math.max(163, ...all.map((f) => Number(f.getAttribute("numFmtId")) || 0)) + 1;
    this.indexOf("numFmts", "numFmt", this.make("numFmt", { numFmtId: String(id), formatCode: code }));
    return id;
  }

  /** Font 0 (the workbook's default font) with some of its properties set: bold, size, italic, colour, underline. */
  private fontId(change: { b?: true; i?: true; sz?: string; color?: string; u?: true }): number {
    const fonts = this.collection("fonts");
    if (childrenNS(fonts, NS.main, "font").length === 0)
      this.indexOf("fonts", "font", this.make("font", {}, [this.make("sz", { val: "11" }), this.make("name", { val: "Calibri" })]));
    const base = childrenNS(fonts, NS.main, "font")[0].cloneNode(true) as Element;
    // CT_Font is a choice of any order: replace the properties we set, keep the rest (name, family, scheme).
    for (const name of Object.keys(change)) for (const old of childrenNS(base, NS.main, name)) base.removeChild(old);
    const add = (name: string, attrs: Record<string, string> = {}) => base.appendChild(this.make(name, attrs));
    if (change.b) add("b");
    if (change.i) add("i");
    if (change.u) add("u");
    if (change.sz) add("sz", { val: change.sz });
    if (change.color) add("color", { rgb: change.color });
    return this.indexOf("fonts", "font", base);
  }

  /** The cellXfs index of a cell showing `kind`, in `style` (or as a link). */
  xf(kind: ColumnKind, style?: CellStyle | "link"): number {
    const key = `${kind}|${style ?? ""}`;
    const cached = this.cache.get(key);
    if (cached !== undefined) return cached;
    const font =
      style === "title"
        ? this.fontId({ b: true, sz: "14" })
        : style === "bold"
          ? this.fontId({ b: true })
          : style === "note"
            ? this.fontId({ i: true, color: "FF595959" })
            : style === "link"
              ? this.fontId({ u: true, color: "FF0563C1" })
              : 0;
    const attrs: Record<string, string> = {
      numFmtId: String(this.numFmtId(NUMBER_FORMAT[kind])),
      fontId: String(font),
      fillId: "0",
      borderId: "0",
      xfId: "0",
      applyNumberFormat: "1",
    };
    if (font !== 0) attrs.applyFont = "1";
    if (style === "wrap") attrs.applyAlignment = "1";
    const xf = this.make("xf", attrs, style === "wrap" ? [this.make("alignment", { wrapText: "1" })] : []);
    // A stylesheet without cell formats gets Excel's default one first, so that cells without a style keep it.
    if (childrenNS(this.collection("cellXfs"), NS.main, "xf").length === 0)
      this.indexOf("cellXfs", "xf", this.make("xf", { numFmtId: "0", fontId: "0", fillId: "0", borderId: "0" }));
    const index = this.indexOf("cellXfs", "xf", xf);
    this.cache.set(key, index);
    return index;
  }

  /** The dxfs index of a conditional format's look (§18.8.14: font, then fill; a dxf's fill colour is its bgColor). */
  dxf(tone: Tone): number {
    const { font, fill } = TONES[tone];
    const m = (l: string, a: Record<string, string> = {}, c: Element[] = []) => this.make(l, a, c);
    return this.indexOf(
      "dxfs",
      "dxf",
      m("dxf", {}, [m("font", {}, [m("color", { rgb: font })]), m("fill", {}, [m("patternFill", {}, [m("bgColor", { rgb: fill })])])]),
    );
  }
}
