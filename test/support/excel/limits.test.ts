/**
 * Payload limits and counting. "Excel on the web limits requests and responses to 5 MB"; "On all platforms, a range
 * is limited to five million cells for get operations" (docs-pr `excel/performance.md`). The double measures a
 * request as the UTF-8 bytes of its JSON (object paths, actions, arguments) and takes 5 MB as 5·1024·1024 bytes.
 */
import { describe, expect, it } from "vitest";
import { createExcelDouble, PAYLOAD_LIMIT_BYTES } from "./index";

/** A column of n cells, each a 1,000-character string: a JSON payload of about n × 1,003 bytes. */
const bigColumn = (n: number): string[][] => Array.from({ length: n }, () => ["x".repeat(1000)]);

describe("request payload", () => {
  it("rejects a write over 5 MB on the web with RequestPayloadSizeLimitExceeded and applies nothing of the sync", async () => {
    const d = createExcelDouble({ platform: "web" });
    const before = d.book.snapshot();
    // 5,300 cells × ~1,003 bytes ≈ 5.3 MB > 5,242,880 bytes; the small write queued first must not land either.
    await expect(
      d.run(async (context) => {
        const sheet = context.workbook.worksheets.getItem("Sheet1");
        sheet.getRange("C1").values = [["first"]];
        sheet.getRange("A1:A5300").values = bigColumn(5300);
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "RequestPayloadSizeLimitExceeded" });
    expect(d.book.snapshot()).toEqual(before);
    expect(d.stats.records[0]).toMatchObject({ error: "RequestPayloadSizeLimitExceeded" });
    expect(d.stats.records[0]!.requestBytes).toBeGreaterThan(PAYLOAD_LIMIT_BYTES);
  });

  it("accepts a write just under 5 MB, and the same write split over two syncs", async () => {
    const d = createExcelDouble({ platform: "web" });
    await d.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      sheet.getRange("A1:A5000").values = bigColumn(5000);
      await context.sync();
      sheet.getRange("A5001:A5300").values = bigColumn(300);
      await context.sync();
    });
    expect(d.stats.syncs).toBe(2);
    expect(d.stats.maxRequestBytes).toBeLessThan(PAYLOAD_LIMIT_BYTES);
    expect(d.stats.maxRequestBytes).toBeGreaterThan(5000 * 1000);
  });

  it("has no payload limit on desktop", async () => {
    // The payload error codes "only occur in Office on the web" (docs-pr application-specific-api-error-handling.md).
    const d = createExcelDouble({ platform: "desktop" });
    await d.run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("A1:A5300").values = bigColumn(5300);
      await context.sync();
    });
    expect(d.book.cell("Sheet1", "A5300").value).toHaveLength(1000);
  });

  it("counts Chinese text as three UTF-8 bytes a character", async () => {
    const d = createExcelDouble();
    await d.run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("A1:A2").values = [["一".repeat(1000)], ["a".repeat(1000)]];
      await context.sync();
    });
    // The request holds both strings: at least 3,000 + 1,000 bytes of text, and under a thousand more for
    // the four steps of the range's path and the one property set (two bytes a character would be 3,000 and some).
    expect(d.stats.records[0]!.requestBytes).toBeGreaterThanOrEqual(4000);
    expect(d.stats.records[0]!.requestBytes).toBeLessThan(5000);
  });
});

describe("response payload and read limits", () => {
  it("rejects a read over 5 MB on the web with ResponsePayloadSizeLimitExceeded, undoing the sync's writes", async () => {
    const d = createExcelDouble({ platform: "web" });
    d.book.setCells("Sheet1", "A1", bigColumn(5300));
    const before = d.book.snapshot();
    await expect(
      d.run(async (context) => {
        const sheet = context.workbook.worksheets.getItem("Sheet1");
        sheet.getRange("C1").values = [["written"]];
        sheet.getRange("A1:A5300").load("values");
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "ResponsePayloadSizeLimitExceeded" });
    expect(d.book.snapshot()).toEqual(before);
  });

  it("fails a read of more than five million cells with RangeExceedsLimit on any platform", async () => {
    const d = createExcelDouble({ platform: "desktop" });
    await expect(
      d.run(async (context) => {
        // 5 columns × 1,048,576 rows = 5,242,880 cells > 5,000,000.
        context.workbook.worksheets.getItem("Sheet1").getRange("A:E").load("values");
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "RangeExceedsLimit" });
  });

  it("records the bytes returned by each sync", async () => {
    const d = createExcelDouble();
    d.book.setCells("Sheet1", "A1", [["abc"]]);
    await d.run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("A1").load("values");
      await context.sync();
    });
    // "values" (8 bytes as JSON) + ":" + [["abc"]] (9 bytes) = 18.
    expect(d.stats.records[0]!.responseBytes).toBe(18);
    expect(d.stats.maxResponseBytes).toBe(18);
  });
});

describe("suspension records", () => {
  it("notes calculation and screen-updating suspension on the sync they apply to", async () => {
    const d = createExcelDouble();
    await d.run(async (context) => {
      context.workbook.application.suspendApiCalculationUntilNextSync();
      context.workbook.application.suspendScreenUpdatingUntilNextSync();
      context.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [[1]];
      await context.sync();
      context.workbook.worksheets.getItem("Sheet1").getRange("A2").values = [[2]];
      await context.sync();
    });
    expect(d.stats.records.map((r) => [r.calculationSuspended, r.screenUpdatingSuspended])).toEqual([
      [true, true],
      [false, false],
    ]);
    expect(d.stats.screenUpdatingSuspensions).toBe(1);
  });
});
