/**
 * `npm run office-sim` runs the add-in's recalculation inside the Excel double; on the sample workbook
 * it must write what `kpi recalc` writes (RunLog's time aside), in at most 4 read syncs.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import * as XLSX from "xlsx";
import { OUTPUT_NAMES } from "../../src/app/recalculate";
import { XlsxWorkbook } from "../../src/workbook/xlsx/package";

const ROOT = join(__dirname, "../..");
const dir = mkdtempSync(join(tmpdir(), "kpi-office-sim-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(cmd: string[], ...args: string[]) {
  return spawnSync(process.execPath, [...cmd, ...args], { cwd: ROOT, encoding: "utf8" });
}
const kpi = (...a: string[]) => run([join(ROOT, "bin/kpi.js")], ...a);
const officeSim = (...a: string[]) => run([join(ROOT, "node_modules/tsx/dist/cli.mjs"), join(ROOT, "scripts/office-sim.ts")], ...a);

async function outputs(file: string) {
  const wb = XlsxWorkbook.fromBuffer(readFileSync(file));
  const tables = await wb.readTables(OUTPUT_NAMES);
  return Object.fromEntries(
    [...tables].map(([name, t]) => [name, { sheet: t.sheet, headers: t.headers, rows: name === "RunLog" ? t.rows.map((r) => r.slice(1)) : t.rows }]),
  );
}

describe("office-sim and kpi recalc", () => {
  for (const lang of ["zh", "en"]) {
    it(`write the same output tables for the ${lang} sample workbook, reading it in 3 syncs`, async () => {
      const book = join(dir, `sample-${lang}.xlsx`);
      expect(kpi("init", book, "--lang", lang, "--force").status).toBe(0);
      const viaKpi = kpi("recalc", book, "--period", "2026-Q2", "--out", join(dir, `kpi-${lang}.xlsx`));
      expect(viaKpi.status, viaKpi.stderr).toBe(0);
      const sim = officeSim(book, "--period", "2026-Q2", "--out", join(dir, `sim-${lang}.xlsx`));
      expect(sim.status, sim.stderr).toBe(0);
      const last = sim.stdout.trim().split("\n").at(-1)!;
      // The tables and their shapes (2 syncs), then every table's values in one 4 MB response.
      expect(last).toMatch(/^office-sim: employees=12 syncs=\d+ read_syncs=3 max_request_mb=0\.\d\d$/);
      expect(await outputs(join(dir, `sim-${lang}.xlsx`))).toEqual(await outputs(join(dir, `kpi-${lang}.xlsx`)));
    });
  }

  it("write the same tables for a workbook whose Excel tables were dropped (saved by SheetJS), read from its sheets", async () => {
    const book = join(dir, "sample-tables.xlsx");
    expect(kpi("init", book, "--force").status).toBe(0);
    const sheetjs = join(dir, "sample-sheetjs.xlsx");
    writeFileSync(sheetjs, XLSX.write(XLSX.read(readFileSync(book), { cellDates: true }), { type: "buffer", bookType: "xlsx" }));
    expect(await XlsxWorkbook.fromBuffer(readFileSync(sheetjs)).listTables()).toEqual([]);
    expect(kpi("recalc", sheetjs, "--period", "2026-Q2", "--out", join(dir, "kpi-sheetjs.xlsx")).status).toBe(0);
    const sim = officeSim(sheetjs, "--period", "2026-Q2", "--out", join(dir, "sim-sheetjs.xlsx"));
    expect(sim.status, sim.stderr).toBe(0);
    const sims = await outputs(join(dir, "sim-sheetjs.xlsx"));
    expect(sims).toEqual(await outputs(join(dir, "kpi-sheetjs.xlsx")));
    expect(sims.Issues.rows.filter((r) => String(r[4]).includes("没有名为"))).toHaveLength(14);
  });

  it("runs the latest assessed quarter when no period is given, as the ribbon button does", async () => {
    const book = join(dir, "sample-latest.xlsx");
    expect(kpi("init", book, "--force").status).toBe(0);
    const sim = officeSim(book, "--out", join(dir, "sim-latest.xlsx"));
    expect(sim.status, sim.stderr).toBe(0);
    // The sample's Actuals and Ratings are for 2026-Q2 only.
    expect(sim.stdout).toContain("2026-Q2 重算完成");
  });

  it("exits 2 with one line for a file that is not a workbook", () => {
    const sim = officeSim(join(dir, "missing.xlsx"), "--out", join(dir, "x.xlsx"));
    expect(sim.status).toBe(2);
    expect(sim.stderr.trim()).toBe(`office-sim: no such file: ${join(dir, "missing.xlsx")}`);
  });
});
