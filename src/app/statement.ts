/**
 * An employee's statement: their Results row, Breakdown lines and money lines of a period exactly as
 * the output tables hold them (nothing is recomputed here), and the plain text HR pastes into a mail
 * or a chat. Issues are those of the last run, shown when the statement is of that run's period.
 */
import { D as Decimal } from "../engine/decimal";
import { INPUT_TABLES } from "../engine/contract";
import { Lang } from "../engine/errors";
import { parsePeriod, periodText } from "../engine/periods";
import { CellValue, TableData, WorkbookPort } from "../workbook/port";

const RESULT_COLUMNS = [
  "EmployeeId",
  "Name",
  "Department",
  "Plan",
  "Period",
  "Score",
  "Grade",
  "Rank",
  "Completion",
  "QuarterlyBonus",
  "DealBonus",
  "Commission",
  "Incentives",
  "Penalties",
  "Adjustments",
  "TotalPay",
  "Status",
  "Flags",
] as const;
const BREAKDOWN_COLUMNS = ["EmployeeId", "Period", "Indicator", "Weight", "Actual", "Rule", "Points", "Explanation"] as const;
const ISSUE_COLUMNS = ["Severity", "Table", "Cell", "EmployeeId", "Message"] as const;

/** Rows of a table as records keyed by the names asked for (headers match ignoring case, spaces and underscores). */
export function recordsOf(table: TableData | undefined, columns: readonly string[]): Array<Record<string, CellValue>> {
  if (!table) return [];
  const norm = (h: string) =>
    String(h)
      .replace(/[\s_\u3000]/g, "")
      .toLowerCase();
  const at = columns.map((c) => table.headers.findIndex((h) => norm(h) === norm(c)));
  return table.rows
    .filter((r) => r.some((v) => v !== null && v !== ""))
    .map((r) => Object.fromEntries(columns.map((c, i) => [c, at[i] < 0 ? null : (r[at[i]] ?? null)])));
}

export const MONEY_LINES = ["QuarterlyBonus", "DealBonus", "Commission", "Incentives", "Penalties", "Adjustments", "TotalPay"] as const;
export type MoneyLine = (typeof MONEY_LINES)[number];

type Row<K extends string> = Record<K, CellValue>;

export interface StatementData {
  results: Array<Row<(typeof RESULT_COLUMNS)[number]>>;
  breakdown: Array<Row<(typeof BREAKDOWN_COLUMNS)[number]>>;
  issues: Array<Row<(typeof ISSUE_COLUMNS)[number]>>;
  /** The period of the last RunLog row: the Issues table is that run's. */
  issuesPeriod: string | null;
  /** RunLog.InputHash by period (its canonical text; the latest row where HR left two): what each period's run read. */
  inputHashes?: ReadonlyMap<string, string>;
}

/** Reads Results, Breakdown, Issues and RunLog in one unit of work. */
export async function readStatementData(port: WorkbookPort): Promise<StatementData> {
  const t = await port.readTables(["Results", "Breakdown", "Issues", "RunLog"]);
  const log = recordsOf(t.get("RunLog"), ["Period", "InputHash"]);
  const last = log[log.length - 1];
  const inputHashes = new Map<string, string>();
  for (const r of log) {
    const p = parsePeriod(r.Period);
    if (p && text(r.InputHash) !== "") inputHashes.set(periodText(p), text(r.InputHash));
  }
  return {
    results: recordsOf(t.get("Results"), RESULT_COLUMNS) as StatementData["results"],
    breakdown: recordsOf(t.get("Breakdown"), BREAKDOWN_COLUMNS) as StatementData["breakdown"],
    issues: recordsOf(t.get("Issues"), ISSUE_COLUMNS) as StatementData["issues"],
    issuesPeriod: last && last.Period !== null ? text(last.Period) : null,
    inputHashes,
  };
}

const text = (v: CellValue): string =>
  v === null || v === undefined ? "" : v instanceof Date ? v.toISOString().slice(0, 10) : typeof v === "object" ? "" : String(v).trim();

export interface EmployeeMatch {
  id: string;
  name: string;
  department: string;
  /** Periods with a Results row, latest first. */
  periods: string[];
}

/** Employees whose id or name contains the query (ignoring case), exact id matches first. */
export function findEmployees(data: StatementData, query: string): EmployeeMatch[] {
  const q = query.trim().toLowerCase();
  const byId = new Map<string, EmployeeMatch>();
  for (const r of data.results) {
    const id = text(r.EmployeeId);
    if (id === "") continue;
    const m = byId.get(id) ?? { id, name: text(r.Name), department: text(r.Department), periods: [] };
    const p = text(r.Period);
    if (p !== "" && !m.periods.includes(p)) m.periods.push(p);
    byId.set(id, m);
  }
  const all = [...byId.values()].map((m) => ({ ...m, periods: [...m.periods].sort().reverse() }));
  if (q === "") return all;
  const hits = all.filter((m) => m.id.toLowerCase().includes(q) || m.name.toLowerCase().includes(q));
  return hits.sort((a, b) => Number(b.id.toLowerCase() === q) - Number(a.id.toLowerCase() === q));
}

export interface StatementLine {
  indicator: string;
  weight: CellValue;
  actual: CellValue;
  rule: string;
  points: CellValue;
  explanation: string;
}

export interface Statement {
  employeeId: string;
  name: string;
  department: string;
  plan: string;
  period: string;
  score: CellValue;
  grade: string;
  rank: CellValue;
  completion: CellValue;
  status: string;
  flags: string;
  money: Array<{ line: MoneyLine; value: CellValue }>;
  lines: StatementLine[];
  issues: Array<{ severity: string; table: string; cell: string; message: string }>;
}

/** The statement of an employee for a period, or null when Results has no row for them. Two rows sharing an id: the first. */
export function statementOf(data: StatementData, employeeId: string, period: string): Statement | null {
  const r = data.results.find((x) => text(x.EmployeeId) === employeeId && text(x.Period) === period);
  if (!r) return null;
  return {
    employeeId,
    name: text(r.Name),
    department: text(r.Department),
    plan: text(r.Plan),
    period,
    score: r.Score,
    grade: text(r.Grade),
    rank: r.Rank,
    completion: r.Completion,
    status: text(r.Status),
    flags: text(r.Flags),
    money: MONEY_LINES.map((line) => ({ line, value: r[line] })),
    lines: data.breakdown
      .filter((b) => text(b.EmployeeId) === employeeId && text(b.Period) === period)
      .map((b) => ({
        indicator: text(b.Indicator),
        weight: b.Weight,
        actual: b.Actual,
        rule: text(b.Rule),
        points: b.Points,
        explanation: text(b.Explanation),
      })),
    issues:
      data.issuesPeriod === period
        ? data.issues
            .filter((i) => text(i.EmployeeId) === employeeId)
            .map((i) => ({ severity: text(i.Severity), table: text(i.Table), cell: text(i.Cell), message: text(i.Message) }))
        : [],
  };
}

// ---- showing the values as the tables' number formats show them (money #,##0.00, scores 0.00, ratios 0.00%) ----

const decimalOf = (v: CellValue): Decimal | null => (typeof v === "number" && Number.isFinite(v) ? new Decimal(String(v)) : null);

/** Money as #,##0.00; a blank cell as "—". */
export function showMoney(v: CellValue): string {
  const d = decimalOf(v);
  if (!d) return v === null || v === "" ? "—" : text(v);
  const [int, frac] = d.toFixed(2, Decimal.ROUND_HALF_UP).split(".");
  return `${int.replace(/\B(?=(\d{3})+(?!\d))/g, ",")}.${frac}`;
}

/** A score as 0.00. */
export function showScore(v: CellValue): string {
  const d = decimalOf(v);
  return d ? d.toFixed(2, Decimal.ROUND_HALF_UP) : v === null || v === "" ? "—" : text(v);
}

/** A ratio as 0.00%. */
export function showRatio(v: CellValue): string {
  const d = decimalOf(v);
  return d ? `${d.times(100).toFixed(2, Decimal.ROUND_HALF_UP)}%` : v === null || v === "" ? "—" : text(v);
}

/** Any other cell as General shows it. */
export function showValue(v: CellValue): string {
  const d = decimalOf(v);
  if (d) return d.toString();
  return v === null || v === "" ? "—" : v === true ? "TRUE" : v === false ? "FALSE" : text(v);
}

export const STATEMENT_WORDS = {
  en: {
    heading: "KPI bonus statement",
    score: "Score",
    grade: "Grade",
    rank: "Rank in plan",
    completion: "Completion",
    indicators: "Indicators",
    weight: "weight",
    actual: "actual",
    points: "points",
    pay: "Pay",
    status: "Status",
    notPaid: "not computed, so not paid until fixed",
    toFix: "To fix",
    money: {
      QuarterlyBonus: "Quarterly bonus",
      DealBonus: "Deal bonus",
      Commission: "Commission",
      Incentives: "Incentives",
      Penalties: "Penalties",
      Adjustments: "Adjustments",
      TotalPay: "Total pay",
    } as Record<MoneyLine, string>,
    statusName: { OK: "OK", Warning: "Warning", Error: "Error" } as Record<string, string>,
  },
  zh: {
    heading: "绩效奖金明细",
    score: "得分",
    grade: "等级",
    rank: "方案内排名",
    completion: "完成率",
    indicators: "考核明细",
    weight: "权重",
    actual: "实际",
    points: "分",
    pay: "金额",
    status: "状态",
    notPaid: "未能计算，修正前不计发",
    toFix: "需修正",
    money: {
      QuarterlyBonus: "季度奖金",
      DealBonus: "项目奖",
      Commission: "提成",
      Incentives: "激励",
      Penalties: "扣罚",
      Adjustments: "调整",
      TotalPay: "应发合计",
    } as Record<MoneyLine, string>,
    statusName: { OK: "正常", Warning: "警告", Error: "错误" } as Record<string, string>,
  },
} satisfies Record<Lang, unknown>;

/**
 * An issue as a line of the statement: its message, which names the table and the cell itself as the
 * engine writes them ("Employees A3: …", "员工表 A3：…"), else led by them in the statement's language.
 */
export function issueLine(i: { table: string; cell: string; message: string }, lang: Lang): string {
  const zhTable = INPUT_TABLES.find((t) => t.name === i.table)?.zh;
  const label = lang === "zh" && zhTable ? `${zhTable}表` : i.table;
  if (i.message.startsWith(i.table) || (zhTable !== undefined && i.message.startsWith(`${zhTable}表`))) return i.message;
  return `${label}${i.cell ? ` ${i.cell}` : ""}${lang === "zh" ? "：" : ": "}${i.message}`;
}

/** The statement as plain text, one fact a line, for a mail or a chat. */
export function statementText(s: Statement, lang: Lang): string {
  const w = STATEMENT_WORDS[lang];
  const zh = lang === "zh";
  const sep = zh ? "：" : ": ";
  const status = w.statusName[s.status] ?? s.status;
  const out: string[] = [];
  out.push(`${w.heading} · ${s.period}`);
  out.push(zh ? `${s.name}（${s.employeeId}） · ${s.department} · ${s.plan}` : `${s.name} (${s.employeeId}) · ${s.department} · ${s.plan}`);
  out.push(
    [`${w.score} ${showScore(s.score)}`, `${w.grade} ${s.grade || "—"}`, `${w.rank} ${showValue(s.rank)}`, `${w.completion} ${showRatio(s.completion)}`].join(
      " · ",
    ),
  );
  out.push("");
  out.push(`${w.indicators}${sep}`);
  for (const l of s.lines) {
    const facts = [l.rule, `${w.weight} ${showValue(l.weight)}`, `${w.actual} ${showValue(l.actual)}`].filter((x) => x !== "").join(zh ? "，" : ", ");
    const line = zh ? `- ${l.indicator}（${facts}）→ ${showScore(l.points)} ${w.points}` : `- ${l.indicator} (${facts}) → ${showScore(l.points)} ${w.points}`;
    out.push(`${line}${l.explanation ? `${sep}${l.explanation}` : ""}`);
  }
  out.push("");
  out.push(`${w.pay}${sep}`);
  for (const m of s.money) out.push(`- ${w.money[m.line]} ${showMoney(m.value)}`);
  out.push("");
  out.push(`${w.status}${sep}${status}${s.status === "Error" ? ` (${w.notPaid})` : ""}`);
  if (s.flags) out.push(s.flags);
  if (s.issues.length > 0) {
    out.push(`${w.toFix}${sep}`);
    for (const i of s.issues) out.push(`- ${issueLine(i, lang)}`);
  }
  return out.join("\n");
}
