/**
 * A strict, namespace-aware XML scanner for the parts of an .xlsx package: it refuses what is not
 * well-formed XML 1.0 with namespaces (mismatched or unclosed tags, an undeclared prefix, a bad entity,
 * a character XML cannot hold, a DOCTYPE, text outside the root) and reports elements and text to a
 * handler as it goes. It reads a part chunk by chunk, so a sheet of a hundred megabytes is never held
 * whole.
 *
 * Why not saxes: saxes is the conformance reference (the tests check this scanner against it on
 * generated and mutated documents), but it parses about 26 MB/s here, which would make reading a
 * 100,000-employee workbook take tens of seconds; this scanner uses V8's regular expressions over
 * whole tokens and runs several times faster. One file: the tokenizer, its namespace scopes and its
 * entity rules are one state machine.
 */

export const NS_XML = "http://www.w3.org/XML/1998/namespace";
const NS_XMLNS = "http://www.w3.org/2000/xmlns/";

/** A start tag as the handler sees it. Attribute keys are qualified names as written (`r`, `r:id`). */
export interface XmlStart {
  qname: string;
  /** The element's local name and namespace URI ("" when it has none). */
  local: string;
  uri: string;
  attrs: Record<string, string>;
  selfClosing: boolean;
  /** Offsets in the scanned text (counted from the first chunk): the tag's first and after-last character. */
  start: number;
  end: number;
}

export interface XmlHandler {
  /**
   * A SpreadsheetML cell in the plain shape writers use (`<c r="A2" s="1" t="s"><v>3</v></c>`, or an inline
   * string `<c r="A2" t="inlineStr"><is><t>text</t></is></c>`, or an empty `<c …/>`), reported whole instead
   * of as open/text/close events, when the default namespace in scope is `cellUri`: its r, s and t
   * attributes (in that order, each optional, nothing else) as the column number of r (0 without r), the
   * style number (0 without s) and t's text, its value or inline text, which hold no entity, and its
   * offsets (as a start tag's `start` and an end tag's `end`, so a capture can take it). Any other shape is
   * reported as ordinary events. A handler with no open, text or close gets the same fast path for checking.
   */
  cell?(column: number, style: number, t: string | undefined, value: string | null, inline: string | null, start: number, end: number): void;
  cellUri?: string;
  /**
   * A row's start tag directly inside sheetData, in the plain shape (the attributes PLAIN_ROWS allows), reported
   * with its r attribute's number instead of as an open event, on the same terms as `cell`; its end tag is
   * still a close. A handler with `row` is given whole runs of plain rows this way, each row's start, its
   * cells, then its end, read from text that one match of PLAIN_ROWS has shown well-formed.
   */
  row?(r: number | undefined): void;
  /** A start tag. The object is the scanner's own, filled anew for each tag: read it during the call, keep nothing of it. */
  open?(el: XmlStart): void;
  /** Character data with entities resolved (CDATA sections included), possibly in several pieces. */
  text?(text: string): void;
  /** `start`/`end`: offsets of the end tag (both equal to the start tag's end for a self-closing element). */
  close?(qname: string, start: number, end: number): void;
}

export class XmlError extends Error {
  constructor(
    readonly reason: string,
    readonly offset: number,
    readonly line: number,
  ) {
    super(`line ${line}: ${reason}`);
    this.name = "XmlError";
  }
}

// XML 1.0 (fifth edition) name characters; a qualified name has at most one colon. The classes hold
// combining marks (U+0300–U+036F) and joiners (U+200C, U+200D) on purpose, as the XML spec lists them.
const START =
  "A-Z_a-z\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u02FF\\u0370-\\u037D\\u037F-\\u1FFF\\u200C\\u200D\\u2070-\\u218F\\u2C00-\\u2FEF\\u3001-\\uD7FF\\uF900-\\uFDCF\\uFDF0-\\uFFFD";
const NAME_CHARS = `${START}\\-.0-9\\u00B7\\u0300-\\u036F\\u203F-\\u2040`;
const NCNAME = `(?:[${START}]|[\\uD800-\\uDBFF][\\uDC00-\\uDFFF])(?:[${NAME_CHARS}]|[\\uD800-\\uDBFF][\\uDC00-\\uDFFF])*`;
const QNAME = `${NCNAME}(?::${NCNAME})?`;
const S = "[ \\t\\r\\n]";
const ATTR_VALUE = `(?:"[^<"]*"|'[^<']*')`;
// eslint-disable-next-line no-misleading-character-class -- XML name characters, see above
const START_TAG = new RegExp(`<(${QNAME})((?:${S}+${QNAME}${S}*=${S}*${ATTR_VALUE})*)${S}*(/?)>`, "y");
// eslint-disable-next-line no-misleading-character-class -- XML name characters, see above
const END_TAG = new RegExp(`</(${QNAME})${S}*>`, "y");
// The same with ASCII names only: package parts use nothing else, and these run several times faster.
// A name with other characters fails them and is tried with the full patterns (which accept a superset).
const ASCII_QNAME = "[A-Za-z_][-.\\w]*(?::[A-Za-z_][-.\\w]*)?";
const START_TAG_ASCII = new RegExp(`<(${ASCII_QNAME})((?:${S}+${ASCII_QNAME}${S}*=${S}*${ATTR_VALUE})*)${S}*(/?)>`, "y");
const END_TAG_ASCII = new RegExp(`</(${ASCII_QNAME})${S}*>`, "y");
// eslint-disable-next-line no-misleading-character-class -- XML name characters, see above
const PI_TARGET = new RegExp(`<\\?(${NCNAME})(?:${S}|\\?>)`, "y");
const XML_DECL = new RegExp(
  `<\\?xml${S}+version${S}*=${S}*(?:"1\\.[0-9]+"|'1\\.[0-9]+')(?:${S}+encoding${S}*=${S}*(?:"[A-Za-z][A-Za-z0-9._-]*"|'[A-Za-z][A-Za-z0-9._-]*'))?(?:${S}+standalone${S}*=${S}*(?:"(?:yes|no)"|'(?:yes|no)'))?${S}*\\?>`,
  "y",
);
const BAD_CHAR = /[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
/** Anything BAD_CHAR could match (any surrogate): when this finds nothing, BAD_CHAR need not run. */
const MAYBE_BAD = /[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF\uD800-\uDFFF]/;
const ENTITY = /&(?:(amp|lt|gt|quot|apos)|#([0-9]+)|#x([0-9A-Fa-f]+));/g;
const NAMED: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };
const WHITESPACE = /^[ \t\r\n]*$/;
const NORMALIZE = /[\t\n\r]/;
/** The attributes of every tag when no handler asks for them. */
const NO_ATTRIBUTES: Record<string, string> = Object.freeze({}) as Record<string, string>;

/**
 * A cell in the shape writers use, matched whole: unprefixed `c`, `v`, `is`, `t` (so in the default
 * namespace); the attributes r, s, t in that order, each at most once, with values that need no decoding;
 * text with no markup, entity, `>` or carriage return. Whatever it matches is well-formed (characters XML
 * cannot hold were checked over the whole chunk).
 */
const PLAIN_CELL =
  /<c(?: r="([A-Z]{1,3}[0-9]{1,7})")?(?: s="([0-9]{1,9})")?(?: t="([a-zA-Z]{1,9})")?(?:\/>|>(?:<v>([^<&>\r]*)<\/v>|<is><t(?: xml:space="preserve")?>([^<&>\r]*)<\/t><\/is>)?<\/c>)/y;

/** Runs of plain cells, for a scanner that only checks: one match for a row's cells, not one per cell. */
const PLAIN_CELLS = new RegExp(`(?:${PLAIN_CELL.source})+`, "y");

/**
 * Runs of whole rows of plain cells, for a scanner that only checks (our own sheets read back, parts a
 * run does not read): a row in the shape writers use, its attributes among r, spans, s, customFormat, ht,
 * hidden, customHeight (and Excel's x14ac:dyDescent where that prefix is declared), in that order, each
 * at most once, with values that need no decoding. Whatever it matches is well-formed, so a sheet of such
 * rows is checked at the speed of the pattern, not of a call per tag. At most 256 rows a match, so the
 * pattern's backtracking stays small.
 */
const ROW_ATTRIBUTES_AFTER_R =
  '(?: spans="[0-9: ]{0,64}")?(?: s="[0-9]{1,9}")?(?: customFormat="(?:[01]|true|false)")?(?: ht="[0-9.]{1,24}")?(?: hidden="(?:[01]|true|false)")?(?: customHeight="(?:[01]|true|false)")?';
const ROW_ATTRIBUTES = `(?: r="[0-9]{1,7}")?${ROW_ATTRIBUTES_AFTER_R}`;
const X14AC_ROW_ATTRIBUTE = '(?: x14ac:dyDescent="[0-9.]{1,24}")?';
const plainRows = (extra: string) => new RegExp(`(?:<row${ROW_ATTRIBUTES}${extra}>(?:${PLAIN_CELL.source})*<\\/row>){1,256}`, "y");
const PLAIN_ROWS = plainRows("");
const PLAIN_ROWS_X14AC = plainRows(X14AC_ROW_ATTRIBUTE);
/** A row's start tag in the same shape, for a reading handler: its r attribute captured (a row is read one cell at a time). */
const rowHead = (extra: string) => new RegExp(`<row(?: r="([0-9]{1,7})")?${ROW_ATTRIBUTES_AFTER_R}${extra}>`, "y");
const ROW_HEAD = rowHead("");
const ROW_HEAD_X14AC = rowHead(X14AC_ROW_ATTRIBUTE);
/** A cell's t attribute: the values readers meet, as constants rather than a string cut per cell. */
function typeAt(buf: string, from: number, to: number): string {
  const n = to - from;
  if (n === 9 && buf.startsWith("inlineStr", from)) return "inlineStr";
  // One character: V8 keeps a string of each, so this cuts nothing new.
  if (n === 1) return buf[from];
  if (n === 3 && buf.startsWith("str", from)) return "str";
  return buf.slice(from, to);
}

/** A scanner stops trying whole rows after this many misses in a row (rows with formulas, say). */
const ROW_MISSES = 16;

/** A token longer than this without its end is taken as broken, not as still arriving. */
const MAX_PENDING = 8 << 20;

type Scope = Map<string, string>;

/** The scanner: feed it text with `write`, then call `end`. Throws XmlError at the first fault. */
export class XmlScanner {
  private buf = "";
  /** Offset of buf[0] in the whole text. */
  private base = 0;
  private line = 1;
  /** Open elements; `cells`: whether a plain cell inside is reported whole (the default namespace is the handler's cellUri). */
  private readonly stack: Array<{ qname: string; scope: Scope; cells: boolean }> = [];
  private readonly rootScope: Scope = new Map([
    ["xml", NS_XML],
    ["xmlns", NS_XMLNS],
  ]);
  private seenRoot = false;
  private seenAnything = false;
  private capture: { from: number; text: string } | null = null;
  private readonly el: XmlStart = { qname: "", local: "", uri: "", attrs: NO_ATTRIBUTES, selfClosing: false, start: 0, end: 0 };
  /** 1 when the text began with a byte order mark, so the XML declaration may sit at offset 1. */
  private bom = 0;
  /** Whole-row matches missed in a row (for a scanner that only checks). */
  private rowMisses = 0;

  constructor(private readonly handler: XmlHandler = {}) {}

  write(chunk: string): void {
    if (!this.seenAnything && chunk.length > 0) {
      this.seenAnything = true;
      if (chunk.charCodeAt(0) === 0xfeff) {
        chunk = chunk.slice(1);
        this.base = this.bom = 1;
      }
    }
    if (this.buf.length === 0) {
      this.buf = chunk;
      this.run(false);
      return;
    }
    // What is left of the last chunk (a token cut in two) is completed from this chunk's head, up to its
    // first "<", where a tag or text always ends; the rest is then scanned as the slice it is. Joining the
    // two whole made V8 copy the chunk into a new flat string first, a cost per chunk and byte.
    const head = chunk.indexOf("<");
    if (head >= 0) {
      this.buf += chunk.slice(0, head);
      this.run(false, true);
      // A comment, CDATA section or instruction may hold "<" and still be pending: then the chunk is joined whole.
      this.buf = this.buf.length === 0 ? chunk.slice(head) : this.buf + chunk.slice(head);
    } else this.buf += chunk;
    this.run(false);
  }

  end(): void {
    this.run(true);
    if (this.stack.length > 0) this.fail(`<${this.stack[this.stack.length - 1].qname}> is never closed`, this.buf.length);
    if (!this.seenRoot) this.fail("there is no root element", this.buf.length);
  }

  /** Scans a whole text at once. */
  static scan(xml: string, handler: XmlHandler = {}): void {
    const s = new XmlScanner(handler);
    s.write(xml);
    s.end();
  }

  private fail(reason: string, at: number): never {
    let line = this.line;
    for (let i = this.buf.indexOf("\n"); i >= 0 && i < at; i = this.buf.indexOf("\n", i + 1)) line++;
    throw new XmlError(reason, this.base + at, line);
  }

  private scope(): Scope {
    return this.stack.length > 0 ? this.stack[this.stack.length - 1].scope : this.rootScope;
  }

  private decode(raw: string, at: number): string {
    if (raw.indexOf("&") < 0) return raw;
    let checked = 0;
    const out = raw.replace(ENTITY, (m, named: string | undefined, dec: string | undefined, hex: string | undefined, offset: number) => {
      if (raw.slice(checked, offset).indexOf("&") >= 0)
        this.fail("an & that does not start an entity: write &amp;", at + checked + raw.slice(checked, offset).indexOf("&"));
      checked = offset + m.length;
      if (named) return NAMED[named];
      const code = dec !== undefined ? parseInt(dec, 10) : parseInt(hex as string, 16);
      const ok =
        code === 0x9 ||
        code === 0xa ||
        code === 0xd ||
        (code >= 0x20 && code <= 0xd7ff) ||
        (code >= 0xe000 && code <= 0xfffd) ||
        (code >= 0x10000 && code <= 0x10ffff);
      if (!ok) this.fail(`${m} is not a character XML can hold`, at + offset);
      return String.fromCodePoint(code);
    });
    if (raw.slice(checked).indexOf("&") >= 0) this.fail("an & that does not start an entity: write &amp;", at + checked + raw.slice(checked).indexOf("&"));
    return out;
  }

  /** Scans the buffer; `final`: no more text comes; `boundary`: the text that comes next starts with "<". */
  private run(final: boolean, boundary = false): void {
    const buf = this.buf;
    const bad = MAYBE_BAD.test(buf) ? BAD_CHAR.exec(buf) : null;
    // A lone high surrogate at the very end may be completed by the next chunk.
    if (bad && !(bad.index === buf.length - 1 && !final && !boundary && buf.charCodeAt(bad.index) >= 0xd800 && buf.charCodeAt(bad.index) <= 0xdbff)) {
      this.fail(`the character U+${buf.charCodeAt(bad.index).toString(16).toUpperCase().padStart(4, "0")} cannot appear in XML`, bad.index);
    }
    let pos = 0;
    const len = buf.length;
    const h = this.handler;
    const checkOnly = h.cell === undefined && h.row === undefined && h.open === undefined && h.text === undefined && h.close === undefined;
    const plainCells = h.cell !== undefined || checkOnly;
    while (pos < len) {
      if (buf.charCodeAt(pos) !== 60) {
        let next = buf.indexOf("<", pos);
        if (next < 0) {
          if (!final && !boundary) break;
          next = len;
        }
        const raw = buf.slice(pos, next);
        if (this.stack.length === 0) {
          if (!WHITESPACE.test(raw)) this.fail(this.seenRoot ? "text after the root element" : "text before the root element", pos);
        } else {
          const gt = raw.indexOf("]]>");
          if (gt >= 0) this.fail("]]> in text: write ]]&gt;", pos + gt);
          // Line ends are normalised to \n before entities are resolved (XML 1.0 §2.11), so &#13; stays a CR.
          const text = this.decode(raw.indexOf("\r") >= 0 ? raw.replace(/\r\n?/g, "\n") : raw, pos);
          if (h.text) h.text(text);
        }
        pos = next;
        continue;
      }
      const c2 = buf.charCodeAt(pos + 1);
      if (Number.isNaN(c2) && !final) break;
      if (c2 === 47) {
        END_TAG_ASCII.lastIndex = pos;
        let m = END_TAG_ASCII.exec(buf);
        if (m) END_TAG.lastIndex = END_TAG_ASCII.lastIndex;
        else {
          END_TAG.lastIndex = pos;
          m = END_TAG.exec(buf);
        }
        if (!m) {
          if (!final && buf.indexOf(">", pos) < 0 && len - pos < MAX_PENDING) break;
          this.fail("a malformed end tag", pos);
        }
        const open = this.stack.pop();
        if (!open) this.fail(`</${m[1]}> closes nothing`, pos);
        if (open.qname !== m[1]) this.fail(`</${m[1]}> closes <${open.qname}>`, pos);
        pos = END_TAG.lastIndex;
        if (h.close) h.close(m[1], this.base + m.index, this.base + pos);
        continue;
      }
      if (c2 === 33) {
        if (buf.startsWith("<!--", pos)) {
          const close = buf.indexOf("-->", pos + 4);
          if (close < 0) {
            if (!final && len - pos < MAX_PENDING) break;
            this.fail("a comment that never ends", pos);
          }
          const dash = buf.indexOf("--", pos + 4);
          if (dash < close) this.fail("-- inside a comment", dash);
          pos = close + 3;
          continue;
        }
        if (buf.startsWith("<![CDATA[", pos)) {
          if (this.stack.length === 0) this.fail("CDATA outside the root element", pos);
          const close = buf.indexOf("]]>", pos + 9);
          if (close < 0) {
            if (!final && len - pos < MAX_PENDING) break;
            this.fail("a CDATA section that never ends", pos);
          }
          const data = buf.slice(pos + 9, close);
          if (h.text) h.text(data.indexOf("\r") >= 0 ? data.replace(/\r\n?/g, "\n") : data);
          pos = close + 3;
          continue;
        }
        if (!final && len - pos < 9) break;
        if (buf.startsWith("<!DOCTYPE", pos)) this.fail("a DOCTYPE, which package parts never have", pos);
        this.fail("a malformed <! declaration", pos);
      }
      if (c2 === 63) {
        const close = buf.indexOf("?>", pos + 2);
        if (close < 0) {
          if (!final && len - pos < MAX_PENDING) break;
          this.fail("a processing instruction that never ends", pos);
        }
        PI_TARGET.lastIndex = pos;
        const m = PI_TARGET.exec(buf);
        if (!m) this.fail("a malformed processing instruction", pos);
        if (m[1].toLowerCase() === "xml") {
          if (this.base + pos !== this.bom || m[1] !== "xml") this.fail("an XML declaration that is not at the very start", pos);
          XML_DECL.lastIndex = pos;
          if (!XML_DECL.exec(buf) || XML_DECL.lastIndex !== close + 2) this.fail("a malformed XML declaration", pos);
        }
        pos = close + 2;
        continue;
      }
      if (checkOnly && c2 === 114 && this.rowMisses < ROW_MISSES && this.stack.length > 0) {
        const rows = this.scope().has("x14ac") ? PLAIN_ROWS_X14AC : PLAIN_ROWS;
        rows.lastIndex = pos;
        if (rows.test(buf)) {
          pos = rows.lastIndex;
          this.rowMisses = 0;
          continue;
        }
        this.rowMisses++;
      }
      if (c2 === 114 && h.row !== undefined && this.stack.length > 0) {
        const top = this.stack[this.stack.length - 1];
        if (top.cells && top.qname === "sheetData") {
          const x14ac = top.scope.has("x14ac");
          if (this.rowMisses < ROW_MISSES) {
            const rows = x14ac ? PLAIN_ROWS_X14AC : PLAIN_ROWS;
            rows.lastIndex = pos;
            if (rows.test(buf)) {
              // Taken before the handler runs, as for a cell.
              const end = rows.lastIndex;
              this.plainRows(buf, pos, end);
              pos = end;
              this.rowMisses = 0;
              continue;
            }
            this.rowMisses++;
          }
          const head = x14ac ? ROW_HEAD_X14AC : ROW_HEAD;
          head.lastIndex = pos;
          const m = head.exec(buf);
          if (m) {
            pos = head.lastIndex;
            this.stack.push({ qname: "row", scope: top.scope, cells: true });
            h.row(m[1] === undefined ? undefined : Number(m[1]));
            continue;
          }
        }
      }
      if (c2 === 99 && plainCells && this.stack.length > 0) {
        if (checkOnly) {
          // Only checking: whether they match is enough, without the match and its captures.
          PLAIN_CELLS.lastIndex = pos;
          if (PLAIN_CELLS.test(buf)) {
            pos = PLAIN_CELLS.lastIndex;
            continue;
          }
        }
        PLAIN_CELL.lastIndex = pos;
        if (PLAIN_CELL.test(buf) && (h.cell === undefined || this.stack[this.stack.length - 1].cells)) {
          // Taken before the handler runs: it may scan another part, which moves the shared pattern's lastIndex.
          const end = PLAIN_CELL.lastIndex;
          if (h.cell) this.plainCell(buf, pos, h.cell);
          pos = end;
          continue;
        }
      }
      START_TAG_ASCII.lastIndex = pos;
      let m = START_TAG_ASCII.exec(buf);
      if (m) START_TAG.lastIndex = START_TAG_ASCII.lastIndex;
      else {
        START_TAG.lastIndex = pos;
        m = START_TAG.exec(buf);
      }
      if (!m) {
        // Still arriving, unless a > already ends it with no quote before it that could hide a >.
        const gt = buf.indexOf(">", pos);
        const hidden = gt >= 0 && /["']/.test(buf.slice(pos, gt));
        if (!final && (gt < 0 || hidden) && len - pos < MAX_PENDING) break;
        this.fail("a malformed start tag", pos);
      }
      pos = START_TAG.lastIndex;
      this.startTag(m[1], m[2], m[3] === "/", m.index, pos);
    }
    this.consumed(pos);
  }

  /**
   * Reports the rows of buf[from, to), which one match of PLAIN_ROWS has shown to be whole rows of plain
   * cells: so each attribute, value and tag is where the pattern put it, and is found by position alone.
   */
  private plainRows(buf: string, from: number, to: number): void {
    const h = this.handler;
    const cell = h.cell as NonNullable<XmlHandler["cell"]>;
    let p = from;
    while (p < to) {
      // <row, then r="…" first if it is there.
      let r: number | undefined;
      if (buf.startsWith(' r="', p + 4)) {
        r = 0;
        for (let i = p + 8, c = buf.charCodeAt(i); c !== 34; c = buf.charCodeAt(++i)) r = r * 10 + c - 48;
      }
      (h.row as NonNullable<XmlHandler["row"]>)(r);
      p = buf.indexOf(">", p) + 1;
      // Each <c (the row's end tag starts </).
      while (buf.charCodeAt(p + 1) === 99) p = this.plainCell(buf, p, cell);
      if (h.close) h.close("row", this.base + p, this.base + p + 6);
      p += 6;
    }
  }

  /** Reports the plain cell at buf[at] (PLAIN_CELL matched there) from its text by position; the offset after it. */
  private plainCell(buf: string, at: number, cell: NonNullable<XmlHandler["cell"]>): number {
    let p = at + 2;
    let column = 0;
    if (buf.startsWith(' r="', p)) {
      p += 4;
      for (let c = buf.charCodeAt(p); c >= 65 && c <= 90; c = buf.charCodeAt(++p)) column = column * 26 + c - 64;
      p = buf.indexOf('"', p) + 1;
    }
    let style = 0;
    if (buf.startsWith(' s="', p)) {
      p += 4;
      for (let c = buf.charCodeAt(p); c !== 34; c = buf.charCodeAt(++p)) style = style * 10 + c - 48;
      p++;
    }
    let t: string | undefined;
    if (buf.startsWith(' t="', p)) {
      const close = buf.indexOf('"', p + 4);
      t = typeAt(buf, p + 4, close);
      p = close + 1;
    }
    let value: string | null = null;
    let inline: string | null = null;
    if (buf.charCodeAt(p) === 47)
      p += 2; // />
    else if (buf.startsWith("<v>", p + 1)) {
      const close = buf.indexOf("<", p + 4);
      value = buf.slice(p + 4, close);
      p = close + 8; // </v></c>
    } else if (buf.startsWith("<is>", p + 1)) {
      const text = buf.indexOf(">", p + 7) + 1; // <is><t> or <is><t xml:space="preserve">
      const close = buf.indexOf("<", text);
      inline = buf.slice(text, close);
      p = close + 13; // </t></is></c>
    } else p += 5; // ></c>
    cell(column, style, t, value, inline, this.base + at, this.base + p);
    return p;
  }

  private startTag(qname: string, attrText: string, selfClosing: boolean, start: number, end: number): void {
    if (this.stack.length === 0) {
      if (this.seenRoot) this.fail("a second root element", start);
      this.seenRoot = true;
    }
    // Attribute values are kept only for a handler that looks at them; a check alone needs just the names.
    const keep = this.handler.open !== undefined;
    const attrs: Record<string, string> = keep ? {} : NO_ATTRIBUTES;
    const names: string[] = [];
    let scope = this.scope();
    if (attrText.length > 0) {
      let copied = false;
      let prefixed = false;
      const at = start + 1 + qname.length;
      // The start tag matched as a whole, so the attributes are well formed: they are split by hand, which is
      // faster than matching each again.
      const n = attrText.length;
      for (let i = 0; i < n;) {
        let c = attrText.charCodeAt(i);
        while (c === 32 || c === 9 || c === 10 || c === 13) c = attrText.charCodeAt(++i);
        if (i >= n) break;
        const nameStart = i;
        while (c !== 61 && c !== 32 && c !== 9 && c !== 10 && c !== 13) c = attrText.charCodeAt(++i);
        const name = attrText.slice(nameStart, i);
        while (c !== 61) c = attrText.charCodeAt(++i);
        c = attrText.charCodeAt(++i);
        while (c === 32 || c === 9 || c === 10 || c === 13) c = attrText.charCodeAt(++i);
        const close = attrText.indexOf(c === 34 ? '"' : "'", i + 1);
        const raw = attrText.slice(i + 1, close);
        i = close + 1;
        if (names.includes(name)) this.fail(`the attribute ${name} appears twice on <${qname}>`, at + nameStart);
        names.push(name);
        // Attribute values: line ends, tabs and newlines become spaces before entities are resolved (XML 1.0 §3.3.3).
        const value = this.decode(NORMALIZE.test(raw) ? raw.replace(/\r\n?/g, "\n").replace(/[\t\n]/g, " ") : raw, at + nameStart);
        if (!keep) {
          // Nothing to store.
        } else if (name === "__proto__") Object.defineProperty(attrs, name, { value, enumerable: true });
        else attrs[name] = value;
        if (name.indexOf(":") < 0 && name !== "xmlns") continue;
        // xml:space and the like: the xml prefix is always bound.
        if (name.charCodeAt(0) === 120 && name.startsWith("xml:")) continue;
        if (name === "xmlns" || name.startsWith("xmlns:")) {
          const prefix = name === "xmlns" ? "" : name.slice(6);
          if (prefix === "xmlns") this.fail("the prefix xmlns cannot be declared", at + nameStart);
          if ((prefix === "xml") !== (value === NS_XML)) this.fail("the prefix xml is bound only to its own namespace", at + nameStart);
          if (value === NS_XMLNS) this.fail("the xmlns namespace cannot be bound", at + nameStart);
          if (prefix !== "" && value === "") this.fail(`${name}="" undeclares a prefix, which XML 1.0 does not allow`, at + nameStart);
          if (!copied) {
            scope = new Map(scope);
            copied = true;
          }
          scope.set(prefix, value);
        } else prefixed = true;
      }
      if (prefixed) this.checkAttributePrefixes(qname, names, scope, start);
    }
    const colon = qname.indexOf(":");
    let uri: string;
    let local = qname;
    if (colon >= 0) {
      const prefix = qname.slice(0, colon);
      local = qname.slice(colon + 1);
      const bound = scope.get(prefix);
      if (bound === undefined || prefix === "xmlns") this.fail(`the prefix ${prefix}: of <${qname}> is not declared`, start);
      uri = bound;
    } else uri = scope.get("") ?? "";
    const h = this.handler;
    if (h.open) {
      // One object, filled anew for each start tag: a handler reads it during the call and keeps nothing of it.
      const el = this.el;
      el.qname = qname;
      el.local = local;
      el.uri = uri;
      el.attrs = attrs;
      el.selfClosing = selfClosing;
      el.start = this.base + start;
      el.end = this.base + end;
      h.open(el);
    }
    if (selfClosing) {
      if (h.close) h.close(qname, this.base + end, this.base + end);
    } else this.stack.push({ qname, scope, cells: h.cell !== undefined && scope.get("") === h.cellUri });
  }

  private checkAttributePrefixes(qname: string, names: readonly string[], scope: Scope, at: number): void {
    // A row's one prefixed attribute (x14ac:dyDescent) cannot clash with another: its prefix is all to check.
    let prefixed = 0;
    for (const name of names) if (name.indexOf(":") >= 0 && !name.startsWith("xmlns:")) prefixed++;
    const expanded = prefixed > 1 ? new Set<string>() : null;
    for (const name of names) {
      const colon = name.indexOf(":");
      if (colon < 0) continue;
      const prefix = name.slice(0, colon);
      if (prefix === "xmlns") continue;
      const uri = scope.get(prefix);
      if (uri === undefined) this.fail(`the prefix ${prefix}: of the attribute ${name} on <${qname}> is not declared`, at);
      if (!expanded) continue;
      const key = `${uri}\u0000${name.slice(colon + 1)}`;
      if (expanded.has(key)) this.fail(`two attributes on <${qname}> have the same namespace and name ${name.slice(colon + 1)}`, at);
      expanded.add(key);
    }
  }

  /** The offset just after the text written so far. */
  get position(): number {
    return this.base + this.buf.length;
  }

  /**
   * Starts keeping the raw text from offset `from` (the start of a tag just reported to the handler),
   * so that `endCapture` can return an element exactly as it was written, across chunks.
   */
  startCapture(from: number): void {
    this.capture = { from, text: "" };
  }

  /** The raw text from the capture's start to offset `to` (the end of a tag just reported). */
  endCapture(to: number): string {
    const c = this.capture;
    if (!c) throw new Error("endCapture without startCapture");
    this.capture = null;
    return c.text + this.buf.slice(c.from - this.base, to - this.base);
  }

  /** Drops the scanned text, keeping line numbers and offsets counted (and a capture's text). */
  private consumed(pos: number): void {
    if (pos === 0) return;
    if (this.capture) {
      this.capture.text += this.buf.slice(this.capture.from - this.base, pos);
      this.capture.from = this.base + pos;
    }
    const done = this.buf.slice(0, pos);
    for (let i = done.indexOf("\n"); i >= 0; i = done.indexOf("\n", i + 1)) this.line++;
    this.base += pos;
    this.buf = this.buf.slice(pos);
  }
}

/** Whether a text is well-formed XML with namespaces; the fault when it is not. */
export function xmlFault(xml: string): XmlError | null {
  try {
    XmlScanner.scan(xml);
    return null;
  } catch (e) {
    if (e instanceof XmlError) return e;
    throw e;
  }
}
