import { TableData } from "./table";
import { CellValue, isFormula } from "./values";

/**
 * A fingerprint of the input tables (RunLog.InputHash): two 32-bit multiplicative hashes over a
 * canonical text of every table's name, headers and cells. For telling runs on the same inputs
 * apart from runs on changed ones, not for security.
 */
export function hashTables(tables: ReadonlyMap<string, TableData>): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  // The canonical text is fed in pieces (no string is built per cell); each item ends with a mix.
  const absorb = (s: string) => {
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      h1 = Math.imul(h1 ^ c, 2654435761);
      h2 = Math.imul(h2 ^ c, 1597334677);
    }
  };
  const mix = () => {
    h1 = Math.imul(h1 ^ 0x1f, 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
    h2 = Math.imul(h2 ^ 0x1e, 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  };
  /** "C" then the cell: "" blank, "d<ISO>" a date, "formula:=…" a formula without value, "<type>:<text>" otherwise. */
  const cell = (v: CellValue) => {
    absorb("C");
    if (v === null || v === undefined) {
      // blank: nothing more
    } else if (v instanceof Date) {
      absorb("d");
      absorb(v.toISOString());
    } else if (isFormula(v)) {
      absorb("formula:");
      absorb(v.formula);
    } else {
      absorb(typeof v);
      absorb(":");
      absorb(String(v));
    }
    mix();
  };
  for (const name of [...tables.keys()].sort()) {
    const t = tables.get(name);
    if (!t) continue;
    absorb(`T${name}`);
    mix();
    for (const h of t.headers) {
      absorb(`H${h}`);
      mix();
    }
    for (const row of t.rows) {
      absorb("R");
      mix();
      for (const v of row) cell(v);
    }
  }
  const hex = (n: number) => (n >>> 0).toString(16).padStart(8, "0");
  return hex(h2) + hex(h1);
}
