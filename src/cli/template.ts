/** Writes the sample workbook of `kpi init` with ExcelJS: one sheet and one Excel table per input table. */
import type ExcelJSModule from "exceljs";
import { Lang } from "../engine/errors";
import { INPUT_TABLES } from "../engine/contract";
import { sampleTables } from "../app/sample";

const README: Record<Lang, string[]> = {
  zh: [
    "KPI 绩效奖金：示例工作簿",
    "每张表都是 Excel 表格（按表名识别，如 Employees、Plans）。表头可用中文或英文。",
    "重算：在 Excel 中点击“开始 > 重算最近季度”（重算有实际值的最近一个季度），或在绩效面板中选择考核周期；也可用命令 kpi recalc 本文件 --period 2026-Q2 --out 结果.xlsx。",
    "结果写入 Results、Breakdown、Issues、RunLog 四张表；输入表不会被改写。",
    "比例请输入百分数（40%）或小数（0.4）；空白不等于 0。",
  ],
  en: [
    "KPI Bonus: sample workbook",
    "Each table is an Excel table found by its name (Employees, Plans, ...). Headers may be English or Chinese.",
    "Recalculate: in Excel, Home > Recalculate latest quarter (the latest quarter with actuals), or choose the period in the KPI pane; or run kpi recalc THIS_FILE --period 2026-Q2 --out results.xlsx.",
    "Results go to the Results, Breakdown, Issues and RunLog tables; input tables are never written.",
    "Enter rates as percents (40%) or fractions (0.4); a blank is not 0.",
  ],
};

export async function templateWorkbook(lang: Lang): Promise<Buffer> {
  // ExcelJS is loaded only here: `kpi recalc` and `kpi check` never pay for it at start-up.
  const ExcelJS: typeof ExcelJSModule = (await import("exceljs")).default;
  const wb = new ExcelJS.Workbook();
  wb.creator = "KPI Bonus for Excel";
  const about = wb.addWorksheet(lang === "zh" ? "说明" : "ReadMe");
  README[lang].forEach((line, i) => (about.getCell(i + 1, 1).value = line));
  about.getColumn(1).width = 100;
  about.getCell(1, 1).font = { bold: true, size: 14 };
  for (const table of sampleTables(lang)) {
    const spec = INPUT_TABLES.find((s) => s.name === table.name);
    const ws = wb.addWorksheet(table.sheet, { views: [{ state: "frozen", ySplit: 1 }] });
    const rows = table.rows.length > 0 ? table.rows : [table.headers.map(() => null)];
    ws.addTable({
      name: table.name,
      ref: "A1",
      headerRow: true,
      style: { theme: "TableStyleMedium2", showRowStripes: true },
      columns: table.headers.map((name) => ({ name, filterButton: true })),
      rows: rows.map((r) => r.map((v) => (v === undefined ? null : v))) as ExcelJSModule.CellValue[][],
    });
    spec?.columns.forEach((c, i) => {
      const col = ws.getColumn(i + 1);
      col.width = Math.max(12, table.headers[i].length * (lang === "zh" ? 2.2 : 1.2) + 4);
      const fmt = table.formats[c.key];
      if (fmt) for (let r = 2; r <= rows.length + 1; r++) ws.getCell(r, i + 1).numFmt = fmt;
    });
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
