/**
 * The double's core must run in a browser: it bundles for platform "browser" with no Node built-in, and the bundle
 * works on its own in a bare JavaScript context (no `process`, no `require`, no Node globals).
 */
import { buildSync } from "esbuild";
import { createContext, runInContext } from "node:vm";
import { describe, expect, it } from "vitest";
import type { ExcelDouble } from "./index";

const NODE_BUILTINS = /^(node:|fs$|path$|os$|crypto$|stream$|buffer$|util$|events$|child_process$|url$|zlib$|vm$)/;

describe("browser bundle", () => {
  const result = buildSync({
    entryPoints: [new URL("./browser.ts", import.meta.url).pathname],
    bundle: true,
    platform: "browser",
    format: "iife",
    target: "es2020",
    write: false,
    metafile: true,
    logLevel: "silent",
  });

  it("bundles for the browser without any Node built-in", () => {
    const imports = Object.values(result.metafile!.inputs).flatMap((input) => input.imports.map((i) => i.path));
    expect(imports.filter((p) => NODE_BUILTINS.test(p))).toEqual([]);
    expect(result.errors).toEqual([]);
  });

  it("runs in a bare context and serves Excel.run on an in-memory workbook", async () => {
    const sandbox = createContext({ setTimeout, __EXCEL_DOUBLE_OPTIONS__: { displayLanguage: "zh-CN" } });
    runInContext(result.outputFiles[0]!.text, sandbox);
    const double = sandbox.__EXCEL_DOUBLE__ as ExcelDouble;
    const excel = sandbox.Excel as typeof Excel;
    const names = await excel.run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").tables.add("A1:B2", false);
      const tables = context.workbook.tables.load("items/name");
      await context.sync();
      return tables.items.map((t) => t.name);
    });
    expect(names).toEqual(["表1"]);
    expect(double.book.table("表1")?.headers).toEqual(["列1", "列2"]);
    expect(typeof sandbox.Office.onReady).toBe("function");
  });
});
