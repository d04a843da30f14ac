/**
 * Table rules of the double (docs-ref `excel.tablecollection.yml`, `excel.table.yml`, `excel.tablerowcollection.yml`;
 * docs-pr `excel/excel-add-ins-tables.md`, `excel/performance.md`; inferences named in model/tables.ts).
 */
import { describe, expect, it } from "vitest";
import { createExcelDouble } from "./index";

function sample() {
  const d = createExcelDouble();
  d.book.addTable(
    "Sheet1",
    "B2",
    "Sales",
    ["Month", "Amount"],
    [
      ["Jan", 10],
      ["Feb", 20],
    ],
  );
  return d;
}

async function fails(d: ReturnType<typeof createExcelDouble>, batch: (c: Excel.RequestContext) => void, code: string) {
  await expect(
    d.run(async (context) => {
      batch(context);
      await context.sync();
    }),
  ).rejects.toMatchObject({ code });
}

describe("adding tables", () => {
  it("takes header names from the first row and gives blank and duplicate headers Excel's names", async () => {
    const d = createExcelDouble();
    d.book.setCells("Sheet1", "A1", [
      ["Name", "", "name", 2026],
      [1, 2, 3, 4],
    ]);
    await d.run(async (context) => {
      context.workbook.tables.add("Sheet1!A1:D2", true).name = "T";
      await context.sync();
    });
    // Blank → Column2 (its position); "name" repeats "Name" ignoring case → "name2"; 2026 becomes text.
    expect(d.book.table("T")?.headers).toEqual(["Name", "Column2", "name2", "2026"]);
  });

  it("names blank headers 列1 in Chinese Excel", async () => {
    const d = createExcelDouble({ displayLanguage: "zh-CN" });
    await d.run(async (context) => {
      const t = context.workbook.worksheets.getItem("Sheet1").tables.add("A1:B3", false);
      t.load("name");
      await context.sync();
      expect(t.name).toBe("表1");
    });
    expect(d.book.table("表1")?.headers).toEqual(["列1", "列2"]);
  });

  it("inserts a header row above a range without headers, pushing the cells below down", async () => {
    // office-js#196: "tables by definition require a header row, and hence the line needs to be moved" (by design).
    const d = createExcelDouble();
    d.book.setCells("Sheet1", "A1", [
      ["a", "b"],
      ["c", "d"],
      ["below", "x"],
    ]);
    await d.run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").tables.add("A1:B2", false).name = "T";
      await context.sync();
    });
    expect(d.book.table("T")).toMatchObject({
      address: "A1:B3",
      headers: ["Column1", "Column2"],
      rows: [
        ["a", "b"],
        ["c", "d"],
      ],
    });
    expect(d.book.cell("Sheet1", "A4").value).toBe("below");
  });

  it("gives a header-only table one empty body row", async () => {
    const d = createExcelDouble();
    await d.run(async (context) => {
      const t = context.workbook.worksheets.getItem("Sheet1").tables.add("A1:C1", true);
      t.name = "T";
      t.rows.load("count");
      await context.sync();
      expect(t.rows.count).toBe(1);
    });
    expect(d.book.table("T")).toMatchObject({ address: "A1:C2", rows: [["", "", ""]] });
  });

  it("fills that empty row first when rows are added, as the docs' seven-row example ends with seven rows", async () => {
    const d = createExcelDouble();
    await d.run(async (context) => {
      const t = context.workbook.worksheets.getItem("Sheet1").tables.add("A1:B1", true);
      t.name = "T";
      t.getHeaderRowRange().values = [["Key", "Value"]];
      t.rows.add(undefined, [
        ["a", 1],
        ["b", 2],
      ]);
      await context.sync();
    });
    expect(d.book.table("T")).toMatchObject({
      address: "A1:B3",
      rows: [
        ["a", 1],
        ["b", 2],
      ],
    });
  });

  it("refuses a table that overlaps another with MergedRangeConflict", async () => {
    // "If the table cannot be added (e.g., … the table would overlap with another table), an error will be thrown."
    const d = sample();
    await fails(d, (c) => void c.workbook.tables.add("Sheet1!C3:D5", true), "MergedRangeConflict");
  });

  it("keeps table names unique without regard to case, and valid", async () => {
    // office-js#551: a duplicate name gives "The argument is invalid or missing or has an incorrect format."
    const d = sample();
    await fails(d, (c) => void (c.workbook.tables.add("Sheet1!F1:F2", true).name = "SALES"), "InvalidArgument");
    for (const bad of ["A1", "R1C1", "2026Q1", "has space", "c"]) {
      await fails(sample(), (c) => void (c.workbook.tables.getItem("Sales").name = bad), "InvalidArgument");
    }
  });
});

describe("resizing", () => {
  it("resizes within the rules of ExcelApi 1.13", async () => {
    const d = sample();
    await d.run(async (context) => {
      context.workbook.tables.getItem("Sales").resize("B2:D5");
      await context.sync();
    });
    // The new column D gets the automatic name Column3 (it is the table's third column).
    expect(d.book.table("Sales")).toMatchObject({ address: "B2:D5", headers: ["Month", "Amount", "Column3"] });
  });

  it("refuses a new range whose header row moved, or that does not overlap the table", async () => {
    // "The new range must overlap with the original table range and the headers … must be in the same row."
    await fails(sample(), (c) => c.workbook.tables.getItem("Sales").resize("B3:C6"), "InvalidArgument");
    await fails(sample(), (c) => c.workbook.tables.getItem("Sales").resize("F2:G5"), "InvalidArgument");
  });

  it("refuses to grow over another table", async () => {
    const d = sample();
    d.book.addTable("Sheet1", "E2", "Other", ["X"], [[1]]);
    await fails(d, (c) => c.workbook.tables.getItem("Sales").resize("B2:E4"), "MergedRangeConflict");
  });
});

describe("rows, columns and writes", () => {
  it("appends rows with index null and inserts rows before an index, shifting cells below", async () => {
    const d = sample();
    d.book.setCells("Sheet1", "B6", [["note"]]);
    await d.run(async (context) => {
      const rows = context.workbook.tables.getItem("Sales").rows;
      rows.add(null as unknown as number, [["Mar", 30]]);
      rows.add(0, [["Dec", 5]]);
      await context.sync();
    });
    expect(d.book.table("Sales")).toMatchObject({
      address: "B2:C6",
      rows: [
        ["Dec", 5],
        ["Jan", 10],
        ["Feb", 20],
        ["Mar", 30],
      ],
    });
    // B6 held "note"; two inserted rows moved it to B8.
    expect(d.book.cell("Sheet1", "B8").value).toBe("note");
  });

  it("grows a table when values are written just below it", async () => {
    // docs-pr excel/performance.md: "set values on table.getDataBodyRange() … The table expands automatically",
    // with the example table.getDataBodyRange().getRowsBelow(1).values = [["C", 3]].
    const d = sample();
    await d.run(async (context) => {
      context.workbook.tables.getItem("Sales").getDataBodyRange().getRowsBelow(1).values = [["Mar", 30]];
      await context.sync();
    });
    expect(d.book.table("Sales")?.address).toBe("B2:C5");
  });

  it("does not grow when auto-expansion is off", async () => {
    const d = createExcelDouble({ tableAutoExpand: false });
    d.book.addTable("Sheet1", "A1", "T", ["A"], [[1]]);
    await d.run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("A3").values = [[2]];
      await context.sync();
    });
    expect(d.book.table("T")?.address).toBe("A1:A2");
  });

  it("renames a header written with a duplicate name", async () => {
    const d = sample();
    await d.run(async (context) => {
      context.workbook.tables.getItem("Sales").getHeaderRowRange().getCell(0, 1).values = [["month"]];
      await context.sync();
    });
    expect(d.book.table("Sales")?.headers).toEqual(["Month", "month2"]);
  });

  it("deletes body rows with Range.delete(Up) and keeps one empty row when all go", async () => {
    const d = sample();
    d.book.setCells("Sheet1", "B6", [["note"]]);
    await d.run(async (context) => {
      context.workbook.tables.getItem("Sales").getDataBodyRange().delete("Up");
      await context.sync();
    });
    expect(d.book.table("Sales")).toMatchObject({ address: "B2:C3", rows: [["", ""]] });
    // Two body rows went, one came back empty: cells below moved up by one (B6 → B5).
    expect(d.book.cell("Sheet1", "B5").value).toBe("note");
  });

  it("refuses a shift that would cut through a table with InsertDeleteConflict", async () => {
    await fails(sample(), (c) => c.workbook.worksheets.getItem("Sheet1").getRange("B1:B1").delete("Up"), "InsertDeleteConflict");
  });

  it("adds a named column and reads columns by name", async () => {
    const d = sample();
    await d.run(async (context) => {
      const columns = context.workbook.tables.getItem("Sales").columns;
      columns.add(undefined, [["Target"], [12], [18]]);
      const target = columns.getItemOrNullObject("target").load("index, values");
      const missing = columns.getItemOrNullObject("Nope");
      await context.sync();
      expect([target.index, target.values, missing.isNullObject]).toEqual([2, [["Target"], [12], [18]], true]);
    });
    expect(d.book.table("Sales")?.address).toBe("B2:D4");
  });

  it("keeps the data on convertToRange and clears it on delete", async () => {
    const kept = sample();
    await kept.run(async (c) => void c.workbook.tables.getItem("Sales").convertToRange());
    expect([kept.book.table("Sales"), kept.book.cell("Sheet1", "B3").value]).toEqual([undefined, "Jan"]);
    const gone = sample();
    await gone.run(async (c) => c.workbook.tables.getItem("Sales").delete());
    expect([gone.book.table("Sales"), gone.book.cell("Sheet1", "B3").value]).toEqual([undefined, ""]);
  });
});
