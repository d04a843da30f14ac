import fc from "fast-check";
import { describe, expect, it } from "vitest";
import * as cells from "../../src/engine/cells";
import { D, compare } from "../../src/engine/decimal";
import * as rules from "../../src/engine/rules";

/** Decimals with up to 4 places in [lo, hi], built from integers so they are exact in decimal. */
const decimalIn = (lo: number, hi: number, places = 4) =>
  fc.integer({ min: Math.round(lo * 10 ** places), max: Math.round(hi * 10 ** places) }).map((n) => new D(n).dividedBy(10 ** places));

/** Money results never have more than 2 decimal places when read back as a cell value. */
const cents = (x: number) => new D(String(x)).decimalPlaces() <= 2;

describe("STEP", () => {
  it("never gives fewer points when the actual rises", () => {
    fc.assert(
      fc.property(
        decimalIn(0, 2),
        decimalIn(0, 2),
        decimalIn(0.5, 2),
        decimalIn(0.001, 0.2),
        decimalIn(0, 5),
        decimalIn(0.001, 0.2),
        decimalIn(0, 5),
        (a, b, standard, stepBelow, pointsBelow, stepAbove, pointsAbove) => {
          const [lo, hi] = a.lessThan(b) ? [a, b] : [b, a];
          const score = (actual: D) => rules.step({ actual, standard, weight: new D(20), stepBelow, pointsBelow, stepAbove, pointsAbove }).points;
          expect(score(hi).greaterThanOrEqualTo(score(lo))).toBe(true);
        },
      ),
    );
  });
});

describe("COMPLETION", () => {
  it("is never below 0 and never falls when the actual rises", () => {
    fc.assert(
      fc.property(decimalIn(-1000, 5000, 2), decimalIn(-1000, 5000, 2), decimalIn(1, 3000, 2), decimalIn(0, 0.99, 2), (a, b, target, taskBase) => {
        const [lo, hi] = a.lessThan(b) ? [a, b] : [b, a];
        const cLo = rules.completion(lo, target, taskBase);
        const cHi = rules.completion(hi, target, taskBase);
        expect(cLo.isNegative() && !cLo.isZero()).toBe(false);
        expect(cHi.greaterThanOrEqualTo(cLo)).toBe(true);
      }),
    );
  });
});

describe("BONUS", () => {
  it("is linear in the base: bonus(k·base) = k·bonus(base) to the cent", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 100000 }),
        fc.integer({ min: 1, max: 20 }),
        decimalIn(0, 3),
        decimalIn(0, 120, 2),
        decimalIn(0, 1, 2),
        (base, k, completion, score, rate) => {
          // With an integer base (whole yuan) and k an integer the unrounded bonus scales exactly; the
          // rounded ones may differ by at most k half-cents from rounding the smaller one.
          const one = rules.bonus(new D(base), completion, score, rate);
          const many = rules.bonus(new D(base).times(k), completion, score, rate);
          expect(many.minus(one.times(k)).abs().lessThanOrEqualTo(new D("0.005").times(k))).toBe(true);
        },
      ),
    );
  });
  it("is 0 at zero completion", () => {
    fc.assert(
      fc.property(decimalIn(0, 1e6, 2), decimalIn(0, 120, 2), decimalIn(0, 1, 2), (base, score, rate) => {
        expect(rules.bonus(base, new D(0), score, rate).isZero()).toBe(true);
      }),
    );
  });
});

describe("money results", () => {
  it("never carry more than 2 decimals", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1e7, noNaN: true }),
        fc.double({ min: 0.01, max: 1e7, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 3, noNaN: true }),
        fc.double({ min: 0, max: 100, noNaN: true }),
        (actual, target, rate, completion, score) => {
          expect(cents(cells.bonus(actual, completion, score, rate, null, null))).toBe(true);
          expect(cents(cells.commission(actual, target, rate, null, false))).toBe(true);
          expect(cents(cells.commission(actual, target, rate, null, true))).toBe(true);
          expect(cents(cells.bigDeal(actual, target, null, rate))).toBe(true);
          expect(cents(cells.project(actual, 1.3, score, completion, rate))).toBe(true);
          expect(cents(cells.units(actual, target, rate * 100, rate, rate, completion))).toBe(true);
        },
      ),
    );
  });
});

describe("marginal COMMISSION", () => {
  it("never pays less for more sales", () => {
    const tierList = fc.uniqueArray(fc.tuple(decimalIn(0, 2, 2), decimalIn(0, 2, 2)), { minLength: 1, maxLength: 5, selector: (t) => t[0].toFixed() });
    fc.assert(
      fc.property(decimalIn(0, 1e6, 2), decimalIn(0, 1e6, 2), decimalIn(1, 1e6, 2), decimalIn(0, 1, 3), tierList, (a, b, target, rate, tiers) => {
        const [lo, hi] = a.lessThan(b) ? [a, b] : [b, a];
        const t = tiers.map(([minAttainment, multiplier]) => ({ minAttainment, multiplier }));
        expect(rules.commission(hi, target, rate, t, true).greaterThanOrEqualTo(rules.commission(lo, target, rate, t, true))).toBe(true);
      }),
    );
  });
});

describe("compare", () => {
  it("orders decimals exactly as decimal.js's comparedTo", () => {
    const value = fc.oneof(
      decimalIn(-1e6, 1e6, 4),
      decimalIn(-1, 1, 12),
      fc.constantFrom(new D(0), new D("-0"), new D(1e20), new D("1e-20"), new D(Infinity), new D(-Infinity)),
    );
    fc.assert(
      fc.property(value, value, (a, b) => {
        expect(compare(a, b)).toBe(a.comparedTo(b));
        expect(compare(a, new D(a))).toBe(0); // an equal value that is another object
      }),
    );
  });
});

describe("TASKS", () => {
  const statuses = ["Done", "Late", "NotAsRequired", "NotDone"] as const; // from least to most lost
  const task = fc.record({
    kind: fc.constantFrom("Daily" as const, "Exception" as const),
    status: fc.constantFrom(...statuses),
    points: decimalIn(0.5, 50, 2),
  });
  const list = fc
    .array(task, { minLength: 1, maxLength: 12 })
    .filter((l) => l.some((t) => t.kind === "Daily") && l.filter((t) => t.kind === "Exception").length <= 4);

  it("lies between 0 and the weight, the whole weight when every task is done", () => {
    fc.assert(
      fc.property(decimalIn(0, 200, 2), list, (weight, tasks) => {
        const points = rules.tasks(weight, tasks).points;
        expect(points.greaterThanOrEqualTo(0) && points.lessThanOrEqualTo(weight)).toBe(true);
        expect(
          rules
            .tasks(
              weight,
              tasks.map((t) => ({ ...t, status: "Done" as const })),
            )
            .points.equals(weight),
        ).toBe(true);
      }),
    );
  });

  it("never scores more when one task does worse", () => {
    fc.assert(
      fc.property(decimalIn(0, 200, 2), list, fc.nat(), (weight, tasks, pick) => {
        const i = pick % tasks.length;
        const worse = statuses[Math.min(statuses.indexOf(tasks[i].status) + 1, statuses.length - 1)];
        const after = tasks.map((t, j) => (j === i ? { ...t, status: worse } : t));
        expect(rules.tasks(weight, after).points.lessThanOrEqualTo(rules.tasks(weight, tasks).points)).toBe(true);
      }),
    );
  });
});
