/** `npm run build` output: the page, and the function metadata in English and Chinese. */
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import * as functions from "../src/functions/functions";

const root = join(__dirname, "..");
const dist = join(root, "dist");
const SPEC_FUNCTIONS = [
  "WEIGHTED",
  "STEP",
  "DEDUCT",
  "COMPLETION",
  "BONUS",
  "GRADE",
  "COMMISSION",
  "BIGDEAL",
  "PROJECT",
  "QTARGET",
  "STREAK",
  "RANK",
  "UNITS",
  "TASKS",
];

interface Meta {
  functions: Array<{ id: string; name: string; description: string; parameters: Array<{ name: string; description: string; optional?: boolean }> }>;
}
let en: Meta;
let zh: Meta;

beforeAll(() => {
  execFileSync(process.execPath, [join(root, "node_modules/webpack-cli/bin/cli.js"), "--mode", "production"], { cwd: root, stdio: "pipe" });
  en = JSON.parse(readFileSync(join(dist, "functions.json"), "utf8"));
  zh = JSON.parse(readFileSync(join(dist, "functions.zh-CN.json"), "utf8"));
});

describe("npm run build", () => {
  it("writes dist/taskpane.html loading the pane, commands and functions", () => {
    const html = readFileSync(join(dist, "taskpane.html"), "utf8");
    for (const js of ["taskpane.js", "commands.js", "functions.js", "office.js"]) expect(html).toContain(js);
    for (const js of ["taskpane.js", "commands.js", "functions.js"]) expect(existsSync(join(dist, js))).toBe(true);
  });

  it("writes the 14 functions of SPEC §2 to functions.json", () => {
    expect(en.functions.map((f) => f.id).sort()).toEqual([...SPEC_FUNCTIONS].sort());
  });

  it("exports each function from functions.ts under its lower-case name", () => {
    for (const id of SPEC_FUNCTIONS) expect(typeof (functions as Record<string, unknown>)[id.toLowerCase()]).toBe("function");
  });

  it("writes functions.zh-CN.json with the same ids, names and parameter counts", () => {
    expect(zh.functions.map((f) => [f.id, f.name, f.parameters.length])).toEqual(en.functions.map((f) => [f.id, f.name, f.parameters.length]));
  });

  it("describes every function and parameter in Chinese", () => {
    const cjk = /[\u4e00-\u9fff]/;
    for (const f of zh.functions) {
      expect(f.description, f.id).toMatch(cjk);
      for (const p of f.parameters) expect(p.description, `${f.id}.${p.name}`).toMatch(cjk);
    }
  });

  it("copies the manifest and icons", () => {
    expect(existsSync(join(dist, "manifest.xml"))).toBe(true);
    for (const s of [16, 32, 64, 80, 128]) expect(existsSync(join(dist, "assets", `icon-${s}.png`))).toBe(true);
  });
});
