import { Issue, issue } from "./issues";
import { Message } from "./errors";
import { Employee, Workbook } from "./model";

/**
 * A row the employee needs is missing from a table: the missing row has no cell, so the Issue points at
 * the employee's EmployeeId cell (as a missing Targets row points at the Department cell), and says which
 * table to add the row to.
 */
export function missingRow(wb: Workbook, e: Employee, text: Message): Issue {
  const emp = wb.views.get("Employees");
  if (!emp) return issue("Error", "Employees", "", e.id, text);
  return emp.error(e.row, "EmployeeId", e.id, text.en, text.zh);
}
