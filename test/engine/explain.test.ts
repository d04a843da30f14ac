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

describe("a Breakdown sentence", () => {
  const ratio = (floor: number, cap: number | null) =>
    ({
      rule: "Ratio",
      name: "R",
      points: new D(50),
      standard: new D("0.9"),
      inPercent: true,
      floor: new D(floor),
      cap: cap === null ? null : new D(cap),
    }) as never;

  it("of a Ratio says when the floor or the cap gave the points, not the arithmetic before it", async () => {
    const { explainRatio } = await import("../../src/engine/explain");
    const rules = await import("../../src/engine/rules");
    const line = (floor: number, cap: number | null, actual: string, lang: "en" | "zh" = "en") => {
      const scored = rules.ratio(new D(50), new D(actual), new D("0.9"), new D(floor), cap === null ? null : new D(cap));
      return explainRatio(ratio(floor, cap), new D(actual), scored, lang);
    };
    // 50 × 0.1/0.9 = 5.56, raised to the floor 10; 50 × 1.2/0.9 = 66.67, cut to the cap 60.
    expect(line(10, null, "0.1")).toBe("10% vs standard 90%: 50 × 0.1/0.9 → 10 of 50 (floor 10)");
    expect(line(0, 60, "1.2")).toBe("120% vs standard 90%: 50 × 1.2/0.9 → 60 of 50 (cap 60)");
    expect(line(0, 60, "1.2", "zh")).toContain("（上限 60）");
    // Not clamped: no note. 50 × 0.81/0.9 = 45.
    expect(line(10, 60, "0.81")).toBe("81% vs standard 90%: 50 × 0.81/0.9 → 45 of 50");
  });

  it("of a Deduct with PointsBelow 1 says points were taken off, not a count of times", async () => {
    const { explainDeduct } = await import("../../src/engine/explain");
    const ind = { rule: "Deduct", name: "D", points: new D(10), pointsEach: new D(1), floor: new D(0) } as never;
    // 10 − 7.5 = 2.5.
    expect(explainDeduct(ind, new D("7.5"), new D("7.5"), new D("2.5"), "en")).toBe("7.5 points deducted → 2.5 of 10");
    expect(explainDeduct(ind, new D("7.5"), new D("7.5"), new D("2.5"), "zh")).toBe("扣 7.5 分 → 得 2.5 分（权重 10）");
  });

  it("of a Deduct with nothing deducted shows no minus zero", async () => {
    const { explainDeduct } = await import("../../src/engine/explain");
    const ind = { rule: "Deduct", name: "D", points: new D(10), pointsEach: new D(2), floor: new D(0) } as never;
    // 0 times × 2 = 0 taken off: 10 of 10; 3 times × 2 = 6: 10 − 6 = 4.
    expect(explainDeduct(ind, new D(0), new D(0), new D(10), "en")).toBe("0 × 2 deducted → 10 of 10");
    expect(explainDeduct(ind, new D(3), new D(6), new D(4), "en")).toBe("3 × 2 deducted, −6 → 4 of 10");
    expect(explainDeduct(ind, new D(0), new D(0), new D(10), "zh")).toBe("0 次 × 每次 2 分，扣 0 分 → 得 10 分（权重 10）");
  });
});
