/**
 * Writing a text cell: most text takes a short path (no escaping, no xml:space), the rest is escaped.
 * Both must give the XML the escaping rules give (src/workbook/xlsx/xml.ts: Excel's _xHHHH_ for what XML
 * cannot hold and for CR, &amp; &lt; &gt;, xml:space="preserve" for spaces at an end, tabs, line breaks
 * and double spaces), and the text must read back character for character.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cellXml } from "../../../src/workbook/xlsx/sheetWrite";
import { decodeExcelText } from "../../../src/workbook/xlsx/sheetRead";
import { XmlScanner } from "../../../src/workbook/xlsx/xmlscan";
import { escapeText } from "../../../src/workbook/xlsx/xml";

/** The cell as the rules above write it, built here independently of the writer's short path. */
function expected(text: string): string {
  const preserve = /^\s|\s$|[\t\n\r]| {2}/.test(text) ? ' xml:space="preserve"' : "";
  return `<c r="B2" t="inlineStr"><is><t${preserve}>${escapeText(text)}</t></is></c>`;
}

/** The text a strict reader gets back from the cell. */
function readBack(cell: string): string {
  let text = "";
  XmlScanner.scan(`<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="2">${cell}</row></sheetData></worksheet>`, {
    text: (t) => (text += t),
  });
  return decodeExcelText(text);
}

// Characters that take the long path (controls, CR, tab, LF, & < >, _x sequences, spaces) among ordinary ones.
const tricky = fc.constantFrom("a", "张", " ", "  ", "\t", "\n", "\r", "\x01", "\x1f", "&", "<", ">", "_x", "_x000D_", "_", "x", "0", "=", "\u3000", "\u00a0");
const text = fc.array(tricky, { maxLength: 8 }).map((parts) => parts.join(""));

describe("a text cell", () => {
  it("is written as the escaping rules say, whichever path it takes", () => {
    fc.assert(
      fc.property(text, (t) => {
        if (t === "") return;
        expect(cellXml("", 2, 2, t, false)).toBe(expected(t));
      }),
    );
  });

  it("reads back character for character", () => {
    fc.assert(
      fc.property(text, (t) => {
        if (t === "") return;
        expect(readBack(cellXml("", 2, 2, t, false))).toBe(t);
      }),
    );
  });

  it("of plain text is written without escaping or xml:space", () => {
    expect(cellXml("", 2, 2, "张伟 Sales", false)).toBe('<c r="B2" t="inlineStr"><is><t>张伟 Sales</t></is></c>');
  });
});
