/**
 * What a run tells HR, in one place for the ribbon's outcome dialog and the pane: employees by status,
 * total pay, and where to look; or, when nothing could be written, what happened and what to do.
 */
import { Lang } from "../engine/errors";
import { UnusableWorkbook } from "../engine/recalc";
import { CellEditMode, ExcelRefused, GrowthBlocked, OutputIncomplete, TotalRowOn, WorkbookChanged, WriteUndone } from "../workbook/office/officeWorkbook";
import { RunSummary } from "./recalculate";

export interface Outcome {
  ok: boolean;
  title: string;
  lines: string[];
  /** The table to look at first: Issues when some employee is Error, else Results. */
  look: "Results" | "Issues" | null;
}

export function money(x: { toFixed(dp: number): string }): string {
  return x.toFixed(2).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

export function outcomeOf(s: RunSummary, lang: Lang): Outcome {
  const look = s.employeesInError > 0 ? "Issues" : "Results";
  // A sheet of the user's own already had the table's name: theirs is left alone, and HR must know where the table went.
  const moved = s.written.renamedSheets.map((r) =>
    lang === "zh"
      ? `已有名为 ${r.table} 的工作表且不是本工具的，${r.table} 表写在工作表“${r.sheet}”`
      : `A sheet named ${r.table} was already there and is not ours: the ${r.table} table is on sheet "${r.sheet}"`,
  );
  if (lang === "zh") {
    return {
      ok: true,
      title: `${s.period} 已重算`,
      lines: [
        `员工 ${s.employees} 人：正常 ${s.ok}，警告 ${s.employeesWithWarning}，错误 ${s.employeesInError}`,
        `应发合计（TotalPay）：${money(s.totalPay)}`,
        s.employeesInError > 0
          ? `有 ${s.employeesInError} 人为错误、未计发：请看 Issues 表，逐条修正后再重算`
          : s.warnings > 0
            ? `结果见 Results 表；有 ${s.warnings} 条警告见 Issues 表`
            : "结果见 Results 表，逐项说明见 Breakdown 表",
        ...moved,
      ],
      look,
    };
  }
  return {
    ok: true,
    title: `${s.period} recalculated`,
    lines: [
      `${s.employees} employees: ${s.ok} OK, ${s.employeesWithWarning} Warning, ${s.employeesInError} Error`,
      `Total pay: ${money(s.totalPay)}`,
      s.employeesInError > 0
        ? `${s.employeesInError === 1 ? "1 employee in Error is" : `${s.employeesInError} employees in Error are`} not paid: see the Issues table, fix each, and run again`
        : s.warnings > 0
          ? `See the Results table; ${s.warnings === 1 ? "1 warning is" : `${s.warnings} warnings are`} in the Issues table`
          : "See the Results table, and Breakdown for why each point",
      ...moved,
    ],
    look,
  };
}

/** A run that wrote nothing, or could not finish, said for HR. */
export function failureOf(e: unknown, lang: Lang): Outcome {
  const zh = lang === "zh";
  const say = (en: string, cn: string): Outcome => ({ ok: false, title: zh ? "未能重算" : "Not recalculated", lines: [zh ? cn : en], look: null });
  if (e instanceof UnusableWorkbook) return say(e.text.en, e.text.zh);
  if (e instanceof CellEditMode)
    return say(
      "Excel is editing a cell: press Enter or Esc to finish it, then recalculate again. Nothing was changed.",
      "Excel 正在编辑单元格：请按 Enter 或 Esc 结束编辑，再重算一次。工作簿未被改动。",
    );
  if (e instanceof GrowthBlocked)
    return say(
      `${e.message}. Nothing was changed.`,
      `${e.table} 表需要在工作表 ${e.sheet} 上扩展，但 ${e.cell} 不是空的：请移走其中内容后再重算。工作簿未被改动。`,
    );
  if (e instanceof TotalRowOn)
    return say(
      `${e.message}. Nothing was changed.`,
      `工作表 ${e.sheet} 上的 ${e.table} 表开启了汇总行：请先关闭（表设计 › 汇总行），重算后再开启。工作簿未被改动。`,
    );
  if (e instanceof WorkbookChanged)
    return say(`${e.message}. Nothing was changed.`, "计算期间工作簿被改动（表格被移动、改名或改变大小）：请再重算一次。工作簿未被改动。");
  if (e instanceof OutputIncomplete)
    return { ...say(e.message, `${e.tables.join("、")} 可能不完整：请再重算一次以修复（没有本次 RunLog 行的运行未完成）。`), look: "Results" };
  if (e instanceof WriteUndone || e instanceof ExcelRefused)
    return say(`${e.message}.`, `Excel 拒绝了本次操作（${e.code}）：已恢复原样，工作簿未被改动；请再试一次。`);
  return say(
    `An unexpected error stopped the run: ${e instanceof Error ? e.message : String(e)}`,
    `意外错误中止了本次重算：${e instanceof Error ? e.message : String(e)}`,
  );
}

/** The outcome as a URL query, for the dialog page. */
export function outcomeQuery(o: Outcome, lang: Lang): string {
  return new URLSearchParams({ lang, ok: o.ok ? "1" : "0", title: o.title, lines: o.lines.join("\n") }).toString();
}
