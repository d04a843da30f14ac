/**
 * The bad-input corpus (issue 7): the English sample workbook with one thing wrong at a time. Each case
 * names the Issue it must give (severity, table, cell, employee, the words that say what to do) and who
 * it may touch; every employee it does not touch must be paid exactly as in the clean workbook (Rank
 * aside when someone of the same plan loses their score, since ranks are dense within a plan).
 * Cells: data row i of a table starting at A1 is sheet row i + 2.
 * One file: the corpus is one table of cases run by one loop against one clean baseline.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RunSummary, runRecalculation } from "../../src/app/recalculate";
import { UnusableWorkbook } from "../../src/engine/recalc";
import { CellValue } from "../../src/workbook/port";
import { PlainTable, memoryOf, scaledSample } from "../support/scaled";
import { corpusFigures } from "./figures";

const NOW = new Date("2026-07-05T09:00:00Z");

type Tables = Map<string, PlainTable>;
interface Expected {
  severity: "Error" | "Warning";
  table: string;
  cell: string;
  employeeId?: string;
  words: string;
}
interface Case {
  name: string;
  edit: (t: Tables) => void;
  issues: Expected[];
  /** Employees whose Results may differ, with the status each must have. */
  touched: Record<string, "OK" | "Warning" | "Error">;
  /** Touched employees whose pay must still equal the clean run's (a cell read with a Warning). */
  samePay?: string[];
  /** Anything else the case must show in the run's output. */
  check?: (run: RunSummary) => void;
}

const rowOf = (t: PlainTable, ...key: CellValue[]) => {
  const i = t.rows.findIndex((r) => key.every((k, j) => r[j] === k));
  if (i < 0) throw new Error(`no row ${key.join(", ")} in ${t.name}`);
  return i;
};
const set = (t: Tables, table: string, key: CellValue[], col: number, v: CellValue) => {
  const tt = t.get(table)!;
  tt.rows[rowOf(tt, ...key)][col] = v;
};
const cellOf = (t: Tables, table: string, key: CellValue[], col: string) => `${col}${rowOf(t.get(table)!, ...key) + 2}`;

// P002 and P003 are on the task-list plan (售前任务制), which a fault in the presales plan does not touch.
const PRESALES = { P001: "Error" } as const;
const AE = { A001: "Error", A002: "Error", A003: "Error", A004: "Error" } as const;
const CM = { C001: "Error", C002: "Error", C003: "Error", C004: "Error" } as const;

function cases(base: Tables): Case[] {
  const actual = (id: string, indicator: string) => cellOf(base, "Actuals", [id, "2026-Q2", indicator], "D");
  return [
    {
      name: "plan weights that do not sum to the full score",
      // Presales: 10 + 20 + 10 + 10 + 20 + 20 + 10 = 100; Market activities 10 → 15 makes 105.
      edit: (t) => set(t, "Indicators", ["Presales", "Market activities"], 2, 15),
      issues: [
        {
          severity: "Error",
          table: "Indicators",
          cell: "C2:C8",
          words: 'the weights of plan "Presales" sum to 105; they must sum to its FullScore 100 or to 100%',
        },
      ],
      touched: PRESALES,
    },
    {
      name: "a rate typed as 40 instead of 40%",
      edit: (t) => set(t, "Plans", ["Presales"], 2, 40),
      issues: [{ severity: "Error", table: "Plans", cell: "C2", words: "40 looks like a percent: enter 40% or 0.4" }],
      touched: PRESALES,
    },
    {
      name: "text in a number cell",
      edit: (t) => set(t, "Employees", ["P001"], 4, "abc"),
      issues: [{ severity: "Error", table: "Employees", cell: "E2", employeeId: "P001", words: 'MonthlyBase is the text "abc", not a number: enter a number' }],
      touched: { P001: "Error" },
    },
    {
      name: "a blank number cell (never 0)",
      edit: (t) => set(t, "Employees", ["P002"], 4, null),
      issues: [{ severity: "Error", table: "Employees", cell: "E3", employeeId: "P002", words: "MonthlyBase is empty: enter a number" }],
      touched: { P002: "Error" },
    },
    {
      name: "TRUE in a number cell",
      edit: (t) => set(t, "Actuals", ["P001", "2026-Q2", "Excellent solution rate"], 3, true),
      issues: [
        { severity: "Error", table: "Actuals", cell: actual("P001", "Excellent solution rate"), employeeId: "P001", words: "Actual is TRUE, not a number" },
      ],
      touched: { P001: "Error" },
    },
    {
      name: "#N/A in a number cell",
      edit: (t) => set(t, "Targets", ["A001", "2026-Q2"], 3, "#N/A"),
      issues: [
        {
          severity: "Error",
          table: "Targets",
          cell: cellOf(base, "Targets", ["A001", "2026-Q2"], "D"),
          employeeId: "A001",
          words: "Actual is the error #N/A from its cell: fix that cell first",
        },
      ],
      touched: { A001: "Error" },
    },
    {
      name: "#DIV/0! in a number cell",
      edit: (t) => set(t, "Sales", ["C001", "2026-05"], 3, "#DIV/0!"),
      issues: [
        {
          severity: "Error",
          table: "Sales",
          cell: cellOf(base, "Sales", ["C001", "2026-05"], "D"),
          employeeId: "C001",
          words: "the error #DIV/0! from its cell",
        },
      ],
      touched: { C001: "Error" },
    },
    {
      name: "a number typed as text with a thousands separator",
      edit: (t) => set(t, "Employees", ["P004"], 4, "9,000"),
      issues: [
        {
          severity: "Warning",
          table: "Employees",
          cell: "E5",
          employeeId: "P004",
          words: 'MonthlyBase is the text "9,000": taken as 9000; format the cell as a number',
        },
      ],
      touched: { P004: "Warning" },
      samePay: ["P004"],
    },
    {
      name: "a number typed in full-width digits",
      edit: (t) => set(t, "Employees", ["P001"], 4, "１２０００"),
      issues: [{ severity: "Warning", table: "Employees", cell: "E2", employeeId: "P001", words: "taken as 12000; format the cell as a number" }],
      touched: { P001: "Warning" },
      samePay: ["P001"],
    },
    {
      name: "a number typed with spaces around it",
      edit: (t) => set(t, "Employees", ["P002"], 4, " 10000 "),
      issues: [{ severity: "Warning", table: "Employees", cell: "E3", employeeId: "P002", words: "taken as 10000" }],
      touched: { P002: "Warning" },
      samePay: ["P002"],
    },
    ...(
      [
        ["ISO text", "2026-05-06"],
        ["slashes", "2026/5/6"],
        ["Chinese text", "2026年5月6日"],
        ["a serial number", 46148],
      ] as const
    ).map(([how, v]): Case => ({
      name: `a join date as ${how} (read as 6 May 2026: P003 prorated 56/91 days, as with a date cell)`,
      edit: (t) => set(t, "Employees", ["P003"], 5, v),
      issues: [
        {
          severity: "Warning",
          table: "Employees",
          cell: "F4",
          employeeId: "P003",
          words: "Employees F4: joined 2026-05-06: quarterly base prorated 56/91 days",
        },
      ],
      touched: {},
    })),
    {
      name: "a date in a form that could be read two ways (5/6/2026)",
      edit: (t) => set(t, "Employees", ["P003"], 5, "5/6/2026"),
      issues: [
        { severity: "Error", table: "Employees", cell: "F4", employeeId: "P003", words: 'JoinDate "5/6/2026" is not a date: enter a date such as 2026-04-15' },
      ],
      touched: { P003: "Error" },
    },
    {
      name: "duplicate employee ids",
      edit: (t) => t.get("Employees")!.rows.push([...t.get("Employees")!.rows[1]]),
      issues: [
        {
          severity: "Error",
          table: "Employees",
          cell: "A3",
          employeeId: "P002",
          words: 'EmployeeId "P002" is on 2 rows (A3, A14): which one is right cannot be known',
        },
        { severity: "Error", table: "Employees", cell: "A14", employeeId: "P002", words: "keep one row per employee" },
      ],
      touched: { P002: "Error" },
      check: (run) => {
        // Both rows share P002's inputs: neither shows a score, grade, rank or completion, nor Breakdown lines, that may be the other's.
        const rows = run.rows.Results.filter((r) => r[0] === "P002");
        expect(rows.map((r) => r.slice(5, 9))).toEqual([
          [null, null, null, null],
          [null, null, null, null],
        ]);
        expect(run.rows.Breakdown.filter((r) => r[0] === "P002")).toEqual([]);
      },
    },
    {
      name: "an unknown plan",
      edit: (t) => set(t, "Employees", ["A001"], 2, "Acount executive"),
      issues: [
        {
          severity: "Error",
          table: "Employees",
          cell: "C6",
          employeeId: "A001",
          words: 'plan "Acount executive" is not in Plans: add the plan or correct the name',
        },
      ],
      touched: { A001: "Error" },
    },
    {
      name: "a plan name in another letter case (matched, with a Warning)",
      edit: (t) => set(t, "Employees", ["P001"], 2, "presales"),
      issues: [
        {
          severity: "Warning",
          table: "Employees",
          cell: "C2",
          employeeId: "P001",
          words: 'plan "presales" is written "Presales" in Plans: matched; correct the spelling to be sure',
        },
      ],
      touched: { P001: "Warning" },
      samePay: ["P001"],
    },
    {
      name: "an unknown indicator in Actuals",
      edit: (t) => set(t, "Actuals", ["A001", "2026-Q2", "Work completion"], 2, "Work complettion"),
      issues: [
        {
          severity: "Warning",
          table: "Actuals",
          cell: cellOf(base, "Actuals", ["A001", "2026-Q2", "Work completion"], "C"),
          employeeId: "A001",
          words: 'indicator "Work complettion" is not in plan "Account executive": the row is ignored',
        },
        // The missing row has no cell of its own: the Error is at A001's EmployeeId cell.
        {
          severity: "Error",
          table: "Employees",
          cell: cellOf(base, "Employees", ["A001"], "A"),
          employeeId: "A001",
          words: 'Actuals has no row for A001 "Work completion" in 2026-Q2: add the actual (blank is not 0)',
        },
      ],
      touched: { A001: "Error" },
    },
    {
      name: "an unknown rater",
      edit: (t) => set(t, "Ratings", ["A001", "2026-Q2", "Teamwork", "Peer"], 3, "Boss"),
      issues: [
        {
          severity: "Error",
          table: "Ratings",
          cell: cellOf(base, "Ratings", ["A001", "2026-Q2", "Teamwork", "Peer"], "D"),
          employeeId: "A001",
          words: 'Rater "Boss" is not one of',
        },
      ],
      touched: { A001: "Error" },
    },
    {
      name: "an incentive item with no rule",
      edit: (t) => set(t, "Incentives", ["C001", "2026-Q2", "Outlets"], 2, "Outlet"),
      issues: [
        {
          severity: "Error",
          table: "Incentives",
          cell: cellOf(base, "Incentives", ["C001", "2026-Q2", "Outlets"], "C"),
          employeeId: "C001",
          words: 'item "Outlet" has no rule for plan "Customer manager" in IncentiveRules',
        },
      ],
      touched: { C001: "Error" },
    },
    {
      name: "an unknown grade scale",
      edit: (t) => set(t, "Plans", ["Account executive"], 5, "AE scal"),
      issues: [
        {
          severity: "Error",
          table: "Plans",
          cell: "F4",
          words: 'grade scale "AE scal" of plan "Account executive" has no rows in Grades: add its bands, or write Default for the default bands',
        },
      ],
      touched: AE,
    },
    {
      name: "two grade bands at one minimum (an overlap; bands are minimum-only, so a gap cannot be)",
      edit: (t) => t.get("Grades")!.rows.push(["AE scale", 80, "Good+", 1.1]),
      issues: [{ severity: "Error", table: "Grades", cell: "B6", words: 'scale "AE scale" has two bands starting at 80 ("Good", "Good+"): keep one' }],
      touched: AE,
    },
    {
      name: "a target of 0",
      edit: (t) => set(t, "Targets", ["A002", "2026-Q2"], 2, 0),
      issues: [
        {
          severity: "Error",
          table: "Targets",
          cell: cellOf(base, "Targets", ["A002", "2026-Q2"], "C"),
          employeeId: "A002",
          words: "Target is 0: it must be greater than 0",
        },
      ],
      touched: { A002: "Error" },
    },
    {
      name: "a negative sales target",
      edit: (t) => set(t, "Sales", ["C002", "2026-04"], 2, -200000),
      issues: [
        { severity: "Error", table: "Sales", cell: cellOf(base, "Sales", ["C002", "2026-04"], "C"), employeeId: "C002", words: "must be greater than 0" },
      ],
      touched: { C002: "Error" },
    },
    {
      name: "a Step standard of 0 (scored by it, with a Warning on everyone of the plan)",
      // Excellent solution rate, standard 0 with +0.5 per 1% above: every presales actual now scores above 20.
      edit: (t) => set(t, "Indicators", ["Presales", "Excellent solution rate"], 4, 0),
      issues: [
        {
          severity: "Warning",
          table: "Indicators",
          cell: "E6",
          words: "Standard is 0: every actual of 0 or more scores at least the full weight; check the standard",
        },
      ],
      // The plan's doubtful cell is the flag of P001, on Presales (P002 and P003 are on the task-list plan).
      touched: { P001: "Warning", P002: "OK", P003: "Warning" },
    },
    {
      name: "a negative Ratio standard",
      edit: (t) => set(t, "Indicators", ["Customer manager", "Sales attainment"], 4, -1),
      issues: [{ severity: "Error", table: "Indicators", cell: "E21", words: "Standard is -1" }],
      touched: CM,
    },
    ...(
      [
        ["2026-Q5", "a quarter that does not exist"],
        ["Q2", "a quarter without its year"],
        ["二季度", "a quarter in words"],
      ] as const
    ).map(([p, how]): Case => ({
      name: `a malformed period: ${how} (${p})`,
      edit: (t) => set(t, "Actuals", ["P001", "2026-Q2", "Sales tools"], 1, p),
      issues: [
        {
          severity: "Error",
          table: "Actuals",
          cell: cellOf(base, "Actuals", ["P001", "2026-Q2", "Sales tools"], "B"),
          employeeId: "P001",
          words: `Period "${p}" is not a period: enter a quarter such as 2026-Q2`,
        },
      ],
      touched: { P001: "Error" },
    })),
    {
      name: "a missing Targets table",
      edit: (t) => t.delete("Targets"),
      issues: [
        { severity: "Error", table: "Targets", cell: "", words: "The table Targets (目标) is missing: add an Excel table named Targets" },
        { severity: "Error", table: "Employees", cell: "D2", employeeId: "P001", words: 'Targets has no row for department "Presales Support" in 2026-Q2' },
        { severity: "Error", table: "Employees", cell: "A6", employeeId: "A001", words: "Targets has no row for employee A001 in 2026-Q2" },
      ],
      touched: { ...PRESALES, P002: "Error", P003: "Error", P004: "Error", ...AE, ...CM },
    },
    {
      name: "a number past Excel's 15 digits",
      edit: (t) => set(t, "Employees", ["P001"], 4, 1e16),
      issues: [{ severity: "Error", table: "Employees", cell: "E2", employeeId: "P001", words: "past Excel's 15-digit precision" }],
      touched: { P001: "Error" },
    },
    {
      name: "names and reasons beginning with =, +, -, @, a tab or a carriage return (kept as typed)",
      edit: (t) => {
        set(t, "Employees", ["P001"], 1, "=Zhang Wei");
        set(t, "Employees", ["P002"], 1, "+Li Na");
        set(t, "Employees", ["A001"], 1, "-Chen Jing");
        set(t, "Employees", ["A002"], 1, "@Yang Fan");
        set(t, "Employees", ["C001"], 1, "\tZhou Jie");
        set(t, "Adjustments", ["P002", "2026-Q2"], 3, "\rHoliday duty allowance");
      },
      issues: [],
      touched: { P001: "OK", P002: "OK", A001: "OK", A002: "OK", C001: "OK" },
      samePay: ["P001", "P002", "A001", "A002", "C001"],
      check: (run) => {
        const name = (id: string) => run.rows.Results.find((r) => r[0] === id)?.[1];
        expect([name("P001"), name("P002"), name("A001"), name("A002"), name("C001")]).toEqual([
          "=Zhang Wei",
          "+Li Na",
          "-Chen Jing",
          "@Yang Fan",
          "\tZhou Jie",
        ]);
      },
    },
    // A table missing a required column is not read: whom its rows concern are Error, never paid without them.
    {
      name: "a misspelt required column in Sales makes everyone with sales rows Error, not paid without commission",
      // The customer managers C001–C004 are the only ones with Sales rows (2026-01 to 2026-06).
      edit: (t) => (t.get("Sales")!.headers[3] = "Actul"),
      issues: [{ severity: "Error", table: "Sales", cell: "D1", words: 'Sales has no column Actual/完成: add the header (is "Actul" in D1 meant to be it?)' }],
      touched: CM,
    },
    {
      name: "a misspelt required column in Deals makes everyone with deals of the quarter Error",
      // Deals of 2026-Q2 (by month or quarter): P001 (2026-04, 2026-05), P002 (2026-Q2), P004 (2026-05, 2026-06).
      edit: (t) => (t.get("Deals")!.headers[4] = "Reciepts"),
      issues: [
        { severity: "Error", table: "Deals", cell: "E1", words: 'Deals has no column Receipts/回款: add the header (is "Reciepts" in E1 meant to be it?)' },
      ],
      touched: { P001: "Error", P002: "Error", P004: "Error" },
    },
    {
      name: "a misspelt required column in Adjustments makes everyone with adjustments of the quarter Error",
      // Adjustments of 2026-Q2: P002 (2026-Q2) and C003 (2026-06).
      edit: (t) => (t.get("Adjustments")!.headers[2] = "Amout"),
      issues: [{ severity: "Error", table: "Adjustments", cell: "C1", words: "Adjustments has no column Amount/金额: add the header" }],
      touched: { P002: "Error", C003: "Error" },
    },
    {
      name: "a misspelt required column in Actuals names the header as the cause of each missing actual",
      edit: (t) => (t.get("Actuals")!.headers[3] = "Actul"),
      issues: [
        { severity: "Error", table: "Actuals", cell: "D1", words: 'Actuals has no column Actual/实际值: add the header (is "Actul" in D1 meant to be it?)' },
        // P001 is on row 2 of Employees; every plan has an indicator scored from Actuals.
        {
          severity: "Error",
          table: "Employees",
          cell: "A2",
          employeeId: "P001",
          words: "Actuals could not be read, so P001 is not paid until its header is corrected",
        },
      ],
      touched: { ...PRESALES, P002: "Error", P003: "Error", P004: "Error", ...AE, ...CM },
      check: (run) => expect(run.result.issues.filter((i) => i.text.en.startsWith("Actuals has no row"))).toEqual([]),
    },
    // An optional column misspelt takes its default: whom the table concerns are Warning, paid on the default.
    {
      name: "a misspelt optional column in Plans makes every employee of a listed plan Warning, paid at the default rate",
      edit: (t) => (t.get("Plans")!.headers[2] = "BonusRat"),
      issues: [
        {
          severity: "Warning",
          table: "Plans",
          cell: "C1",
          words: 'Plans has no column BonusRate/奖金比例, so its default is used: is "BonusRat" in C1 meant to be it?',
        },
      ],
      // Every plan lists 0.4 but Customer manager (0.2): the others are paid as before, the managers at the default 0.4.
      touched: {
        P001: "Warning",
        P002: "Warning",
        P003: "Warning",
        P004: "Warning",
        A001: "Warning",
        A002: "Warning",
        A003: "Warning",
        A004: "Warning",
        C001: "Warning",
        C002: "Warning",
        C003: "Warning",
        C004: "Warning",
      },
      samePay: ["P001", "P002", "P003", "P004", "A001", "A002", "A003", "A004"],
      check: (run) => {
        // C001's quarterly bonus: 6000 × 3 × 0.4 × (1/6 completion) × 100.5/100 = 1206.00, twice the 603.00 at 0.2.
        const c001 = run.rows.Results.find((r) => r[0] === "C001" && r[4] === "2026-Q2");
        expect(c001?.[9]).toBe(1206);
        expect(String(c001?.[17])).toContain("BonusRate");
      },
    },
  ];
}

let clean: RunSummary;
const base = new Map(scaledSample(12).map((t) => [t.name, t]));
const copy = (): Tables => new Map([...base].map(([n, t]) => [n, { ...t, headers: [...t.headers], rows: t.rows.map((r) => [...r]) }]));
const byId = (s: RunSummary) => new Map(s.rows.Results.filter((r) => r[4] === "2026-Q2").map((r) => [String(r[0]), r]));

beforeAll(async () => {
  clean = await runRecalculation(memoryOf([...base.values()]), "2026-Q2", { now: NOW });
});

const all = cases(base);
afterAll(() => corpusFigures.add("bad inputs (in-memory workbook)", all.length + 2));

describe("the bad-input corpus", () => {
  for (const c of all) {
    it(c.name, async () => {
      const tables = copy();
      c.edit(tables);
      const run = await runRecalculation(memoryOf([...tables.values()]), "2026-Q2", { now: NOW });
      for (const e of c.issues) {
        const found = run.result.issues.find(
          (i) =>
            i.severity === e.severity &&
            i.table === e.table &&
            i.cell === e.cell &&
            (e.employeeId === undefined || i.employeeId === e.employeeId) &&
            i.text.en.includes(e.words),
        );
        expect(
          found,
          `${e.severity} at ${e.table} ${e.cell}: ${e.words}\n got: ${run.result.issues.map((i) => `${i.severity} ${i.table} ${i.cell} ${i.employeeId} ${i.text.en}`).join("\n      ")}`,
        ).toBeDefined();
      }
      c.check?.(run);
      const before = byId(clean);
      const after = byId(run);
      const touchedPlans = new Set(Object.keys(c.touched).map((id) => before.get(id)?.[3]));
      for (const [id, row] of before) {
        const now = after.get(id);
        if (id in c.touched) {
          expect(now?.[16], `${id}'s status`).toBe(c.touched[id]);
          if (c.samePay?.includes(id)) expect(now?.[15], `${id}'s TotalPay`).toBe(row[15]);
          if (c.touched[id] === "Error") expect(now?.slice(9, 16), `${id}'s money is blank`).toEqual([null, null, null, null, null, null, null]);
          continue;
        }
        // Everyone else is computed exactly as before (their Rank may move if a planmate lost their score).
        const same = (r: readonly unknown[] | undefined) => r?.filter((_, i) => !(i === 7 && touchedPlans.has(row[3])) && i !== 17 && i !== 16);
        expect(same(now), `${id} was not touched`).toEqual(same(row));
        expect(now?.[16], `${id}'s status`).toBe(row[16]);
      }
    });
  }

  it("refuses a workbook without its Employees table, naming it (exit 2 from kpi)", async () => {
    const tables = copy();
    tables.delete("Employees");
    await expect(runRecalculation(memoryOf([...tables.values()]), "2026-Q2", { now: NOW })).rejects.toThrow(/The table Employees \(员工\) is missing/);
  });

  it("refuses a workbook whose Employees table lacks MonthlyBase, suggesting the misspelt header", async () => {
    const tables = copy();
    tables.get("Employees")!.headers[4] = "MonthlyBse";
    const e = await runRecalculation(memoryOf([...tables.values()]), "2026-Q2", { now: NOW }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(UnusableWorkbook);
    expect((e as UnusableWorkbook).text.en).toBe('Employees has no column MonthlyBase/月基本工资: add the header (is "MonthlyBse" in E1 meant to be it?)');
  });
});
