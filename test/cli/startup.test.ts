/**
 * The command runs compiled JavaScript (lib/kpi.cjs, built by `npm run build:cli`, on install and by
 * `npm test`), never TypeScript compiled at start-up, and loads ExcelJS only to write a sample workbook.
 * How fast it starts is measured by `npm run bench`, not here.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const ROOT = join(__dirname, "../..");
const dir = mkdtempSync(join(tmpdir(), "kpi-startup-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function kpi(...args: string[]): { status: number | null; loaded: string } {
  const r = spawnSync(process.execPath, ["-r", join(ROOT, "test/support/record-requires.cjs"), join(ROOT, "bin/kpi.js"), ...args], { encoding: "utf8" });
  return { status: r.status, loaded: r.stderr.match(/loaded: (.*)$/m)?.[1] ?? "?" };
}

describe("the kpi command at start-up", () => {
  it("loads neither TypeScript nor ExcelJS to print its help", () => {
    expect(kpi("--help")).toEqual({ status: 0, loaded: "none" });
  });

  it("loads ExcelJS to write the sample workbook, and not to check or recalculate it", () => {
    const book = join(dir, "sample.xlsx");
    expect(kpi("init", book, "--force")).toEqual({ status: 0, loaded: "exceljs" });
    expect(kpi("check", book)).toEqual({ status: 0, loaded: "none" });
    expect(kpi("recalc", book, "--period", "2026-Q2", "--out", join(dir, "out.xlsx"))).toEqual({ status: 0, loaded: "none" });
  });
});
