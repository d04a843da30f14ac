/** The zip layer's CRC-32 against Node's zlib, on lengths around its 8-byte steps and continued across chunks. */
import fc from "fast-check";
import { crc32 as zlibCrc32 } from "node:zlib";
import { describe, expect, it } from "vitest";
import { crc32 } from "../../../src/workbook/xlsx/zip";

describe("crc32", () => {
  it("equals zlib's CRC-32 for any bytes, whole or continued from a first part", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), fc.nat(), (bytes, cut) => {
        const at = bytes.length === 0 ? 0 : cut % (bytes.length + 1);
        expect(crc32(bytes)).toBe(zlibCrc32(bytes));
        expect(crc32(bytes.subarray(at), crc32(bytes.subarray(0, at)))).toBe(zlibCrc32(bytes));
      }),
      { numRuns: 500 },
    );
  });
});
