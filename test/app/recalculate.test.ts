/**
 * The main job end to end on the fixture workbook (test/fixtures.ts), whose figures are worked out by hand
 * there (SPEC §5). One file: every block shares that fixture and its hand-worked results.
 */
import { describe, expect, it } from "vitest";
import { runRecalculation } from "../../src/app/recalculate";
import { UnusableWorkbook } from "../../src/engine/recalc";
import { baseRows, HEADERS, resultsById, workbook } from "../fixtures";

const NOW = new Date("2026-07-05T09:00:00Z");
const run = (wb = workbook(), period = "2026-Q2") => runRecalculation(wb, period, { now: NOW }).then((s) => ({ wb, s }));

/** The fixture's Plans row of `plan` with `column` set to `value`. */
function setPlanCell(rows: ReturnType<typeof baseRows>, plan: string, column: string, value: string): void {
  const at = HEADERS.Plans.indexOf(column);
  rows.Plans = rows.Plans.map((p) => (p[0] === plan ? p.map((v, i) => (i === at ? value : v)) : p));
}

describe("a quarter end to end (SPEC §5 worked examples)", () => {
  it("pays the presales bonus 36000 × 0.4 × 72/87 × 0.92 = 10963.86", async () => {
    const { wb } = await run();
    const p = resultsById(wb).P001;
    expect(p.Score).toBe(92); // 10+20+10+10+16+20+6
    expect(p.Completion).toBe(72 / 87); // (275−203)/(290−203)
    expect(p.QuarterlyBonus).toBe(10963.86);
    expect(p.Grade).toBe("Excellent"); // ≥91, English workbook
    expect(p.Status).toBe("OK");
  });

  it("pays the big deal 250000 / 150000 as 2250 and the 90000 deal nothing; deals outside the quarter are ignored", async () => {
    const { wb } = await run();
    const p = resultsById(wb).P001;
    expect(p.DealBonus).toBe(2250); // D1 (2026-05) 2250 + D2 (2026-Q2) 0; D3 (2026-07) and D4 (2026-Q1) are outside Q2
    expect(p.TotalPay).toBe(13213.86); // 10963.86 + 2250
  });

  it("scores 75% against 85% as exactly 2 steps of 5% below and 96% against 90% as 6 steps above", async () => {
    const { wb } = await run();
    const lines = wb.records("Breakdown").filter((b) => b.EmployeeId === "P002");
    expect(lines.find((b) => b.Indicator === "Project success")?.Points).toBe(16);
    expect(lines.find((b) => b.Indicator === "Excellent solutions")?.Points).toBe(23);
    expect(resultsById(wb).P002.Score).toBe(82); // 8+20+5+0+23+16+10
    expect(resultsById(wb).P002.QuarterlyBonus).toBe(8143.45); // 30000 × 0.4 × 72/87 × 0.82 = 8143.448…
  });

  it("explains each indicator in one sentence", async () => {
    const { wb } = await run();
    const line = wb.records("Breakdown").find((b) => b.EmployeeId === "P001" && b.Indicator === "Excellent solutions");
    expect(line).toMatchObject({ Period: "2026-Q2", Weight: 20, Actual: 0.8, Rule: "Step", Points: 16 });
    expect(line?.Explanation).toBe("80% vs standard 90%: 2 steps of 5% below, −4 → 16 of 20");
  });

  it("pays a Project deal bonus 800000 × 0.5% × 1.3 (开拓型) × 0.88 × 1.2 = 5491.20", async () => {
    const rows = baseRows();
    rows.Plans[0][6] = "Project";
    rows.Deals = [
      ["D9", "P001", "2026-06", 800000, 800000, "开拓型", 88, 1.2],
      ["D8", "P001", "2026-Q2", 100000, 100000, "replica", 50, null], // 100000 × 0.5% × 0.6 × 0.5 × 1 = 150
    ];
    const { wb } = await run(workbook(rows));
    expect(resultsById(wb).P001.DealBonus).toBe(5641.2);
  });

  it("makes a Project deal without its quality an Error, naming the cell", async () => {
    const rows = baseRows();
    rows.Plans[0][6] = "Project";
    rows.Deals = [["D9", "P001", "2026-06", 800000, 800000, "开拓型", null, 1.2]];
    const { wb } = await run(workbook(rows));
    expect(resultsById(wb).P001.Status).toBe("Error");
    expect(wb.records("Issues").find((i) => i.EmployeeId === "P001")).toMatchObject({ Table: "Deals", Cell: "G2" });
  });

  it("names a blank Quality by the workbook's own header, in English with a space after a Chinese one", async () => {
    const rows = baseRows();
    rows.Plans[0][6] = "Project";
    rows.Deals = [["D9", "P001", "2026-06", 800000, 800000, "开拓型", null, 1.2]];
    // Deals headers in Chinese (SPEC §3's aliases) in an otherwise English workbook.
    const headers = { ...HEADERS, Deals: ["项目编号", "员工编号", "考核周期", "成交金额", "回款", "类型", "质量评分", "难度系数"] };
    const { s } = await run(workbook(rows, headers));
    const issue = s.result.issues.find((i) => i.table === "Deals" && i.cell === "G2");
    expect(issue?.text.en).toBe("Deals G2: 质量评分 is empty: a Project deal needs its quality score (0–100)");
    expect(issue?.text.zh).toBe("项目表 G2：质量评分为空：项目奖需要质量评分（0–100）");
  });

  it("ranks densely within each plan", async () => {
    const { wb } = await run();
    const r = resultsById(wb);
    expect([r.P001.Rank, r.P002.Rank, r.A001.Rank, r.C001.Rank]).toEqual([1, 2, 1, 1]);
  });

  it("takes percent weights as shares of the full score and mixes 360° ratings by rater weight", async () => {
    const { wb } = await run();
    const a = resultsById(wb).A001;
    // Teamwork = (90×20 + 80×30 + 85×50)/100 = 84.5 → 15 × 84.5% = 12.675;
    // 27 + 16 + 17 + 12.675 + 10.5 = 83.175 → 83.18 (half up)
    expect(a.Score).toBe(83.18);
    expect(a.Grade).toBe("B"); // the AE scale: ≥75 B, coefficient 1
    expect(a.Completion).toBe(0.8); // (94 − 70)/(100 − 70)
    expect(a.QuarterlyBonus).toBe(7985.28); // 30000 × 0.4 × 0.8 × 0.8318 × 1
  });

  it("applies the grade coefficient of the band", async () => {
    const rows = baseRows();
    rows.Actuals = rows.Actuals.map((r) => (r[0] === "A001" ? [r[0], r[1], r[2], 100] : r));
    rows.Ratings = rows.Ratings.map((r) => [r[0], r[1], r[2], r[3], 100]);
    const { wb } = await run(workbook(rows));
    // score 100 → band A, coefficient 1.2: 30000 × 0.4 × 0.8 × 1 × 1.2 = 11520
    expect(resultsById(wb).A001).toMatchObject({ Score: 100, Grade: "A", QuarterlyBonus: 11520 });
  });

  it("pays commission per month of the quarter, incentives and adjustments, and sums TotalPay", async () => {
    const { wb } = await run();
    const c = resultsById(wb).C001;
    expect(c.QuarterlyBonus).toBe(5760); // 18000 × 0.4 × 1 × 0.80
    expect(c.Commission).toBe(6300); // Apr 105%: 4200; May 75%: 2100; Jun 45%: 0; Jan–Mar and Jul are outside Q2
    expect(c.Penalties).toBe(0); // Jan–Mar missed (3rd miss in March, Q1); April met; May–Jun only 2 misses
    expect(c.Incentives).toBe(13800); // outlets 480/500: 14400 − 300 = 14100; displays 45/50: −100; 2 fines × −100
    expect(c.Adjustments).toBe(300); // 500 − 200; the Q1 row is not this quarter's
    expect(c.TotalPay).toBe(26160); // 5760 + 0 + 6300 + 13800 + 0 + 300
  });

  it("writes one RunLog row with the period, counts, input hash and version", async () => {
    const { wb } = await run();
    const log = wb.records("RunLog");
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({ RunAt: "2026-07-05T09:00:00Z", Period: "2026-Q2", Employees: 4, Errors: 0, Warnings: 0, Version: "0.1.0" });
    expect(String(log[0].InputHash)).toMatch(/^[0-9a-f]{16}$/);
  });
});

describe("the consecutive-miss penalty", () => {
  const sales = (id: string, hits: boolean[], from = 1) =>
    hits.map((hit, i) => [id, `2026-${String(from + i).padStart(2, "0")}`, 100000, hit ? 100000 : 50000, 0.01]);

  it("costs 300 in the month that completes 3 misses inside the quarter", async () => {
    const rows = baseRows();
    // Mar, Apr, May missed (run reaches 3 in May, inside Q2), June met.
    rows.Sales = sales("C001", [true, true, false, false, false, true]);
    const { wb } = await run(workbook(rows));
    expect(resultsById(wb).C001.Penalties).toBe(-300);
  });

  it("costs 300 again when the run reaches 6, and the 3rd miss in Q1 is Q1's", async () => {
    const rows = baseRows();
    rows.Sales = sales("C001", [false, false, false, false, false, false]);
    rows.Actuals.push(["C001", "2026-Q1", "Overall", 80]);
    rows.Targets.push(["C001", "2026-Q1", 600000, 600000]);
    const { wb } = await run(workbook(rows));
    expect(resultsById(wb).C001.Penalties).toBe(-300); // 6th miss in June
    const q1 = await run(workbook(rows), "2026-Q1");
    expect(resultsById(q1.wb, "2026-Q1").C001.Penalties).toBe(-300); // 3rd miss in March
  });

  it("is known in spite of an unreadable earlier month whose runs a met month then ended", async () => {
    const rows = baseRows();
    // January's Target blank; February and March met (the run of misses is 0 again whatever January was);
    // April, May, June missed: the run reaches 3 in June → −300, and the quarter is paid.
    rows.Sales = sales("C001", [true, true, true, false, false, false]);
    rows.Sales[0][2] = null;
    const { wb } = await run(workbook(rows));
    const c = resultsById(wb).C001;
    expect(c.Penalties).toBe(-300);
    expect(c.Status).not.toBe("Error");
    // January's cell is still listed, once, as the bad input it is.
    expect(
      wb
        .records("Issues")
        .filter((i) => i.Table === "Sales" && i.EmployeeId === "C001")
        .map((i) => i.Cell),
    ).toEqual(["C2"]);
  });

  it("is unknown, and the quarter Error naming the month, when an unreadable month may be part of a run that reaches 3 in it", async () => {
    const rows = baseRows();
    // March's Target blank, April and May missed: with March missed the run reaches 3 in May, with it met it does not.
    rows.Sales = sales("C001", [true, true, true, false, false, true]);
    rows.Sales[2][2] = null;
    const { wb } = await run(workbook(rows));
    const c = resultsById(wb).C001;
    expect(c.Status).toBe("Error");
    expect(c.TotalPay).toBe(null);
    expect(String(c.Flags)).toContain("Sales C4");
  });

  it("uses the plan's MissPenalty and MissRun", async () => {
    const rows = baseRows();
    rows.Plans = rows.Plans.map((p) => (p[0] === "CM" ? [...p.slice(0, 10), 500, 2, "Whole"] : p));
    rows.Sales = sales("C001", [true, true, true, false, false, false]);
    const { wb } = await run(workbook(rows));
    // misses Apr, May, Jun: the run reaches 2 in May only (4 would be needed for a second) → −500
    expect(resultsById(wb).C001.Penalties).toBe(-500);
  });
});

describe("proration", () => {
  it("prorates a joiner's quarterly base by calendar days, with a warning", async () => {
    const rows = baseRows();
    rows.Employees[0][5] = "2026-05-01";
    const { wb } = await run(workbook(rows));
    const p = resultsById(wb).P001;
    // 1 May–30 Jun = 61 of Q2's 91 days: 36000 × 61/91 × 0.4 × 72/87 × 0.92 = 7349.40
    expect(p.QuarterlyBonus).toBe(7349.4);
    expect(p.Status).toBe("Warning");
    expect(String(p.Flags)).toContain("prorated 61/91 days");
  });

  it("prorates a leaver up to the leaving day", async () => {
    const rows = baseRows();
    rows.Employees[1][6] = new Date(Date.UTC(2026, 3, 30));
    const { wb } = await run(workbook(rows));
    // 1–30 April = 30 of 91 days: 30000 × 30/91 × 0.4 × 72/87 × 0.82 = 2684.65
    expect(resultsById(wb).P002.QuarterlyBonus).toBe(2684.65);
  });

  it("leaves out an employee who left before the quarter", async () => {
    const rows = baseRows();
    rows.Employees[1][6] = "2026-03-31";
    const { wb } = await run(workbook(rows));
    expect(resultsById(wb).P002).toBeUndefined();
  });
});

describe("ratings", () => {
  it("re-weights over the raters present when a rater type is missing, with a warning", async () => {
    const rows = baseRows();
    rows.Ratings = rows.Ratings.filter((r) => r[3] !== "Peer");
    const { wb } = await run(workbook(rows));
    const a = resultsById(wb).A001;
    // (90×20 + 85×50)/70 = 86.428…; 27 + 16 + 17 + 15 × 0.86428… + 10.5 = 83.464… → 83.46
    expect(a.Score).toBe(83.46);
    expect(a.QuarterlyBonus).toBe(8012.16); // 9600 × 0.8346
    expect(a.Status).toBe("Warning");
    expect(String(a.Flags)).toContain("has no Peer rating; re-weighted over Self, Supervisor");
    const issue = wb.records("Issues").find((i) => i.EmployeeId === "A001");
    expect(issue).toMatchObject({ Severity: "Warning", Table: "Ratings", Cell: "D2" });
  });
});

describe("bad inputs", () => {
  it("makes an employee with a missing actual Error with blank money, and still computes the others", async () => {
    const rows = baseRows();
    rows.Actuals = rows.Actuals.filter((r) => !(r[0] === "P002" && r[2] === "HR"));
    const { wb, s } = await run(workbook(rows));
    const p = resultsById(wb).P002;
    expect(p.Status).toBe("Error");
    for (const c of ["QuarterlyBonus", "DealBonus", "Commission", "Incentives", "Penalties", "Adjustments", "TotalPay"]) expect(p[c], c).toBeNull();
    expect(p.Score).toBeNull();
    expect(String(p.Flags)).toContain('no row for P002 "HR" in 2026-Q2');
    expect(resultsById(wb).P001.TotalPay).toBe(13213.86);
    expect(s.employeesInError).toBe(1);
  });

  it("makes every row sharing an EmployeeId Error", async () => {
    const rows = baseRows();
    rows.Employees.push(["P001", "Zhang Wei (2)", "Presales", "Presales Support", 15000, null, null]);
    const { wb } = await run(workbook(rows));
    const p001 = wb.records("Results").filter((r) => r.EmployeeId === "P001");
    expect(p001).toHaveLength(2);
    for (const r of p001) {
      expect(r.Status).toBe("Error");
      expect(r.TotalPay).toBeNull();
    }
    const issues = wb.records("Issues").filter((i) => i.EmployeeId === "P001");
    expect(issues.map((i) => i.Cell)).toEqual(["A2", "A6"]);
    expect(String(issues[0].Message)).toContain("keep one row per employee");
  });

  it("makes an employee on an unknown plan Error, naming the plan and the cell", async () => {
    const rows = baseRows();
    rows.Employees[2][2] = "AE2";
    const { wb } = await run(workbook(rows));
    expect(resultsById(wb).A001.Status).toBe("Error");
    const issue = wb.records("Issues").find((i) => i.EmployeeId === "A001");
    expect(issue).toMatchObject({ Severity: "Error", Table: "Employees", Cell: "C4" });
    expect(String(issue?.Message)).toContain('plan "AE2" is not in Plans');
  });

  it("makes every employee of a plan whose weights sum to 95 Error, never normalising", async () => {
    const rows = baseRows();
    rows.Indicators = rows.Indicators.map((r) => (r[1] === "HR" ? [...r.slice(0, 2), 5, ...r.slice(3)] : r));
    const { wb } = await run(workbook(rows));
    const r = resultsById(wb);
    expect(r.P001.Status).toBe("Error");
    expect(r.P002.Status).toBe("Error");
    expect(String(r.P001.Flags)).toContain('the weights of plan "Presales" sum to 95');
    expect(r.A001.Status).toBe("OK");
    const issue = wb.records("Issues").find((i) => String(i.Message).includes("sum to 95"));
    expect(issue).toMatchObject({ Table: "Indicators", Cell: "C2:C8" });
  });

  it("reports text in a number cell with its table and cell address", async () => {
    const rows = baseRows();
    rows.Employees[1][4] = "abc";
    const { wb } = await run(workbook(rows));
    expect(resultsById(wb).P002.Status).toBe("Error");
    const issue = wb.records("Issues").find((i) => i.EmployeeId === "P002");
    expect(issue).toMatchObject({ Severity: "Error", Table: "Employees", Cell: "E3" });
    expect(issue?.Message).toBe('Employees E3: MonthlyBase is the text "abc", not a number: enter a number');
  });

  it("treats a blank target as an error, never as zero", async () => {
    const rows = baseRows();
    rows.Targets[0][3] = null;
    const { wb } = await run(workbook(rows));
    expect(resultsById(wb).P001.Status).toBe("Error");
    expect(wb.records("Issues").find((i) => i.EmployeeId === "P001")).toMatchObject({ Table: "Targets", Cell: "D2" });
  });

  it("says a BonusRate of 40 looks like a percent", async () => {
    const rows = baseRows();
    rows.Plans[0][2] = 40;
    const { wb } = await run(workbook(rows));
    expect(resultsById(wb).P001.Status).toBe("Error");
    const issue = wb.records("Issues").find((i) => i.Table === "Plans");
    expect(issue).toMatchObject({ Cell: "C2" });
    expect(String(issue?.Message)).toContain("40 looks like a percent: enter 40% or 0.4");
  });

  it("refuses a workbook with no Employees table, writing nothing", async () => {
    const rows = baseRows();
    delete (rows as Record<string, unknown>).Employees;
    const wb = workbook(rows);
    await expect(runRecalculation(wb, "2026-Q2")).rejects.toBeInstanceOf(UnusableWorkbook);
    expect(wb.writes).toBe(0);
  });

  it("refuses a period that is not a quarter or a year", async () => {
    await expect(runRecalculation(workbook(), "Q9")).rejects.toThrow(/not a quarter or a year/);
  });
});

describe("an input table named by its Chinese alias", () => {
  it("is read as the table it names, with a Warning to rename it, and pays as under its English name", async () => {
    const wb = workbook();
    const employees = wb.tables.get("Employees")!;
    wb.tables.delete("Employees");
    wb.tables.set("员工", { ...employees, name: "员工" });
    const summary = await runRecalculation(wb, "2026-Q2", { now: NOW });
    // The fixture's P001: 13213.86 (test/fixtures.ts, SPEC §5), as with the table named Employees.
    expect(wb.records("Results").find((r) => r.EmployeeId === "P001")?.TotalPay).toBe(13213.86);
    const renamed = summary.result.issues.filter((i) => i.table === "Employees" && i.severity === "Warning");
    expect(renamed.map((i) => i.text.en)).toContain(
      "The table 员工 on sheet Employees was read as Employees: tables are found by their English names in every language; rename it Employees (Table Design › Table Name)",
    );
  });
});

describe("Chinese headers", () => {
  const ZH: Record<string, string[]> = {
    Employees: ["员工编号", "姓名", "考核方案", "部门", "月基本工资", "入职日期", "离职日期"],
    Plans: [
      "考核方案",
      "满分",
      "奖金比例",
      "任务基数",
      "完成率口径",
      "等级标准",
      "项目奖",
      "大项目门槛",
      "大项目比例",
      "奖金总盘比例",
      "连续未完成罚款",
      "连续月数",
      "提成方式",
    ],
    Indicators: ["考核方案", "指标", "权重", "计分规则", "标准值", "低于步长", "扣分", "高于步长", "加分", "下限", "上限"],
    Actuals: ["员工编号", "考核周期", "指标", "实际值"],
    Targets: ["对象", "考核周期", "目标", "实际"],
    Grades: ["等级标准", "最低分", "等级", "系数"],
    Ratings: ["员工编号", "考核周期", "指标", "评价人", "分数"],
    RaterWeights: ["考核方案", "评价人", "权重"],
    Deals: ["项目编号", "员工编号", "考核周期", "成交金额", "回款", "类型", "质量评分", "难度系数"],
    Sales: ["员工编号", "月份", "任务", "完成", "提成比例"],
    CommissionTiers: ["考核方案", "最低完成率", "提成系数"],
    Incentives: ["员工编号", "考核周期", "项目", "目标数", "完成数"],
    IncentiveRules: ["考核方案", "项目", "单价", "未完成扣", "超额奖", "完成奖"],
    Adjustments: ["员工编号", "考核周期", "金额", "原因"],
  };

  it("reads Chinese headers and computes the same money", async () => {
    const { wb } = await run(workbook(baseRows(), ZH));
    const r = resultsById(wb);
    expect([r.P001.TotalPay, r.P002.TotalPay, r.A001.TotalPay, r.C001.TotalPay]).toEqual([13213.86, 8143.45, 7985.28, 26160]);
  });

  it("writes grades and explanations in Chinese, keeping English output headers", async () => {
    const { wb } = await run(workbook(baseRows(), ZH));
    expect(resultsById(wb).P001.Grade).toBe("优秀");
    expect(wb.tables.get("Results")?.headers[0]).toBe("EmployeeId");
    const line = wb.records("Breakdown").find((b) => b.EmployeeId === "P001" && b.Indicator === "Excellent solutions");
    expect(line?.Rule).toBe("区间");
    expect(line?.Explanation).toBe("实际 80%，标准 90%：低于标准 2 个 5% 步长，−4 分 → 得 16 分（权重 20）");
  });

  it("matches headers regardless of case, spaces and underscores", async () => {
    const odd = { ...HEADERS, Employees: ["employee_id", "NAME", "Plan ", "department", "Monthly Base", "join_date", "LEAVE DATE"] };
    const { wb } = await run(workbook(baseRows(), odd));
    expect(resultsById(wb).P001.TotalPay).toBe(13213.86);
  });

  it("accepts every period form: 2026Q2 and 2026年第2季度", async () => {
    const rows = baseRows();
    rows.Actuals = rows.Actuals.map((r, i) => [r[0], i % 2 ? "2026Q2" : "2026年第2季度", r[2], r[3]]);
    const { wb } = await run(workbook(rows));
    expect(resultsById(wb).P001.TotalPay).toBe(13213.86);
  });
});

describe("re-running", () => {
  it("gives identical Results, and RunLog's row for the period replaced by the new run's", async () => {
    const wb = workbook();
    await runRecalculation(wb, "2026-Q2", { now: NOW });
    const first = JSON.stringify([wb.tables.get("Results"), wb.tables.get("Breakdown"), wb.tables.get("Issues")]);
    const hash = wb.records("RunLog")[0].InputHash;
    await runRecalculation(wb, "2026-Q2", { now: new Date("2026-07-06T09:00:00Z") });
    expect(JSON.stringify([wb.tables.get("Results"), wb.tables.get("Breakdown"), wb.tables.get("Issues")])).toBe(first);
    // SPEC §3: rows for the recalculated period replaced, RunLog's too: one row, the second run's.
    const log = wb.records("RunLog");
    expect(log.map((r) => [r.Period, r.RunAt])).toEqual([["2026-Q2", "2026-07-06T09:00:00Z"]]);
    expect(log[0].InputHash).toBe(hash);
  });

  it("keeps RunLog's rows of other periods, the latest run's row last", async () => {
    const wb = workbook();
    await runRecalculation(wb, "2026-Q2", { now: new Date("2026-07-05T09:00:00Z") });
    await runRecalculation(wb, "2026-Q1", { now: new Date("2026-07-06T09:00:00Z") });
    await runRecalculation(wb, "2026-Q2", { now: new Date("2026-07-07T09:00:00Z") });
    expect(wb.records("RunLog").map((r) => [r.Period, r.RunAt])).toEqual([
      ["2026-Q1", "2026-07-06T09:00:00Z"],
      ["2026-Q2", "2026-07-07T09:00:00Z"],
    ]);
  });

  it("replaces a period's rows whichever accepted spelling HR retyped it in", async () => {
    const wb = workbook();
    await runRecalculation(wb, "2026-Q2", { now: NOW });
    const count = wb.records("Results").length;
    // HR retypes two Results periods as 2026Q2 and 2026年第2季度 (SPEC §3 accepts both for a quarter).
    const results = wb.tables.get("Results")!;
    const at = results.headers.indexOf("Period");
    results.rows[0][at] = "2026Q2";
    results.rows[1][at] = "2026年第2季度";
    await runRecalculation(wb, "2026-Q2", { now: NOW });
    const after = wb.records("Results");
    expect(after).toHaveLength(count);
    expect(after.every((r) => r.Period === "2026-Q2")).toBe(true);
  });

  it("finds its columns in an output table whose headers HR wrote with other case, spaces or underscores", async () => {
    const wb = workbook();
    await runRecalculation(wb, "2026-Q1", { now: NOW });
    const results = wb.tables.get("Results")!;
    const paid = wb.records("Results").map((r) => [r.EmployeeId, r.TotalPay]);
    results.headers = results.headers.map((h) => (h === "EmployeeId" ? "Employee Id" : h === "TotalPay" ? "total_pay" : h));
    await runRecalculation(wb, "2026-Q2", { now: NOW });
    // Q1's rows keep their EmployeeId and TotalPay, under our headers, with no second column of either.
    const after = wb.tables.get("Results")!;
    expect(after.headers.filter((h) => /employee\s*id|total_?pay/i.test(h))).toEqual(["EmployeeId", "TotalPay"]);
    expect(
      wb
        .records("Results")
        .filter((r) => r.Period === "2026-Q1")
        .map((r) => [r.EmployeeId, r.TotalPay]),
    ).toEqual(paid);
  });

  it("replaces the period's rows and keeps other periods'", async () => {
    const wb = workbook();
    await runRecalculation(wb, "2026-Q1", { now: NOW });
    const q1 = wb.records("Results").filter((r) => r.Period === "2026-Q1");
    await runRecalculation(wb, "2026-Q2", { now: NOW });
    await runRecalculation(wb, "2026-Q2", { now: NOW });
    const all = wb.records("Results");
    expect(all.filter((r) => r.Period === "2026-Q1")).toEqual(q1);
    expect(all.filter((r) => r.Period === "2026-Q2")).toHaveLength(4);
  });

  it("keeps rows in period order, each period's rows in their order, whichever period is run first", async () => {
    const wb = workbook();
    await runRecalculation(wb, "2026-Q2", { now: NOW });
    const q2 = wb.records("Results").map((r) => r.EmployeeId);
    await runRecalculation(wb, "2026-Q1", { now: NOW });
    const periods = wb.records("Results").map((r) => r.Period);
    expect(periods).toEqual([...periods].sort());
    expect(periods[0]).toBe("2026-Q1");
    expect(
      wb
        .records("Results")
        .filter((r) => r.Period === "2026-Q2")
        .map((r) => r.EmployeeId),
    ).toEqual(q2);
  });

  it("puts the annual view's rows after its quarters', so running the year moves no quarter row", async () => {
    const wb = workbook();
    await runRecalculation(wb, "2026-Q1", { now: NOW });
    await runRecalculation(wb, "2026-Q2", { now: NOW });
    const quarters = wb.records("Results").map((r) => `${r.Period} ${r.EmployeeId}`);
    await runRecalculation(wb, "2026", { now: NOW });
    const all = wb.records("Results").map((r) => `${r.Period} ${r.EmployeeId}`);
    expect(all.slice(0, quarters.length)).toEqual(quarters);
    expect(all.slice(quarters.length).every((x) => x.startsWith("2026 "))).toBe(true);
  });

  it("never writes into an input table", async () => {
    const wb = workbook();
    const before = JSON.stringify([...wb.tables.entries()]);
    await runRecalculation(wb, "2026-Q2", { now: NOW });
    const inputs = JSON.parse(before) as Array<[string, unknown]>;
    for (const [name, table] of inputs) expect(wb.tables.get(name)).toEqual(table);
  });
});

describe("the annual view", () => {
  it("averages the quarters' scores and sums the money, warning when fewer than 4 quarters", async () => {
    const rows = baseRows();
    // C001 also has Q1: score 60 (Overall 60); completion 1; Q1 sales Jan–Mar all missed: commission
    // 150000×2%×0.7 + 180000×2%×0.7 + 190000×2%×0.7 = 2100 + 2520 + 2660 = 7280, penalty −300 in March.
    rows.Actuals.push(["C001", "2026-Q1", "Overall", 60]);
    rows.Targets.push(["C001", "2026-Q1", 600000, 600000]);
    const { wb } = await run(workbook(rows), "2026");
    const c = resultsById(wb, "2026").C001;
    expect(c.Score).toBe(70); // (60 + 80)/2
    expect(c.Grade).toBe("Basically competent"); // 60 ≤ 70 < 71
    expect(c.QuarterlyBonus).toBe(10080); // Q1 18000×0.4×0.6 = 4320; Q2 5760
    expect(c.Commission).toBe(13580); // 7280 + 6300
    expect(c.Penalties).toBe(-300);
    expect(c.Status).toBe("Warning");
    expect(String(c.Flags)).toContain("only 2 quarters in 2026");
    // The Issue says which quarters count, with its table and cell first (C001 is Employees row 5).
    const issues = wb.records("Issues").filter((i) => i.EmployeeId === "C001" && i.Severity === "Warning");
    expect(issues.map((i) => i.Message)).toContain(
      "Employees A5: 2026 has 2 assessed quarters for C001 (2026-Q1, 2026-Q2): the annual score is the mean of those and the money their sum; a quarter no one has Actuals, Ratings or Tasks rows of yet is not counted",
    );
  });

  it("counts a quarter the workbook has assessed for everyone employed in it: someone without its rows is Error, not left out", async () => {
    // Only C001 has Q1 rows (as above); P001, employed all year, has none, so P001's Q1 is computed as a Q1
    // run would compute it: Error, its Actuals missing. The year is then Error, with the quarter named.
    const rows = baseRows();
    rows.Actuals.push(["C001", "2026-Q1", "Overall", 60]);
    rows.Targets.push(["C001", "2026-Q1", 600000, 600000]);
    const { wb } = await run(workbook(rows), "2026");
    const p = resultsById(wb, "2026").P001;
    expect(p.Status).toBe("Error");
    expect(p.TotalPay).toBeNull();
    expect(String(p.Flags)).toContain("2026-Q1: ");
    expect(String(p.Flags)).toContain("Actuals has no row for P001");
  });
});

describe("columns HR adds to an output table", () => {
  it("are kept, and their values stay with the employee's row when the period is recalculated", async () => {
    const wb = workbook();
    await runRecalculation(wb, "2026-Q1", { now: NOW });
    await runRecalculation(wb, "2026-Q2", { now: NOW });
    const results = wb.tables.get("Results")!;
    results.headers.push("Approved by");
    results.rows = results.rows.map((r) => [...r, r[0] === "P002" && r[4] === "2026-Q2" ? "Manager Liu" : r[4] === "2026-Q1" ? "Q1 ok" : null]);
    await runRecalculation(wb, "2026-Q2", { now: NOW });
    const after = wb.records("Results");
    expect(wb.tables.get("Results")!.headers.at(-1)).toBe("Approved by");
    expect(after.find((r) => r.EmployeeId === "P002" && r.Period === "2026-Q2")?.["Approved by"]).toBe("Manager Liu");
    expect(after.filter((r) => r.Period === "2026-Q1").map((r) => r["Approved by"])).toEqual(["Q1 ok", "Q1 ok", "Q1 ok", "Q1 ok"]);
    expect(after.find((r) => r.EmployeeId === "P001" && r.Period === "2026-Q2")?.["Approved by"]).toBeNull();
  });

  it("are shown as dates when every value they hold is a date, else as General", async () => {
    const wb = workbook();
    await runRecalculation(wb, "2026-Q2", { now: NOW });
    const results = wb.tables.get("Results")!;
    results.headers.push("Approved on", "Note");
    results.rows = results.rows.map((r, i) => [...r, i === 0 ? null : new Date(Date.UTC(2026, 6, 1)), i === 0 ? new Date(Date.UTC(2026, 6, 1)) : "ok"]);
    await runRecalculation(wb, "2026-Q2", { now: NOW });
    expect(wb.written.get("Results")!.columns.slice(-2)).toEqual([
      { name: "Approved on", kind: "date" },
      { name: "Note", kind: "number" },
    ]);
  });
});

describe("RunLog.Version", () => {
  it("is the package's version", async () => {
    const { VERSION } = await import("../../src/app/recalculate");
    const pkg = JSON.parse(require("node:fs").readFileSync(require("node:path").join(__dirname, "../../package.json"), "utf8"));
    expect(VERSION).toBe(pkg.version);
  });
});

describe("grade scales", () => {
  it("names the GradeScale cell when a plan's scale has no rows in Grades", async () => {
    const rows = baseRows();
    rows.Plans[1][5] = "AE2";
    const { wb } = await run(workbook(rows));
    expect(resultsById(wb).A001.Status).toBe("Error");
    const issue = wb.records("Issues").find((i) => String(i.Message).includes('"AE2"'));
    expect(issue).toMatchObject({ Severity: "Error", Table: "Plans", Cell: "F3" });
  });
});

describe("a score below every band", () => {
  it("is Error, naming the plan's GradeScale cell and asking for a band", async () => {
    const rows = baseRows();
    rows.Grades = [["AE", 90, "A", 1.2]]; // A001 scores 83.18, below the only band
    const { wb } = await run(workbook(rows));
    expect(resultsById(wb).A001).toMatchObject({ Status: "Error", Score: 83.18, Grade: null, TotalPay: null });
    const issue = wb.records("Issues").find((i) => i.EmployeeId === "A001" && i.Severity === "Error");
    expect(issue).toMatchObject({ Table: "Plans", Cell: "F3" });
    expect(String(issue?.Message)).toContain("below the lowest band");
  });
});

describe("reaching the workbook", () => {
  it("reads the workbook once and writes it once per run", async () => {
    const wb = workbook();
    await runRecalculation(wb, "2026-Q2", { now: NOW });
    await runRecalculation(wb, "2026-Q2", { now: NOW }); // the second run also reads the four output tables, in the same read
    expect([wb.reads, wb.writes]).toEqual([2, 2]);
  });
});

describe("cells named in issues", () => {
  it("names the plan's cell when it has no indicators", async () => {
    const rows = baseRows();
    rows.Indicators = rows.Indicators.filter((r) => r[0] !== "CM");
    const { wb } = await run(workbook(rows));
    expect(resultsById(wb).C001.Status).toBe("Error");
    expect(wb.records("Issues").find((i) => String(i.Message).includes("has no rows in Indicators"))).toMatchObject({ Table: "Plans", Cell: "A4" });
  });

  it("names the incentive rule's row when the rule an employee needs has a bad cell", async () => {
    const rows = baseRows();
    rows.IncentiveRules[0][2] = "thirty"; // Outlets PerUnit, cell C2
    const { wb } = await run(workbook(rows));
    expect(resultsById(wb).C001.Status).toBe("Error");
    const cells = wb
      .records("Issues")
      .filter((i) => i.Table === "IncentiveRules")
      .map((i) => i.Cell);
    expect(cells).toEqual(["C2", "B2"]); // the bad cell itself, then C001's flag pointing at the rule's row
  });
});

describe("a long calculation", () => {
  it("yields to the host between slices of employees, reporting progress, so Excel's UI is not frozen", async () => {
    const { memoryOf, scaledSample } = await import("../support/scaled");
    const wb = memoryOf(scaledSample(3000));
    const seen: Array<[number, number]> = [];
    let doneWhenTimerRan = -1;
    let doneNow = 0;
    const run = runRecalculation(wb, "2026-Q2", {
      now: NOW,
      onProgress: (phase, done, total) => {
        if (phase !== "calculating") return;
        seen.push([done, total]);
        doneNow = done;
        // A timer set during the calculation runs before it ends: the host gets its turn.
        if (seen.length === 1) setTimeout(() => (doneWhenTimerRan = doneNow), 0);
      },
    });
    await run;
    expect(seen.length).toBeGreaterThan(1);
    expect(seen.at(-1)).toEqual([3000, 3000]);
    expect(doneWhenTimerRan).toBeGreaterThanOrEqual(0);
    expect(doneWhenTimerRan).toBeLessThan(3000);
  });

  it("stops before writing anything when cancelled during the calculation", async () => {
    const { memoryOf, scaledSample } = await import("../support/scaled");
    const wb = memoryOf(scaledSample(3000));
    let calculating = 0;
    await expect(
      runRecalculation(wb, "2026-Q2", { now: NOW, onProgress: (phase) => phase === "calculating" && calculating++, cancelled: () => calculating >= 2 }),
    ).rejects.toThrow("cancelled");
    expect(wb.writes).toBe(0);
  });
});

describe("a deal or an incentive item entered twice in a period", () => {
  it("is an Error at the repeated row, naming both, and the employee is not paid from either", async () => {
    const rows = baseRows();
    // D1 (2026-05, 150000 received: 2250) typed again below: paying both would be 4500.
    rows.Deals.push(["D1", "P001", "2026-05", 250000, 150000, null, null, null]);
    const { wb } = await run(workbook(rows));
    const p = resultsById(wb).P001;
    expect(p.Status).toBe("Error");
    expect(p.DealBonus).toBe(null);
    // Deals rows 2 (D1) and 6 (its copy): the Cell is the copy's DealId.
    expect(wb.records("Issues").find((i) => i.Table === "Deals" && i.EmployeeId === "P001")).toMatchObject({
      Severity: "Error",
      Cell: "A6",
      Message: 'Deals A6: 2 rows for P001\'s deal "D1" in 2026-05 (A2, A6): keep one, or add them up in one row',
    });
  });

  it("is not a repeat in another month: a deal's receipts of May and of June are both paid", async () => {
    const rows = baseRows();
    // D1 again in June, 50000 received: 250000 ≥ 100000, so 50000 × 1.5% = 750 more; 2250 + 750 = 3000 (D2 is below the threshold).
    rows.Deals.push(["D1", "P001", "2026-06", 250000, 50000, null, null, null]);
    const { wb } = await run(workbook(rows));
    expect(resultsById(wb).P001.DealBonus).toBe(3000);
  });

  it("is a repeat when one row is of the quarter and the other of a month in it: both would be the quarter's", async () => {
    // D1 is P001's May deal (Deals A2); typed again for 2026-Q2 (A6), which takes May in. Paid from neither.
    const rows = baseRows();
    rows.Deals.push(["D1", "P001", "2026-Q2", 250000, 150000, null, null, null]);
    const { wb } = await run(workbook(rows));
    expect(resultsById(wb).P001.Status).toBe("Error");
    expect(resultsById(wb).P001.DealBonus).toBeNull();
    const said = wb.records("Issues").filter((i) => i.Table === "Deals" && i.Severity === "Error");
    expect(said.map((i) => i.Message)).toEqual([`Deals A6: 2 rows for P001's deal "D1" in 2026-Q2 (A2, A6): keep one, or add them up in one row`]);
  });

  it("needs its DealId: a blank one is an Error at its cell", async () => {
    const rows = baseRows();
    rows.Deals[0][0] = null;
    const { wb } = await run(workbook(rows));
    expect(resultsById(wb).P001.Status).toBe("Error");
    expect(wb.records("Issues").find((i) => i.Table === "Deals")).toMatchObject({ Severity: "Error", Cell: "A2" });
  });

  it("is an Error for an incentive item entered twice in one period", async () => {
    const rows = baseRows();
    rows.Incentives.push(["C001", "2026-Q2", "outlets", 500, 480]);
    const { wb } = await run(workbook(rows));
    const c = resultsById(wb).C001;
    expect(c.Status).toBe("Error");
    expect(c.Incentives).toBe(null);
    expect(wb.records("Issues").find((i) => i.Table === "Incentives" && i.Severity === "Error")).toMatchObject({ Cell: "C6", EmployeeId: "C001" });
  });
});

describe("deals of someone whose plan pays no deal bonus", () => {
  it("are not paid, and said so at the first deal's DealId", async () => {
    const rows = baseRows();
    // P001's plan Presales set to DealBonus None: D1 (2026-05) and D2 (2026-Q2) are Q2's deals.
    setPlanCell(rows, "Presales", "DealBonus", "None");
    const { wb } = await run(workbook(rows));
    const p = resultsById(wb).P001;
    expect(p.DealBonus).toBe(0);
    expect(p.Status).toBe("Warning");
    expect(String(p.Flags)).toContain('plan "Presales" pays no deal bonus (DealBonus None): P001\'s 2 Deals rows of 2026-Q2 are not paid');
  });
});

describe("an incentive item with two rules in a plan", () => {
  it("makes Error whoever has the item, since which rule is right cannot be known", async () => {
    const rows = baseRows();
    // CM's Outlets rule typed again with another PerUnit: C001's Q2 Outlets row could be paid by either.
    rows.IncentiveRules.push(["CM", "Outlets", 40, 15, null, 100]);
    const { wb } = await run(workbook(rows));
    const c = resultsById(wb).C001;
    expect(c.Status).toBe("Error");
    expect(c.Incentives).toBe(null);
    expect(String(c.Flags)).toContain('plan "CM" has two rules for item "Outlets" (B2, B5): keep one');
  });
});

describe("a 0–100 score typed as a percent", () => {
  it("is an Error asking for the score out of 100, in Actuals and in Ratings, not a score of 0.9", async () => {
    const rows = baseRows();
    const actual = rows.Actuals.findIndex((r) => r[0] === "A001" && r[2] === "Completion of work");
    rows.Actuals[actual][3] = "90%";
    rows.Ratings[0][4] = "80 %";
    const { wb } = await run(workbook(rows));
    expect(resultsById(wb).A001.Status).toBe("Error");
    const messages = wb.records("Issues").map((i) => String(i.Message));
    expect(messages).toContain(`Actuals D${actual + 2}: Actual is the text "90%": a score is out of 100, not a percent: enter 90`);
    expect(messages).toContain('Ratings E2: Score is the text "80 %": a score is out of 100, not a percent: enter 80');
  });
});

describe("a doubtful cell of a plan's own rows", () => {
  it("makes everyone on the plan Warning, with the doubt as a flag, and pays as the Warning says", async () => {
    const rows = baseRows();
    // Presales' BonusRate typed as the text "40%": taken as 0.4 (what it was), with a Warning.
    setPlanCell(rows, "Presales", "BonusRate", "40%");
    const { wb } = await run(workbook(rows));
    const p = resultsById(wb).P001;
    expect(p.QuarterlyBonus).toBe(10963.86); // 36000 × 0.4 × 72/87 × 0.92, as before
    expect(p.Status).toBe("Warning");
    expect(String(p.Flags)).toContain('BonusRate is the text "40%": taken as 0.4');
    expect(resultsById(wb).A001.Status).toBe("OK"); // another plan
  });
});

describe("a Targets row whose Key is no department and no employee", () => {
  it("is a Warning at its Key cell, so the misspelt row is found where it is", async () => {
    const rows = baseRows();
    rows.Targets.push(["Presales Suport", "2026-Q2", 300, 275]);
    const { wb } = await run(workbook(rows));
    const row = rows.Targets.length + 1;
    expect(wb.records("Issues").find((i) => i.Table === "Targets" && i.Cell === `A${row}`)).toMatchObject({
      Severity: "Warning",
      Message: `Targets A${row}: "Presales Suport" is neither a Department nor an EmployeeId in Employees: the row is not used; correct the Key`,
    });
  });
});

describe("a 0–100 score typed into a percent-formatted cell", () => {
  it("is an Error, as 96% is kept as 0.96: a score of under 1 point out of 100", async () => {
    const rows = baseRows();
    const actual = rows.Actuals.findIndex((r) => r[0] === "A001" && r[2] === "Completion of work");
    rows.Actuals[actual][3] = 0.96;
    const { wb } = await run(workbook(rows));
    expect(resultsById(wb).A001.Status).toBe("Error");
    expect(wb.records("Issues").map((i) => String(i.Message))).toContain(
      `Actuals D${actual + 2}: Actual is 0.96, a score of under 1 point out of 100: if it is 96%, enter 96`,
    );
  });
});

describe("a percent typed as a whole number in a Step or Ratio actual", () => {
  it("is an Error that looks like a percent, against a standard that is a fraction, not thousands of points", async () => {
    const rows = baseRows();
    // P001's Excellent solutions: standard 0.9 (90%); 80 typed for 80%. Scored as typed: 20 + (80 − 0.9)/0.01 × 0.5 points.
    const i = rows.Actuals.findIndex((r) => r[0] === "P001" && r[2] === "Excellent solutions");
    rows.Actuals[i][3] = 80;
    const { wb } = await run(workbook(rows));
    const p = resultsById(wb).P001;
    expect(p.Status).toBe("Error");
    expect(p.TotalPay).toBe(null);
    expect(String(p.Flags)).toContain(`Actuals D${i + 2}: Actual is 80 against a standard of 90%: 80 looks like a percent: enter 80% or 0.8`);
  });

  it("is an Error against a Ratio standard of 100% too, which the cap would otherwise hide", async () => {
    const rows = baseRows();
    // CM's Overall as a Ratio with Standard 1 (100%) and Cap 120: 105 typed for 105% would score the cap.
    rows.Indicators = rows.Indicators.map((r) => (r[0] === "CM" ? ["CM", "Overall", 100, "Ratio", 1, null, null, null, null, null, 120] : r));
    const i = rows.Actuals.findIndex((r) => r[0] === "C001" && r[2] === "Overall");
    rows.Actuals[i][3] = 105;
    const { wb } = await run(workbook(rows));
    expect(resultsById(wb).C001.Status).toBe("Error");
    expect(String(resultsById(wb).C001.Flags)).toContain("Actual is 105 against a standard of 100%: 105 looks like a percent: enter 105% or 1.05");
  });
});
