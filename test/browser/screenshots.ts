/**
 * `npm run screenshots`: the README's pictures of the pane, made with the browser test's harness (the
 * built add-in in Chromium, the Excel double holding the Chinese sample workbook): the summary after
 * recalculating 2026-Q2, and 张伟's (P001) statement. Written to docs/.
 */
import { rmSync } from "node:fs";
import { join, resolve } from "node:path";
import { buildAddin, buildStandIn, launch, openPane, serve } from "./harness";

async function main(): Promise<void> {
  const docs = resolve(__dirname, "..", "..", "docs");
  const dist = await buildAddin();
  const server = await serve(dist);
  const browser = await launch();
  try {
    const { page, errors } = await openPane(browser, server.url, buildStandIn(), { excel: "zh" }, "zh-CN");
    await page.getByLabel("考核周期").selectOption("2026-Q2");
    await page.getByRole("button", { name: "重算", exact: true }).click();
    await page.getByText("2026-Q2 已重算").waitFor();
    await page.screenshot({ path: join(docs, "pane-summary.png"), fullPage: true });
    await page.getByRole("tab", { name: "员工明细" }).click();
    await page.getByLabel("员工", { exact: true }).fill("张伟");
    await page.getByRole("article", { name: "张伟 P001 2026-Q2" }).waitFor();
    await page.screenshot({ path: join(docs, "pane-statement.png"), fullPage: true });
    if (errors.length > 0) throw new Error(`the page logged errors:\n${errors.join("\n")}`);
    console.log(`wrote ${join(docs, "pane-summary.png")} and ${join(docs, "pane-statement.png")}`);
  } finally {
    await browser.close();
    await server.close();
    rmSync(dist, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
