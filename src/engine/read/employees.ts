/** Employees: one record per row, with the issues of its row; rows that share an EmployeeId are all Error. */
import { Issue, zhList } from "../issues";
import { pushTo } from "../maps";
import { Employee, EmployeeRows, Plan } from "../model";
import { NAME_KINDS, Names, keyOf } from "./names";
import { planNamed } from "./plans";
import { nonNegativeNumber, optionalDate, optionalDate1904, optionalText, requiredText, typedText } from "./readers";
import { Result, TableView, note, noteAll, ok } from "./view";

export const noRows = (): EmployeeRows => ({ quarters: new Map(), sales: [] });

export interface EmployeeIndex {
  employees: Employee[];
  /** Employees by id: the first row of each id defines its spelling. */
  ids: Names<Employee[]>;
  /** Departments as first written in Employees, for Targets keys. */
  departments: Names<true>;
}

/** How many rows a reader gets through between two pauses of a chunked recalculation. */
export const ROWS_PER_STEP = 1024;

/** Reads Employees, pausing (yielding the rows read) every ROWS_PER_STEP rows. */
export function* readingEmployees(t: TableView, plans: Names<Plan>, issues: Issue[]): Generator<number, EmployeeIndex> {
  const employees: Employee[] = [];
  const ids = new Names<Employee[]>(NAME_KINDS.employee);
  const departments = new Names<true>(NAME_KINDS.department);
  // A plain number in a date column counts from the workbook's own day 0.
  const date = t.data.date1904 ? optionalDate1904 : optionalDate;
  for (let r = 0; r < t.rowCount; r++) {
    if (r % ROWS_PER_STEP === ROWS_PER_STEP - 1) yield ROWS_PER_STEP;
    if (t.isBlankRow(r)) continue;
    const mine: Issue[] = [];
    const idCell = t.read(r, "EmployeeId", "", requiredText);
    const id = note(idCell, mine) && idCell.ok ? idCell.value : "";
    const name = t.read(r, "Name", id, typedText);
    const planName = t.read(r, "Plan", id, requiredText);
    const department = t.read(r, "Department", id, optionalText);
    const monthlyBase = t.read(r, "MonthlyBase", id, nonNegativeNumber);
    const joinDate: Result<Date | null> = t.has("JoinDate") ? t.read(r, "JoinDate", id, date) : ok(null);
    const leaveDate: Result<Date | null> = t.has("LeaveDate") ? t.read(r, "LeaveDate", id, date) : ok(null);
    noteAll([name, planName, department, monthlyBase, joinDate, leaveDate], mine);
    const plan = planName.ok ? planNamed(t, r, plans, id, planName.value, mine) : null;
    if (joinDate.ok && leaveDate.ok && joinDate.value && leaveDate.value && leaveDate.value.getTime() < joinDate.value.getTime()) {
      mine.push(t.error(r, "LeaveDate", id, "LeaveDate is before JoinDate: correct one of them", "离职日期早于入职日期：请更正其中之一"));
    }
    issues.push(...mine);
    const e: Employee = {
      id,
      key: keyOf(id),
      row: r,
      name: name.ok ? name.value : "",
      planName: planName.ok ? planName.value : "",
      plan,
      department: department.ok ? department.value : "",
      monthlyBase: monthlyBase.ok ? monthlyBase.value : null,
      joinDate: joinDate.ok ? joinDate.value : null,
      leaveDate: leaveDate.ok ? leaveDate.value : null,
      issues: mine,
      duplicate: false,
      firstOfId: true,
      rows: noRows(),
    };
    employees.push(e);
    if (e.department) departments.define(e.department, true);
  }
  const byKey = new Map<string, Employee[]>();
  for (const e of employees) if (e.key) pushTo(byKey, e.key, e);
  for (const same of byKey.values()) {
    ids.define(same[0].id, same);
    if (same.length < 2) continue;
    const rows = same.map((e) => e.row);
    const cells = t.columnCells("EmployeeId", rows);
    same.forEach((e, i) => {
      e.duplicate = true;
      e.firstOfId = i === 0;
      e.rows = same[0].rows;
      const twin = t.error(
        e.row,
        "EmployeeId",
        e.id,
        `EmployeeId "${e.id}" is on ${same.length} rows (${cells}): which one is right cannot be known; keep one row per employee`,
        `员工编号 "${e.id}" 出现在 ${same.length} 行（${zhList(cells)}）：无法判断哪一行正确；每位员工只保留一行`,
      );
      e.issues.push(twin);
      issues.push(twin);
    });
  }
  return { employees, ids, departments };
}
