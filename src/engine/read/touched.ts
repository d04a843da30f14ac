/**
 * The employees a table with a wrong header concerns. A table that lacks a required column is not
 * read, so what it holds for someone (their sales, deals, incentives, ratings…) would silently be left
 * out of their pay: each employee it concerns gets its Error, and is paid nothing until the header is
 * corrected (SPEC §4: nothing is guessed as zero). A table read with a misspelt optional column took
 * that column's default: each employee it concerns gets its Warning, so Results shows whose pay rests
 * on a default. The issues are already listed once for the table; here they become the employees' flags.
 */
import { Employee } from "../model";
import { TablesFound } from "./headers";
import { EmployeeIndex } from "./employees";
import { keyOf } from "./names";
import { Scope, quarterOf } from "./periodRows";
import * as read from "./readers";
import { TableView } from "./view";

/**
 * Tables whose missing rows already make an employee Error with a message of their own, which then
 * names the table's header as the cause (see missingRow): Actuals, Tasks and Targets.
 */
export const NEEDED_ROWS = new Set(["Actuals", "Tasks", "Targets"]);

/** Gives each employee a table with a wrong header concerns that table's issues (see above). */
export function flagTouchedEmployees(found: Pick<TablesFound, "broken" | "defaulted">, index: EmployeeIndex, scope: Scope): void {
  for (const [name, { issue, view }] of found.broken) if (!NEEDED_ROWS.has(name)) for (const e of concerned(view, index, scope)) e.issues.push(issue);
  for (const { issues, view } of found.defaulted.values()) for (const e of concerned(view, index, scope)) e.issues.push(...issues);
}

/** Whom a table's rows concern: by EmployeeId (rows of the run's quarters), by Plan, or, when it has neither, everyone. */
function concerned(t: TableView, index: EmployeeIndex, scope: Scope): Iterable<Employee> {
  if (t.name === "Employees") return index.employees;
  if (t.has("EmployeeId")) {
    const periodKey = t.spec.columns.some((c) => c.key === "Month") ? "Month" : "Period";
    const who = new Set<Employee>();
    for (let r = 0; r < t.rowCount; r++) {
      if (t.isBlankRow(r)) continue;
      const id = t.read(r, "EmployeeId", "", read.requiredText);
      const found = id.ok ? index.ids.named(id.value) : undefined;
      if (!found || !inScope(t, r, periodKey, scope)) continue;
      for (const e of found.value) who.add(e);
    }
    return who;
  }
  if (t.has("Plan")) {
    const plans = new Set<string>();
    for (let r = 0; r < t.rowCount; r++) if (!t.isBlankRow(r)) plans.add(keyOf(t.value(r, "Plan")));
    return index.employees.filter((e) => plans.has(keyOf(e.planName)));
  }
  return index.employees;
}

/** Whether a row may bear on the run: its period is in the run's quarters (a Sales month before them too, for the miss runs), or cannot be read. */
function inScope(t: TableView, r: number, periodKey: string, scope: Scope): boolean {
  if (!t.has(periodKey)) return true;
  const p = t.read(r, periodKey, "", read.period);
  if (!p.ok) return true;
  const q = quarterOf(p.value);
  if (q === null) return true;
  return q <= scope.last && (periodKey === "Month" || q >= scope.first);
}
