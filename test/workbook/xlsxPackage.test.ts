/**
 * A package written by hand the way tools other than Excel write them: prefixed elements (x:row),
 * shared strings with rich text and phonetic runs, a custom date format, a table that does not start
 * at A1, with a totals row, and cells without r attributes.
 */
import { describe, expect, it } from "vitest";
import { XlsxWorkbook } from "../../src/workbook/xlsx/package";
import { inflateEntry, newEntry, readZip, writeZip } from "../../src/workbook/xlsx/zip";
import { readTable, writeTable } from "../support/tables";

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG = "http://schemas.openxmlformats.org/package/2006/relationships";

function pkg(parts: Record<string, string>): Uint8Array {
  return writeZip(Object.entries(parts).map(([name, xml]) => newEntry(name, new TextEncoder().encode(xml))));
}

const parts: Record<string, string> = {
  "[Content_Types].xml": `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/tables/table1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml"/></Types>`,
  "_rels/.rels": `<?xml version="1.0"?><Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  "xl/workbook.xml": `<?xml version="1.0"?><x:workbook xmlns:x="${MAIN}" xmlns:r="${REL}"><x:sheets><x:sheet name="员工" sheetId="1" r:id="rId1"/></x:sheets></x:workbook>`,
  "xl/_rels/workbook.xml.rels": `<?xml version="1.0"?><Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${REL}/worksheet" Target="/xl/worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId3" Type="${REL}/styles" Target="styles.xml"/></Relationships>`,
  "xl/sharedStrings.xml": `<?xml version="1.0"?><x:sst xmlns:x="${MAIN}" count="3" uniqueCount="3"><x:si><x:t>员工编号</x:t></x:si><x:si><x:r><x:rPr><x:b/></x:rPr><x:t>张</x:t></x:r><x:r><x:t xml:space="preserve">伟 &amp; co</x:t></x:r><x:rPh sb="0" eb="1"><x:t>ちょう</x:t></x:rPh></x:si><x:si><x:t>入职日期</x:t></x:si></x:sst>`,
  "xl/styles.xml": `<?xml version="1.0"?><x:styleSheet xmlns:x="${MAIN}"><x:numFmts count="1"><x:numFmt numFmtId="164" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/></x:numFmts><x:cellXfs count="2"><x:xf numFmtId="0"/><x:xf numFmtId="164" applyNumberFormat="1"/></x:cellXfs></x:styleSheet>`,
  "xl/worksheets/sheet1.xml": `<?xml version="1.0"?><x:worksheet xmlns:x="${MAIN}" xmlns:r="${REL}"><x:sheetData>
    <x:row r="3"><x:c r="C3" t="s"><x:v>0</x:v></x:c><x:c r="D3" t="inlineStr"><x:is><x:t>姓名</x:t></x:is></x:c><x:c r="E3" t="s"><x:v>2</x:v></x:c></x:row>
    <x:row r="4"><x:c r="B4" t="str"><x:v>outside</x:v></x:c><x:c r="C4"><x:v>1001</x:v></x:c><x:c t="s"><x:v>1</x:v></x:c><x:c s="1"><x:v>46143</x:v></x:c></x:row>
    <x:row r="5"><x:c r="C5" t="str"><x:v>1002</x:v></x:c><x:c r="D5" t="e"><x:v>#N/A</x:v></x:c><x:c r="E5" t="b"><x:v>1</x:v></x:c></x:row>
    <x:row r="6"><x:c r="C6" t="inlineStr"><x:is><x:t>合计</x:t></x:is></x:c></x:row>
    <x:row r="7"><x:c r="C7"><x:v>999</x:v></x:c></x:row>
  </x:sheetData><x:tableParts count="1"><x:tablePart r:id="rId1"/></x:tableParts></x:worksheet>`,
  "xl/worksheets/_rels/sheet1.xml.rels": `<?xml version="1.0"?><Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${REL}/table" Target="../tables/table1.xml"/></Relationships>`,
  "xl/tables/table1.xml": `<?xml version="1.0"?><x:table xmlns:x="${MAIN}" id="3" name="Table3" displayName="Employees" ref="C3:E6" totalsRowCount="1"><x:autoFilter ref="C3:E5"/><x:tableColumns count="3"><x:tableColumn id="1" name="员工编号"/><x:tableColumn id="2" name="姓名"/><x:tableColumn id="3" name="入职日期"/></x:tableColumns></x:table>`,
};

describe("an .xlsx package from another tool", () => {
  it("finds the table by its display name, with its headers", async () => {
    const wb = XlsxWorkbook.fromBuffer(pkg(parts));
    expect(await wb.listTables()).toEqual([{ name: "Employees", sheet: "员工", headers: ["员工编号", "姓名", "入职日期"] }]);
  });

  it("reads the body between the header and the totals row, with addresses from C3", async () => {
    const t = await readTable(XlsxWorkbook.fromBuffer(pkg(parts)), "Employees");
    expect(t.headerRow).toBe(3);
    expect(t.firstColumn).toBe(3);
    expect(t.rows).toEqual([
      // rich text joined without its phonetic run; a cell with no r follows the previous one; 46143 in a date format is 2026-05-01
      [1001, "张伟 & co", new Date(Date.UTC(2026, 4, 1))],
      ["1002", "#N/A", true],
    ]);
  });

  it("reads a date-formatted serial of a 1904 workbook from 1904, and says the tables count from there", async () => {
    // In the 1904 system (Mac Excel before 2011) serial 0 is 1904-01-01, so 46143 is 1462 days after the
    // 1900 system's 46143 (2026-05-01): 2030-05-02.
    const mac = { ...parts, "xl/workbook.xml": parts["xl/workbook.xml"].replace("<x:sheets>", '<x:workbookPr date1904="1"/><x:sheets>') };
    const t = await readTable(XlsxWorkbook.fromBuffer(pkg(mac)), "Employees");
    expect(t.rows[0][2]).toEqual(new Date(Date.UTC(2030, 4, 2)));
    expect(t.date1904).toBe(true);
    expect((await readTable(XlsxWorkbook.fromBuffer(pkg(parts)), "Employees")).date1904).toBeUndefined();
  });

  it("writes an output table into it that reads back", async () => {
    const wb = XlsxWorkbook.fromBuffer(pkg(parts));
    await writeTable(wb, "Results", ["EmployeeId", "Name"], [["=1+1", "王"]]);
    const again = XlsxWorkbook.fromBuffer(await wb.toBuffer());
    expect((await readTable(again, "Results")).rows).toEqual([["=1+1", "王"]]);
    expect((await readTable(again, "Employees")).rows[0][0]).toBe(1001);
    // The next free part name, and a table id above the existing table's id 3.
    const zip = readZip(await wb.toBuffer());
    expect(new TextDecoder().decode(inflateEntry(zip.get("xl/tables/table2.xml")!))).toContain('id="4" name="Results"');
    expect(new TextDecoder().decode(inflateEntry(zip.get("xl/workbook.xml")!))).toContain('<x:sheet name="Results"');
  });
});

describe("an output table already on a prefixed sheet of another tool", () => {
  // Results at C3:D4 on sheet 结果 (x: prefixed), one body row, and HR's note in F4 beside it.
  const withResults: Record<string, string> = {
    ...parts,
    "[Content_Types].xml": parts["[Content_Types].xml"].replace(
      "</Types>",
      `<Override PartName="/xl/worksheets/sheet2.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/tables/table2.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml"/></Types>`,
    ),
    "xl/workbook.xml": parts["xl/workbook.xml"].replace("</x:sheets>", `<x:sheet name="结果" sheetId="2" r:id="rId4"/></x:sheets>`),
    "xl/_rels/workbook.xml.rels": parts["xl/_rels/workbook.xml.rels"].replace(
      "</Relationships>",
      `<Relationship Id="rId4" Type="${REL}/worksheet" Target="worksheets/sheet2.xml"/></Relationships>`,
    ),
    "xl/worksheets/sheet2.xml": `<?xml version="1.0"?><x:worksheet xmlns:x="${MAIN}" xmlns:r="${REL}"><x:sheetData><x:row r="3"><x:c r="C3" t="inlineStr"><x:is><x:t>EmployeeId</x:t></x:is></x:c><x:c r="D3" t="inlineStr"><x:is><x:t>Name</x:t></x:is></x:c></x:row><x:row r="4"><x:c r="C4" t="inlineStr"><x:is><x:t>old</x:t></x:is></x:c><x:c r="F4" t="inlineStr"><x:is><x:t>HR note</x:t></x:is></x:c></x:row></x:sheetData><x:tableParts count="1"><x:tablePart r:id="rId1"/></x:tableParts></x:worksheet>`,
    "xl/worksheets/_rels/sheet2.xml.rels": `<?xml version="1.0"?><Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${REL}/table" Target="../tables/table2.xml"/></Relationships>`,
    "xl/tables/table2.xml": `<?xml version="1.0"?><x:table xmlns:x="${MAIN}" id="7" name="Results" displayName="Results" ref="C3:D4"><x:autoFilter ref="C3:D4"/><x:tableColumns count="2"><x:tableColumn id="1" name="EmployeeId"/><x:tableColumn id="2" name="Name"/></x:tableColumns></x:table>`,
  };

  it("is rewritten where it stands in the sheet's own prefix, HR's note kept on its row", async () => {
    const wb = XlsxWorkbook.fromBuffer(pkg(withResults));
    await writeTable(
      wb,
      "Results",
      ["EmployeeId", "Name"],
      [
        ["P1", "张伟"],
        ["P2", 7],
        ["P3", "a & b"],
      ],
    );
    const out = await wb.toBuffer();
    expect((await readTable(XlsxWorkbook.fromBuffer(out), "Results")).rows).toEqual([
      ["P1", "张伟"],
      ["P2", 7],
      ["P3", "a & b"],
    ]);
    const sheet = new TextDecoder().decode(inflateEntry(readZip(out).get("xl/worksheets/sheet2.xml")!));
    // Row 4 keeps HR's note after the table's cells; rows 5 and 6 are new, written in the x: prefix.
    expect(sheet).toMatch(/<x:row r="4"[^>]*><x:c r="C4"[^>]*>.*P1.*<x:c r="F4" t="inlineStr"><x:is><x:t>HR note<\/x:t><\/x:is><\/x:c><\/x:row>/);
    expect(sheet).toMatch(/<x:row r="5"><x:c r="C5"[^>]*><x:is><x:t>P2<\/x:t><\/x:is><\/x:c><x:c r="D5"[^>]*><x:v>7<\/x:v><\/x:c><\/x:row>/);
    expect(sheet).toContain("a &amp; b");
    expect(sheet).not.toMatch(/<(row|c|v|is|t)[ >]/);
  });
});

describe("a part that is not UTF-8", () => {
  it("is refused when its sheet is read, naming the part, and a BOM at its start is not", async () => {
    // 张 is E5 BC A0 in UTF-8; a lone E5 before the cell's closing tag is not a character at all.
    const sheet = parts["xl/worksheets/sheet1.xml"];
    const broken = Buffer.concat([
      Buffer.from(sheet.slice(0, sheet.indexOf("</x:sheetData>"))),
      Buffer.from([0xe5]),
      Buffer.from(sheet.slice(sheet.indexOf("</x:sheetData>"))),
    ]);
    const bytes = writeZip(
      Object.entries(parts).map(([name, xml]) => newEntry(name, name === "xl/worksheets/sheet1.xml" ? broken : new TextEncoder().encode(xml))),
    );
    await expect(readTable(XlsxWorkbook.fromBuffer(bytes), "Employees")).rejects.toThrow("the part xl/worksheets/sheet1.xml is not valid UTF-8");
    const bom = writeZip(
      Object.entries(parts).map(([name, xml]) => newEntry(name, new TextEncoder().encode(name === "xl/worksheets/sheet1.xml" ? `\uFEFF${xml}` : xml))),
    );
    expect((await readTable(XlsxWorkbook.fromBuffer(bom), "Employees")).rows[0][0]).toBe(1001);
    // Two at the start of the workbook part, as some tools write them: still read.
    const twice = writeZip(
      Object.entries(parts).map(([name, xml]) => newEntry(name, new TextEncoder().encode(name === "xl/workbook.xml" ? `\uFEFF\uFEFF${xml}` : xml))),
    );
    expect(await XlsxWorkbook.fromBuffer(twice).listTables()).toEqual([{ name: "Employees", sheet: "员工", headers: ["员工编号", "姓名", "入职日期"] }]);
  });
});
