/** The rows the engine hands a host: each value as the cell should hold it. */
import { describe, expect, it } from "vitest";
import { D } from "../../src/engine/decimal";
import { resultRow } from "../../src/engine/output";
import { EmployeeResult } from "../../src/engine/result";

describe("resultRow", () => {
  it("writes a zero amount as 0, never −0", () => {
    // decimal.js keeps the sign of a zero (0 × −300 is −0); a cell holding −0 shows −0.00.
    const minusZero = new D(0).times(-300);
    expect(minusZero.isNeg()).toBe(true);
    const r = {
      employee: { id: "E1", name: "A", department: "D", planName: "P" },
      period: "2026-Q2",
      score: null,
      grade: null,
      rank: null,
      completion: null,
      quarterlyBonus: null,
      dealBonus: null,
      commission: null,
      incentives: minusZero,
      penalties: minusZero,
      adjustments: null,
      totalPay: minusZero,
      status: "OK",
      flags: [],
    } as unknown as EmployeeResult;
    const row = resultRow(r);
    for (const i of [12, 13, 15]) expect(Object.is(row[i], 0)).toBe(true);
  });
});
