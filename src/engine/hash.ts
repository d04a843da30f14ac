import { TableData } from "./table";
import { CellValue } from "./values";

/**
 * A fingerprint of the input tables (RunLog.InputHash): two 32-bit multiplicative hashes over a
 * canonical text of every table's name, headers and cells. For telling runs on the same inputs
 * apart from runs on changed ones, not for security.
 */
export function hashTables(tables: ReadonlyMap<string, TableData>): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  const feed = (s: string) => {
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      h1 = Math.imul(h1 ^ c, 2654435761);
      h2 = Math.imul(h2 ^ c, 1597334677);
    }
    h1 = Math.imul(h1 ^ 0x1f, 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
    h2 = Math.imul(h2 ^ 0x1e, 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  };
  const cell = (v: CellValue) => (v instanceof Date ? `d${v.toISOString()}` : v === null || v === undefined ? "" : `${typeof v}:${String(v)}`);
  for (const name of [...tables.keys()].sort()) {
    const t = tables.get(name) as TableData;
    feed(`T${name}`);
    for (const h of t.headers) feed(`H${h}`);
    for (const row of t.rows) {
      feed("R");
      for (const v of row) feed(`C${cell(v)}`);
    }
  }
  const hex = (n: number) => (n >>> 0).toString(16).padStart(8, "0");
  return hex(h2) + hex(h1);
}
