/**
 * How the outputs look inside Excel, on the Excel double: number formats by column kind, the frozen
 * header, the table style, widths in points, Status coloured by conditional formatting, Issues.Cell
 * linked to the offending cell, and the Dashboard with its native charts, the same content the app
 * builds for every host (the in-memory workbook keeps it as written).
 */
import { describe, expect, it } from "vitest";
import { runRecalculation } from "../../../src/app/recalculate";
import { OfficeWorkbook } from "../../../src/workbook/office/officeWorkbook";
import { ExcelDouble } from "../../support/excel";
import { doubleOf, hostOf } from "../../support/doubles";
import { PlainTable, memoryOf, scaledSample } from "../../support/scaled";

const NOW = new Date("2026-07-05T09:00:00Z");

/** The sample (12 employees), with P002's MonthlyBase typed as text: an Error with its cell, Employees E3. */
function sample(lang: "en" | "zh" = "en"): PlainTable[] {
  return scaledSample(12, lang).map((t) =>
    t.name === "Employees" ? { ...t, rows: t.rows.map((r, i) => (i === 1 ? r.map((v, j) => (j === 4 ? "abc" : v)) : r)) } : t,
  );
}

/** The chart fields these tests look at. */
type Chart = {
  type: string;
  title: { text: string };
  categoryAxisTitle: { text: string };
  valueAxisTitle: { text: string };
  legend: { visible: boolean };
  position: { startCell: string; endCell: string };
  series: unknown[];
};
type Snapshot = {
  sheets: Array<{
    name: string;
    frozenRows: number;
    columnWidths: Record<string, number>;
    conditionalFormats: Array<{ type: string; range: string; rule: { formula?: string }; format: Record<string, unknown> }>;
    charts: Chart[];
    pageLayout: unknown;
  }>;
  tables: Array<{ name: string; style: string; showBandedRows: boolean }>;
};
const snapshot = (d: ExcelDouble) => d.book.snapshot() as Snapshot;
const sheet = (d: ExcelDouble, name: string) => snapshot(d).sheets.find((s) => s.name === name)!;

async function recalculated(tables = sample(), d = doubleOf(tables)) {
  await runRecalculation(new OfficeWorkbook(hostOf(d)), "2026-Q2", { now: NOW });
  return d;
}

describe("the output tables inside Excel", () => {
  it("show each column by its kind: money #,##0.00, Completion 0.00%, Score 0.00, Rank 0, text @", async () => {
    const d = await recalculated();
    const t = d.book.table("Results")!;
    const format = (h: string) => t.formats[0][t.headers.indexOf(h)];
    expect(["EmployeeId", "Score", "Rank", "Completion", "QuarterlyBonus", "TotalPay", "Status"].map(format)).toEqual([
      "@",
      "0.00",
      "0",
      "0.00%",
      "#,##0.00",
      "#,##0.00",
      "@",
    ]);
    expect(d.book.cell("Results", "A1").numberFormat).toBe("@");
  });

  it("freeze the header row, band the rows in TableStyleMedium2, set the header bold and fit the widths (in points)", async () => {
    const d = await recalculated();
    expect(sheet(d, "Results").frozenRows).toBe(1);
    expect(snapshot(d).tables.find((t) => t.name === "Results")).toMatchObject({ style: "TableStyleMedium2", showBandedRows: true });
    expect(d.book.cell("Results", "A1").style?.bold).toBe(true);
    // TotalPay (column P) fits 12 characters: its header 8 + 4 for the filter button. Excel's width of 12 characters
    // of Calibri 11 is 12 × 7 + 5 = 89 pixels = 66.75 points.
    expect(sheet(d, "Results").columnWidths.P).toBe(66.75);
  });

  it("colour Status by two Custom conditional formats in invariant notation, Error red and Warning amber", async () => {
    const d = await recalculated();
    const cfs = sheet(d, "Results").conditionalFormats.map((cf) => ({
      type: cf.type,
      range: cf.range,
      formula: cf.rule.formula,
      fill: cf.format.fill,
      font: cf.format.fontColor,
    }));
    expect(cfs).toEqual(
      expect.arrayContaining([
        { type: "Custom", range: "Q2:Q13", formula: '=Q2="Error"', fill: "#FFC7CE", font: "#9C0006" },
        { type: "Custom", range: "Q2:Q13", formula: '=Q2="Warning"', fill: "#FFEB9C", font: "#9C5700" },
      ]),
    );
    expect(cfs).toHaveLength(2);
  });

  it("link Issues.Cell to the offending cell on its input table's sheet", async () => {
    const d = await recalculated();
    const issues = d.book.table("Issues")!;
    const row = issues.rows.findIndex((r) => r[issues.headers.indexOf("Cell")] === "E3" && r[issues.headers.indexOf("Table")] === "Employees");
    expect(row).toBeGreaterThanOrEqual(0);
    expect(d.book.cell("Issues", `C${row + 2}`).hyperlink).toEqual({ documentReference: "'Employees'!E3", textToDisplay: "E3" });
  });

  it("keep one pair of status colours, over the new rows, when a second quarter is run", async () => {
    const d = await recalculated();
    await runRecalculation(new OfficeWorkbook(hostOf(d)), "2026-Q1", { now: NOW });
    const cfs = sheet(d, "Results").conditionalFormats;
    // Q1's 11 rows (P003 joined on 2026-05-06, after Q1) and Q2's 12 below the header: rows 2 to 24.
    expect(cfs.map((cf) => cf.range)).toEqual(["Q2:Q24", "Q2:Q24"]);
  });
});

describe("the Dashboard inside Excel", () => {
  it("holds the same tables as the app builds for every host, and two native charts over them", async () => {
    const tables = sample("zh");
    const memory = memoryOf(tables);
    await runRecalculation(memory, "2026-Q2", { now: NOW });
    const built = memory.owned.get("Dashboard")!.content;
    const d = await recalculated(tables);
    for (const t of built.tables) expect(d.book.table(t.name)?.rows, t.name).toEqual(t.rows.map((r) => r.map((v) => v ?? "")));
    expect(d.book.table("Dashboard")?.address).toBe("A4:G7");
    expect(d.book.cell("Dashboard", "A1")).toMatchObject({ value: "KPI 看板 · 2026-Q2", style: { bold: true, fontSize: 14 } });
    const charts = sheet(d, "Dashboard").charts;
    const plans = d.book.table("DashboardPlans")!;
    const grades = plans.headers.slice(7);
    const last = 9 + plans.rows.length;
    expect(
      charts.map((c) => ({ type: c.type, title: c.title.text, category: c.categoryAxisTitle.text, value: c.valueAxisTitle.text, legend: c.legend.visible })),
    ).toEqual([
      { type: "ColumnClustered", title: "各考核方案等级分布 · 2026-Q2", category: "考核方案", value: "人数", legend: true },
      { type: "BarClustered", title: "各部门应发合计 · 2026-Q2", category: "部门", value: "应发合计", legend: false },
    ]);
    // One series per grade column (H onwards), each over the plans' rows, with the plan names as categories.
    expect(charts[0].series).toEqual(
      grades.map((name, k) => ({
        name,
        ...(k > 0 ? { values: `Dashboard!${String.fromCharCode(72 + k)}10:${String.fromCharCode(72 + k)}${last}` } : {}),
        xAxisValues: `Dashboard!A10:A${last}`,
      })),
    );
    expect(charts[1].series).toEqual([{ name: "应发合计", xAxisValues: "Dashboard!A5:A7" }]);
    expect(charts.map((c) => [c.position.startCell, c.position.endCell])).toEqual([
      [`A${last + 2}`, `E${last + 19}`],
      [`G${last + 2}`, `L${last + 19}`],
    ]);
    expect(sheet(d, "Dashboard").pageLayout).toEqual({ orientation: "Landscape", zoom: { horizontalFitToPages: 1, verticalFitToPages: 1 } });
  });

  it("is rewritten by the next run, while HR's chart on their own sheet and HR's own sheet named Dashboard stay", async () => {
    const d = doubleOf(sample(), { sheets: ["Dashboard"] });
    d.book.setCells("Dashboard", "A1", [["HR's own dashboard"]]);
    await recalculated(undefined, d);
    await d.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("Employees");
      ws.charts.add("Pie", ws.getRange("E1:E5"), "Columns").title.text = "HR chart";
      // One added on the Dashboard itself goes with it at the next run, as the sheet says.
      const ours = context.workbook.worksheets.getItem("Dashboard (2)");
      ours.charts.add("Pie", ours.getRange("B5:B7"), "Columns").title.text = "added on the Dashboard";
      await context.sync();
    });
    await runRecalculation(new OfficeWorkbook(hostOf(d)), "2026-Q1", { now: NOW });
    expect(d.book.cell("Dashboard", "A1").value).toBe("HR's own dashboard");
    expect(sheet(d, "Dashboard").charts).toEqual([]);
    expect(sheet(d, "Dashboard (2)").charts.map((c) => c.title.text)).toEqual(["Grade distribution by plan · 2026-Q1", "Total pay by department · 2026-Q1"]);
    expect(d.book.cell("Dashboard (2)", "A1").value).toBe("KPI dashboard · 2026-Q1");
    expect(sheet(d, "Employees").charts.map((c) => c.title.text)).toEqual(["HR chart"]);
    expect(d.book.table("Dashboard")?.sheet).toBe("Dashboard (2)");
  });
});

describe("a column HR inserts inside Issues, on the Excel double", () => {
  it("keeps no link of the last run on HR's cells once the run puts Cell back in its place", async () => {
    // Two Actuals cells typed "x" make Issues rows that link to Actuals; HR then inserts Note before Cell,
    // so the last run's links sit in the column after Note, and the run writes Cell back before Note.
    const tables = scaledSample(12).map((t) =>
      t.name === "Actuals" ? { ...t, rows: t.rows.map((r, i) => (i === 0 || i === 7 ? r.map((v, j) => (j === 3 ? "x" : v)) : r)) } : t,
    );
    const d = doubleOf(tables);
    await runRecalculation(new OfficeWorkbook(hostOf(d)), "2026-Q1", { now: NOW });
    await d.run(async (context) => {
      context.workbook.tables.getItem("Issues").columns.add(d.book.table("Issues")!.headers.indexOf("Cell"), undefined as never, "Note");
      await context.sync();
    });
    await runRecalculation(new OfficeWorkbook(hostOf(d)), "2026-Q2", { now: NOW });
    const issues = d.book.table("Issues")!;
    const linked = (column: string) =>
      issues.rows.filter((_, i) => d.book.cell(issues.sheet, `${String.fromCharCode(65 + issues.headers.indexOf(column))}${i + 2}`).hyperlink).length;
    expect(linked("Cell")).toBeGreaterThan(0);
    for (const h of issues.headers.filter((x) => x !== "Cell")) expect(linked(h), h).toBe(0);
  });
});

describe("a column HR adds to Results, on the Excel double", () => {
  it("keeps text that looks like a formula or a number as text, re-run after re-run", async () => {
    // Note: all text ("-待核对" would be a formula in a General cell, "0012" the number 12); Mixed: a number and text.
    const d = doubleOf(scaledSample(12));
    await runRecalculation(new OfficeWorkbook(hostOf(d)), "2026-Q2", { now: NOW });
    await d.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Results");
      const t = context.workbook.tables.getItem("Results");
      t.columns.add(undefined as never, undefined as never, "Note");
      t.columns.add(undefined as never, undefined as never, "Mixed");
      await context.sync();
      sheet.getRange("S2:T4").numberFormat = [
        ["@", "General"],
        ["@", "@"],
        ["@", "General"],
      ];
      sheet.getRange("S2:T4").values = [
        ["-待核对", 5],
        ["0012", "0012"],
        ["=需复核", ""],
      ];
      await context.sync();
    });
    for (let run = 0; run < 2; run++) await runRecalculation(new OfficeWorkbook(hostOf(d)), "2026-Q2", { now: NOW });
    const value = (a: string) => d.book.cell("Results", a).value;
    expect(["S2", "S3", "S4", "T2", "T3"].map(value)).toEqual(["-待核对", "0012", "=需复核", 5, "0012"]);
  });

  it("keeps a date in a column that also holds text a date, not a serial number in General", async () => {
    const d = doubleOf(scaledSample(12));
    await runRecalculation(new OfficeWorkbook(hostOf(d)), "2026-Q2", { now: NOW });
    await d.run(async (context) => {
      context.workbook.tables.getItem("Results").columns.add(undefined as never, undefined as never, "PaidOn");
      await context.sync();
      const sheet = context.workbook.worksheets.getItem("Results");
      // 2026-07-01 is serial 46204 (days since 1899-12-30), as Excel holds a date.
      sheet.getRange("S2:S3").numberFormat = [["yyyy-mm-dd"], ["General"]];
      sheet.getRange("S2:S3").values = [[46204], ["pending"]];
      await context.sync();
    });
    await runRecalculation(new OfficeWorkbook(hostOf(d)), "2026-Q2", { now: NOW });
    expect([d.book.cell("Results", "S2").value, d.book.cell("Results", "S3").value]).toEqual([46204, "pending"]);
    expect(d.book.cell("Results", "S2").numberFormat).toBe("yyyy-mm-dd");
  });
});

describe("an output table with its Total Row on, on the Excel double", () => {
  it("is refused before anything is written, saying how to turn the Total Row off", async () => {
    const d = doubleOf(scaledSample(12));
    await runRecalculation(new OfficeWorkbook(hostOf(d)), "2026-Q1", { now: NOW });
    await d.run(async (context) => {
      context.workbook.tables.getItem("Results").showTotals = true;
      await context.sync();
    });
    const before = d.book.table("Results")?.address;
    const error = await runRecalculation(new OfficeWorkbook(hostOf(d)), "2026-Q2", { now: NOW }).then(
      () => null,
      (e: unknown) => e,
    );
    expect((error as Error)?.message).toBe(
      "the Results table on sheet Results has a Total Row: turn it off (Table Design › Total Row) before running, and on again after",
    );
    expect(d.book.table("Results")?.address).toBe(before);
  });
});
