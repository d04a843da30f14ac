/**
 * The contract of SPEC §2–3 in one place: the defaults, the words HR may type for rules, raters and
 * other choices (English / 中文), the input tables and their columns, and the output tables with the
 * kind of each column, so that every host formats outputs the same way. Rules, readers and the custom
 * functions take their defaults and names from here and nowhere else.
 * One file on purpose: the contract is worth having in one place (issue 11).
 */
import { D } from "./decimal";
import { Message } from "./errors";

// ---------------------------------------------------------------- defaults (SPEC §2, §3)

/** Every default the spec names. Decimals are immutable, so these are shared safely. */
export const DEFAULTS = {
  /** Plans.FullScore/满分 and KPI.BONUS fullScore. */
  fullScore: new D(100),
  /** Plans.BonusRate/奖金比例 and KPI.BONUS rate. */
  bonusRate: new D("0.4"),
  /** Plans.TaskBase/任务基数 and KPI.COMPLETION taskBase. */
  taskBase: new D("0.7"),
  completionBasis: "Department",
  gradeScale: "Default",
  dealBonus: "None",
  /** Plans.BigDealThreshold/大项目门槛 and KPI.BIGDEAL threshold. */
  bigDealThreshold: new D(100000),
  /** Plans.BigDealRate/大项目比例 and KPI.BIGDEAL rate. */
  bigDealRate: new D("0.015"),
  /** Plans.PoolRate/奖金总盘比例 and KPI.PROJECT poolRate. */
  poolRate: new D("0.005"),
  /** Plans.MissPenalty/连续未完成罚款, entered as a positive amount. */
  missPenalty: new D(300),
  /** Plans.MissRun/连续月数. */
  missRun: 3,
  /** Plans.HitBonus/连续达标奖 (seed 002): 0 pays nothing. */
  hitBonus: new D(0),
  /** Plans.HitRun/达标月数. */
  hitRun: 3,
  tierMode: "Whole",
  /** Indicators.Floor/下限, KPI.STEP and KPI.DEDUCT floor. */
  floor: new D(0),
  /** Grades.Coefficient/系数 and KPI.BONUS coefficient. */
  coefficient: new D(1),
  /** Deals.Difficulty/难度系数 and KPI.PROJECT difficulty. */
  difficulty: new D(1),
  /** KPI.STREAK threshold. */
  streakThreshold: new D(1),
} as const;

/** Default grade bands of KPI.GRADE: ≥91 优秀, ≥81 良好, ≥71 称职, ≥60 基本称职, else 不称职 (min null). */
export const DEFAULT_GRADES: ReadonlyArray<{ min: number | null; zh: string; en: string }> = [
  { min: 91, zh: "优秀", en: "Excellent" },
  { min: 81, zh: "良好", en: "Good" },
  { min: 71, zh: "称职", en: "Competent" },
  { min: 60, zh: "基本称职", en: "Basically competent" },
  { min: null, zh: "不称职", en: "Unsatisfactory" },
];

/** Default commission tiers (seed 001): attainment ≥ 100% → 1, ≥ 50% → 0.7, below → 0. */
export const DEFAULT_TIERS: ReadonlyArray<{ minAttainment: D; multiplier: D }> = [
  { minAttainment: new D(1), multiplier: new D(1) },
  { minAttainment: new D("0.5"), multiplier: new D("0.7") },
];

/** Default quarterly split of an annual target (季度任务分解): 15%, 25%, 30%, 30%. */
export const DEFAULT_SPLIT: readonly D[] = ["0.15", "0.25", "0.3", "0.3"].map((s) => new D(s));

// ---------------------------------------------------------------- words HR may type

export type RuleName = "Score" | "Ratio" | "Step" | "Deduct" | "Binary" | "Tasks";
export type RaterType = "Self" | "Peer" | "Supervisor" | "Customer";
export type Basis = "Department" | "Employee";
export type DealBonusKind = "BigDeal" | "Project" | "None";
export type TierMode = "Whole" | "Marginal";

/** Accepted words per value, matched without regard to case, spaces or underscores. The first two are shown in messages. */
export type Words<T extends string> = Readonly<Record<T, readonly string[]>>;

export const RULE_WORDS: Words<RuleName> = {
  Score: ["Score", "评分", "打分", "评分制"],
  Ratio: ["Ratio", "达成率", "比率", "完成率"],
  Step: ["Step", "区间", "区间计分", "阶梯"],
  Deduct: ["Deduct", "扣分", "扣分制"],
  Binary: ["Binary", "是否", "是否完成", "YesNo"],
  Tasks: ["Tasks", "任务清单", "TaskList", "任务制"],
};
export const RULE_ZH: Readonly<Record<RuleName, string>> = { Score: "评分", Ratio: "达成率", Step: "区间", Deduct: "扣分", Binary: "是否", Tasks: "任务清单" };

export const RATER_WORDS: Words<RaterType> = {
  Self: ["Self", "自评", "本人"],
  Peer: ["Peer", "互评", "同事"],
  Supervisor: ["Supervisor", "上级", "上级评价", "主管"],
  Customer: ["Customer", "客户", "客户评价"],
};
export const RATER_ZH: Readonly<Record<RaterType, string>> = { Self: "自评", Peer: "互评", Supervisor: "上级", Customer: "客户" };

// Past the first two (shown in messages), the other ways HR writes each choice in Chinese.
export const BASIS_WORDS: Words<Basis> = {
  Department: ["Department", "部门", "按部门", "部门目标", "部门口径"],
  Employee: ["Employee", "员工", "个人", "按员工", "按个人", "员工个人", "个人目标", "个人口径"],
};
export const DEAL_BONUS_WORDS: Words<DealBonusKind> = {
  BigDeal: ["BigDeal", "大项目奖", "大项目", "大项目奖金", "大单奖"],
  Project: ["Project", "项目奖", "项目", "项目奖金"],
  None: ["None", "无", "不适用", "否", "没有", "不发"],
};
export const TIER_MODE_WORDS: Words<TierMode> = {
  Whole: ["Whole", "整体", "全额", "不累进", "全额计提"],
  Marginal: ["Marginal", "累进", "分段", "超额累进", "分段累进", "分段计提"],
};
/** GradeScale words for the default bands of KPI.GRADE (when Grades has no rows of that scale). */
export const DEFAULT_SCALE_WORDS: readonly string[] = [DEFAULTS.gradeScale, "默认", "默认等级"];

// Task lists (KPI.TASKS, the Tasks rule; seed 004 第五条、第八条: 日常工作 80%, 例外工作 20%).
export type TaskStatus = "Done" | "NotDone" | "NotAsRequired" | "Late";
export type TaskKind = "Daily" | "Exception";
export const TASK_STATUS_WORDS: Words<TaskStatus> = {
  Done: ["Done", "完成", "已完成"],
  NotDone: ["NotDone", "未完成"],
  NotAsRequired: ["NotAsRequired", "未按要求完成"],
  Late: ["Late", "未及时完成", "未按时完成"],
};
export const TASK_STATUS_ZH: Readonly<Record<TaskStatus, string>> = { Done: "完成", NotDone: "未完成", NotAsRequired: "未按要求完成", Late: "未及时完成" };
export const TASK_KIND_WORDS: Words<TaskKind> = { Daily: ["Daily", "日常", "日常工作"], Exception: ["Exception", "例外", "例外工作"] };
/** The share of a daily task's points each status loses (80%, 50%, 20%), and the points an exception task loses (3, 2, 1). */
export const TASK_RULES = {
  dailyShare: new D("0.8"),
  dailyLoss: { Done: new D(0), NotDone: new D("0.8"), NotAsRequired: new D("0.5"), Late: new D("0.2") } as Readonly<Record<TaskStatus, D>>,
  /** The exception part's points out of 100 before deductions. */
  exceptionPool: new D(20),
  exceptionLoss: { Done: new D(0), NotDone: new D(3), NotAsRequired: new D(2), Late: new D(1) } as Readonly<Record<TaskStatus, D>>,
  maxExceptions: 4,
} as const;

/** Yes/no in a cell (SPEC §3 Binary), lower case: 1, TRUE, 是, Y, done/完成 and their opposites. */
export const YES_WORDS: ReadonlySet<string> = new Set(["1", "true", "是", "y", "yes", "done", "完成", "已完成", "√", "✓", "达成", "有"]);
export const NO_WORDS: ReadonlySet<string> = new Set(["0", "false", "否", "n", "no", "not done", "未完成", "×", "✗", "未达成", "无"]);

/** Project types of KPI.PROJECT (seed 004) and their coefficient C; words in lower case. */
export const PROJECT_TYPES: ReadonlyArray<{ coefficient: D; words: readonly string[] }> = [
  { coefficient: new D("1.3"), words: ["开拓型", "开拓", "pioneer", "pioneering"] },
  { coefficient: new D("1.0"), words: ["稳定型", "稳定", "稳定性", "standard", "stable"] },
  { coefficient: new D("0.6"), words: ["复制型", "复制", "replica", "replicate"] },
];

// ---------------------------------------------------------------- input tables (SPEC §3)

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
  /** For a required table whose absence SPEC itself makes up for (Grades: the default bands), a Warning instead, saying so. */
  missingWarning?: Message;
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
    columns: [
      col("EmployeeId", "员工编号"),
      col("Name", "姓名"),
      col("Plan", "考核方案"),
      col("Department", "部门"),
      col("MonthlyBase", "月基本工资"),
      opt("JoinDate", "入职日期"),
      opt("LeaveDate", "离职日期"),
    ],
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
      opt("HitBonus", "连续达标奖"),
      opt("HitRun", "达标月数"),
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
  {
    name: "Actuals",
    zh: "实际值",
    essential: false,
    required: true,
    columns: [col("EmployeeId", "员工编号"), col("Period", "考核周期"), col("Indicator", "指标"), col("Actual", "实际值")],
  },
  {
    name: "Targets",
    zh: "目标",
    essential: false,
    required: true,
    columns: [col("Key", "对象"), col("Period", "考核周期"), col("Target", "目标"), col("Actual", "实际")],
  },
  {
    name: "Grades",
    zh: "等级",
    essential: false,
    // SPEC §3 lists it; §4.1 gives the default bands to the scale Default when it has no rows, so a workbook
    // whose plans are all on Default is computed without it, and told.
    required: true,
    missingWarning: {
      en: "The table Grades (等级) is missing: plans on the scale Default use the default bands (≥91, ≥81, ≥71, ≥60); add an Excel table named Grades for any other scale",
      zh: "缺少表 Grades（等级）：等级标准为“默认”（Default）的方案使用默认等级（≥91、≥81、≥71、≥60）；如需其他等级标准，请添加名为 Grades 的 Excel 表格",
    },
    columns: [col("Scale", "等级标准"), col("MinScore", "最低分"), col("Grade", "等级"), opt("Coefficient", "系数")],
  },
  {
    name: "Ratings",
    zh: "评分",
    essential: false,
    required: false,
    columns: [col("EmployeeId", "员工编号"), col("Period", "考核周期"), col("Indicator", "指标"), col("Rater", "评价人"), col("Score", "分数")],
  },
  {
    name: "RaterWeights",
    zh: "评价权重",
    essential: false,
    required: false,
    columns: [col("Plan", "考核方案"), col("Rater", "评价人"), col("Weight", "权重")],
  },
  {
    name: "Deals",
    zh: "项目",
    essential: false,
    required: false,
    columns: [
      col("DealId", "项目编号"),
      col("EmployeeId", "员工编号"),
      col("Period", "考核周期"),
      col("DealAmount", "成交金额"),
      col("Receipts", "回款"),
      opt("Type", "类型"),
      opt("Quality", "质量评分"),
      opt("Difficulty", "难度系数"),
    ],
  },
  {
    name: "Sales",
    zh: "销售",
    essential: false,
    required: false,
    columns: [col("EmployeeId", "员工编号"), col("Month", "月份"), col("Target", "任务"), col("Actual", "完成"), col("Rate", "提成比例")],
  },
  {
    name: "CommissionTiers",
    zh: "提成档位",
    essential: false,
    required: false,
    columns: [col("Plan", "考核方案"), col("MinAttainment", "最低完成率"), col("Multiplier", "提成系数")],
  },
  {
    name: "Incentives",
    zh: "过程激励",
    essential: false,
    required: false,
    columns: [col("EmployeeId", "员工编号"), col("Period", "考核周期"), col("Item", "项目"), opt("Target", "目标数"), col("Done", "完成数")],
  },
  {
    name: "IncentiveRules",
    zh: "激励规则",
    essential: false,
    required: false,
    columns: [
      col("Plan", "考核方案"),
      col("Item", "项目"),
      col("PerUnit", "单价"),
      opt("PerShort", "未完成扣"),
      opt("PerOver", "超额奖"),
      opt("OnComplete", "完成奖"),
    ],
  },
  {
    name: "Adjustments",
    zh: "调整",
    essential: false,
    required: false,
    columns: [col("EmployeeId", "员工编号"), col("Period", "考核周期"), col("Amount", "金额"), col("Reason", "原因")],
  },
  {
    name: "Tasks",
    zh: "任务清单",
    essential: false,
    required: false,
    columns: [
      col("EmployeeId", "员工编号"),
      col("Period", "考核周期"),
      col("Indicator", "指标"),
      col("Task", "工作事项"),
      opt("Kind", "类型"),
      opt("Points", "分值"),
      col("Status", "完成情况"),
    ],
  },
];

// ---------------------------------------------------------------- output tables (SPEC §3)

/**
 * How a host shows an output column: text as is; integer and number as plain numbers; score with 2
 * decimals; money with 2 decimals and thousands separators; ratio as a percent; date as a date.
 */
export type ColumnKind = "text" | "integer" | "number" | "score" | "money" | "ratio" | "date";

export interface OutputColumn {
  readonly name: string;
  readonly kind: ColumnKind;
}

const out = (columns: ReadonlyArray<readonly [string, ColumnKind]>): OutputColumn[] => columns.map(([name, kind]) => ({ name, kind }));

/** Output tables and their columns, English names in every language (so =SUM(Results[TotalPay]) works). */
export const OUTPUT_COLUMNS = {
  Results: out([
    ["EmployeeId", "text"],
    ["Name", "text"],
    ["Department", "text"],
    ["Plan", "text"],
    ["Period", "text"],
    ["Score", "score"],
    ["Grade", "text"],
    ["Rank", "integer"],
    ["Completion", "ratio"],
    ["QuarterlyBonus", "money"],
    ["DealBonus", "money"],
    ["Commission", "money"],
    ["Incentives", "money"],
    ["Penalties", "money"],
    ["Adjustments", "money"],
    ["TotalPay", "money"],
    ["Status", "text"],
    ["Flags", "text"],
  ]),
  Breakdown: out([
    ["EmployeeId", "text"],
    ["Period", "text"],
    ["Indicator", "text"],
    ["Weight", "score"],
    ["Actual", "number"],
    ["Rule", "text"],
    ["Points", "score"],
    ["Explanation", "text"],
  ]),
  Issues: out([
    ["Severity", "text"],
    ["Table", "text"],
    ["Cell", "text"],
    ["EmployeeId", "text"],
    ["Message", "text"],
  ]),
  RunLog: out([
    ["RunAt", "text"],
    ["Period", "text"],
    ["Employees", "integer"],
    ["Errors", "integer"],
    ["Warnings", "integer"],
    ["InputHash", "text"],
    ["Version", "text"],
  ]),
} as const satisfies Record<string, readonly OutputColumn[]>;

export type OutputName = keyof typeof OUTPUT_COLUMNS;

/** The column names of each output table, in order. */
export const OUTPUT_HEADERS: Readonly<Record<OutputName, readonly string[]>> = {
  Results: OUTPUT_COLUMNS.Results.map((c) => c.name),
  Breakdown: OUTPUT_COLUMNS.Breakdown.map((c) => c.name),
  Issues: OUTPUT_COLUMNS.Issues.map((c) => c.name),
  RunLog: OUTPUT_COLUMNS.RunLog.map((c) => c.name),
};
