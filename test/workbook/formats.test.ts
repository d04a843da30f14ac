/**
 * What a cell shows under each output number format, the text column widths are fitted to. Expected
 * texts are what Excel shows for these formats (#,##0.00, 0.00, 0, 0.00%), worked out by hand.
 */
import { describe, expect, it } from "vitest";
import { shownText } from "../../src/workbook/formats";

describe("the text a number shows in an output column", () => {
  it("shows money with thousands separators and two decimals", () => {
    expect(shownText(1234567.8, "money")).toBe("1,234,567.80");
    expect(shownText(-1234.5, "money")).toBe("-1,234.50");
    expect(shownText(0.07, "money")).toBe("0.07");
  });

  it("shows a score with two decimals", () => {
    expect(shownText(87.75, "score")).toBe("87.75");
    expect(shownText(90, "score")).toBe("90.00");
    expect(shownText(-0.5, "score")).toBe("-0.50");
  });

  it("rounds a number that is not whole cents half up, as the format shows it", () => {
    // 2.675 is stored as 2.67499999…; the cell shows the decimal 2.675 rounded half up: 2.68.
    expect(shownText(2.675, "money")).toBe("2.68");
    expect(shownText(9.995, "score")).toBe("10.00");
  });

  it("shows an integer as it is, and a ratio as a percent with two decimals", () => {
    expect(shownText(10000, "integer")).toBe("10000");
    expect(shownText(2.5, "integer")).toBe("3");
    expect(shownText(72 / 87, "ratio")).toBe("82.76%");
  });
});
