/**
 * The Tasks/任务清单 rule in a recalculation (SPEC §3): points = KPI.TASKS(Weight, …) over the employee's
 * Tasks rows of the quarter for the indicator, no Actuals row needed; no rows is a missing input (Error).
 * Expected values are worked out by hand from SPEC §2 and §5: daily tasks 80% of the weight, losing 80%,
 * 50% or 20% of their points (NotDone, NotAsRequired, Late); exception tasks 20%, losing 3, 2 or 1 of 100.
 * T001 is on a plan whose one indicator, Duties (weight 100), is a task list; department Presales Support,
 * whose 2026-Q2 completion is (275 − 203)/(290 − 203) = 72/87; monthly base 10000.
 */
import { describe, expect, it } from "vitest";
import { readWorkbookState } from "../../src/app/pane";
import { runRecalculation } from "../../src/app/recalculate";
import { CellValue } from "../../src/workbook/port";
import { HEADERS, Rows, baseRows, resultsById, workbook } from "../fixtures";

const NOW = new Date("2026-07-05T09:00:00Z");
const H = { ...HEADERS, Tasks: ["EmployeeId", "Period", "Indicator", "Task", "Kind", "Points", "Status"] };

/** SPEC §5's list: daily 30 Done, 30 Late, 20 NotAsRequired, 20 NotDone; exceptions NotDone and Late. */
const SPEC_LIST: CellValue[][] = [
  ["T001", "2026-Q2", "Duties", "Solution proposals", "Daily", 30, "Done"],
  ["T001", "2026-Q2", "Duties", "Product demos", "Daily", 30, "Late"],
  ["T001", "2026-Q2", "Duties", "Bid documents", "Daily", 20, "NotAsRequired"],
  ["T001", "2026-Q2", "Duties", "Competitor analysis", "Daily", 20, "NotDone"],
  ["T001", "2026-Q2", "Duties", "CEO's assignment: trade fair", "Exception", null, "NotDone"],
  ["T001", "2026-Q2", "Duties", "Manager's assignment: training", "Exception", null, "Late"],
];

function rows(
  tasks: CellValue[][] = SPEC_LIST,
  indicators: CellValue[][] = [["Tasks", "Duties", 100, "Tasks", null, null, null, null, null, null, null]],
): Rows {
  const r = baseRows();
  r.Employees.push(["T001", "Sun Yue", "Tasks", "Presales Support", 10000, null, null]);
  r.Plans.push(["Tasks", 100, 0.4, 0.7, "Department", "Default", "None", null, null, null, null, null, null]);
  r.Indicators.push(...indicators);
  r.Tasks = tasks.map((t) => [...t]);
  return r;
}

async function run(r: Rows, period = "2026-Q2") {
  const wb = workbook(r, H);
  await runRecalculation(wb, period, { now: NOW });
  const issues = wb.records("Issues").filter((i) => i.EmployeeId === "T001");
  return { wb, t: resultsById(wb, period).T001, issues, lines: wb.records("Breakdown").filter((b) => b.EmployeeId === "T001" && b.Period === period) };
}

describe("a task-list indicator", () => {
  it("scores SPEC §5's list 70.4 under weight 100, with no Actuals row, and pays on it", async () => {
    const { t, issues } = await run(rows());
    // 0.8 × 100 × (100 − 0 − 6 − 10 − 16)/100 = 54.4; 100 × (20 − 3 − 1)/100 = 16; 70.4.
    expect(t.Score).toBe(70.4);
    expect(t.Grade).toBe("Basically competent"); // 60 ≤ 70.4 < 71
    // 10000 × 3 × 0.4 × 72/87 × 0.704 = 8448 × 72/87 = 6991.448… → 6991.45
    expect(t.QuarterlyBonus).toBe(6991.45);
    expect(t.TotalPay).toBe(6991.45);
    expect(t.Status).toBe("OK");
    expect(issues).toEqual([]);
  });

  it("says in Breakdown what was lost and why, with the number of tasks done as Actual", async () => {
    const { lines } = await run(rows());
    expect(lines).toEqual([
      {
        EmployeeId: "T001",
        Period: "2026-Q2",
        Indicator: "Duties",
        Weight: 100,
        Actual: 1, // one task of six was Done
        Rule: "Tasks",
        Points: 70.4,
        Explanation:
          "4 daily tasks (100 points): 1 not done (−16), 1 not as required (−10), 1 late (−6) → 80% × 100 × 68/100 = 54.4; 2 exception tasks: 1 not done (−3), 1 late (−1) → 100 × (20 − 4)/100 = 16 → 70.4 of 100",
      },
    ]);
  });

  it("scores the same list 35.2 under a weight of 50% of the full score", async () => {
    const halves: CellValue[][] = [
      ["Tasks", "Duties", 0.5, "Tasks", null, null, null, null, null, null, null],
      ["Tasks", "Review", 0.5, "Score", null, null, null, null, null, null, null],
    ];
    const { t, lines } = await run(withReview(rows(SPEC_LIST, halves)));
    // Duties: 0.8 × 50 × 68/100 = 27.2; 50 × 16/100 = 8 → 35.2. Review: 50 × 90/100 = 45. 80.2.
    expect(lines.find((l) => l.Indicator === "Duties")).toMatchObject({ Weight: 50, Points: 35.2 });
    expect(t.Score).toBe(80.2);
  });

  it("reads statuses and kinds in Chinese and English alike", async () => {
    const mixed = SPEC_LIST.map((r, i) => [
      ...r.slice(0, 4),
      i === 4 ? "例外" : i === 5 ? "exception" : i === 1 ? "日常" : r[4],
      r[5],
      ["完成", "late", "未按要求完成", "NOT DONE", "未完成", "未及时完成"][i],
    ]);
    expect((await run(rows(mixed))).t.Score).toBe(70.4);
  });

  it("gives the full weight when every daily task is done and there is no exception task, a blank kind being daily", async () => {
    const { t, lines } = await run(
      rows([
        ["T001", "2026-Q2", "Duties", "Solution proposals", null, 60, "Done"],
        ["T001", "2026-Q2", "Duties", "Product demos", "Daily", 40, "完成"],
      ]),
    );
    // 0.8 × 100 × 100/100 = 80; no exception task: 100 × 20/100 = 20.
    expect(t.Score).toBe(100);
    expect(lines[0].Actual).toBe(2);
    expect(lines[0].Explanation).toBe(
      "2 daily tasks (100 points): all done → 80% × 100 × 100/100 = 80; no exception tasks → 100 × (20 − 0)/100 = 20 → 100 of 100",
    );
  });

  it("is an Error when the employee has no Tasks rows for it, as a missing Actual is", async () => {
    const { t, issues } = await run(rows([]));
    expect(t.Status).toBe("Error");
    expect(t.TotalPay).toBe(null);
    // The missing row has no cell: the Issue is at T001's EmployeeId cell, the 5th employee, so Employees A6.
    expect(issues).toMatchObject([{ Severity: "Error", Table: "Employees", Cell: "A6" }]);
    expect(String(issues[0].Message)).toBe('Employees A6: Tasks has no row for T001 "Duties" in 2026-Q2: list the tasks there (no tasks is not full marks)');
    expect(String(t.Flags)).toContain('Tasks has no row for T001 "Duties"');
  });

  it("is an Error when there is no Tasks table at all", async () => {
    const r = rows();
    delete r.Tasks;
    const { t, issues } = await run(r);
    expect(t.Status).toBe("Error");
    expect(issues.map((i) => [i.Table, i.Cell])).toEqual([["Employees", "A6"]]);
    expect(String(issues[0].Message)).toContain("Tasks has no row for T001");
  });
});

describe("a bad task is an issue at its cell", () => {
  const withRow = (i: number, row: CellValue[]) => SPEC_LIST.map((r, j) => (j === i ? row : r));

  it("an unknown status: Error at the Status cell", async () => {
    const { t, issues } = await run(rows(withRow(2, ["T001", "2026-Q2", "Duties", "Bid documents", "Daily", 20, "half done"])));
    expect(t.Status).toBe("Error");
    expect(t.QuarterlyBonus).toBe(null);
    expect(issues).toMatchObject([{ Severity: "Error", Table: "Tasks", Cell: "G4" }]);
    expect(String(issues[0].Message)).toContain(
      'Tasks G4: Status "half done" is not one of Done/完成, NotDone/未完成, NotAsRequired/未按要求完成, Late/未及时完成',
    );
  });

  it("a blank status: Error at the Status cell", async () => {
    const { t, issues } = await run(rows(withRow(1, ["T001", "2026-Q2", "Duties", "Product demos", "Daily", 30, null])));
    expect(t.Status).toBe("Error");
    expect(issues).toMatchObject([{ Severity: "Error", Table: "Tasks", Cell: "G3" }]);
    expect(String(issues[0].Message)).toContain("Status is empty");
  });

  it("a daily task without points: Error at the Points cell", async () => {
    const { t, issues } = await run(rows(withRow(0, ["T001", "2026-Q2", "Duties", "Solution proposals", "Daily", null, "Done"])));
    expect(t.Status).toBe("Error");
    expect(issues).toMatchObject([{ Severity: "Error", Table: "Tasks", Cell: "F2", Message: "Tasks F2: Points is empty: a daily task needs its points" }]);
  });

  it("negative points: Error at the Points cell", async () => {
    const { t, issues } = await run(rows(withRow(0, ["T001", "2026-Q2", "Duties", "Solution proposals", "Daily", -30, "Done"])));
    expect(t.Status).toBe("Error");
    expect(issues).toMatchObject([{ Severity: "Error", Cell: "F2" }]);
  });

  it("a fifth exception task: Error at its Kind cell", async () => {
    const extra = [0, 1, 2, 3].map((k): CellValue[] => ["T001", "2026-Q2", "Duties", `Assignment ${k}`, "Exception", null, "Done"]);
    const { t, issues } = await run(rows([...SPEC_LIST, ...extra]));
    // The exception tasks sit on sheet rows 6 and 7 (SPEC_LIST) and 8–11 (extra): the 5th is on row 10, the 6th on 11.
    expect(t.Status).toBe("Error");
    expect(issues.map((i) => [i.Severity, i.Cell])).toEqual([
      ["Error", "E10"],
      ["Error", "E11"],
    ]);
    expect(String(issues[0].Message)).toContain('a fifth exception task for "Duties" in 2026-Q2: at most 4 exception tasks count');
  });

  it("no daily task: Error over the Kind cells", async () => {
    const { t, issues } = await run(rows(SPEC_LIST.slice(4)));
    expect(t.Status).toBe("Error");
    expect(issues).toMatchObject([{ Severity: "Error", Table: "Tasks", Cell: "E2:E3" }]);
    expect(String(issues[0].Message)).toContain('"Duties" has no daily task in 2026-Q2');
  });

  it("tasks for an indicator whose rule is not Tasks: a Warning at the Indicator cell, the tasks not used", async () => {
    const r = rows();
    r.Tasks.push(["P001", "2026-Q2", "Training", "Train the sales staff", "Daily", 10, "Late"]);
    const { wb } = await run(r);
    const p = resultsById(wb).P001;
    expect(p.Score).toBe(92); // as without the row: Training is a Deduct indicator, scored from Actuals
    expect(p.Status).toBe("Warning");
    const w = wb.records("Issues").find((i) => i.EmployeeId === "P001");
    expect(w).toMatchObject({ Severity: "Warning", Table: "Tasks", Cell: "C8" });
    expect(String(w?.Message)).toContain('"Training" is scored by the Deduct rule, not from Tasks: its tasks are not used');
  });

  it("tasks for an indicator not in the plan: a Warning, the tasks ignored", async () => {
    const { t, issues } = await run(rows([...SPEC_LIST, ["T001", "2026-Q2", "Dutys", "Typo", "Daily", 10, "Done"]]));
    expect(t.Score).toBe(70.4);
    expect(t.Status).toBe("Warning");
    expect(issues).toMatchObject([{ Severity: "Warning", Cell: "C8" }]);
  });

  it("a month in Period: a Warning, the row not used (task lists are scored per quarter)", async () => {
    const { t, issues } = await run(rows([...SPEC_LIST, ["T001", "2026-05", "Duties", "May report", "Daily", 50, "NotDone"]]));
    expect(t.Score).toBe(70.4);
    expect(issues).toMatchObject([{ Severity: "Warning", Cell: "B8" }]);
  });

  it("an exception task with points: a Warning that they are not used", async () => {
    const { t, issues } = await run(rows(withRow(4, ["T001", "2026-Q2", "Duties", "CEO's assignment: trade fair", "Exception", 15, "NotDone"])));
    expect(t.Score).toBe(70.4);
    expect(issues).toMatchObject([{ Severity: "Warning", Cell: "F6" }]);
  });

  it("an exception task whose points cannot be read (text, a negative number): the same Warning, the score unchanged", async () => {
    // SPEC §2: exception tasks' "points are ignored", so what the cell holds does not matter: 70.4 as ever.
    for (const points of ["n/a", -5]) {
      const { t, issues } = await run(rows(withRow(4, ["T001", "2026-Q2", "Duties", "CEO's assignment: trade fair", "Exception", points, "NotDone"])));
      expect(t.Score).toBe(70.4);
      expect(t.Status).not.toBe("Error");
      expect(issues).toMatchObject([{ Severity: "Warning", Cell: "F6" }]);
    }
  });

  it("an Actual for a task-list indicator: a Warning that it is not used", async () => {
    const r = rows();
    r.Actuals.push(["T001", "2026-Q2", "Duties", 95]);
    const { t, issues } = await run(r);
    expect(t.Score).toBe(70.4);
    expect(issues).toMatchObject([{ Severity: "Warning", Table: "Actuals" }]);
  });

  it("a task left undescribed: a Warning at the Task cell", async () => {
    const { t, issues } = await run(rows(withRow(0, ["T001", "2026-Q2", "Duties", null, "Daily", 30, "Done"])));
    expect(t.Score).toBe(70.4);
    expect(issues).toMatchObject([{ Severity: "Warning", Cell: "D2" }]);
  });
});

describe("task lists over a year", () => {
  it("count a quarter with only Tasks rows as assessed in the annual view", async () => {
    // 2026-Q1: daily 50 Done, 50 Late → 0.8 × 100 × 90/100 = 72, + 20 = 92. 2026-Q2: 70.4. Mean (92 + 70.4)/2 = 81.2.
    const r = rows([
      ...SPEC_LIST,
      ["T001", "2026-Q1", "Duties", "Solution proposals", "Daily", 50, "Done"],
      ["T001", "2026-Q1", "Duties", "Product demos", "Daily", 50, "Late"],
    ]);
    r.Targets.push(["Presales Support", "2026-Q1", 174, 180]);
    const { t } = await run(r, "2026");
    expect(t.Score).toBe(81.2);
    expect(t.Grade).toBe("Good"); // ≥ 81
  });
});

describe("periods", () => {
  it("offers a quarter that only Tasks rows have, as the latest", async () => {
    // The fixture's Actuals and Ratings are all 2026-Q2; T001's task list for 2026-Q3 has no Actuals row.
    const r = rows([...SPEC_LIST, ["T001", "2026-Q3", "Duties", "Solution proposals", "Daily", 100, "Done"]]);
    expect((await readWorkbookState(workbook(r, H))).periods).toEqual(["2026-Q3", "2026-Q2", "2026"]);
  });
});

/** The plan of weights 50% + 50% with T001's Review rated 90. */
function withReview(r: Rows): Rows {
  r.Actuals.push(["T001", "2026-Q2", "Review", 90]);
  return r;
}
