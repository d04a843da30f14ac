/**
 * What follows a sheet's cells: the conditional formats that colour a status column and the hyperlinks
 * of a links column, written in the schema's place (CT_Worksheet is a sequence: ... conditionalFormatting,
 * dataValidations, hyperlinks, printOptions, pageMargins, ...; ECMA-376 Part 1 §18.3.1.99). For a sheet
 * being rewritten, the elements after its sheetData are edited here: our old conditional formats and
 * hyperlinks (those on the cells of our columns) are dropped, everything else is copied as it was.
 */
import { columnLetters } from "../../engine/table";
import { escapeAttr } from "./xml";
import { XmlScanner } from "./xmlscan";

const NS_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
/** Elements that come after conditionalFormatting, and after hyperlinks, in CT_Worksheet. */
const AFTER_CF = [
  "dataValidations",
  "hyperlinks",
  "printOptions",
  "pageMargins",
  "pageSetup",
  "headerFooter",
  "rowBreaks",
  "colBreaks",
  "customProperties",
  "cellWatches",
  "ignoredErrors",
  "smartTags",
  "drawing",
  "legacyDrawing",
  "legacyDrawingHF",
  "drawingHF",
  "picture",
  "oleObjects",
  "controls",
  "webPublishItems",
  "tableParts",
  "extLst",
];
const AFTER_LINKS = AFTER_CF.slice(2);

/** A column of a table's body: its sheet column and rows (1-based). */
export interface ColumnArea {
  column: number;
  top: number;
  bottom: number;
}

/** One status column's conditional formats: cells equal to "Error" in red, "Warning" in amber (dxf ids). */
export function statusCfXml(p: string, area: ColumnArea, dxf: { error: number; warning: number }, priority: number): string {
  const first = `${columnLetters(area.column)}${area.top}`;
  const sqref = `${first}:${columnLetters(area.column)}${area.bottom}`;
  // An expression rule is relative to the range's top-left cell, as Excel's "Use a formula" rules are (§18.3.1.10).
  const rule = (value: string, id: number, k: number) =>
    `<${p}cfRule type="expression" dxfId="${id}" priority="${priority + k}"><${p}formula>${first}="${value}"</${p}formula></${p}cfRule>`;
  return `<${p}conditionalFormatting sqref="${sqref}">${rule("Error", dxf.error, 0)}${rule("Warning", dxf.warning, 1)}</${p}conditionalFormatting>`;
}

/** A link from a cell to a place in this workbook (a location, no relationship: §18.3.1.47). */
export interface CellLink {
  ref: string;
  location: string;
  display: string;
}

export function linkXml(p: string, l: CellLink): string {
  return `<${p}hyperlink ref="${l.ref}" location="${escapeAttr(l.location)}" display="${escapeAttr(l.display)}"/>`;
}

/** Whether every range of a sqref or ref ("Q2:Q9 R4") lies in one of the areas. */
function inside(ref: string | undefined, areas: readonly ColumnArea[]): boolean {
  if (!ref || areas.length === 0) return false;
  return ref
    .trim()
    .split(/\s+/)
    .every((r) => {
      const m = r.match(/^\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?$/i);
      if (!m) return false;
      const letters = (s: string) => [...s.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
      const [c0, r0] = [letters(m[1]), Number(m[2])];
      const [c1, r1] = [m[3] ? letters(m[3]) : c0, m[4] ? Number(m[4]) : r0];
      return areas.some((a) => c0 === a.column && c1 === a.column && r0 >= a.top && r1 <= a.bottom);
    });
}

export interface TailEdit {
  /** Prefix of SpreadsheetML elements in this sheet ("" or "x:"). */
  p: string;
  /** Areas whose conditional formats are ours (replaced), and whose hyperlinks are ours (replaced). */
  statusAreas: readonly ColumnArea[];
  linkAreas: readonly ColumnArea[];
  /** The new conditional formats (given the first free priority) and hyperlinks. */
  cf: ((priority: number) => string) | null;
  links: readonly string[];
}

interface Top {
  local: string;
  start: number;
  end: number;
  drop: boolean;
  /** For hyperlinks: its start tag and the children kept. */
  tag?: string;
  kept?: string[];
}

/**
 * The elements after sheetData (`tail`, a run of whole elements; the root's namespace declarations in
 * `declarations`) with our conditional formats and hyperlinks replaced.
 */
export function editTail(tail: string, declarations: Readonly<Record<string, string>>, edit: TailEdit): string {
  const decls = Object.entries(declarations)
    .map(([k, v]) => ` ${k}="${escapeAttr(v)}"`)
    .join("");
  const head = `<kpi-tail${decls}>`;
  const text = `${head}${tail}</kpi-tail>`;
  const tops: Top[] = [];
  let depth = 0;
  let maxPriority = 0;
  let current: Top | null = null;
  let child: { start: number; drop: boolean } | null = null;
  XmlScanner.scan(text, {
    open(e) {
      depth++;
      if (depth === 2) {
        current = { local: e.uri === NS_MAIN ? e.local : `{${e.uri}}${e.local}`, start: e.start, end: e.end, drop: false };
        if (current.local === "conditionalFormatting") current.drop = inside(e.attrs.sqref, edit.statusAreas);
        if (current.local === "hyperlinks") {
          current.tag = e.selfClosing ? "" : text.slice(e.start, e.end);
          current.kept = [];
        }
        tops.push(current);
      } else if (depth === 3 && current) {
        const c = current as Top;
        if (c.local === "conditionalFormatting" && !c.drop && e.local === "cfRule") maxPriority = Math.max(maxPriority, Number(e.attrs.priority) || 0);
        if (c.local === "hyperlinks") child = { start: e.start, drop: e.local === "hyperlink" && inside(e.attrs.ref, edit.linkAreas) };
      }
    },
    close(_q, _start, end) {
      if (depth === 3 && child && current) {
        if (!child.drop) (current as Top).kept?.push(text.slice(child.start, end));
        child = null;
      }
      if (depth === 2 && current) (current as Top).end = end;
      depth--;
    },
  });
  const out: string[] = [];
  let cfDone = edit.cf === null;
  let linksDone = false;
  const ours = () => {
    if (cfDone) return "";
    cfDone = true;
    return (edit.cf as (priority: number) => string)(maxPriority + 1);
  };
  const links = (kept: readonly string[], tag: string) => {
    linksDone = true;
    const all = [...kept, ...edit.links];
    // CT_Hyperlinks holds at least one hyperlink: an emptied element goes.
    return all.length === 0 ? "" : `${tag || `<${edit.p}hyperlinks>`}${all.join("")}</${tag ? tag.slice(1).split(/[\s>/]/)[0] : `${edit.p}hyperlinks`}>`;
  };
  let at = head.length;
  for (const t of tops) {
    out.push(text.slice(at, t.start));
    at = t.end;
    if (AFTER_CF.includes(t.local)) out.push(ours());
    if (t.local === "hyperlinks") {
      out.push(links(t.kept ?? [], t.tag ?? ""));
      continue;
    }
    if (!linksDone && AFTER_LINKS.includes(t.local)) out.push(links([], ""));
    if (!t.drop) out.push(text.slice(t.start, t.end));
  }
  out.push(text.slice(at, text.length - "</kpi-tail>".length), ours());
  if (!linksDone) out.push(links([], ""));
  return out.join("");
}
