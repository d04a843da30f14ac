/**
 * Reads a workbook's input tables into typed records, once: tables and columns, plans and what hangs
 * off them, employees, then the period tables filed under each employee. Every issue found is listed
 * once, in table order. Only the period rows a run needs are read past their EmployeeId and period.
 */
import { UnusableWorkbook } from "../errors";
import { Issue, msg } from "../issues";
import { Workbook } from "../model";
import { TableData } from "../table";
import { readEmployees } from "./employees";
import { findTables, workbookLang } from "./headers";
import { readIndicators } from "./indicators";
import { ALL_QUARTERS, Scope, readPeriodTables } from "./periodRows";
import { readGrades, readIncentiveRules, readPlans, readRaterWeights, readTiers } from "./plans";
import { TableView } from "./view";

/**
 * Reads the tables — the period tables' rows for the quarters in `scope` — and throws UnusableWorkbook
 * when Employees, Plans or Indicators cannot be used at all.
 */
export function readWorkbook(tables: ReadonlyMap<string, TableData>, scope: Scope = ALL_QUARTERS): Workbook {
  const { views, issues } = findTables(tables);
  const essential = (name: string): TableView => {
    const view = views.get(name);
    if (!view) throw new UnusableWorkbook(issues.find((i) => i.table === name && i.severity === "Error")?.text ?? msg(`The table ${name} is missing`, `缺少表 ${name}`));
    return view;
  };
  const employeesTable = essential("Employees");
  const plansTable = essential("Plans");
  const indicatorsTable = essential("Indicators");
  const lang = workbookLang(views);
  const found: Issue[] = [...issues];
  const plans = readPlans(plansTable, found);
  readIndicators(indicatorsTable, plansTable, plans, found);
  readGrades(views.get("Grades"), plansTable, plans, lang, found);
  readRaterWeights(views.get("RaterWeights"), plans, found);
  readTiers(views.get("CommissionTiers"), plans, found);
  readIncentiveRules(views.get("IncentiveRules"), plans, found);
  const index = readEmployees(employeesTable, plans, found);
  const targets = readPeriodTables(views, index, scope, found);
  return { lang, views, plans, employees: index.employees, targets, issues: found };
}
