/**
 * The workbook contract of SPEC §3: input tables, their columns (English / 中文), and the output
 * tables. Headers match without regard to case, spaces or underscores, in English or Chinese.
 */

export interface ColumnSpec {
  key: string;
  zh: string;
  required: boolean;
}

export interface TableSpec {
  name: string;
  zh: string;
  /** A missing table stops the run (nothing can be computed without it). */
  essential: boolean;
  /** Listed in SPEC §3 without brackets: its absence is an Error issue. */
  required: boolean;
  columns: ColumnSpec[];
}

const col = (key: string, zh: string, required = true): ColumnSpec => ({ key, zh, required });
const opt = (key: string, zh: string): ColumnSpec => col(key, zh, false);

export const INPUT_TABLES: TableSpec[] = [
  {
    name: "Employees",
    zh: "员工",
    essential: true,
    required: true,
    columns: [col("EmployeeId", "员工编号"), col("Name", "姓名"), col("Plan", "考核方案"), col("Department", "部门"), col("MonthlyBase", "月基本工资"), opt("JoinDate", "入职日期"), opt("LeaveDate", "离职日期")],
  },
  {
    name: "Plans",
    zh: "考核方案",
    essential: true,
    required: true,
    columns: [
      col("Plan", "考核方案"),
      opt("FullScore", "满分"),
      opt("BonusRate", "奖金比例"),
      opt("TaskBase", "任务基数"),
      opt("CompletionBasis", "完成率口径"),
      opt("GradeScale", "等级标准"),
      opt("DealBonus", "项目奖"),
      opt("BigDealThreshold", "大项目门槛"),
      opt("BigDealRate", "大项目比例"),
      opt("PoolRate", "奖金总盘比例"),
      opt("MissPenalty", "连续未完成罚款"),
      opt("MissRun", "连续月数"),
      opt("TierMode", "提成方式"),
    ],
  },
  {
    name: "Indicators",
    zh: "指标",
    essential: true,
    required: true,
    columns: [
      col("Plan", "考核方案"),
      col("Indicator", "指标"),
      col("Weight", "权重"),
      col("Rule", "计分规则"),
      opt("Standard", "标准值"),
      opt("StepBelow", "低于步长"),
      opt("PointsBelow", "扣分"),
      opt("StepAbove", "高于步长"),
      opt("PointsAbove", "加分"),
      opt("Floor", "下限"),
      opt("Cap", "上限"),
    ],
  },
  { name: "Actuals", zh: "实际值", essential: false, required: true, columns: [col("EmployeeId", "员工编号"), col("Period", "考核周期"), col("Indicator", "指标"), col("Actual", "实际值")] },
  { name: "Targets", zh: "目标", essential: false, required: true, columns: [col("Key", "对象"), col("Period", "考核周期"), col("Target", "目标"), col("Actual", "实际")] },
  { name: "Grades", zh: "等级", essential: false, required: false, columns: [col("Scale", "等级标准"), col("MinScore", "最低分"), col("Grade", "等级"), opt("Coefficient", "系数")] },
  { name: "Ratings", zh: "评分", essential: false, required: false, columns: [col("EmployeeId", "员工编号"), col("Period", "考核周期"), col("Indicator", "指标"), col("Rater", "评价人"), col("Score", "分数")] },
  { name: "RaterWeights", zh: "评价权重", essential: false, required: false, columns: [col("Plan", "考核方案"), col("Rater", "评价人"), col("Weight", "权重")] },
  {
    name: "Deals",
    zh: "项目",
    essential: false,
    required: false,
    columns: [col("DealId", "项目编号"), col("EmployeeId", "员工编号"), col("Period", "考核周期"), col("DealAmount", "成交金额"), col("Receipts", "回款"), opt("Type", "类型"), opt("Quality", "质量评分"), opt("Difficulty", "难度系数")],
  },
  { name: "Sales", zh: "销售", essential: false, required: false, columns: [col("EmployeeId", "员工编号"), col("Month", "月份"), col("Target", "任务"), col("Actual", "完成"), col("Rate", "提成比例")] },
  { name: "CommissionTiers", zh: "提成档位", essential: false, required: false, columns: [col("Plan", "考核方案"), col("MinAttainment", "最低完成率"), col("Multiplier", "提成系数")] },
  { name: "Incentives", zh: "过程激励", essential: false, required: false, columns: [col("EmployeeId", "员工编号"), col("Period", "考核周期"), col("Item", "项目"), opt("Target", "目标数"), col("Done", "完成数")] },
  {
    name: "IncentiveRules",
    zh: "激励规则",
    essential: false,
    required: false,
    columns: [col("Plan", "考核方案"), col("Item", "项目"), col("PerUnit", "单价"), opt("PerShort", "未完成扣"), opt("PerOver", "超额奖"), opt("OnComplete", "完成奖")],
  },
  { name: "Adjustments", zh: "调整", essential: false, required: false, columns: [col("EmployeeId", "员工编号"), col("Period", "考核周期"), col("Amount", "金额"), col("Reason", "原因")] },
];

export const OUTPUT_COLUMNS = {
  Results: ["EmployeeId", "Name", "Department", "Plan", "Period", "Score", "Grade", "Rank", "Completion", "QuarterlyBonus", "DealBonus", "Commission", "Incentives", "Penalties", "Adjustments", "TotalPay", "Status", "Flags"],
  Breakdown: ["EmployeeId", "Period", "Indicator", "Weight", "Actual", "Rule", "Points", "Explanation"],
  Issues: ["Severity", "Table", "Cell", "EmployeeId", "Message"],
  RunLog: ["RunAt", "Period", "Employees", "Errors", "Warnings", "InputHash", "Version"],
} as const;

export type OutputName = keyof typeof OUTPUT_COLUMNS;

/** Header comparison: case, spaces (also full-width) and underscores do not matter. */
export function normalizeHeader(h: string): string {
  return h.replace(/[\s_\u3000]/g, "").toLowerCase();
}

export interface HeaderMatch {
  /** Column key → index in the table's headers. */
  index: Map<string, number>;
  missing: ColumnSpec[];
  /** Headers matched by their Chinese alias, to tell the workbook's language. */
  chinese: number;
  english: number;
}

/** Finds each column of the spec among a table's headers, in English or Chinese. */
export function matchHeaders(spec: TableSpec, headers: readonly string[]): HeaderMatch {
  const normalized = headers.map((h) => normalizeHeader(String(h ?? "")));
  const index = new Map<string, number>();
  let chinese = 0;
  let english = 0;
  const missing: ColumnSpec[] = [];
  for (const c of spec.columns) {
    let i = normalized.indexOf(normalizeHeader(c.key));
    if (i >= 0) english++;
    else {
      i = normalized.indexOf(normalizeHeader(c.zh));
      if (i >= 0) chinese++;
    }
    if (i >= 0) index.set(c.key, i);
    else if (c.required) missing.push(c);
  }
  return { index, missing, chinese, english };
}
