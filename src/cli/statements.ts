/**
 * kpi statements BOOK.xlsx --period 2026-Q2 (--out FILE | --in-place) [--html DIR]: pay statements of a
 * period, built from the workbook's Results and Breakdown: the printable Statements sheet written into
 * a workbook (a new file, or BOOK itself with its previous version kept), and with --html one HTML page
 * per employee in DIR, for mailing. A period without Results rows is recalculated first, and the
 * command says so. Exit 0, or 1 when some employee of the period is in Error (their statement has no
 * pay); file and argument faults are thrown for main to report.
 */
import { join } from "node:path";
import { StatementsRun, writeStatements } from "../app/statements";
import { statementFileName, statementHtml } from "../app/statementsLayout";
import { VERSION } from "../app/recalculate";
import { XlsxWorkbook } from "../workbook/xlsx/package";
import { FileSystem, backupPath, makeFolderOf, replaceKeepingBackup, writeWhole } from "./files";

/** What main lends the command: its file system, loading, where to write, and its usage error. */
export interface CommandContext {
  fs: FileSystem;
  out: (s: string) => void;
  load: (file: string) => XlsxWorkbook;
  /** Where the workbook goes (--out or --in-place), refusing to overwrite the input unless told to. */
  target: (file: string, wb: XlsxWorkbook) => string;
  usage: (message: string) => Error;
}

function say(run: StatementsRun, where: { workbook?: string; html?: string; count: number }): string {
  const zh = run.lang === "zh";
  const n = run.statements.length;
  const lines: string[] = [];
  if (run.recalculated)
    lines.push(
      zh
        ? `Results 中没有 ${run.period} 的行：已先重算该周期${where.workbook ? "" : "（重算结果未保存：要保存请加 --out）"}`
        : `Results has no rows of ${run.period}: the period was recalculated first${where.workbook ? "" : " (not saved: add --out to keep it)"}`,
    );
  if (where.workbook)
    lines.push(
      zh
        ? `${run.period} 工资条 ${n} 份：工作表 ${run.sheets.join("、")}（汇总一页，每位员工一页）已写入 ${where.workbook}`
        : `${n} pay statements for ${run.period}: sheet ${run.sheets.join(", ")} (a summary page, then a page per employee) written to ${where.workbook}`,
    );
  if (where.html) lines.push(zh ? `HTML 工资条 ${where.count} 个文件已写入 ${where.html}` : `${where.count} HTML statements written to ${where.html}`);
  if (run.inputsChanged)
    lines.push(
      zh
        ? `注意：输入表在 ${run.period} 上次重算后已更改（与 RunLog 的 InputHash 不同）：工资条显示的是当时 Results 的金额；要打印当前金额，请先运行 kpi recalc`
        : `Note: the input tables changed after ${run.period} was last recalculated (RunLog's InputHash differs): the statements show the pay Results held then; run kpi recalc first to print the current pay`,
    );
  const errors = run.statements.filter((s) => s.status === "Error").length;
  if (errors > 0) {
    // The Issues table says why, when it was saved somewhere: a run not saved points to kpi check instead.
    const why = where.workbook || !run.recalculated ? (zh ? "见 Issues 表" : "see the Issues table") : zh ? "原因请用 kpi check 查看" : "kpi check lists why";
    lines.push(
      zh ? `注意：${errors} 名员工状态为 Error，其工资条没有金额（${why}）` : `Note: ${errors} employees are in Error: their statements show no pay (${why})`,
    );
  }
  for (const r of run.written.renamedSheets)
    lines.push(
      zh
        ? `注意：已有名为 ${r.table} 的工作表且不是本工具的，工资条写在工作表 ${r.sheet}`
        : `Note: a sheet named ${r.table} already exists and is not ours, so the statements went to sheet ${r.sheet}`,
    );
  return lines.join("\n") + "\n";
}

export async function statementsCommand(file: string, flags: Map<string, string | true>, ctx: CommandContext): Promise<number> {
  const period = flags.get("period");
  if (flags.has("period") && typeof period !== "string") throw ctx.usage("--period needs a value");
  const html = flags.get("html");
  if (flags.has("html") && typeof html !== "string") throw ctx.usage("--html needs a folder");
  // Said before anything is read or written, in words, not as the system's EEXIST.
  if (typeof html === "string" && ctx.fs.stat(html)?.isDirectory() === false)
    throw ctx.usage(`--html needs a folder: ${html} is a file; give the name of a folder (it is made when missing)`);
  const wantsBook = flags.has("out") || flags.has("in-place");
  if (!wantsBook && html === undefined)
    throw ctx.usage("say where the statements go: --out NEW.xlsx (or --in-place) for the Statements sheet, --html FOLDER for a page per employee, or both");
  const wb = ctx.load(file);
  const out = wantsBook ? ctx.target(file, wb) : undefined;
  const run = await writeStatements(wb, typeof period === "string" ? period : undefined, { version: VERSION });
  let count = 0;
  if (typeof html === "string") {
    makeFolderOf(ctx.fs, join(html, "statement.html"));
    for (const s of run.statements) {
      writeWhole(ctx.fs, join(html, statementFileName(s)), new TextEncoder().encode(statementHtml(s, run.lang)));
      count++;
    }
  }
  if (out !== undefined) {
    const data = await wb.toBuffer();
    if (flags.has("in-place")) replaceKeepingBackup(ctx.fs, file, data);
    else writeWhole(ctx.fs, out, data);
  }
  ctx.out(say(run, { workbook: out, html: typeof html === "string" ? html : undefined, count }));
  if (flags.has("in-place")) ctx.out(run.lang === "zh" ? `原文件已备份为 ${backupPath(file)}\n` : `The previous version is kept as ${backupPath(file)}\n`);
  return run.statements.some((s) => s.status === "Error") ? 1 : 0;
}
