/**
 * Reading tables inside Excel in 4 MB blocks sized by what earlier blocks weighed. The first block is
 * sized by a guess; text far longer than the guess (notes, task descriptions) must not stop the read.
 */
import { describe, expect, it } from "vitest";
import { readAll } from "../../../src/workbook/office/read";
import { createExcelDouble } from "../../support/excel";

describe("reading a table whose cells are much heavier than guessed", () => {
  it("asks again in smaller blocks when Excel on the web refuses a response over 5 MB, and reads every row", async () => {
    // 11,000 rows of a 160-character Chinese note (480 bytes of UTF-8 each, about 500 as JSON with its
    // quotes and format): the first block, sized at 48 bytes a cell, would ask for some 43,000 cells,
    // about 10 MB, which Excel on the web refuses (ResponsePayloadSizeLimitExceeded).
    const note = "请于季度末前提交周报并附上客户拜访记录".repeat(8).slice(0, 160);
    const rows = Array.from({ length: 11000 }, (_, i) => [`E${i + 1}`, `${note}${i}`]);
    const d = createExcelDouble({ sheets: ["Notes"], platform: "web" });
    d.book.addTable("Notes", "A1", "Notes", ["EmployeeId", "Note"], rows);
    let syncs = 0;
    const read = await d.run((context) => readAll(context, ["Notes"], undefined, () => syncs++));
    const t = read.tables.get("Notes")!;
    expect(t.rows).toHaveLength(11000);
    expect(t.rows[10999]).toEqual(["E11000", `${note}10999`]);
    // 2 syncs for the shapes, then blocks: at least 3 of them for some 11 MB of values.
    expect(syncs).toBeGreaterThanOrEqual(5);
  });
});
