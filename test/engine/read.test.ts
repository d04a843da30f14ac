/**
 * Reading the input tables (issue 7): every doubtful or unusable cell is an Issue at its cell, in
 * English and Chinese, and the record it belongs to is never silently different. Expected values are
 * the fixture's hand-worked ones (test/fixtures.ts, SPEC §5): P001 scores 92 and is paid a quarterly
 * bonus of 36000 × 0.4 × 72/87 × 0.92 = 10963.86 plus a deal bonus of 2250 (TotalPay 13213.86).
 * One file: the cases share the fixture workbook and its helpers for changing one cell.
 */
import { describe, expect, it } from "vitest";
import { UnusableWorkbook, recalculate } from "../../src/engine/recalc";
import { RecalcResult } from "../../src/engine/result";
import { CellValue } from "../../src/workbook/port";
import { HEADERS, Rows, baseRows, workbook } from "../fixtures";

/** The fixture's rows, copied: its row arrays are shared between calls of baseRows. */
const fresh = (): Rows => Object.fromEntries(Object.entries(baseRows()).map(([k, v]) => [k, v.map((r) => [...r])]));
const run = (rows: Rows = fresh(), period = "2026-Q2", headers = HEADERS): RecalcResult => recalculate(workbook(rows, headers).tables, period);
const of = (res: RecalcResult, id: string) => res.results.find((r) => r.employee.id === id)!;
const at = (res: RecalcResult, table: string, cell: string) => res.issues.filter((i) => i.table === table && i.cell === cell);
const money = (x: { toFixed: () => string } | null) => (x === null ? null : x.toFixed());
const formula = (f: string): CellValue => ({ formula: f });

describe("a formula with no calculated value", () => {
  // [table, body row index, column index, A1 cell, employee made Error]
  it.each([
    ["Employees", 1, 4, "E3", "P002"], // MonthlyBase (number)
    ["Employees", 0, 1, "B2", "P001"], // Name (text)
    ["Employees", 0, 3, "D2", "P001"], // Department (text)
    ["Employees", 0, 5, "F2", "P001"], // JoinDate (date)
    ["Actuals", 4, 3, "D6", "P001"], // Excellent solutions actual (number)
    ["Actuals", 3, 3, "D5", "P001"], // Competitor analysis actual (yes/no)
    ["Actuals", 0, 1, "B2", "P001"], // Period
    ["Plans", 0, 2, "C2", "P001"], // BonusRate of Presales (a plan problem)
    ["Plans", 0, 4, "E2", "P002"], // CompletionBasis of Presales (a choice)
    ["Targets", 0, 2, "C2", "P001"], // the department's Target
    ["Sales", 4, 2, "C6", "C001"], // May's sales target
    ["Adjustments", 0, 3, "D2", "C001"], // Reason (text)
  ])("in %s row %i column %i is an Error at %s and makes %s Error", (table, row, column, cell, id) => {
    const rows = fresh();
    rows[table][row][column] = formula("SUM(X1:X3)");
    const res = run(rows);
    // A shared row's problem (a department's Target) is an issue of each employee it concerns.
    const found = at(res, table, cell).filter((i) => i.severity === "Error" && (table !== "Targets" || i.employeeId === id));
    expect(found).toHaveLength(1);
    expect(found[0].text.en).toContain("is a formula with no calculated value (=SUM(X1:X3)): open and save the workbook in Excel, or type the value");
    expect(found[0].text.zh).toContain("是没有计算结果的公式");
    expect(of(res, id).status).toBe("Error");
    expect(of(res, id).totalPay).toBeNull();
  });

  it("changes the input hash with the formula's text", () => {
    const hash = (f: CellValue) => {
      const rows = fresh();
      rows.Employees[1][4] = f;
      return run(rows).inputHash;
    };
    expect(hash(formula("B2*2"))).not.toBe(hash(formula("B2*3")));
    expect(hash(formula("B2*2"))).not.toBe(hash(null));
    expect(hash(formula("B2*2"))).toBe(hash(formula("B2*2")));
  });
});

describe("names written with another case or spacing", () => {
  it("match an Employees plan, with a Warning at the cell naming both spellings", () => {
    const rows = fresh();
    rows.Employees[0][2] = "presales";
    const res = run(rows);
    expect(money(of(res, "P001").totalPay)).toBe("13213.86"); // computed as on plan Presales
    expect(of(res, "P001").status).toBe("Warning");
    const [w] = at(res, "Employees", "C2");
    expect(w).toMatchObject({ severity: "Warning", employeeId: "P001" });
    expect(w.text.en).toBe('Employees C2: plan "presales" is written "Presales" in Plans: matched; correct the spelling to be sure');
    expect(w.text.zh).toBe('员工表 C2：考核方案 "presales" 在考核方案表中写作 "Presales"：已按其匹配；请更正写法以确保无误');
  });

  it.each([
    // [table, row, column, typed, cell, start of the message]
    ["Indicators", 0, 0, "presales", "A2", 'plan "presales" is written "Presales" in Plans'],
    ["Actuals", 6, 2, "hr", "C8", 'indicator "hr" is written "HR" in Indicators'],
    // Full-width letters, as a Chinese input method types them.
    ["Actuals", 6, 2, "ＨＲ", "C8", 'indicator "ＨＲ" is written "HR" in Indicators'],
    ["Targets", 0, 0, "Ｐｒｅｓａｌｅｓ Support", "A2", 'department "Ｐｒｅｓａｌｅｓ Support" is written "Presales Support" in Employees'],
    ["Actuals", 0, 0, "p001", "A2", 'EmployeeId "p001" is written "P001" in Employees'],
    ["Incentives", 0, 2, "outlets", "C2", 'item "outlets" is written "Outlets" in IncentiveRules'],
    ["Plans", 1, 5, "ae", "F3", 'grade scale "ae" is written "AE" in Grades'],
    ["Targets", 0, 0, "presales  support", "A2", 'department "presales  support" is written "Presales Support" in Employees'],
  ])("match in %s (row %i, column %i: %s) with a Warning at %s", (table, row, column, typed, cell, text) => {
    const rows = fresh();
    rows[table][row][column] = typed;
    const res = run(rows);
    const [w] = at(res, table, cell);
    expect(w?.severity).toBe("Warning");
    expect(w.text.en).toContain(`${text}: matched; correct the spelling to be sure`);
    // Nothing else changes: P001 92 → 13213.86, A001 grade B (83.18 on the AE scale), C001 26160.
    expect(money(of(res, "P001").totalPay)).toBe("13213.86");
    expect(of(res, "A001").grade).toBe("B");
    expect(money(of(res, "C001").totalPay)).toBe("26160");
  });

  it("flag each employee of a plan one of whose own rows names it written otherwise (an Indicators row's Plan)", () => {
    // Indicators A2 is Presales' first indicator, its Plan typed "presales": P001's score rests on that row.
    const rows = fresh();
    rows.Indicators[0][0] = "presales";
    const res = run(rows);
    expect(of(res, "P001").status).toBe("Warning");
    expect(of(res, "P001").flags.some((f) => f.includes('plan "presales" is written "Presales" in Plans'))).toBe(true);
    expect(money(of(res, "P001").totalPay)).toBe("13213.86");
  });

  it("flag each employee a Targets row serves when its Key is written otherwise, as a Warning of the row's own cells does", () => {
    // Targets A2 is Presales Support's Q2 row; P001 and P002 are in Presales Support.
    const rows = fresh();
    rows.Targets[0][0] = "presales  support";
    const res = run(rows);
    for (const id of ["P001", "P002"]) {
      expect(of(res, id).status).toBe("Warning");
      expect(of(res, id).flags.some((f) => f.includes('department "presales  support" is written "Presales Support"'))).toBe(true);
    }
    expect(at(res, "Targets", "A2").map((i) => i.employeeId)).toEqual(expect.arrayContaining(["P001", "P002"]));
  });

  it("are silent when written as where they are defined", () => {
    expect(run().issues).toEqual([]);
  });
});

describe("Indicators parameters", () => {
  it("warns at a Step standard of 0, and scores by it", () => {
    const rows = fresh();
    rows.Indicators[4][4] = 0; // Excellent solutions: standard 90% → 0
    const res = run(rows);
    const [w] = at(res, "Indicators", "E6");
    expect(w.severity).toBe("Warning");
    expect(w.text.en).toBe("Indicators E6: Standard is 0: every actual of 0 or more scores at least the full weight; check the standard");
    // 80% is 80 whole steps of 1% above 0: 20 + 80 × 0.5 = 60; 10+20+10+10+60+20+6 = 136
    expect(of(res, "P001").score?.toFixed()).toBe("136");
  });

  it("warns that a parameter the rule does not use is not used", () => {
    const rows = fresh();
    rows.Indicators[0][4] = 5; // Standard on Activities, a Deduct row
    const res = run(rows);
    const [w] = at(res, "Indicators", "E2");
    expect(w.severity).toBe("Warning");
    expect(w.text.en).toBe("Indicators E2: Standard is not used by the Deduct rule: clear it, or check the rule");
    expect(of(res, "P001").score?.toFixed()).toBe("92");
  });

  it("warns that PointsAbove is not used without StepAbove", () => {
    const rows = fresh();
    rows.Indicators[5][7] = null; // Project success: no StepAbove, PointsAbove 0.5 stays
    const res = run(rows);
    expect(at(res, "Indicators", "I7")[0]?.severity).toBe("Warning");
    expect(of(res, "P001").score?.toFixed()).toBe("92"); // 85% is at the standard: 20 either way
  });

  it.each([
    ["Incentives", 0, 3, -500, "D2", "C001"], // an item's target
    ["Targets", 0, 2, -290, "C2", "P001"], // a department's target
    ["Sales", 3, 2, -200000, "C5", "C001"], // April's sales target
  ])("makes a negative target in %s an Error at its cell", (table, row, column, value, cell, id) => {
    const rows = fresh();
    rows[table][row][column] = value;
    const res = run(rows);
    expect(at(res, table, cell).filter((i) => i.severity === "Error" && i.employeeId === id)).toHaveLength(1);
    expect(of(res, id).status).toBe("Error");
  });
});

describe("a missing Targets row", () => {
  it("is an Error at the employee's Department cell, saying which row to add", () => {
    const rows = fresh();
    rows.Targets = rows.Targets.filter((r) => r[0] !== "Presales Support");
    const res = run(rows);
    const [e] = at(res, "Employees", "D2");
    expect(e).toMatchObject({ severity: "Error", employeeId: "P001" });
    expect(e.text.en).toBe(
      'Employees D2: Targets has no row for department "Presales Support" in 2026-Q2: add a Targets row for department "Presales Support" in 2026-Q2 with its Target and Actual',
    );
    // In Chinese, the row to add is spelt out as HR types it: its Key and its Period.
    expect(e.text.zh).toBe(
      '员工表 D2：目标表中没有 部门 "Presales Support" 在 2026-Q2 的数据：请在目标表添加一行（对象：Presales Support，考核周期：2026-Q2），填写目标和实际',
    );
    expect(at(res, "Employees", "D3")[0]?.employeeId).toBe("P002");
  });

  it("on the Employee basis is an Error at the employee's EmployeeId cell", () => {
    const rows = fresh();
    rows.Targets = rows.Targets.filter((r) => r[0] !== "A001");
    const res = run(rows);
    const [e] = at(res, "Employees", "A4");
    expect(e?.severity).toBe("Error");
    expect(e.text.en).toContain("Targets has no row for employee A001 in 2026-Q2: add a Targets row for employee A001 in 2026-Q2 with its Target and Actual");
  });
});

describe("numbers typed as text", () => {
  it.each([
    ["12,000", "12000"],
    ["１２０００", "12000"],
    [" 12000 ", "12000"],
    ["¥12000", "12000"],
  ])("take %s as %s with a Warning at the cell", (text, shown) => {
    const rows = fresh();
    rows.Employees[0][4] = text;
    const res = run(rows);
    expect(money(of(res, "P001").quarterlyBonus)).toBe("10963.86"); // as with the number 12000
    expect(of(res, "P001").status).toBe("Warning");
    const [w] = at(res, "Employees", "E2");
    expect(w.text.en).toBe(`Employees E2: MonthlyBase is the text "${text}": taken as ${shown}; format the cell as a number`);
  });

  it("take a percent typed as text as its fraction", () => {
    const rows = fresh();
    rows.Plans[0][2] = "40%";
    const res = run(rows);
    expect(money(of(res, "P001").quarterlyBonus)).toBe("10963.86");
    expect(at(res, "Plans", "C2")[0]?.text.en).toBe('Plans C2: BonusRate is the text "40%": taken as 0.4; format the cell as a number');
  });

  it("take an actual typed as text, warning at the Actuals cell", () => {
    const rows = fresh();
    rows.Actuals[4][3] = "0.8"; // Excellent solutions
    const res = run(rows);
    expect(of(res, "P001").score?.toFixed()).toBe("92");
    expect(at(res, "Actuals", "D6")[0]?.severity).toBe("Warning");
  });

  it("leave real numbers silent", () => {
    expect(run().issues.filter((i) => i.text.en.includes("is the text"))).toEqual([]);
  });
});

describe("numbers past Excel's 15 digits", () => {
  it.each([
    ["Employees", 0, 4, 1234567890123456, "E2", "P001"],
    ["Adjustments", 0, 2, 1e15, "C2", "C001"],
    ["Adjustments", 0, 2, "1000000000000000", "C2", "C001"],
  ])("in %s are an Error at the cell", (table, row, column, value, cell, id) => {
    const rows = fresh();
    rows[table][row][column] = value;
    const res = run(rows);
    const [e] = at(res, table, cell);
    expect(e?.severity).toBe("Error");
    expect(e.text.en).toContain("past Excel's 15-digit precision");
    expect(of(res, id).status).toBe("Error");
  });
});

describe("a Step indicator that counts things", () => {
  it("is explained in counts, not as percents, when its standard is 1 and its steps are 1", () => {
    // Project success becomes "1 project, −10 per one short, +5 per one over" (weight 20); P001 has none:
    // 20 − 1 × 10 = 10. The sentence speaks of 0 against 1, not of 0% against 100%.
    const rows = fresh();
    rows.Indicators[5] = ["Presales", "Project success", 20, "Step", 1, 1, 10, 1, 5, null, null];
    const i = rows.Actuals.findIndex((r) => r[0] === "P001" && r[1] === "2026-Q2" && r[2] === "Project success");
    rows.Actuals[i][3] = 0;
    const line = run(rows)
      .results.find((r) => r.employee.id === "P001")!
      .breakdown.find((b) => b[2] === "Project success")!;
    expect(line[6]).toBe(10);
    expect(String(line[7])).not.toContain("%");
    expect(String(line[7])).toContain("0 vs standard 1");
  });
});

describe("Ratings of an indicator that is not scored from ratings", () => {
  it("are a Warning at the first one's Indicator cell, not used: P001 is paid as ever", () => {
    // "Excellent solutions" is a Step indicator of Presales (SPEC §3: only a Score indicator mixes Ratings).
    const rows = fresh();
    rows.Ratings.push(["P001", "2026-Q2", "Excellent solutions", "Supervisor", 60]);
    const res = run(rows);
    const cell = `C${rows.Ratings.length + 1}`;
    expect(at(res, "Ratings", cell).map((i) => [i.severity, i.text.en])).toEqual([
      [
        "Warning",
        `Ratings ${cell}: "Excellent solutions" is scored by the Step rule, not from Ratings: its 1 rating is not used; set its Rule to Score, or correct the indicator`,
      ],
    ]);
    expect(money(of(res, "P001").totalPay)).toBe("13213.86");
    expect(of(res, "P001").status).toBe("Warning");
  });
});

describe("a JoinDate typed as a plain number", () => {
  it("counts from the workbook's own day 0: 1904-01-01 in a 1904 workbook", () => {
    // P001 joins on serial 44686 (no date format). In a 1904 workbook that is 2026-05-06 (44686 + 1462 =
    // 46148 in the 1900 system): 56 of Q2's 91 days (26 in May, 30 in June) of the quarterly base. Read in the
    // 1900 system it would be 2022-05-05, before the quarter, and P001 would be paid the whole quarter.
    const rows = fresh();
    rows.Employees[0][5] = 44686;
    const tables = workbook(rows).tables;
    (tables.get("Employees") as { date1904?: true }).date1904 = true;
    const p = recalculate(tables, "2026-Q2").results.find((r) => r.employee.id === "P001")!;
    expect(p.employee.joinDate).toEqual(new Date(Date.UTC(2026, 4, 6)));
    expect(p.flags.some((f) => f.includes("joined 2026-05-06: quarterly base prorated 56/91 days"))).toBe(true);
  });
});

describe("a Sales Month that is no month", () => {
  it("asks for a month, as the column does, not for a quarter or a year", () => {
    // 2026-13-01 is no date, so no month (SPEC §3: a month is 2026-04 or a real date).
    const rows = fresh();
    const i = rows.Sales.findIndex((r) => r[0] === "C001");
    rows.Sales[i][1] = "2026-13-01";
    const res = run(rows);
    const [e] = at(res, "Sales", `B${i + 2}`);
    expect(e.severity).toBe("Error");
    expect(e.text.en).toBe(`Sales B${i + 2}: Month "2026-13-01" is not a month: enter a month such as 2026-04`);
  });
});

describe("a workbook without a Grades table", () => {
  it("is told so in a Warning, grades plans on Default by the default bands, and makes plans on another scale Error", () => {
    // SPEC §3 lists Grades; §4.1 gives the scale Default the default bands when it has no rows. P001 (Presales,
    // on Default) scores 92: Excellent (≥91), paid 13213.86 as ever. A001's plan AE has its own scale, now gone.
    const rows = fresh();
    delete (rows as Partial<Rows>).Grades;
    const res = run(rows);
    const missing = res.issues.filter((i) => i.table === "Grades" && i.cell === "");
    expect(missing.map((i) => i.severity)).toEqual(["Warning"]);
    expect(missing[0].text.en).toContain("The table Grades (等级) is missing: plans on the scale Default use the default bands");
    expect(of(res, "P001").grade).toBe("Excellent");
    expect(money(of(res, "P001").totalPay)).toBe("13213.86");
    expect(of(res, "A001").status).toBe("Error");
    expect(of(res, "A001").flags.some((f) => f.includes('grade scale "AE" of plan "AE" has no rows in Grades'))).toBe(true);
  });
});

describe("a missing or misspelt column", () => {
  const withHeaders = (table: string, edit: (h: string[]) => string[]) => ({ ...HEADERS, [table]: edit([...HEADERS[table]]) });

  it("names the nearest header in an essential table, which stops the run", () => {
    const headers = withHeaders("Employees", (h) => h.map((x) => (x === "MonthlyBase" ? "Monthly Base Pay" : x)));
    let error: unknown;
    try {
      run(fresh(), "2026-Q2", headers);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(UnusableWorkbook);
    expect((error as UnusableWorkbook).text.en).toBe(
      'Employees has no column MonthlyBase/月基本工资: add the header (is "Monthly Base Pay" in E1 meant to be it?)',
    );
  });

  it("asks about a misspelt header once, for the column it is nearest to", () => {
    // 奖金比列 is one character off BonusRate's 奖金比例, and shares a start with PoolRate's 奖金总盘比例 too;
    // PoolRate's header is replaced by an unrelated one, so both columns are missing.
    const headers = withHeaders("Plans", (h) => h.map((x) => (x === "BonusRate" ? "奖金比列" : x === "PoolRate" ? "Notes" : x)));
    const res = run(fresh(), "2026-Q2", headers);
    const asked = res.issues.filter((i) => i.table === "Plans" && i.text.en.includes('"奖金比列"'));
    expect(asked.map((i) => i.text.en)).toEqual([expect.stringContaining("Plans has no column BonusRate/奖金比例, so its default is used")]);
  });

  it("names the nearest header of another table at its cell", () => {
    const headers = withHeaders("Targets", (h) => h.map((x) => (x === "Target" ? "Tagret" : x)));
    const res = run(fresh(), "2026-Q2", headers);
    const [e] = at(res, "Targets", "C1");
    expect(e?.severity).toBe("Error");
    expect(e.text.en).toBe('Targets has no column Target/目标: add the header (is "Tagret" in C1 meant to be it?)');
  });

  it("suggests a Chinese header by its Chinese name", () => {
    const headers = withHeaders("Targets", (h) => h.map((x) => (x === "Target" ? "目 标值" : x)));
    const [e] = at(run(fresh(), "2026-Q2", headers), "Targets", "C1");
    expect(e.text.zh).toBe('目标表缺少列 Target/目标：请添加该表头（C1 中的 "目 标值" 是否就是该列？）');
  });

  it("suggests a short Chinese header that begins as the name does: 提成率 for 提成比例", () => {
    const headers = withHeaders("Sales", (h) => h.map((x) => (x === "Rate" ? "提成率" : x)));
    const [e] = at(run(fresh(), "2026-Q2", headers), "Sales", "E1");
    expect(e.text.zh).toBe('销售表缺少列 Rate/提成比例：请添加该表头（E1 中的 "提成率" 是否就是该列？）');
  });

  it("suggests nothing when no header is close", () => {
    const headers = withHeaders("Targets", (h) => h.map((x) => (x === "Target" ? "Remarks" : x)));
    const [e] = run(fresh(), "2026-Q2", headers).issues.filter((i) => i.table === "Targets");
    expect(e.text.en).toBe("Targets has no column Target/目标: add the header");
  });

  it("warns when an optional column seems misspelt, since its default is used", () => {
    const headers = withHeaders("Grades", (h) => h.map((x) => (x === "Coefficient" ? "Coeficient" : x)));
    const res = run(fresh(), "2026-Q2", headers);
    const [w] = at(res, "Grades", "D1");
    expect(w?.severity).toBe("Warning");
    expect(w.text.en).toContain('is "Coeficient" in D1 meant to be it?');
    // A001 scores 83.18, band B: its coefficient is 1 either way, 30000 × 0.4 × 0.8 × 0.8318 = 7985.28
    expect(money(of(res, "A001").quarterlyBonus)).toBe("7985.28");
  });
});

describe("a row whose period is not of its table's grain", () => {
  // Each row below sits at body row index `i` (sheet row i + 2); Period is column B of these tables.
  it.each([
    ["Adjustments", ["C001", "2026", 500, "Yearly bonus"], "C001"],
    ["Deals", ["D9", "P001", "2026", 250000, 150000, null, null, null], "P001"],
    ["Incentives", ["C001", "2026", "Outlets", 500, 480], "C001"],
    ["Actuals", ["P002", "2026", "Training", 1], "P002"],
  ])("in %s, a row of period 2026 makes its employee Error in that year's quarters, never left out silently", (table, row, id) => {
    const rows = fresh();
    rows[table].push(row as CellValue[]);
    const res = run(rows);
    // Deals hold the period in column C (DealId first).
    const cell = `${table === "Deals" ? "C" : "B"}${rows[table].length + 1}`;
    const issue = at(res, table, cell);
    expect(issue).toHaveLength(1);
    expect(issue[0].severity).toBe("Error");
    expect(issue[0].text.en).toContain(`period "2026" is a whole year`);
    expect(of(res, id).status).toBe("Error");
    expect(of(res, id).totalPay).toBeNull();
  });

  it("in Deals, holds nothing back for an employee whose plan pays no deal bonus (its deals are never read)", () => {
    // C001's plan CM has DealBonus None: a deal row of any period is not its pay.
    const rows = fresh();
    rows.Deals.push(["D9", "C001", "2026", 250000, 150000, null, null, null]);
    const res = run(rows);
    expect(at(res, "Deals", `C${rows.Deals.length + 1}`)).toHaveLength(0);
    expect(of(res, "C001").status).not.toBe("Error");
  });

  it("counts in the annual view of that year, and not in another year's quarter", () => {
    const rows = fresh();
    rows.Adjustments.push(["C001", "2026", 500, "Yearly bonus"]);
    expect(of(run(rows, "2026"), "C001").status).toBe("Error");
    const other = run(rows, "2027-Q1");
    expect(at(other, "Adjustments", `B${rows.Adjustments.length + 1}`)).toHaveLength(0);
  });

  it("in Ratings, a month is an Error: ratings are per quarter", () => {
    const rows = fresh();
    rows.Ratings.push(["A001", "2026-05", "Teamwork", "Customer", 70]);
    const res = run(rows);
    const issue = at(res, "Ratings", `B${rows.Ratings.length + 1}`);
    expect(issue.map((i) => i.severity)).toEqual(["Error"]);
    expect(issue[0].text.en).toContain("rows are per quarter");
    expect(of(res, "A001").status).toBe("Error");
  });

  it("in Targets, a month is a Warning and the row is not used", () => {
    const rows = fresh();
    rows.Targets.push(["C001", "2026-05", 200000, 210000]);
    const res = run(rows);
    const issue = at(res, "Targets", `B${rows.Targets.length + 1}`);
    expect(issue.map((i) => i.severity)).toEqual(["Warning"]);
    expect(issue[0].text.en).toContain("the row is not used");
    // C001's completion still comes from its 2026-Q2 row: 600000 of 600000 is 1.
    expect(of(res, "C001").completion?.toFixed()).toBe("1");
  });
});

describe("a Binary actual", () => {
  // P001's Competitor analysis (Binary, weight 10) is Actuals D5; with 是 P001 scores 92.
  it("that is neither yes nor no scores 0, as SPEC §3 says (else 0), with a Warning at its cell", () => {
    const rows = fresh();
    rows.Actuals[3][3] = "Partial";
    const res = run(rows);
    expect(of(res, "P001").score?.toFixed()).toBe("82"); // 92 − 10
    const issue = at(res, "Actuals", "D5");
    expect(issue.map((i) => i.severity)).toEqual(["Warning"]);
    expect(issue[0].text.en).toContain(`"Partial", which is not yes: it scores 0`);
    // Breakdown's sentence says why it is 0, not "not done".
    expect(of(res, "P001").breakdown.find((b) => b[2] === "Competitor analysis")?.[7]).toBe('"Partial" is not yes → 0 of 10');
    expect(of(res, "P001").status).toBe("Warning");
  });

  it("that is a no word scores 0 without a Warning", () => {
    const rows = fresh();
    rows.Actuals[3][3] = "N";
    const res = run(rows);
    expect(of(res, "P001").score?.toFixed()).toBe("82");
    expect(at(res, "Actuals", "D5")).toHaveLength(0);
  });

  it("that is a TRUE cell shows in Breakdown as Excel shows it, TRUE", () => {
    const rows = fresh();
    rows.Actuals[3][3] = true;
    const res = run(rows);
    expect(of(res, "P001").score?.toFixed()).toBe("92");
    const line = of(res, "P001").breakdown.find((b) => b[2] === "Competitor analysis");
    expect(line?.[4]).toBe("TRUE"); // Breakdown's Actual column
  });

  it("that is blank is a missing actual (Error), never 0", () => {
    const rows = fresh();
    rows.Actuals[3][3] = null;
    const res = run(rows);
    expect(at(res, "Actuals", "D5").map((i) => i.severity)).toEqual(["Error"]);
    expect(of(res, "P001").status).toBe("Error");
  });
});

describe("a CommissionTiers number typed as text", () => {
  it("is used, as its Warning says: the tier stays in the plan's tiers", () => {
    // CM tiers ≥50% → 0.7 ("50%" typed as text) and ≥100% → 1. C001's Q2 sales at 2%:
    // April 210000 (105%) → 4200; May 150000 (75%) → 150000 × 2% × 0.7 = 2100; June 90000 (45%) → 0. Commission 6300.
    const rows = fresh();
    rows.CommissionTiers = [
      ["CM", "50%", 0.7],
      ["CM", 1, 1],
    ];
    const res = run(rows);
    expect(money(of(res, "C001").commission)).toBe("6300");
    expect(at(res, "CommissionTiers", "B2").map((i) => i.severity)).toEqual(["Warning"]);
  });
});

describe("Binary actuals that are numbers", () => {
  it("show each employee's own cell in Breakdown", () => {
    // P001's Competitor analysis is 0.5 (not yes: 0 points, a Warning), P002's is 0 (no).
    const rows = fresh();
    rows.Actuals[3][3] = 0.5;
    rows.Actuals[10][3] = 0;
    const res = run(rows);
    const line = (id: string) => of(res, id).breakdown.find((b) => b[2] === "Competitor analysis");
    expect(line("P001")?.[4]).toBe("0.5");
    expect(line("P002")?.[4]).toBe("0");
  });
});

describe("an Indicators row with a bad cell", () => {
  it("is the only Error: its weight still counts, so the plan's weights (summing to 100) are not called wrong", () => {
    // Presales' Excellent solutions (Indicators row 6) loses its StepBelow (F6); 10+20+10+10+20+20+10 = 100 still.
    const rows = fresh();
    rows.Indicators[4][5] = null;
    const res = run(rows);
    expect(at(res, "Indicators", "F6").map((i) => i.severity)).toEqual(["Error"]);
    expect(res.issues.filter((i) => i.text.en.includes("sum to"))).toEqual([]);
    expect(of(res, "P001").status).toBe("Error");
  });

  it("whose weight cannot be read leaves the sum unsaid until it can be", () => {
    const rows = fresh();
    rows.Indicators[4][2] = "abc";
    const res = run(rows);
    expect(at(res, "Indicators", "C6").map((i) => i.severity)).toEqual(["Error"]);
    expect(res.issues.filter((i) => i.text.en.includes("sum to"))).toEqual([]);
  });

  it("still lets a wrong sum be said: a bad StepBelow and weights summing to 95", () => {
    const rows = fresh();
    rows.Indicators[4][5] = null;
    rows.Indicators[6][2] = 5; // HR 10 → 5
    const res = run(rows);
    expect(res.issues.filter((i) => i.text.en.includes('the weights of plan "Presales" sum to 95'))).toHaveLength(1);
  });
});

describe("one cause met by every indicator of an employee", () => {
  it("is listed once: Actuals' Actual header misspelt makes P001 Error with one issue, not one per indicator", () => {
    // Actuals without its Actual column is not read (its header issue), and each of P001's 7 indicators
    // then misses its row: the same message at the same cell, listed once.
    const res = run(fresh(), "2026-Q2", { ...HEADERS, Actuals: ["EmployeeId", "Period", "Indicator", "Actaul"] });
    const p001 = res.issues.filter((i) => i.employeeId === "P001" && i.text.en.startsWith("Employees A2: Actuals could not be read"));
    expect(p001).toHaveLength(1);
    expect(of(res, "P001").status).toBe("Error");
  });
});

describe("a rater with no weight for the plan", () => {
  it("is named in Chinese in the Chinese message: 客户, as the user would type it", () => {
    // A Customer rating of A001, whose plan AE has weights for Self, Peer and Supervisor only.
    const rows = fresh();
    rows.Ratings.push(["A001", "2026-Q2", "Teamwork", "Customer", 70]);
    const issue = at(run(rows), "Ratings", `D${rows.Ratings.length + 1}`);
    expect(issue.map((i) => i.text.zh)).toEqual([`评分表 D${rows.Ratings.length + 1}：评价人 客户 在评价权重表中没有方案 "AE" 的权重：请添加`]);
  });
});

describe("two rows for the same thing", () => {
  it("are named cell by cell, and placed at the repeat's cell, as a range over them would take in rows that are fine", () => {
    // P001's Training actual (Actuals D3) typed again at the bottom of the table.
    const rows = fresh();
    rows.Actuals.push(["P001", "2026-Q2", "Training", 0]);
    const res = run(rows);
    const last = `D${rows.Actuals.length + 1}`;
    const dup = res.issues.filter((i) => i.text.en.includes('rows for "Training"'));
    expect(dup.map((i) => [i.cell, i.text.en])).toEqual([[last, `Actuals ${last}: 2 rows for "Training" in 2026-Q2 (D3, ${last}): keep one`]]);
    // In Chinese the cells are listed as Chinese lists them, with 、.
    expect(dup.map((i) => i.text.zh)).toEqual([`实际值表 ${last}：指标 "Training" 在 2026-Q2 有 2 行（D3、${last}）：请只保留一行`]);
  });
});

describe("Plans' choices written as Chinese HR writes them", () => {
  const plan = (rows: Rows, name: string, column: number, value: CellValue) => {
    rows.Plans = rows.Plans.map((r) => (r[0] === name ? r.map((v, i) => (i === column ? value : v)) : r));
    return rows;
  };
  // Plans columns: 4 CompletionBasis, 5 GradeScale, 6 DealBonus, 12 TierMode.

  it("takes 超额累进 as Marginal and 不累进 as Whole", () => {
    // C001 (CM) sells at 2% of target 200000 a month, default tiers ≥1 → 1, ≥0.5 → 0.7, else 0.
    // Marginal: April 210000 → (100000 × 0.7 + 10000 × 1) × 2% = 1600; May 150000 → 50000 × 0.7 × 2% = 700;
    // June 90000 → 0: 2300. Whole: 4200 + 2100 + 0 = 6300.
    const marginal = run(plan(fresh(), "CM", 12, "超额累进"));
    expect(money(of(marginal, "C001").commission)).toBe("2300");
    expect(at(marginal, "Plans", "M4")).toEqual([]);
    expect(money(of(run(plan(fresh(), "CM", 12, "不累进")), "C001").commission)).toBe("6300");
  });

  it("takes 按部门 and 员工个人 as the completion basis and 否 as no deal bonus", () => {
    const base = run();
    const rows = plan(plan(plan(fresh(), "Presales", 4, "按部门"), "AE", 4, "员工个人"), "Presales", 6, "否");
    const res = run(rows);
    expect(res.issues.filter((i) => i.table === "Plans")).toEqual([]);
    expect(money(of(res, "A001").totalPay)).toBe(money(of(base, "A001").totalPay));
    expect(money(of(res, "P001").quarterlyBonus)).toBe(money(of(base, "P001").quarterlyBonus));
    expect(money(of(res, "P001").dealBonus)).toBe("0");
  });

  it("takes 默认 as the Default grade scale: Grades' own Default rows when it has some, else the default bands", () => {
    // P001 scores 92: Excellent (≥91) in the default bands.
    expect(of(run(plan(fresh(), "Presales", 5, "默认")), "P001").grade).toBe("Excellent");
    const rows = plan(fresh(), "Presales", 5, "默认");
    rows.Grades.push(["Default", 0, "Any", 1]);
    const res = run(rows);
    expect(of(res, "P001").grade).toBe("Any");
    expect(res.issues.filter((i) => i.table === "Plans")).toEqual([]);
  });

  it("takes Grades rows typed 默认 as the scale of a plan left Default, as a plan typed 默认 takes rows typed Default", () => {
    // Presales' GradeScale stays Default; the only Default-like rows in Grades are typed 默认. P001 scores 92.
    const rows = fresh();
    rows.Grades = rows.Grades.filter((g) => g[0] !== "Default");
    rows.Grades.push(["默认", 0, "Any", 1]);
    const res = run(rows);
    expect(of(res, "P001").grade).toBe("Any");
    expect(res.issues.filter((i) => i.table === "Plans")).toEqual([]);
  });

  it("says nothing of the spelling of the default scale: Grades rows typed default serve a blank GradeScale", () => {
    const rows = plan(fresh(), "Presales", 5, null);
    rows.Grades = rows.Grades.filter((g) => g[0] !== "Default");
    rows.Grades.push(["default", 0, "Any", 1]);
    const res = run(rows);
    expect(of(res, "P001").grade).toBe("Any");
    expect(res.issues.filter((i) => i.table === "Plans")).toEqual([]);
  });

  it("keeps the score of each employee of a plan whose scale has a bad band: Error, no grade and no pay, but the score does not rest on the scale", () => {
    // Presales' scale "PS" has two bands starting at 80. P001 scores 92 (SPEC §5's presales example).
    const rows = plan(fresh(), "Presales", 5, "PS");
    rows.Grades.push(["PS", 80, "X", 1], ["PS", 80, "Y", 1], ["PS", 0, "Z", 1]);
    const p = of(run(rows), "P001");
    expect(p.status).toBe("Error");
    expect(p.score?.toString()).toBe("92");
    expect(p.grade).toBeNull();
    expect(p.totalPay).toBeNull();
    expect(p.flags.some((f) => f.includes('grade scale "PS" has a bad row in Grades'))).toBe(true);
  });

  it("flags each employee of a plan whose scale is matched though written otherwise, as every other Warning of a plan's row", () => {
    // Presales (P001…) names its scale "ps"; Grades holds its bands as "PS".
    const rows = plan(fresh(), "Presales", 5, "ps");
    rows.Grades.push(["PS", 0, "Any", 1]);
    const res = run(rows);
    expect(of(res, "P001").grade).toBe("Any");
    expect(of(res, "P001").status).toBe("Warning");
    expect(of(res, "P001").flags.some((f) => f.includes('grade scale "ps" is written "PS"'))).toBe(true);
  });
});

describe("a column whose header is there twice", () => {
  it("makes the table unreadable, naming both headers: which one is right cannot be known", () => {
    // Actuals gets a fifth column 实际值 (E1) beside Actual (D1), holding other numbers.
    const rows = fresh();
    rows.Actuals = rows.Actuals.map((r) => [...r, 95]);
    const res = run(rows, "2026-Q2", { ...HEADERS, Actuals: [...HEADERS.Actuals, "实际值"] });
    // At the repeat's cell (E1), one address as every Issues cell is.
    const doubled = res.issues.filter((i) => i.table === "Actuals" && i.cell === "E1");
    expect(doubled.map((i) => [i.severity, i.text.en])).toEqual([
      ["Error", 'Actuals has 2 columns for Actual/实际值 (D1 "Actual", E1 "实际值"): which one is right cannot be known; delete all but one'],
    ]);
    // Nobody is scored from a table that was not read; each is Error, the header named as the cause.
    expect(res.results.every((r) => r.status === "Error" && r.totalPay === null)).toBe(true);
    expect(of(res, "P001").flags.some((f) => f.includes("which one is right cannot be known"))).toBe(true);
  });
});
