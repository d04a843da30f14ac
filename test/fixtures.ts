/**
 * A workbook built in code from the seed schemes, with English headers. Expected values in the tests
 * are worked out by hand from SPEC §4–5; the fixture's numbers are chosen so the arithmetic is short.
 */
import { CellValue } from "../src/workbook/port";
import { MemoryWorkbook } from "../src/workbook/memory";

export const HEADERS: Record<string, string[]> = {
  Employees: ["EmployeeId", "Name", "Plan", "Department", "MonthlyBase", "JoinDate", "LeaveDate"],
  Plans: [
    "Plan",
    "FullScore",
    "BonusRate",
    "TaskBase",
    "CompletionBasis",
    "GradeScale",
    "DealBonus",
    "BigDealThreshold",
    "BigDealRate",
    "PoolRate",
    "MissPenalty",
    "MissRun",
    "TierMode",
  ],
  Indicators: ["Plan", "Indicator", "Weight", "Rule", "Standard", "StepBelow", "PointsBelow", "StepAbove", "PointsAbove", "Floor", "Cap"],
  Actuals: ["EmployeeId", "Period", "Indicator", "Actual"],
  Targets: ["Key", "Period", "Target", "Actual"],
  Grades: ["Scale", "MinScore", "Grade", "Coefficient"],
  Ratings: ["EmployeeId", "Period", "Indicator", "Rater", "Score"],
  RaterWeights: ["Plan", "Rater", "Weight"],
  Deals: ["DealId", "EmployeeId", "Period", "DealAmount", "Receipts", "Type", "Quality", "Difficulty"],
  Sales: ["EmployeeId", "Month", "Target", "Actual", "Rate"],
  CommissionTiers: ["Plan", "MinAttainment", "Multiplier"],
  Incentives: ["EmployeeId", "Period", "Item", "Target", "Done"],
  IncentiveRules: ["Plan", "Item", "PerUnit", "PerShort", "PerOver", "OnComplete"],
  Adjustments: ["EmployeeId", "Period", "Amount", "Reason"],
};

export type Rows = Record<string, CellValue[][]>;

const PRESALES_KPI: CellValue[][] = [
  // seed 004's KPI table: 市场活动 −2 per activity missed, 培训 −5, 工具 −5 per item, 竞争对手分析 all or nothing,
  // 优秀方案率 standard 90% −2 per 5% below +0.5 per 1% above, 项目支持成功率 standard 85% likewise, 人力资源 points deducted.
  ["Presales", "Activities", 10, "Deduct", null, null, 2, null, null, null, null],
  ["Presales", "Training", 20, "Deduct", null, null, 5, null, null, null, null],
  ["Presales", "Sales tools", 10, "Deduct", null, null, 5, null, null, null, null],
  ["Presales", "Competitor analysis", 10, "Binary", null, null, null, null, null, null, null],
  ["Presales", "Excellent solutions", 20, "Step", 0.9, 0.05, 2, 0.01, 0.5, null, null],
  ["Presales", "Project success", 20, "Step", 0.85, 0.05, 2, 0.01, 0.5, null, null],
  ["Presales", "HR", 10, "Deduct", null, null, 1, null, null, null, null],
];

const AE_KPI: CellValue[][] = [
  // seed 000: 工作完成度 30%, 业务拓展 20%, 项目进度 20%, 团队协作 15%, 自我提升 15%, as percents of FullScore.
  ["AE", "Completion of work", 0.3, "Score", null, null, null, null, null, null, null],
  ["AE", "Business development", 0.2, "Score", null, null, null, null, null, null, null],
  ["AE", "Project progress", 0.2, "Score", null, null, null, null, null, null, null],
  ["AE", "Teamwork", 0.15, "Score", null, null, null, null, null, null, null],
  ["AE", "Self-improvement", 0.15, "Score", null, null, null, null, null, null, null],
];

export function baseRows(): Rows {
  return {
    Employees: [
      ["P001", "Zhang Wei", "Presales", "Presales Support", 12000, null, null],
      ["P002", "Li Na", "Presales", "Presales Support", 10000, null, null],
      ["A001", "Wang Fang", "AE", "Accounts", 10000, null, null],
      ["C001", "Zhao Lei", "CM", "Channel", 6000, null, null],
    ],
    Plans: [
      ["Presales", 100, 0.4, 0.7, "Department", "Default", "BigDeal", null, null, null, null, null, null],
      ["AE", 100, 0.4, 0.7, "Employee", "AE", "None", null, null, null, null, null, null],
      ["CM", 100, 0.4, 0.7, "Employee", "Default", "None", null, null, null, 300, 3, "Whole"],
    ],
    Indicators: [...PRESALES_KPI, ...AE_KPI, ["CM", "Overall", 100, "Score", null, null, null, null, null, null, null]],
    Actuals: [
      // P001: 10 + 20 + 10 + 10 + 16 (80%: 2 steps below) + 20 (85%: at standard) + 6 (4 points off) = 92
      ["P001", "2026-Q2", "Activities", 0],
      ["P001", "2026-Q2", "Training", 0],
      ["P001", "2026-Q2", "Sales tools", 0],
      ["P001", "2026-Q2", "Competitor analysis", "是"],
      ["P001", "2026-Q2", "Excellent solutions", 0.8],
      ["P001", "2026-Q2", "Project success", 0.85],
      ["P001", "2026-Q2", "HR", 4],
      // P002: 8 + 20 + 5 + 0 + 23 (96%: 6 steps above) + 16 (75%: exactly 2 steps of 5% below 85%) + 10 = 82
      ["P002", "2026-Q2", "Activities", 1],
      ["P002", "2026-Q2", "Training", 0],
      ["P002", "2026-Q2", "Sales tools", 1],
      ["P002", "2026-Q2", "Competitor analysis", "否"],
      ["P002", "2026-Q2", "Excellent solutions", 0.96],
      ["P002", "2026-Q2", "Project success", 0.75],
      ["P002", "2026-Q2", "HR", 0],
      // A001: 30×90% + 20×80% + 20×85% + 15×(ratings) + 15×70%
      ["A001", "2026-Q2", "Completion of work", 90],
      ["A001", "2026-Q2", "Business development", 80],
      ["A001", "2026-Q2", "Project progress", 85],
      ["A001", "2026-Q2", "Self-improvement", 70],
      ["C001", "2026-Q2", "Overall", 80],
    ],
    Targets: [
      ["Presales Support", "2026-Q2", 290, 275],
      ["A001", "2026-Q2", 100, 94],
      ["C001", "2026-Q2", 600000, 600000],
    ],
    Grades: [
      ["AE", 90, "A", 1.2],
      ["AE", 75, "B", 1],
      ["AE", 60, "C", 0.8],
      ["AE", 0, "D", 0.5],
    ],
    Ratings: [
      ["A001", "2026-Q2", "Teamwork", "Self", 90],
      ["A001", "2026-Q2", "Teamwork", "Peer", 80],
      ["A001", "2026-Q2", "Teamwork", "Supervisor", 85],
    ],
    RaterWeights: [
      ["AE", "Self", 20],
      ["AE", "Peer", 30],
      ["AE", "Supervisor", 50],
    ],
    Deals: [
      ["D1", "P001", "2026-05", 250000, 150000, null, null, null],
      ["D2", "P001", "2026-Q2", 90000, 90000, null, null, null],
      ["D3", "P001", "2026-07", 500000, 500000, null, null, null],
      ["D4", "P001", "2026-Q1", 500000, 500000, null, null, null],
    ],
    Sales: [
      ["C001", "2026-01", 200000, 150000, 0.02],
      ["C001", "2026-02", 200000, 180000, 0.02],
      ["C001", "2026-03", 200000, 190000, 0.02],
      ["C001", "2026-04", 200000, 210000, 0.02],
      ["C001", "2026-05", 200000, 150000, 0.02],
      ["C001", "2026-06", 200000, 90000, 0.02],
      ["C001", "2026-07", 200000, 10000, 0.02],
    ],
    CommissionTiers: [],
    Incentives: [
      ["C001", "2026-Q2", "Outlets", 500, 480],
      ["C001", "2026-05", "Displays", 50, 45],
      ["C001", "2026-06", "Inspection fines", null, 2],
      ["C001", "2026-Q3", "Outlets", 500, 520],
    ],
    IncentiveRules: [
      ["CM", "Outlets", 30, 15, null, 100],
      ["CM", "Displays", 0, 20, null, 100],
      ["CM", "Inspection fines", -100, null, null, null],
    ],
    Adjustments: [
      ["C001", "2026-Q2", 500, "Spring festival overtime"],
      ["C001", "2026-04", -200, "Advance repaid"],
      ["C001", "2026-Q1", 999, "Other quarter"],
    ],
  };
}

export function workbook(rows: Rows = baseRows(), headers: Record<string, string[]> = HEADERS): MemoryWorkbook {
  const wb = new MemoryWorkbook();
  for (const [name, body] of Object.entries(rows)) wb.add(name, headers[name] ?? HEADERS[name], body);
  return wb;
}

/** Results of a period as records keyed by EmployeeId. */
export function resultsById(wb: MemoryWorkbook, period = "2026-Q2"): Record<string, Record<string, CellValue>> {
  return Object.fromEntries(
    wb
      .records("Results")
      .filter((r) => r.Period === period)
      .map((r) => [String(r.EmployeeId), r]),
  );
}
