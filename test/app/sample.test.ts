/**
 * The sample workbook of `kpi init` (src/app/sample.ts) recalculated in both languages: its task-list plan
 * (seed 004's 售前绩效考核制度) and the customer managers' hit-streak reward (seed 002). Values are worked
 * out by hand from SPEC §2–5 and the sample's rows; the presales department's 2026-Q2 completion is
 * (275 − 203)/(290 − 203) = 72/87.
 */
import { describe, expect, it } from "vitest";
import { runRecalculation } from "../../src/app/recalculate";
import { Lang } from "../../src/engine/errors";
import { memoryOf, scaledSample } from "../support/scaled";

const NOW = new Date("2026-07-05T09:00:00Z");

async function recalculated(lang: Lang, period = "2026-Q2") {
  const wb = memoryOf(scaledSample(12, lang));
  await runRecalculation(wb, period, { now: NOW });
  const results = Object.fromEntries(
    wb
      .records("Results")
      .filter((r) => r.Period === period)
      .map((r) => [String(r.EmployeeId), r]),
  );
  const lines = (id: string) => wb.records("Breakdown").filter((b) => b.EmployeeId === id && b.Period === period);
  return { wb, results, lines };
}

describe.each(["zh", "en"] as const)("the sample workbook (%s)", (lang) => {
  it("recalculates 2026-Q2 with no employee in Error", async () => {
    const { results } = await recalculated(lang);
    expect(Object.keys(results)).toHaveLength(12);
    expect(Object.values(results).filter((r) => r.Status === "Error")).toEqual([]);
  });

  it("scores P002's task list as SPEC §5's 70.4, less 2 for a weekly report sent late, and pays on 68.4", async () => {
    const { results, lines } = await recalculated(lang);
    const p = results.P002;
    expect(p.Score).toBe(68.4); // 70.4 + (0 − 1 × 2)
    expect(p.Grade).toBe(lang === "zh" ? "基本称职" : "Basically competent"); // 60 ≤ 68.4 < 71
    // 10000 × 3 × 0.4 × 72/87 × 0.684 = 8208 × 72/87 = 6792.827… → 6792.83; big deal 100000 × 1.5% = 1500; adjustment 500.
    expect([p.QuarterlyBonus, p.DealBonus, p.Adjustments, p.TotalPay, p.Status]).toEqual([6792.83, 1500, 500, 8792.83, "OK"]);
    expect(lines("P002").map((l) => [l.Weight, l.Actual, l.Points])).toEqual([
      [100, 1, 70.4],
      [0, 1, -2],
    ]);
  });

  it("scores P003's list with no exception task as 95.2, prorated from his joining day", async () => {
    const { results } = await recalculated(lang);
    const p = results.P003;
    // Daily 40 + 30 done, 30 late (−6): 0.8 × 100 × 94/100 = 75.2; no exception task: 20. Weekly reports on time: 0.
    expect(p.Score).toBe(95.2);
    // 8000 × 3 × 56/91 × 0.4 × 72/87 × 0.952 = 36849254.4/7917 = 4654.453… → 4654.45
    expect(p.QuarterlyBonus).toBe(4654.45);
    expect(p.Status).toBe("Warning"); // joined 2026-05-06, as before
  });

  it("scores P002's 2026-Q1 list as 96.8", async () => {
    // Daily 30, 30, 20 done, 20 late (−4): 0.8 × 100 × 96/100 = 76.8; the exception task done: 20.
    expect((await recalculated(lang, "2026-Q1")).results.P002.Score).toBe(96.8);
  });

  it("pays C004, at target January to June, the 500 of the run's 6th month in 2026-Q2 on top of her banquets", async () => {
    const { results, lines } = await recalculated(lang);
    // Banquets 5 of 6 at 100, −50 per banquet short: 500 − 50 = 450; hit streak 500 → 950.
    expect(results.C004.Incentives).toBe(950);
    expect(
      lines("C004")
        .filter((l) => l.Rule === (lang === "zh" ? "连续达标奖" : "HitBonus"))
        .map((l) => [l.Indicator, l.Actual]),
    ).toEqual([[lang === "zh" ? "连续达标奖 2026-06" : "Hit streak 2026-06", 6]]);
    // C002 missed April: May and June make a run of 2, nothing in 2026-Q2.
    expect(results.C002.Incentives).toBe(17000); // outlets 520 of 500: 15600 + 100; displays 50 of 50: 100; banquets 6 of 4: 600 + 2 × 300 → 15700 + 100 + 1200
  });

  it("pays C002 and C004 the 500 of March in 2026-Q1 (January to March at target)", async () => {
    const { lines } = await recalculated(lang, "2026-Q1");
    for (const id of ["C002", "C004"]) expect(lines(id).filter((l) => l.Actual === 3 && String(l.Indicator).endsWith("2026-03"))).toHaveLength(1);
  });
});

describe("the sample's Breakdown in Chinese", () => {
  it("says what P002's task list lost and why", async () => {
    const line = (await recalculated("zh")).lines("P002")[0];
    expect(line).toMatchObject({ Indicator: "工作任务", Rule: "任务清单" });
    expect(line.Explanation).toBe(
      "日常工作 4 项（共 100 分）：未完成 1 项（−16），未按要求完成 1 项（−10），未及时完成 1 项（−6） → 80% × 100 × 68/100 = 54.4；例外工作 2 项：未完成 1 项（−3），未及时完成 1 项（−1） → 100 × (20 − 4)/100 = 16 → 得 70.4 分（权重 100）",
    );
  });

  it("says which months earned C004's reward", async () => {
    const line = (await recalculated("zh")).lines("C004").find((l) => l.Rule === "连续达标奖");
    expect(line?.Explanation).toBe("2026-01 至 2026-06 连续 6 个月达到或超过销售目标，为达标月数 3 的倍数 → 连续达标奖 +500，计入过程激励");
  });
});
