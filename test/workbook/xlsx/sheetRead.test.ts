/**
 * Reading a sheet's cells: a cell in the plain shape writers use is read whole by the scanner's fast path,
 * any other shape through ordinary events; both must give the same value. The cells are written by hand
 * into the sample's first employee row, so the expected values are the ones typed here.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { templateWorkbook } from "../../../src/cli/template";
import { XlsxWorkbook } from "../../../src/workbook/xlsx/package";
import { edited, sheetOf } from "../../support/packages";
import { readTable } from "../../support/tables";

let sample: Uint8Array;
beforeAll(async () => {
  sample = new Uint8Array(await templateWorkbook("en"));
});

/** Employees' first body row (sheet row 2) replaced by these cells. */
async function firstEmployee(cells: string): Promise<unknown[]> {
  const sheet = sheetOf(sample, "Employees");
  const book = edited(sample, { [sheet]: (xml) => xml.replace(/<row r="2"[^>]*>.*?<\/row>/, `<row r="2">${cells}</row>`) });
  const t = await readTable(XlsxWorkbook.fromBuffer(book), "Employees");
  return t.rows[0];
}

// EmployeeId, Name, Plan, Department, MonthlyBase, JoinDate, LeaveDate as typed below.
const EXPECTED = ["E9", " Li Na", "Presales", "R&D", 12000, new Date(Date.UTC(2026, 4, 1)), null];

describe("reading cells", () => {
  it("reads every plain shape (inline text, kept spaces, a number, a typed date, an empty value) as typed", async () => {
    const plain =
      '<c r="A2" t="inlineStr"><is><t>E9</t></is></c>' +
      '<c r="B2" t="inlineStr"><is><t xml:space="preserve"> Li Na</t></is></c>' +
      '<c r="C2" t="str"><v>Presales</v></c>' +
      '<c r="D2" t="inlineStr"><is><t>R&amp;D</t></is></c>' + // an entity: not plain, read through events
      '<c r="E2"><v>12000</v></c>' +
      '<c r="F2" t="d"><v>2026-05-01</v></c>' +
      '<c r="G2"><v></v></c>';
    expect(await firstEmployee(plain)).toEqual(EXPECTED);
  });

  it("reads the same cells written in shapes the fast path leaves to ordinary events", async () => {
    const other =
      '<c  r="A2" t="inlineStr"><is><t>E9</t></is></c>' +
      '<c r="B2" t="inlineStr" ><is><t xml:space="preserve"> Li Na</t></is></c>' +
      '<c r="C2" t="str"><v >Presales</v></c>' +
      '<c r="D2" t="inlineStr"><is><r><t>R&amp;</t></r><r><t>D</t></r></is></c>' +
      '<c\nr="E2"><v>12000</v></c>' +
      "<c r='F2' t='d'><v>2026-05-01</v></c>" +
      '<c r="G2"><v/></c>';
    expect(await firstEmployee(other)).toEqual(EXPECTED);
  });

  it("follows cells without an r attribute from the one before, in both paths", async () => {
    const mixed =
      '<c r="A2" t="inlineStr"><is><t>E9</t></is></c><c t="inlineStr"><is><t xml:space="preserve"> Li Na</t></is></c>' +
      '<c  t="str"><v>Presales</v></c><c t="inlineStr"><is><t>R&amp;D</t></is></c><c><v>12000</v></c><c t="d"><v>2026-05-01</v></c>';
    expect(await firstEmployee(mixed)).toEqual(EXPECTED);
  });
});

describe("a number in a date-formatted cell", () => {
  it("is a date within Excel's range, and stays a number beyond it (20260506 typed for 2026-05-06)", async () => {
    // The sample's JoinDate cell F2 carries its date format: keep its s, change only the value.
    const xml = new TextDecoder().decode(
      (await import("../../../src/workbook/xlsx/zip")).inflateEntry(
        (await import("../../../src/workbook/xlsx/zip")).readZip(sample).get(sheetOf(sample, "Employees"))!,
      ),
    );
    const style = /<c r="F2" s="(\d+)"/.exec(xml)?.[1];
    expect(style).toBeDefined();
    const row = (serial: number) => `<c r="A2" t="inlineStr"><is><t>E9</t></is></c><c r="F2" s="${style}"><v>${serial}</v></c>`;
    // 46143 days after 1899-12-30 is 2026-05-01; 20260506 would be a day of the year 57371, which Excel shows as #####.
    expect((await firstEmployee(row(46143)))[5]).toEqual(new Date(Date.UTC(2026, 4, 1)));
    expect((await firstEmployee(row(20260506)))[5]).toBe(20260506);
  });
});
