/**
 * The `kpi` command: init a sample workbook, recalculate a period, or check a workbook, headless.
 * Exit codes: 0 every employee OK or Warning; 1 some are Error (results still written); 2 the file or
 * the arguments are unusable (nothing written, one line says why); 3 a bug of ours stopped the run
 * before anything was written.
 *
 * One file over 300 lines: the usage text, the argument rules and each command's flow are read and
 * changed together; file handling, the sample and the statements command live in modules of their own.
 */
import { RunSummary, VERSION, checkWorkbook, runRecalculation } from "../app/recalculate";
import { ColumnKind, OUTPUT_COLUMNS } from "../engine/contract";
import { D } from "../engine/decimal";
import { Lang } from "../engine/errors";
import { Issue } from "../engine/issues";
import { UnusableWorkbook, resultRow } from "../engine/recalc";
import { PackageBug, XlsxError, XlsxWorkbook } from "../workbook/xlsx/package";
import { FileFault, FileSystem, backupPath, makeFolderOf, readInput, realFileSystem, replaceKeepingBackup, sameFile, writeWhole } from "./files";
import { statementsCommand } from "./statements";
import { templateWorkbook } from "./template";

export interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
  /** Whether stderr is a terminal (progress bars are drawn in place). */
  tty: boolean;
  /** File operations; tests inject faults here. */
  fs?: FileSystem;
}

export const USAGE = `kpi — KPI Bonus for Excel, headless (绩效考核奖金，命令行版)

  kpi init FILE [--lang en] [--force]     write a sample workbook with every table (中文表头 by default)
  kpi recalc FILE --period 2026-Q2 (--out NEW.xlsx | --in-place) [--print] [--progress]
                                          recalculate a quarter (or a year: --period 2026) and write
                                          Results, Breakdown, Issues and RunLog: into a new file (one of
                                          that name is replaced), or into FILE itself (its previous
                                          version kept as FILE.bak.xlsx, replacing an older backup)
  kpi check FILE [--period 2026-Q2]       list the workbook's issues without writing (with --period,
                                          that period's, as recalc would find them)
  kpi statements FILE [--period 2026-Q2] [--out NEW.xlsx | --in-place] [--html DIR]
                                          pay statements (工资条) from Results and Breakdown: a printable
                                          Statements sheet, a page per employee (with --out or --in-place);
                                          with --html, one HTML file per employee in DIR; the period is
                                          RunLog's last when not given (recalculated first if it has no
                                          Results rows)
  kpi --help                              this text

Exit: 0 all employees OK or Warning; 1 some Error (results still written); 2 unusable file or
arguments (nothing written); 3 an internal error stopped the run (nothing written; please report it).`;

class UsageError extends Error {}
class HelpWanted extends Error {}

const VALUED = ["period", "out", "lang", "html"];
const FLAGS: Record<string, string[]> = {
  init: ["lang", "force"],
  recalc: ["period", "out", "in-place", "print", "progress"],
  check: ["period"],
  statements: ["period", "out", "in-place", "html"],
};

function parseArgs(argv: string[]): { cmd: string; file: string; flags: Map<string, string | true> } {
  if (argv.includes("--help") || argv.includes("-h") || argv[0] === "help") throw new HelpWanted();
  const [cmd, ...rest] = argv;
  if (!cmd) throw new UsageError("");
  if (!FLAGS[cmd]) throw new UsageError(`unknown command ${cmd}`);
  const flags = new Map<string, string | true>();
  const positional: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i];
    if (a.startsWith("--")) {
      const [k, v] = a.slice(2).split(/=(.*)/s, 2);
      if (!FLAGS[cmd].includes(k)) throw new UsageError(`${cmd} has no option --${k}`);
      if (v !== undefined) flags.set(k, v);
      else if (VALUED.includes(k)) {
        if (rest[i + 1] === undefined || rest[i + 1].startsWith("--")) throw new UsageError(`--${k} needs a value`);
        flags.set(k, rest[++i]);
      } else flags.set(k, true);
    } else positional.push(a);
  }
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

/** A number as shown (1,234.50 or 82.76%), or the dash of a total there is none of: right-aligned like numbers. */
const SHOWN_NUMBER = /^(?:-?[\d,]+(?:\.\d+)?%?|—)$/;

/** A Results value for the terminal, shown as the workbook's number formats show it (money 2 decimals with thousands, scores 2 decimals, ratios as percents). */
function shownValue(v: unknown, kind: ColumnKind): unknown {
  if (typeof v !== "number") return v;
  if (kind === "money") return money(new D(v));
  if (kind === "score") return new D(v).toFixed(2);
  if (kind === "ratio") return `${new D(v).times(100).toFixed(2)}%`;
  return v;
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
  const numeric = headers.map(
    (_, i) =>
      rows.length > 0 && rows.every((r) => r[i] === null || typeof r[i] === "number" || (typeof r[i] === "string" && SHOWN_NUMBER.test(r[i] as string))),
  );
  return [
    line(
      [...headers],
      headers.map(() => false),
    ),
    widths.map((w) => "-".repeat(w)).join("  "),
    ...cells.map((r) => line(r, numeric)),
  ].join("\n");
}

function money(n: { toFixed: (dp: number) => string }): string {
  return n.toFixed(2).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

export function summaryText(s: RunSummary, file: string): string {
  const zh = s.lang === "zh";
  const lines = zh
    ? [
        `${file}：${s.period} 重算完成`,
        `员工 ${s.employees} 人：正常 ${s.ok}，警告 ${s.employeesWithWarning}，错误 ${s.employeesInError}`,
        `问题清单：错误 ${s.errors} 条，警告 ${s.warnings} 条（见 Issues 表）`,
        "各部门应发合计（TotalPay）：",
      ]
    : [
        `${file}: ${s.period} recalculated`,
        `${s.employees} employees: ${s.ok} OK, ${s.employeesWithWarning} Warning, ${s.employeesInError} Error`,
        `Issues: ${s.errors} errors, ${s.warnings} warnings (see the Issues table)`,
        "Total pay by department:",
      ];
  // A department whose employees are all Error has no total: "—", not a 0.00 that reads as a figure.
  const depts = s.payByDepartment.map((d) => [d.department || (zh ? "（无部门）" : "(no department)"), d.employees, d.paid > 0 ? money(d.totalPay) : "—"]);
  const table = formatTable(zh ? ["部门", "人数", "应发合计"] : ["Department", "Employees", "TotalPay"], depts);
  const others = s.result.periodsWithRows;
  const note = !others
    ? []
    : zh
      ? [`注意：实际值表、评分表和任务清单表中没有 ${s.period} 的数据，所以每位员工都是错误。考核周期是否正确？工作簿中有 ${others.join("、")} 的数据。`]
      : [
          `Note: no Actuals, Ratings or Tasks row is of ${s.period}, so every employee is Error. Is the period right? The workbook has rows of ${others.join(", ")}.`,
        ];
  return [...lines, table, ...note].join("\n");
}

function issuesText(issues: Issue[], lang: Lang): string {
  if (issues.length === 0) return lang === "zh" ? "没有发现问题。" : "No issues found.";
  return formatTable(
    ["Severity", "Table", "Cell", "EmployeeId", "Message"],
    issues.map((i) => [i.severity, i.table, i.cell, i.employeeId, i.text[lang]]),
  );
}

const PHASE_WORDS = { reading: "reading", calculating: "employees", writing: "writing" } as const;

/** The progress reporter recalc gives the run: a bar redrawn in a terminal, lines in a log. */
export function progress(io: Io, big: boolean) {
  let last = "";
  return (phase: keyof typeof PHASE_WORDS, done: number, total: number) => {
    if (!big || total === 0) return;
    const n = 24;
    const filled = ((done * n) / total) | 0;
    const bar = `[${"#".repeat(filled)}${"-".repeat(n - filled)}] ${PHASE_WORDS[phase]} ${done}/${total}`;
    // A terminal redraws the bar in place; a log gets a line only when the bar grows, at most n + 1 a phase.
    const key = io.tty ? bar : `${phase} ${filled}`;
    if (key === last) return;
    last = key;
    io.err(io.tty ? `\r${bar.padEnd(60)}${phase === "writing" && done === total ? "\n" : ""}` : `${bar}\n`);
  };
}

function load(fs: FileSystem, file: string): XlsxWorkbook {
  const buf = readInput(fs, file);
  try {
    return XlsxWorkbook.fromBuffer(buf);
  } catch (e) {
    if (e instanceof XlsxError) throw new UsageError(`${file}: ${e.message}`);
    throw e;
  }
}

const EXTENSIONS: Record<XlsxWorkbook["kind"], string> = { xlsx: ".xlsx", xlsm: ".xlsm", xltx: ".xltx", xltm: ".xltm" };

/** Where recalc writes, refusing to overwrite its input unless told to (and then keeping a backup). */
function outputOf(fs: FileSystem, file: string, flags: Map<string, string | true>, wb: XlsxWorkbook): string {
  const out = flags.get("out");
  const inPlace = flags.has("in-place");
  if (typeof out === "string" && inPlace) throw new UsageError("give either --out FILE or --in-place, not both");
  if (typeof out !== "string" && !inPlace)
    throw new UsageError(
      `say where to write: --out NEW.xlsx for a new workbook, or --in-place to update ${file} (its previous version kept as ${backupPath(file)})`,
    );
  const target = typeof out === "string" ? out : file;
  if (!inPlace && sameFile(fs, target, file))
    throw new UsageError(
      `--out is the input file itself: add --in-place to update it (its previous version kept as ${backupPath(file)}), or give another name`,
    );
  const ext = target.toLowerCase().match(/\.(xlsx|xlsm|xltx|xltm)$/)?.[0];
  // Excel opens a file by its extension: a workbook named .csv or with none would not open as one.
  if (!ext) {
    if (inPlace) return target;
    throw new UsageError(`--out ${target}: the output is a workbook; give it the ${EXTENSIONS[wb.kind]} extension`);
  }
  if (ext !== EXTENSIONS[wb.kind]) {
    throw new UsageError(
      wb.kind === "xlsm" || wb.kind === "xltm"
        ? `${file} has macros: write it to a ${EXTENSIONS[wb.kind]} file (Excel will not open a macro workbook named ${ext}), macros kept as they are`
        : `${file} is a ${EXTENSIONS[wb.kind]} workbook: give the output the same extension (Excel will not open it as ${ext})`,
    );
  }
  return target;
}

export async function main(argv: string[], io: Io): Promise<number> {
  const fs = io.fs ?? realFileSystem;
  let args: ReturnType<typeof parseArgs>;
  try {
    args = parseArgs(argv);
  } catch (e) {
    if (e instanceof HelpWanted) {
      io.out(USAGE + "\n");
      return 0;
    }
    if (!(e instanceof UsageError)) throw e;
    io.err(`${e.message ? `kpi: ${e.message}\n\n` : ""}${USAGE}\n`);
    return 2;
  }
  const { cmd, file, flags } = args;
  try {
    if (cmd === "init") {
      const lang: Lang = flags.get("lang") === "en" ? "en" : "zh";
      if (flags.has("lang") && !["en", "zh"].includes(String(flags.get("lang")))) throw new UsageError("--lang takes en or zh");
      if (!/\.xlsx$/i.test(file)) throw new UsageError(`init writes an Excel workbook: give ${file} the .xlsx extension`);
      if (fs.stat(file) && !flags.has("force")) throw new UsageError(`${file} exists: choose another name or add --force to replace it`);
      // A new sample may go into a new folder; results (recalc --out) never do, as a mistyped folder is likelier there.
      makeFolderOf(fs, file);
      writeWhole(fs, file, await templateWorkbook(lang));
      io.out(
        lang === "zh"
          ? `已写入示例工作簿 ${file}\n下一步：kpi recalc ${file} --period 2026-Q2 --out 结果.xlsx\n`
          : `Wrote the sample workbook ${file}\nNext: kpi recalc ${file} --period 2026-Q2 --out results.xlsx\n`,
      );
      return 0;
    }
    if (cmd === "recalc") {
      const period = flags.get("period");
      if (typeof period !== "string") throw new UsageError("recalc needs --period, such as --period 2026-Q2 or --period 2026");
      const wb = load(fs, file);
      const out = outputOf(fs, file, flags, wb);
      const big = flags.has("progress") || (fs.stat(file)?.size ?? 0) > 2_000_000;
      const summary = await runRecalculation(wb, period, { onProgress: progress(io, big), version: VERSION });
      const data = await wb.toBuffer();
      if (flags.has("in-place")) replaceKeepingBackup(fs, file, data);
      else writeWhole(fs, out, data);
      io.out(summaryText(summary, out) + "\n");
      for (const r of summary.written.renamedSheets) {
        io.out(
          summary.lang === "zh"
            ? `注意：已有名为 ${r.table} 的工作表且不是本工具的，${r.table} 表写在工作表 ${r.sheet}\n`
            : `Note: a sheet named ${r.table} already exists and is not ours, so the ${r.table} table went to sheet ${r.sheet}\n`,
        );
      }
      if (flags.has("in-place"))
        io.out(summary.lang === "zh" ? `原文件已备份为 ${backupPath(file)}\n` : `The previous version is kept as ${backupPath(file)}\n`);
      if (flags.has("print")) {
        const shown = OUTPUT_COLUMNS.Results.map((c, i) => [c, i] as const).filter(([c]) => c.name !== "Flags");
        const rows = summary.result.results.map(resultRow);
        io.out(
          "\n" +
            formatTable(
              shown.map(([c]) => c.name),
              rows.map((r) => shown.map(([c, i]) => shownValue(r[i], c.kind))),
            ) +
            "\n",
        );
        // Flags are too long for the table: each flagged employee's, below it.
        const zh = summary.lang === "zh";
        for (const r of summary.result.results)
          if (r.flags.length > 0) io.out(`${r.employee.id} ${r.status}${zh ? "：" : ": "}${r.flags.join(zh ? "；" : "; ")}\n`);
      }
      return summary.employeesInError > 0 ? 1 : 0;
    }
    if (cmd === "statements")
      return await statementsCommand(file, flags, {
        fs,
        out: io.out,
        load: (f) => load(fs, f),
        target: (f, wb) => outputOf(fs, f, flags, wb),
        usage: (m) => new UsageError(m),
      });
    const period = flags.get("period");
    if (flags.has("period") && typeof period !== "string") throw new UsageError("--period needs a value");
    const asked = typeof period === "string" ? period : undefined;
    const { lang, issues, periods } = await checkWorkbook(load(fs, file), asked);
    const list = periods.join(lang === "zh" ? "、" : ", ") || (lang === "zh" ? "无" : "none");
    const what =
      lang === "zh"
        ? `已检查：${list}${asked ? "" : "（实际值表、评分表或任务清单表中有数据的每个季度）"}`
        : `Checked ${list}${asked ? "" : " (every quarter with Actuals, Ratings or Tasks rows)"}`;
    io.out(`${what}\n${issuesText(issues, lang)}\n`);
    return issues.some((i) => i.severity === "Error") ? 1 : 0;
  } catch (e) {
    if (e instanceof UsageError || e instanceof FileFault) {
      io.err(`kpi: ${e.message}\n`);
      return 2;
    }
    if (e instanceof UnusableWorkbook) {
      io.err(`kpi: ${file}: ${e.text.en}\n     ${e.text.zh}\n`);
      return 2;
    }
    if (e instanceof XlsxError) {
      io.err(`kpi: ${file}: ${e.message}\n`);
      return 2;
    }
    if (e instanceof PackageBug) {
      io.err(`kpi: internal error: ${e.message}. Nothing was written. Please report this, with the workbook if you can.\n`);
      return 3;
    }
    throw e;
  }
}
