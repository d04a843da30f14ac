/**
 * Which periods a workbook can be recalculated for: the quarters (and their years) that have Actuals,
 * Ratings or Tasks rows. The latest such quarter is what the ribbon button and the pane run by default.
 */
import { assessedQuarters } from "../engine/read/assessed";
import { findTables } from "../engine/read/headers";
import { msg } from "../engine/issues";
import { periodText } from "../engine/periods";
import { UnusableWorkbook } from "../engine/recalc";
import { TableData } from "../workbook/port";
import { forEngine } from "./recalculate";

/** The assessed quarters, latest first, then their years, latest first (2026-Q2, 2026-Q1, 2026). */
export function assessedPeriods(inputs: ReadonlyMap<string, TableData>): string[] {
  // A table with a wrong header elsewhere still tells which quarters it has rows of.
  const { views, broken } = findTables(forEngine(inputs));
  const sorted = assessedQuarters(new Map([...views, ...[...broken].map(([name, b]) => [name, b.view] as const)]));
  const years = [...new Set(sorted.map((q) => q.year))];
  return [...sorted.map((q) => periodText({ kind: "quarter", ...q })), ...years.map(String)];
}

/** The latest assessed quarter; a workbook with none cannot be recalculated without a period. */
export function latestQuarter(inputs: ReadonlyMap<string, TableData>): string {
  const q = assessedPeriods(inputs).find((p) => p.includes("Q"));
  if (!q)
    throw new UnusableWorkbook(
      msg(
        "No Actuals, Ratings or Tasks row has a quarter such as 2026-Q2, so there is no quarter to recalculate: fill in the Period column of those rows with their quarter, then run again",
        "实际值表、评分表和任务清单表中没有季度（如 2026-Q2），因此没有可重算的季度：请在这些行的考核周期列填写所属季度，然后再运行",
      ),
    );
  return q;
}
