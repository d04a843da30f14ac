/**
 * Packages that cannot be used as they are, and workbooks whose layout stops a write: each is refused
 * with a message that says what and where, and nothing is written; what can be written keeps every
 * byte the user's file had (macros, text with carriage returns).
 */
import { mkdtempSync, readFileSync, writeFileSync, existsSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { runRecalculation } from "../../../src/app/recalculate";
import { main } from "../../../src/cli/main";
import { templateWorkbook } from "../../../src/cli/template";
import { PackageBug, XlsxError, XlsxWorkbook } from "../../../src/workbook/xlsx/package";
import { inflateEntry, newEntry, readZip, writeZip } from "../../../src/workbook/xlsx/zip";
import { edited as editPackage, sheetOf, text } from "../../support/packages";
import { readTable, writeTable } from "../../support/tables";

const dir = mkdtempSync(join(tmpdir(), "kpi-damaged-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let sample: Uint8Array;
const NOW = new Date("2026-07-05T09:00:00Z");

beforeAll(async () => {
  sample = new Uint8Array(await templateWorkbook("en"));
});

/** The sample with some parts edited, as another tool or a damaged copy would leave it. */
const edited = (edits: Parameters<typeof editPackage>[1], base: Uint8Array = sample) => editPackage(base, edits);

async function kpi(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const code = await main(argv, { out: (s) => (out += s), err: (s) => (err += s), tty: false });
  return { code, out, err };
}

/** Recalculates a workbook file through the command into a new file; the output must not exist on refusal. */
async function recalcFile(buf: Uint8Array, name: string, out = `${name}-out.xlsx`): Promise<{ code: number; out: string; err: string; written: boolean }> {
  const file = join(dir, name.includes(".") ? name : `${name}.xlsx`);
  writeFileSync(file, buf);
  const r = await kpi("recalc", file, "--period", "2026-Q2", "--out", join(dir, out));
  return { ...r, written: existsSync(join(dir, out)) };
}

describe("a damaged package is refused before anything is computed or written", () => {
  it("a sheet without tables whose XML is not well-formed", async () => {
    const bad = edited({ "xl/worksheets/sheet1.xml": (x) => x.replace("</sheetData>", "<row></sheetData>") });
    await expect(runRecalculation(XlsxWorkbook.fromBuffer(bad), "2026-Q2")).rejects.toThrow(
      /the part xl\/worksheets\/sheet1\.xml is not well-formed XML \(line \d+: <\/sheetData> closes <row>\): the file is damaged; open it in Excel and save it again/,
    );
    const r = await recalcFile(bad, "bad-readme");
    expect([r.code, r.written]).toEqual([2, false]);
  });

  it("the sheet of an input table with a broken tag", async () => {
    const part = sheetOf(sample, "Employees");
    const bad = edited({ [part]: (x) => x.replace(/<c r="B2"/, '<c r="B2" t=') });
    const r = await recalcFile(bad, "bad-employees");
    expect([r.code, r.written]).toEqual([2, false]);
    expect(r.err).toContain(`the part ${part} is not well-formed XML`);
  });

  it("an undeclared prefix in the workbook part", async () => {
    const bad = edited({ "xl/workbook.xml": (x) => x.replace("<sheets>", '<sheets><x:note xmlns:y="urn:y"/>') });
    expect(() => XlsxWorkbook.fromBuffer(bad)).toThrow(
      /the part xl\/workbook\.xml is not well-formed XML \(line \d+: the prefix x: of <x:note> is not declared\)/,
    );
  });

  it("a part whose bytes fail their checksum", async () => {
    const zip = readZip(sample);
    const part = sheetOf(sample, "Actuals");
    const e = zip.get(part)!;
    const broken = { ...e, crc: (e.crc ^ 1) >>> 0 };
    const bad = writeZip([...zip.values()].map((x) => (x.name === part ? broken : x)));
    await expect(XlsxWorkbook.fromBuffer(bad).readTables(["Actuals"])).rejects.toThrow(`the entry ${part} fails its checksum: the file is damaged`);
  });

  it("a file cut short, as a copy that did not finish", async () => {
    const r = await recalcFile(sample.subarray(0, sample.length - 200), "truncated");
    expect([r.code, r.written]).toEqual([2, false]);
    expect(r.err).toMatch(/truncated|damaged|end of central directory/);
  });

  it("an empty file", async () => {
    const r = await recalcFile(new Uint8Array(0), "empty");
    expect([r.code, r.written]).toEqual([2, false]);
    expect(r.err).toContain("the file is empty (0 bytes)");
  });

  it("a password-protected workbook", async () => {
    // An encrypted .xlsx is an OLE compound file holding the streams EncryptionInfo and EncryptedPackage.
    const cfb = new Uint8Array(1024);
    cfb.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    cfb.set(new Uint8Array(Buffer.from("EncryptionInfo", "utf16le")), 600);
    const r = await recalcFile(cfb, "locked");
    expect([r.code, r.written]).toEqual([2, false]);
    expect(r.err).toContain("the workbook is password-protected: open it in Excel, remove the password");
  });

  it("an Excel 97-2003 .xls file", async () => {
    const cfb = new Uint8Array(1024);
    cfb.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    cfb.set(new Uint8Array(Buffer.from("Workbook", "utf16le")), 600);
    const r = await recalcFile(cfb, "old.xls");
    expect(r.code).toBe(2);
    expect(r.err).toContain("this is an Excel 97-2003 workbook (.xls): open it in Excel and save it as Excel Workbook (.xlsx)");
  });

  it("a CSV file named .xlsx", async () => {
    const r = await recalcFile(new TextEncoder().encode("EmployeeId,Name\nP001,Zhang Wei\n"), "csv");
    expect(r.err).toContain("this is not an .xlsx workbook");
  });

  it("an OpenDocument spreadsheet (.ods) named .xlsx, saying to save it as .xlsx", async () => {
    // An .ods is a zip whose first entry, `mimetype`, names its kind, with no [Content_Types].xml.
    const enc = new TextEncoder();
    const ods = writeZip([
      newEntry("mimetype", enc.encode("application/vnd.oasis.opendocument.spreadsheet")),
      newEntry("content.xml", enc.encode('<?xml version="1.0"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"/>')),
    ]);
    const r = await recalcFile(ods, "sheet");
    expect(r.err).toContain(
      "this is an OpenDocument spreadsheet (.ods), not an .xlsx workbook: open it in LibreOffice or Excel and save it as Excel Workbook (.xlsx)",
    );
    expect([r.code, r.written]).toEqual([2, false]);
  });

  it("a binary workbook (.xlsb)", () => {
    const bad = edited({
      "[Content_Types].xml": (x) =>
        x.replace("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml", "application/vnd.ms-excel.sheet.binary.macroEnabled.main"),
    });
    expect(() => XlsxWorkbook.fromBuffer(bad)).toThrow("this is a binary workbook (.xlsb)");
  });
});

describe("a macro-enabled workbook (.xlsm)", () => {
  const vba = new Uint8Array(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 251));
  function xlsm(): Uint8Array {
    return edited({
      "[Content_Types].xml": (x) =>
        x
          .replace("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml", "application/vnd.ms-excel.sheet.macroEnabled.main+xml")
          .replace("</Types>", '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/></Types>'),
      "xl/_rels/workbook.xml.rels": (x) =>
        x.replace(
          "</Relationships>",
          '<Relationship Id="rIdVba" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" Target="vbaProject.bin"/></Relationships>',
        ),
      "xl/vbaProject.bin": vba,
    });
  }

  it("keeps its macros byte for byte in a .xlsm output", async () => {
    const input = xlsm();
    const r = await recalcFile(input, "macros.xlsm", "macros-out.xlsm");
    expect(r.code).toBe(0);
    const before = readZip(input).get("xl/vbaProject.bin")!;
    const after = readZip(readFileSync(join(dir, "macros-out.xlsm"))).get("xl/vbaProject.bin")!;
    expect(Buffer.from(after.raw).equals(Buffer.from(before.raw))).toBe(true);
    expect(text(inflateEntry(readZip(readFileSync(join(dir, "macros-out.xlsm"))).get("[Content_Types].xml")!))).toContain("macroEnabled.main+xml");
  });

  it("refuses to write it to a .xlsx file, which Excel would not open", async () => {
    const r = await recalcFile(xlsm(), "macros2.xlsm", "macros2-out.xlsx");
    expect([r.code, r.written]).toEqual([2, false]);
    expect(r.err).toContain("has macros: write it to a .xlsm file");
  });
});

describe("text the user typed comes back byte for byte", () => {
  it("a carriage return inside a name stays a carriage return, not a line feed", async () => {
    const wb = XlsxWorkbook.fromBuffer(sample);
    const employees = await readTable(wb, "Employees");
    employees.rows[0][1] = "Zhang\rWei\r\nsecond line\ttab";
    await writeTable(wb, "Employees", employees.headers, employees.rows);
    const input = XlsxWorkbook.fromBuffer(await wb.toBuffer());
    expect((await readTable(input, "Employees")).rows[0][1]).toBe("Zhang\rWei\r\nsecond line\ttab");
    await runRecalculation(input, "2026-Q2", { now: NOW });
    const results = await readTable(XlsxWorkbook.fromBuffer(await input.toBuffer()), "Results");
    expect(results.rows.find((r) => r[0] === "P001")?.[1]).toBe("Zhang\rWei\r\nsecond line\ttab");
  });
});

describe("a workbook whose layout stops the write says where, and nothing is written", () => {
  async function firstRun(): Promise<Uint8Array> {
    const wb = XlsxWorkbook.fromBuffer(sample);
    await runRecalculation(wb, "2026-Q2", { now: NOW });
    return await wb.toBuffer();
  }

  it("a protected Results sheet", async () => {
    const once = await firstRun();
    const part = sheetOf(once, "Results");
    const bad = edited({ [part]: (x) => x.replace("</sheetData>", '</sheetData><sheetProtection sheet="1" objects="1" scenarios="1"/>') }, once);
    const r = await recalcFile(bad, "protected");
    expect([r.code, r.written]).toEqual([2, false]);
    expect(r.err).toContain("sheet Results is protected: unprotect it (Review › Unprotect Sheet)");
  });

  it("a workbook whose structure is protected, when output sheets must be added", async () => {
    const bad = edited({ "xl/workbook.xml": (x) => x.replace("<sheets>", '<workbookProtection lockStructure="1"/><sheets>') });
    const r = await recalcFile(bad, "locked-structure");
    expect([r.code, r.written]).toEqual([2, false]);
    expect(r.err).toContain("the workbook's structure is protected (Review › Protect Workbook)");
  });

  it("a note the user typed below Results, where the table must grow", async () => {
    const once = await firstRun();
    const wb = XlsxWorkbook.fromBuffer(once);
    // One more employee makes Results one row longer: row 14, where the note sits in A14.
    const employees = await readTable(wb, "Employees");
    await writeTable(wb, "Employees", employees.headers, [
      ...employees.rows,
      ["X001", "New Hire", employees.rows[0][2], employees.rows[0][3], 9000, null, null],
    ]);
    const grown = await wb.toBuffer();
    const part = sheetOf(grown, "Results");
    const withNote = edited(
      { [part]: (x) => x.replace("</sheetData>", '<row r="14"><c r="A14" t="inlineStr"><is><t>Approved by HR</t></is></c></row></sheetData>') },
      grown,
    );
    const r = await recalcFile(withNote, "note-below");
    expect([r.code, r.written]).toEqual([2, false]);
    expect(r.err).toContain("the Results table needs A1:R14 on sheet Results, but A14 there is not empty: move what is in it, then run again");
  });

  it("a sheet named Results that is not ours: the table goes to Results (2), and the run says so", async () => {
    const wb = XlsxWorkbook.fromBuffer(sample);
    const report = await wb.writeTables([{ name: "Notes", columns: [{ name: "Note", kind: "text" }], rows: [["keep"]] }]);
    expect(report.renamedSheets).toEqual([]);
    const withSheet = edited({ "xl/workbook.xml": (x) => x.replace(/(<sheet [^>]*name=")Notes(")/, "$1Results$2") }, await wb.toBuffer());
    const r = await recalcFile(withSheet, "results-sheet");
    expect(r.code).toBe(0);
    expect(r.out).toContain("a sheet named Results already exists and is not ours, so the Results table went to sheet Results (2)");
    const out = XlsxWorkbook.fromBuffer(readFileSync(join(dir, "results-sheet-out.xlsx")));
    expect((await out.listTables()).find((t) => t.name === "Results")?.sheet).toBe("Results (2)");
    expect((await readTable(out, "Notes")).rows).toEqual([["keep"]]);
  });
});

describe("a bug of ours in what we would write", () => {
  it("exits 3, says it is an internal error, and writes nothing", async () => {
    const spy = vi.spyOn(XlsxWorkbook.prototype, "toBuffer").mockImplementation(() => {
      throw new PackageBug("the part xl/worksheets/sheet20.xml we wrote is not well-formed XML (line 1: a malformed start tag)");
    });
    try {
      const r = await recalcFile(sample, "bug");
      expect([r.code, r.written]).toEqual([3, false]);
      expect(r.err).toMatch(/^kpi: internal error: the part xl\/worksheets\/sheet20\.xml we wrote is not well-formed XML .*Nothing was written/);
    } finally {
      spy.mockRestore();
    }
  });

  it("is caught by reading back every part written", () => {
    const wb = XlsxWorkbook.fromBuffer(sample);
    const parts = (wb as unknown as { parts: { put(p: string, x: string): void } }).parts;
    expect(() => parts.put("xl/worksheets/sheet99.xml", "<worksheet><sheetData></worksheet>")).toThrow(PackageBug);
    expect(XlsxError).toBeDefined();
  });
});
