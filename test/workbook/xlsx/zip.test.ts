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

describe("an entry deflated in pieces on the thread pool", () => {
  it("is the same entry, byte for byte, as one deflated piece by piece on the main thread", async () => {
    const { entryFromChunks, entryFromChunksAsync } = await import("../../../src/workbook/xlsx/zip");
    // Seven pieces of a megabyte: more than are deflated at once, so the producer waits for the oldest.
    const chunks = Array.from({ length: 150 }, (_, i) =>
      new TextEncoder().encode(`<row r="${i}">${"y".repeat(30_000)}${String(i * 104729).repeat(4000)}</row>`),
    );
    const sync = entryFromChunks("part.xml", chunks);
    const onPool = await entryFromChunksAsync("part.xml", chunks);
    expect(onPool.size).toBe(Buffer.concat(chunks).length);
    expect({ ...onPool, raw: null }).toEqual({ ...sync, raw: null });
    expect(Buffer.from(onPool.raw).equals(Buffer.from(sync.raw))).toBe(true);
  });

  it("passes on a fault of the text being written, with no piece left to fail unseen", async () => {
    const { entryFromChunksAsync } = await import("../../../src/workbook/xlsx/zip");
    function* refused(): Generator<Uint8Array> {
      for (let i = 0; i < 9; i++) yield new Uint8Array(1 << 19).fill(60);
      throw new Error("the text is not well-formed");
    }
    await expect(entryFromChunksAsync("part.xml", refused())).rejects.toThrow("the text is not well-formed");
  });
});

describe("an entry inflated in chunks (sync)", () => {
  const join = (chunks: Iterable<Uint8Array>) => Buffer.concat([...chunks]);

  it("gives back what went in, in chunks of 64 KB, for an entry inflated at once", async () => {
    const { entryFromChunks, inflateChunks } = await import("../../../src/workbook/xlsx/zip");
    const content = new TextEncoder().encode(Array.from({ length: 30_000 }, (_, i) => `<row r="${i}"/>`).join(""));
    const chunks = [...inflateChunks(entryFromChunks("part.xml", [content]))];
    expect(chunks.length).toBe(Math.ceil(content.length / 65536));
    expect(join(chunks).equals(content)).toBe(true);
  });

  it("refuses an entry that inflates to more than its header says, or fails its checksum", async () => {
    const { entryFromChunks, inflateChunks } = await import("../../../src/workbook/xlsx/zip");
    const entry = entryFromChunks("xl/worksheets/sheet1.xml", [new TextEncoder().encode("<worksheet/>".repeat(100))]);
    expect(() => join(inflateChunks({ ...entry, size: entry.size - 100 }))).toThrow(/sheet1\.xml inflates to more than the 1100 bytes its header says/);
    expect(() => join(inflateChunks({ ...entry, size: entry.size - 1 }))).toThrow(/inflates to 1200 bytes, not the 1199/);
    expect(() => join(inflateChunks({ ...entry, size: entry.size + 1 }))).toThrow(/inflates to 1200 bytes, not the 1201/);
    expect(() => join(inflateChunks({ ...entry, crc: entry.crc ^ 1 }))).toThrow(/fails its checksum/);
  });

  it("streams an entry over 64 MB instead of holding it whole, with the same bytes", async () => {
    const { entryFromChunks, inflateChunks } = await import("../../../src/workbook/xlsx/zip");
    const piece = new TextEncoder().encode('<c r="A1"><v>1</v></c>'.repeat(50_000));
    const pieces = Array.from({ length: 62 }, () => piece);
    const entry = entryFromChunks("big.xml", pieces);
    expect(entry.size).toBeGreaterThan(64 << 20);
    let size = 0;
    let chunks = 0;
    let same = true;
    for (const c of inflateChunks(entry)) {
      // The content repeats the piece, so each chunk is the piece's text from where the chunk starts.
      const from = size % piece.length;
      same &&= Buffer.from(c.subarray(0, 64)).equals(Buffer.from(piece.subarray(from, from + 64)).subarray(0, Math.min(64, c.length)));
      size += c.length;
      chunks++;
    }
    expect(size).toBe(entry.size);
    expect(same).toBe(true);
    // Streamed: given in many chunks, not one whole buffer.
    expect(chunks).toBeGreaterThan(5);
  });
});
