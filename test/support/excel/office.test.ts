/**
 * The Office double and the globals (docs-ref office.context, RequirementSetSupport, Office.actions, Office.addin,
 * Office.ribbon; docs-pr `develop/create-addin-commands.md` for event.completed()).
 */
import { afterEach, describe, expect, it } from "vitest";
import { createExcelDouble, installGlobals } from "./index";

let uninstall: (() => void) | undefined;
afterEach(() => {
  uninstall?.();
  uninstall = undefined;
});

describe("Office", () => {
  it("resolves onReady with Excel and the platform, and calls the callback", async () => {
    const d = createExcelDouble({ platform: "desktop" });
    let seen: unknown;
    const info = await d.Office.onReady((i) => (seen = i));
    expect([info, seen]).toEqual([
      { host: "Excel", platform: "PC" },
      { host: "Excel", platform: "PC" },
    ]);
    expect((await createExcelDouble().Office.onReady()).platform).toBe("OfficeOnline");
  });

  it("answers isSetSupported from the API version, reading a number as JavaScript prints it", () => {
    const d = createExcelDouble({ apiVersion: "1.13" });
    const req = d.Office.context.requirements;
    // 1.20 as a number is 1.2, which a 1.13 host has: the trap is Office's too.
    expect([
      req.isSetSupported("ExcelApi", "1.13"),
      req.isSetSupported("ExcelApi", "1.20"),
      req.isSetSupported("ExcelApi", 1.2),
      req.isSetSupported("ExcelApi", 1.2),
      req.isSetSupported("WordApi", "1.1"),
    ]).toEqual([true, false, true, true, false]);
  });

  it("tells the display language", () => {
    expect(createExcelDouble({ displayLanguage: "zh-CN" }).Office.context.displayLanguage).toBe("zh-CN");
  });

  it("runs an associated action and resolves when it calls completed()", async () => {
    const d = createExcelDouble();
    d.Office.actions.associate("recalculateQuarter", (event: Office.AddinCommands.Event) => {
      void d.Office.addin.showAsTaskpane().then(() => event.completed());
    });
    await d.invokeAction("recalculateQuarter");
    expect(d.office).toMatchObject({ associated: ["recalculateQuarter"], taskpaneShown: 1, completions: [{ action: "recalculateQuarter" }] });
  });

  it("records ribbon updates", async () => {
    const d = createExcelDouble();
    await d.Office.ribbon.requestUpdate({ tabs: [{ id: "KpiTab", groups: [{ id: "Run", controls: [{ id: "Recalc", enabled: false }] }] }] });
    expect(d.office.ribbonUpdates).toEqual([{ tabs: [{ id: "KpiTab", groups: [{ id: "Run", controls: [{ id: "Recalc", enabled: false }] }] }] }]);
  });

  it("fails loudly on an Office member it does not have", () => {
    const d = createExcelDouble();
    expect(() => d.Office.context.document).toThrow(/does not implement Office.context.document/);
  });
});

describe("globals", () => {
  it("installs Excel, Office and OfficeExtension, so add-in code using the globals runs on the double", async () => {
    const d = createExcelDouble();
    uninstall = installGlobals(d);
    const error = await Excel.run(async (context) => {
      context.workbook.worksheets.getItem("Nope").load("name");
      await context.sync();
    }).catch((e: unknown) => e);
    expect(error instanceof OfficeExtension.Error).toBe(true);
    expect((error as OfficeExtension.Error).code).toBe(Excel.ErrorCodes.itemNotFound);
    expect(Office.context.requirements.isSetSupported("ExcelApi", "1.20")).toBe(true);
  });

  it("puts back what was there before", () => {
    const g = globalThis as Record<string, unknown>;
    const had = "Excel" in g;
    const undo = installGlobals(createExcelDouble());
    undo();
    expect("Excel" in g).toBe(had);
  });
});
