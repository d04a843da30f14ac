/** Going to an issue's cell inside Excel, on the Excel double: the sheet of the table activated, the cell selected. */
import { describe, expect, it } from "vitest";
import { selectCell } from "../../../src/workbook/office/select";
import { createExcelDouble } from "../../support/excel";

function book() {
  const d = createExcelDouble({ sheets: ["Sheet1"] });
  d.book.addTable(
    "员工",
    "B3",
    "Employees",
    ["员工编号", "姓名"],
    [
      ["P001", "张伟"],
      ["P002", "李娜"],
    ],
  );
  d.book.addTable("实际值", "A1", "Actuals", ["员工编号", "考核周期"], [["P001", "2026-Q2"]]);
  return d;
}

const snapshot = (d: ReturnType<typeof createExcelDouble>) => d.book.snapshot() as { activeSheet: string; selection: string };

describe("selecting an issue's cell", () => {
  it("activates the table's sheet and selects the cell", async () => {
    const d = book();
    expect(await selectCell(d, "Employees", "C5")).toEqual({ sheet: "员工", address: "C5" });
    expect(snapshot(d)).toMatchObject({ activeSheet: "员工", selection: "员工!C5" });
  });

  it("selects a range, with or without $ signs or the sheet's name", async () => {
    const d = book();
    expect(await selectCell(d, "Actuals", "$A$2:B2")).toEqual({ sheet: "实际值", address: "A2:B2" });
    expect(await selectCell(d, "Employees", "'员工'!B4")).toEqual({ sheet: "员工", address: "B4" });
  });

  it("selects the whole table when the issue has no cell", async () => {
    const d = book();
    expect(await selectCell(d, "Employees", "")).toEqual({ sheet: "员工", address: "B3:C5" });
  });

  it("finds a table the workbook lost on the sheet of its Chinese name", async () => {
    const d = createExcelDouble({ sheets: ["员工"] });
    d.book.setCells("员工", "A1", [["员工编号"], ["P001"]]);
    expect(await selectCell(d, "Employees", "A2", ["员工"])).toEqual({ sheet: "员工", address: "A2" });
  });

  it("selects what the lost table's sheet holds when the issue has no cell", async () => {
    const d = createExcelDouble({ sheets: ["员工"] });
    d.book.setCells("员工", "A1", [["员工编号"], ["P001"]]);
    expect(await selectCell(d, "Employees", "", ["员工"])).toEqual({ sheet: "员工", address: "A1:A2" });
  });

  it("finds a table named by its Chinese alias", async () => {
    const d = createExcelDouble({ sheets: ["Sheet1"] });
    d.book.addTable("Sheet1", "A1", "员工表", ["员工编号"], [["P001"]]);
    expect(await selectCell(d, "Employees", "A2", ["员工"])).toEqual({ sheet: "Sheet1", address: "A2" });
  });

  it("says which table is missing, and changes nothing", async () => {
    const d = book();
    const before = d.book.snapshot();
    expect(await selectCell(d, "Deals", "A2")).toEqual({ missing: "Deals" });
    expect(d.book.snapshot()).toEqual(before);
  });
});
