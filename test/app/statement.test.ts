/**
 * An employee's statement is what Results, Breakdown and Issues hold, shown as their number formats show
 * it. Figures are the fixture's hand-worked ones (test/fixtures.ts, SPEC §5).
 */
import { describe, expect, it } from "vitest";
import { runRecalculation } from "../../src/app/recalculate";
import { findEmployees, issueLine, readStatementData, showMoney, showRatio, showScore, statementOf, statementText } from "../../src/app/statement";
import { baseRows, workbook } from "../fixtures";

const NOW = new Date("2026-07-05T09:00:00Z");

async function ranData(rows = baseRows()) {
  const wb = workbook(rows);
  await runRecalculation(wb, "2026-Q2", { now: NOW });
  return readStatementData(wb);
}

describe("finding an employee", () => {
  it("finds by id or by part of the name, ignoring case", async () => {
    const data = await ranData();
    expect(findEmployees(data, "p001").map((m) => m.id)).toEqual(["P001"]);
    expect(findEmployees(data, "li n").map((m) => [m.id, m.name, m.periods])).toEqual([["P002", "Li Na", ["2026-Q2"]]]);
    expect(findEmployees(data, "nobody")).toEqual([]);
  });

  it("puts the exact id first among several matches", async () => {
    const data = await ranData();
    data.results.push({ ...data.results[0], EmployeeId: "XP001", Name: "Someone" });
    expect(findEmployees(data, "P001").map((m) => m.id)).toEqual(["P001", "XP001"]);
  });
});

describe("a statement", () => {
  it("holds the Results row, the Breakdown lines and the money lines of the period", async () => {
    const s = statementOf(await ranData(), "P001", "2026-Q2")!;
    expect(s).toMatchObject({
      name: "Zhang Wei",
      department: "Presales Support",
      plan: "Presales",
      score: 92,
      grade: "Excellent",
      rank: 1,
      status: "OK",
      flags: "",
    });
    expect(s.lines).toHaveLength(7); // the Presales plan's seven indicators
    expect(s.lines.find((l) => l.indicator === "Excellent solutions")).toEqual({
      indicator: "Excellent solutions",
      weight: 20,
      actual: 0.8,
      rule: "Step",
      points: 16,
      explanation: "80% vs standard 90%: 2 steps of 5% below, −4 → 16 of 20",
    });
    // 36000 × 0.4 × 72/87 × 0.92 = 10963.86; big deal 250000 with 150000 received: 2250
    expect(Object.fromEntries(s.money.map((m) => [m.line, m.value]))).toEqual({
      QuarterlyBonus: 10963.86,
      DealBonus: 2250,
      Commission: 0,
      Incentives: 0,
      Penalties: 0,
      Adjustments: 0,
      TotalPay: 13213.86,
    });
  });

  it("is null for an employee or a period Results has no row for", async () => {
    const data = await ranData();
    expect(statementOf(data, "P999", "2026-Q2")).toBeNull();
    expect(statementOf(data, "P001", "2026-Q1")).toBeNull();
  });

  it("of an employee in Error has blank money, the flags, and the issues to fix with their cells", async () => {
    const rows = baseRows();
    rows.Actuals = rows.Actuals.filter((r) => !(r[0] === "P002" && r[2] === "HR"));
    const s = statementOf(await ranData(rows), "P002", "2026-Q2")!;
    expect(s.status).toBe("Error");
    expect(s.money.every((m) => m.value === null)).toBe(true);
    expect(s.flags).toContain('no row for P002 "HR" in 2026-Q2');
    expect(s.issues.length).toBeGreaterThan(0);
    expect(s.issues.every((i) => i.severity !== "" && i.table !== "")).toBe(true);
    const text = statementText(s, "en");
    expect(text).toContain("Total pay —");
    expect(text).toContain("Status: Error (not computed, so not paid until fixed)");
    expect(text).toContain('no row for P002 "HR" in 2026-Q2');
  });

  it("leaves out the issues of a run of another period", async () => {
    const rows = baseRows();
    rows.Actuals = rows.Actuals.filter((r) => !(r[0] === "P002" && r[2] === "HR"));
    const data = await ranData(rows);
    expect(statementOf({ ...data, issuesPeriod: "2026-Q1" }, "P002", "2026-Q2")?.issues).toEqual([]);
  });
});

describe("the statement as text", () => {
  it("says every line and the total in English", async () => {
    const text = statementText(statementOf(await ranData(), "P001", "2026-Q2")!, "en");
    expect(text.split("\n").slice(0, 3)).toEqual([
      "KPI bonus statement · 2026-Q2",
      "Zhang Wei (P001) · Presales Support · Presales",
      "Score 92.00 · Grade Excellent · Rank in plan 1 · Completion 82.76%",
    ]);
    expect(text).toContain("- Excellent solutions (Step, weight 20, actual 0.8) → 16.00 points: 80% vs standard 90%: 2 steps of 5% below, −4 → 16 of 20");
    expect(text).toContain("- Quarterly bonus 10,963.86");
    expect(text).toContain("- Total pay 13,213.86");
    expect(text).toContain("Status: OK");
  });

  it("says it in Chinese", async () => {
    const text = statementText(statementOf(await ranData(), "C001", "2026-Q2")!, "zh");
    expect(text).toContain("绩效奖金明细 · 2026-Q2");
    expect(text).toContain("Zhao Lei（C001）");
    // 5760 + 0 + 6300 + 13800 + 0 + 300 (test/app/recalculate.test.ts works each out)
    expect(text).toContain("- 应发合计 26,160.00");
    expect(text).toContain("- 提成 6,300.00");
    expect(text).toContain("状态：正常");
  });
});

describe("values as the tables' formats show them", () => {
  it("shows money as #,##0.00, a blank as a dash, scores as 0.00 and ratios as 0.00%", () => {
    expect([showMoney(1234567.5), showMoney(-300), showMoney(0), showMoney(null)]).toEqual(["1,234,567.50", "-300.00", "0.00", "—"]);
    expect([showScore(83.18), showScore(92)]).toEqual(["83.18", "92.00"]);
    expect(showRatio(72 / 87)).toBe("82.76%"); // 0.827586… → 82.76%
  });
});

describe("an issue on a statement", () => {
  it("is its message where the message names its table and cell, in English or in Chinese", () => {
    const en = { table: "Employees", cell: "E3", message: 'Employees E3: MonthlyBase is the text "abc", not a number: enter a number' };
    const zh = { table: "Employees", cell: "E3", message: '员工表 E3：月基本工资是文本 "abc"，不是数字：请输入数字' };
    expect(issueLine(en, "en")).toBe(en.message);
    expect(issueLine(zh, "zh")).toBe(zh.message);
  });

  it("is led by its table and cell, in the statement's language, where the message does not name them", () => {
    const bare = { table: "Employees", cell: "A2", message: "2025 年没有已考核的季度" };
    expect(issueLine(bare, "zh")).toBe("员工表 A2：2025 年没有已考核的季度");
    expect(issueLine({ ...bare, message: "2025 has no assessed quarter" }, "en")).toBe("Employees A2: 2025 has no assessed quarter");
  });
});
