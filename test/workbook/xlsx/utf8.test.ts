/**
 * Strict UTF-8 decoding in chunks gives what Node's fatal TextDecoder gives (the reference): the same
 * text, or a refusal, however the bytes are cut, with a byte order mark dropped at the start only.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { StrictUtf8Decoder } from "../../../src/workbook/xlsx/utf8";

function reference(bytes: Uint8Array): string | "refused" {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return "refused";
  }
}

function ours(bytes: Uint8Array, cuts: number[]): string | "refused" {
  const d = new StrictUtf8Decoder();
  const at = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
  let text = "";
  let from = 0;
  try {
    for (const to of at) {
      text += d.decode(bytes.subarray(from, to));
      from = to;
    }
    return text + d.decode(bytes.subarray(from), true);
  } catch (e) {
    if (e instanceof TypeError) return "refused";
    throw e;
  }
}

/** Text of every width (ASCII, Chinese, emoji, a BOM), encoded, then maybe broken by a byte or two. */
const bytes = fc
  .tuple(
    fc.array(fc.constantFrom("a", '<c r="A1">', "张伟", "考核", "😀", "\uFEFF", "é", "\u0800", "\uFFFD"), { maxLength: 12 }),
    fc.array(fc.tuple(fc.nat(), fc.constantFrom(0x80, 0xbf, 0xc0, 0xc2, 0xe0, 0xed, 0xef, 0xf0, 0xf4, 0xf5, 0xff)), { maxLength: 2 }),
  )
  .map(([parts, breaks]) => {
    const b = Array.from(new TextEncoder().encode(parts.join("")));
    for (const [at, byte] of breaks) b.splice(at % (b.length + 1), 0, byte);
    return Uint8Array.from(b);
  });

describe("strict UTF-8 decoding in chunks", () => {
  it("gives the text TextDecoder gives, or refuses what it refuses, wherever the chunks are cut", () => {
    fc.assert(
      fc.property(bytes, fc.array(fc.nat(), { maxLength: 6 }), (b, cuts) => {
        expect(ours(b, cuts)).toBe(reference(b));
      }),
      { numRuns: 3000 },
    );
  });

  it("drops a byte order mark at the start, even cut in two, and keeps one further on", () => {
    const b = new TextEncoder().encode("\uFEFFab\uFEFF");
    expect(ours(b, [1])).toBe("ab\uFEFF");
  });

  it("refuses a character the last chunk leaves unfinished", () => {
    expect(ours(Uint8Array.from([0x61, 0xe5, 0xbc]), [2])).toBe("refused");
  });
});
