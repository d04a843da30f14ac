/**
 * The custom functions against SPEC §5's worked examples and each function's edge cases. One file: the
 * functions are one module, tested side by side as a user meets them in Excel.
 */
import { describe, expect, it } from "vitest";
import * as f from "../../src/functions/functions";
import { errorOf } from "../support/excelErrors";

describe("SPEC §5 worked examples, exactly", () => {
  // Presales excellent-solution rate: weight 20, standard 90%, −2 per 5% below, +0.5 per 1% above.
  it("80% scores 16: (0.9−0.8)/0.05 = 2 steps below, 20 − 2×2", () => {
    expect(f.step(0.8, 0.9, 20, 0.05, 2, 0.01, 0.5)).toBe(16);
  });
  it("90% scores 20: at the standard", () => {
    expect(f.step(0.9, 0.9, 20, 0.05, 2, 0.01, 0.5)).toBe(20);
  });
  it("93% scores 21.5: 3 steps of 1% above, 20 + 3×0.5", () => {
    expect(f.step(0.93, 0.9, 20, 0.05, 2, 0.01, 0.5)).toBe(21.5);
  });
  it("96% scores 23: 6 steps above, 20 + 6×0.5", () => {
    expect(f.step(0.96, 0.9, 20, 0.05, 2, 0.01, 0.5)).toBe(23);
  });
  it("splits an annual 1160 as 174, 290, 348, 348 (15/25/30/30%)", () => {
    expect([1, 2, 3, 4].map((q) => f.qtarget(1160, q, null as never))).toEqual([174, 290, 348, 348]);
  });
  it("puts the 70% task base at 121.8, 203, 243.6, 243.6: completion there is exactly 0", () => {
    // 174×0.7 = 121.8, 290×0.7 = 203, 348×0.7 = 243.6; one cent above each is already positive.
    const bases = [121.8, 203, 243.6, 243.6];
    [174, 290, 348, 348].forEach((t, i) => {
      expect(f.completion(bases[i], t, null)).toBe(0);
      expect(f.completion(bases[i] + 0.01, t, null)).toBeGreaterThan(0);
    });
  });
  it("Q2 target 290, actual 275: completion (275−203)/(290−203) = 72/87", () => {
    expect(f.completion(275, 290, null)).toBe(72 / 87);
  });
  it("Q2 actual 200 is below the task base 203: completion 0", () => {
    expect(f.completion(200, 290, null)).toBe(0);
  });
  it("bonus 36000 × 0.4 × 72/87 × 0.92 = 10963.86", () => {
    // 36000×0.4 = 14400; ×0.92 = 13248; ×72/87 = 10963.862… → 10963.86
    expect(f.bonus(36000, 72 / 87, 92, null, null, null)).toBe(10963.86);
  });
  it("big deal 250000 with 150000 received pays 150000 × 1.5% = 2250", () => {
    expect(f.bigdeal(250000, 150000, null, null)).toBe(2250);
  });
  it("a 90000 deal is under the 100000 threshold: 0", () => {
    expect(f.bigdeal(90000, 90000, null, null)).toBe(0);
  });
  it("project 800000 开拓型 quality 88 difficulty 1.2: 800000×0.5%×1.3×0.88×1.2 = 5491.20", () => {
    expect(f.project(800000, "开拓型", 88, 1.2, null)).toBe(5491.2);
  });
  it("commission at 105% pays the whole 210000 × 2% = 4200", () => {
    expect(f.commission(210000, 200000, 0.02, null as never, null)).toBe(4200);
  });
  it("commission at 75% pays 150000 × 2% × 0.7 = 2100", () => {
    expect(f.commission(150000, 200000, 0.02, null as never, null)).toBe(2100);
  });
  it("commission at 45% pays nothing", () => {
    expect(f.commission(90000, 200000, 0.02, null as never, null)).toBe(0);
  });
  it("outlets: 480 of 500 at +30, −15 per short: 14400 − 300 = 14100", () => {
    expect(f.units(480, 500, 30, 15, null, 100)).toBe(14100);
  });
  it("outlets: 520 of 500: 15600 + 100 on completion = 15700", () => {
    expect(f.units(520, 500, 30, 15, null, 100)).toBe(15700);
  });
  it("displays: 45 of 50 at −20 per short: −100", () => {
    expect(f.units(45, 50, 0, 20, null, 100)).toBe(-100);
  });
  it("displays: 50 of 50 earns the 100 completion award", () => {
    expect(f.units(50, 50, 0, 20, null, 100)).toBe(100);
  });
});

describe("binary floating point traps", () => {
  it("0.85 − 0.75 is exactly 2 steps of 0.05 (float says 1.999…)", () => {
    expect(f.step(0.75, 0.85, 20, 0.05, 2, null, null, null, null)).toBe(16);
  });
  it("0.96 − 0.85 is exactly 11 steps of 0.01 (float says 10.999…)", () => {
    // 20 + 11×0.5 = 25.5
    expect(f.step(0.96, 0.85, 20, 0.05, 2, 0.01, 0.5, null, null)).toBe(25.5);
  });
  it("0.9 − 0.8 is exactly 2 steps of 0.05", () => {
    expect(f.step(0.8, 0.9, 20, 0.05, 2, null, null, null, null)).toBe(16);
  });
  it("rounds a money half-cent up: 0.145 × 100 × 0.1 … 1.005 → 1.01", () => {
    // base 1.005, everything else 1: float 1.005 is 1.00499…, decimal keeps 1.005 and rounds up.
    expect(f.bonus(1.005, 1, 100, 1, 100, 1)).toBe(1.01);
  });
});

describe("WEIGHTED", () => {
  it("mixes 90×30 + 80×70 over 100 = 83", () => {
    expect(f.weighted([[90, 80]], [[30, 70]])).toBe(83);
  });
  it("accepts weights as fractions summing to 1", () => {
    expect(f.weighted([[90], [80]], [[0.3], [0.7]])).toBe(83);
  });
  it("names the sum when weights sum to 95", () => {
    const e = errorOf(() => f.weighted([[90, 80]], [[30, 65]]));
    expect(e.code).toBe("#NUM!");
    expect(e.message).toContain("sum to 95");
  });
  it("treats an empty score as an error, not zero", () => {
    const e = errorOf(() => f.weighted([[90, ""]], [[30, 70]]));
    expect(e.code).toBe("#VALUE!");
    expect(e.message).toContain("scores cell 2 is empty");
  });
  it("rejects a score above 100", () => {
    expect(errorOf(() => f.weighted([[101]], [[100]])).message).toContain("between 0 and 100");
  });
  it("rejects ranges of different sizes", () => {
    expect(errorOf(() => f.weighted([[90, 80]], [[100]])).message).toContain("one weight per score");
  });
});

describe("STEP", () => {
  it("gives no bonus above the standard when stepAbove is omitted", () => {
    expect(f.step(0.99, 0.9, 20, 0.05, 2, null, null, null, null)).toBe(20);
  });
  it("never goes below the floor (default 0)", () => {
    // 0.9 − 0.1 = 0.8 → 16 steps × 2 = 32 > 20 → clamped to 0
    expect(f.step(0.1, 0.9, 20, 0.05, 2, null, null, null, null)).toBe(0);
  });
  it("clamps to the cap", () => {
    // 96%: 23 without a cap → 22
    expect(f.step(0.96, 0.9, 20, 0.05, 2, 0.01, 0.5, null, 22)).toBe(22);
  });
  it("counts only whole steps: 87% is 0.6 of a step short, no deduction", () => {
    expect(f.step(0.87, 0.9, 20, 0.05, 2, null, null, null, null)).toBe(20);
  });
  it("rejects a zero step", () => {
    const e = errorOf(() => f.step(0.8, 0.9, 20, 0, 2, null, null, null, null));
    expect(e.code).toBe("#NUM!");
    expect(e.message).toContain("stepBelow is 0");
  });
  it("rejects stepAbove without pointsAbove", () => {
    expect(errorOf(() => f.step(0.95, 0.9, 20, 0.05, 2, 0.01, null, null, null)).message).toContain("pointsAbove is empty");
  });
  it("says which argument holds text", () => {
    const e = errorOf(() => f.step("abc", 0.9, 20, 0.05, 2, null, null, null, null));
    expect(e.code).toBe("#VALUE!");
    expect(e.message).toBe('actual is the text "abc", not a number: enter a number');
  });
  it("passes an #N/A from the input on as #N/A", () => {
    const e = errorOf(() => f.step("#N/A", 0.9, 20, 0.05, 2, null, null, null, null));
    expect(e.code).toBe("#N/A");
    expect(e.message).toContain("actual is the error #N/A");
  });
  it("treats a blank required argument as an error, not zero", () => {
    expect(errorOf(() => f.step("", 0.9, 20, 0.05, 2, null, null, null, null)).message).toBe("actual is empty: enter a number");
  });
});

describe("DEDUCT", () => {
  it("takes 3 faults × 2 from 10: 4", () => {
    expect(f.deduct(10, 3, 2, null)).toBe(4);
  });
  it("stops at the floor", () => {
    expect(f.deduct(10, 8, 2, 1)).toBe(1);
  });
  it("rejects a negative count", () => {
    const e = errorOf(() => f.deduct(10, -1, 2, null));
    expect(e.code).toBe("#NUM!");
    expect(e.message).toContain("count is -1");
  });
});

describe("COMPLETION", () => {
  it("is not capped at 100%: actual 319 of 290 → (319−203)/87 = 116/87", () => {
    expect(f.completion(319, 290, null)).toBe(116 / 87);
  });
  it("takes a custom task base: 0.8 of 100 → (90−80)/20 = 0.5", () => {
    expect(f.completion(90, 100, 0.8)).toBe(0.5);
  });
  it("gives #DIV/0! for a zero target", () => {
    const e = errorOf(() => f.completion(10, 0, null));
    expect(e.code).toBe("#DIV/0!");
    expect(e.message).toContain("target is 0");
  });
  it("gives #NUM! for a negative target", () => {
    expect(errorOf(() => f.completion(10, -5, null)).code).toBe("#NUM!");
  });
  it("says a task base of 70 looks like a percent", () => {
    const e = errorOf(() => f.completion(275, 290, 70));
    expect(e.code).toBe("#NUM!");
    expect(e.message).toBe("taskBase: 70 looks like a percent: enter 70% or 0.7");
  });
});

describe("BONUS", () => {
  it("says a rate of 40 looks like a percent, never divides it silently", () => {
    const e = errorOf(() => f.bonus(36000, 1, 100, 40, null, null));
    expect(e.code).toBe("#NUM!");
    expect(e.message).toBe("rate: 40 looks like a percent: enter 40% or 0.4");
  });
  it("applies fullScore and coefficient: 10000 × 0.4 × 1 × 60/120 × 1.2 = 2400", () => {
    expect(f.bonus(10000, 1, 60, null, 120, 1.2)).toBe(2400);
  });
  it("accepts the rate as the text 40%", () => {
    expect(f.bonus(10000, 1, 100, "40%", null, null)).toBe(4000);
  });
  it("rejects a zero full score", () => {
    expect(errorOf(() => f.bonus(10000, 1, 100, null, 0, null)).message).toContain("fullScore is 0");
  });
});

describe("GRADE", () => {
  it.each([
    [91, "优秀"],
    [90.99, "良好"],
    [81, "良好"],
    [71, "称职"],
    [60, "基本称职"],
    [59.99, "不称职"],
    [0, "不称职"],
  ])("grades %s as %s with the default bands", (score, label) => {
    expect(f.grade(score, null as never)).toBe(label);
  });
  it("reads bands in any order", () => {
    const bands = [
      [60, "C"],
      [90, "A"],
      [75, "B"],
    ];
    expect(f.grade(80, bands)).toBe("B");
  });
  it("says a score below every band needs a band", () => {
    const e = errorOf(() => f.grade(50, [[60, "C"]]));
    expect(e.code).toBe("#NUM!");
    expect(e.message).toContain("below the lowest band");
  });
  it("rejects two bands with the same minimum", () => {
    expect(
      errorOf(() =>
        f.grade(70, [
          [60, "C"],
          [60, "D"],
        ]),
      ).message,
    ).toContain("two rows with min score 60");
  });
});

describe("COMMISSION", () => {
  it("names a bad tier by its row in the range as typed, not by its place once sorted", () => {
    // −0.7 is in the range's second row; sorted by min attainment it would come first.
    const e = errorOf(() =>
      f.commission(
        150000,
        200000,
        0.02,
        [
          [1, 1],
          [0.5, -0.7],
        ] as never,
        null,
      ),
    );
    expect(e.code).toBe("#NUM!");
    expect(e.message).toMatch(/^tiers row 2 multiplier is -0\.7/);
    // A blank row still counts: the bad one is the third row of the range.
    expect(
      errorOf(() =>
        f.commission(
          150000,
          200000,
          0.02,
          [
            [1, 1],
            ["", ""],
            [0.5, -0.7],
          ] as never,
          null,
        ),
      ).message,
    ).toMatch(/^tiers row 3 multiplier/);
  });
  it("with marginal tiers pays 0.7 on 50–100% and 1 above: (100000×0.7 + 10000×1) × 2% = 1600", () => {
    expect(f.commission(210000, 200000, 0.02, null as never, true)).toBe(1600);
  });
  it("takes tiers from a range: ≥120% → 1.5", () => {
    const tiers = [
      [0.5, 0.7],
      [1, 1],
      [1.2, 1.5],
    ];
    // 250000/200000 = 125% → 1.5; 250000 × 2% × 1.5 = 7500
    expect(f.commission(250000, 200000, 0.02, tiers, false)).toBe(7500);
  });
  it("says a rate of 2 looks like a percent", () => {
    expect(errorOf(() => f.commission(1, 1, 2, null as never, null)).message).toBe("rate: 2 looks like a percent: enter 2% or 0.02");
  });
  it("gives #DIV/0! for a zero target", () => {
    expect(errorOf(() => f.commission(1, 0, 0.02, null as never, null)).code).toBe("#DIV/0!");
  });
  it("rejects a marginal flag that is not yes or no", () => {
    expect(errorOf(() => f.commission(1, 1, 0.02, null as never, "maybe")).message).toContain("marginal");
  });
});

describe("BIGDEAL and PROJECT", () => {
  it("pays at exactly the threshold", () => {
    expect(f.bigdeal(100000, 100000, null, null)).toBe(1500);
  });
  it("takes a custom threshold and rate", () => {
    expect(f.bigdeal(60000, 40000, 50000, 0.02)).toBe(800);
  });
  it("says a big-deal rate of 1.5 looks like a percent", () => {
    const e = errorOf(() => f.bigdeal(250000, 150000, null, 1.5));
    expect(e.code).toBe("#NUM!");
    expect(e.message).toBe("rate: 1.5 looks like a percent: enter 1.5% or 0.015");
  });
  it("rejects negative receipts", () => {
    expect(errorOf(() => f.bigdeal(250000, -1, null, null)).message).toBe("receipts is -1: it cannot be negative; enter 0 or more");
  });
  it("treats a blank deal amount as an error, not zero", () => {
    expect(errorOf(() => f.bigdeal("", 150000, null, null)).message).toBe("dealAmount is empty: enter a number");
  });
  it.each([
    ["pioneer", 1.3],
    ["稳定型", 1],
    ["replica", 0.6],
    [0.9, 0.9],
  ])("project type %s has coefficient %s", (type, c) => {
    // 100000 × 0.5% × c × 100/100 × 1
    expect(f.project(100000, type, 100, null, null)).toBe(500 * c);
  });
  it("names an unknown project type", () => {
    const e = errorOf(() => f.project(100000, "大型", 80, null, null));
    expect(e.code).toBe("#VALUE!");
    expect(e.message).toContain('type "大型" is not a project type');
  });
  it("rejects a quality above 100", () => {
    expect(errorOf(() => f.project(100000, 1, 120, null, null)).message).toContain("quality is 120");
  });
});

describe("QTARGET", () => {
  it("takes a custom split", () => {
    expect(f.qtarget(1000, 2, [[0.1, 0.2, 0.3, 0.4]])).toBe(200);
  });
  it("accepts the quarter as Q3", () => {
    expect(f.qtarget(1160, "Q3", null as never)).toBe(348);
  });
  it("accepts the quarter as a period written the Chinese way, 2026年第2季度 (SPEC §3)", () => {
    // Q2's share is 25%: 1160 × 0.25 = 290.
    expect(f.qtarget(1160, "2026年第2季度", null as never)).toBe(290);
  });
  it("says a month given as the quarter is a month", () => {
    expect(errorOf(() => f.qtarget(1160, "2026-04", null as never)).message).toBe(
      'quarter "2026-04" is a month: enter 1, 2, 3 or 4, or a quarter such as 2026-Q2',
    );
  });
  it("says a split summing to 100 should be percents", () => {
    expect(errorOf(() => f.qtarget(1000, 1, [[15, 25, 30, 30]])).message).toContain("split sums to 100");
  });
  it("refuses a negative annual target, as KPI.COMPLETION refuses a target of 0 or less", () => {
    const e = errorOf(() => f.qtarget(-1160, 2, null as never));
    expect(e.code).toBe("#NUM!");
    expect(e.message).toBe("annual is -1160: it cannot be negative; enter 0 or more");
  });
  it("names a split that does not sum to 1", () => {
    expect(errorOf(() => f.qtarget(1000, 1, [[0.15, 0.25, 0.3, 0.2]])).message).toContain("split sums to 0.9");
  });
  it("rejects quarter 5", () => {
    expect(errorOf(() => f.qtarget(1000, 5, null as never)).code).toBe("#NUM!");
  });
});

describe("STREAK", () => {
  it("counts the misses back from the last value", () => {
    expect(f.streak([[1.1, 0.8, 0.9, 0.7]], null)).toBe(3);
  });
  it("skips trailing blanks (months not yet reported)", () => {
    expect(f.streak([[0.8, 1.2, 0.9, "", ""]], null)).toBe(1);
  });
  it("is 0 when the last period met the threshold", () => {
    expect(f.streak([[0.5, 0.5, 1]], null)).toBe(0);
  });
  it("uses a custom threshold", () => {
    // 0.84 and 0.8 are below 0.85, 0.9 is not: 2
    expect(f.streak([[0.9, 0.8, 0.84]], 0.85)).toBe(2);
  });
  it("ends the run at a blank before the last value, as a met target ends it", () => {
    // Counted back from 0.7: 0.7 < 1 (1), then a blank, which holds no attainment below 1: 1.
    expect(f.streak([[0.8, "", 0.7]], null)).toBe(1);
    // A joiner in March: 0.6, 0.7, 0.8 are below 1, the blanks before them end the run: 3.
    expect(f.streak([["", null, 0.8, 0.7, 0.6]], null)).toBe(3);
  });
  it("is 0 for a range with no value at all", () => {
    expect(f.streak([["", null]], null)).toBe(0);
  });
  it("refuses text among the attainments, naming its cell", () => {
    expect(errorOf(() => f.streak([[0.8, "n/a", 0.7]], null)).message).toContain("attainments cell 2");
  });
});

describe("an optional range with every cell blank", () => {
  it("takes the default tiers, as a blank optional number takes its default", () => {
    // 150000 of 200000 = 75% attainment: default tier ≥ 0.5 → 0.7; 150000 × 0.02 × 0.7 = 2100.
    expect(f.commission(150000, 200000, 0.02, [[""], [null]], null)).toBe(2100);
  });
  it("takes the default grade bands", () => {
    // 95 ≥ 91: 优秀 in the default bands.
    expect(f.grade(95, [[null, ""]])).toBe("优秀");
  });
  it("takes the default quarterly split", () => {
    // Q2's default share is 25%: 1160 × 0.25 = 290.
    expect(f.qtarget(1160, 2, [["", "", "", ""]])).toBe(290);
  });
  it("still refuses a range with something in it that is not a band", () => {
    // A label with no min score: the row is a band, and its min is missing.
    expect(errorOf(() => f.grade(95, [["", "优秀"]])).message).toContain("bands row 1 min score");
  });
});

describe("a result beyond Excel's numbers", () => {
  it("is #NUM! with a message, not Infinity", () => {
    // (1e300 − 0.7·1e-300) / (0.3·1e-300) ≈ 3.3e600, far past a double's 1.8e308.
    const e = errorOf(() => f.completion(1e300, 1e-300, null));
    expect(e.code).toBe("#NUM!");
    expect(e.message).toContain("beyond the largest number");
  });
});

describe("RANK", () => {
  it("ranks densely: 95, 90, 90, 80 → 1, 2, 2, 3", () => {
    const values = [[95], [90], [90], [80]];
    expect([95, 90, 80].map((v) => f.rank(v, values, null))).toEqual([1, 2, 3]);
  });
  it("ranks ascending when asked", () => {
    expect(f.rank(80, [[95], [90], [90], [80]], true)).toBe(1);
  });
  it("skips blank cells", () => {
    expect(f.rank(90, [[95], [""], [90]], null)).toBe(2);
  });
  it("gives #N/A for a value not among the values", () => {
    const e = errorOf(() => f.rank(70, [[95], [90]], null));
    expect(e.code).toBe("#N/A");
    expect(e.message).toContain("not among values");
  });
});

describe("UNITS", () => {
  it("with a blank target pays per unit only (fines: perUnit negative)", () => {
    // 3 inspection failures × −100
    expect(f.units(3, "", -100, null, null, null)).toBe(-300);
  });
  it("adds perOver for units above target", () => {
    // 12×50 + 2×300 + 100 = 1300
    expect(f.units(12, 10, 50, 50, 300, 100)).toBe(1300);
  });
  it("pays 0, not −0, for no units at a negative rate", () => {
    // 0 × −50 = 0; decimal.js keeps the sign (−0), which a cell would show as −0.00.
    expect(Object.is(f.units(0, null, -50, null, null, null), 0)).toBe(true);
  });
  it("rejects a negative perShort and says to enter it positive", () => {
    expect(errorOf(() => f.units(10, 12, 30, -15, null, null)).message).toContain("perShort is -15");
  });
});

describe("Excel errors", () => {
  /** Excel's CustomFunctions.Error, as a stand-in: the code and message the cell would get. */
  class FakeError {
    constructor(
      public code: string,
      public message: string,
    ) {}
  }
  /** What fn throws while Excel's custom-functions runtime (its Error class and codes) is present. */
  function thrownInExcel(fn: () => unknown): unknown {
    const g = globalThis as unknown as { CustomFunctions?: unknown };
    g.CustomFunctions = { Error: FakeError, ErrorCode: { invalidValue: "#VALUE!", invalidNumber: "#NUM!", divisionByZero: "#DIV/0!", notAvailable: "#N/A" } };
    try {
      fn();
      return undefined;
    } catch (e) {
      return e;
    } finally {
      delete g.CustomFunctions;
    }
  }

  it("throws the runtime's CustomFunctions.Error when Excel provides it", () => {
    const thrown = thrownInExcel(() => f.completion(1, 0, null));
    expect(thrown).toBeInstanceOf(FakeError);
    expect((thrown as FakeError).code).toBe("#DIV/0!");
  });
  it("shows a #NUM! as #VALUE! inside Excel, where only #VALUE! and #N/A carry a message", () => {
    // SPEC §1: the error says "40 looks like a percent: enter 40% or 0.4"; Excel would drop it from a #NUM!.
    expect(thrownInExcel(() => f.bonus(36000, 1, 92, 40, null, null))).toEqual(new FakeError("#VALUE!", "rate: 40 looks like a percent: enter 40% or 0.4"));
    // Called directly, the error keeps its kind.
    expect(errorOf(() => f.bonus(36000, 1, 92, 40, null, null)).code).toBe("#NUM!");
  });
  it("speaks Chinese when Excel's display language is Chinese", () => {
    const g = globalThis as unknown as { Office?: unknown };
    g.Office = { context: { displayLanguage: "zh-CN" } };
    try {
      expect(errorOf(() => f.bonus(1, 1, 1, 40, null, null)).message).toBe("rate：40 看起来是百分数：请输入 40% 或 0.4");
    } finally {
      delete g.Office;
    }
  });
  it("names a cell of a range in Chinese too, the argument's own name kept", () => {
    const g = globalThis as unknown as { Office?: unknown };
    g.Office = { context: { displayLanguage: "zh-CN" } };
    try {
      expect(errorOf(() => f.grade(85, [["A", 90]] as never)).message).toBe('bands 第 1 行的最低分是文本 "A"，不是数字：请输入数字');
      expect(errorOf(() => f.commission(150000, 200000, 0.02, [["x", 1]] as never, null)).message).toBe(
        'tiers 第 1 行的最低完成率是文本 "x"，不是数字：请输入数字',
      );
      expect(errorOf(() => f.weighted([[101, 80]], [[30, 70]])).message).toMatch(/^scores 第 1 个单元格为 101：/);
      expect(errorOf(() => f.tasks(100, [[30]] as never, [["完成"]] as never, [["临时"]] as never)).message).toMatch(/^kinds 第 1 个单元格 "临时" 不是/);
    } finally {
      delete g.Office;
    }
  });
});
