/**
 * Writing cells: typed input, text format, null and "" (docs-ref `excel.range.yml` values; docs-pr
 * `excel/excel-add-ins-blank-null-values.md`). Expected values are worked out by hand: "40%" is 40/100 = 0.4;
 * 2026-04-01 is serial 46113: 1900-01-01 to 2026-01-01 is 126×365 + 31 leap days = 46021 days, so 2026-01-01 is
 * serial 46023 (serial 1 is 1900-01-01, and Excel counts a 1900-02-29), and 31 + 28 + 31 = 90 days more.
 */
import { describe, expect, it } from "vitest";
import { createExcelDouble } from "./index";

async function write(values: unknown[][], opts: { numberFormat?: unknown[][] } = {}) {
  const d = createExcelDouble();
  const out = await d.run(async (context) => {
    const range = context.workbook.worksheets
      .getItem("Sheet1")
      .getRange("A1")
      .getResizedRange(values.length - 1, values[0]!.length - 1);
    if (opts.numberFormat) range.numberFormat = opts.numberFormat;
    range.values = values;
    range.load("values, formulas, numberFormat, valueTypes, text");
    await context.sync();
    return { values: range.values, formulas: range.formulas, numberFormat: range.numberFormat, valueTypes: range.valueTypes, text: range.text };
  });
  return { d, ...out };
}

describe("typed input", () => {
  it("makes a string with a leading = a formula, whose value the double reports as #NAME?", async () => {
    // "If the returned value starts with a plus, minus, or equal sign, Excel interprets this value as a formula."
    const r = await write([["=Bob"]]);
    expect([r.values, r.formulas, r.valueTypes]).toEqual([[["#NAME?"]], [["=Bob"]], [["Error"]]]);
  });

  it("makes a leading + or - a formula unless the rest is a number", async () => {
    const r = await write([["-Bob", "+Ann", "-5", "+1,200"]]);
    expect(r.formulas).toEqual([["=-Bob", "=+Ann", -5, 1200]]);
    expect(r.values).toEqual([["#NAME?", "#NAME?", -5, 1200]]);
  });

  it("turns numeric-looking text into numbers, with the format the typing implies", async () => {
    const r = await write([["001", "1,200", "40%", "12.5%", "$120"]]);
    expect(r.values).toEqual([[1, 1200, 0.4, 0.125, 120]]);
    expect(r.numberFormat).toEqual([["General", "#,##0", "0%", "0.00%", "$#,##0"]]);
  });

  it("turns an ISO date into a date serial with a date format", async () => {
    const r = await write([["2026-04-01"]]);
    expect([r.values, r.numberFormat, r.text]).toEqual([[[46113]], [["yyyy-mm-dd"]], [["2026-04-01"]]]);
  });

  it("keeps a locale-shaped date as text", async () => {
    // The docs' own example: "19-8-2025" (nl-NL shape) is stored as text.
    const r = await write([["19-8-2025"]]);
    expect([r.values, r.valueTypes]).toEqual([[["19-8-2025"]], [["String"]]]);
  });

  it("turns TRUE and false into booleans, and #N/A into an error value", async () => {
    const r = await write([["TRUE", "false", "#N/A"]]);
    expect(r.values).toEqual([[true, false, "#N/A"]]);
    expect(r.valueTypes).toEqual([["Boolean", "Boolean", "Error"]]);
  });

  it("keeps every string exactly in cells formatted as text (@), even when queued in the same batch", async () => {
    const r = await write([["=Bob", "001", "-5", "40%"]], { numberFormat: [["@", "@", "@", "@"]] });
    expect(r.values).toEqual([["=Bob", "001", "-5", "40%"]]);
    expect(r.valueTypes).toEqual([["String", "String", "String", "String"]]);
  });

  it("applies the text format only to writes queued after it", async () => {
    const d = createExcelDouble();
    await d.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Sheet1").getRange("A1");
      range.values = [["001"]];
      range.numberFormat = [["@"]];
      await context.sync();
    });
    expect(d.book.cell("Sheet1", "A1")).toMatchObject({ value: 1, numberFormat: "@" });
  });

  it("sends a JS Date as its JSON text, which Excel keeps as text: the adapter must write serials", async () => {
    // The request is JSON; JSON.stringify(new Date(…)) is an ISO timestamp, not a date Excel parses (inference).
    const r = await write([[new Date(Date.UTC(2026, 3, 1))]]);
    expect([r.values, r.valueTypes]).toEqual([[["2026-04-01T00:00:00.000Z"]], [["String"]]]);
  });

  it("keeps numbers and booleans as they are", async () => {
    const r = await write([[3.5, -0, true]]);
    expect(r.values).toEqual([[3.5, -0, true]]);
  });
});

describe("null, blank and shape", () => {
  it("leaves a cell unchanged for null and clears it for an empty string", async () => {
    const d = createExcelDouble();
    d.book.setCells("Sheet1", "A1", [["keep", "drop"]], [["@", "0.00"]]);
    await d.run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("A1:B1").values = [[null, ""]];
      await context.sync();
    });
    // "" clears the value; the number format stays (clearing contents is not clearing formats).
    expect(d.book.cell("Sheet1", "A1").value).toBe("keep");
    expect(d.book.cell("Sheet1", "B1")).toMatchObject({ value: "", numberFormat: "0.00" });
  });

  it("resets a number format to General with an empty string and skips null", async () => {
    const d = createExcelDouble();
    d.book.setCells("Sheet1", "A1", [[1, 2]], [["0.00", "0%"]]);
    await d.run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("A1:B1").numberFormat = [["", null]];
      await context.sync();
    });
    expect([d.book.cell("Sheet1", "A1").numberFormat, d.book.cell("Sheet1", "B1").numberFormat]).toEqual(["General", "0%"]);
  });

  it("rejects an array whose shape differs from the range with InvalidArgument, changing nothing", async () => {
    const d = createExcelDouble();
    const before = d.book.snapshot();
    await expect(
      d.run(async (context) => {
        context.workbook.worksheets.getItem("Sheet1").getRange("A1:B2").values = [[1, 2, 3]];
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "InvalidArgument", debugInfo: { errorLocation: "Range.values" } });
    expect(d.book.snapshot()).toEqual(before);
  });

  it("rejects null for the whole property", async () => {
    // "range.values = null; // This is not a valid snippet."
    const d = createExcelDouble();
    await expect(
      d.run(async (context) => {
        (context.workbook.worksheets.getItem("Sheet1").getRange("A1") as unknown as { values: unknown }).values = null;
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "InvalidArgument" });
  });

  it("applies a single value to every cell, for values and number formats", async () => {
    // office-js-docs-pr#2013: a single value for values, formulas or numberFormat applies to all cells.
    const d = createExcelDouble();
    await d.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Sheet1").getRange("A1:B2") as unknown as { values: unknown; numberFormat: unknown };
      range.numberFormat = "0.0";
      range.values = 7;
      await context.sync();
    });
    expect(["A1", "B1", "A2", "B2"].map((a) => d.book.cell("Sheet1", a).text)).toEqual(["7.0", "7.0", "7.0", "7.0"]);
  });

  it("rejects a value that is not a cell value: an object, a nested array, NaN", async () => {
    for (const bad of [{ a: 1 }, [1], Number.NaN]) {
      const d = createExcelDouble();
      await expect(
        d.run(async (context) => {
          context.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [[bad]];
          await context.sync();
        }),
      ).rejects.toMatchObject({ code: "InvalidArgument" });
    }
  });
});

describe("reading", () => {
  it("reads empty cells as empty strings and text through the number format", async () => {
    const d = createExcelDouble();
    d.book.setCells("Sheet1", "A1", [[0.125, null, new Date(Date.UTC(2026, 3, 1))]], [["0.0%", null, null]]);
    await d.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Sheet1").getRange("A1:C1").load("values, text, valueTypes, numberFormat");
      await context.sync();
      expect(range.values).toEqual([[0.125, "", 46113]]);
      expect(range.text).toEqual([["12.5%", "", "2026-04-01"]]);
      expect(range.valueTypes).toEqual([["Double", "Empty", "Double"]]);
      expect(range.numberFormat).toEqual([["0.0%", "General", "yyyy-mm-dd"]]);
    });
  });
});

describe("Excel.Functions.date", () => {
  it("gives the serial of a date in the workbook's date system, readable only after load and sync", async () => {
    // DATE(1904, 1, 1) is 1462 in the 1900 system and 0 in the 1904 one (serial 0 is 1904-01-01 there).
    for (const [date1904, serial] of [
      [false, 1462],
      [true, 0],
    ] as const) {
      const d = createExcelDouble({ date1904 });
      const value = await d.run(async (context) => {
        const r = context.workbook.functions.date(1904, 1, 1);
        expect(() => r.value).toThrow();
        r.load("value");
        await context.sync();
        return r.value;
      });
      expect(value).toBe(serial);
    }
  });
});
