/**
 * Reading tables inside Excel in 4 MB blocks sized by what earlier blocks weighed. The first block is
 * sized by a guess; text far longer than the guess (notes, task descriptions) must not stop the read.
 */
import { describe, expect, it } from "vitest";
import { asTableData, fromExcel, readAll } from "../../../src/workbook/office/read";
import { toExcel } from "../../../src/workbook/office/values";
import { createExcelDouble } from "../../support/excel";

describe("reading a table whose cells are much heavier than guessed", () => {
  it("asks again in smaller blocks when Excel on the web refuses a response over 5 MB, and reads every row", async () => {
    // 11,000 rows of a 160-character Chinese note (480 bytes of UTF-8 each, about 500 as JSON with its
    // quotes and format): the first block, sized at 48 bytes a cell, would ask for some 43,000 cells,
    // about 10 MB, which Excel on the web refuses (ResponsePayloadSizeLimitExceeded).
    const note = "请于季度末前提交周报并附上客户拜访记录".repeat(8).slice(0, 160);
    const rows = Array.from({ length: 11000 }, (_, i) => [`E${i + 1}`, `${note}${i}`]);
    const d = createExcelDouble({ sheets: ["Notes"], platform: "web" });
    d.book.addTable("Notes", "A1", "Notes", ["EmployeeId", "Note"], rows);
    let syncs = 0;
    const read = await d.run((context) => readAll(context, ["Notes"], undefined, () => syncs++));
    const t = read.tables.get("Notes")!;
    expect(t.rows).toHaveLength(11000);
    expect(t.rows[10999]).toEqual(["E11000", `${note}10999`]);
    // 2 syncs for the shapes, then blocks: at least 3 of them for some 11 MB of values.
    expect(syncs).toBeGreaterThanOrEqual(5);
  });
});

describe("a workbook that counts its dates from 1904", () => {
  // 44686 in a date format is 2026-05-06 where serials count from 1904-01-01 (serial 0), as Mac Excel before
  // 2011 saved; in the 1900 system the same number is 2022-05-05 (1,462 days earlier).
  const employees = (date1904: boolean) => {
    const d = createExcelDouble({ sheets: ["Employees"], date1904 });
    d.book.addTable("Employees", "A1", "Employees", ["EmployeeId", "JoinDate"], [["E1", 44686]], [[null, "yyyy-mm-dd"]]);
    return d;
  };

  it("reads a date-formatted serial in the workbook's own system, asking Excel's DATE which one it is", async () => {
    const d = employees(true);
    const read = await d.run((context) => readAll(context, ["Employees"], undefined));
    expect(read.date1904).toBe(true);
    expect(read.tables.get("Employees")!.rows[0][1]).toEqual(new Date(Date.UTC(2026, 4, 6)));
    expect(asTableData(read.tables.get("Employees")!).date1904).toBe(true);
  });

  it("reads the same serial as 2022-05-05 in a 1900 workbook, and says nothing of 1904", async () => {
    const read = await employees(false).run((context) => readAll(context, ["Employees"], undefined));
    expect(read.date1904).toBe(false);
    expect(read.tables.get("Employees")!.rows[0][1]).toEqual(new Date(Date.UTC(2022, 4, 5)));
    expect(asTableData(read.tables.get("Employees")!).date1904).toBeUndefined();
  });

  it("writes a date back as the serial it was read from", () => {
    expect(toExcel(new Date(Date.UTC(2026, 4, 6)), true)).toBe(44686);
    expect(toExcel(new Date(Date.UTC(2026, 4, 6)), false)).toBe(46148);
  });
});

describe("a number in a date-formatted cell", () => {
  it("is a date only where Excel can show it as one, as the .xlsx reader takes it", () => {
    // 46204 is 2026-07-01; −5 and 20260506 (past 9999-12-31, serial 2958465) show as ##### in Excel.
    expect(fromExcel(46204, "yyyy-mm-dd")).toEqual(new Date(Date.UTC(2026, 6, 1)));
    expect(fromExcel(-5, "yyyy-mm-dd")).toBe(-5);
    expect(fromExcel(20260506, "yyyy-mm-dd")).toBe(20260506);
  });

  it("counts the last date from 1904 in a 1904 workbook: 9999-12-31 is serial 2957003 there", () => {
    // 2958465 (9999-12-31 from 1900) less the 1,462 days between the systems' day 0s.
    expect(fromExcel(2957003, "yyyy-mm-dd", true)).toEqual(new Date(Date.UTC(9999, 11, 31)));
    expect(fromExcel(2957004, "yyyy-mm-dd", true)).toBe(2957004);
    expect(fromExcel(-1, "yyyy-mm-dd", true)).toBe(-1);
  });
});
