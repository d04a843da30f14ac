/**
 * The Dashboard's figures and layout, from Results rows worked out by hand: counts by status, total pay
 * summed exactly (decimal, as money is), the average score rounded half up, grades best first.
 */
import { describe, expect, it } from "vitest";
import { dashboardFigures, dashboardSheet } from "../../src/app/dashboard";
import { outputColumns } from "../../src/app/recalculate";
import { OutputValue } from "../../src/workbook/port";

const COLUMNS = outputColumns("Results");
/** A Results row from the fields that matter here. */
function row(r: {
  id: string;
  dept: string;
  plan: string;
  period?: string;
  score: number | null;
  grade: string | null;
  pay: number | null;
  status: string;
}): OutputValue[] {
  const v: Record<string, OutputValue> = {
    EmployeeId: r.id,
    Name: r.id,
    Department: r.dept,
    Plan: r.plan,
    Period: r.period ?? "2026-Q2",
    Score: r.score,
    Grade: r.grade,
    TotalPay: r.pay,
    Status: r.status,
  };
  return COLUMNS.map((c) => v[c.name] ?? null);
}

const ROWS = [
  row({ id: "E1", dept: "Sales", plan: "P-A", score: 90, grade: "Good", pay: 100.1, status: "OK" }),
  row({ id: "E2", dept: "Sales", plan: "P-B", score: 85.5, grade: "Fair", pay: 0.2, status: "Warning" }),
  row({ id: "E3", dept: "Ops", plan: "P-A", score: 70, grade: "Poor", pay: null, status: "Error" }),
  row({ id: "E4", dept: "Ops", plan: "P-A", period: "2026-Q1", score: 99, grade: "Good", pay: 5000, status: "OK" }),
  row({ id: "E5", dept: "", plan: "P-B", score: null, grade: null, pay: 0.1, status: "OK" }),
];

describe("the Dashboard's figures", () => {
  const f = dashboardFigures(COLUMNS, ROWS, "2026-Q2", "en");
  const plain = (x: (typeof f.departments)[number]) => ({
    ...x,
    totalPay: x.totalPay.toNumber(),
    averageScore: x.averageScore?.toNumber() ?? null,
    grades: Object.fromEntries(x.grades),
  });

  it("counts each department's employees by status, sums its pay exactly and averages its scores, for the period only", () => {
    // Sales: E1 + E2 = 100.1 + 0.2 = 100.3 (not 100.29999999999998), scores (90 + 85.5) / 2 = 87.75.
    // Ops: only E3 in 2026-Q2 (E4 is Q1): Error, no pay, score 70. E5 has no department.
    expect(f.departments.map(plain)).toEqual([
      { name: "Sales", employees: 2, ok: 1, warning: 1, error: 0, totalPay: 100.3, averageScore: 87.75, grades: { Good: 1, Fair: 1 } },
      { name: "Ops", employees: 1, ok: 0, warning: 0, error: 1, totalPay: 0, averageScore: 70, grades: { Poor: 1 } },
      { name: "(no department)", employees: 1, ok: 1, warning: 0, error: 0, totalPay: 0.1, averageScore: null, grades: {} },
    ]);
  });

  it("gives each plan its grade counts, and lists the grades best first by the highest score seen with each", () => {
    // P-A: E1 (Good, 90, 100.1) and E3 (Poor, 70, Error): average (90 + 70) / 2 = 80. P-B: E2 (Fair) and E5 (no score): 0.2 + 0.1 = 0.3.
    expect(f.plans.map(plain)).toEqual([
      { name: "P-A", employees: 2, ok: 1, warning: 0, error: 1, totalPay: 100.1, averageScore: 80, grades: { Good: 1, Poor: 1 } },
      { name: "P-B", employees: 2, ok: 1, warning: 1, error: 0, totalPay: 0.3, averageScore: 85.5, grades: { Fair: 1 } },
    ]);
    expect(f.grades).toEqual(["Good", "Fair", "Poor"]);
  });

  it("sums numbers that are not whole cents exactly too", () => {
    // 100.1 + 0.005 + 0.001 = 100.106 by hand; the whole cents go as hundredths, the rest as decimals.
    const rows = [100.1, 0.005, 0.001].map((pay, i) => row({ id: `E${i}`, dept: "D", plan: "P", score: 80, grade: "G", pay, status: "OK" }));
    expect(dashboardFigures(COLUMNS, rows, "2026-Q2", "en").departments[0].totalPay.toString()).toBe("100.106");
  });

  it("rounds an average score half up to 0.01", () => {
    // (80.12 + 80.13) / 2 = 80.125 → 80.13 (half up; binary floating point would give 80.12).
    const rows = [80.12, 80.13].map((score, i) => row({ id: `E${i}`, dept: "D", plan: "P", score, grade: "G", pay: 1, status: "OK" }));
    expect(dashboardFigures(COLUMNS, rows, "2026-Q2", "en").departments[0].averageScore?.toNumber()).toBe(80.13);
  });
});

describe("the Dashboard sheet", () => {
  it("holds the department table (named Dashboard) and the plan table with a column per grade, and charts over them, in English", () => {
    const s = dashboardSheet(COLUMNS, ROWS, "2026-Q2", "en");
    expect(s.name).toBe("Dashboard");
    expect(s.tables.map((t) => [t.name, t.row, t.columns.map((c) => c.name)])).toEqual([
      ["Dashboard", 4, ["Department", "Employees", "OK", "Warning", "Error", "TotalPay", "AverageScore"]],
      // 3 department rows below the header at 4: the plans' header at 4 + 3 + 2 = 9.
      ["DashboardPlans", 9, ["Plan", "Employees", "OK", "Warning", "Error", "TotalPay", "AverageScore", "Good", "Fair", "Poor"]],
    ]);
    expect(s.tables[1].rows).toEqual([
      ["P-A", 2, 1, 0, 1, 100.1, 80, 1, 0, 1],
      ["P-B", 2, 1, 1, 0, 0.3, 85.5, 0, 1, 0],
    ]);
    expect(s.charts.map((c) => [c.type, c.title, c.table, c.categories, c.series])).toEqual([
      ["column", "Grade distribution by plan · 2026-Q2", "DashboardPlans", "Plan", ["Good", "Fair", "Poor"]],
      ["bar", "Total pay by department · 2026-Q2", "Dashboard", "Department", ["TotalPay"]],
    ]);
  });

  it("follows the workbook's language: Chinese titles, headers and axis labels", () => {
    const s = dashboardSheet(COLUMNS, ROWS, "2026-Q2", "zh");
    expect(s.cells[0].value).toBe("KPI 看板 · 2026-Q2");
    expect(s.tables[0].columns.map((c) => c.name)).toEqual(["部门", "人数", "正常", "警告", "错误", "应发合计", "平均分"]);
    expect(s.charts.map((c) => [c.title, c.categoryTitle, c.valueTitle])).toEqual([
      ["各考核方案等级分布 · 2026-Q2", "考核方案", "人数"],
      ["各部门应发合计 · 2026-Q2", "部门", "应发合计"],
    ]);
  });

  it("draws no chart over an empty period", () => {
    const s = dashboardSheet(COLUMNS, [], "2026-Q3", "en");
    expect(s.charts).toEqual([]);
    expect(s.tables.map((t) => t.rows.length)).toEqual([0, 0]);
  });
});
