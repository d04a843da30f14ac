/**
 * How the output tables look in an .xlsx we write, read back independently: ExcelJS for number formats,
 * frozen panes, widths, conditional formats and every pre-existing style; openpyxl for the internal
 * hyperlinks (ExcelJS reads only hyperlinks with a relationship). A workbook with its own fonts, fills,
 * number formats and borders keeps every one of them on every cell the run does not own.
 */
import ExcelJS from "exceljs";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runRecalculation } from "../../../src/app/recalculate";
import { templateWorkbook } from "../../../src/cli/template";
import { fitWidths } from "../../../src/workbook/formats";
import { XlsxWorkbook } from "../../../src/workbook/xlsx/package";
import { inflateEntry, readZip } from "../../../src/workbook/xlsx/zip";
import { stylesChangesOtherThanAppending } from "../../support/producers/package";
import { findTools, run } from "../../support/producers/tools";

const NOW = new Date("2026-07-05T09:00:00Z");
const OURS = ["Results", "Breakdown", "Issues", "RunLog", "Dashboard"];
const tools = findTools();
const dir = mkdtempSync(join(tmpdir(), "kpi-outputs-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function recalc(buf: Uint8Array, period = "2026-Q2"): Promise<Uint8Array> {
  const wb = XlsxWorkbook.fromBuffer(buf);
  await runRecalculation(wb, period, { now: NOW });
  return await wb.toBuffer();
}

async function excel(buf: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(buf) as unknown as ArrayBuffer);
  return wb;
}

/** The sample workbook, with an Issue planted: P002's MonthlyBase (row 3 of Employees, column E) is text. */
async function sample(): Promise<Uint8Array> {
  const wb = await excel(await templateWorkbook("en"));
  const employees = wb.getWorksheet("Employees") as ExcelJS.Worksheet;
  employees.getCell("E3").value = "abc";
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** The conditional formats ExcelJS read (a member its type declarations leave out). */
const conditionalFormats = (ws: ExcelJS.Worksheet) =>
  (ws as unknown as { conditionalFormattings: Array<{ ref: string; rules: unknown[] }> }).conditionalFormattings;

/** A column of a sheet's first row, by header. */
function column(ws: ExcelJS.Worksheet, header: string): number {
  const values = ws.getRow(1).values as unknown[];
  const i = values.findIndex((v) => v === header);
  if (i < 1) throw new Error(`no column ${header} on ${ws.name}`);
  return i;
}

describe("the output tables in an .xlsx, read back by ExcelJS", () => {
  let out: ExcelJS.Workbook;
  let bytes: Uint8Array;
  it("shows money as #,##0.00, Completion as 0.00%, Score as 0.00, Rank as an integer and text as text", async () => {
    bytes = await recalc(await sample());
    out = await excel(bytes);
    const results = out.getWorksheet("Results") as ExcelJS.Worksheet;
    const want: Record<string, string> = {
      EmployeeId: "@",
      Name: "@",
      Score: "0.00",
      Rank: "0",
      Completion: "0.00%",
      QuarterlyBonus: "#,##0.00",
      TotalPay: "#,##0.00",
      Penalties: "#,##0.00",
      Status: "@",
    };
    for (const [header, format] of Object.entries(want)) {
      const c = column(results, header);
      // P001, OK: every money cell has a value; its number format is what Excel shows it by.
      expect(results.getCell(2, c).numFmt, header).toBe(format);
    }
    const breakdown = out.getWorksheet("Breakdown") as ExcelJS.Worksheet;
    expect(breakdown.getCell(2, column(breakdown, "Points")).numFmt).toBe("0.00");
    const log = out.getWorksheet("RunLog") as ExcelJS.Worksheet;
    expect(log.getCell(2, column(log, "Employees")).numFmt).toBe("0");
  });

  it("freezes the header row of each new output sheet", () => {
    for (const name of ["Results", "Breakdown", "Issues", "RunLog"]) {
      expect((out.getWorksheet(name) as ExcelJS.Worksheet).views[0], name).toMatchObject({ state: "frozen", ySplit: 1, topLeftCell: "A2" });
    }
  });

  it("colours Results.Status and Issues.Severity by conditional formatting: Error dark red on light red, Warning dark yellow on yellow", () => {
    const results = out.getWorksheet("Results") as ExcelJS.Worksheet;
    const status = String.fromCharCode(64 + column(results, "Status"));
    const last = results.rowCount;
    const rule = (value: string, font: string, fill: string) => ({
      type: "expression",
      formulae: [`${status}2="${value}"`],
      style: { font: { color: { argb: font } }, fill: { bgColor: { argb: fill } } },
    });
    expect(conditionalFormats(results)).toMatchObject([
      { ref: `${status}2:${status}${last}`, rules: [rule("Error", "FF9C0006", "FFFFC7CE"), rule("Warning", "FF9C5700", "FFFFEB9C")] },
    ]);
    const issues = out.getWorksheet("Issues") as ExcelJS.Worksheet;
    expect(conditionalFormats(issues)[0].ref).toBe(`A2:A${issues.rowCount}`);
  });

  it("fits each new column to its header and content, CJK characters counting double", () => {
    const results = out.getWorksheet("Results") as ExcelJS.Worksheet;
    // TotalPay: the header is 8 characters + 4 for the filter button = 12; the widest pay shown, 28,727.60 (9) + 2, is less.
    expect(results.getColumn(column(results, "TotalPay")).width).toBe(12);
    // Flags is capped at 60.
    expect(results.getColumn(column(results, "Flags")).width).toBe(60);
    // By hand: "张伟" is 4 columns wide (+2), "Name" 4 (+4 = 8); "Zhang Wei" 9 + 2 = 11; "王小明明明明明明" 16 + 2 = 18.
    expect(fitWidths([{ name: "Name", kind: "text" }], [["张伟"]])).toEqual([8]);
    expect(fitWidths([{ name: "Name", kind: "text" }], [["Zhang Wei"]])).toEqual([11]);
    expect(fitWidths([{ name: "Name", kind: "text" }], [["王小明明明明明明"]])).toEqual([18]);
    // Money is measured as shown: 1234567.8 shows as 1,234,567.80 (12) + 2 = 14; a ratio 0.827586 as 82.76% (6) + 2 = 8.
    expect(
      fitWidths(
        [
          { name: "Pay", kind: "money" },
          { name: "C", kind: "ratio" },
        ],
        [[1234567.8, 0.827586]],
      ),
    ).toEqual([14, 8]);
  });

  it("links each Issues.Cell to the offending cell on its input table's sheet (read by openpyxl)", async () => {
    if (!tools.openpyxl) return void console.warn("skipped: no python with openpyxl");
    const file = join(dir, "links.xlsx");
    writeFileSync(file, bytes);
    const script =
      "import sys, json, openpyxl\nws = openpyxl.load_workbook(sys.argv[1])['Issues']\nprint(json.dumps([[c.value, c.hyperlink.location if c.hyperlink else None] for c in ws['C'][1:]]))";
    const r = await run(tools.openpyxl, ["-c", script, file]);
    expect(r.code, r.stderr).toBe(0);
    // The planted fault: Employees E3 (P002's MonthlyBase "abc"), on the sheet Employees.
    expect(JSON.parse(r.stdout)).toContainEqual(["E3", "'Employees'!E3"]);
    for (const [cell, location] of JSON.parse(r.stdout) as Array<[string | null, string | null]>)
      if (cell) expect(location).toMatch(new RegExp(`^'[^']+'!${cell.replace("$", "\\$")}$`));
  });

  it("appends its formats to xl/styles.xml, changing none that was there, and writes the same stylesheet on a re-run", async () => {
    const before = readZip(await sample());
    const first = readZip(bytes);
    const again = readZip(await recalc(bytes));
    const styles = (z: ReturnType<typeof readZip>) => inflateEntry(z.get("xl/styles.xml")!);
    expect(stylesChangesOtherThanAppending(styles(before), styles(first))).toEqual([]);
    expect(Buffer.from(styles(again)).equals(Buffer.from(styles(first)))).toBe(true);
  });
});

/** A workbook as HR formats it: fonts, fills, number formats, borders and alignment on their own sheet and on the inputs. */
async function formattedWorkbook(): Promise<Uint8Array> {
  const wb = await excel(await templateWorkbook("zh"));
  const notes = wb.addWorksheet("HR notes");
  const thin = { style: "thin" as const, color: { argb: "FF888888" } };
  notes.getCell("A1").value = "季度奖金审批";
  notes.getCell("A1").font = { name: "微软雅黑", size: 16, bold: true, color: { argb: "FF1F4E79" } };
  notes.getCell("A1").fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFDDEBF7" } };
  notes.getCell("B2").value = 1234.5;
  notes.getCell("B2").numFmt = '"¥"#,##0.00';
  notes.getCell("B2").border = { top: thin, left: thin, bottom: { style: "double", color: { argb: "FFFF0000" } }, right: thin };
  notes.getCell("C3").value = new Date(Date.UTC(2026, 5, 30));
  notes.getCell("C3").numFmt = "yyyy年m月d日";
  notes.getCell("D4").value = "居中";
  notes.getCell("D4").alignment = { horizontal: "center", wrapText: true };
  notes.getCell("E5").value = 0.125;
  notes.getCell("E5").numFmt = "0.0%";
  const employees = wb.getWorksheet("员工") as ExcelJS.Worksheet;
  employees.getCell("B2").font = { italic: true, color: { argb: "FFC00000" } };
  employees.getCell("E2").numFmt = "#,##0";
  employees.getCell("E3").fill = { type: "pattern", pattern: "darkGrid", fgColor: { argb: "FFFFFF00" }, bgColor: { argb: "FF00B0F0" } };
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** Every cell of a sheet with what it shows and how: value, number format, font, fill, border, alignment. */
function cellsOf(ws: ExcelJS.Worksheet): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  ws.eachRow({ includeEmpty: true }, (row) =>
    row.eachCell({ includeEmpty: true }, (c) => {
      out[c.address] = JSON.stringify({
        v: c.value,
        numFmt: c.numFmt,
        font: c.font,
        fill: c.fill,
        border: c.border,
        alignment: c.alignment,
        protection: c.protection,
      });
    }),
  );
  return out;
}

describe("a workbook with its own formatting", () => {
  it("keeps every style and value of every cell outside the output sheets, after a first run and a re-run", async () => {
    const input = await formattedWorkbook();
    const first = await recalc(input);
    const second = await recalc(first);
    const before = await excel(input);
    let compared = 0;
    for (const after of [await excel(first), await excel(second)]) {
      for (const ws of before.worksheets) {
        if (OURS.includes(ws.name)) continue;
        expect(cellsOf(after.getWorksheet(ws.name) as ExcelJS.Worksheet), ws.name).toEqual(cellsOf(ws));
        compared += Object.keys(cellsOf(ws)).length;
      }
    }
    // 15 input sheets, the read-me and HR's notes: well over a thousand cells, each compared twice.
    expect(compared).toBeGreaterThan(1000);
    expect((await excel(first)).worksheets.map((w) => w.name).slice(-5)).toEqual(["Results", "Breakdown", "Issues", "RunLog", "Dashboard"]);
  });
});

describe("a date in a column of another kind (HR's own column, mixing dates and text)", () => {
  it("is written with a date format, in a new table and when the table is rewritten", async () => {
    const table = {
      name: "Payments",
      columns: [
        { name: "EmployeeId", kind: "text" as const },
        { name: "PaidOn", kind: "number" as const },
      ],
      rows: [
        ["P001", new Date(Date.UTC(2026, 6, 1))],
        ["P002", "pending"],
      ],
    };
    let bytes: Uint8Array = await templateWorkbook("en");
    for (let run = 0; run < 2; run++) {
      const wb = XlsxWorkbook.fromBuffer(bytes);
      await wb.writeTables([table]);
      bytes = await wb.toBuffer();
      const sheet = (await excel(bytes)).getWorksheet("Payments") as ExcelJS.Worksheet;
      // ExcelJS reads a number in a date format as a Date: 2026-07-01, not the serial 46204.
      expect(sheet.getCell("B2").value, `run ${run + 1}`).toEqual(new Date(Date.UTC(2026, 6, 1)));
      expect(sheet.getCell("B2").numFmt, `run ${run + 1}`).toBe("yyyy-mm-dd");
      expect(sheet.getCell("B3").value).toBe("pending");
    }
  });
});
