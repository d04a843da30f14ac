/**
 * The engine's entry points: the chunked recalculation a host advances between yields, and issues
 * listed once however many quarters meet them. Expected values are the fixture's hand-worked ones
 * (test/fixtures.ts): four employees, P001's TotalPay 13213.86 in 2026-Q2.
 * One file: the cases share the fixture workbook and the engine's entry points.
 */
import { describe, expect, it } from "vitest";
import { OUTPUT_COLUMNS, OUTPUT_HEADERS } from "../../src/engine/contract";
import { UnusableWorkbook, checkTables, outputRows, recalculate, startRecalculation } from "../../src/engine/recalc";
import { Rows, baseRows, workbook } from "../fixtures";
import { scaledSample } from "../support/scaled";

const fresh = (): Rows => Object.fromEntries(Object.entries(baseRows()).map(([k, v]) => [k, v.map((r) => [...r])]));
const tables = (rows: Rows = fresh()) => workbook(rows).tables;

describe("a chunked recalculation", () => {
  it("reports employees done of the total as it goes", () => {
    const run = startRecalculation(tables(), "2026-Q2");
    expect(run.progress()).toEqual({ done: 0, total: 4, finished: false });
    expect(run.next(3)).toEqual({ done: 3, total: 4, finished: false });
    expect(run.next(3)).toEqual({ done: 4, total: 4, finished: true });
  });

  it("gives the same rows and issues as recalculate", () => {
    const run = startRecalculation(tables(), "2026-Q2");
    while (!run.next(1).finished);
    const chunked = run.result();
    expect(JSON.stringify(outputRows(chunked))).toBe(JSON.stringify(outputRows(recalculate(tables(), "2026-Q2"))));
    expect(chunked.results.find((r) => r.employee.id === "P001")?.totalPay?.toFixed()).toBe("13213.86");
    expect(chunked.results.map((r) => r.rank)).toEqual([1, 2, 1, 1]); // ranks need every employee: given at the end
  });

  it("refuses an unusable workbook at once, before any chunk", () => {
    const rows = fresh();
    delete (rows as Record<string, unknown>).Plans;
    expect(() => startRecalculation(tables(rows), "2026-Q2")).toThrow(UnusableWorkbook);
    expect(() => startRecalculation(tables(), "2026-13")).toThrow(/not a quarter or a year/);
  });

  it("finishes what is left when the result is asked for", () => {
    const run = startRecalculation(tables(), "2026");
    run.next(1);
    expect(run.result().results).toHaveLength(4);
    expect(run.progress().finished).toBe(true);
  });
});

describe("issues met by several quarters of a year", () => {
  it("are listed once: a plan's problem", () => {
    const rows = fresh();
    rows.Indicators = rows.Indicators.map((r) => (r[1] === "HR" ? [...r.slice(0, 2), 5, ...r.slice(3)] : r)); // weights 95
    rows.Actuals.push(...rows.Actuals.filter((r) => r[0] === "P001").map((r) => [r[0], "2026-Q1", r[2], r[3]]));
    const res = recalculate(tables(rows), "2026");
    expect(res.issues.filter((i) => i.text.en.includes("sum to 95"))).toHaveLength(1);
  });

  it("are listed once: a Sales month that later quarters scan, which makes Error the quarters whose runs it may change", () => {
    const rows = fresh();
    // January's target: February and March missed, so whether March completes 3 misses cannot be known (Q1
    // Error); April met, so Q2's runs are known whatever January was.
    rows.Sales[0][2] = "abc";
    rows.Actuals.push(["C001", "2026-Q1", "Overall", 60]);
    rows.Targets.push(["C001", "2026-Q1", 600000, 600000]);
    const res = recalculate(tables(rows), "2026");
    expect(res.issues.filter((i) => i.table === "Sales" && i.cell === "C2")).toHaveLength(1);
    const c = res.results.find((r) => r.employee.id === "C001");
    expect(c?.status).toBe("Error");
    const flagged = c?.flags.filter((f) => f.includes('is the text "abc"')) ?? [];
    expect(flagged).toHaveLength(1);
    expect(flagged[0]).toMatch(/^2026-Q1: /);
  });

  it("are listed once by kpi check, which computes each assessed quarter once", () => {
    const rows = fresh();
    rows.Sales[0][2] = "abc";
    rows.Actuals.push(["C001", "2026-Q1", "Overall", 60]);
    rows.Targets.push(["C001", "2026-Q1", 600000, 600000]);
    for (const period of [undefined, "2026-Q2", "2026"]) {
      const { issues } = checkTables(tables(rows), period);
      expect(
        issues.filter((i) => i.table === "Sales" && i.cell === "C2"),
        String(period),
      ).toHaveLength(1);
    }
  });
});

describe("kpi check with a period", () => {
  it("checks that period as its recalculation would, not last quarter's rows: without one, every assessed quarter", () => {
    // C001's Q1 Actual is blank (Actuals row n): an Error of 2026-Q1, which a 2026-Q2 run does not read.
    const rows = fresh();
    rows.Actuals.push(["C001", "2026-Q1", "Overall", null]);
    const cell = `D${rows.Actuals.length + 1}`;
    const at = (period?: string) => checkTables(tables(rows), period).issues.filter((i) => i.table === "Actuals" && i.cell === cell);
    expect(at("2026-Q2")).toEqual([]);
    expect(at("2026-Q2")).toEqual(recalculate(tables(rows), "2026-Q2").issues.filter((i) => i.table === "Actuals" && i.cell === cell));
    expect(at().map((i) => i.severity)).toEqual(["Error"]);
    expect(checkTables(tables(rows), "2026-Q2").periods).toEqual(["2026-Q2"]);
  });

  it("checks a year with the annual view's own words on its quarters not assessed yet", () => {
    // The fixture has Q3 rows of C001 (July's Sales row, the Q3 Outlets incentive) but no Q3 Actuals: the
    // annual view says their pay is left out of 2026, and so must the check of 2026.
    const said = (i: { text: { en: string } }) => i.text.en.includes("2026-Q3 is not assessed yet");
    const run = recalculate(tables(fresh()), "2026").issues.filter(said);
    expect(run.length).toBeGreaterThan(0);
    expect(checkTables(tables(fresh()), "2026").issues.filter(said)).toEqual(run);
  });
});

describe("output columns", () => {
  it("carry the kinds every host formats by", () => {
    const kinds = (name: keyof typeof OUTPUT_COLUMNS) => OUTPUT_COLUMNS[name].map((c) => `${c.name} ${c.kind}`).join(", ");
    expect(kinds("Results")).toBe(
      "EmployeeId text, Name text, Department text, Plan text, Period text, Score score, Grade text, Rank integer, Completion ratio, QuarterlyBonus money, DealBonus money, Commission money, Incentives money, Penalties money, Adjustments money, TotalPay money, Status text, Flags text",
    );
    expect(kinds("Breakdown")).toBe("EmployeeId text, Period text, Indicator text, Weight score, Actual number, Rule text, Points score, Explanation text");
    expect(OUTPUT_COLUMNS.Issues.every((c) => c.kind === "text")).toBe(true);
    expect(kinds("RunLog")).toBe("RunAt text, Period text, Employees integer, Errors integer, Warnings integer, InputHash text, Version text");
    expect(OUTPUT_HEADERS.Issues).toEqual(["Severity", "Table", "Cell", "EmployeeId", "Message"]);
  });

  it("match the rows the engine gives, cell for cell", () => {
    const rows = outputRows(recalculate(tables(), "2026-Q2"));
    expect(rows.Results[0]).toHaveLength(OUTPUT_COLUMNS.Results.length);
    expect(rows.Breakdown[0]).toHaveLength(OUTPUT_COLUMNS.Breakdown.length);
  });
});

describe("a chunked recalculation of a large workbook", () => {
  it("reads the tables a chunk at a time, then computes the employees, never all at once", () => {
    // 3000 employees: P001's rows copied under new ids (7 Actuals each, the Presales department target).
    const rows = fresh();
    const p001 = rows.Employees[0];
    const actuals = rows.Actuals.filter((r) => r[0] === "P001");
    rows.Employees = [];
    rows.Actuals = [];
    for (let k = 0; k < 3000; k++) {
      const id = `P${String(k).padStart(5, "0")}`;
      rows.Employees.push([id, ...p001.slice(1)]);
      for (const a of actuals) rows.Actuals.push([id, ...a.slice(1)]);
    }
    const run = startRecalculation(tables(rows), "2026-Q2");
    const seen: number[] = [];
    let calls = 0;
    for (let p = run.progress(); !p.finished; p = run.next(100)) {
      seen.push(p.done);
      calls++;
    }
    // 3000 Employees rows and 21000 Actuals rows are read 2400 rows' worth per call before the first
    // employee is computed, then 100 employees per call: many calls, none doing everything.
    expect(calls).toBeGreaterThan(30);
    expect(seen.filter((d) => d === 0).length).toBeGreaterThan(5);
    expect(Math.max(...seen.map((d, i) => (i > 0 ? d - seen[i - 1] : d)))).toBeLessThanOrEqual(100);
    const result = run.result();
    expect(result.results).toHaveLength(3000);
    // Each is paid as P001's quarterly bonus, 36000 × 0.4 × 72/87 × 0.92 = 10963.86 (the deals stay with the id P001, now unknown).
    expect(result.results[2999].totalPay?.toFixed()).toBe("10963.86");
  });
});

describe("the same actual for two employees", () => {
  it("scores alike, each on their own Breakdown line, and a bad one is still each employee's own Error", () => {
    const rows = fresh();
    rows.Actuals = rows.Actuals.map((r) => (r[0] === "P002" && r[2] === "HR" ? [r[0], r[1], r[2], 4] : r)); // P002's HR deductions as P001's: 4
    rows.Actuals = rows.Actuals.map((r) => (r[0] === "A001" && r[2] === "Completion of work" ? [r[0], r[1], r[2], 120] : r)); // a rating above 100
    const res = recalculate(tables(rows), "2026-Q2");
    const hr = res.results.filter((r) => r.employee.plan?.name === "Presales").map((r) => r.breakdown.find((l) => l[2] === "HR"));
    // 10 − 4 × 1 = 6 for both, with the same sentence, each line naming its employee (PointsBelow 1: points taken off)
    expect(hr.map((l) => [l?.[0], l?.[6], l?.[7]])).toEqual([
      ["P001", 6, "4 points deducted → 6 of 10"],
      ["P002", 6, "4 points deducted → 6 of 10"],
    ]);
    const a = res.issues.filter((i) => i.employeeId === "A001" && i.severity === "Error");
    expect(a.map((i) => [i.table, i.cell])).toEqual([["Actuals", "D16"]]);
  });
});

describe("a period no one has rows of", () => {
  // The sample's Actuals, Ratings and Tasks rows are of 2026-Q1 and 2026-Q2 only.
  const sample = () =>
    new Map(scaledSample(12).map((t) => [t.name, { name: t.name, sheet: t.sheet, headerRow: 1, firstColumn: 1, headers: t.headers, rows: t.rows }]));

  it("is computed as SPEC says (everyone employed in it is Error), with the quarters there are rows of", () => {
    const r = recalculate(sample(), "2025-Q2");
    // 2025-Q2: everyone but P003, who joined on 2026-05-06, is employed, and each lacks every actual.
    expect(r.results).toHaveLength(11);
    expect(r.results.every((x) => x.status === "Error")).toBe(true);
    expect(r.periodsWithRows).toEqual(["2026-Q2", "2026-Q1"]);
  });

  it("gives the quarters for a year none of whose quarters has rows", () => {
    expect(recalculate(sample(), "2025").periodsWithRows).toEqual(["2026-Q2", "2026-Q1"]);
  });

  it("lists everyone employed in a year none of whose quarters is assessed as Error, not no one", () => {
    const r = recalculate(sample(), "2025");
    // 2025: everyone but P003 (joined 2026-05-06) is employed in it; no quarter of 2025 has rows, so no
    // year can be computed, as in a quarter no one has rows of (SPEC §4: nothing is guessed).
    expect(r.results).toHaveLength(11);
    expect(r.results.every((x) => x.status === "Error" && x.score === null && x.totalPay === null)).toBe(true);
    const p001 = r.issues.filter((i) => i.employeeId === "P001");
    expect(p001.map((i) => [i.severity, i.table])).toEqual([["Error", "Employees"]]);
    expect(p001[0].text.en).toContain("2025 has no assessed quarter");
  });

  it("says so in kpi check of that year too", () => {
    const c = checkTables(sample(), "2025");
    expect(c.issues.filter((i) => i.severity === "Error" && i.text.en.includes("2025 has no assessed quarter"))).toHaveLength(11);
  });

  it("gives none when some employee has rows of the period", () => {
    expect(recalculate(sample(), "2026-Q2").periodsWithRows).toBeNull();
    expect(recalculate(sample(), "2026").periodsWithRows).toBeNull();
  });
});

describe("the quarterly bonus", () => {
  it("divides once, at the end, so an exact half cent rounds up (SPEC §1: decimal, half up)", () => {
    // C001 (plan CM: one Score indicator of weight 100, completion from the employee's own Targets row):
    // base 5005 × 3 = 15015; completion (96 − 0.7 × 90) / (0.3 × 90) = 33/27 = 11/9; score 80.25 (grade 称职, ×1).
    // 15015 × 0.4 × 11/9 × 80.25/100 = 66066 × 0.8025 / 9 = 53017.965 / 9 = 5890.885 exactly → 5890.89.
    const rows = fresh();
    rows.Employees = rows.Employees.map((r) => (r[0] === "C001" ? [...r.slice(0, 4), 5005, ...r.slice(5)] : r));
    rows.Actuals = rows.Actuals.map((r) => (r[0] === "C001" ? [...r.slice(0, 3), 80.25] : r));
    rows.Targets = rows.Targets.map((r) => (r[0] === "C001" ? ["C001", "2026-Q2", 90, 96] : r));
    const c001 = recalculate(tables(rows), "2026-Q2").results.find((r) => r.employee.id === "C001");
    expect(c001?.score?.toFixed()).toBe("80.25");
    expect(c001?.quarterlyBonus?.toFixed(2)).toBe("5890.89");
  });
});

describe("a score below 0", () => {
  it("with a completion of 0 pays 0, and says nothing of a negative bonus", () => {
    // As below (Score −8), but C001's Targets actual is 100000 of 600000: below the task base, completion 0.
    const rows = fresh();
    rows.Indicators = rows.Indicators.concat([["CM", "Weekly report", 0, "Deduct", null, null, 2, null, null, -28, null]]);
    rows.Actuals = rows.Actuals.map((r) => (r[0] === "C001" ? [...r.slice(0, 3), 20] : r)).concat([["C001", "2026-Q2", "Weekly report", 14]]);
    rows.Targets = rows.Targets.map((r) => (r[0] === "C001" ? ["C001", "2026-Q2", 600000, 100000] : r));
    const res = recalculate(tables(rows), "2026-Q2");
    const c001 = res.results.find((r) => r.employee.id === "C001");
    expect(c001?.score?.toFixed()).toBe("-8");
    expect(c001?.quarterlyBonus?.isZero()).toBe(true);
    expect(res.issues.some((i) => i.text.en.includes("comes out negative"))).toBe(false);
  });

  it("is paid by SPEC §4.3's formula, a negative quarterly bonus, with a Warning", () => {
    // C001 (plan CM) gets a weekly-report deduction of weight 0 with Floor −28 (as seed 004's plan):
    // 14 reports missed × 2 = 28 off → max(−28, 0 − 28) = −28; Overall 20 → 20 points; Score 20 − 28 = −8.
    // Completion 600000 of 600000 = 1; grade 不称职 (Unsatisfactory: below 60, coefficient 1).
    // QuarterlyBonus = 6000 × 3 × 0.4 × 1 × (−8)/100 × 1 = −576.00.
    const rows = fresh();
    rows.Indicators = rows.Indicators.concat([["CM", "Weekly report", 0, "Deduct", null, null, 2, null, null, -28, null]]);
    rows.Actuals = rows.Actuals.map((r) => (r[0] === "C001" ? [...r.slice(0, 3), 20] : r)).concat([["C001", "2026-Q2", "Weekly report", 14]]);
    const res = recalculate(tables(rows), "2026-Q2");
    const c001 = res.results.find((r) => r.employee.id === "C001");
    expect(c001?.score?.toFixed()).toBe("-8");
    expect(c001?.grade).toBe("Unsatisfactory"); // 不称职, in the English workbook's words
    expect(c001?.quarterlyBonus?.toFixed(2)).toBe("-576.00");
    expect(c001?.status).toBe("Warning");
    // C001 is Employees row 5: the Warning starts with its table and cell, as every message does.
    expect(res.issues.some((i) => i.employeeId === "C001" && i.text.en.startsWith("Employees A5: C001's score in 2026-Q2 is -8, below 0"))).toBe(true);
  });
});

describe("who is in a quarter, by JoinDate and LeaveDate", () => {
  const utc = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));
  const withDates = (join: Date | null, leave: Date | null): Rows => {
    const rows = fresh();
    rows.Employees = rows.Employees.map((r) => (r[0] === "C001" ? [...r.slice(0, 5), join, leave] : r));
    return rows;
  };

  it("lists an employee whose LeaveDate is before the JoinDate, as Error with blank money, not as never employed", () => {
    const res = recalculate(tables(withDates(utc(2026, 6, 1), utc(2026, 5, 1))), "2026-Q2");
    const c001 = res.results.find((r) => r.employee.id === "C001");
    expect(c001?.status).toBe("Error");
    expect(c001?.totalPay).toBeNull();
    expect(c001?.quarterlyBonus).toBeNull();
    expect(c001?.flags.some((f) => f.includes("LeaveDate is before JoinDate"))).toBe(true);
    expect(res.results).toHaveLength(4);
  });

  it("warns once, at the LeaveDate, when someone who left before the quarter has rows of it, counting them by table", () => {
    // C001's 2026-Q2 rows in the fixture: Actuals 1 (Overall), Sales 3 (April–June), Incentives 3 (Q2 Outlets,
    // May Displays, June fines), Adjustments 2 (Q2 and April): 9. C001 is Employees row 5; LeaveDate is column G.
    const res = recalculate(tables(withDates(null, utc(2026, 3, 31))), "2026-Q2");
    expect(res.results.map((r) => r.employee.id)).not.toContain("C001");
    const warned = res.issues.filter((i) => i.employeeId === "C001");
    expect(warned).toHaveLength(1);
    expect(warned[0].severity).toBe("Warning");
    expect(warned[0].text.en).toBe(
      "Employees G5: C001 left on 2026-03-31, before 2026-Q2, so is not in its Results; 9 rows of 2026-Q2 are not used (Actuals 1, Sales 3, Incentives 3, Adjustments 2): correct the LeaveDate if they are to be paid, or delete the rows",
    );
  });

  it("warns at the JoinDate when someone who joins after the quarter has rows of it, and says nothing of someone without", () => {
    const joins = recalculate(tables(withDates(utc(2026, 7, 1), null)), "2026-Q2");
    expect(joins.issues.filter((i) => i.employeeId === "C001").map((i) => i.text.en)).toEqual([
      "Employees F5: C001 joins on 2026-07-01, after 2026-Q2, so is not in its Results; 9 rows of 2026-Q2 are not used (Actuals 1, Sales 3, Incentives 3, Adjustments 2): correct the JoinDate if they are to be paid, or delete the rows",
    ]);
    // In 2026-Q4 C001 (left 2026-03-31) has no rows: nothing to say.
    const none = recalculate(tables(withDates(null, utc(2026, 3, 31))), "2026-Q4");
    expect(none.issues.filter((i) => i.employeeId === "C001")).toEqual([]);
  });

  it("keeps someone who joined after the year's assessed quarters in the annual view, as a Warning without figures", () => {
    // The fixture assesses 2026-Q1 and Q2 only; C001 joins on 2026-07-01, so is employed in Q3 and Q4 alone.
    const res = recalculate(tables(withDates(utc(2026, 7, 1), null)), "2026");
    const c001 = res.results.find((r) => r.employee.id === "C001");
    expect(c001?.status).toBe("Warning");
    expect(c001?.score).toBeNull();
    expect(c001?.totalPay).toBeNull();
    expect(c001?.flags).toContain(
      "Employees A5: C001 was employed in 2026 only in quarters not assessed yet (2026-Q3, 2026-Q4): no annual score or pay until one of them is",
    );
  });

  it("warns of each quarter of the annual view whose rows are not used", () => {
    // Left 2026-03-31: Q2's 9 rows, and Q3's 2 (July's Sales row, Q3's Outlets) are not used.
    const res = recalculate(tables(withDates(null, utc(2026, 3, 31))), "2026");
    const texts = res.issues.filter((i) => i.employeeId === "C001").map((i) => i.text.en);
    expect(texts.some((t) => t.includes("before 2026-Q2") && t.includes("9 rows"))).toBe(true);
    expect(texts.some((t) => t.includes("before 2026-Q3") && t.includes("2 rows of 2026-Q3 are not used (Sales 1, Incentives 1)"))).toBe(true);
  });

  it("says on the year's row which rows of a quarter not yet assessed are left out of the year's money", () => {
    // C001 is employed all year and has Q3 rows (July's Sales row, the fixture's Q3 Outlets and one more) but no
    // Q3 Actuals: Q3 is not counted, and its commission and incentives are not in 2026's money.
    const rows = fresh();
    rows.Incentives.push(["C001", "2026-Q3", "Displays", 50, 45]);
    const res = recalculate(tables(rows), "2026");
    const said =
      "Employees A5: 2026-Q3 is not assessed yet (no one has Actuals, Ratings or Tasks rows of it), so it is not counted in 2026: the pay of C001's 3 rows of it (Sales 1, Incentives 2) is left out; enter the quarter's Actuals to count it";
    expect(res.issues.filter((i) => i.employeeId === "C001").map((i) => i.text.en)).toContain(said);
    const c = res.results.find((r) => r.employee.id === "C001");
    expect(c?.flags).toContain(said);
    expect(c?.status).not.toBe("OK");
  });
});

describe("an Employees row without an EmployeeId", () => {
  it("is Error for its blank id alone, not also for rows that no blank id could have", () => {
    // Rows 6 and 7 of Employees: a Presales employee (completion by department) and a CM one (by employee).
    const rows = fresh();
    rows.Employees.push(["", "Nobody", "Presales", "Presales Support", 9000, null, null], ["", "Nobody else", "CM", "Channel", 6000, null, null]);
    const res = recalculate(tables(rows), "2026-Q2");
    const blank = res.results.filter((r) => r.employee.id === "");
    expect(blank.map((r) => r.status)).toEqual(["Error", "Error"]);
    expect(blank.map((r) => r.flags)).toEqual([["Employees A6: EmployeeId is empty: fill it in"], ["Employees A7: EmployeeId is empty: fill it in"]]);
    expect(res.issues.filter((i) => i.employeeId === "").map((i) => i.cell)).toEqual(["A6", "A7"]);
  });
});

describe("employees of a plan with a problem", () => {
  it("are Error for the plan and also named for each problem of their own inputs, in the same run", () => {
    // Presales' HR indicator weight 10 → 5: the weights sum to 95. P001's Excellent solutions actual (Actuals D6) is
    // blank, and P002's Activities count (D9) is −1: both are problems of their own, to name now, not after the weights.
    const rows = fresh();
    rows.Indicators = rows.Indicators.map((r) => (r[1] === "HR" ? [...r.slice(0, 2), 5, ...r.slice(3)] : r));
    rows.Actuals[4][3] = null;
    rows.Actuals[7][3] = -1;
    const res = recalculate(tables(rows), "2026-Q2");
    const p001 = res.results.find((r) => r.employee.id === "P001");
    const p002 = res.results.find((r) => r.employee.id === "P002");
    expect([p001?.status, p002?.status]).toEqual(["Error", "Error"]);
    expect(p001?.flags.some((f) => f.includes("sum to 95"))).toBe(true);
    expect(p001?.flags.some((f) => f.startsWith("Actuals D6"))).toBe(true);
    expect(p002?.flags.some((f) => f.startsWith("Actuals D9"))).toBe(true);
    expect(res.issues.filter((i) => i.table === "Actuals").map((i) => i.cell)).toEqual(["D6", "D9"]);
    // A plan whose weights do not sum gives no score, grade or breakdown to read.
    expect([p001?.score, p001?.grade, p001?.totalPay, p001?.breakdown.length]).toEqual([null, null, null, 0]);
  });
});

describe("the Warning for rows of a quarter someone was not employed in, in a Chinese workbook", () => {
  it("names the tables by their Chinese names", () => {
    const rows = fresh();
    rows.Employees = rows.Employees.map((r) => (r[0] === "C001" ? [...r.slice(0, 6), new Date(Date.UTC(2026, 2, 31))] : r));
    const w = recalculate(tables(rows), "2026-Q2").issues.find((i) => i.employeeId === "C001");
    expect(w?.text.zh).toContain("该期的 9 行未使用（实际值表 1 行，销售表 3 行，过程激励表 3 行，调整表 2 行）");
  });
});

describe("an Indicators row that cannot be read", () => {
  it("is the plan's Error, and the Actuals and Ratings rows naming it are not also told the name is wrong", () => {
    const rows = fresh();
    // Excellent solutions' Standard blank (the Step rule needs it); Teamwork's Weight blank.
    rows.Indicators = rows.Indicators.map((r) =>
      r[1] === "Excellent solutions" ? [...r.slice(0, 4), null, ...r.slice(5)] : r[1] === "Teamwork" ? [r[0], r[1], null, ...r.slice(3)] : r,
    );
    const res = recalculate(tables(rows), "2026-Q2");
    const texts = res.issues.map((i) => i.text.en);
    expect(texts.some((t) => t.includes("Standard is empty"))).toBe(true);
    expect(texts.some((t) => t.includes("Weight is empty"))).toBe(true);
    expect(texts.filter((t) => t.includes("is not in plan"))).toEqual([]);
    expect(res.results.find((r) => r.employee.id === "P001")?.status).toBe("Error");
    expect(res.results.find((r) => r.employee.id === "A001")?.status).toBe("Error");
  });

  it("still leaves a misspelt indicator name in Actuals told so", () => {
    const rows = fresh();
    rows.Indicators = rows.Indicators.map((r) => (r[1] === "Excellent solutions" ? [...r.slice(0, 4), null, ...r.slice(5)] : r));
    rows.Actuals = rows.Actuals.map((r) => (r[0] === "P001" && r[2] === "Training" ? [r[0], r[1], "Trainning", r[3]] : r));
    const texts = recalculate(tables(rows), "2026-Q2").issues.map((i) => i.text.en);
    expect(texts.filter((t) => t.includes("is not in plan"))).toEqual([
      'Actuals C3: indicator "Trainning" is not in plan "Presales": the row is ignored; correct the name',
    ]);
  });
});
