import { TableData } from "./table";
import { CellValue, isFormula } from "./values";

/** Two 32-bit multiplicative hashes fed with text; each item fed ends with a mix of both. */
class Fingerprint {
  private h1 = 0xdeadbeef;
  private h2 = 0x41c6ce57;

  absorb(s: string): void {
    let h1 = this.h1;
    let h2 = this.h2;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      h1 = Math.imul(h1 ^ c, 2654435761);
      h2 = Math.imul(h2 ^ c, 1597334677);
    }
    this.h1 = h1;
    this.h2 = h2;
  }

  mix(): void {
    this.h1 = Math.imul(this.h1 ^ 0x1f, 2246822507) ^ Math.imul(this.h2 ^ (this.h2 >>> 13), 3266489909);
    this.h2 = Math.imul(this.h2 ^ 0x1e, 2246822507) ^ Math.imul(this.h1 ^ (this.h1 >>> 13), 3266489909);
  }

  /** An item: its pieces in order, then a mix (the same as feeding their concatenation). */
  item(a: string, b = "", c = "", d = ""): void {
    this.absorb(a);
    if (b) this.absorb(b);
    if (c) this.absorb(c);
    if (d) this.absorb(d);
    this.mix();
  }

  hex(): string {
    const hex = (n: number) => (n >>> 0).toString(16).padStart(8, "0");
    return hex(this.h2) + hex(this.h1);
  }
}

/**
 * A fingerprint of the input tables (RunLog.InputHash): two 32-bit multiplicative hashes over a
 * canonical text of every table's name, headers and cells — "C" then "" for a blank, "d" and the ISO
 * time for a date, "formula:" and the formula for a formula without value, else the type, ":" and the
 * text. For telling runs on the same inputs apart from runs on changed ones, not for security. The text
 * is fed in pieces, never built per cell.
 */
export function hashTables(tables: ReadonlyMap<string, TableData>): string {
  const steps = hashingTables(tables);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** hashTables, pausing (yielding the rows hashed) every `rowsPerStep` rows. */
export function* hashingTables(tables: ReadonlyMap<string, TableData>, rowsPerStep = 1024): Generator<number, string> {
  const f = new Fingerprint();
  const cell = (v: CellValue) => {
    if (v === null || v === undefined) f.item("C");
    else if (typeof v === "string") f.item("C", "string:", v);
    else if (typeof v === "number") f.item("C", "number:", String(v));
    else if (v instanceof Date) f.item("C", "d", v.toISOString());
    else if (isFormula(v)) f.item("C", "formula:", v.formula);
    else f.item("C", typeof v, ":", String(v));
  };
  for (const name of [...tables.keys()].sort()) {
    const t = tables.get(name);
    if (!t) continue;
    f.item(`T${name}`);
    for (const h of t.headers) f.item(`H${h}`);
    for (let r = 0; r < t.rows.length; r++) {
      if (r % rowsPerStep === rowsPerStep - 1) yield rowsPerStep;
      f.item("R");
      for (const v of t.rows[r]) cell(v);
    }
  }
  return f.hex();
}
