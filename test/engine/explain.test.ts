/** Numbers in Breakdown sentences. */
import { describe, expect, it } from "vitest";
import { D } from "../../src/engine/decimal";
import { fmt, fmtPct } from "../../src/engine/explain";

describe("a number in a Breakdown sentence", () => {
  it("is negative with the sentences' minus sign U+2212, as in '−2 deducted', not a hyphen", () => {
    expect(fmt(new D(-2))).toBe("\u22122");
    expect(fmt(new D("-0.5"))).toBe("\u22120.5");
  });

  it("keeps at most 4 decimals and no trailing zeros", () => {
    // 72/87 = 0.827586… → 0.8276; 2.50 → 2.5.
    expect(fmt(new D(72).dividedBy(87))).toBe("0.8276");
    expect(fmt(new D("2.50"))).toBe("2.5");
  });

  it("shows a fraction as a percent", () => {
    expect(fmtPct(new D("0.905"))).toBe("90.5%");
  });
});
