/**
 * The proxy rules of the Excel double, each checked against the documented behaviour it models
 * (docs-pr `develop/application-specific-api-model.md` unless a test says otherwise).
 * One file: the rules are one model (proxies, syncs, null objects) and each test leans on the others.
 */
import { describe, expect, it } from "vitest";
import { createExcelDouble } from "./index";

function withEmployees() {
  const d = createExcelDouble();
  d.book.addTable(
    "Sheet1",
    "A1",
    "Employees",
    ["Id", "Name"],
    [
      [1, "Ann"],
      [2, "Bob"],
    ],
  );
  return d;
}

describe("reading proxies", () => {
  it("throws PropertyNotLoaded when a property is read before load", async () => {
    // "Before you can read the properties of a proxy object, you must explicitly load the properties … and then call context.sync()".
    const d = withEmployees();
    await d.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Sheet1").getRange("A1:B3");
      expect(() => range.values).toThrow(expect.objectContaining({ code: "PropertyNotLoaded", name: "RichApi.Error" }));
      await context.sync();
    });
  });

  it("throws PropertyNotLoaded after load but before sync, with the runtime's message and location", async () => {
    const d = withEmployees();
    await d.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Sheet1").getRange("A1:B3").load("values");
      let error: unknown;
      try {
        void range.values;
      } catch (e) {
        error = e;
      }
      expect(error).toMatchObject({
        code: "PropertyNotLoaded",
        message: expect.stringContaining("The property 'values' is not available. Before reading the property's value, call the load method"),
        debugInfo: { errorLocation: "Range.values" },
      });
      await context.sync();
      expect(range.values).toEqual([
        ["Id", "Name"],
        [1, "Ann"],
        [2, "Bob"],
      ]);
    });
  });

  it("accepts load as a comma list, an array and a select object", async () => {
    const d = withEmployees();
    await d.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      const a = sheet.getRange("B2").load("values, address");
      const b = sheet.getRange("B3").load(["values", "rowIndex"]);
      const c = sheet.getRange("A2");
      context.load(c, { select: "values,columnIndex" } as OfficeExtension.LoadOption);
      await context.sync();
      // B2 is row 1 / column 1 zero-based; B3 is row 2.
      expect([a.values, a.address, b.values, b.rowIndex, c.values, c.columnIndex]).toEqual([[["Ann"]], "Sheet1!B2", [["Bob"]], 2, [[1]], 0]);
    });
  });

  it("loads a navigation path such as format/font/bold", async () => {
    const d = withEmployees();
    await d.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Sheet1").getRange("A1:B1");
      range.format.font.bold = true;
      await context.sync();
      const again = context.workbook.worksheets.getItem("Sheet1").getRange("A1:B1").load("format/font/bold");
      await context.sync();
      expect(again.format.font.bold).toBe(true);
    });
  });

  it("gives a collection's items only after load and sync, with the loaded property on each", async () => {
    // "Load from a collection": tables.load("items/name") loads name on every item.
    const d = withEmployees();
    d.book.addTable("Sheet1", "E1", "Plans", ["Plan"], [["A"]]);
    await d.run(async (context) => {
      const tables = context.workbook.tables.load("items/name");
      expect(() => tables.items).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      await context.sync();
      expect(tables.items.map((t) => t.name)).toEqual(["Employees", "Plans"]);
    });
  });

  it("keeps an assigned value readable at once, while other proxies see the workbook unchanged until sync", async () => {
    // Proxy writes are "added to a queue of pending commands" and run at sync; the runtime's setters keep the
    // assigned value on the proxy (local office-js Range.values setter stores m_values before queueing).
    const d = withEmployees();
    await d.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      const target = sheet.getRange("B2");
      target.values = [["Zoe"]];
      expect(target.values).toEqual([["Zoe"]]);
      expect(d.book.cell("Sheet1", "B2").value).toBe("Ann");
      const reader = sheet.getRange("B2").load("values");
      await context.sync();
      expect(reader.values).toEqual([["Zoe"]]);
      expect(d.book.cell("Sheet1", "B2").value).toBe("Zoe");
    });
  });

  it("runs loads in their place in the queue: a load queued before a write sees the old value", async () => {
    const d = withEmployees();
    await d.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      const before = sheet.getRange("B2").load("values");
      sheet.getRange("B2").values = [["Zoe"]];
      const after = sheet.getRange("B2").load("values");
      await context.sync();
      expect([before.values, after.values]).toEqual([[["Ann"]], [["Zoe"]]]);
    });
  });

  it("returns proxies from methods that are usable in the same batch", async () => {
    const d = createExcelDouble();
    await d.run(async (context) => {
      const sheet = context.workbook.worksheets.add("Data");
      const table = sheet.tables.add("A1:B1", true);
      table.name = "People";
      const header = table.getHeaderRowRange();
      header.values = [["Id", "Name"]];
      const body = table.getDataBodyRange().load("address");
      await context.sync();
      // A header-only range gets one body row (A2:B2).
      expect(body.address).toBe("Data!A2:B2");
    });
    expect(d.book.table("People")?.headers).toEqual(["Id", "Name"]);
  });

  it("gives a ClientResult whose value is readable only after sync", async () => {
    const d = withEmployees();
    await d.run(async (context) => {
      const count = context.workbook.tables.getCount();
      expect(() => count.value).toThrow(expect.objectContaining({ code: "ValueNotLoaded" }));
      await context.sync();
      expect(count.value).toBe(1);
    });
  });
});

describe("*OrNullObject", () => {
  it("never returns JS null, and tells isNullObject after sync without a load", async () => {
    // "The *OrNullObject variations never return the JavaScript value null … Office automatically loads this property".
    const d = withEmployees();
    await d.run(async (context) => {
      const missing = context.workbook.worksheets.getItemOrNullObject("Nope");
      const present = context.workbook.tables.getItemOrNullObject("employees");
      expect(missing).not.toBeNull();
      expect(() => missing.isNullObject).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      await context.sync();
      expect([missing.isNullObject, present.isNullObject]).toEqual([true, false]);
    });
  });

  it("ignores writes and method calls on a null object, as the docs' 'delete if it exists' idiom relies on", async () => {
    // docs-ref excel.worksheet.yml example: context.workbook.worksheets.getItemOrNullObject("Sample").delete();
    const d = withEmployees();
    const before = d.book.snapshot();
    await d.run(async (context) => {
      const ghost = context.workbook.worksheets.getItemOrNullObject("Sample");
      ghost.delete();
      ghost.getRange("A1").values = [["x"]];
      const name = ghost.load("name");
      await context.sync();
      expect(name.name).toBeUndefined();
    });
    expect(d.book.snapshot()).toEqual(before);
  });

  it("makes getItem of a missing item fail the sync with ItemNotFound", async () => {
    const d = withEmployees();
    await expect(
      d.run(async (context) => {
        context.workbook.tables.getItem("Nope").load("name");
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "ItemNotFound" });
  });
});

describe("Excel.run", () => {
  it("syncs what is still queued when the batch resolves, and resolves with the batch's value", async () => {
    // "run functions call sync() implicitly before they resolve their returned promise".
    const d = withEmployees();
    const value = await d.run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("D1").values = [["late"]];
      return 42;
    });
    expect(value).toBe(42);
    expect(d.book.cell("Sheet1", "D1").value).toBe("late");
    expect(d.stats.syncs).toBe(1);
  });

  it("rejects a batch that does not return a promise", async () => {
    const d = createExcelDouble();
    const run = d.run as unknown as (batch: (c: Excel.RequestContext) => unknown) => Promise<unknown>;
    await expect(run(() => 1)).rejects.toMatchObject({ code: "RunMustReturnPromise" });
  });

  it("sends nothing after a batch that throws", async () => {
    const d = withEmployees();
    await expect(
      d.run(async (context) => {
        context.workbook.worksheets.getItem("Sheet1").getRange("D1").values = [["never"]];
        throw new Error("stop");
      }),
    ).rejects.toThrow("stop");
    expect(d.book.cell("Sheet1", "D1").value).toBe("");
    expect(d.stats.syncs).toBe(0);
  });

  it("refuses work on a proxy after its run has ended (InvalidObjectPath)", async () => {
    const d = withEmployees();
    let kept: Excel.Range | undefined;
    await d.run(async (context) => {
      kept = context.workbook.worksheets.getItem("Sheet1").getRange("A1").load("values");
      await context.sync();
    });
    expect(kept!.values).toEqual([["Id"]]);
    expect(() => kept!.load("address")).toThrow(expect.objectContaining({ code: "InvalidObjectPath" }));
  });

  it("reuses an object's context when a later run is given the object", async () => {
    // Excel.run(object, batch): "The batch will use the same RequestContext as the passed-in object".
    const d = withEmployees();
    let kept: Excel.Range | undefined;
    await d.run(async (context) => {
      kept = context.workbook.worksheets.getItem("Sheet1").getRange("A1");
      await context.sync();
    });
    await d.run(kept!, async (context) => {
      kept!.values = [["Key"]];
      await context.sync();
    });
    expect(d.book.cell("Sheet1", "A1").value).toBe("Key");
  });

  it("counts only syncs with work as round trips", async () => {
    const d = withEmployees();
    await d.run(async (context) => {
      await context.sync();
      context.workbook.worksheets.getItem("Sheet1").getRange("A1").load("values");
      await context.sync();
      await context.sync();
    });
    // Four sync calls (three explicit, one implicit at the end); one carried a load.
    expect([d.stats.syncCalls, d.stats.syncs]).toEqual([4, 1]);
  });
});

describe("what the double lacks fails loudly", () => {
  it("throws ApiNotFound naming the member for a method the double does not implement", async () => {
    const d = withEmployees();
    await d.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Sheet1").getRange("A1");
      expect(() => range.getSpillingToRange()).toThrow(/ApiNotFound: the double does not implement Range.getSpillingToRange/);
      expect(() => range.load("valuesAsJson")).toThrow(/does not implement loading Range.valuesAsJson/);
      await context.sync();
    });
  });

  it("throws ApiNotFound at call time for a member above the host's requirement set", async () => {
    // Table.resize is ExcelApi 1.13; the runtime's message names the set (local office-js throwIfApiNotSupported).
    const d = createExcelDouble({ apiVersion: "1.12" });
    d.book.addTable("Sheet1", "A1", "T", ["A"], [[1]]);
    await d.run(async (context) => {
      const table = context.workbook.tables.getItem("T");
      expect(() => table.resize("A1:A5")).toThrow(
        expect.objectContaining({
          code: "ApiNotFound",
          message: "The method or property Table.resize is part of the ExcelApi 1.13 requirement set, which is not available in your version of Excel.",
        }),
      );
      await context.sync();
    });
  });

  it("throws ApiNotFound for a request-context member the double does not have", async () => {
    const d = createExcelDouble();
    await d.run(async (context) => {
      expect(() => context.runtime).toThrow(/does not implement RequestContext.runtime/);
      await context.sync();
    });
  });

  it("throws ApiNotFound for an enum the double's Excel namespace does not have", () => {
    const d = createExcelDouble();
    expect(d.Excel.DeleteShiftDirection.up).toBe("Up");
    expect(() => d.Excel.BorderIndex).toThrow(/does not implement Excel.BorderIndex/);
  });
});
