/**
 * Namespace-correct edits of the small structural parts of a package (workbook.xml, relationships,
 * content types, table parts) through @xmldom/xmldom's DOM: elements are created in their namespace
 * with the prefix that is in scope where they go (or a declaration of their own), and unknown elements,
 * attributes and prefixes of other tools are kept as they were. Sheets are never parsed into a DOM.
 */
import { DOMParser, Document, Element, XMLSerializer } from "@xmldom/xmldom";
import { XmlScanner } from "./xmlscan";

export const NS = {
  main: "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
  rel: "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
  pkgRel: "http://schemas.openxmlformats.org/package/2006/relationships",
  types: "http://schemas.openxmlformats.org/package/2006/content-types",
  xmlns: "http://www.w3.org/2000/xmlns/",
} as const;

/** Parses a part that the strict scanner has accepted (it runs first, so xmldom's leniency never matters). */
export function parseXml(xml: string): Document {
  XmlScanner.scan(xml);
  return new DOMParser({
    onError: (level, message) => {
      if (level !== "warning") throw new Error(message);
    },
  }).parseFromString(xml, "text/xml");
}

/**
 * The document as text. A carriage return in text or an attribute is written as &#13; so that it comes
 * back as a carriage return (a raw one would be read as a line feed).
 */
export function serializeXml(doc: Document): string {
  const out = new XMLSerializer().serializeToString(doc);
  return out.indexOf("\r") >= 0 ? out.replace(/\r/g, "&#13;") : out;
}

/** Child elements of `parent` with the given namespace and local name. */
export function childrenNS(parent: Element | Document, ns: string, local: string): Element[] {
  const out: Element[] = [];
  for (let n = parent.firstChild; n; n = n.nextSibling) {
    if (n.nodeType === 1 && (n as Element).namespaceURI === ns && (n as Element).localName === local) out.push(n as Element);
  }
  return out;
}

/** The first child element with that namespace and local name, or null. */
export function childNS(parent: Element | Document, ns: string, local: string): Element | null {
  return childrenNS(parent, ns, local)[0] ?? null;
}

/** Every descendant element with that namespace and local name, in document order. */
export function descendantsNS(parent: Element | Document, ns: string, local: string): Element[] {
  return Array.from(parent.getElementsByTagNameNS(ns, local));
}

/** The root element, which must be `local` in `ns`. */
export function rootOf(doc: Document, ns: string, local: string, part: string): Element {
  const root = doc.documentElement;
  if (!root || root.namespaceURI !== ns || root.localName !== local) {
    throw new Error(`${part}: the root element is <${root?.nodeName ?? "?"}> in ${root?.namespaceURI ?? "no namespace"}, not <${local}> in ${ns}`);
  }
  return root;
}

/** The prefix bound to `ns` where `el` stands: "" for the default namespace, null when it is not in scope. */
export function prefixFor(el: Element, ns: string): string | null {
  if (el.namespaceURI === ns && el.prefix === null) return "";
  if (el.lookupNamespaceURI(null) === ns) return "";
  return el.lookupPrefix(ns);
}

/**
 * Appends a new element in `ns` to `parent`, using the prefix in scope there. When none is, the new
 * element declares the namespace itself (as the default namespace when that is free, or a fresh prefix).
 */
export function appendNS(parent: Element, ns: string, local: string, attrs: Record<string, string> = {}, before: Element | null = null): Element {
  const doc = parent.ownerDocument as Document;
  const prefix = prefixFor(parent, ns);
  let el: Element;
  if (prefix === "") el = doc.createElementNS(ns, local);
  else if (prefix !== null) el = doc.createElementNS(ns, `${prefix}:${local}`);
  else if (parent.lookupNamespaceURI(null) === null) {
    el = doc.createElementNS(ns, local);
    el.setAttributeNS(NS.xmlns, "xmlns", ns);
  } else {
    const fresh = freshPrefix(parent, "ns");
    el = doc.createElementNS(ns, `${fresh}:${local}`);
    el.setAttributeNS(NS.xmlns, `xmlns:${fresh}`, ns);
  }
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  parent.insertBefore(el, before);
  return el;
}

/** Sets an attribute in `ns` (such as r:id) with the prefix in scope at `el`, declaring one on `el` when none is. */
export function setAttributeNS(el: Element, ns: string, local: string, value: string, preferred: string): void {
  let prefix = prefixFor(el, ns);
  if (prefix === "" || prefix === null) {
    // An attribute in a namespace always needs a prefix (the default namespace does not apply to attributes).
    prefix = el.lookupNamespaceURI(preferred) === null ? preferred : freshPrefix(el, preferred);
    el.setAttributeNS(NS.xmlns, `xmlns:${prefix}`, ns);
  }
  el.setAttributeNS(ns, `${prefix}:${local}`, value);
}

function freshPrefix(el: Element, base: string): string {
  for (let i = 1; ; i++) {
    const p = `${base}${i}`;
    if (el.lookupNamespaceURI(p) === null) return p;
  }
}

/** An attribute in a namespace (r:id), whatever its prefix. */
export function attributeNS(el: Element, ns: string, local: string): string | null {
  return el.hasAttributeNS(ns, local) ? el.getAttributeNS(ns, local) : null;
}
