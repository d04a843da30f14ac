/**
 * Pay statements from Results and Breakdown rows worked out by hand: what each statement holds, the
 * printable sheet's page breaks (one page per employee after the summary), the HTML page, and the
 * recalculation that runs first only when the period has no Results rows.
 */
import { describe, expect, it } from "vitest";
import { outputColumns, runRecalculation } from "../../src/app/recalculate";
import { recordsOf } from "../../src/app/statement";
import { statementsOf, writeStatements } from "../../src/app/statements";
import { PER_SHEET, statementFileName, statementHtml, statementsSheets } from "../../src/app/statementsLayout";
import { OutputValue, TableData } from "../../src/workbook/port";
import { memoryOf, scaledSample } from "../support/scaled";

const NOW = new Date("2026-07-05T09:00:00Z");

function table(name: "Results" | "Breakdown", rows: Array<Record<string, OutputValue>>): TableData {
  const headers = outputColumns(name).map((c) => c.name);
  return { name, sheet: name, headers, headerRow: 1, firstColumn: 1, rows: rows.map((r) => headers.map((h) => r[h] ?? null)) };
}

const RESULTS = table("Results", [
  {
    EmployeeId: "E1",
    Name: "Ann <Lee>",
    Department: "Sales",
    Plan: "AE",
    Period: "2026-Q2",
    Score: 92,
    Grade: "Excellent",
    Completion: 0.5,
    QuarterlyBonus: 1000.5,
    DealBonus: 0,
    Commission: 200,
    Incentives: 0,
    Penalties: -300,
    Adjustments: 0,
    TotalPay: 900.5,
    Status: "OK",
  },
  { EmployeeId: "E1", Name: "Ann <Lee>", Department: "Sales", Plan: "AE", Period: "2026-Q1", Score: 80, TotalPay: 1, Status: "OK" },
  {
    EmployeeId: "E2",
    Name: "Bo",
    Department: "Ops",
    Plan: "AE",
    Period: "2026-Q2",
    Score: 70,
    Grade: "Competent",
    Status: "Error",
    Flags: "Actuals D9: blank",
  },
]);
const BREAKDOWN = table("Breakdown", [
  {
    EmployeeId: "E1",
    Period: "2026-Q2",
    Indicator: "Sales",
    Weight: 60,
    Actual: 0.8,
    Rule: "Step",
    Points: 56,
    Explanation: "80% vs standard 90%: 2 steps of 5% below, −4 → 56 of 60",
  },
  { EmployeeId: "E1", Period: "2026-Q1", Indicator: "Sales", Weight: 60, Actual: 0.9, Rule: "Step", Points: 60, Explanation: "Q1" },
  { EmployeeId: "E1", Period: "2026-Q2", Indicator: "Service", Weight: 40, Actual: 90, Rule: "Score", Points: 36, Explanation: "rated 90 → 36 of 40" },
]);

const DATA = {
  results: recordsOf(
    RESULTS,
    outputColumns("Results").map((c) => c.name),
  ),
  breakdown: recordsOf(
    BREAKDOWN,
    outputColumns("Breakdown").map((c) => c.name),
  ),
  issues: [],
  issuesPeriod: null,
} as unknown as Parameters<typeof statementsOf>[0];
const totalOf = (s: { money: Array<{ line: string; value: unknown }> }) => s.money.find((m) => m.line === "TotalPay")?.value ?? null;

describe("a statement", () => {
  const [ann, bo] = statementsOf(DATA, "2026-Q2");

  it("holds the employee's Results row of the period and their Breakdown lines of that period only", () => {
    expect(statementsOf(DATA, "2026-Q2")).toHaveLength(2);
    expect({ id: ann.employeeId, name: ann.name, department: ann.department, plan: ann.plan, score: ann.score, grade: ann.grade, total: totalOf(ann) }).toEqual(
      { id: "E1", name: "Ann <Lee>", department: "Sales", plan: "AE", score: 92, grade: "Excellent", total: 900.5 },
    );
    expect(ann.lines.map((l) => [l.indicator, l.points, l.explanation])).toEqual([
      ["Sales", 56, "80% vs standard 90%: 2 steps of 5% below, −4 → 56 of 60"],
      ["Service", 36, "rated 90 → 36 of 40"],
    ]);
    // Each money line in Results' order; their sum is the total: 1000.5 + 0 + 200 + 0 − 300 + 0 = 900.5.
    expect(ann.money.map((m) => [m.line, m.value])).toEqual([
      ["QuarterlyBonus", 1000.5],
      ["DealBonus", 0],
      ["Commission", 200],
      ["Incentives", 0],
      ["Penalties", -300],
      ["Adjustments", 0],
      ["TotalPay", 900.5],
    ]);
  });

  it("of an employee in Error has no pay, and says why", () => {
    expect([bo.status, totalOf(bo), bo.flags, bo.lines]).toEqual(["Error", null, "Actuals D9: blank", []]);
  });

  it("as HTML shows the lines with money as HR reads it, escapes what was typed, and follows the language", () => {
    const html = statementHtml(ann, "en");
    expect(html).toContain('<html lang="en">');
    expect(html).toContain("Ann &lt;Lee&gt;");
    expect(html).not.toContain("<Lee>");
    expect(html).toContain("80% vs standard 90%: 2 steps of 5% below, −4 → 56 of 60");
    expect(html).toContain('<td>Quarterly bonus</td><td class="n">1,000.50</td>');
    expect(html).toContain('<td>Penalties</td><td class="n">-300.00</td>');
    expect(html).toContain('<tr class="total"><td>Total pay</td><td class="n">900.50</td></tr>');
    const zh = statementHtml(bo, "zh");
    expect(zh).toContain('<html lang="zh-CN">');
    expect(zh).toContain('<tr class="total"><td>应发合计</td><td class="n">—</td></tr>');
    expect(zh).toContain("<b>备注</b>：Actuals D9: blank");
    expect(statementFileName(ann)).toBe("2026-Q2_E1_Ann_Lee_.html");
  });
});

describe("the Statements sheet", () => {
  const statements = statementsOf(DATA, "2026-Q2");

  it("has a summary table, then each employee's block starting a new page", () => {
    const [sheet] = statementsSheets(statements, "2026-Q2", "en");
    expect(sheet.tables.map((t) => [t.name, t.row, t.columns.map((c) => c.name), t.rows])).toEqual([
      [
        "Statements",
        4,
        ["EmployeeId", "Name", "Department", "TotalPay", "Status"],
        [
          ["E1", "Ann <Lee>", "Sales", 900.5, "OK"],
          ["E2", "Bo", "Ops", null, "Error"],
        ],
      ],
    ]);
    const titles = sheet.cells.filter((c) => c.style === "title" && String(c.value).startsWith("Pay statement ·"));
    expect(titles.map((c) => c.value)).toEqual(["Pay statement · Ann <Lee> · 2026-Q2", "Pay statement · Bo · 2026-Q2"]);
    // The summary's header is row 4 and its 2 rows end at 6; the first block starts at 6 + 2 = 8, on a new page.
    expect(sheet.pageBreaks).toEqual(titles.map((c) => c.row));
    expect(titles[0].row).toBe(8);
    expect(sheet.page).toEqual({ landscape: false, onePage: false });
  });

  it("holds 1,000 statements a sheet, within Excel's 1023 manual page breaks", () => {
    const many = Array.from({ length: PER_SHEET + 5 }, (_, i) => ({ ...statements[0], employeeId: `E${i}` }));
    const sheets = statementsSheets(many, "2026-Q2", "zh");
    expect(sheets.map((s) => [s.name, s.tables[0].name, s.pageBreaks.length])).toEqual([
      ["Statements", "Statements", 1000],
      ["Statements2", "Statements2", 5],
    ]);
    expect(sheets[1].cells[0].value).toBe("工资条 · 2026-Q2 (2/2)");
  });
});

describe("writing statements", () => {
  it("builds them from Results when the period has rows there, without recalculating", async () => {
    const wb = memoryOf(scaledSample(12, "zh"));
    await runRecalculation(wb, "2026-Q2", { now: NOW });
    const writes = wb.writes;
    const run = await writeStatements(wb, "2026Q2");
    expect([run.period, run.lang, run.recalculated, run.sheets, run.statements.length, wb.writes - writes]).toEqual([
      "2026-Q2",
      "zh",
      null,
      ["Statements"],
      12,
      1,
    ]);
    const results = wb.records("Results").filter((r) => r.Period === "2026-Q2");
    expect(run.statements.map((s) => [s.employeeId, totalOf(s)])).toEqual(results.map((r) => [r.EmployeeId, r.TotalPay]));
  });

  it("recalculates the period first when Results has no row of it, and says so", async () => {
    const wb = memoryOf(scaledSample(12, "en"));
    const run = await writeStatements(wb, "2026-Q1");
    expect(run.recalculated?.period).toBe("2026-Q1");
    // P003 joined in May: 11 employees in Q1.
    expect(run.statements).toHaveLength(11);
    expect(wb.owned.get("Statements")?.content.pageBreaks).toHaveLength(11);
  });

  it("takes the period last recalculated when none is given", async () => {
    const wb = memoryOf(scaledSample(12, "en"));
    await runRecalculation(wb, "2026-Q1", { now: NOW });
    expect((await writeStatements(wb, undefined)).period).toBe("2026-Q1");
  });
});
