/**
 * The bad-input corpus, part two (issue 7): what only a file can carry — a totals row, a filter and
 * hidden rows, merged cells, a formula saved without its value, a hidden or protected input sheet,
 * text that must come back as typed. Each .xlsx case is recalculated by the .xlsx adapter and compared
 * with the clean sample's Results.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RunSummary, runRecalculation } from "../../src/app/recalculate";
import { templateWorkbook } from "../../src/cli/template";
import { CellValue } from "../../src/workbook/port";
import { XlsxWorkbook } from "../../src/workbook/xlsx/package";
import { inflateEntry, readZip } from "../../src/workbook/xlsx/zip";
import { edited, partsOf, text } from "../support/packages";
import { readTable } from "../support/tables";
import { corpusFigures } from "./figures";

const NOW = new Date("2026-07-05T09:00:00Z");
let sample: Uint8Array;
let clean: RunSummary;

async function recalc(buf: Uint8Array): Promise<{ run: RunSummary; out: Uint8Array }> {
  const wb = XlsxWorkbook.fromBuffer(buf);
  const run = await runRecalculation(wb, "2026-Q2", { now: NOW });
  return { run, out: await wb.toBuffer() };
}

const results = (r: RunSummary) => r.rows.Results.filter((x) => x[4] === "2026-Q2");
const issue = (r: RunSummary, table: string, cell: string) => r.result.issues.find((i) => i.table === table && i.cell === cell);

beforeAll(async () => {
  sample = new Uint8Array(await templateWorkbook("en"));
  clean = (await recalc(sample)).run;
});

afterAll(() => corpusFigures.add("bad inputs only a file can carry (.xlsx)", 8));

/** Edits the sheet and table parts of an input table. */
function withTable(name: string, sheet: (xml: string) => string, table: (xml: string) => string = (x) => x): Uint8Array {
  const parts = partsOf(sample, name);
  return edited(sample, { [parts.sheet]: sheet, [parts.table]: table });
}

describe("the bad-input corpus in .xlsx files", () => {
  it("a totals row under Employees is not read as an employee", async () => {
    const book = withTable(
      "Employees",
      (x) =>
        x.replace(
          "</sheetData>",
          '<row r="14"><c r="A14" t="inlineStr"><is><t>Total</t></is></c><c r="E14"><f>SUBTOTAL(109,Employees[MonthlyBase])</f><v>103300</v></c></row></sheetData>',
        ),
      (x) => x.replace('ref="A1:G13"', 'ref="A1:G14" totalsRowCount="1"').replace('<autoFilter ref="A1:G13"', '<autoFilter ref="A1:G13"'),
    );
    const { run } = await recalc(book);
    expect(run.employees).toBe(12);
    expect(results(run)).toEqual(results(clean));
  });

  it("rows hidden by a filter are still employees: they are computed as any other", async () => {
    const book = withTable(
      "Employees",
      (x) => x.replace('<row r="3"', '<row r="3" hidden="1"').replace('<row r="4"', '<row r="4" hidden="1"'),
      (x) =>
        x.replace(
          /<autoFilter ref="A1:G13">[\s\S]*?<\/autoFilter>/,
          '<autoFilter ref="A1:G13"><filterColumn colId="0"><filters><filter val="P001"/></filters></filterColumn></autoFilter>',
        ),
    );
    const { run } = await recalc(book);
    expect(results(run)).toEqual(results(clean));
  });

  it("a merged cell leaves the cells it covers blank: the plan cell it swallowed is an Error at its address", async () => {
    // A producer that merges B2:C2 keeps the value of B2 only; C2 (P001's plan) is then empty.
    const book = withTable("Employees", (x) =>
      x
        .replace(/<c r="C2"[^>]*>[\s\S]*?<\/c>/, '<c r="C2"/>')
        .replace("</sheetData>", '</sheetData><mergeCells count="1"><mergeCell ref="B2:C2"/></mergeCells>'),
    );
    const { run } = await recalc(book);
    expect(issue(run, "Employees", "C2")).toMatchObject({ severity: "Error", employeeId: "P001" });
    expect(issue(run, "Employees", "C2")?.text.en).toContain("Plan is empty: fill it in");
    expect(results(run).find((r) => r[0] === "P001")?.[16]).toBe("Error");
  });

  it("a formula saved without its value is an Error at its cell, never read as 0", async () => {
    const parts = partsOf(sample, "Actuals");
    const actuals = await readTable(XlsxWorkbook.fromBuffer(sample), "Actuals");
    const row = actuals.rows.findIndex((r) => r[0] === "P001" && r[1] === "2026-Q2" && r[2] === "Excellent solution rate") + 2;
    const book = edited(sample, { [parts.sheet]: (x) => x.replace(new RegExp(`<c r="D${row}"[^>]*>[\\s\\S]*?</c>`), `<c r="D${row}"><f>0.4*2</f></c>`) });
    const { run } = await recalc(book);
    expect(issue(run, "Actuals", `D${row}`)).toMatchObject({ severity: "Error", employeeId: "P001" });
    expect(issue(run, "Actuals", `D${row}`)?.text.en).toMatch(
      /Actual is a formula with no calculated value \(=?0\.4\*2\): open and save the workbook in Excel, or type the value/,
    );
    const p001 = results(run).find((r) => r[0] === "P001")!;
    expect([p001[5], p001[16]]).toEqual([null, "Error"]);
  });

  it("a hidden input sheet is read as any other", async () => {
    const book = edited(sample, {
      "xl/workbook.xml": (x) =>
        x.replace(/(<sheet [^>]*name="Employees"[^>]*?)\s*state="visible"/, "$1").replace(/(<sheet [^>]*name="Employees")/, '$1 state="hidden"'),
    });
    expect(text(inflateEntry(readZip(book).get("xl/workbook.xml")!))).toMatch(/name="Employees" state="hidden"/);
    expect(results((await recalc(book)).run)).toEqual(results(clean));
  });

  it("a protected input sheet is read as any other (only output sheets are written)", async () => {
    const book = withTable("Employees", (x) => x.replace("</sheetData>", '</sheetData><sheetProtection sheet="1" objects="1" scenarios="1"/>'));
    expect(results((await recalc(book)).run)).toEqual(results(clean));
  });

  it("names beginning with =, +, -, @, a tab or a carriage return come back as typed, as text", async () => {
    const names = ["=Zhang Wei", "+Li Na", "-Wang Qiang", "@Liu Yang", "\tChen Jing", "\rYang Fan"];
    const wb = XlsxWorkbook.fromBuffer(sample);
    const employees = await readTable(wb, "Employees");
    names.forEach((n, i) => (employees.rows[i][1] = n));
    await wb.writeTables([
      {
        name: "Employees",
        columns: employees.headers.map((h) => ({ name: h, kind: "text" as const })),
        rows: employees.rows.map((r) => r.map((v) => v as Exclude<CellValue, { formula: string }>)),
      },
    ]);
    const { out } = await recalc(await wb.toBuffer());
    const back = await readTable(XlsxWorkbook.fromBuffer(out), "Results");
    expect(back.rows.slice(0, 6).map((r) => r[1])).toEqual(names);
    // Written as inline strings: text whatever it starts with, never a formula.
    const sheet = text(inflateEntry(readZip(out).get(partsOf(out, "Results").sheet)!));
    expect(sheet).not.toMatch(/<f>/);
    expect(sheet).toContain("<t>=Zhang Wei</t>");
    expect(sheet).toContain('<t xml:space="preserve">_x000D_Yang Fan</t>');
  });

  it("a workbook saved with Excel's own line-break escape (_x000D_) reads the carriage return back", async () => {
    const parts = partsOf(sample, "Employees");
    const book = edited(sample, {
      [parts.sheet]: (x) => x.replace(/<c r="B2"[^>]*>[\s\S]*?<\/c>/, '<c r="B2" t="inlineStr"><is><t>Zhang_x000D_\nWei</t></is></c>'),
    });
    const employees = await readTable(XlsxWorkbook.fromBuffer(book), "Employees");
    expect(employees.rows[0][1]).toBe("Zhang\r\nWei");
  });
});
