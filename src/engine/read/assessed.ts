/**
 * The quarters a workbook can be recalculated for: those that Actuals, Ratings or Tasks rows are of (a
 * month in Actuals is not used, so it does not count). One rule for the pane's period list, the ribbon's
 * default quarter and the run's note on a period no one has rows of.
 */
import { parsePeriod } from "../periods";
import { TableView } from "./view";

/** The assessed quarters, latest first. */
export function assessedQuarters(views: ReadonlyMap<string, TableView>): Array<{ year: number; quarter: number }> {
  const found = new Map<number, { year: number; quarter: number }>();
  for (const name of ["Actuals", "Ratings", "Tasks"]) {
    const t = views.get(name);
    if (!t) continue;
    for (let r = 0; r < t.rowCount; r++) {
      const p = parsePeriod(t.value(r, "Period"));
      if (p?.kind === "quarter") found.set(p.year * 4 + p.quarter - 1, { year: p.year, quarter: p.quarter });
    }
  }
  return [...found.entries()].sort((a, b) => b[0] - a[0]).map(([, q]) => q);
}
