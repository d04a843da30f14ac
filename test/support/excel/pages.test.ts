/**
 * The double's page breaks and page layout (ExcelApi 1.9), chart series added and pointed at ranges
 * (ExcelApi 1.7) and font sizes: what the Dashboard and the Statements need.
 */
import { describe, expect, it } from "vitest";
import { createExcelDouble } from "./index";

describe("page breaks and page layout", () => {
  it("adds a manual break before a range's top-left cell, counts and removes them", async () => {
    const d = createExcelDouble({ sheets: ["Print"] });
    await d.run(async (context) => {
      const breaks = context.workbook.worksheets.getItem("Print").horizontalPageBreaks;
      breaks.add("A21:E21");
      breaks.add(context.workbook.worksheets.getItem("Print").getRange("C41"));
      breaks.add("A21");
      const count = breaks.getCount();
      breaks.load("items/rowIndex");
      await context.sync();
      // Zero-based rows: a break before row 21 is at index 20; adding it again keeps one.
      expect([count.value, breaks.items.map((b) => b.rowIndex)]).toEqual([2, [20, 40]]);
      breaks.removePageBreaks();
      await context.sync();
    });
    expect((d.book.snapshot() as { sheets: Array<{ pageBreaks: number[] }> }).sheets[0].pageBreaks).toEqual([]);
  });

  it("refuses a break before the first row, and is not there below ExcelApi 1.9", async () => {
    const d = createExcelDouble({ sheets: ["Print"] });
    await expect(
      d.run(async (context) => {
        context.workbook.worksheets.getItem("Print").horizontalPageBreaks.add("A1");
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "InvalidArgument" });
    const old = createExcelDouble({ sheets: ["Print"], apiVersion: "1.8" });
    await expect(old.run(async (context) => void context.workbook.worksheets.getItem("Print").horizontalPageBreaks)).rejects.toMatchObject({
      code: "ApiNotFound",
    });
  });

  it("sets the orientation and the zoom as a whole object", async () => {
    const d = createExcelDouble({ sheets: ["Print"] });
    await d.run(async (context) => {
      const layout = context.workbook.worksheets.getItem("Print").pageLayout;
      layout.orientation = "Landscape";
      layout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 1 };
      layout.load("orientation,zoom");
      await context.sync();
      expect([layout.orientation, layout.zoom]).toEqual(["Landscape", { horizontalFitToPages: 1, verticalFitToPages: 1 }]);
    });
  });
});

describe("chart series and font sizes", () => {
  it("adds a series by name and points it, and the first one, at ranges", async () => {
    const d = createExcelDouble({ sheets: ["My data"] });
    d.book.setCells("My data", "A1", [
      ["Dept", "Pay", "Bonus"],
      ["A", 1, 2],
      ["B", 3, 4],
    ]);
    await d.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("My data");
      const chart = sheet.charts.add("BarClustered", sheet.getRange("B1:B3"), "Columns");
      chart.series.add("Bonus").setValues(sheet.getRange("C2:C3"));
      chart.series.getItemAt(0).setXAxisValues(sheet.getRange("A2:A3"));
      const count = chart.series.getCount();
      await context.sync();
      expect(count.value).toBe(2);
    });
    const chart = (d.book.snapshot() as { sheets: Array<{ charts: Array<{ series: unknown[] }> }> }).sheets[0].charts[0];
    // A single column is one series, named by its first cell; sheet names are quoted as in references.
    expect(chart.series).toEqual([
      { name: "Pay", xAxisValues: "'My data'!A2:A3" },
      { name: "Bonus", values: "'My data'!C2:C3" },
    ]);
  });

  it("sets and reads a font size, 11 by default", async () => {
    const d = createExcelDouble({ sheets: ["S"] });
    await d.run(async (context) => {
      const a1 = context.workbook.worksheets.getItem("S").getRange("A1");
      const b1 = context.workbook.worksheets.getItem("S").getRange("B1");
      a1.format.font.size = 14;
      a1.format.font.load("size");
      b1.format.font.load("size");
      await context.sync();
      expect([a1.format.font.size, b1.format.font.size]).toEqual([14, 11]);
    });
  });
});
