import { describe, expect, it } from "vitest";
import { daysInclusive, parseDate, parsePeriod, periodText, quarterEnd, quarterStart } from "../../src/engine/periods";

describe("periods", () => {
  it.each([
    ["2026-Q2", "2026-Q2"],
    ["2026Q2", "2026-Q2"],
    ["2026 q3", "2026-Q3"],
    ["2026年第2季度", "2026-Q2"],
    ["2026年第二季度", "2026-Q2"],
    ["2026-04", "2026-04"],
    ["2026/4", "2026-04"],
    ["2026年4月", "2026-04"],
    ["2026", "2026"],
  ])("reads %s as %s", (text, canonical) => {
    expect(periodText(parsePeriod(text)!)).toBe(canonical);
  });
  it("reads a date typed as text as its month", () => {
    expect(periodText(parsePeriod("2026-06-15")!)).toBe("2026-06");
    expect(periodText(parsePeriod("2028-02-29")!)).toBe("2028-02"); // 2028 is a leap year
  });
  // SPEC §3: a month is 2026-04 or a real date; 2026-13-05 is neither, and read as 2027-01 it paid a Sales row in the wrong year.
  it.each(["2026-13-05", "2026-00-15", "2026-06-31", "2026-04-00", "2026-06-99", "2027-02-29"])("rejects the impossible date %s as a period", (text) => {
    expect(parsePeriod(text)).toBeNull();
  });
  it("reads a date cell as its month", () => {
    expect(periodText(parsePeriod(new Date(Date.UTC(2026, 3, 15)))!)).toBe("2026-04");
  });
  it("reads the number 2026 as the year", () => {
    expect(periodText(parsePeriod(2026)!)).toBe("2026");
  });
  it.each(["2026-13", "2026-Q5", "Q2", "next quarter", ""])("rejects %s", (text) => {
    expect(parsePeriod(text)).toBeNull();
  });
  it("counts Q2 2026 as 91 days and Q1 as 90 (28-day February)", () => {
    expect(daysInclusive(quarterStart(2026, 2), quarterEnd(2026, 2))).toBe(91);
    expect(daysInclusive(quarterStart(2026, 1), quarterEnd(2026, 1))).toBe(90);
    expect(daysInclusive(quarterStart(2028, 1), quarterEnd(2028, 1))).toBe(91); // 2028 is a leap year
  });
  it("reads dates typed as text, and Excel date serials", () => {
    expect(parseDate("2026-05-01")).toEqual(new Date(Date.UTC(2026, 4, 1)));
    expect(parseDate("2026年5月1日")).toEqual(new Date(Date.UTC(2026, 4, 1)));
    expect(parseDate(46143)).toEqual(new Date(Date.UTC(2026, 4, 1))); // 46143 days after 1899-12-30
    expect(parseDate("2026-02-30")).toBeNull();
    // Typed with a Chinese input method's full-width digits and dash, as periods already are read.
    expect(parseDate("２０２６－０５－０６")).toEqual(new Date(Date.UTC(2026, 4, 6)));
  });
  it("takes no date outside Excel's 1900–9999, such as 20260506 typed into a date-formatted cell", () => {
    // 20260506 as a serial is a day in the year 57371: Excel shows #####, and it is no JoinDate.
    expect(parseDate(20260506)).toBeNull();
    expect(parseDate(new Date(Date.UTC(57371, 4, 1)))).toBeNull();
    expect(parseDate(new Date(Date.UTC(1899, 11, 31)))).toBeNull();
    expect(parseDate(new Date(Date.UTC(9999, 11, 31)))).toEqual(new Date(Date.UTC(9999, 11, 31)));
  });
});

describe("a quarter written with 年 and Q", () => {
  it("reads 2026年Q2 and 2026年 Q2 as 2026-Q2", () => {
    for (const text of ["2026年Q2", "2026年 Q2", "2026年q2"]) expect(parsePeriod(text)).toEqual({ kind: "quarter", year: 2026, quarter: 2 });
  });
});

describe("a date cell's serial number", () => {
  it("is a date up to 9999-12-31 of the workbook's own date system, and no date past it", () => {
    // 9999-12-31 is serial 2958465 counted from 1900 and 2958465 − 1462 = 2957003 counted from 1904.
    expect(parseDate(2958465)).toEqual(new Date(Date.UTC(9999, 11, 31)));
    expect(parseDate(2958466)).toBeNull();
    expect(parseDate(2957003, true)).toEqual(new Date(Date.UTC(9999, 11, 31)));
    // A serial Excel shows as ##### in a 1904 workbook is not taken as a day in the year 10002.
    expect(parseDate(2958000, true)).toBeNull();
  });
});
