/**
 * The model's test-facing side: plain-data import and export, dates in the 1900 system, snapshots.
 */
import { describe, expect, it } from "vitest";
import { createExcelDouble } from "./index";
import { dateToSerial, serialToDate } from "./model/cells";

describe("dates", () => {
  it("counts 1900-01-01 as serial 1 and keeps Excel's 1900-02-29 as serial 60", () => {
    // Microsoft: "Excel incorrectly assumes that the year 1900 is a leap year"; so 1900-03-01 is 61, not 60.
    const utc = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));
    expect([utc(1900, 1, 1), utc(1900, 2, 28), utc(1900, 3, 1), utc(2026, 4, 1)].map(dateToSerial)).toEqual([1, 59, 61, 46113]);
    expect(serialToDate(61).toISOString().slice(0, 10)).toBe("1900-03-01");
    expect(serialToDate(46113.5).toISOString()).toBe("2026-04-01T12:00:00.000Z");
  });
});

describe("plain data", () => {
  it("imports tables with dates as serials formatted yyyy-mm-dd and exports them as Excel hands them", () => {
    const d = createExcelDouble({ sheets: [] });
    d.book.importData({
      sheets: ["输入", "Other"],
      tables: [
        {
          name: "Employees",
          sheet: "输入",
          headerRow: 3,
          firstColumn: 2,
          headers: ["EmployeeId", "JoinDate", "Active"],
          rows: [
            ["E1", new Date(Date.UTC(2026, 3, 1)), true],
            ["E2", null, false],
          ],
        },
      ],
    });
    expect(d.book.exportTables(["employees"])).toEqual({
      sheets: ["输入", "Other"],
      tables: [
        {
          name: "Employees",
          sheet: "输入",
          headerRow: 3,
          firstColumn: 2,
          headers: ["EmployeeId", "JoinDate", "Active"],
          rows: [
            ["E1", 46113, true],
            ["E2", "", false],
          ],
          formats: [
            ["General", "yyyy-mm-dd", "General"],
            ["General", "General", "General"],
          ],
        },
      ],
    });
    expect(d.book.table("Employees")?.address).toBe("B3:D5");
  });

  it("imports a table without rows with one empty body row, as Excel keeps one", () => {
    const d = createExcelDouble({ sheets: [] });
    d.book.importData({ sheets: ["S"], tables: [{ name: "Empty", sheet: "S", headerRow: 1, firstColumn: "A", headers: ["A", "B"], rows: [] }] });
    expect(d.book.table("Empty")).toMatchObject({ address: "A1:B2", rows: [["", ""]] });
  });

  it("shows what the add-in wrote through the API in the export", async () => {
    const d = createExcelDouble();
    await d.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      sheet.getRange("A1:B2").values = [
        ["Period", "Amount"],
        ["2026-Q2", "1,200"],
      ];
      sheet.tables.add("A1:B2", true).name = "Results";
      await context.sync();
    });
    expect(d.book.exportTables(["Results"]).tables[0]).toMatchObject({ rows: [["2026-Q2", 1200]], formats: [["General", "#,##0"]] });
  });
});

describe("snapshots", () => {
  it("are deep copies: later changes do not alter an earlier snapshot", async () => {
    const d = createExcelDouble();
    d.book.addTable("Sheet1", "A1", "T", ["A"], [[1]]);
    const before = d.book.snapshot();
    const copy = JSON.parse(JSON.stringify(before));
    await d.run(async (context) => {
      context.workbook.tables.getItem("T").getDataBodyRange().values = [[2]];
      context.workbook.tables.getItem("T").name = "U";
      await context.sync();
    });
    expect(before).toEqual(copy);
    expect(d.book.snapshot()).not.toEqual(before);
  });
});
