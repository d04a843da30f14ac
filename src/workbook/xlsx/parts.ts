/**
 * The parts of a package as this run sees them: the entries read from the file, the parts it replaces
 * or adds, and the ones it drops. Every XML part is checked strictly once (well-formed, namespaces in
 * scope, valid UTF-8, its zip CRC) before anything is written; a part that fails makes the file
 * unusable, with the part and the line named.
 */
import { Document } from "@xmldom/xmldom";
import { NS, childrenNS, parseXml, rootOf, serializeXml } from "./dom";
import { PackageBug, XlsxError } from "./errors";
import { XmlError, XmlHandler, XmlScanner } from "./xmlscan";
import { ZipEntry, ZipError, entryFromChunks, entryFromChunksAsync, inflateChunksAsync, inflateEntry, streamEntry } from "./zip";
import { StrictUtf8Decoder } from "./utf8";

export interface Relationship {
  id: string;
  type: string;
  /** The part it points to, resolved against the source part's folder; "" for an external target. */
  target: string;
}

export const REL_TYPE = {
  officeDocument: `${NS.rel}/officeDocument`,
  worksheet: `${NS.rel}/worksheet`,
  table: `${NS.rel}/table`,
  sharedStrings: `${NS.rel}/sharedStrings`,
  styles: `${NS.rel}/styles`,
  calcChain: `${NS.rel}/calcChain`,
} as const;

/** Resolves a relationship target against the folder of the part that owns the rels. */
export function resolvePart(fromPart: string, target: string): string {
  const clean = decodeURIComponent(target.split("#")[0]);
  if (clean.startsWith("/")) return clean.slice(1);
  const parts = fromPart.split("/").slice(0, -1);
  for (const seg of clean.split("/")) {
    if (seg === "..") parts.pop();
    else if (seg !== "." && seg !== "") parts.push(seg);
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

const isXmlPart = (name: string) => /\.(xml|rels|vml)$/i.test(name) || name === "[Content_Types].xml";

export class Parts {
  private readonly replaced = new Map<string, ZipEntry>();
  private readonly removed = new Set<string>();
  private readonly verified = new Set<string>();
  private readonly docs = new Map<string, Document>();
  private readonly dirty = new Set<string>();

  constructor(private readonly entries: Map<string, ZipEntry>) {}

  has(part: string): boolean {
    return !this.removed.has(part) && (this.replaced.has(part) || this.entries.has(part));
  }

  /** Part names as they will be written, in the package's order, new ones last. */
  names(): string[] {
    return [...this.entries.keys(), ...[...this.replaced.keys()].filter((n) => !this.entries.has(n))].filter((n) => !this.removed.has(n));
  }

  entry(part: string): ZipEntry | undefined {
    if (this.removed.has(part)) return undefined;
    return this.replaced.get(part) ?? this.entries.get(part);
  }

  private fault(part: string, e: unknown): never {
    if (e instanceof XmlError)
      throw new XlsxError(`the part ${part} is not well-formed XML (${e.message}): the file is damaged; open it in Excel and save it again`);
    if (e instanceof ZipError) throw new XlsxError(e.message);
    if (e instanceof TypeError && /encoded data|decode/i.test(e.message))
      throw new XlsxError(`the part ${part} is not valid UTF-8: the file is damaged; open it in Excel and save it again`);
    throw e;
  }

  /** Streams an XML part through the strict scanner with `handler`; the part counts as checked afterwards. */
  scan(part: string, handler: XmlHandler = {}, scanner?: XmlScanner): void {
    const entry = this.entry(part);
    if (!entry) throw new XlsxError(`the package has no part ${part}`);
    const s = scanner ?? new XmlScanner(handler);
    const decoder = new StrictUtf8Decoder();
    try {
      streamEntry(entry, (chunk) => s.write(decoder.decode(chunk)));
      s.write(decoder.decode(undefined, true));
      s.end();
    } catch (e) {
      this.fault(part, e);
    }
    this.verified.add(part);
  }

  /** As `scan`, inflating with Node's zlib in the background: for the large sheets a run reads. */
  async scanAsync(part: string, handler: XmlHandler = {}): Promise<void> {
    const entry = this.entry(part);
    if (!entry) throw new XlsxError(`the package has no part ${part}`);
    const s = new XmlScanner(handler);
    const decoder = new StrictUtf8Decoder();
    try {
      for await (const chunk of inflateChunksAsync(entry)) s.write(decoder.decode(chunk));
      s.write(decoder.decode(undefined, true));
      s.end();
    } catch (e) {
      this.fault(part, e);
    }
    this.verified.add(part);
  }

  /** A part's text (strictly checked). */
  text(part: string): string {
    const entry = this.entry(part);
    if (!entry) throw new XlsxError(`the package has no part ${part}`);
    let text: string;
    try {
      // A second byte order mark as well (some tools write two): the decoder drops only the first, as TextDecoder does.
      text = new StrictUtf8Decoder().decode(inflateEntry(entry), true).replace(/^\uFEFF/, "");
      if (!this.verified.has(part)) XmlScanner.scan(text);
    } catch (e) {
      this.fault(part, e);
    }
    this.verified.add(part);
    return text;
  }

  /** A small part as a DOM, for namespace-correct edits; edits are kept until `commitDocs`. */
  doc(part: string): Document {
    let d = this.docs.get(part);
    if (!d) {
      d = parseXml(this.text(part));
      this.docs.set(part, d);
    }
    return d;
  }

  /** Marks a DOM as edited so it is written back. */
  touched(part: string): void {
    if (!this.docs.has(part)) throw new PackageBug(`${part} was not opened for editing`);
    this.dirty.add(part);
  }

  /** Replaces or adds a part from text (a small part). */
  put(part: string, xml: string): void {
    this.replace(part, entryFromChunks(part, this.checkedBytes(part, [xml]), this.entries.get(part)));
  }

  /** Replaces or adds a part from text produced in chunks (a large sheet), deflated on the thread pool as it comes. */
  async putChunks(part: string, chunks: Iterable<string>): Promise<void> {
    this.replace(part, await entryFromChunksAsync(part, this.checkedBytes(part, chunks), this.entries.get(part)));
  }

  private replace(part: string, entry: ZipEntry): void {
    this.removed.delete(part);
    this.docs.delete(part);
    this.dirty.delete(part);
    this.replaced.set(part, entry);
  }

  /** The text's bytes, each chunk checked as it goes; the part counts as checked after the last. */
  private *checkedBytes(part: string, chunks: Iterable<string>): Generator<Uint8Array> {
    const scanner = new XmlScanner();
    const encoder = new TextEncoder();
    const refused = (e: unknown) => (e instanceof XmlError ? new PackageBug(`the part ${part} we wrote is not well-formed XML (${e.message})`) : e);
    for (const c of chunks) {
      try {
        scanner.write(c);
      } catch (e) {
        throw refused(e);
      }
      yield encoder.encode(c);
    }
    try {
      scanner.end();
    } catch (e) {
      throw refused(e);
    }
    this.verified.add(part);
  }

  remove(part: string): void {
    this.removed.add(part);
  }

  /** Writes every edited DOM back as its part (read back strictly, like every part we write). */
  commitDocs(): void {
    for (const part of this.dirty) this.put(part, serializeXml(this.docs.get(part) as Document));
    this.dirty.clear();
  }

  /** Checks every XML part not yet checked, and the CRC of every other part. */
  verifyAll(): void {
    for (const name of this.names()) {
      if (this.verified.has(name)) continue;
      const entry = this.entry(name) as ZipEntry;
      if (isXmlPart(name) && entry.size > 0) this.scan(name);
      else
        try {
          streamEntry(entry, () => undefined);
          this.verified.add(name);
        } catch (e) {
          this.fault(name, e);
        }
    }
  }

  /** The relationships of a part (none when it has no rels part). */
  rels(part: string): Relationship[] {
    const path = relsOf(part);
    if (!this.has(path)) return [];
    const root = rootOf(this.doc(path), NS.pkgRel, "Relationships", path);
    return childrenNS(root, NS.pkgRel, "Relationship").map((r) => {
      const external = r.getAttribute("TargetMode") === "External";
      return { id: r.getAttribute("Id") ?? "", type: r.getAttribute("Type") ?? "", target: external ? "" : resolvePart(part, r.getAttribute("Target") ?? "") };
    });
  }

  /** The content type of a part, from its Override or its extension's Default. */
  contentType(part: string): string | null {
    const root = rootOf(this.doc("[Content_Types].xml"), NS.types, "Types", "[Content_Types].xml");
    const override = childrenNS(root, NS.types, "Override").find((o) => (o.getAttribute("PartName") ?? "").toLowerCase() === `/${part}`.toLowerCase());
    if (override) return override.getAttribute("ContentType");
    const ext = part.slice(part.lastIndexOf(".") + 1).toLowerCase();
    const def = childrenNS(root, NS.types, "Default").find((d) => (d.getAttribute("Extension") ?? "").toLowerCase() === ext);
    return def?.getAttribute("ContentType") ?? null;
  }
}
