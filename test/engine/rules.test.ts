/**
 * The quarterly bonus formula (SPEC §4.3) on exact half cents, worked out by hand with fractions: the
 * base and the completion kept as fractions and divided once, whatever the FullScore.
 */
import { describe, expect, it } from "vitest";
import { D } from "../../src/engine/decimal";
import { bonusOfFractions, whole } from "../../src/engine/rules";

const d = (x: number) => new D(String(x));
const elevenNinths = { over: d(11), under: d(9) };

describe("the quarterly bonus of fractions", () => {
  it("rounds an exact half cent up with FullScore 100", () => {
    // 15015 × 0.4 × 11/9 × 80.25/100 = 53017.965 / 9 = 5890.885 exactly → 5890.89.
    expect(bonusOfFractions(whole(d(15015)), elevenNinths, d(80.25), d(0.4), d(100), d(1)).toFixed(2)).toBe("5890.89");
  });

  it("rounds an exact half cent up with a FullScore that is not a power of ten", () => {
    // 15015 × 0.4 × 11/9 × 80.1/120 = 6006 × 11 × 80.1 / 1080 = 5291886.6 / 1080 = 4899.895 exactly → 4899.90.
    expect(bonusOfFractions(whole(d(15015)), elevenNinths, d(80.1), d(0.4), d(120), d(1)).toFixed(2)).toBe("4899.90");
  });

  it("rounds a rate typed with more than 50 digits only in the product, as before", () => {
    // 5 × 1 × 0.0189999…97 (52 digits) × 100/100 = 0.0949999…985 exactly → 0.09 (a rate rounded first to
    // 50 digits, 0.019, would give 0.095 → 0.10).
    const rate = new D("0.0189999999999999999999999999999999999999999999999997");
    expect(bonusOfFractions(whole(d(5)), whole(d(1)), d(100), rate, d(100), d(1)).toFixed(2)).toBe("0.09");
  });

  it("divides a prorated base and a completion once, with a coefficient", () => {
    // 15000 × 61/91 × 0.4 × 11/9 × 87.5/120 × 1.2 = 167750/39 = 4301.2820… → 4301.28.
    const base = { over: d(15000 * 61), under: d(91) };
    expect(bonusOfFractions(base, elevenNinths, d(87.5), d(0.4), d(120), d(1.2)).toFixed(2)).toBe("4301.28");
    // The same with FullScore 100: × 120/100 → 167750/39 × 1.2 = 201300/39 = 5161.5384… → 5161.54.
    expect(bonusOfFractions(base, elevenNinths, d(87.5), d(0.4), d(100), d(1.2)).toFixed(2)).toBe("5161.54");
  });
});
