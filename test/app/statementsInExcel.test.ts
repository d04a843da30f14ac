/**
 * The pane's Statements button on the Excel double: the Statements sheet written through the Office
 * adapter, a page break before each employee (Worksheet.horizontalPageBreaks), the same statements as
 * the in-memory workbook's, and rewritten in place when asked again.
 */
import { describe, expect, it } from "vitest";
import { recalculateInExcel } from "../../src/app/inExcel";
import { runRecalculation } from "../../src/app/recalculate";
import { writeStatements } from "../../src/app/statements";
import { statementsInExcel } from "../../src/app/statementsInExcel";
import { ExcelDouble } from "../support/excel";
import { doubleOf, hostOf } from "../support/doubles";
import { memoryOf, scaledSample } from "../support/scaled";

const sheetOf = (d: ExcelDouble, name: string) =>
  (d.book.snapshot() as { sheets: Array<{ name: string; pageBreaks: number[]; columnWidths: Record<string, number> }> }).sheets.find((s) => s.name === name)!;

describe("statements inside Excel", () => {
  it("writes the Statements sheet with a page break before each employee, as the in-memory workbook gets it", async () => {
    const tables = scaledSample(12, "zh");
    const d = doubleOf(tables);
    await recalculateInExcel(hostOf(d), { period: "2026-Q2" });
    const run = await statementsInExcel(hostOf(d), { period: "2026-Q2" });
    expect([run.recalculated, run.sheets, run.statements.length]).toEqual([null, ["Statements"], 12]);
    const memory = memoryOf(tables);
    await runRecalculation(memory, "2026-Q2");
    const built = await writeStatements(memory, "2026-Q2");
    expect(d.book.table("Statements")?.rows).toEqual(memory.tables.get("Statements")!.rows.map((r) => r.map((v) => v ?? "")));
    // Each block's title row begins a page: the break sits before it (0-based rows in the double).
    const titles = memory.owned.get("Statements")!.content.cells.filter((c) => /^工资条 · .+ · 2026-Q2$/.test(String(c.value)));
    expect(titles).toHaveLength(12);
    expect(sheetOf(d, "Statements").pageBreaks).toEqual(titles.map((c) => c.row - 1));
    expect(d.book.cell("Statements", `A${titles[0].row}`)).toMatchObject({ value: titles[0].value, style: { bold: true, fontSize: 14 } });
    expect(built.statements.map((s) => s.money)).toEqual(run.statements.map((s) => s.money));
    // Column E (explanations) is 22 characters: 22 × 7 + 5 = 159 pixels = 119.25 points.
    expect(sheetOf(d, "Statements").columnWidths.E).toBe(119.25);
  });

  it("rewrites the sheet where it stands when asked again, and recalculates first a period without Results rows", async () => {
    const d = doubleOf(scaledSample(12, "en"));
    const first = await statementsInExcel(hostOf(d), { period: "2026-Q1" });
    expect(first.recalculated?.period).toBe("2026-Q1");
    expect(sheetOf(d, "Statements").pageBreaks).toHaveLength(11);
    const again = await statementsInExcel(hostOf(d), { period: "2026-Q1" });
    expect(again.recalculated).toBeNull();
    expect(d.book.sheetNames().filter((n) => n.startsWith("Statements"))).toEqual(["Statements"]);
    expect(sheetOf(d, "Statements").pageBreaks).toHaveLength(11);
    expect(d.book.table("Statements")?.rows).toHaveLength(11);
  });

  it("writes a thousand employees' statements on Excel on the web in requests under its 5 MB limit", async () => {
    // One statement a page: bold headers, wrapped explanations and a page break each, thousands of small
    // format calls whose request records (not their values) come to some 6.8 MB when sent in one request.
    const d = doubleOf(scaledSample(1000), { platform: "web" });
    await recalculateInExcel(hostOf(d), { period: "2026-Q2" });
    const before = d.stats.records.length;
    const run = await statementsInExcel(hostOf(d), { period: "2026-Q2" });
    expect(run.statements).toHaveLength(1000);
    expect(sheetOf(d, "Statements").pageBreaks).toHaveLength(1000);
    expect(Math.max(...d.stats.records.slice(before).map((r) => r.requestBytes))).toBeLessThanOrEqual(4 * 1024 * 1024);
  });
});
