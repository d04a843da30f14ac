/**
 * Failures a test can inject, each as Excel documents it: cell-edit mode (docs-ref `excel.runoptions.yml`
 * delayForCellEdit; code InvalidOperationInCellEditMode from the error table), a failing sync (no rollback is
 * documented, so part of the batch may have landed), and undo grouping (docs-pr
 * `excel/excel-add-ins-undo-capabilities.md`).
 */
import { describe, expect, it } from "vitest";
import { createExcelDouble } from "./index";

const writeA1 = (value: string) => async (context: Excel.RequestContext) => {
  context.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [[value]];
  await context.sync();
};

describe("cell-edit mode", () => {
  it("fails every sync without delayForCellEdit, with Excel's message, applying nothing", async () => {
    // "When false, if the user is in cell edit when the batch request is processed by the host, the batch automatically fails."
    const d = createExcelDouble();
    d.faults.cellEditMode = true;
    await expect(d.run(writeA1("x"))).rejects.toMatchObject({
      code: "InvalidOperationInCellEditMode",
      message: "Excel is in cell-editing mode. Please exit the edit mode by pressing ENTER or TAB or selecting another cell, and then try again.",
    });
    expect(d.book.cell("Sheet1", "A1").value).toBe("");
  });

  it("holds a batch with delayForCellEdit until the user leaves the cell, then runs it", async () => {
    // "When true, … if the user is in cell edit mode then the batch request is delayed until the user exits cell edit mode."
    const d = createExcelDouble();
    d.faults.cellEditMode = true;
    let done = false;
    const run = d.run({ delayForCellEdit: true }, writeA1("later")).then(() => (done = true));
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect([done, d.faults.waitingForCellEdit, d.book.cell("Sheet1", "A1").value]).toEqual([false, 1, ""]);
    d.faults.exitCellEdit();
    await run;
    expect(d.book.cell("Sheet1", "A1").value).toBe("later");
  });
});

describe("failAtSync", () => {
  it("fails the n-th sync from now after applying half of its operations", async () => {
    const d = createExcelDouble();
    d.faults.failAtSync(2);
    await expect(
      d.run(async (context) => {
        const sheet = context.workbook.worksheets.getItem("Sheet1");
        sheet.getRange("A1").values = [["sync 1"]];
        await context.sync();
        for (const a of ["B1", "B2", "B3", "B4"]) sheet.getRange(a).values = [[a]];
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "GeneralException" });
    // Sync 2 queued four writes; half (two) landed.
    expect(["A1", "B1", "B2", "B3", "B4"].map((a) => d.book.cell("Sheet1", a).value)).toEqual(["sync 1", "B1", "B2", "", ""]);
    expect(d.stats.records.map((r) => r.error)).toEqual([undefined, "GeneralException"]);
  });

  it("can apply none or all, with the code asked for", async () => {
    const none = createExcelDouble();
    none.faults.failAtSync(1, { applied: "none", code: "InvalidArgument" });
    await expect(none.run(writeA1("x"))).rejects.toMatchObject({ code: "InvalidArgument" });
    expect(none.book.cell("Sheet1", "A1").value).toBe("");
    const all = createExcelDouble();
    all.faults.failAtSync(1, { applied: "all" });
    await expect(all.run(writeA1("x"))).rejects.toMatchObject({ code: "GeneralException" });
    expect(all.book.cell("Sheet1", "A1").value).toBe("x");
  });

  it("keeps the operations before a failing one, as no rollback is documented", async () => {
    const d = createExcelDouble();
    await expect(
      d.run(async (context) => {
        context.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [["kept"]];
        context.workbook.worksheets.add("Bad:Name");
        context.workbook.worksheets.getItem("Sheet1").getRange("A2").values = [["dropped"]];
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "InvalidArgument", debugInfo: { errorLocation: "WorksheetCollection.add" } });
    expect([d.book.cell("Sheet1", "A1").value, d.book.cell("Sheet1", "A2").value]).toEqual(["kept", ""]);
  });
});

describe("undo grouping", () => {
  it("rejects Worksheet.delete inside mergeUndoGroup with UndoNotSupported", async () => {
    // Worksheet.delete: supported in neither Excel on the web nor Windows/Mac (unsupported-APIs table).
    const d = createExcelDouble({ sheets: ["Sheet1", "Old"] });
    await expect(
      d.run({ mergeUndoGroup: true }, async (context) => {
        context.workbook.worksheets.getItem("Old").delete();
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "UndoNotSupported" });
    expect(d.book.sheetNames()).toEqual(["Sheet1", "Old"]);
  });

  it("rejects renaming a sheet in a merged group on desktop but not on the web", async () => {
    // Worksheet.name: "Yes" on the web, "No" on Windows and Mac.
    const rename = async (context: Excel.RequestContext) => {
      context.workbook.worksheets.getItem("Sheet1").name = "Data";
      await context.sync();
    };
    const desktop = createExcelDouble({ platform: "desktop" });
    await expect(desktop.run({ mergeUndoGroup: true }, rename)).rejects.toMatchObject({ code: "UndoNotSupported" });
    const web = createExcelDouble({ platform: "web" });
    await web.run({ mergeUndoGroup: true }, rename);
    expect(web.book.sheetNames()).toEqual(["Data"]);
  });

  it("ignores mergeUndoGroup below ExcelApi 1.20", async () => {
    const d = createExcelDouble({ apiVersion: "1.19", sheets: ["Sheet1", "Old"] });
    await d.run({ mergeUndoGroup: true }, async (context) => {
      context.workbook.worksheets.getItem("Old").delete();
      await context.sync();
    });
    expect(d.book.sheetNames()).toEqual(["Sheet1"]);
    expect(d.runs[0]).toMatchObject({ mergeUndoGroup: true });
  });
});
