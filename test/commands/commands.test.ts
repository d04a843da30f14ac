/**
 * The ribbon's "Recalculate latest quarter" on the Excel double: it recalculates the latest assessed quarter
 * without opening the pane, brings Results (or Issues) forward, shows the outcome, and always
 * completes the click.
 */
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { ExcelDouble, installGlobals } from "../support/excel";
import { doubleOf } from "../support/doubles";
import { scaledSample } from "../support/scaled";

let uninstall: (() => void) | null = null;
let register: () => void;

function doubleOfSample(lang: "en-US" | "zh-CN", edit?: (t: ReturnType<typeof scaledSample>) => void): ExcelDouble {
  const tables = scaledSample(12, lang === "zh-CN" ? "zh" : "en");
  edit?.(tables);
  const d = doubleOf(tables, { displayLanguage: lang });
  uninstall = installGlobals(d);
  register();
  return d;
}

beforeAll(async () => {
  register = (await import("../../src/commands/commands")).register;
});

afterEach(() => {
  uninstall?.();
  uninstall = null;
});

const outcome = (d: ExcelDouble) => new URLSearchParams(d.office.dialogs.at(-1)!.url.split("?")[1]);

describe("the Recalculate latest quarter button", () => {
  it("recalculates the latest quarter without the pane, brings Results forward and shows the outcome", async () => {
    const d = doubleOfSample("en-US");
    await d.invokeAction("recalculateQuarter");
    expect(d.book.table("Results")!.rows).toHaveLength(12);
    expect(d.office.taskpaneShown).toBe(0);
    expect(d.office.completions).toEqual([{ action: "recalculateQuarter" }]);
    expect(d.book.activeSheet().name).toBe("Results");
    const o = outcome(d);
    expect(d.office.dialogs.at(-1)!.url).toMatch(/outcome\.html\?/);
    expect(o.get("title")).toBe("2026-Q2 recalculated");
    // The sample: 12 employees, 10 OK and 2 Warning (P003 joined mid-quarter; a missing customer rating).
    expect(o.get("lines")!.split("\n")[0]).toBe("12 employees: 10 OK, 2 Warning, 0 Error");
    expect(o.get("lines")).toContain("Total pay: ");
  });

  it("brings Issues forward when some employee is Error, in Chinese for a Chinese Excel", async () => {
    const d = doubleOfSample("zh-CN", (tables) => {
      const targets = tables.find((t) => t.name === "Targets")!;
      targets.rows = targets.rows.filter((r) => !(r[0] === "售前支持部" && r[1] === "2026-Q2"));
    });
    await d.invokeAction("recalculateQuarter");
    expect(d.book.activeSheet().name).toBe("Issues");
    const o = outcome(d);
    expect(o.get("lines")).toMatch(/错误 4/);
    expect(o.get("lines")).toContain("请看 Issues 表");
  });

  it("shows the outcome of a second click while the first one's dialog is still open, closing that one", async () => {
    const d = doubleOfSample("en-US");
    await d.invokeAction("recalculateQuarter");
    await d.invokeAction("recalculateQuarter");
    // A page may have only one dialog open (error 12007 otherwise): the first is closed, the second opens.
    expect(d.office.dialogs.map((x) => [x.opened, x.closed])).toEqual([
      [true, true],
      [true, false],
    ]);
  });

  it("says where the Results table went when a sheet of the user's own is named Results", async () => {
    const d = doubleOfSample("en-US");
    d.book.addSheet("Results");
    d.book.setCells("Results", "A1", [["my notes"]]);
    await d.invokeAction("recalculateQuarter");
    expect(d.book.cell("Results", "A1").value).toBe("my notes");
    expect(outcome(d).get("lines")).toContain('A sheet named Results was already there and is not ours: the Results table is on sheet "Results (2)"');
    expect(d.book.activeSheet().name).toBe("Results (2)");
  });

  it("says what to do, changes nothing and still completes the click when Excel is editing a cell", async () => {
    const d = doubleOfSample("en-US");
    const before = d.book.snapshot();
    // A host that cannot wait for the cell edit: the batch fails at once.
    const run = d.run;
    (globalThis as { Excel: typeof Excel }).Excel = {
      ...d.Excel,
      run: ((o: Excel.RunOptions, b: (c: Excel.RequestContext) => Promise<unknown>) =>
        typeof o === "function" ? run(o) : run({ ...o, delayForCellEdit: false }, b)) as typeof Excel.run,
    } as typeof Excel;
    d.faults.cellEditMode = true;
    await d.invokeAction("recalculateQuarter");
    d.faults.cellEditMode = false;
    expect(d.office.completions).toHaveLength(1);
    expect(outcome(d).get("ok")).toBe("0");
    expect(outcome(d).get("lines")).toContain("Excel is editing a cell: press Enter or Esc");
    expect(d.book.snapshot()).toEqual(before);
  });

  it("says so when the workbook has no Employees table", async () => {
    const d = doubleOfSample("en-US", (tables) =>
      tables.splice(
        tables.findIndex((t) => t.name === "Employees"),
        1,
      ),
    );
    await d.invokeAction("recalculateQuarter");
    expect(d.office.completions).toHaveLength(1);
    expect(outcome(d).get("lines")).toContain("The table Employees");
  });
});
