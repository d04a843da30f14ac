/**
 * kpi statements: the printable Statements sheet read back independently (ExcelJS for its cells,
 * openpyxl for its manual page breaks, LibreOffice for the pages it prints), the HTML pages compared
 * with the Breakdown and Results rows of the same workbook, and the command's choices: recalculating
 * first only when the period has no Results rows, --html alone, and where to write.
 */
import ExcelJS from "exceljs";
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { main } from "../../src/cli/main";
import { XlsxWorkbook } from "../../src/workbook/xlsx/package";
import { readTable, writeTable } from "../support/tables";
import { findTools, run, sofficeConvert } from "../support/producers/tools";

const dir = mkdtempSync(join(tmpdir(), "kpi-statements-"));
const tools = findTools();
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function kpi(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const code = await main(argv, { out: (s) => (out += s), err: (s) => (err += s), tty: false });
  return { code, out, err };
}

async function sheetRows(file: string, sheet: string): Promise<unknown[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.getWorksheet(sheet) as ExcelJS.Worksheet;
  const rows: unknown[][] = [];
  ws.eachRow({ includeEmpty: true }, (row, n) => (rows[n - 1] = (row.values as unknown[]).slice(1)));
  return rows;
}

const book = join(dir, "book.xlsx");
const recalculated = join(dir, "recalculated.xlsx");
const out = join(dir, "statements.xlsx");
const html = join(dir, "html");
let said: Awaited<ReturnType<typeof kpi>>;

beforeAll(async () => {
  expect((await kpi("init", book)).code).toBe(0);
  expect((await kpi("recalc", book, "--period", "2026-Q2", "--out", recalculated)).code).toBe(0);
  said = await kpi("statements", recalculated, "--period", "2026-Q2", "--out", out, "--html", html);
}, 60_000);

describe("kpi statements on a recalculated workbook", () => {
  it("writes twelve statements from Results, without recalculating, and says where", () => {
    expect(said.code, said.err).toBe(0);
    expect(said.out).toBe(`2026-Q2 工资条 12 份：工作表 Statements（汇总一页，每位员工一页）已写入 ${out}\nHTML 工资条 12 个文件已写入 ${html}\n`);
  });

  it("prints each employee's block with their Breakdown lines and the TotalPay Results holds", async () => {
    const rows = await sheetRows(out, "Statements");
    const results = await sheetRows(recalculated, "Results");
    const breakdown = await sheetRows(recalculated, "Breakdown");
    const [rh, bh] = [results[0] as string[], breakdown[0] as string[]];
    for (const r of results.slice(1)) {
      const [id, name, total] = [r[rh.indexOf("EmployeeId")], r[rh.indexOf("Name")], r[rh.indexOf("TotalPay")]];
      const top = rows.findIndex((x) => x?.[0] === `工资条 · ${name} · 2026-Q2`);
      expect(top, String(name)).toBeGreaterThan(0);
      expect(rows[top + 1].slice(0, 4)).toEqual(["员工编号", id, "姓名", name]);
      const lines = breakdown.slice(1).filter((b) => b[bh.indexOf("EmployeeId")] === id && b[bh.indexOf("Period")] === "2026-Q2");
      const header = rows.findIndex((x, i) => i > top && x?.[0] === "指标");
      expect(rows.slice(header + 1, header + 1 + lines.length).map((x) => [x[0], x[3], x[4]])).toEqual(
        lines.map((b) => [b[bh.indexOf("Indicator")], b[bh.indexOf("Points")], b[bh.indexOf("Explanation")]]),
      );
      const totalRow = rows.find((x, i) => i > top && x?.[0] === "应发合计");
      expect(totalRow?.[1] ?? null, String(name)).toBe(total ?? null);
    }
  });

  it("breaks the page before each employee (openpyxl reads the sheet's manual row breaks)", async () => {
    if (!tools.openpyxl) return void console.warn("skipped: no python with openpyxl");
    const rows = await sheetRows(out, "Statements");
    const starts = rows.map((x, i) => (typeof x?.[0] === "string" && /^工资条 · .+ · 2026-Q2$/.test(x[0] as string) ? i + 1 : 0)).filter((n) => n > 0);
    const r = await run(tools.openpyxl, [
      "-c",
      "import sys, openpyxl\nws = openpyxl.load_workbook(sys.argv[1])['Statements']\nprint([b.id for b in ws.row_breaks.brk])",
      out,
    ]);
    // A break's id is the last row of the page before it: each block's title row − 1.
    expect(JSON.parse(r.stdout.trim())).toEqual(starts.map((n) => n - 1));
    expect(starts).toHaveLength(12);
  });

  it("prints one page per employee, after the summary page (LibreOffice's PDF)", async () => {
    if (!tools.soffice) return void console.warn("skipped: soffice is not installed");
    const { converted } = await sofficeConvert(tools.soffice, join(dir, "profile"), [out], "pdf", dir);
    const pages = (await run("pdftotext", ["-layout", converted.get(out) as string, "-"])).stdout.split("\f");
    const statementPages = pages.filter((p) => /工资条 · \S+ · 2026-Q2/.test(p));
    expect(statementPages).toHaveLength(12);
    // Each page holds one employee's statement, whole: their title and their total.
    for (const p of statementPages) expect([(p.match(/工资条 · \S+ · 2026-Q2/g) ?? []).length, p.includes("应发合计")]).toEqual([1, true]);
  }, 120_000);

  it("writes one HTML page per employee, with the same lines", async () => {
    const files = readdirSync(html).sort();
    expect(files).toHaveLength(12);
    const p001 = readFileSync(
      join(
        html,
        files.find((f) => f.includes("_P001_"))!,
      ),
      "utf8",
    );
    // SPEC §5: P001's quarterly bonus 10963.86 and big-deal bonus 2250.00, total 13213.86.
    expect(p001).toContain('<td>季度奖金</td><td class="n">10,963.86</td>');
    expect(p001).toContain('<td>项目奖</td><td class="n">2,250.00</td>');
    expect(p001).toContain('<tr class="total"><td>应发合计</td><td class="n">13,213.86</td></tr>');
    expect(p001).toContain("<h1>工资条 · 张伟 · 2026-Q2</h1>");
  });
});

describe("kpi statements, choices", () => {
  it("says the statements show the pay of the last run when the inputs changed after it", async () => {
    // P001's MonthlyBase raised after 2026-Q2 was recalculated: Results still holds the old pay.
    const wb = XlsxWorkbook.fromBuffer(readFileSync(recalculated));
    const employees = await readTable(wb, "Employees");
    const base = employees.headers.findIndex((h) => h === "月基本工资");
    await writeTable(
      wb,
      "Employees",
      employees.headers,
      employees.rows.map((r, i) => (i === 0 ? r.map((v, j) => (j === base ? 13000 : v)) : r)),
    );
    const changed = join(dir, "changed.xlsx");
    writeFileSync(changed, await wb.toBuffer());
    const r = await kpi("statements", changed, "--period", "2026-Q2", "--html", join(dir, "changed-html"));
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain("注意：输入表在 2026-Q2 上次重算后已更改（与 RunLog 的 InputHash 不同）");
  });

  it("recalculates first a period without Results rows, and says so", async () => {
    const r = await kpi("statements", book, "--period", "2026-Q1", "--out", join(dir, "q1.xlsx"));
    expect(r.code, r.err).toBe(0);
    expect(r.out.split("\n")[0]).toBe("Results 中没有 2026-Q1 的行：已先重算该周期");
    expect((await sheetRows(join(dir, "q1.xlsx"), "Results")).length).toBe(12);
  });

  it("writes only the HTML pages with --html alone, and says a recalculation was not saved", async () => {
    const only = join(dir, "only");
    const r = await kpi("statements", book, "--period", "2026-Q2", "--html", only);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain("（重算结果未保存：要保存请加 --out）");
    expect(readdirSync(only)).toHaveLength(12);
  });

  it("points to kpi check for why employees are in Error when the recalculation it made was not saved", async () => {
    // 2030-Q1 has no rows at all: recalculated first, everyone Error, and no Issues table is written anywhere.
    const r = await kpi("statements", book, "--period", "2030-Q1", "--html", join(dir, "none"));
    expect(r.out).toContain("（重算结果未保存：要保存请加 --out）");
    expect(r.out).toMatch(/名员工状态为 Error，其工资条没有金额（原因请用 kpi check 查看）/);
    expect(r.out).not.toContain("见 Issues 表");
  });

  it("says that --html needs a folder when given a file, in words, before anything is written", async () => {
    const r = await kpi("statements", book, "--period", "2026-Q2", "--html", book);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^kpi: --html needs a folder: .*book\.xlsx is a file; give the name of a folder/);
    expect(r.err).not.toContain("EEXIST");
    expect(existsSync(join(dir, "book.bak.xlsx"))).toBe(false);
  });

  it("asks where to write when given neither --out, --in-place nor --html", async () => {
    const r = await kpi("statements", book, "--period", "2026-Q2");
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^kpi: say where the statements go: --out NEW\.xlsx/);
    expect(existsSync(join(dir, "book.bak.xlsx"))).toBe(false);
  });
});
