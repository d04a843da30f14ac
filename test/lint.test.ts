/**
 * The lint config catches the Office.js mistakes it is there for: the plugin's rules only see code the
 * TypeScript parser read, and only a RequestContext named `context`, so a config that parsed with
 * espree, or code that named it otherwise, would pass anything.
 */
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

const lint = async (code: string) => {
  const eslint = new ESLint({ cwd: process.cwd() });
  const [result] = await eslint.lintText(code, { filePath: "src/workbook/office/lintProbe.ts" });
  return result.messages.map((m) => m.ruleId);
};

describe("the lint config", () => {
  it("reports reading a property before load and sync in TypeScript", async () => {
    const rules = await lint(`export async function f(context: Excel.RequestContext): Promise<string> {
  const sheet = context.workbook.worksheets.getActiveWorksheet();
  return sheet.name;
}
`);
    expect(rules).toContain("office-addins/load-object-before-read");
  });

  it("reports a sync inside a loop", async () => {
    const rules = await lint(`export async function f(context: Excel.RequestContext, names: string[]): Promise<void> {
  for (const n of names) {
    context.workbook.worksheets.add(n);
    await context.sync();
  }
}
`);
    expect(rules).toContain("office-addins/no-context-sync-in-loop");
  });

  it("passes the same read after load and sync", async () => {
    const rules = await lint(`export async function f(context: Excel.RequestContext): Promise<string> {
  const sheet = context.workbook.worksheets.getActiveWorksheet();
  sheet.load("name");
  await context.sync();
  return sheet.name;
}
`);
    expect(rules).toEqual([]);
  });
});
