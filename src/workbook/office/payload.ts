/**
 * Request and response sizes. Excel on the web refuses a request or a response over 5 MB
 * (RequestPayloadSizeLimitExceeded / ResponsePayloadSizeLimitExceeded), counting the JSON of the
 * values with the calls around them, so every read and write goes in row blocks of at most a 4 MB
 * budget; desktop Excel has no such cap, and the blocks cost little there.
 * Source: learn.microsoft.com/office/dev/add-ins/excel/performance ("Payload size limit best
 * practices"; docs-pr docs/excel/performance.md) and .../concepts/resource-limits-and-performance-optimization.
 */

/** The budget for one request or response: 4 MB, leaving room under Excel on the web's 5 MB. */
export const BUDGET_BYTES = 4 * 1024 * 1024;

/**
 * What a request spends besides values: each proxy step (getItem, getRangeByIndexes, format, font) is an
 * ObjectPathInfo record with the Instantiate action sent for it, and each property set or method call an
 * ActionInfo record: some 120 and 85 bytes of JSON before their names and arguments (the runtime's
 * RequestMessageBody: Actions and ObjectPaths, OfficeDev/office-js dist/excel.debug.js). A write of many small formats is mostly these records: a
 * thousand pay statements' bold headers, wrapped cells and page breaks came to 6.8 MB counted so.
 */
export const PATH_BYTES = 130;
export const ACTION_BYTES = 110;

/** Bytes of a string in UTF-8. */
export function utf8Bytes(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** Bytes of a value as JSON, without building the JSON. */
export function jsonBytes(v: unknown): number {
  if (v === null || v === undefined) return 4;
  if (typeof v === "number") return String(v).length;
  if (typeof v === "boolean") return v ? 4 : 5;
  if (typeof v === "string") return utf8Bytes(v) + 2 + (v.match(/["\\\u0000-\u001f]/g)?.length ?? 0) * 5;
  if (Array.isArray(v)) return 2 + v.reduce((a: number, x) => a + jsonBytes(x) + 1, 0);
  return utf8Bytes(JSON.stringify(v));
}

/** Rows [start, end) of a table, in blocks each within the budget, given each row's bytes. */
export function blocksOf(rowBytes: readonly number[], budget = BUDGET_BYTES, fixed = 0): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let start = 0;
  let size = fixed;
  for (let i = 0; i < rowBytes.length; i++) {
    if (i > start && size + rowBytes[i] > budget) {
      out.push([start, i]);
      start = i;
      size = fixed;
    }
    size += rowBytes[i];
  }
  if (rowBytes.length > start || out.length === 0) out.push([start, rowBytes.length]);
  return out;
}
