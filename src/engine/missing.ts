import { Issue, issue } from "./issues";
import { Message } from "./errors";
import { Employee, Workbook } from "./model";
import { INPUT_TABLES } from "./contract";

/**
 * A row the employee needs is missing from a table: the missing row has no cell, so the Issue points at
 * the employee's EmployeeId cell (as a missing Targets row points at the Department cell), and says which
 * table to add the row to.
 */
export function missingRow(wb: Workbook, e: Employee, table: string, text: Message): Issue {
  // A table not read for a wrong header has no rows for anyone: the header is the cause to name.
  const broken = wb.broken.get(table);
  if (broken) text = becauseOf(broken, e, table);
  const emp = wb.views.get("Employees");
  if (!emp) return issue("Error", "Employees", "", e.id, text);
  return emp.error(e.row, "EmployeeId", e.id, text.en, text.zh);
}

/** The message for a row the employee needs from a table that could not be read for its header. */
export function becauseOf(broken: Issue, e: Employee, table: string): Message {
  return {
    en: `${table} could not be read, so ${e.id} is not paid until its header is corrected: ${broken.text.en}`,
    zh: `${INPUT_TABLES.find((t) => t.name === table)?.zh ?? table}表无法读取，${e.id} 在表头更正前无法计算：${broken.text.zh}`,
  };
}
