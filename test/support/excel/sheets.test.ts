/**
 * Worksheets, addresses and the smaller range features: names, address quoting, geometry, clearing, formats,
 * freeze panes, conditional formats, charts and selection.
 */
import { describe, expect, it } from "vitest";
import { createExcelDouble, quoteSheetName } from "./index";

describe("sheet names in addresses", () => {
  it("quotes names as Excel does in references", () => {
    // Rules as documented for rust_xlsxwriter's quote_sheet_name (see address.ts): plain names stay bare.
    const cases: [string, string][] = [
      ["Sheet1", "Sheet1"],
      ["Results", "Results"],
      ["结果", "结果"],
      ["Sheet.2", "Sheet.2"],
      ["_x", "_x"],
      ["Results (2)", "'Results (2)'"],
      ["Q2 bonus", "'Q2 bonus'"],
      ["Sheet-1", "'Sheet-1'"],
      ["Bob's", "'Bob''s'"],
      ["2026", "'2026'"],
      [".x", "'.x'"],
      ["A1", "'A1'"],
      ["xfd1048576", "'xfd1048576'"],
      ["R2D2", "'R2D2'"],
      ["C3PO", "'C3PO'"],
      ["RC", "'RC'"],
      ["XFE1", "XFE1"],
      ["A1048577", "A1048577"],
    ];
    expect(cases.map(([name]) => quoteSheetName(name))).toEqual(cases.map(([, quoted]) => quoted));
  });

  it("gives Range.address with the sheet, quoted when needed", async () => {
    // Range.address "contains the sheet reference (e.g., "Sheet1!A1:B4")" (docs-ref excel.range.yml).
    const d = createExcelDouble({ sheets: ["Results (2)"] });
    await d.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Results (2)");
      const cell = sheet.getRange("b2").load("address");
      const block = sheet.getRangeByIndexes(1, 1, 3, 2).load("address");
      const column = sheet.getRange("C:C").load("address");
      await context.sync();
      expect([cell.address, block.address, column.address]).toEqual(["'Results (2)'!B2", "'Results (2)'!B2:C4", "'Results (2)'!C:C"]);
    });
  });
});

describe("worksheets", () => {
  it("adds sheets at the end without activating them, with Sheet numbering when unnamed", async () => {
    // "The worksheet will be added at the end … If you wish to activate the newly added worksheet, call .activate()".
    const d = createExcelDouble();
    await d.run(async (context) => {
      context.workbook.worksheets.add("Data");
      context.workbook.worksheets.add();
      const active = context.workbook.worksheets.getActiveWorksheet().load("name");
      await context.sync();
      expect(active.name).toBe("Sheet1");
    });
    expect(d.book.sheetNames()).toEqual(["Sheet1", "Data", "Sheet3"]);
  });

  it("refuses a duplicate name (any case) with ItemAlreadyExists and a bad name with InvalidArgument", async () => {
    for (const [name, code] of [
      ["sheet1", "ItemAlreadyExists"],
      ["a/b", "InvalidArgument"],
      ["x".repeat(32), "InvalidArgument"],
      ["'quoted'", "InvalidArgument"],
      ["History", "InvalidArgument"],
    ]) {
      const d = createExcelDouble();
      await expect(
        d.run(async (context) => {
          context.workbook.worksheets.add(name);
          await context.sync();
        }),
      ).rejects.toMatchObject({ code });
    }
  });

  it("renames, moves and deletes sheets, and their tables go with them", async () => {
    const d = createExcelDouble({ sheets: ["A", "B", "C"] });
    d.book.addTable("C", "A1", "T", ["x"], [[1]]);
    await d.run(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.getItem("A").name = "First";
      sheets.getItem("B").position = 0;
      sheets.getItem("C").delete();
      await context.sync();
    });
    expect([d.book.sheetNames(), d.book.table("T")]).toEqual([["B", "First"], undefined]);
  });

  it("returns the top-left cell as the used range of a blank sheet, and a null object from the OrNullObject form", async () => {
    // docs-ref excel.worksheet.yml getUsedRange: "If the entire worksheet is blank, this function will return the top left cell".
    const d = createExcelDouble();
    await d.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      const used = sheet.getUsedRange().load("address");
      const maybe = sheet.getUsedRangeOrNullObject(true);
      await context.sync();
      expect([used.address, maybe.isNullObject]).toEqual(["Sheet1!A1", true]);
    });
  });

  it("freezes header rows and reports where", async () => {
    const d = createExcelDouble();
    await d.run(async (context) => {
      const panes = context.workbook.worksheets.getItem("Sheet1").freezePanes;
      const none = panes.getLocationOrNullObject();
      await context.sync();
      panes.freezeRows(1);
      const at = panes.getLocationOrNullObject().load("address");
      await context.sync();
      expect([none.isNullObject, at.address]).toEqual([true, "Sheet1!1:1"]);
    });
    expect(d.book.snapshot()).toMatchObject({ sheets: [{ frozenRows: 1, frozenColumns: 0 }] });
  });
});

describe("ranges", () => {
  it("derives ranges: cell, resized, offset, rows below, last row", async () => {
    const d = createExcelDouble();
    await d.run(async (context) => {
      const base = context.workbook.worksheets.getItem("Sheet1").getRange("B2:D5");
      const got = [base.getCell(1, 2), base.getResizedRange(1, -1), base.getOffsetRange(-1, 1), base.getRowsBelow(2), base.getLastRow(), base.getColumn(0)];
      got.forEach((r) => r.load("address"));
      await context.sync();
      expect(got.map((r) => r.address)).toEqual(["Sheet1!D3", "Sheet1!B2:C6", "Sheet1!C1:E4", "Sheet1!B6:D7", "Sheet1!B5:D5", "Sheet1!B2:B5"]);
    });
  });

  it("fails a range pushed off the grid", async () => {
    // getOffsetRange: "If the resulting range is forced outside the bounds of the worksheet grid, an error will be thrown."
    const d = createExcelDouble();
    await expect(
      d.run(async (context) => {
        context.workbook.worksheets.getItem("Sheet1").getRange("A1").getOffsetRange(-1, 0).load("address");
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "InvalidArgument" });
  });

  it("clears contents, formats or all", async () => {
    const d = createExcelDouble();
    d.book.setCells("Sheet1", "A1", [[1, 2, 3]], [["0.0", "0.0", "0.0"]]);
    await d.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      sheet.getRange("A1").clear("Contents");
      sheet.getRange("B1").clear("Formats");
      sheet.getRange("C1").clear();
      await context.sync();
    });
    expect(["A1", "B1", "C1"].map((a) => d.book.cell("Sheet1", a)).map((c) => [c.value, c.numberFormat])).toEqual([
      ["", "0.0"],
      [2, "General"],
      ["", "General"],
    ]);
  });

  it("sets and reads formats, giving null where the cells differ", async () => {
    const d = createExcelDouble();
    await d.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      const range = sheet.getRange("A1:B1");
      range.format.font.bold = true;
      range.format.fill.color = "orange";
      sheet.getRange("A1").format.font.color = "#ff0000";
      range.format.columnWidth = 80;
      range.format.horizontalAlignment = "Center";
      await context.sync();
      const read = sheet.getRange("A1:B1").load("format/font/bold, format/font/color, format/fill/color, format/columnWidth, format/horizontalAlignment");
      await context.sync();
      expect([read.format.font.bold, read.format.font.color, read.format.fill.color, read.format.columnWidth, read.format.horizontalAlignment]).toEqual([
        true,
        null,
        "#FFA500",
        80,
        "Center",
      ]);
    });
  });

  it("records auto-fitted columns", async () => {
    const d = createExcelDouble();
    d.book.setCells("Sheet1", "A1", [["a long piece of text", "x"]]);
    await d.run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("A1:B1").format.autofitColumns();
      await context.sync();
    });
    expect(d.book.snapshot()).toMatchObject({ sheets: [{ autofitColumns: ["A", "B"] }] });
  });

  it("writes a hyperlink with its text, and selects a range on its sheet", async () => {
    const d = createExcelDouble({ sheets: ["Sheet1", "Issues"] });
    await d.run(async (context) => {
      const cell = context.workbook.worksheets.getItem("Issues").getRange("A2");
      cell.hyperlink = { documentReference: "'Sheet1'!B3", textToDisplay: "Sheet1!B3" };
      cell.select();
      await context.sync();
    });
    expect(d.book.cell("Issues", "A2")).toMatchObject({ value: "Sheet1!B3", hyperlink: { documentReference: "'Sheet1'!B3" } });
    expect(d.book.snapshot()).toMatchObject({ activeSheet: "Issues", selection: "Issues!A2" });
  });
});

describe("conditional formats and charts", () => {
  it("keeps custom and cell-value rules with their formats", async () => {
    const d = createExcelDouble();
    await d.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Sheet1").getRange("A2:A10");
      const custom = range.conditionalFormats.add("Custom");
      custom.custom.rule.formula = '=$Q2="Error"';
      custom.custom.format.fill.color = "#FFC7CE";
      const low = range.conditionalFormats.add("CellValue");
      low.cellValue.rule = { formula1: "60", operator: "LessThan" };
      low.cellValue.format.font.color = "red";
      await context.sync();
    });
    const [cellValue, custom] = (d.book.snapshot() as { sheets: { conditionalFormats: unknown[] }[] }).sheets[0]!.conditionalFormats;
    expect(custom).toMatchObject({ type: "Custom", range: "A2:A10", priority: 1, rule: { formula: '=$Q2="Error"' }, format: { fill: "#FFC7CE" } });
    expect(cellValue).toMatchObject({ type: "CellValue", priority: 0, rule: { formula1: "60", operator: "LessThan" }, format: { fontColor: "#FF0000" } });
  });

  it("clears the conditional formats that touch a range", async () => {
    const d = createExcelDouble();
    await d.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      sheet.getRange("A1:A5").conditionalFormats.add("Custom").custom.rule.formula = "=TRUE";
      sheet.getRange("C1:C5").conditionalFormats.add("Custom").custom.rule.formula = "=TRUE";
      await context.sync();
      sheet.getRange("A3").conditionalFormats.clearAll();
      const left = sheet.getRange("A1:C5").conditionalFormats.getCount();
      await context.sync();
      expect(left.value).toBe(1);
    });
  });

  it("keeps a chart's type, source, titles and position", async () => {
    const d = createExcelDouble();
    d.book.setCells("Sheet1", "A1", [
      ["Grade", "Count"],
      ["A", 3],
      ["B", 5],
    ]);
    await d.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      const chart = sheet.charts.add("ColumnClustered", sheet.getRange("A1:B3"), "Auto");
      chart.title.text = "Grades";
      chart.axes.valueAxis.title.text = "People";
      chart.setPosition("D2", "J15");
      chart.series.load("items/name");
      await context.sync();
      expect(chart.series.items.map((s) => s.name)).toEqual(["Count"]);
    });
    expect(d.book.snapshot()).toMatchObject({
      sheets: [
        {
          charts: [
            {
              name: "Chart 1",
              type: "ColumnClustered",
              source: "A1:B3",
              seriesBy: "Columns",
              title: { text: "Grades", visible: true },
              valueAxisTitle: { text: "People" },
              position: { startCell: "D2", endCell: "J15" },
            },
          ],
        },
      ],
    });
  });
});
