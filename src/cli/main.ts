/**
 * The `kpi` command: init a sample workbook, recalculate a period, or check a workbook, headless.
 * Exit codes: 0 every employee OK or Warning; 1 some are Error (results still written); 2 the file or
 * the arguments are unusable (nothing written).
 */
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { RunSummary, VERSION, readInputs, runRecalculation } from "../app/recalculate";
import { OUTPUT_HEADERS } from "../engine/contract";
import { Lang } from "../engine/errors";
import { Issue } from "../engine/issues";
import { UnusableWorkbook, checkTables, resultRow } from "../engine/recalc";
import { XlsxError, XlsxWorkbook } from "../workbook/xlsx/package";
import { templateWorkbook } from "./template";

export interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
  /** Whether stderr is a terminal (progress bars are drawn in place). */
  tty: boolean;
}

const USAGE = `kpi — KPI Bonus for Excel, headless (绩效考核奖金，命令行版)

  kpi init FILE [--lang en] [--force]     write a sample workbook with every table (中文表头 by default)
  kpi recalc FILE --period 2026-Q2 [--out FILE] [--print] [--progress]
                                          recalculate a quarter (or a year: --period 2026) and write
                                          Results, Breakdown, Issues and RunLog
  kpi check FILE [--period 2026-Q2]       list the workbook's issues without writing

Exit: 0 all employees OK or Warning, 1 some Error (results still written), 2 unusable file or arguments.`;

class UsageError extends Error {}

function parseArgs(argv: string[]): { cmd: string; file: string; flags: Map<string, string | true> } {
  const [cmd, ...rest] = argv;
  const flags = new Map<string, string | true>();
  const positional: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i];
    if (a.startsWith("--")) {
      const [k, v] = a.slice(2).split("=", 2);
      if (v !== undefined) flags.set(k, v);
      else if (["period", "out", "lang"].includes(k)) {
        if (rest[i + 1] === undefined) throw new UsageError(`--${k} needs a value`);
        flags.set(k, rest[++i]);
      } else flags.set(k, true);
    } else positional.push(a);
  }
  if (!cmd || cmd === "help" || flags.has("help")) throw new UsageError("");
  if (positional.length !== 1) throw new UsageError(`${cmd} takes one FILE`);
  return { cmd, file: positional[0], flags };
}

/** Display width in a terminal: CJK characters take two columns. */
function width(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return w;
}

function pad(s: string, w: number, right = false): string {
  const fill = " ".repeat(Math.max(0, w - width(s)));
  return right ? fill + s : s + fill;
}

export function formatTable(headers: readonly string[], rows: ReadonlyArray<ReadonlyArray<unknown>>): string {
  const cells = rows.map((r) => r.map((v) => (v === null || v === undefined ? "" : typeof v === "number" ? String(v) : String(v))));
  const widths = headers.map((h, i) => Math.min(i === headers.length - 1 ? 400 : 40, Math.max(width(h), ...cells.map((r) => width(r[i] ?? "")))));
  const clip = (s: string, w: number) => {
    if (width(s) <= w) return s;
    let out = "";
    for (const ch of s) {
      if (width(out + ch) > w - 1) break;
      out += ch;
    }
    return out + "…";
  };
  const line = (r: string[], numeric: boolean[]) => r.map((c, i) => pad(clip(c, widths[i]), widths[i], numeric[i])).join("  ");
  const numeric = headers.map((_, i) => rows.length > 0 && rows.every((r) => r[i] === null || typeof r[i] === "number"));
  return [line([...headers], headers.map(() => false)), widths.map((w) => "-".repeat(w)).join("  "), ...cells.map((r) => line(r, numeric))].join("\n");
}

function money(n: { toFixed: (dp: number) => string }): string {
  return n.toFixed(2).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

function summaryText(s: RunSummary, file: string): string {
  const zh = s.lang === "zh";
  const lines = zh
    ? [`${basename(file)}：${s.period} 重算完成`, `员工 ${s.employees} 人：正常 ${s.ok}，警告 ${s.employeesWithWarning}，错误 ${s.employeesInError}`, `问题清单：错误 ${s.errors} 条，警告 ${s.warnings} 条（见 Issues 表）`, "各部门应发合计（TotalPay）："]
    : [`${basename(file)}: ${s.period} recalculated`, `${s.employees} employees: ${s.ok} OK, ${s.employeesWithWarning} Warning, ${s.employeesInError} Error`, `Issues: ${s.errors} errors, ${s.warnings} warnings (see the Issues table)`, "Total pay by department:"];
  const depts = s.payByDepartment.map((d) => [d.department || (zh ? "（无部门）" : "(no department)"), d.employees, money(d.totalPay)]);
  return [...lines, formatTable(zh ? ["部门", "人数", "应发合计"] : ["Department", "Employees", "TotalPay"], depts)].join("\n");
}

function issuesText(issues: Issue[], lang: Lang): string {
  if (issues.length === 0) return lang === "zh" ? "没有发现问题。" : "No issues found.";
  return formatTable(["Severity", "Table", "Cell", "EmployeeId", "Message"], issues.map((i) => [i.severity, i.table, i.cell, i.employeeId, i.text[lang]]));
}

function progress(io: Io, big: boolean) {
  let last = "";
  return (done: number, total: number, what: string) => {
    if (!big || total === 0) return;
    const n = 24;
    const filled = ((done * n) / total) | 0;
    const bar = `[${"#".repeat(filled)}${"-".repeat(n - filled)}] ${done}/${total} ${what}`;
    if (bar === last) return;
    last = bar;
    io.err(io.tty ? `\r${bar.padEnd(60)}${done === total ? "\n" : ""}` : `${bar}\n`);
  };
}

function load(file: string): XlsxWorkbook {
  if (!existsSync(file)) throw new UsageError(`no such file: ${file}`);
  try {
    return XlsxWorkbook.fromBuffer(readFileSync(file));
  } catch (e) {
    if (e instanceof XlsxError) throw new UsageError(`${file}: ${e.message}`);
    throw e;
  }
}

/** Writes through a temporary file and a rename, so a failed write never leaves half a workbook. */
function save(file: string, data: Uint8Array): void {
  mkdirSync(dirname(file), { recursive: true });
  const tmp = join(dirname(file), `.${basename(file)}.kpi-tmp`);
  writeFileSync(tmp, data);
  renameSync(tmp, file);
}

export async function main(argv: string[], io: Io): Promise<number> {
  let args: ReturnType<typeof parseArgs>;
  try {
    args = parseArgs(argv);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    if (e.message) io.err(`kpi: ${e.message}\n\n`);
    io.err(USAGE + "\n");
    return e.message ? 2 : 0;
  }
  const { cmd, file, flags } = args;
  try {
    if (cmd === "init") {
      const lang: Lang = flags.get("lang") === "en" ? "en" : "zh";
      if (flags.has("lang") && !["en", "zh"].includes(String(flags.get("lang")))) throw new UsageError("--lang takes en or zh");
      if (existsSync(file) && !flags.has("force")) throw new UsageError(`${file} exists: choose another name or add --force to replace it`);
      save(file, await templateWorkbook(lang));
      io.out(lang === "zh" ? `已写入示例工作簿 ${file}\n下一步：kpi recalc ${file} --period 2026-Q2\n` : `Wrote the sample workbook ${file}\nNext: kpi recalc ${file} --period 2026-Q2\n`);
      return 0;
    }
    if (cmd === "recalc") {
      const period = flags.get("period");
      if (typeof period !== "string") throw new UsageError("recalc needs --period, such as --period 2026-Q2 or --period 2026");
      const wb = load(file);
      const big = flags.has("progress") || statSync(file).size > 2_000_000;
      const summary = await runRecalculation(wb, period, { onProgress: progress(io, big), version: VERSION });
      const out = typeof flags.get("out") === "string" ? (flags.get("out") as string) : file;
      save(out, wb.toBuffer());
      io.out(summaryText(summary, out) + "\n");
      if (flags.has("print")) {
        const shown = OUTPUT_HEADERS.Results.map((c, i) => [c, i] as const).filter(([c]) => c !== "Flags");
        const rows = summary.result.results.map(resultRow);
        io.out("\n" + formatTable(shown.map(([c]) => c), rows.map((r) => shown.map(([, i]) => r[i]))) + "\n");
      }
      return summary.employeesInError > 0 ? 1 : 0;
    }
    if (cmd === "check") {
      const period = flags.get("period");
      if (flags.has("period") && typeof period !== "string") throw new UsageError("--period needs a value");
      const { lang, issues } = checkTables(await readInputs(load(file)), typeof period === "string" ? period : undefined);
      io.out(issuesText(issues, lang) + "\n");
      return issues.some((i) => i.severity === "Error") ? 1 : 0;
    }
    throw new UsageError(`unknown command ${cmd}`);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`kpi: ${e.message}\n`);
      return 2;
    }
    if (e instanceof UnusableWorkbook) {
      io.err(`kpi: ${e.text.en}\n     ${e.text.zh}\n`);
      return 2;
    }
    if (e instanceof XlsxError) {
      io.err(`kpi: ${file}: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
}
