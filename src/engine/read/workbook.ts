/**
 * Reads a workbook's input tables into typed records, once: tables and columns, plans and what hangs
 * off them, employees, then the period tables filed under each employee. Every issue found is listed
 * once, in table order. Only the period rows a run needs are read past their EmployeeId and period.
 * Reading can pause every so many rows, so a host can yield to its UI while a large workbook is read.
 */
import { Lang, UnusableWorkbook } from "../errors";
import { Issue, msg } from "../issues";
import { Workbook } from "../model";
import { TableData } from "../table";
import { readingEmployees } from "./employees";
import { TablesFound, findTables, workbookLang } from "./headers";
import { readIndicators } from "./indicators";
import { ALL_QUARTERS, Scope, readingPeriodTables } from "./periodRows";
import { readGrades, readIncentiveRules, readPlans, readRaterWeights, readTiers } from "./plans";
import { flagTouchedEmployees } from "./touched";
import { TableView } from "./view";

/** The input tables found, with the issues of missing tables and columns. */
export interface FoundTables extends TablesFound {
  lang: Lang;
  employees: TableView;
  plans: TableView;
  indicators: TableView;
}

/** Finds the tables; throws UnusableWorkbook when Employees, Plans or Indicators cannot be used at all. */
export function findWorkbookTables(tables: ReadonlyMap<string, TableData>): FoundTables {
  const found = findTables(tables);
  const { views, issues } = found;
  const essential = (name: string): TableView => {
    const view = views.get(name);
    if (!view)
      throw new UnusableWorkbook(issues.find((i) => i.table === name && i.severity === "Error")?.text ?? msg(`The table ${name} is missing`, `缺少表 ${name}`));
    return view;
  };
  return { ...found, lang: workbookLang(views), employees: essential("Employees"), plans: essential("Plans"), indicators: essential("Indicators") };
}

/** Reads the tables found — the period tables' rows for the quarters in `scope` — pausing (yielding the rows read) as it goes. */
export function* readingWorkbook(found: FoundTables, scope: Scope = ALL_QUARTERS): Generator<number, Workbook> {
  const { lang, views } = found;
  const issues: Issue[] = [...found.issues];
  const plans = readPlans(found.plans, issues);
  readIndicators(found.indicators, found.plans, plans, issues);
  readGrades(views.get("Grades"), found.plans, plans, lang, issues);
  readRaterWeights(views.get("RaterWeights"), plans, issues);
  readTiers(views.get("CommissionTiers"), plans, issues);
  readIncentiveRules(views.get("IncentiveRules"), plans, issues);
  const index = yield* readingEmployees(found.employees, plans, issues);
  flagTouchedEmployees(found, index, scope);
  const targets = yield* readingPeriodTables(views, index, scope, issues);
  const broken = new Map([...found.broken].map(([name, b]) => [name, b.issue]));
  return { lang, views, plans, employees: index.employees, targets, issues, broken };
}

/** Reads the tables in one go (see readingWorkbook); throws UnusableWorkbook when nothing can be computed. */
export function readWorkbook(tables: ReadonlyMap<string, TableData>, scope: Scope = ALL_QUARTERS): Workbook {
  return finish(readingWorkbook(findWorkbookTables(tables), scope));
}

/** Runs a pausing reader to its end. */
function finish<T>(steps: Generator<number, T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}
