/**
 * The kpi command as users run it: each command, its options, exit codes and messages. One file: the
 * cases share one temporary folder, the command runner and the readers of what a command wrote.
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { execFileSync, spawnSync } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { main, progress } from "../../src/cli/main";
import { XlsxWorkbook } from "../../src/workbook/xlsx/package";
import { readTable, writeTable } from "../support/tables";

const dir = mkdtempSync(join(tmpdir(), "kpi-cli-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function kpi(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const code = await main(argv, { out: (s) => (out += s), err: (s) => (err += s), tty: false });
  return { code, out, err };
}

async function records(file: string, table: string): Promise<Array<Record<string, unknown>>> {
  const t = await readTable(XlsxWorkbook.fromBuffer(readFileSync(file)), table);
  return t.rows.map((r) => Object.fromEntries(t.headers.map((h, i) => [h, r[i]])));
}

describe("kpi init", () => {
  const file = join(dir, "sample.xlsx");
  beforeAll(async () => {
    expect((await kpi("init", file)).code).toBe(0);
  });

  it("writes every input table of the contract with Chinese headers", async () => {
    const tables = await XlsxWorkbook.fromBuffer(readFileSync(file)).listTables();
    expect(tables.map((t) => t.name).sort()).toEqual(
      [
        "Actuals",
        "Adjustments",
        "CommissionTiers",
        "Deals",
        "Employees",
        "Grades",
        "IncentiveRules",
        "Incentives",
        "Indicators",
        "Plans",
        "RaterWeights",
        "Ratings",
        "Sales",
        "Targets",
        "Tasks",
      ].sort(),
    );
    expect(tables.find((t) => t.name === "Employees")?.headers).toEqual(["员工编号", "姓名", "考核方案", "部门", "月基本工资", "入职日期", "离职日期"]);
  });

  it("fills a dozen sample employees on the seed schemes", async () => {
    const employees = await records(file, "Employees");
    expect(employees).toHaveLength(12);
    expect(new Set(employees.map((e) => e["考核方案"]))).toEqual(new Set(["售前顾问", "售前顾问-项目制", "售前任务制", "客户执行AE", "客户经理"]));
  });

  it("splits the presales target 1160 as 174/290/348/348", async () => {
    const targets = (await records(file, "Targets")).filter((t) => t["对象"] === "售前支持部");
    expect(targets.map((t) => t["目标"])).toEqual([174, 290, 348, 348]);
  });

  it("writes English headers with --lang en", async () => {
    const en = join(dir, "sample-en.xlsx");
    expect((await kpi("init", en, "--lang", "en")).code).toBe(0);
    const t = await readTable(XlsxWorkbook.fromBuffer(readFileSync(en)), "Employees");
    expect(t.headers[0]).toBe("EmployeeId");
  });

  it("refuses to overwrite a file without --force", async () => {
    const r = await kpi("init", file);
    expect(r.code).toBe(2);
    expect(r.err).toContain("--force");
  });

  it("refuses a name that is not a workbook's, writing nothing", async () => {
    const csv = join(dir, "sample.csv");
    const r = await kpi("init", csv);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`give ${csv} the .xlsx extension`);
    expect(existsSync(csv)).toBe(false);
  });
});

describe("kpi recalc", () => {
  it("recalculates the sample quarter, prints a summary and exits 0", async () => {
    const file = join(dir, "q2.xlsx");
    await kpi("init", file);
    const r = await kpi("recalc", file, "--period", "2026-Q2", "--in-place");
    expect(r.code).toBe(0);
    expect(r.out).toContain("员工 12 人");
    expect(r.out).toContain("售前支持部");
    const p001 = (await records(file, "Results")).find((x) => x.EmployeeId === "P001");
    // seed 004: 36000 × 40% × 72/87 × 0.92 = 10963.86; deal 250000 with 150000 received: 2250
    expect(p001).toMatchObject({ Score: 92, QuarterlyBonus: 10963.86, DealBonus: 2250, TotalPay: 13213.86 });
  });

  it("writes to --out and leaves the input file as it was", async () => {
    const file = join(dir, "in.xlsx");
    const out = join(dir, "out.xlsx");
    await kpi("init", file);
    const before = readFileSync(file);
    expect((await kpi("recalc", file, "--period", "2026-Q2", "--out", out)).code).toBe(0);
    expect(readFileSync(file).equals(before)).toBe(true);
    expect((await XlsxWorkbook.fromBuffer(readFileSync(out)).listTables()).some((t) => t.name === "Results")).toBe(true);
  });

  it("exits 1 when some employee is Error, and still writes the results", async () => {
    const file = join(dir, "bad.xlsx");
    await kpi("init", file);
    const wb = XlsxWorkbook.fromBuffer(readFileSync(file));
    // Drop the Targets table's department row by recalculating a quarter without targets: Q3.
    expect(wb).toBeDefined();
    const r = await kpi("recalc", file, "--period", "2026-Q3", "--in-place");
    expect(r.code).toBe(1);
    expect((await records(file, "Results")).some((x) => x.Period === "2026-Q3" && x.Status === "Error")).toBe(true);
  });

  it("says when no one has rows of the period, naming the quarters there are, and shows no 0.00 totals", async () => {
    const file = join(dir, "empty-period.xlsx");
    await kpi("init", file, "--lang", "en");
    const r = await kpi("recalc", file, "--period", "2025-Q2", "--out", join(dir, "empty-period-out.xlsx"));
    // Every employee is Error (SPEC §4); the sample has Actuals, Ratings and Tasks rows of 2026-Q1 and 2026-Q2 only.
    expect(r.code).toBe(1);
    expect(r.out).toContain(
      "Note: no Actuals, Ratings or Tasks row is of 2025-Q2, so every employee is Error. Is the period right? The workbook has rows of 2026-Q2, 2026-Q1.",
    );
    expect(r.out).not.toContain("0.00");
    expect(r.out).toMatch(/Presales Support +\d+ +—/);
  });

  it("refuses an output named as something other than a workbook, writing nothing", async () => {
    const file = join(dir, "to-csv.xlsx");
    await kpi("init", file);
    const out = join(dir, "results.csv");
    const r = await kpi("recalc", file, "--period", "2026-Q2", "--out", out);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`--out ${out}: the output is a workbook; give it the .xlsx extension`);
    expect(existsSync(out)).toBe(false);
  });

  it("exits 2 without writing when the file is missing or not a workbook", async () => {
    expect((await kpi("recalc", join(dir, "nope.xlsx"), "--period", "2026-Q2", "--out", join(dir, "nope-out.xlsx"))).code).toBe(2);
    const text = join(dir, "text.xlsx");
    writeFileSync(text, "not a workbook");
    const r = await kpi("recalc", text, "--period", "2026-Q2", "--out", join(dir, "text-out.xlsx"));
    expect(r.code).toBe(2);
    expect(r.err).toContain("this is not an .xlsx workbook");
    expect(readFileSync(text, "utf8")).toBe("not a workbook");
  });

  it("exits 2 for a missing or bad period", async () => {
    const file = join(dir, "p.xlsx");
    await kpi("init", file);
    const before = readFileSync(file);
    expect((await kpi("recalc", file, "--in-place")).code).toBe(2);
    const r = await kpi("recalc", file, "--period", "2026-13", "--in-place");
    expect(r.code).toBe(2);
    expect(r.err).toContain("not a quarter or a year");
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it("prints the Results table with --print", async () => {
    const file = join(dir, "print.xlsx");
    await kpi("init", file);
    const r = await kpi("recalc", file, "--period", "2026-Q2", "--in-place", "--print");
    expect(r.out).toMatch(/P001\s+张伟/);
    // As the workbook shows them: P001's completion 72/87 = 82.76%, score 92.00, TotalPay 10,963.86 + 2,250.00 = 13,213.86.
    expect(r.out).toMatch(/P001 .* 92\.00 .* 82\.76% .* 13,213\.86 +OK/);
    // Below the table, each flagged employee's flags: the sample's P003 and A003 are Warning.
    expect(r.out).toMatch(/^P003 Warning：.+/m);
    expect(r.out).toMatch(/^A003 Warning：.+/m);
    expect(r.out).not.toMatch(/^P001 OK/m);
  });
});

describe("kpi check", () => {
  it("lists no errors for the sample and exits 0", async () => {
    const file = join(dir, "check.xlsx");
    await kpi("init", file);
    const before = readFileSync(file);
    const r = await kpi("check", file);
    expect(r.code).toBe(0);
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it("says which periods it checked", async () => {
    const file = join(dir, "check-periods.xlsx");
    await kpi("init", file, "--lang", "en");
    // The sample has Actuals, Ratings and Tasks rows of 2026-Q1 and 2026-Q2.
    expect((await kpi("check", file)).out).toMatch(/^Checked 2026-Q1, 2026-Q2 \(every quarter with Actuals, Ratings or Tasks rows\)\n/);
    expect((await kpi("check", file, "--period", "2026")).out).toMatch(/^Checked 2026-Q1, 2026-Q2, 2026\n/);
  });

  it("lists the Q2 warnings of the sample with --period", async () => {
    const file = join(dir, "check2.xlsx");
    await kpi("init", file);
    const r = await kpi("check", file, "--period", "2026-Q2");
    expect(r.out).toContain("按 56/91 天折算"); // P003 joined 6 May: 6 May–30 Jun = 56 of 91 days
    expect(r.out).toContain("缺少 客户 评分");
  });
});

describe("the kpi command", () => {
  it("runs through bin/kpi.js and prints usage", () => {
    const r = spawnSync(process.execPath, [join(__dirname, "../../bin/kpi.js"), "help"], { encoding: "utf8" });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("kpi recalc FILE --period");
  });

  it("exits 1 through the binary when employees are in error", () => {
    const file = join(dir, "bin.xlsx");
    execFileSync(process.execPath, [join(__dirname, "../../bin/kpi.js"), "init", file]);
    expect(existsSync(file)).toBe(true);
    const r = spawnSync(process.execPath, [join(__dirname, "../../bin/kpi.js"), "recalc", file, "--period", "2026-Q4", "--in-place"], { encoding: "utf8" });
    expect(r.status).toBe(1);
  });
});

describe("kpi recalc on large files", () => {
  it("draws a progress bar on stderr as it reads, calculates and writes", async () => {
    const file = join(dir, "progress.xlsx");
    await kpi("init", file);
    const r = await kpi("recalc", file, "--period", "2026-Q2", "--in-place", "--progress");
    expect(r.err).toMatch(/\[-{24}\] reading 0\/1/);
    expect(r.err).toMatch(/\[#{24}\] writing 1\/1/);
  });

  it("writes a log line only when the bar grows, not one per step", () => {
    let err = "";
    const report = progress({ out: () => {}, err: (s) => (err += s), tty: false }, true);
    for (let done = 0; done <= 1000; done++) report("calculating", done, 1000);
    const lines = err.split("\n").filter((l) => l !== "");
    // 1,001 steps over a 24-character bar: a line for each fill level from 0 to 24 #, so 25 lines, the last full.
    expect(lines).toHaveLength(25);
    expect(lines[24]).toBe(`[${"#".repeat(24)}] employees 1000/1000`);
  });
});

describe("kpi check finds", () => {
  /** A copy of the sample with one table's rows changed, written through the adapter itself. */
  async function variant(name: string, edit: (rows: unknown[][], headers: string[]) => unknown[][]): Promise<string> {
    const file = join(dir, `variant-${name}-${Math.random().toString(36).slice(2)}.xlsx`);
    await kpi("init", file);
    const wb = XlsxWorkbook.fromBuffer(readFileSync(file));
    const t = await readTable(wb, name);
    await writeTable(wb, name, t.headers, edit(t.rows, t.headers) as never);
    writeFileSync(file, await wb.toBuffer());
    return file;
  }

  it("weights that do not sum to the full score", async () => {
    const file = await variant("Indicators", (rows) => rows.map((r, i) => (i === 0 ? [r[0], r[1], 5, ...r.slice(3)] : r)));
    const r = await kpi("check", file);
    expect(r.code).toBe(1);
    expect(r.out).toContain("权重合计为 95");
  });

  it("duplicate employee ids", async () => {
    const file = await variant("Employees", (rows) => [...rows, rows[0]]);
    const r = await kpi("check", file);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/员工编号 "P001" 出现在 2 行/);
  });

  it("an unknown plan, an unknown rater and an unknown item", async () => {
    let file = await variant("Employees", (rows) => rows.map((r, i) => (i === 0 ? [r[0], r[1], "不存在的方案", ...r.slice(3)] : r)));
    expect((await kpi("check", file)).out).toContain('考核方案 "不存在的方案" 不在考核方案表中');
    file = await variant("Ratings", (rows) => rows.map((r, i) => (i === 0 ? [r[0], r[1], r[2], "老板", r[4]] : r)));
    expect((await kpi("check", file)).out).toContain('"老板" 不是');
    file = await variant("Incentives", (rows) => rows.map((r, i) => (i === 0 ? [r[0], r[1], "地推", ...r.slice(3)] : r)));
    const item = await kpi("check", file);
    expect(item.code).toBe(1); // recalc cannot pay an item without a rule: Error, as in recalc
    expect(item.out).toContain('项目 "地推" 在激励规则表中没有方案 "客户经理" 的规则');
    file = await variant("Actuals", (rows) => rows.map((r, i) => (i === 0 ? [r[0], r[1], "市场活动", r[3]] : r)));
    expect((await kpi("check", file)).out).toContain('指标 "市场活动" 不属于方案 "售前顾问"：该行被忽略');
  });

  it("grade bands with two rows at one minimum, and a scale that does not start at 0", async () => {
    const file = await variant("Grades", (rows) => [...rows.slice(0, 3), [rows[0][0], 90, "卓越", 1.5]]);
    const r = await kpi("check", file);
    expect(r.out).toContain("最低分都是 90");
    expect(r.out).toContain("最低分从 60 开始");
  });
});

describe("kpi check and kpi recalc", () => {
  it("report a bad cell with the same severity, cell and message", async () => {
    const file = join(dir, "same.xlsx");
    await kpi("init", file);
    const wb = XlsxWorkbook.fromBuffer(readFileSync(file));
    const t = await readTable(wb, "Sales");
    await writeTable(
      wb,
      "Sales",
      t.headers,
      t.rows.map((r, i) => (i === 4 ? [r[0], r[1], "二十万", ...r.slice(3)] : r)),
    );
    writeFileSync(file, await wb.toBuffer());
    const checked = (await kpi("check", file)).out.split("\n").filter((l) => l.includes("二十万"));
    expect(checked).toHaveLength(1);
    expect((await kpi("recalc", file, "--period", "2026-Q2", "--in-place")).code).toBe(1);
    const issues = await records(file, "Issues");
    const recalced = issues.filter((i) => String(i.Message).includes("二十万"));
    expect(recalced).toHaveLength(1);
    expect(recalced[0]).toMatchObject({ Severity: "Error", Table: "Sales", Cell: "C6" });
    expect(checked[0]).toContain(String(recalced[0].Message));
  });
});
