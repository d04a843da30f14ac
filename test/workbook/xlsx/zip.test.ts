/** The zip layer's CRC-32 against Node's zlib, on lengths around its 8-byte steps and continued across chunks. */
import fc from "fast-check";
import { crc32 as zlibCrc32 } from "node:zlib";
import { describe, expect, it } from "vitest";
import { crc32, crc32Table } from "../../../src/workbook/xlsx/zip";

describe("crc32", () => {
  it("equals zlib's CRC-32 for any bytes, whole or continued from a first part, in JavaScript too", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), fc.nat(), (bytes, cut) => {
        const at = bytes.length === 0 ? 0 : cut % (bytes.length + 1);
        for (const crc of [crc32, crc32Table]) {
          expect(crc(bytes)).toBe(zlibCrc32(bytes));
          expect(crc(bytes.subarray(at), crc(bytes.subarray(0, at)))).toBe(zlibCrc32(bytes));
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe("an entry deflated in pieces", () => {
  it("inflates to what went in: the pieces are one raw deflate stream", async () => {
    const { entryFromChunks, inflateEntry, inflateChunksAsync } = await import("../../../src/workbook/xlsx/zip");
    // Over three pieces of a megabyte, with text that compresses and bytes that do not.
    const chunks = Array.from({ length: 50 }, (_, i) => new TextEncoder().encode(`<row r="${i}">${"x".repeat(40_000)}${String(i * 7919).repeat(3000)}</row>`));
    const entry = entryFromChunks("part.xml", chunks);
    const whole = Buffer.concat(chunks);
    expect(Buffer.from(inflateEntry(entry)).equals(whole)).toBe(true);
    const streamed: Uint8Array[] = [];
    for await (const c of inflateChunksAsync(entry)) streamed.push(c);
    expect(Buffer.concat(streamed).equals(whole)).toBe(true);
  });
});
