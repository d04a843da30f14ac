/** Editing a package's parts in tests, as another tool or a damaged copy would leave them. */
import { inflateEntry, newEntry, readZip, writeZip } from "../../src/workbook/xlsx/zip";

export const text = (b: Uint8Array) => new TextDecoder().decode(b);

/** The package with some parts edited (a function returning null removes the part; bytes replace or add it). */
export function edited(base: Uint8Array, edits: Record<string, ((xml: string) => string | null) | Uint8Array>): Uint8Array {
  const zip = readZip(base);
  const out = [];
  for (const [name, e] of zip) {
    const edit = edits[name];
    if (!edit) out.push(e);
    else if (edit instanceof Uint8Array) out.push(newEntry(name, edit));
    else {
      const next = edit(text(inflateEntry(e)));
      if (next !== null) out.push(newEntry(name, new TextEncoder().encode(next)));
    }
  }
  for (const [name, edit] of Object.entries(edits)) if (!zip.has(name) && edit instanceof Uint8Array) out.push(newEntry(name, edit));
  return writeZip(out);
}

/** The part of a table, and the sheet part that holds it, found through the relationships. */
export function partsOf(buf: Uint8Array, table: string): { table: string; sheet: string } {
  const zip = readZip(buf);
  const tablePart = [...zip.keys()].find(
    (n) => n.startsWith("xl/tables/") && new RegExp(`displayName="${table}"|name="${table}"`).test(text(inflateEntry(zip.get(n)!))),
  );
  if (!tablePart) throw new Error(`no table part for ${table}`);
  const rels = [...zip.keys()].find((n) => n.startsWith("xl/worksheets/_rels/") && text(inflateEntry(zip.get(n)!)).includes(`/${tablePart.split("/").pop()}"`));
  if (!rels) throw new Error(`no sheet lists ${tablePart}`);
  return { table: tablePart, sheet: rels.replace("_rels/", "").replace(/\.rels$/, "") };
}

/** The sheet part that holds a table of this name. */
export const sheetOf = (buf: Uint8Array, table: string) => partsOf(buf, table).sheet;
