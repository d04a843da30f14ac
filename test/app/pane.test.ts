/**
 * The pane's app layer on the fixture workbook (test/fixtures.ts) and on the Excel double: what the
 * workbook holds, its last run and whether it is current, the template, grades per plan. Figures are
 * the fixture's hand-worked ones (SPEC §5): P001 13213.86, P002 8143.45, A001 7985.28, C001 26160.
 */
import { describe, expect, it } from "vitest";
import { WorkbookPort } from "../../src/workbook/port";
import { createTemplate, gradesByPlan, inputsCurrent, readLastRun, readWorkbookState, templateTables } from "../../src/app/pane";
import { recalculateInExcel } from "../../src/app/inExcel";
import { INPUT_NAMES, runRecalculation } from "../../src/app/recalculate";
import { MemoryWorkbook } from "../../src/workbook/memory";
import { OfficeHost, OfficeWorkbook } from "../../src/workbook/office/officeWorkbook";
import { baseRows, resultsById, workbook } from "../fixtures";
import { createExcelDouble } from "../support/excel";

const NOW = new Date("2026-07-05T09:00:00Z");

describe("what the workbook holds", () => {
  it("lists the input tables it has and the quarters of Actuals and Ratings, then their years", async () => {
    const state = await readWorkbookState(workbook());
    expect(state.inputTables).toContain("Employees");
    expect(state.inputTables).toContain("Actuals");
    // Every Actuals and Ratings row of the fixture is 2026-Q2 (Targets of other quarters do not count).
    expect(state.periods).toEqual(["2026-Q2", "2026"]);
  });

  it("has no input table and no period when the workbook is empty", async () => {
    expect(await readWorkbookState(new MemoryWorkbook())).toEqual({ inputTables: [], periods: [] });
  });
});

describe("the last run", () => {
  it("reads RunLog and Results alone: whether the inputs are current is asked apart, reading them all", async () => {
    const wb = workbook();
    await runRecalculation(wb, "2026-Q2", { now: NOW });
    const asked: string[][] = [];
    const spy: WorkbookPort = {
      listTables: () => wb.listTables(),
      readTables: (names) => (asked.push([...names]), wb.readTables(names)),
      writeTables: (t, s) => wb.writeTables(t, s),
    };
    expect((await readLastRun(spy))?.current).toBeNull();
    expect(asked).toEqual([["RunLog", "Results"]]);
  });

  it("is null before any run", async () => {
    expect(await readLastRun(workbook())).toBeNull();
  });

  it("is the last RunLog row, with the period's total pay, and current while the inputs are unchanged", async () => {
    const wb = workbook();
    await runRecalculation(wb, "2026-Q2", { now: NOW });
    await runRecalculation(wb, "2026-Q2", { now: new Date("2026-07-06T10:30:00Z") });
    const last = await readLastRun(wb);
    expect(last).toMatchObject({ runAt: "2026-07-06T10:30:00Z", period: "2026-Q2", employees: 4, errors: 0, warnings: 0 });
    expect(await inputsCurrent(wb, last!.inputHash!)).toBe(true);
    // 13213.86 + 8143.45 + 7985.28 + 26160 (the fixture's hand-worked TotalPay of each employee)
    expect(last?.totalPay?.toFixed(2)).toBe("55502.59");
  });

  it("is no longer current once an input changes", async () => {
    const wb = workbook();
    await runRecalculation(wb, "2026-Q2", { now: NOW });
    wb.tables.get("Actuals")!.rows[6][3] = 2; // P001's HR points off: 4 → 2
    expect(await inputsCurrent(wb, (await readLastRun(wb))!.inputHash!)).toBe(false);
  });

  it("counts no pay for an employee in Error", async () => {
    const rows = baseRows();
    rows.Actuals = rows.Actuals.filter((r) => !(r[0] === "P002" && r[2] === "HR"));
    const wb = workbook(rows);
    await runRecalculation(wb, "2026-Q2", { now: NOW });
    const last = await readLastRun(wb);
    expect(last?.errors).toBeGreaterThan(0);
    expect(last?.totalPay?.toFixed(2)).toBe("47359.14"); // 13213.86 + 7985.28 + 26160, P002 blank
  });
});

describe("the template", () => {
  it("creates every input table of SPEC §3 with the sample plans, which recalculate as kpi init's do", async () => {
    const wb = new MemoryWorkbook();
    const made = await createTemplate(wb, "en");
    expect(made).toEqual({ created: [...INPUT_NAMES], existing: [] });
    await runRecalculation(wb, "2026-Q2", { now: NOW });
    // The sample's P001 is SPEC §5's presales example: 10963.86 + the 250000/150000 big deal 2250.
    expect(resultsById(wb).P001.TotalPay).toBe(13213.86);
  });

  it("touches nothing when a table of one of its names exists", async () => {
    const wb = new MemoryWorkbook().add("Employees", ["EmployeeId"], [["E1"]]);
    expect(await createTemplate(wb, "zh")).toEqual({ created: [], existing: ["Employees"] });
    expect(wb.writes).toBe(0);
    expect([...wb.tables.keys()]).toEqual(["Employees"]);
  });

  it("gives rates the ratio kind, dates the date kind, ids, names and periods the text kind", () => {
    const kinds = Object.fromEntries(templateTables("en").flatMap((t) => t.columns.map((c) => [`${t.name}.${c.name}`, c.kind])));
    expect(kinds).toMatchObject({
      "Plans.BonusRate": "ratio",
      "Plans.TaskBase": "ratio",
      "Sales.Rate": "ratio",
      "Employees.JoinDate": "date",
      "Employees.LeaveDate": "date",
      "Employees.EmployeeId": "text",
      "Employees.Name": "text",
      "Actuals.Period": "text",
      "Sales.Month": "text",
      "Employees.MonthlyBase": "money",
      "Actuals.Actual": "number",
      "Indicators.Cap": "number",
    });
  });

  it("keeps months as text and dates as dates inside Excel, and recalculates there", async () => {
    const d = createExcelDouble({ sheets: ["Sheet1"] });
    const host: OfficeHost = { run: d.run, isSetSupported: (n, v) => d.Office.context.requirements.isSetSupported(n, v) };
    await createTemplate(new OfficeWorkbook(host), "zh");
    const sales = d.book.table("Sales")!;
    expect(sales.rows[0][1]).toBe("2026-01"); // typed into Excel, "2026-01" would become a date
    const employees = d.book.table("Employees")!;
    const p003 = employees.rows.findIndex((r) => r[0] === "P003");
    expect(employees.rows[p003][5]).toBe(46148); // 2026-05-06 as Excel's serial number
    expect(employees.formats[p003][5]).toBe("yyyy-mm-dd");
    const summary = await recalculateInExcel(host, { period: "2026-Q2", now: NOW });
    expect(summary.result.results.find((r) => r.employee.id === "P001")?.totalPay?.toFixed(2)).toBe("13213.86");
  });
});

describe("grades per plan", () => {
  it("counts each plan's grades, best first, and employees without a grade", async () => {
    const rows = baseRows();
    rows.Actuals = rows.Actuals.filter((r) => !(r[0] === "P002" && r[2] === "HR"));
    const s = await runRecalculation(workbook(rows), "2026-Q2", { now: NOW });
    // P001 92 → Excellent (≥91, the default bands of KPI.GRADE); P002 Error, no grade; A001 83.18 on the
    // fixture's AE scale (≥75) → B; C001 80 (Score rule, weight 100 × 80/100) → the default band ≥71, 称职 / Competent.
    expect(gradesByPlan(s)).toEqual([
      { plan: "Presales", grades: [{ grade: "Excellent", employees: 1 }], ungraded: 1 },
      { plan: "AE", grades: [{ grade: "B", employees: 1 }], ungraded: 0 },
      { plan: "CM", grades: [{ grade: "Competent", employees: 1 }], ungraded: 0 },
    ]);
  });
});

describe("grade order", () => {
  it("puts the grade of the highest score first, whatever order the employees come in", () => {
    const r = (plan: string, grade: string | null, score: number | null) => ({
      employee: { planName: plan },
      grade,
      score: score === null ? null : { toString: () => String(score) },
    });
    const summary = {
      result: { results: [r("CM", "Pass", 62), r("CM", "Excellent", 95), r("CM", "Good", 85), r("CM", "Excellent", 91.5), r("CM", null, null)] },
    };
    expect(gradesByPlan(summary as never)).toEqual([
      {
        plan: "CM",
        grades: [
          { grade: "Excellent", employees: 2 },
          { grade: "Good", employees: 1 },
          { grade: "Pass", employees: 1 },
        ],
        ungraded: 1,
      },
    ]);
  });
});
