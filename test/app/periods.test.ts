/**
 * The quarter the ribbon button recalculates: the latest one someone has Actuals, Ratings or Tasks rows of.
 */
import { describe, expect, it } from "vitest";
import { latestQuarter } from "../../src/app/periods";
import { UnusableWorkbook } from "../../src/engine/recalc";
import { baseRows, workbook } from "../fixtures";

describe("the latest quarter", () => {
  it("is the latest quarter with rows (the fixture has 2026-Q1 and 2026-Q2)", () => {
    expect(latestQuarter(workbook().tables)).toBe("2026-Q2");
  });

  it("is refused where no row has a quarter, saying what to fill in, not to choose among periods there are none of", () => {
    const rows = baseRows();
    // The fixture has no Tasks table.
    for (const t of ["Actuals", "Ratings"]) rows[t] = [];
    const err = (() => {
      try {
        latestQuarter(workbook(rows).tables);
      } catch (e) {
        return e;
      }
      return null;
    })();
    expect(err).toBeInstanceOf(UnusableWorkbook);
    const text = (err as UnusableWorkbook).text;
    expect(text.en).toContain("fill in the Period column of those rows with their quarter");
    expect(text.en).not.toContain("pane");
    expect(text.zh).not.toContain("面板");
  });
});
