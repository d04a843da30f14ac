/**
 * How pay statements look: on the printable Statements sheet (a summary table, then one block per
 * employee, each starting a new page, as Chinese payroll prints 工资条), and as one HTML page per
 * employee for mailing. The same words and the same order in both, in the workbook's language.
 */
import { Lang } from "../engine/errors";
import { CellValue, ColumnKind, OutputValue, OwnedSheet, PlacedTable, SheetCell } from "../workbook/port";
import { MoneyLine, STATEMENT_WORDS, Statement, showMoney, showRatio, showScore, showValue } from "./statement";

export const STATEMENTS = "Statements";
/** Excel keeps at most 1023 manual page breaks on a sheet: 1,000 statements a sheet leave room. */
export const PER_SHEET = 1000;

export const WORDS = {
  en: {
    title: "Pay statement",
    sheetTitle: "Pay statements",
    note: "Built by KPI Bonus from the Results and Breakdown tables; one page per employee. Rewritten on each request.",
    fields: {
      employeeId: "Employee ID",
      name: "Name",
      department: "Department",
      plan: "Plan",
      period: "Period",
      status: "Status",
      score: "Score",
      grade: "Grade",
      completion: "Completion",
    },
    indicators: ["Indicator", "Weight", "Actual", "Points", "Explanation"],
    item: "Item",
    amount: "Amount",

    flags: "Notes",
    summary: ["EmployeeId", "Name", "Department", "TotalPay", "Status"],
  },
  zh: {
    title: "工资条",
    sheetTitle: "工资条",
    note: "由 KPI Bonus 按 Results 与 Breakdown 表生成，每位员工一页；每次生成时重写。",
    fields: {
      employeeId: "员工编号",
      name: "姓名",
      department: "部门",
      plan: "考核方案",
      period: "考核周期",
      status: "状态",
      score: "得分",
      grade: "等级",
      completion: "完成率",
    },
    indicators: ["指标", "权重", "实际值", "得分", "说明"],
    item: "项目",
    amount: "金额",

    flags: "备注",
    summary: ["员工编号", "姓名", "部门", "应发合计", "状态"],
  },
} as const;

const SUMMARY_KINDS: ColumnKind[] = ["text", "text", "text", "money", "text"];
/**
 * Columns A–E fit a portrait A4 page within 0.7-inch margins (494 points), also where the default font
 * is wider than Calibri (LibreOffice drew about 7 points a character): 70 characters together. Not
 * "fit to page", which would make Excel ignore the page breaks between employees.
 */
const WIDTHS = [16, 12, 10, 10, 22];

/** A cell of the tables as a value to write (an uncalculated formula is not one). */
const out = (v: CellValue): OutputValue => (v !== null && typeof v === "object" && !(v instanceof Date) ? null : v);
/** The money lines, and the total apart. */
const lines = (s: Statement) => s.money.filter((m) => m.line !== "TotalPay");
const total = (s: Statement): CellValue => s.money.find((m) => m.line === "TotalPay")?.value ?? null;
/** A money line's name, as the pane says it. */
const lineName = (line: MoneyLine, lang: Lang) => STATEMENT_WORDS[lang].money[line];

/** The label–value pairs at the head of a statement, two a row. */
function heads(s: Statement, lang: Lang): Array<[string, OutputValue, ColumnKind]> {
  const f = WORDS[lang].fields;
  return [
    [f.employeeId, s.employeeId, "text"],
    [f.name, s.name, "text"],
    [f.department, s.department, "text"],
    [f.plan, s.plan, "text"],
    [f.period, s.period, "text"],
    [f.status, s.status, "text"],
    [f.score, out(s.score), "score"],
    [f.grade, s.grade, "text"],
    [f.completion, out(s.completion), "ratio"],
  ];
}

/** One statement's cells from `top`; returns them and the first row after it. */
function block(s: Statement, lang: Lang, top: number): { cells: SheetCell[]; next: number } {
  const w = WORDS[lang];
  const cells: SheetCell[] = [{ row: top, column: 1, value: `${w.title} · ${s.name} · ${s.period}`, style: "title" }];
  let row = top + 1;
  heads(s, lang).forEach(([label, value, kind], i) => {
    const col = i % 2 === 0 ? 1 : 3;
    cells.push({ row, column: col, value: label, style: "bold" }, { row, column: col + 1, value, kind });
    if (col === 3) row++;
  });
  row += 2;
  w.indicators.forEach((h, i) => cells.push({ row, column: i + 1, value: h, style: "bold" }));
  for (const l of s.lines) {
    row++;
    cells.push(
      { row, column: 1, value: l.indicator },
      { row, column: 2, value: out(l.weight), kind: "score" },
      { row, column: 3, value: out(l.actual), kind: "number" },
      { row, column: 4, value: out(l.points), kind: "score" },
      { row, column: 5, value: l.explanation, style: "wrap" },
    );
  }
  row += 2;
  cells.push({ row, column: 1, value: w.item, style: "bold" }, { row, column: 2, value: w.amount, style: "bold" });
  for (const m of lines(s)) {
    row++;
    cells.push({ row, column: 1, value: lineName(m.line, lang) }, { row, column: 2, value: out(m.value), kind: "money" });
  }
  row++;
  cells.push({ row, column: 1, value: lineName("TotalPay", lang), style: "bold" }, { row, column: 2, value: out(total(s)), kind: "money", style: "bold" });
  if (s.flags) {
    row++;
    cells.push({ row, column: 1, value: w.flags, style: "bold" }, { row, column: 2, value: s.flags, style: "wrap" });
  }
  return { cells, next: row + 1 };
}

/** The Statements sheet(s): a summary table, then each employee on a page of their own; 1,000 to a sheet. */
export function statementsSheets(statements: readonly Statement[], period: string, lang: Lang): OwnedSheet[] {
  const w = WORDS[lang];
  const chunks: Statement[][] = [];
  for (let i = 0; i < Math.max(1, statements.length); i += PER_SHEET) chunks.push(statements.slice(i, i + PER_SHEET));
  return chunks.map((chunk, k) => {
    const name = k === 0 ? STATEMENTS : `${STATEMENTS}${k + 1}`;
    const summary: PlacedTable = {
      name,
      row: 4,
      column: 1,
      columns: w.summary.map((h, i) => ({ name: h, kind: SUMMARY_KINDS[i] })),
      rows: chunk.map((s) => [s.employeeId, s.name, s.department, out(total(s)), s.status]),
      statusColumn: w.summary[4],
    };
    const cells: SheetCell[] = [
      { row: 1, column: 1, value: `${w.sheetTitle} · ${period}${chunks.length > 1 ? ` (${k + 1}/${chunks.length})` : ""}`, style: "title" },
      { row: 2, column: 1, value: w.note, style: "note" },
    ];
    const pageBreaks: number[] = [];
    let row = 4 + Math.max(1, chunk.length) + 2;
    for (const s of chunk) {
      pageBreaks.push(row);
      const b = block(s, lang, row);
      cells.push(...b.cells);
      row = b.next + 1;
    }
    return { name, cells, tables: [summary], charts: [], pageBreaks, widths: WIDTHS, page: { landscape: false, onePage: false } };
  });
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] as string);
/** A value as its column's number format shows it (the pane's rules): money #,##0.00, scores 0.00, ratios 0.00%, a blank "—". */
const SHOW: Partial<Record<ColumnKind, (v: CellValue) => string>> = { money: showMoney, score: showScore, ratio: showRatio };
const shown = (v: CellValue, kind: ColumnKind) => escapeHtml(v === "" ? "—" : (SHOW[kind] ?? showValue)(v));

/** One statement as a page of its own, to mail or print (UTF-8, inline styles, no scripts). */
export function statementHtml(s: Statement, lang: Lang): string {
  const w = WORDS[lang];
  const pairs = heads(s, lang)
    .map(([label, value, kind]) => `<tr><th>${escapeHtml(label)}</th><td>${shown(value, kind)}</td></tr>`)
    .join("");
  const indicators = s.lines
    .map(
      (l) =>
        `<tr><td>${escapeHtml(l.indicator)}</td><td class="n">${shown(l.weight, "score")}</td><td class="n">${shown(l.actual, "number")}</td><td class="n">${shown(l.points, "score")}</td><td>${escapeHtml(l.explanation)}</td></tr>`,
    )
    .join("");
  const money = lines(s)
    .map((m) => `<tr><td>${escapeHtml(lineName(m.line, lang))}</td><td class="n">${shown(m.value, "money")}</td></tr>`)
    .join("");
  const flags = s.flags ? `<p class="flags"><b>${escapeHtml(w.flags)}</b>：${escapeHtml(s.flags)}</p>` : "";
  return `<!DOCTYPE html>
<html lang="${lang === "zh" ? "zh-CN" : "en"}">
<head>
<meta charset="utf-8">
<title>${escapeHtml(`${w.title} · ${s.name} · ${s.period}`)}</title>
<style>
body { font-family: "Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", Calibri, Arial, sans-serif; margin: 2em; color: #222; }
h1 { font-size: 1.4em; }
table { border-collapse: collapse; margin: 1em 0; }
th, td { border: 1px solid #bbb; padding: 0.3em 0.6em; text-align: left; vertical-align: top; }
th { background: #dde6f3; }
td.n { text-align: right; white-space: nowrap; }
tr.total td { font-weight: bold; border-top: 2px solid #555; }
@media print { body { margin: 0; } }
</style>
</head>
<body>
<h1>${escapeHtml(`${w.title} · ${s.name} · ${s.period}`)}</h1>
<table class="who">${pairs}</table>
<table class="points"><tr>${w.indicators.map((h) => `<th>${escapeHtml(h)}</th>`).join("")}</tr>${indicators}</table>
<table class="money"><tr><th>${escapeHtml(w.item)}</th><th>${escapeHtml(w.amount)}</th></tr>${money}<tr class="total"><td>${escapeHtml(lineName("TotalPay", lang))}</td><td class="n">${shown(total(s), "money")}</td></tr></table>
${flags}
</body>
</html>
`;
}

/** A file name for a statement: period, id and name, without characters file systems refuse. */
export function statementFileName(s: Statement): string {
  return `${s.period}_${s.employeeId}_${s.name}`.replace(/[\\/:*?"<>|\s\u0000-\u001f]+/g, "_").slice(0, 120) + ".html";
}
