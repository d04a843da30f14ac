/**
 * The Dashboard in an .xlsx: its chart parts are real DrawingML that LibreOffice draws (converted to
 * PDF, the page holds the charts' titles and their category labels), its figures are the sums over the
 * Results rows (computed here from Results as ExcelJS reads it), and re-running replaces only its own
 * content: HR's sheets, a sheet of theirs named Dashboard, and their own charts elsewhere stay.
 */
import ExcelJS from "exceljs";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runRecalculation } from "../../../src/app/recalculate";
import { templateWorkbook } from "../../../src/cli/template";
import { XlsxWorkbook } from "../../../src/workbook/xlsx/package";
import { openPackage, structureProblems, strictXmlProblems } from "../../support/producers/package";
import { findTools, run, sofficeConvert } from "../../support/producers/tools";

const tools = findTools();
const dir = mkdtempSync(join(tmpdir(), "kpi-dashboard-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function recalc(buf: Uint8Array, period = "2026-Q2"): Promise<Uint8Array> {
  const wb = XlsxWorkbook.fromBuffer(buf);
  await runRecalculation(wb, period, { now: new Date("2026-07-05T09:00:00Z") });
  return await wb.toBuffer();
}

async function excel(buf: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(buf) as unknown as ArrayBuffer);
  return wb;
}

/** A sheet's rows from `top` down to the first empty row, as arrays of values (column A first). */
function block(ws: ExcelJS.Worksheet, top: number): unknown[][] {
  const out: unknown[][] = [];
  for (let r = top; ws.getCell(r, 1).value !== null && ws.getCell(r, 1).value !== undefined; r++) out.push((ws.getRow(r).values as unknown[]).slice(1));
  return out;
}

let zh: Uint8Array;
beforeAll(async () => {
  zh = await recalc(await templateWorkbook("zh"));
});

describe("the Dashboard of the Chinese sample", () => {
  it("holds, per department, the employees by status, the total pay and the average score of Results' rows of the period", async () => {
    const wb = await excel(zh);
    const results = block(wb.getWorksheet("Results") as ExcelJS.Worksheet, 1);
    const h = results[0] as string[];
    const col = (name: string) => h.indexOf(name);
    const rows = results.slice(1).filter((r) => r[col("Period")] === "2026-Q2");
    expect(rows).toHaveLength(12);
    // Worked out here from Results alone: pay in cents (integers), the mean score rounded half up to cents.
    const want = new Map<string, { n: number; ok: number; warning: number; error: number; cents: number; scores: number[] }>();
    for (const r of rows) {
      const d = want.get(r[col("Department")] as string) ?? { n: 0, ok: 0, warning: 0, error: 0, cents: 0, scores: [] };
      d.n++;
      d[({ OK: "ok", Warning: "warning", Error: "error" } as const)[r[col("Status")] as "OK" | "Warning" | "Error"]]++;
      if (typeof r[col("TotalPay")] === "number") d.cents += Math.round((r[col("TotalPay")] as number) * 100);
      if (typeof r[col("Score")] === "number") d.scores.push(Math.round((r[col("Score")] as number) * 100));
      want.set(r[col("Department")] as string, d);
    }
    // sum / n rounded half up, in integers: floor((2·sum + n) / 2n).
    const halfUp = (sum: number, n: number) => Math.floor((2 * sum + n) / (2 * n));
    const expected = [...want].map(([name, d]) => [
      name,
      d.n,
      d.ok,
      d.warning,
      d.error,
      d.cents / 100,
      halfUp(
        d.scores.reduce((a, b) => a + b, 0),
        d.scores.length,
      ) / 100,
    ]);
    const dashboard = block(wb.getWorksheet("Dashboard") as ExcelJS.Worksheet, 4);
    expect(dashboard[0]).toEqual(["部门", "人数", "正常", "警告", "错误", "应发合计", "平均分"]);
    expect(dashboard.slice(1)).toEqual(expected);
    // Every employee is counted once, and the pay adds up to Results' total.
    expect(dashboard.slice(1).reduce((a, r) => a + (r[1] as number), 0)).toBe(12);
  });

  it("counts each plan's employees by grade, as Results grades them", async () => {
    const wb = await excel(zh);
    const results = block(wb.getWorksheet("Results") as ExcelJS.Worksheet, 1);
    const h = results[0] as string[];
    const ws = wb.getWorksheet("Dashboard") as ExcelJS.Worksheet;
    const plans = block(ws, 4 + block(ws, 4).length + 1);
    const headers = plans[0] as string[];
    for (const p of plans.slice(1)) {
      for (const grade of headers.slice(7)) {
        const n = results.slice(1).filter((r) => r[h.indexOf("Plan")] === p[0] && r[h.indexOf("Grade")] === grade).length;
        expect(p[headers.indexOf(grade)], `${p[0]} ${grade}`).toBe(n);
      }
    }
  });

  it("has chart parts that parse strictly and a sane package: a drawing, two charts, their relationships and content types", () => {
    const pkg = openPackage(zh);
    expect([...pkg.parts.keys()].filter((n) => /^xl\/(charts|drawings)\//.test(n)).sort()).toEqual([
      "xl/charts/chart1.xml",
      "xl/charts/chart2.xml",
      "xl/drawings/_rels/drawing1.xml.rels",
      "xl/drawings/drawing1.xml",
    ]);
    expect(strictXmlProblems(pkg)).toEqual([]);
    expect(structureProblems(pkg)).toEqual([]);
  });

  it("is drawn by LibreOffice: the Dashboard's page shows both charts' titles and the departments as the bar chart's categories", async () => {
    if (!tools.soffice) return void console.warn("skipped: soffice is not installed");
    const file = join(dir, "dashboard-zh.xlsx");
    writeFileSync(file, zh);
    const { converted, run: r } = await sofficeConvert(tools.soffice, join(dir, "profile"), [file], "pdf", dir);
    const pdf = converted.get(file);
    expect(pdf, r.stderr).toBeDefined();
    const pages = (await run("pdftotext", ["-layout", pdf as string, "-"])).stdout.split("\f");
    const page = pages.find((p) => p.includes("KPI 看板 · 2026-Q2"));
    expect(page, "no page with the Dashboard's title").toBeDefined();
    expect(page).toContain("各考核方案等级分布 · 2026-Q2");
    expect(page).toContain("各部门应发合计 · 2026-Q2");
    // Each department is named in the table and again on the bar chart's axis; each plan likewise on the column chart's.
    for (const d of ["售前支持部", "客户执行部", "渠道销售部"]) expect((page as string).split(d).length - 1, d).toBeGreaterThanOrEqual(2);
  }, 120_000);
});

describe("re-running", () => {
  it("replaces the Dashboard's own content, keeps HR's own chart on their own sheet, and leaves no stray part", async () => {
    if (!tools.openpyxl) return void console.warn("skipped: no python with openpyxl");
    const first = join(dir, "first.xlsx");
    const edited = join(dir, "edited.xlsx");
    writeFileSync(first, zh);
    // HR adds a sheet of their own with a chart of their own (openpyxl writes it; it keeps our tables and charts).
    const script = [
      "import sys, openpyxl",
      "from openpyxl.chart import BarChart, Reference",
      "wb = openpyxl.load_workbook(sys.argv[1])",
      "ws = wb.create_sheet('我的图表')",
      "for r in [['季度', '奖金'], ['Q1', 10], ['Q2', 20]]: ws.append(r)",
      "c = BarChart(); c.title = 'HR chart'; c.add_data(Reference(ws, min_col=2, min_row=1, max_row=3), titles_from_data=True); ws.add_chart(c, 'D2')",
      "wb.save(sys.argv[2])",
    ].join("\n");
    const r = await run(tools.openpyxl, ["-c", script, first, edited]);
    expect(r.code, r.stderr).toBe(0);
    const before = openPackage(readFileSync(edited));
    const hrChart = [...before.parts.keys()].find(
      (n) => n.startsWith("xl/charts/") && Buffer.from(before.parts.get(n)!).toString("utf8").includes("HR chart"),
    )!;
    expect(hrChart).toBeDefined();
    const out = join(dir, "again.xlsx");
    writeFileSync(out, await recalc(readFileSync(edited), "2026-Q1"));
    const again = openPackage(readFileSync(out));
    expect(Buffer.from(again.parts.get(hrChart)!).equals(Buffer.from(before.parts.get(hrChart)!))).toBe(true);
    const charts = [...again.parts.keys()].filter((n) => /^xl\/charts\/chart\d+\.xml$/.test(n));
    // HR's chart and the Dashboard's two, now for 2026-Q1; the Dashboard's old charts are gone with their content types.
    expect(charts).toHaveLength(3);
    const titles = charts.map((n) => Buffer.from(again.parts.get(n)!).toString("utf8"));
    expect(titles.filter((t) => t.includes("2026-Q1"))).toHaveLength(2);
    expect(titles.some((t) => t.includes("2026-Q2"))).toBe(false);
    expect(structureProblems(again)).toEqual([]);
    // Read back by openpyxl (ExcelJS cannot load a drawing openpyxl wrote).
    const check = await run(tools.openpyxl, [
      "-c",
      "import sys, openpyxl\nwb = openpyxl.load_workbook(sys.argv[1])\nprint(wb.sheetnames[-2:], wb['Dashboard']['A1'].value, len(wb['Dashboard']._charts), len(wb['我的图表']._charts))",
      out,
    ]);
    expect(check.stdout.trim()).toBe("['Dashboard', '我的图表'] KPI 看板 · 2026-Q1 2 1");
  }, 60_000);

  it("never touches a sheet of HR's named Dashboard: the Dashboard goes to Dashboard (2)", async () => {
    const wb = await excel(await templateWorkbook("en"));
    const theirs = wb.addWorksheet("Dashboard");
    theirs.getCell("A1").value = "HR's own dashboard";
    theirs.getCell("B2").value = 42;
    const out = await excel(await recalc(new Uint8Array(await wb.xlsx.writeBuffer())));
    const kept = out.getWorksheet("Dashboard") as ExcelJS.Worksheet;
    expect([kept.getCell("A1").value, kept.getCell("B2").value, kept.getCell("A4").value]).toEqual(["HR's own dashboard", 42, null]);
    expect((out.getWorksheet("Dashboard (2)") as ExcelJS.Worksheet).getCell("A1").value).toBe("KPI dashboard · 2026-Q2");
    // A second run finds its Dashboard by the table it holds, and rewrites it there.
    const again = await excel(await recalc(new Uint8Array(await out.xlsx.writeBuffer()), "2026-Q1"));
    expect(again.worksheets.map((w) => w.name).filter((n) => n.startsWith("Dashboard"))).toEqual(["Dashboard", "Dashboard (2)"]);
    expect((again.getWorksheet("Dashboard (2)") as ExcelJS.Worksheet).getCell("A1").value).toBe("KPI dashboard · 2026-Q1");
  });
});
