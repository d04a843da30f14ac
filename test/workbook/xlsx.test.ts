/**
 * The .xlsx adapter over real packages: written by ExcelJS (as HR's files are by Excel), recalculated
 * through the port, and read back by ExcelJS as an independent reader.
 */
import ExcelJS from "exceljs";
import { XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { runRecalculation } from "../../src/app/recalculate";
import { XlsxWorkbook } from "../../src/workbook/xlsx/package";
import { inflateEntry, readZip } from "../../src/workbook/xlsx/zip";
import { HEADERS, Rows, baseRows } from "../fixtures";
import { stylesChangesOtherThanAppending } from "../support/producers/package";
import { readTable } from "../support/tables";

const NOW = new Date("2026-07-05T09:00:00Z");

/** A workbook as a user would have it: the fixture's tables, plus a notes sheet with a formula and formats. */
async function userWorkbook(rows: Rows = baseRows()): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const notes = wb.addWorksheet("Notes");
  notes.getCell("A1").value = "Quarterly bonus review";
  notes.getCell("A1").font = { bold: true };
  notes.getCell("B2").value = { formula: "1+1", result: 2 };
  notes.getCell("C3").value = 12345.678;
  notes.getCell("C3").numFmt = "#,##0.00";
  for (const [name, body] of Object.entries(rows)) {
    const ws = wb.addWorksheet(name);
    ws.getCell("A1").value = null;
    ws.addTable({
      name,
      ref: "A1",
      headerRow: true,
      columns: HEADERS[name].map((h) => ({ name: h })),
      rows: body.length ? (body as ExcelJS.CellValue[][]) : [HEADERS[name].map(() => null)],
    });
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

async function recalc(buf: Uint8Array, period = "2026-Q2", now = NOW) {
  const wb = XlsxWorkbook.fromBuffer(buf);
  const summary = await runRecalculation(wb, period, { now });
  return { out: await wb.toBuffer(), summary };
}

async function excel(buf: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(buf) as unknown as ArrayBuffer);
  return wb;
}

/** A table's rows as read by ExcelJS from the sheet, keyed by header. */
function sheetRecords(ws: ExcelJS.Worksheet): Array<Record<string, unknown>> {
  const headers = (ws.getRow(1).values as unknown[]).slice(1).map(String);
  const out: Array<Record<string, unknown>> = [];
  ws.eachRow((row, n) => {
    if (n === 1) return;
    const v = row.values as unknown[];
    out.push(Object.fromEntries(headers.map((h, i) => [h, v[i + 1] ?? null])));
  });
  return out;
}

describe("reading an .xlsx workbook", () => {
  it("lists its tables and reads a table with headers, values and position", async () => {
    const wb = XlsxWorkbook.fromBuffer(await userWorkbook());
    expect((await wb.listTables()).map((t) => t.name)).toContain("Employees");
    const t = await readTable(wb, "Employees");
    expect(t.headers).toEqual(HEADERS.Employees);
    expect(t.headerRow).toBe(1);
    expect(t.rows[0].slice(0, 5)).toEqual(["P001", "Zhang Wei", "Presales", "Presales Support", 12000]);
  });

  it("reads date cells as dates", async () => {
    const rows = baseRows();
    rows.Employees[0][5] = new Date(Date.UTC(2026, 4, 1));
    const t = await readTable(XlsxWorkbook.fromBuffer(await userWorkbook(rows)), "Employees");
    expect(t.rows[0][5]).toEqual(new Date(Date.UTC(2026, 4, 1)));
  });

  it("refuses a file that is not an .xlsx package, saying so", () => {
    expect(() => XlsxWorkbook.fromBuffer(new TextEncoder().encode("EmployeeId,Name\n"))).toThrow(/this is not an \.xlsx workbook .*save it as Excel Workbook/);
  });
});

describe("recalculating an .xlsx workbook", () => {
  it("writes Results, Breakdown, Issues and RunLog as Excel tables ExcelJS can read", async () => {
    const { out } = await recalc(await userWorkbook());
    const wb = await excel(out);
    for (const name of ["Results", "Breakdown", "Issues", "RunLog"]) expect(wb.getWorksheet(name), name).toBeDefined();
    const p001 = sheetRecords(wb.getWorksheet("Results") as ExcelJS.Worksheet).find((r) => r.EmployeeId === "P001");
    // 36000 × 0.4 × 72/87 × 0.92 = 10963.86, plus the 250000 deal's 2250
    expect(p001).toMatchObject({ Score: 92, QuarterlyBonus: 10963.86, DealBonus: 2250, TotalPay: 13213.86, Status: "OK" });
  });

  it("writes well-formed XML in every part it changes", async () => {
    const before = readZip(await userWorkbook());
    const after = readZip((await recalc(await userWorkbook())).out);
    for (const [name, e] of after) {
      const old = before.get(name);
      if (old && Buffer.compare(Buffer.from(old.raw), Buffer.from(e.raw)) === 0) continue;
      if (!/\.(xml|rels)$/.test(name)) continue;
      expect(XMLValidator.validate(new TextDecoder().decode(inflateEntry(e))), name).toBe(true);
    }
  });

  it("keeps every part it does not own byte for byte", async () => {
    const input = await userWorkbook();
    const before = readZip(input);
    const after = readZip((await recalc(input)).out);
    const changed = [...before.keys()].filter((n) => Buffer.compare(Buffer.from(before.get(n)!.raw), Buffer.from(after.get(n)?.raw ?? [])) !== 0);
    // Only the list of sheets, their relationships and the content types change to add the output sheets,
    // and the stylesheet, to which the outputs' formats are appended.
    expect(changed.sort()).toEqual(["[Content_Types].xml", "xl/_rels/workbook.xml.rels", "xl/styles.xml", "xl/workbook.xml"]);
    expect(stylesChangesOtherThanAppending(inflateEntry(before.get("xl/styles.xml")!), inflateEntry(after.get("xl/styles.xml")!))).toEqual([]);
  });

  it("keeps user cells, formulas and formats outside the tables", async () => {
    const { out } = await recalc(await userWorkbook());
    const notes = (await excel(out)).getWorksheet("Notes") as ExcelJS.Worksheet;
    expect(notes.getCell("A1").value).toBe("Quarterly bonus review");
    expect(notes.getCell("A1").font?.bold).toBe(true);
    expect((notes.getCell("B2").value as ExcelJS.CellFormulaValue).formula).toBe("1+1");
    expect(notes.getCell("C3").numFmt).toBe("#,##0.00");
  });

  it("writes names starting with =, +, - and @ back as text, never as formulas", async () => {
    const rows = baseRows();
    const names = ["=SUM(A1:A2)", "+86 138", "-Li-", "@home"];
    names.forEach((n, i) => (rows.Employees[i][1] = n));
    const { out } = await recalc(await userWorkbook(rows));
    const ws = (await excel(out)).getWorksheet("Results") as ExcelJS.Worksheet;
    for (let r = 2; r <= 5; r++) {
      // An ExcelJS cell (read without a proxy variable, which the Office.js lint rules would take for one).
      expect(ws.getCell(r, 2).type).toBe(ExcelJS.ValueType.String);
      expect(ws.getCell(r, 2).value).toBe(names[r - 2]);
    }
  });

  it("gives identical Results on a second run, and RunLog's row for the period replaced", async () => {
    const first = (await recalc(await userWorkbook())).out;
    const second = (await recalc(first, "2026-Q2", new Date("2026-07-06T10:00:00Z"))).out;
    const a = readZip(first);
    const b = readZip(second);
    const resultsPart = (z: ReturnType<typeof readZip>) =>
      [...z.keys()].find((n) => n.startsWith("xl/worksheets/") && new TextDecoder().decode(inflateEntry(z.get(n)!)).includes(">QuarterlyBonus<"))!;
    expect(Buffer.from(inflateEntry(b.get(resultsPart(b))!)).equals(Buffer.from(inflateEntry(a.get(resultsPart(a))!)))).toBe(true);
    const log = sheetRecords((await excel(second)).getWorksheet("RunLog") as ExcelJS.Worksheet);
    expect(log.map((r) => r.RunAt)).toEqual(["2026-07-06T10:00:00Z"]);
    const wb = XlsxWorkbook.fromBuffer(second);
    expect((await wb.listTables()).filter((t) => t.name === "Results")).toHaveLength(1);
  });

  it("keeps Results rows of other periods when a second quarter is run", async () => {
    const q1 = (await recalc(await userWorkbook(), "2026-Q1")).out;
    const both = (await recalc(q1, "2026-Q2")).out;
    const periods = sheetRecords((await excel(both)).getWorksheet("Results") as ExcelJS.Worksheet).map((r) => r.Period);
    expect(periods.filter((p) => p === "2026-Q1")).toHaveLength(4);
    expect(periods.filter((p) => p === "2026-Q2")).toHaveLength(4);
  });

  it("keeps cells the user typed beside an output table on its sheet", async () => {
    const first = (await recalc(await userWorkbook())).out;
    const wb = await excel(first);
    (wb.getWorksheet("Results") as ExcelJS.Worksheet).getCell("Z1").value = "HR note";
    const edited = new Uint8Array(await wb.xlsx.writeBuffer());
    const again = await excel((await recalc(edited)).out);
    expect((again.getWorksheet("Results") as ExcelJS.Worksheet).getCell("Z1").value).toBe("HR note");
  });
});

describe("re-running on an .xlsx file", () => {
  it("writes the same bytes for every output sheet and table, even an empty Issues table", async () => {
    const first = (await recalc(await userWorkbook())).out;
    const second = (await recalc(first)).out;
    const a = readZip(first);
    const b = readZip(second);
    const owned = [...b.keys()].filter((n) => /^xl\/(worksheets\/sheet\d+|tables\/table\d+)\.xml$/.test(n));
    const issuesEmpty = (await readTable(XlsxWorkbook.fromBuffer(first), "Issues")).rows.every((r) => r.every((v) => v === null));
    expect(issuesEmpty).toBe(true);
    for (const n of owned) {
      const text = new TextDecoder().decode(inflateEntry(b.get(n)!));
      if (text.includes(">RunAt<") || text.includes('name="RunLog"')) continue;
      expect(text, n).toBe(new TextDecoder().decode(inflateEntry(a.get(n)!)));
    }
  });
});

describe("month cells", () => {
  it("read a real date cell in Sales.Month as its month", async () => {
    const rows = baseRows();
    rows.Sales = rows.Sales.map((r) => [r[0], new Date(`${r[1]}-01T00:00:00Z`), ...r.slice(2)]);
    const { summary } = await recalc(await userWorkbook(rows));
    const c = summary.result.results.find((r) => r.employee.id === "C001");
    expect(c?.commission?.toNumber()).toBe(6300); // Apr 4200 + May 2100 + Jun 0, as with text months
  });
});
