/**
 * The hit-streak reward (SPEC §4.6, seed 002: 连续三个月达到或超过销售目标): scanning all Sales months of the
 * employee in order, a run of consecutive months at or above target earns the plan's HitBonus each time its
 * length reaches a multiple of HitRun in a month inside the quarter; it is part of Incentives. Expected values
 * are worked out by hand from those words and the fixture (test/fixtures.ts): C001's own Incentives rows of
 * 2026-Q2 are outlets 480 of 500 → 14400 − 300 = 14100, displays 45 of 50 → −100, inspection fines 2 × −100
 * → −200: 13800 before any reward; it has none in 2026-Q1.
 */
import { describe, expect, it } from "vitest";
import { runRecalculation } from "../../src/app/recalculate";
import { CellValue } from "../../src/workbook/port";
import { HEADERS, Rows, baseRows, resultsById, workbook } from "../fixtures";

const NOW = new Date("2026-07-05T09:00:00Z");
const H = { ...HEADERS, Plans: [...HEADERS.Plans, "HitBonus", "HitRun"] };
const MET = 200000;
const MISSED = 150000;

/** The fixture with C001's Sales months Jan–Jun as given (target 200000), the CM plan paying `hitBonus` per `hitRun` months. */
function rows(months: number[], hitBonus: CellValue = 500, hitRun: CellValue = 3): Rows {
  const r = baseRows();
  r.Plans = r.Plans.map((p) => [...p, p[0] === "CM" ? hitBonus : null, p[0] === "CM" ? hitRun : null]);
  r.Sales = months.map((actual, i) => ["C001", `2026-0${i + 1}`, 200000, actual, 0.02]);
  // C001 assessed in 2026-Q1 too, so that quarter and the year can be recalculated.
  r.Actuals.push(["C001", "2026-Q1", "Overall", 80]);
  r.Targets.push(["C001", "2026-Q1", 600000, 600000]);
  return r;
}

async function run(r: Rows, period = "2026-Q2") {
  const wb = workbook(r, H);
  await runRecalculation(wb, period, { now: NOW });
  const c = resultsById(wb, period).C001;
  const hits = wb.records("Breakdown").filter((b) => b.EmployeeId === "C001" && b.Period === period && String(b.Indicator).startsWith("Hit streak"));
  return { wb, c, hits };
}

describe("the hit-streak reward", () => {
  it("pays 500 in 2026-Q2 for targets met in April, May and June (June completes the run of 3)", async () => {
    const { c, hits } = await run(rows([MISSED, MISSED, MISSED, MET, 210000, 250000]));
    expect(c.Incentives).toBe(14300); // 13800 + 500
    expect(c.Penalties).toBe(0); // the run of misses reached 3 in March, in 2026-Q1
    expect(c.Status).toBe("OK");
    expect(hits).toEqual([
      {
        EmployeeId: "C001",
        Period: "2026-Q2",
        Indicator: "Hit streak 2026-06",
        Weight: null,
        Actual: 3,
        Rule: "HitBonus",
        Points: null,
        Explanation: "target met or beaten 3 months running, 2026-04 to 2026-06: a multiple of HitRun 3 → +500 to Incentives",
      },
    ]);
  });

  it("pays 500 at April for February to May met and June not, and nothing more: the run ends at 4", async () => {
    const q2 = await run(rows([MISSED, MET, MET, MET, MET, MISSED]));
    expect(q2.c.Incentives).toBe(14300); // 13800 + 500 (April: Feb, Mar, Apr)
    expect(q2.hits.map((h) => [h.Indicator, h.Actual])).toEqual([["Hit streak 2026-04", 3]]);
    expect(q2.hits[0].Explanation).toContain("2026-02 to 2026-04");
    // 2026-Q1: the run is 2 long at March, short of 3: nothing.
    const q1 = await run(rows([MISSED, MET, MET, MET, MET, MISSED]), "2026-Q1");
    expect(q1.c.Incentives).toBe(0);
    expect(q1.hits).toEqual([]);
  });

  it("pays a run of 6 across the quarter boundary once in each quarter: March (3) and June (6)", async () => {
    const all = rows([MET, MET, MET, MET, MET, MET]);
    const q1 = await run(all, "2026-Q1");
    expect(q1.c.Incentives).toBe(500);
    expect(q1.hits.map((h) => [h.Indicator, h.Actual])).toEqual([["Hit streak 2026-03", 3]]);
    const q2 = await run(all);
    expect(q2.c.Incentives).toBe(14300); // 13800 + 500 at June, the run's 6th month
    expect(q2.hits.map((h) => [h.Indicator, h.Actual])).toEqual([["Hit streak 2026-06", 6]]);
    expect(q2.hits[0].Explanation).toBe("target met or beaten 6 months running, 2026-01 to 2026-06: a multiple of HitRun 3 → +500 to Incentives");
  });

  it("pays a run of 3 that starts in one quarter and completes in the next in the later one", async () => {
    // February, March, April met: 2 months in 2026-Q1 (nothing), the 3rd in April (500 in 2026-Q2).
    const months = [MISSED, MET, MET, MET, MISSED, MISSED];
    expect((await run(rows(months), "2026-Q1")).c.Incentives).toBe(0);
    expect((await run(rows(months))).c.Incentives).toBe(14300);
  });

  it("counts a month exactly at target as met", async () => {
    const { c } = await run(rows([MISSED, MISSED, MISSED, 200000, 200000, 200000]));
    expect(c.Incentives).toBe(14300);
  });

  it("pays nothing when HitBonus is blank, and writes no Breakdown line", async () => {
    const { c, hits } = await run(rows([MET, MET, MET, MET, MET, MET], null, null));
    expect(c.Incentives).toBe(13800);
    expect(hits).toEqual([]);
    expect(c.Status).toBe("OK");
  });

  it("pays at every multiple of HitRun: HitRun 2 pays in April and June", async () => {
    // Run lengths 1–6 over January–June: multiples of 2 at Feb (Q1), Apr and Jun (Q2): 2 × 300.
    const { c, hits } = await run(rows([MET, MET, MET, MET, MET, MET], 300, 2));
    expect(c.Incentives).toBe(14400); // 13800 + 600
    expect(hits.map((h) => [h.Indicator, h.Actual])).toEqual([
      ["Hit streak 2026-04", 4],
      ["Hit streak 2026-06", 6],
    ]);
  });

  it("starts the run again after a month missing from Sales, with a warning at the month after the gap", async () => {
    // January, February, April, May, June met, March has no row: the run is 1, 2 | 1, 2, 3 → June only.
    const r = rows([MET, MET, MET, MET, MET, MET]);
    r.Sales = r.Sales.filter((s) => s[1] !== "2026-03");
    const { wb, c, hits } = await run(r);
    expect(c.Incentives).toBe(14300);
    expect(hits.map((h) => [h.Indicator, h.Actual])).toEqual([["Hit streak 2026-06", 3]]);
    expect(c.Status).toBe("Warning");
    const warning = wb.records("Issues").find((i) => i.Table === "Sales" && i.EmployeeId === "C001");
    expect(warning).toMatchObject({ Severity: "Warning", Cell: "B4" }); // the April row, the 3rd of Sales
    expect(String(warning?.Message)).toContain("the run of months at target starts again");
  });

  it("says nothing of a gap when the plan pays no hit bonus", async () => {
    const r = rows([MET, MET, MET, MET, MET, MET], null, null);
    r.Sales = r.Sales.filter((s) => s[1] !== "2026-03");
    const { wb, c } = await run(r);
    expect(c.Status).toBe("OK");
    expect(wb.records("Issues").filter((i) => i.Table === "Sales")).toEqual([]);
  });

  it("adds the year's rewards in the annual view and lists the months that earned them", async () => {
    const { wb } = await run(rows([MET, MET, MET, MET, MET, MET]), "2026");
    const year = resultsById(wb, "2026").C001;
    expect(year.Incentives).toBe(14300 + 500); // 2026-Q2 14300 + 2026-Q1 500
    const lines = wb.records("Breakdown").filter((b) => b.EmployeeId === "C001" && b.Period === "2026");
    expect(lines.map((b) => b.Indicator)).toEqual(["2026-Q1", "2026-Q2", "Hit streak 2026-03", "Hit streak 2026-06"]);
  });

  it("refuses a HitRun that is not a whole number of months, at its cell", async () => {
    const { wb, c } = await run(rows([MET, MET, MET, MET, MET, MET], 500, 2.5));
    expect(c.Status).toBe("Error");
    expect(wb.records("Issues").find((i) => i.Table === "Plans")).toMatchObject({ Severity: "Error", Cell: "O4" });
  });

  it("refuses a negative HitBonus, at its cell", async () => {
    const { wb, c } = await run(rows([MET, MET, MET, MET, MET, MET], -500, 3));
    expect(c.Status).toBe("Error");
    expect(wb.records("Issues").find((i) => i.Table === "Plans")).toMatchObject({ Severity: "Error", Cell: "N4" });
  });
});

describe("the runs through a Sales month that cannot be read", () => {
  it("leave a quarter paid when every way the month could have gone gives it the same reward and penalty", async () => {
    // Jan met, Feb's Actual "abc", Mar and Apr met, May and Jun missed. At April the run at target is 4 (Feb met)
    // or 2 (Feb missed): not a multiple of 3 either way, so no reward; the misses of May and June make 2, no
    // penalty. 2026-Q2 is paid as if February were known: 13800 of Incentives, no Penalties.
    const r = rows([MET, 0, MET, MET, MISSED, MISSED]);
    r.Sales[1][3] = "abc";
    const { c } = await run(r);
    expect(c.Status).not.toBe("Error");
    expect(c.Incentives).toBe(13800);
    expect(c.Penalties).toBe(0);
  });

  it("makes the quarter Error, naming the month, when the ways differ in it", async () => {
    // Jan met, Feb's Actual "abc", Mar–Jun met. Feb met: the run at target is 3 in March, 6 in June (a reward in
    // June). Feb missed: 1 in March, 3 in May (a reward in May), 4 in June. Which month earns it cannot be known.
    const r = rows([MET, 0, MET, MET, MET, MET]);
    r.Sales[1][3] = "abc";
    const { c } = await run(r);
    expect(c.Status).toBe("Error");
    expect(String(c.Flags)).toContain("Sales D3");
  });
});
