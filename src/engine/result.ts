/** What a recalculation gives back: one result per employee and period, and the issues of the run. */
import { D } from "./decimal";
import { Lang } from "./errors";
import { Issue } from "./issues";
import { Employee } from "./model";
import type { OutputRow } from "./output";

export type Status = "OK" | "Warning" | "Error";

export interface EmployeeResult {
  employee: Employee;
  period: string;
  score: D | null;
  grade: string | null;
  coefficient: D | null;
  rank: number | null;
  completion: D | null;
  quarterlyBonus: D | null;
  dealBonus: D | null;
  commission: D | null;
  incentives: D | null;
  penalties: D | null;
  adjustments: D | null;
  totalPay: D | null;
  status: Status;
  flags: string[];
  /** Breakdown rows: one per indicator (a quarter) or per quarter (a year), then one per hit-streak reward. */
  breakdown: OutputRow[];
  /** The hit-streak rewards' Breakdown rows (also in `breakdown`), which the annual view lists again. */
  rewardLines: readonly OutputRow[];
}

export interface RecalcResult {
  lang: Lang;
  period: string;
  results: EmployeeResult[];
  issues: Issue[];
  inputHash: string;
  /**
   * When no employee has an Actuals, Ratings or Tasks row of the period but the workbook has such rows of
   * other quarters: those quarters, latest first (a period typed wrong, most likely). Otherwise null.
   */
  periodsWithRows: string[] | null;
}

/** Most employees earn no hit-streak reward: one shared empty list rather than one each. */
const NO_LINES: readonly OutputRow[] = Object.freeze([]);

export function emptyResult(employee: Employee, period: string, breakdown: OutputRow[]): EmployeeResult {
  return {
    employee,
    period,
    score: null,
    grade: null,
    coefficient: null,
    rank: null,
    completion: null,
    quarterlyBonus: null,
    dealBonus: null,
    commission: null,
    incentives: null,
    penalties: null,
    adjustments: null,
    totalPay: null,
    status: "OK",
    flags: [],
    breakdown,
    rewardLines: NO_LINES,
  };
}
