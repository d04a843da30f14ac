/**
 * The built add-in in Chromium, with the Excel double standing in for Excel (see harness.ts): HR picks
 * 2026-Q2, recalculates, reads the summary, clicks an issue and lands on its cell, and opens a statement;
 * in English and in Chinese; and in a plain browser, where the pane must fall back to the preview within
 * a few seconds without an error in the console.
 *
 * Expected figures: the sample workbook of `kpi init` (src/app/sample.ts). P001 is SPEC §5's presales
 * example: quarterly bonus 36000 × 0.4 × 72/87 × 0.92 = 10963.86, big deal 250000 with 150000 received
 * 2250, TotalPay 13213.86. Of the 12 employees, two are Warning by the sample's design: P003 joined on
 * 2026-05-06, inside the quarter (prorated, SPEC §4.3: Employees F4, his JoinDate), and A003 has no
 * Customer rating (re-weighted, SPEC §3 Score rule); the other ten are OK and nobody is Error.
 */
import Decimal from "decimal.js";
import { existsSync, readFileSync, rmSync } from "node:fs";
import { createContext, runInContext } from "node:vm";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ExcelDouble } from "../support/excel";
import { CHROMIUM, buildAddin, buildStandIn, launch, openPane, serve, shotsDir } from "./harness";

const WORDS = {
  en: {
    period: "Period",
    recalculate: "Recalculate",
    done: "2026-Q2 recalculated",
    employees: "Employees",
    ok: "OK",
    warning: "Warning",
    error: "Error",
    totalPay: "Total pay",
    issues: "Issues",
    goTo: "Go to Employees F4",
    selected: "Selected Employees!F4",
    sheet: "Employees",
    statement: "Statement",
    employee: "Employee",
    who: "Zhang Wei",
    article: "Zhang Wei P001 2026-Q2",
    indicators: "Indicators",
    pay: "Pay",
    quarterly: "Quarterly bonus",
    deal: "Deal bonus",
  },
  zh: {
    period: "考核周期",
    recalculate: "重算",
    done: "2026-Q2 已重算",
    employees: "员工",
    ok: "正常",
    warning: "警告",
    error: "错误",
    totalPay: "应发合计",
    issues: "问题",
    goTo: "转到 Employees F4",
    selected: "已选中 员工!F4",
    sheet: "员工",
    statement: "员工明细",
    employee: "员工",
    who: "张伟",
    article: "张伟 P001 2026-Q2",
    indicators: "考核明细",
    pay: "金额",
    quarterly: "季度奖金",
    deal: "项目奖",
  },
} as const;

type Row = Array<string | number | boolean>;
const results = (page: Page) =>
  page.evaluate(() => {
    const t = (globalThis as unknown as { __EXCEL_DOUBLE__: ExcelDouble }).__EXCEL_DOUBLE__.book.table("Results");
    return t ? { headers: t.headers, rows: t.rows } : null;
  });

/** A summary figure: the value under its label. */
const figure = (page: Page, label: string) =>
  page
    .locator("dl")
    .first()
    .locator("div")
    .filter({ has: page.locator("dt", { hasText: new RegExp(`^${label}$`) }) })
    .locator("dd")
    .textContent();

const money = (d: Decimal) => d.toFixed(2).replace(/\B(?=(\d{3})+(?!\d))/g, ",");

if (!existsSync(CHROMIUM)) console.warn(`test/browser/pane.test.ts skipped: ${CHROMIUM} is missing (apt-get install chromium; CI installs it)`);

let dist: string;
const built = buildAddin().then((d) => (dist = d));
// The build is started at once and shared by both groups; a failed build fails their beforeAll, not the file's loading.
built.catch(() => undefined);

afterAll(() => {
  if (dist) rmSync(dist, { recursive: true, force: true });
});

describe("the built functions bundle", () => {
  const ids = ["WEIGHTED", "STEP", "DEDUCT", "COMPLETION", "BONUS", "GRADE", "COMMISSION", "BIGDEAL", "PROJECT", "QTARGET", "STREAK", "RANK", "UNITS", "TASKS"];
  let code: string;
  beforeAll(async () => {
    code = readFileSync(join(await built, "functions.js"), "utf8");
  });

  it("binds all 14 functions to Excel's CustomFunctions inside Excel", () => {
    const bound: string[] = [];
    runInContext(
      code,
      createContext({ document: {}, CustomFunctions: { associate: (id: string, fn: unknown) => typeof fn === "function" && bound.push(id) } }),
    );
    expect(bound.sort()).toEqual([...ids].sort());
  });

  it("loads without an error in a plain page, where there is no CustomFunctions", () => {
    const page: Record<string, unknown> = { document: {} };
    expect(() => runInContext(code, createContext(page))).not.toThrow();
  });
});

describe.skipIf(!existsSync(CHROMIUM))("the built pane in Chromium", () => {
  let browser: Browser;
  let server: { url: string; close(): Promise<void> };
  let standIn: string;
  let shots: string;

  beforeAll(async () => {
    standIn = buildStandIn();
    [, browser] = await Promise.all([built, launch()]);
    server = await serve(dist);
    shots = shotsDir();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  for (const lang of ["en", "zh"] as const) {
    const w = WORDS[lang];
    it(`recalculates 2026-Q2 in Excel, goes to an issue's cell and shows a statement (${lang})`, async () => {
      const pane = await openPane(browser, server.url, standIn, { excel: lang });
      const { page } = pane;
      await page.getByLabel(w.period).selectOption("2026-Q2");
      await page.getByRole("button", { name: w.recalculate, exact: true }).click();
      await page.getByText(w.done).waitFor();

      // The Results rows in the double: one per employee of the sample, P001 as SPEC §5 works it out.
      const table = await results(page);
      expect(table).not.toBeNull();
      const col = (name: string) => table!.headers.indexOf(name);
      const q2 = table!.rows.filter((r: Row) => r[col("Period")] === "2026-Q2");
      expect(q2).toHaveLength(12);
      const p001 = q2.find((r: Row) => r[col("EmployeeId")] === "P001")!;
      expect([p001[col("QuarterlyBonus")], p001[col("DealBonus")], p001[col("TotalPay")], p001[col("Status")]]).toEqual([10963.86, 2250, 13213.86, "OK"]);

      // The summary on screen: counts by the sample's design, total pay as the Results table sums it.
      expect(await figure(page, w.employees)).toBe("12");
      expect([await figure(page, w.ok), await figure(page, w.warning), await figure(page, w.error)]).toEqual(["10", "2", "0"]);
      const sum = q2.reduce((s: Decimal, r: Row) => (typeof r[col("TotalPay")] === "number" ? s.plus(String(r[col("TotalPay")])) : s), new Decimal(0));
      expect(await figure(page, w.totalPay)).toBe(money(sum));
      await page.screenshot({ path: join(shots, `summary.${lang}.png`), fullPage: true });

      // An issue leads to its cell: P003's JoinDate, Employees F4, on the Employees table's sheet.
      await page.getByRole("tab", { name: new RegExp(`^${w.issues}`) }).click();
      await page.getByRole("button", { name: w.goTo }).click();
      await page.getByText(w.selected).waitFor();
      const where = await page.evaluate(
        () => (globalThis as unknown as { __EXCEL_DOUBLE__: ExcelDouble }).__EXCEL_DOUBLE__.book.snapshot() as { activeSheet: string; selection: string },
      );
      expect(where).toMatchObject({ activeSheet: w.sheet, selection: `${w.sheet}!F4` });

      // P001's statement: seven indicators of the presales plan, and the money lines of SPEC §5.
      await page.getByRole("tab", { name: w.statement }).click();
      await page.getByLabel(w.employee, { exact: true }).fill(w.who);
      const article = page.getByRole("article", { name: w.article });
      await article.waitFor();
      expect(await article.getByRole("table", { name: w.indicators }).getByRole("row").count()).toBe(1 + 7);
      const pay = article.getByRole("table", { name: w.pay });
      const line = async (label: string) => (await pay.getByRole("row").filter({ hasText: label }).first().getByRole("cell").nth(1).textContent()) ?? "";
      expect([await line(w.quarterly), await line(w.deal), await line(w.totalPay)]).toEqual(["10,963.86", "2,250.00", "13,213.86"]);
      await page.screenshot({ path: join(shots, `statement.${lang}.png`), fullPage: true });
      expect(pane.errors).toEqual([]);
    });
  }

  it("falls back to the preview at once when office.js does not load, and recalculates the sample there", async () => {
    const pane = await openPane(browser, server.url, standIn, "refused");
    const { page } = pane;
    await page.getByText("Not running in Excel").waitFor();
    expect(Date.now() - pane.started).toBeLessThan(3000);
    await page.getByRole("button", { name: "Preview on the sample workbook" }).click();
    await page.getByText(/^Preview · sample workbook/).waitFor();
    await page.getByRole("button", { name: "Recalculate", exact: true }).click();
    await page.getByText("2026-Q2 recalculated").waitFor();
    expect(await figure(page, "Employees")).toBe("12");
    await page.screenshot({ path: join(shots, "preview.en.png"), fullPage: true });
    expect(pane.errors).toEqual([]);
  });

  it("falls back within a few seconds when Office.onReady never resolves, in the browser's language", async () => {
    const pane = await openPane(browser, server.url, standIn, "never-ready", "zh-CN");
    await pane.page.getByText("未在 Excel 中运行").waitFor({ timeout: 10_000 });
    const waited = Date.now() - pane.started;
    expect(waited).toBeGreaterThanOrEqual(2500); // the pane waits 3 s for Excel…
    expect(waited).toBeLessThan(6000); // …and not much more
    expect(pane.errors).toEqual([]);
  });
});
