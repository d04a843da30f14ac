import { TableData } from "./table";
import { CellValue, isFormula } from "./values";

/** What an item is, fed before its text so that the same text of another kind hashes apart. */
const enum Tag {
  Table = 1,
  Header,
  Row,
  Blank,
  Text,
  Number,
  Date,
  Formula,
  Boolean,
}

/**
 * Two 32-bit multiplicative hashes fed with items: a tag, then the item's text two UTF-16 code units
 * at a time (half the steps of one at a time: the fingerprint reads every input cell), then a mix of
 * both. An item's text has one piece, so how it is cut into pairs is always the same.
 */
class Fingerprint {
  private h1 = 0xdeadbeef;
  private h2 = 0x41c6ce57;

  item(tag: Tag, s = ""): void {
    let h1 = Math.imul(this.h1 ^ tag, 2654435761);
    let h2 = Math.imul(this.h2 ^ tag, 1597334677);
    const n = s.length;
    let i = 0;
    for (; i + 1 < n; i += 2) {
      const c = s.charCodeAt(i) | (s.charCodeAt(i + 1) << 16);
      h1 = Math.imul(h1 ^ c, 2654435761);
      h2 = Math.imul(h2 ^ c, 1597334677);
    }
    if (i < n) {
      const c = s.charCodeAt(i);
      h1 = Math.imul(h1 ^ c, 2654435761);
      h2 = Math.imul(h2 ^ c, 1597334677);
    }
    // The mix, which also ends the item (its length is not fed: the next item starts with a tag).
    h1 = Math.imul(h1 ^ 0x1f, 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
    h2 = Math.imul(h2 ^ 0x1e, 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
    this.h1 = h1;
    this.h2 = h2;
  }

  hex(): string {
    const hex = (n: number) => (n >>> 0).toString(16).padStart(8, "0");
    return hex(this.h2) + hex(this.h1);
  }
}

/** One cell as an item: its kind and its text (a number as its shortest decimal, a date as its ISO time). */
function cellItem(f: Fingerprint, v: CellValue): void {
  if (v === null || v === undefined) f.item(Tag.Blank);
  else if (typeof v === "string") f.item(Tag.Text, v);
  else if (typeof v === "number") f.item(Tag.Number, String(v));
  else if (typeof v === "boolean") f.item(Tag.Boolean, v ? "1" : "0");
  else if (v instanceof Date) f.item(Tag.Date, v.toISOString());
  else if (isFormula(v)) f.item(Tag.Formula, v.formula);
  else f.item(Tag.Text, String(v));
}

/**
 * A fingerprint of the input tables (RunLog.InputHash): two 32-bit multiplicative hashes over every
 * table's name, headers and cells, each an item of its kind (a blank, a text, a number, a date, a formula
 * without value, TRUE/FALSE). For telling runs on the same inputs apart from runs on changed ones, not
 * for security. Nothing is built per cell but a number's text.
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
  for (const name of [...tables.keys()].sort()) {
    const t = tables.get(name);
    if (!t) continue;
    f.item(Tag.Table, name);
    for (const h of t.headers) f.item(Tag.Header, h);
    for (let r = 0; r < t.rows.length; r++) {
      if (r % rowsPerStep === rowsPerStep - 1) yield rowsPerStep;
      f.item(Tag.Row);
      const row = t.rows[r];
      for (let k = 0; k < row.length; k++) cellItem(f, row[k]);
    }
  }
  return f.hex();
}
