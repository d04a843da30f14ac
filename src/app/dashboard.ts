/**
 * The Dashboard sheet (seed 002: 各部门 KPI 一目了然): for the period just recalculated, a table of figures
 * per department (Dashboard) and one per plan with its grade counts (DashboardPlans), and two native
 * charts over them: the grade distribution per plan (clustered columns) and the total pay per department
 * (bars). Built from the period's Results rows only, so it shows what Results shows. Text follows the
 * workbook's language; Status words stay OK / Warning / Error as in Results.
 */
// The product's one Decimal (engine/decimal.ts): its settings, and one shape of object for the code that uses it.
import { D as Decimal, dec } from "../engine/decimal";
import { Lang } from "../engine/errors";
import { fitWidths } from "../workbook/formats";
import { OutputColumn, OutputValue, OwnedSheet, SheetChart, PlacedTable } from "../workbook/port";

export const DASHBOARD = "Dashboard";
export const DASHBOARD_PLANS = "DashboardPlans";

const WORDS = {
  en: {
    title: "KPI dashboard",
    note: "Rewritten by KPI Bonus at each recalculation: keep your own content on other sheets.",
    department: "Department",
    plan: "Plan",
    employees: "Employees",
    ok: "OK",
    warning: "Warning",
    error: "Error",
    totalPay: "TotalPay",
    averageScore: "AverageScore",
    noDepartment: "(no department)",
    gradesTitle: "Grade distribution by plan",
    payTitle: "Total pay by department",
    payAxis: "Total pay",
  },
  zh: {
    title: "KPI 看板",
    note: "本表由 KPI Bonus 在每次重算时重写：请把自己的内容放在其他工作表。",
    department: "部门",
    plan: "考核方案",
    employees: "人数",
    ok: "正常",
    warning: "警告",
    error: "错误",
    totalPay: "应发合计",
    averageScore: "平均分",
    noDepartment: "（无部门）",
    gradesTitle: "各考核方案等级分布",
    payTitle: "各部门应发合计",
    payAxis: "应发合计",
  },
} as const;

/** The figures of one department or plan. */
export interface Figures {
  name: string;
  employees: number;
  ok: number;
  warning: number;
  error: number;
  /** Sum of TotalPay over its employees who have one (Error rows have none). */
  totalPay: Decimal;
  /** Mean of the Scores it has, rounded to 0.01 half up; null when none has a Score. */
  averageScore: Decimal | null;
  /** Employees by grade label. */
  grades: Map<string, number>;
}

export interface DashboardFigures {
  departments: Figures[];
  plans: Figures[];
  /** Grade labels, best first (by the highest Score seen with each). */
  grades: string[];
}

/** A Results number as a decimal, by the engine's reader of cell numbers (each distinct number parsed once). */
const num = (v: OutputValue | undefined): Decimal | null => (typeof v === "number" && Number.isFinite(v) ? dec(v) : null);
const text = (v: OutputValue | undefined): string => (v === null || v === undefined ? "" : v instanceof Date ? v.toISOString().slice(0, 10) : String(v));

/** The figures of the Results rows of `period`, by department and by plan, in the order they first appear. */
export function dashboardFigures(columns: readonly OutputColumn[], rows: ReadonlyArray<readonly OutputValue[]>, period: string, lang: Lang): DashboardFigures {
  const at = (name: string) => columns.findIndex((c) => c.name === name);
  const [iPeriod, iDept, iPlan, iScore, iGrade, iPay, iStatus] = ["Period", "Department", "Plan", "Score", "Grade", "TotalPay", "Status"].map(at);
  const groups = { departments: new Map<string, { f: Figures; scores: Decimal[] }>(), plans: new Map<string, { f: Figures; scores: Decimal[] }>() };
  const best = new Map<string, Decimal>();
  for (const r of rows) {
    if (text(r[iPeriod]) !== period) continue;
    const score = num(r[iScore]);
    const grade = text(r[iGrade]);
    const status = text(r[iStatus]);
    const pay = num(r[iPay]);
    if (grade && score && (!best.has(grade) || score.greaterThan(best.get(grade) as Decimal))) best.set(grade, score);
    for (const [kind, name] of [
      ["departments", text(r[iDept]) || WORDS[lang].noDepartment],
      ["plans", text(r[iPlan])],
    ] as const) {
      const map = groups[kind];
      let g = map.get(name);
      if (!g)
        map.set(
          name,
          (g = { f: { name, employees: 0, ok: 0, warning: 0, error: 0, totalPay: new Decimal(0), averageScore: null, grades: new Map() }, scores: [] }),
        );
      g.f.employees++;
      if (status === "OK") g.f.ok++;
      else if (status === "Warning") g.f.warning++;
      else if (status === "Error") g.f.error++;
      if (pay && !pay.isZero()) g.f.totalPay = g.f.totalPay.plus(pay);
      if (score) g.scores.push(score);
      if (grade) g.f.grades.set(grade, (g.f.grades.get(grade) ?? 0) + 1);
    }
  }
  const done = (m: Map<string, { f: Figures; scores: Decimal[] }>) =>
    [...m.values()].map(({ f, scores }) => ({
      ...f,
      averageScore: scores.length
        ? scores
            .reduce((a, b) => a.plus(b), new Decimal(0))
            .dividedBy(scores.length)
            .toDecimalPlaces(2, Decimal.ROUND_HALF_UP)
        : null,
    }));
  const grades = [...best].sort((a, b) => b[1].comparedTo(a[1]) || (a[0] < b[0] ? -1 : 1)).map(([g]) => g);
  return { departments: done(groups.departments), plans: done(groups.plans), grades };
}

/** Headers made unique (a grade named like another column gets " (2)"). */
function unique(names: string[]): string[] {
  const seen = new Set<string>();
  return names.map((n) => {
    let name = n;
    for (let i = 2; seen.has(name.toLowerCase()); i++) name = `${n} (${i})`;
    seen.add(name.toLowerCase());
    return name;
  });
}

/** The Dashboard sheet of the period's Results rows. */
export function dashboardSheet(columns: readonly OutputColumn[], rows: ReadonlyArray<readonly OutputValue[]>, period: string, lang: Lang): OwnedSheet {
  const w = WORDS[lang];
  const figures = dashboardFigures(columns, rows, period, lang);
  const common = (f: Figures): OutputValue[] => [
    f.name,
    f.employees,
    f.ok,
    f.warning,
    f.error,
    f.totalPay.toNumber(),
    f.averageScore ? f.averageScore.toNumber() : null,
  ];
  const commonColumns = (first: string): OutputColumn[] => [
    { name: first, kind: "text" },
    { name: w.employees, kind: "integer" },
    { name: w.ok, kind: "integer" },
    { name: w.warning, kind: "integer" },
    { name: w.error, kind: "integer" },
    { name: w.totalPay, kind: "money" },
    { name: w.averageScore, kind: "score" },
  ];
  const deptTop = 4;
  const departments: PlacedTable = { name: DASHBOARD, row: deptTop, column: 1, columns: commonColumns(w.department), rows: figures.departments.map(common) };
  const planTop = deptTop + Math.max(1, departments.rows.length) + 2;
  const planHeaders = unique([...commonColumns(w.plan).map((c) => c.name), ...figures.grades]);
  const plans: PlacedTable = {
    name: DASHBOARD_PLANS,
    row: planTop,
    column: 1,
    columns: planHeaders.map((name, i) => ({ name, kind: i === 0 ? "text" : i === 5 ? "money" : i === 6 ? "score" : "integer" })),
    rows: figures.plans.map((f) => [...common(f), ...figures.grades.map((g) => f.grades.get(g) ?? 0)]),
  };
  const chartTop = planTop + Math.max(1, plans.rows.length) + 2;
  const charts: SheetChart[] = [];
  if (plans.rows.length > 0 && figures.grades.length > 0) {
    charts.push({
      type: "column",
      title: `${w.gradesTitle} · ${period}`,
      categoryTitle: w.plan,
      valueTitle: w.employees,
      table: DASHBOARD_PLANS,
      categories: planHeaders[0],
      series: planHeaders.slice(7),
      from: { row: chartTop, column: 1 },
      to: { row: chartTop + 18, column: 6 },
    });
  }
  if (departments.rows.length > 0) {
    charts.push({
      type: "bar",
      title: `${w.payTitle} · ${period}`,
      categoryTitle: w.department,
      valueTitle: w.payAxis,
      table: DASHBOARD,
      categories: w.department,
      series: [w.totalPay],
      from: { row: chartTop, column: 7 },
      to: { row: chartTop + 18, column: 13 },
    });
  }
  const widths = [departments, plans].map((t) => fitWidths(t.columns, t.rows));
  return {
    name: DASHBOARD,
    cells: [
      { row: 1, column: 1, value: `${w.title} · ${period}`, style: "title" },
      { row: 2, column: 1, value: w.note, style: "note" },
    ],
    tables: [departments, plans],
    charts,
    pageBreaks: [],
    page: { landscape: true, onePage: true },
    widths: Array.from({ length: Math.max(...widths.map((x) => x.length)) }, (_, i) => Math.max(...widths.map((x) => x[i] ?? 0), 10)),
  };
}
