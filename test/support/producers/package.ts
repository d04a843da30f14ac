/**
 * An independent look at an .xlsx package (fflate to unzip, saxes to parse; nothing from src/): strict
 * XML part by part, the package's structure (content types, relationships, sheet and table
 * identities), which parts a recalculation owns, found from the relationships, and a part-by-part
 * comparison of everything else.
 * One file: it must stay independent of src/, and its checks share one parsed view of the package.
 */
import { unzipSync } from "fflate";
import { SaxesParser } from "saxes";

export const NS = {
  main: "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
  rel: "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
  pkgRel: "http://schemas.openxmlformats.org/package/2006/relationships",
  types: "http://schemas.openxmlformats.org/package/2006/content-types",
};
const OFFICE_DOCUMENT = `${NS.rel}/officeDocument`;
const CONTENT_TYPES = "[Content_Types].xml";

export interface Package {
  /** Parts by name; directory entries (names ending in "/") are not parts. */
  parts: Map<string, Uint8Array>;
  /** Every entry name in the central directory, in order, duplicates included. */
  entryNames: string[];
}

/** Names in the central directory, read directly, since unzipping into an object would hide a duplicate. */
function centralDirectoryNames(buf: Uint8Array): string[] {
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 65535); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error("not a zip file: no end of central directory");
  const names: string[] = [];
  let p = view.getUint32(eocd + 16, true);
  for (let i = 0; i < view.getUint16(eocd + 10, true); i++) {
    const len = view.getUint16(p + 28, true);
    names.push(new TextDecoder().decode(buf.subarray(p + 46, p + 46 + len)));
    p += 46 + len + view.getUint16(p + 30, true) + view.getUint16(p + 32, true);
  }
  return names;
}

export function openPackage(buf: Uint8Array): Package {
  const parts = new Map<string, Uint8Array>();
  for (const [name, bytes] of Object.entries(unzipSync(buf))) if (!name.endsWith("/")) parts.set(name, bytes);
  return { parts, entryNames: centralDirectoryNames(buf) };
}

export interface Element {
  uri: string | undefined;
  local: string;
  /** Attributes by local name, with their namespace (undefined: none; an undeclared prefix gives the prefix itself). */
  attrs: Map<string, { uri: string | undefined; value: string }>;
}

/** A namespace-aware parse that keeps going after an error, so both the errors and the elements are known. */
export function parseXml(bytes: Uint8Array): { errors: string[]; elements: Element[] } {
  const errors: string[] = [];
  const elements: Element[] = [];
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return { errors: ["not valid UTF-8"], elements };
  }
  const parser = new SaxesParser({ xmlns: true });
  parser.on("error", (e) => errors.push(e.message));
  parser.on("opentag", (tag) => {
    const attrs = new Map<string, { uri: string | undefined; value: string }>();
    for (const a of Object.values(tag.attributes)) {
      if (a.prefix === "xmlns" || a.name === "xmlns") continue;
      attrs.set(a.prefix ? `${a.prefix}:${a.local}` : a.local, { uri: a.uri || undefined, value: a.value });
    }
    elements.push({ uri: tag.uri || undefined, local: tag.local, attrs });
  });
  try {
    parser.write(text).close();
  } catch (e) {
    errors.push(String(e));
  }
  return { errors, elements };
}

/** The attribute `local` in namespace `uri`, whatever its prefix. */
export function attrNs(el: Element, uri: string, local: string): string | undefined {
  for (const [name, a] of el.attrs) if (a.uri === uri && name.replace(/^.*:/, "") === local) return a.value;
  return undefined;
}
/** A prefixed attribute `local` under any prefix, bound or not: for finding structure even in a broken part. */
function attrAnyPrefix(el: Element, local: string): string | undefined {
  for (const [name, a] of el.attrs) if (name.includes(":") && name.replace(/^.*:/, "") === local) return a.value;
  return undefined;
}

export function isXmlPart(name: string): boolean {
  return /\.(xml|rels|vml)$/i.test(name);
}

/** Every XML part that a strict, namespace-aware parser refuses, with its first errors. */
export function strictXmlProblems(pkg: Package): string[] {
  const problems: string[] = [];
  for (const [name, bytes] of pkg.parts) {
    if (!isXmlPart(name)) continue;
    const { errors } = parseXml(bytes);
    if (errors.length) problems.push(`${name}: ${errors.slice(0, 3).join("; ")}${errors.length > 3 ? ` (+${errors.length - 3} more)` : ""}`);
  }
  return problems;
}

export function relsPartOf(part: string): string {
  const slash = part.lastIndexOf("/");
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}
function sourceOfRels(rels: string): string | undefined {
  const m = /^(.*?)_rels\/([^/]*)\.rels$/.exec(rels);
  return m ? m[1] + m[2] : undefined;
}

/** A relationship target as a part name: relative to the source part's folder, or absolute from the root. */
export function resolveTarget(source: string, target: string): string {
  const base = target.startsWith("/") ? [] : source.split("/").slice(0, -1);
  for (const seg of decodeURIComponent(target.replace(/^\//, "")).split("/")) {
    if (seg === "..") base.pop();
    else if (seg !== "." && seg !== "") base.push(seg);
  }
  return base.join("/");
}

export interface Relationship {
  id: string;
  type: string;
  target: string;
  external: boolean;
}

export function relationships(pkg: Package, source: string): Relationship[] {
  const bytes = pkg.parts.get(source === "" ? "_rels/.rels" : relsPartOf(source));
  if (!bytes) return [];
  return parseXml(bytes)
    .elements.filter((e) => e.local === "Relationship")
    .map((e) => {
      const external = e.attrs.get("TargetMode")?.value === "External";
      const raw = e.attrs.get("Target")?.value ?? "";
      return { id: e.attrs.get("Id")?.value ?? "", type: e.attrs.get("Type")?.value ?? "", target: external ? raw : resolveTarget(source, raw), external };
    });
}

export function workbookPart(pkg: Package): string | undefined {
  return relationships(pkg, "").find((r) => r.type === OFFICE_DOCUMENT)?.target;
}

export interface SheetRef {
  name: string;
  sheetId: string;
  relId: string;
  /** The worksheet part, when the r:id resolves. */
  part?: string;
  /** Display names of its tables, with their parts. */
  tables: Array<{ name: string; id: string; part: string }>;
}

/** The workbook's sheets in order, each with its part and tables, read leniently (even from a part with errors). */
export function sheetsOf(pkg: Package): SheetRef[] {
  const wbPart = workbookPart(pkg);
  if (!wbPart || !pkg.parts.has(wbPart)) return [];
  const rels = relationships(pkg, wbPart);
  return parseXml(pkg.parts.get(wbPart)!)
    .elements.filter((e) => e.local === "sheet")
    .map((e) => {
      const relId = attrAnyPrefix(e, "id") ?? "";
      const part = rels.find((r) => r.id === relId)?.target;
      const tables = part
        ? relationships(pkg, part)
            .filter((r) => r.type.endsWith("/table") && pkg.parts.has(r.target))
            .map((r) => {
              const t = parseXml(pkg.parts.get(r.target)!).elements.find((x) => x.local === "table");
              return { name: t?.attrs.get("displayName")?.value ?? t?.attrs.get("name")?.value ?? "", id: t?.attrs.get("id")?.value ?? "", part: r.target };
            })
        : [];
      return { name: e.attrs.get("name")?.value ?? "", sheetId: e.attrs.get("sheetId")?.value ?? "", relId, part, tables };
    });
}

/**
 * What makes a package unusable beyond XML syntax: entries twice in the zip, parts without a content
 * type (or overrides naming no part), relationships whose target is missing, r:id references that
 * name no relationship, sheets with a duplicate name or id, tables with a duplicate id or name.
 */
export function structureProblems(pkg: Package): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const n of pkg.entryNames) {
    if (seen.has(n.toLowerCase())) problems.push(`zip: the entry ${n} is there twice`);
    seen.add(n.toLowerCase());
  }

  const types = pkg.parts.get(CONTENT_TYPES);
  if (!types) problems.push(`${CONTENT_TYPES} is missing`);
  else {
    const els = parseXml(types).elements;
    const defaults = new Set(els.filter((e) => e.local === "Default").map((e) => (e.attrs.get("Extension")?.value ?? "").toLowerCase()));
    const overrides = new Set(els.filter((e) => e.local === "Override").map((e) => (e.attrs.get("PartName")?.value ?? "").replace(/^\//, "").toLowerCase()));
    const lowerParts = new Set([...pkg.parts.keys()].map((p) => p.toLowerCase()));
    for (const part of pkg.parts.keys()) {
      if (part === CONTENT_TYPES) continue;
      const ext = part.includes(".") ? part.slice(part.lastIndexOf(".") + 1).toLowerCase() : "";
      if (!overrides.has(part.toLowerCase()) && !defaults.has(ext)) problems.push(`${CONTENT_TYPES}: no content type for ${part}`);
    }
    for (const o of overrides) if (!lowerParts.has(o)) problems.push(`${CONTENT_TYPES}: an Override names /${o}, which is not in the package`);
  }

  if (!pkg.parts.has("_rels/.rels")) problems.push("_rels/.rels is missing");
  const wb = workbookPart(pkg);
  if (!wb || !pkg.parts.has(wb)) problems.push(`_rels/.rels: the officeDocument target ${wb ?? "(none)"} is missing`);

  for (const rels of pkg.parts.keys()) {
    if (!rels.endsWith(".rels")) continue;
    const source = rels === "_rels/.rels" ? "" : sourceOfRels(rels);
    if (source === undefined) {
      problems.push(`${rels}: a relationships part outside a _rels folder`);
      continue;
    }
    if (source !== "" && !pkg.parts.has(source)) problems.push(`${rels}: its source part ${source} is missing`);
    const ids = new Set<string>();
    for (const r of relationships(pkg, source)) {
      if (ids.has(r.id)) problems.push(`${rels}: the Id ${r.id} is used twice`);
      ids.add(r.id);
      if (!r.external && !pkg.parts.has(r.target)) problems.push(`${rels}: ${r.id} targets ${r.target}, which is missing`);
    }
  }

  // r:id, r:embed, ... in any part must name a relationship of that part.
  for (const [name, bytes] of pkg.parts) {
    if (!isXmlPart(name) || name.endsWith(".rels")) continue;
    const ids = new Set(relationships(pkg, name).map((r) => r.id));
    for (const el of parseXml(bytes).elements) {
      for (const [attr, a] of el.attrs) {
        if (a.uri === NS.rel && !ids.has(a.value)) problems.push(`${name}: <${el.local} ${attr}="${a.value}"> names no relationship of ${relsPartOf(name)}`);
      }
    }
  }

  const sheets = sheetsOf(pkg);
  const names = new Set<string>();
  const sheetIds = new Set<string>();
  const tableIds = new Set<string>();
  const tableNames = new Set<string>();
  for (const s of sheets) {
    if (names.has(s.name.toLowerCase())) problems.push(`workbook: two sheets are named ${s.name}`);
    if (sheetIds.has(s.sheetId)) problems.push(`workbook: two sheets have sheetId ${s.sheetId}`);
    names.add(s.name.toLowerCase());
    sheetIds.add(s.sheetId);
    if (!s.part || !pkg.parts.has(s.part)) problems.push(`workbook: the sheet ${s.name} (r:id ${s.relId}) has no part`);
    for (const t of s.tables) {
      if (tableIds.has(t.id)) problems.push(`${t.part}: table id ${t.id} is used twice`);
      if (tableNames.has(t.name.toLowerCase())) problems.push(`${t.part}: two tables are named ${t.name}`);
      tableIds.add(t.id);
      tableNames.add(t.name.toLowerCase());
    }
  }
  return problems;
}

/** Every part reachable from `part` through relationships (a sheet's drawing, the drawing's charts, ...). */
function hanging(pkg: Package, part: string, into: Set<string>): void {
  for (const r of relationships(pkg, part)) {
    if (r.external || into.has(r.target)) continue;
    into.add(r.target);
    into.add(relsPartOf(r.target));
    hanging(pkg, r.target, into);
  }
}

/**
 * The parts a recalculation may change: the content types, the workbook part and its relationships,
 * and for each sheet that holds an output table or is new, the sheet, its relationships and its
 * output tables' parts (and for a new sheet, everything hanging from it: a Dashboard's drawing and
 * charts); plus the calculation chain, which it may drop. Found from the relationships. The
 * stylesheet is not owned: it may change only by appending (see unownedPartChanges).
 */
export function runOwnedParts(
  input: Package,
  output: Package,
  outputTables: readonly string[],
): { owned: Set<string>; droppable: Set<string>; outputSheets: string[] } {
  const owned = new Set<string>([CONTENT_TYPES]);
  const droppable = new Set<string>();
  for (const pkg of [input, output]) {
    const wb = workbookPart(pkg);
    if (!wb) continue;
    owned.add(wb);
    owned.add(relsPartOf(wb));
    for (const r of relationships(pkg, wb)) if (r.type.endsWith("/calcChain")) droppable.add(r.target);
  }
  const inputSheetParts = new Set(sheetsOf(input).map((s) => s.part));
  const outputSheets: string[] = [];
  for (const s of sheetsOf(output)) {
    const hasOutput = s.tables.some((t) => outputTables.includes(t.name));
    if (!s.part || (!hasOutput && inputSheetParts.has(s.part))) continue;
    outputSheets.push(s.name);
    owned.add(s.part);
    owned.add(relsPartOf(s.part));
    for (const t of s.tables) if (outputTables.includes(t.name) || !inputSheetParts.has(s.part)) owned.add(t.part);
    if (!inputSheetParts.has(s.part)) hanging(output, s.part, owned);
  }
  return { owned, droppable, outputSheets };
}

/**
 * Every part the run does not own must be in the output with the same bytes, and nothing else may
 * appear; the stylesheet may differ only by formats appended to its lists (every index kept).
 */
export function unownedPartChanges(
  input: Package,
  output: Package,
  outputTables: readonly string[],
): { compared: number; problems: string[]; outputSheets: string[] } {
  const { owned, droppable, outputSheets } = runOwnedParts(input, output, outputTables);
  const wb = workbookPart(input);
  const styles = wb ? relationships(input, wb).find((r) => r.type.endsWith("/styles"))?.target : undefined;
  const problems: string[] = [];
  let compared = 0;
  for (const [name, before] of input.parts) {
    if (owned.has(name)) continue;
    const after = output.parts.get(name);
    if (!after) {
      if (!droppable.has(name)) problems.push(`${name} is gone from the output`);
      continue;
    }
    compared++;
    if (Buffer.compare(Buffer.from(before), Buffer.from(after)) === 0) continue;
    if (name === styles) problems.push(...stylesChangesOtherThanAppending(before, after).map((p) => `${name} changed other than by appending: ${p}`));
    else problems.push(`${name} changed (${before.length} → ${after.length} bytes)`);
  }
  for (const name of output.parts.keys()) if (!input.parts.has(name) && !owned.has(name)) problems.push(`${name} is new, but is not a part of an output sheet`);
  return { compared, problems, outputSheets };
}

interface Node {
  name: string;
  attrs: string;
  children: Node[];
}

/** A part as a tree of elements ({uri}local, attributes sorted without namespace declarations), whitespace ignored. */
function treeOf(bytes: Uint8Array): Node | undefined {
  const parser = new SaxesParser({ xmlns: true });
  const stack: Node[] = [];
  let root: Node | undefined;
  parser.on("opentag", (tag) => {
    const attrs = Object.values(tag.attributes)
      .filter((a) => a.prefix !== "xmlns" && a.name !== "xmlns")
      .map((a) => `{${a.uri}}${a.local}=${a.value}`)
      .sort()
      .join(" ");
    const node = { name: `{${tag.uri}}${tag.local}`, attrs, children: [] };
    if (stack.length) stack[stack.length - 1].children.push(node);
    else root = node;
    stack.push(node);
  });
  parser.on("closetag", () => void stack.pop());
  parser.write(new TextDecoder().decode(bytes)).close();
  return root;
}

const text = (n: Node): string => `<${n.name} ${n.attrs}>${n.children.map(text).join("")}</${n.name}>`;
/** styleSheet's lists whose items are referred to by index: only appending to them keeps every index. */
const INDEXED = ["numFmts", "fonts", "fills", "borders", "cellStyleXfs", "cellXfs", "cellStyles", "dxfs", "tableStyles"];

/**
 * How a stylesheet changed other than by appending: every list whose items are referred to by index
 * (fonts, cellXfs, dxfs, ...) must begin with exactly the items it had (its count may grow), and every
 * other element must be unchanged. New lists may appear.
 */
export function stylesChangesOtherThanAppending(before: Uint8Array, after: Uint8Array): string[] {
  const a = treeOf(before);
  const b = treeOf(after);
  if (!a || !b) return ["styles: no root element"];
  const problems: string[] = [];
  if (a.name !== b.name || a.attrs !== b.attrs) problems.push("styles: the root element changed");
  const local = (n: Node) => n.name.replace(/^\{[^}]*\}/, "");
  for (const old of a.children) {
    const now = b.children.find((c) => c.name === old.name);
    if (!now) {
      problems.push(`styles: ${local(old)} is gone`);
      continue;
    }
    if (!INDEXED.includes(local(old))) {
      if (text(old) !== text(now)) problems.push(`styles: ${local(old)} changed`);
      continue;
    }
    const attrs = (n: Node) =>
      n.attrs
        .split(" ")
        .filter((x) => !x.startsWith("{}count="))
        .join(" ");
    if (attrs(old) !== attrs(now)) problems.push(`styles: the attributes of ${local(old)} changed`);
    old.children.forEach((item, i) => {
      if (!now.children[i] || text(item) !== text(now.children[i])) problems.push(`styles: ${local(old)} item ${i} changed`);
    });
  }
  const order = (n: Node) => n.children.map(local).filter((x) => a.children.some((o) => local(o) === x));
  if (order(a).join() !== order(b).join()) problems.push("styles: the order of its lists changed");
  return problems;
}
