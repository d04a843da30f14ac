/**
 * The typed records the input tables are read into, once, before anything is computed: plans with
 * their indicators (one shape per rule, so a Step always has its standard and steps), grade bands,
 * rater weights, tiers and incentive rules; employees; and each employee's period rows, indexed by
 * quarter (or month), with their cells already parsed. Each record knows its row, so an issue can
 * name its cell; a cell that could not be read is kept as the Result saying why.
 */
import { Basis, DealBonusKind, RaterType, RuleName, TaskKind, TaskStatus, TierMode } from "./contract";
import { D } from "./decimal";
import { Lang, Message } from "./errors";
import { Issue } from "./issues";
import { Period } from "./periods";
import { GradeBand, Tier } from "./rules";
import { CellValue } from "./values";
import { Names } from "./read/names";
import { Result, TableView } from "./read/view";

interface IndicatorBase {
  name: string;
  /** Its place among the plan's indicators. */
  index: number;
  /** Row in Indicators. */
  row: number;
  weight: D;
  /** Weight in points of the plan's full score (a 30% weight of 100 is 30). */
  points: D;
  /** The points as Breakdown.Weight shows them. */
  pointsShown: number;
}

/** Score/评分: a 0–100 rating (or a mix of Ratings) times the weight. */
export interface ScoreIndicator extends IndicatorBase {
  rule: "Score";
}
/** Binary/是否: the weight when done, else 0. */
export interface BinaryIndicator extends IndicatorBase {
  rule: "Binary";
}
/** Ratio/达成率: weight × actual/standard within [floor, cap]. */
export interface RatioIndicator extends IndicatorBase {
  rule: "Ratio";
  standard: D;
  /** Explanations show actual and standard as percents (the standard is a fraction: 90%). */
  inPercent: boolean;
  floor: D;
  cap: D | null;
}
/** Step/区间 (KPI.STEP): whole steps below the standard cost points, steps above (when given) add them. */
export interface StepIndicator extends IndicatorBase {
  rule: "Step";
  standard: D;
  stepBelow: D;
  pointsBelow: D;
  above: { step: D; points: D } | null;
  /** Explanations show values as percents (standard and steps are fractions: 90%, 5%). */
  inPercent: boolean;
  floor: D;
  cap: D | null;
}
/** Deduct/扣分 (KPI.DEDUCT): the weight less count × points each, not below the floor. */
export interface DeductIndicator extends IndicatorBase {
  rule: "Deduct";
  pointsEach: D;
  floor: D;
}

/** Tasks/任务清单 (KPI.TASKS): scored from the employee's Tasks rows, not from Actuals. */
export interface TasksIndicator extends IndicatorBase {
  rule: "Tasks";
}

export type Indicator = ScoreIndicator | BinaryIndicator | RatioIndicator | StepIndicator | DeductIndicator | TasksIndicator;
export type { RuleName, RaterType };

export interface IncentiveRule {
  item: string;
  row: number;
  perUnit: D;
  perShort: D | null;
  perOver: D | null;
  onComplete: D | null;
}

/** An incentive rule with a bad cell: employees with its item are Error, pointing at its row. */
export interface BadIncentiveRule {
  row: number;
  bad: Message;
}

export interface Plan {
  name: string;
  row: number;
  fullScore: D;
  bonusRate: D;
  taskBase: D;
  basis: Basis;
  gradeScale: string;
  dealBonus: DealBonusKind;
  bigDealThreshold: D;
  bigDealRate: D;
  poolRate: D;
  missPenalty: D;
  missRun: number;
  /** The hit-streak reward (连续达标奖), a positive amount; 0 pays nothing. */
  hitBonus: D;
  hitRun: number;
  tierMode: TierMode;
  indicators: Indicator[];
  /** The plan's indicators by name, for Actuals and Ratings rows. */
  indicatorNames: Names<Indicator>;
  /**
   * Names on the plan's Indicators rows that could not be read (a blank Standard, say): already an Error
   * of the plan, so a row naming one is not also told its name is wrong.
   */
  unreadIndicators: Names<number>;
  /** Grade bands, highest minimum first (checked by rules.sortBands). */
  bands: GradeBand[];
  raterWeights: Map<RaterType, D>;
  /** Commission tiers, lowest first (checked by rules.checkTiers); the default tiers when the plan has none. */
  tiers: Tier[];
  /** Incentive rules by item; a rule with a bad cell is kept as its problem, so employees with the item are Error. */
  incentiveRules: Names<IncentiveRule | BadIncentiveRule>;
  /** Problems with the plan itself (already listed as issues): every employee on it is Error, with these as flags. */
  problems: Message[];
  /**
   * Problems of the plan's grade scale (a bad or missing band): every employee on it is Error as above, but
   * a score does not rest on the scale, so each keeps the score (and completion) that could be computed.
   */
  gradeProblems: Message[];
  /**
   * Warnings of the plan's own rows (a rate typed as text, taken as its number; a standard of 0): its
   * employees are Warning with these as flags, so Results shows whose pay rests on a doubtful cell.
   */
  doubts: Issue[];
}

/** One row of a period table: where it is, whom it concerns, and issues of how it is written (an id spelt otherwise). */
export interface PeriodRow {
  row: number;
  period: Period;
  /** Warnings about the row itself, listed when the row is used. */
  notes: readonly Issue[];
}

export interface ActualRow extends PeriodRow {
  /** The Indicator cell as typed. */
  indicatorText: string;
  /** The indicator of the employee's plan it names; null when the plan has none of that name. */
  indicator: Indicator | null;
  /** The Actual cell as typed, for Breakdown. */
  raw: CellValue;
  /** The Actual as the indicator's rule reads it: a number, or 1/0 for yes/no (Binary); null when not used. */
  actual: Result<D> | null;
}

export interface RatingRow extends PeriodRow {
  indicatorText: string;
  indicator: Indicator | null;
  rater: Result<RaterType>;
  score: Result<D>;
}

export interface DealRow extends PeriodRow {
  /** DealId: required (SPEC §3, one row per deal); two rows of one deal in a period cannot both be right. */
  dealId: Result<string>;
  amount: Result<D>;
  receipts: Result<D>;
  /** Type and Quality may be blank (null) for a BigDeal; a Project deal needs them. */
  type: Result<D | null>;
  quality: Result<D | null>;
  difficulty: Result<D>;
}

export interface SalesRow extends PeriodRow {
  /** year × 12 + month − 1. */
  month: number;
  target: Result<D>;
  actual: Result<D>;
  rate: Result<D>;
}

export interface IncentiveRow extends PeriodRow {
  item: Result<string>;
  /** The plan's rule for the item; null when the plan has none. */
  rule: IncentiveRule | BadIncentiveRule | null;
  target: Result<D | null>;
  done: Result<D>;
}

/** A task of a task-list indicator (Tasks); a kind or points cell left blank reads as Daily or null. */
export interface TaskRow extends PeriodRow {
  indicatorText: string;
  indicator: Indicator | null;
  task: Result<string>;
  kind: Result<TaskKind>;
  points: Result<D | null>;
  status: Result<TaskStatus>;
}

export interface AdjustmentRow extends PeriodRow {
  amount: Result<D>;
  reason: Result<string>;
}

/** The rows of the period tables that concern one employee in one quarter (a quarter period or a month inside it). */
export interface QuarterRows {
  /** Actuals and Ratings rows of the quarter itself. */
  actuals: ActualRow[];
  /** Actuals rows whose period is a month of the quarter (not used: indicators are scored per quarter). */
  monthActuals: ActualRow[];
  ratings: RatingRow[];
  deals: DealRow[];
  incentives: IncentiveRow[];
  adjustments: AdjustmentRow[];
  /** Tasks rows of the quarter itself, and of its months (not used: task lists are scored per quarter). */
  tasks: TaskRow[];
  monthTasks: TaskRow[];
}

export const NO_ROWS: QuarterRows = Object.freeze({
  actuals: [],
  monthActuals: [],
  ratings: [],
  deals: [],
  incentives: [],
  adjustments: [],
  tasks: [],
  monthTasks: [],
});

/** The rows of the period tables that concern one employee. */
export interface EmployeeRows {
  /** By quarter index (year × 4 + quarter − 1). */
  quarters: Map<number, QuarterRows>;
  /** Sales by month, in month order. */
  sales: SalesRow[];
}

/** An employee's rows of a quarter (none: NO_ROWS). */
export function quarterRows(e: { rows: EmployeeRows }, quarterIndex: number): QuarterRows {
  return e.rows.quarters.get(quarterIndex) ?? NO_ROWS;
}

export interface TargetRow {
  row: number;
  target: Result<D>;
  actual: Result<D>;
  /** The Key matched a department or employee though written otherwise: a Warning of each employee the row serves. */
  keyWarning: Issue | null;
}

export interface Employee {
  id: string;
  key: string;
  row: number;
  name: string;
  planName: string;
  plan: Plan | null;
  department: string;
  monthlyBase: D | null;
  joinDate: Date | null;
  leaveDate: Date | null;
  /** Issues of the employee that hold in every period (their Employees row, a period cell that cannot be read). */
  issues: Issue[];
  /** Rows of Employees that share the id: all Error. */
  duplicate: boolean;
  /** The first row of its id: the one whose computed issues are listed. */
  firstOfId: boolean;
  rows: EmployeeRows;
}

/** A workbook read into records: what every period's recalculation starts from. */
export interface Workbook {
  lang: Lang;
  views: Map<string, TableView>;
  plans: Names<Plan>;
  employees: Employee[];
  /** Targets rows by keyOf(Key) and quarter index. */
  targets: Map<string, Map<number, TargetRow[]>>;
  /** The issues found reading, each once, in table order. */
  issues: Issue[];
  /** Tables present but not read for a missing required column, with that column's Error (see read/touched.ts). */
  broken: ReadonlyMap<string, Issue>;
}

export const quarterIndex = (year: number, quarter: number): number => year * 4 + quarter - 1;
