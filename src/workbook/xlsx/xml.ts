/** Small XML helpers for SpreadsheetML parts: attributes, entities, and text escaping. */

const ENTITY: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

export function unescapeXml(s: string): string {
  if (s.indexOf("&") < 0 && s.indexOf("_x") < 0) return s;
  return s
    .replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_, e: string) => (e[0] === "#" ? String.fromCodePoint(e[1] === "x" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10)) : ENTITY[e]))
    .replace(/_x([0-9A-Fa-f]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
}

/** Escapes text for an element or attribute; characters XML cannot hold become Excel's _xHHHH_ form. */
export function escapeXml(s: string): string {
  return s
    .replace(/_(x[0-9A-Fa-f]{4})_/g, "_x005F_$1_")
    .replace(/[&<>"]/g, (c) => (c === "&" ? "&amp;" : c === "<" ? "&lt;" : c === ">" ? "&gt;" : "&quot;"))
    .replace(/[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]/g, (c) => `_x${c.charCodeAt(0).toString(16).padStart(4, "0").toUpperCase()}_`);
}

/** The attributes of a start tag's text (`<c r="A1" t="s">` → {r: "A1", t: "s"}), namespace prefixes dropped. */
export function attributes(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  const re = /([\w:.-]+)\s*=\s*("([^"]*)"|'([^']*)')/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(tag))) {
    const name = m[1].includes(":") && !m[1].startsWith("xmlns") ? m[1].slice(m[1].indexOf(":") + 1) : m[1];
    out[name] = unescapeXml(m[3] ?? m[4] ?? "");
  }
  return out;
}

/** Every start (or empty) tag of an element, by local name, as its attribute map. */
export function tags(xml: string, local: string): Array<Record<string, string>> {
  const re = new RegExp(`<(?:[\\w.-]+:)?${local}\\b([^>]*?)\\/?>`, "g");
  const out: Array<Record<string, string>> = [];
  let m: RegExpExecArray | null;
  while ((m = re.exec(xml))) out.push(attributes(m[1]));
  return out;
}

/** Resolves a relationship target against the folder of the part that owns the rels. */
export function resolvePart(fromPart: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const parts = fromPart.split("/").slice(0, -1);
  for (const seg of target.split("/")) {
    if (seg === "..") parts.pop();
    else if (seg !== ".") parts.push(seg);
  }
  return parts.join("/");
}

/** The rels part of a part: xl/workbook.xml → xl/_rels/workbook.xml.rels. */
export function relsOf(part: string): string {
  const i = part.lastIndexOf("/");
  return `${part.slice(0, i + 1)}_rels/${part.slice(i + 1)}.rels`;
}

/** A path relative from one part's folder to another part. */
export function relativeTarget(fromPart: string, toPart: string): string {
  const from = fromPart.split("/").slice(0, -1);
  const to = toPart.split("/");
  let i = 0;
  while (i < from.length && i < to.length - 1 && from[i] === to[i]) i++;
  return [...from.slice(i).map(() => ".."), ...to.slice(i)].join("/");
}
