// @vitest-environment jsdom
/**
 * The pane in each state HR meets: a workbook without input tables, a run with errors, a clean run, a
 * cancelled run, and the statement of an employee in Error. The actions are the preview's, over the
 * fixture workbook (test/fixtures.ts), whose figures are worked out by hand in its comments and in
 * test/app/recalculate.test.ts (SPEC §5): P001 13213.86 = 10963.86 + 2250, P002 8143.45, A001 7985.28,
 * C001 26160 = 5760 + 6300 + 13800 + 300.
 * One file: every state is rendered from the same preview actions and fixture.
 */
import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { PaneActions, createTemplate } from "../../src/app/pane";
import { INPUT_NAMES, runRecalculation } from "../../src/app/recalculate";
import { INPUT_TABLES } from "../../src/engine/contract";
import { announceRun } from "../../src/app/runSignal";
import { MemoryWorkbook } from "../../src/workbook/memory";
import { TableData, WorkbookPort } from "../../src/workbook/port";
import { previewActions } from "../../src/taskpane/hosts";
import { baseRows, workbook } from "../fixtures";
import { renderPane } from "./render";

/** The fixture with two employees in Error and one Warning. */
function withErrors(): MemoryWorkbook {
  const rows = baseRows();
  rows.Actuals = rows.Actuals.filter((r) => !(r[0] === "P002" && r[2] === "HR")); // P002: a missing actual, at its EmployeeId cell Employees A3
  rows.Employees[3][4] = "six thousand"; // C001: MonthlyBase is text, Employees E5
  rows.Ratings.pop(); // A001: no Supervisor rating, re-weighted (Warning, Ratings D2)
  return workbook(rows);
}

async function recalculate(user: ReturnType<typeof renderPane>["user"]) {
  await user.click(await screen.findByRole("button", { name: "Recalculate" }));
  await screen.findByText("2026-Q2 recalculated");
}

const figure = (label: string) => {
  const dl = document.querySelector("dl")!;
  const dt = within(dl).getByText(label, { selector: "dt *, dt" });
  return dt.closest("div")!.querySelector("dd")!.textContent;
};

/** A table's body rows (the header row left out), as the text of their cells. */
const bodyCells = (table: HTMLElement) =>
  within(table)
    .getAllByRole("row")
    .slice(1)
    .map((r) =>
      within(r)
        .getAllByRole("cell")
        .map((c) => c.textContent),
    );

describe("a workbook without input tables", () => {
  it("offers the template first, and creating it brings the periods of the sample", async () => {
    const wb = new MemoryWorkbook();
    const { user } = renderPane(previewActions(wb));
    expect(await screen.findByRole("region", { name: "Start with the template" })).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Recalculate" })).toBeNull();
    await user.click(screen.getByRole("button", { name: "Create template" }));
    expect(await screen.findByText(`Created ${INPUT_NAMES.length} tables with the sample plans.`)).toBeTruthy();
    expect(wb.tables.has("Employees")).toBe(true);
    // The sample has Actuals for 2026-Q1 and 2026-Q2: the latest quarter is chosen.
    await waitFor(() => expect((screen.getByLabelText("Period") as HTMLSelectElement).value).toBe("2026-Q2"));
    expect([...(screen.getByLabelText("Period") as HTMLSelectElement).options].map((o) => o.value)).toEqual(["2026-Q2", "2026-Q1", "2026"]);
  });

  it("offers no template where the input tables exist, where it could only refuse", async () => {
    renderPane(previewActions(workbook()));
    expect(await screen.findByRole("button", { name: "Recalculate" })).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Create template" })).toBeNull();
  });

  it("changes nothing when the template's tables exist by the time it is asked for", async () => {
    // Another user, or the pane of another window, may have made them since the pane read the workbook.
    const wb = workbook();
    const made = await createTemplate(wb, "en");
    expect(made.created).toEqual([]);
    expect(made.existing).toEqual(expect.arrayContaining(["Employees", "Plans", "Indicators"]));
    expect(wb.writes).toBe(0);
  });
});

describe("a workbook whose tables are named by their Chinese aliases", () => {
  /** The fixture with every table renamed 员工表, 考核方案表 … (SPEC §3's aliases, with 表). */
  const aliased = () => {
    const wb = workbook();
    for (const [name, t] of [...wb.tables]) {
      const zh = INPUT_TABLES.find((x) => x.name === name)?.zh;
      if (!zh) continue;
      wb.tables.delete(name);
      wb.tables.set(`${zh}表`, { ...t, name: `${zh}表` });
    }
    return wb;
  };

  it("offers Recalculate and the periods, as the run reads those tables, and no template", async () => {
    renderPane(previewActions(aliased()));
    expect(await screen.findByRole("button", { name: "Recalculate" })).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Create template" })).toBeNull();
    await waitFor(() => expect((screen.getByLabelText("Period") as HTMLSelectElement).value).toBe("2026-Q2"));
  });

  it("creates no template beside them", async () => {
    const wb = aliased();
    expect((await createTemplate(wb, "zh")).created).toEqual([]);
    expect(wb.writes).toBe(0);
  });
});

describe("a clean run", () => {
  it("shows employees by status, total pay, pay per department and grades per plan", async () => {
    const wb = workbook();
    const { user } = renderPane(previewActions(wb));
    await recalculate(user);
    expect(figure("Employees")).toBe("4");
    expect(figure("OK")).toBe("4");
    expect(figure("Warning")).toBe("0");
    expect(figure("Error")).toBe("0");
    expect(figure("Total pay")).toBe("55,502.59"); // 13213.86 + 8143.45 + 7985.28 + 26160
    const departments = screen.getByRole("table", { name: "Total pay by department" });
    const rows = bodyCells(departments);
    expect(rows).toEqual([
      ["Presales Support", "2", "21,357.31"], // 13213.86 + 8143.45
      ["Accounts", "1", "7,985.28"],
      ["Channel", "1", "26,160.00"],
    ]);
    // P001 92 → Excellent (≥91), P002 82 → Good (≥81); A001 83.18 → B on the AE scale; C001 80 → Competent (≥71)
    const grades = screen.getAllByRole("list", { name: "Grades by plan" }).at(-1)!;
    expect(
      within(grades)
        .getAllByRole("listitem")
        .map((li) => li.textContent),
    ).toEqual(["Presales: Excellent 1 · Good 1", "AE: B 1", "CM: Competent 1"]);
    expect(wb.records("Results").find((r) => r.EmployeeId === "P001")?.TotalPay).toBe(13213.86);
  });

  it("reads the workbook again when the ribbon recalculated it meanwhile (the shared runtime's one page)", async () => {
    const wb = workbook();
    const actions = previewActions(wb);
    renderPane(actions);
    expect(await screen.findByText("This workbook has not been recalculated yet.")).toBeTruthy();
    // The ribbon's command: the same recalculation, outside the pane, then its announcement.
    await actions.recalculate("2026-Q2", {});
    announceRun();
    const card = await screen.findByRole("region", { name: "Last run" });
    await waitFor(() => expect(within(card).getByText(/^2026-Q2, /)).toBeTruthy());
  });

  it("then shows the run as the last run, current", async () => {
    const { user } = renderPane(previewActions(workbook()));
    expect(await screen.findByText("This workbook has not been recalculated yet.")).toBeTruthy();
    await recalculate(user);
    const card = await screen.findByRole("region", { name: "Last run" });
    await waitFor(() => expect(within(card).getByText(/^2026-Q2, /)).toBeTruthy());
    expect(within(card).getByText(/4 employees · 0 errors · 0 warnings · Total pay 55,502.59/)).toBeTruthy();
    expect(await within(card).findByText("Inputs unchanged since this run: Results are up to date.")).toBeTruthy();
  });

  it("shows the last run on opening before it knows whether the inputs changed since", async () => {
    // Telling reads every input table (seconds on a large workbook inside Excel): the card does not wait for it.
    const wb = workbook();
    await runRecalculation(wb, "2026-Q2", { now: new Date("2026-07-05T09:00:00Z") });
    renderPane({ ...previewActions(wb), inputsCurrent: () => new Promise<boolean>(() => undefined) });
    const card = await screen.findByRole("region", { name: "Last run" });
    await waitFor(() => expect(within(card).getByText(/^2026-Q2, /)).toBeTruthy());
    expect(screen.getByRole("button", { name: "Recalculate" })).toBeTruthy();
    expect(within(card).queryByText(/Inputs unchanged/)).toBeNull();
  });

  it("shows the Statements button only when that action is given, and says what it wrote where", async () => {
    const printed: string[] = [];
    const actions: PaneActions = {
      ...previewActions(workbook()),
      printStatements: async (p) => {
        printed.push(p);
        return { count: 1500, sheets: ["Statements", "Statements2"] };
      },
    };
    const { user } = renderPane(actions);
    await recalculate(user);
    await user.click(screen.getByRole("button", { name: "Statements" }));
    expect(printed).toEqual(["2026-Q2"]);
    // Beyond 1,000 statements the second thousand goes to Statements2: both are named.
    expect(await screen.findByText("Wrote 1500 statements on sheets Statements, Statements2.")).toBeTruthy();
  });

  it("warns that the statements show the last run's pay when the inputs changed after it", async () => {
    const actions: PaneActions = { ...previewActions(workbook()), printStatements: async () => ({ count: 4, sheets: ["Statements"], inputsChanged: true }) };
    const { user } = renderPane(actions);
    await recalculate(user);
    await user.click(screen.getByRole("button", { name: "Statements" }));
    expect(await screen.findByText(/^Wrote 4 statements on sheet Statements\. The inputs changed after this period was recalculated/)).toBeTruthy();
  });

  it("writes the statements once while a click is being written, the button disabled until it is done", async () => {
    let finish: () => void = () => undefined;
    let calls = 0;
    const actions: PaneActions = {
      ...previewActions(workbook()),
      printStatements: () => {
        calls++;
        return new Promise((resolve) => (finish = () => resolve({ count: 4, sheets: ["Statements"] })));
      },
    };
    const { user } = renderPane(actions);
    await recalculate(user);
    await user.click(screen.getByRole("button", { name: "Statements" }));
    const writing = await screen.findByRole("button", { name: "Writing statements…" });
    expect((writing as HTMLButtonElement).disabled).toBe(true);
    await user.click(writing);
    expect(calls).toBe(1);
    finish();
    expect(await screen.findByText("Wrote 4 statements on sheet Statements.")).toBeTruthy();
  });

  it("says so when writing the statements fails, and keeps the run's summary", async () => {
    const actions: PaneActions = {
      ...previewActions(workbook()),
      printStatements: async () => {
        throw new Error("the Statements sheet is protected");
      },
    };
    const { user } = renderPane(actions);
    await recalculate(user);
    await user.click(screen.getByRole("button", { name: "Statements" }));
    expect(await screen.findByText(/the Statements sheet is protected/)).toBeTruthy();
    expect(screen.getByText("Statements not written")).toBeTruthy();
    expect(screen.queryByText("Not recalculated")).toBeNull();
    // The summary of the run that did finish is still there, with its Statements button.
    expect(screen.getByRole("button", { name: "Statements" })).toBeTruthy();
  });

  it("has no Statements button without that action", async () => {
    const { user } = renderPane(previewActions(workbook()));
    await recalculate(user);
    expect(screen.queryByRole("button", { name: "Statements" })).toBeNull();
  });
});

describe("a run with errors", () => {
  it("counts the employees in Error, pays the others, and lists the issues errors first by table", async () => {
    const actions = previewActions(withErrors());
    const select = vi.spyOn(actions, "selectCell");
    const { user } = renderPane(actions);
    await recalculate(user);
    expect([figure("OK"), figure("Warning"), figure("Error")]).toEqual(["1", "1", "2"]);
    // P001 13213.86 + A001 7977.60 (Teamwork (90×20 + 80×30)/50 = 84 → 12.6; score 83.1 → 30000 × 0.4 × 0.8 × 0.831); P002 and C001 unpaid
    expect(figure("Total pay")).toBe("21,191.46");
    await user.click(screen.getByRole("tab", { name: /Issues/ }));
    const groups = screen.getAllByRole("region").filter((r) => ["Employees", "Actuals", "Ratings"].includes(r.getAttribute("aria-label") ?? ""));
    expect(groups.map((g) => g.getAttribute("aria-label"))).toEqual(["Employees", "Ratings"]);
    expect(screen.getByText("2 errors · 1 warning")).toBeTruthy();
    await user.click(screen.getByRole("button", { name: "Go to Employees E5" }));
    expect(select).toHaveBeenCalledWith("Employees", "E5");
    expect(await screen.findByText("In Excel this selects Employees!E5")).toBeTruthy();
    // The missing actual has no cell of its own: P002's EmployeeId cell, the second employee.
    await user.click(screen.getByRole("button", { name: "Go to Employees A3" }));
    expect(await screen.findByText("In Excel this selects Employees!A3")).toBeTruthy();
  });

  it("filters the issues by employee id or name", async () => {
    const { user } = renderPane(previewActions(withErrors()));
    await recalculate(user);
    await user.click(screen.getByRole("tab", { name: /Issues/ }));
    await user.type(screen.getByLabelText("Filter by employee"), "zhao");
    expect(screen.getByRole("button", { name: "Go to Employees E5" })).toBeTruthy(); // C001 Zhao Lei
    expect(screen.queryByRole("button", { name: "Go to Ratings D2" })).toBeNull();
    await user.clear(screen.getByLabelText("Filter by employee"));
    await user.type(screen.getByLabelText("Filter by employee"), "A001");
    expect(screen.getByRole("button", { name: "Go to Ratings D2" })).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Go to Employees E5" })).toBeNull();
  });

  it("finds, for an employee in Error, the issue of no one in particular that made them so", async () => {
    // Presales' BonusRate typed as 40 (for 40%): Plans C2 is an Error of the plan, with no EmployeeId,
    // and P001 and P002 (Presales) are Error because of it.
    const rows = baseRows();
    rows.Plans[0][2] = 40;
    const { user } = renderPane(previewActions(workbook(rows)));
    await recalculate(user);
    await user.click(screen.getByRole("tab", { name: /Issues/ }));
    await user.type(screen.getByLabelText("Filter by employee"), "P001");
    expect(screen.getByRole("button", { name: "Go to Plans C2" })).toBeTruthy();
    await user.clear(screen.getByLabelText("Filter by employee"));
    await user.type(screen.getByLabelText("Filter by employee"), "A001");
    expect(screen.queryByRole("button", { name: "Go to Plans C2" })).toBeNull();
  });

  it("finds it for the annual view too, whose flags lead with their quarter", async () => {
    const rows = baseRows();
    rows.Plans[0][2] = 40;
    const { user } = renderPane(previewActions(workbook(rows)));
    await waitFor(() => expect((screen.getByLabelText("Period") as HTMLSelectElement).value).toBe("2026-Q2"));
    await user.selectOptions(screen.getByLabelText("Period"), "2026");
    await user.click(screen.getByRole("button", { name: "Recalculate" }));
    await screen.findByText("2026 recalculated");
    await user.click(screen.getByRole("tab", { name: /Issues/ }));
    await user.type(screen.getByLabelText("Filter by employee"), "P001");
    expect(screen.getByRole("button", { name: "Go to Plans C2" })).toBeTruthy();
  });

  it("lists the same issues from Check without writing anything", async () => {
    const wb = withErrors();
    const { user } = renderPane(previewActions(wb));
    await user.click(await screen.findByRole("button", { name: "Check" }));
    expect(await screen.findByText("Issues found by the check of 2026-Q2 (nothing written)")).toBeTruthy();
    expect(screen.getByRole("button", { name: "Go to Employees E5" })).toBeTruthy();
    expect(wb.writes).toBe(0);
  });
});

/** A workbook whose reads wait until released, so a test can act while a run is reading. */
class Gate implements WorkbookPort {
  private open!: () => void;
  readonly opened = new Promise<void>((r) => (this.open = r));
  waiting = false;
  constructor(readonly wb: MemoryWorkbook) {}
  listTables() {
    return this.wb.listTables();
  }
  async readTables(names: readonly string[]): Promise<Map<string, TableData>> {
    if (names.includes("Results") && names.includes("Employees")) {
      this.waiting = true;
      await this.opened;
    }
    return this.wb.readTables(names);
  }
  writeTables(...args: Parameters<MemoryWorkbook["writeTables"]>) {
    return this.wb.writeTables(...args);
  }
  release() {
    this.open();
  }
}

describe("a cancelled run", () => {
  it("writes nothing and says so", async () => {
    const wb = workbook();
    const gate = new Gate(wb);
    const { recalculateOn, portActions } = await import("../../src/app/pane");
    const actions = portActions(() => gate, { recalculate: (p, c) => recalculateOn(gate, p, c), selectCell: async () => ({ missing: "" }) });
    const { user } = renderPane(actions);
    await user.click(await screen.findByRole("button", { name: "Recalculate" }));
    expect(await screen.findByRole("progressbar", { name: "Reading the workbook…" })).toBeTruthy();
    // While reading, the pane says why it may wait: Excel runs nothing while a cell is being edited.
    expect(screen.getByText("If Excel is editing a cell, press Enter or Esc: the run waits for it.")).toBeTruthy();
    await waitFor(() => expect(gate.waiting).toBe(true));
    await user.click(screen.getByRole("button", { name: "Cancel" }));
    expect(screen.getByRole("button", { name: "Cancelling…" })).toBeTruthy();
    gate.release();
    expect(await screen.findByText("Cancelled: nothing was written.")).toBeTruthy();
    expect(wb.writes).toBe(0);
    expect(wb.tables.has("Results")).toBe(false);
    expect(screen.getByRole("button", { name: "Recalculate" })).toHaveProperty("disabled", false);
  });
});

describe("the statement of an employee in Error", () => {
  it("shows the Results row with blank money, the flags and what to fix, and copies it as text", async () => {
    const { user, copied } = renderPane(previewActions(withErrors()));
    await recalculate(user);
    await user.click(screen.getByRole("tab", { name: "Statement" }));
    await user.type(await screen.findByLabelText("Employee"), "P002");
    const statement = await screen.findByRole("article", { name: "Li Na P002 2026-Q2" });
    expect(within(statement).getByText("Error")).toBeTruthy();
    expect(within(statement).getByText(/^Not computed, so not paid until fixed: .*no row for P002 "HR" in 2026-Q2/)).toBeTruthy();
    const pay = within(statement).getByRole("table", { name: "Pay" });
    // Its header row names the lines as pay, apart from the indicators' points above.
    expect(within(pay).getByRole("columnheader", { name: "Pay" })).toBeTruthy();
    const lines = bodyCells(pay);
    expect(lines).toEqual([
      ["Quarterly bonus", "—"],
      ["Deal bonus", "—"],
      ["Commission", "—"],
      ["Incentives", "—"],
      ["Penalties", "—"],
      ["Adjustments", "—"],
      ["Total pay", "—"],
    ]);
    // The Breakdown still explains the six indicators that have an actual (HR, the seventh, is missing).
    const indicators = within(statement).getByRole("table", { name: "Indicators" });
    expect(within(indicators).getAllByRole("row")).toHaveLength(1 + 6);
    expect(within(statement).getByRole("region", { name: "To fix" }).textContent).toContain('Employees A3: Actuals has no row for P002 "HR" in 2026-Q2');
    expect(within(statement).getByRole("region", { name: "To fix" }).textContent).not.toContain("Employees A3: Employees A3");
    await user.click(within(statement).getByRole("button", { name: "Copy" }));
    expect(copied).toHaveLength(1);
    expect(copied[0]).toContain("Li Na (P002) · Presales Support · Presales");
    expect(copied[0]).toContain("Status: Error (not computed, so not paid until fixed)");
    expect(copied[0]).toContain("- Total pay —");
    expect(await screen.findByText("Copied: paste it into a mail or a chat.")).toBeTruthy();
  });

  it("shows a paid employee's lines and total as the tables hold them", async () => {
    const { user } = renderPane(previewActions(workbook()));
    await recalculate(user);
    await user.click(screen.getByRole("tab", { name: "Statement" }));
    await user.type(await screen.findByLabelText("Employee"), "zhang");
    const statement = await screen.findByRole("article", { name: "Zhang Wei P001 2026-Q2" });
    const pay = within(statement).getByRole("table", { name: "Pay" });
    const total = within(pay).getAllByRole("row").at(-1)!;
    expect(total.textContent).toBe("Total pay13,213.86"); // 10963.86 + 2250
    expect(within(statement).getByText("80% vs standard 90%: 2 steps of 5% below, −4 → 16 of 20")).toBeTruthy();
  });
});

describe("in Chinese", () => {
  it("labels the run and its summary in Chinese", async () => {
    const { user } = renderPane(previewActions(workbook()), { lang: "zh" });
    await user.click(await screen.findByRole("button", { name: "重算" }));
    expect(await screen.findByText("2026-Q2 已重算")).toBeTruthy();
    expect(figure("员工")).toBe("4");
    expect(figure("应发合计")).toBe("55,502.59"); // the same four hand-worked totals as above
  });
});

describe("a failed run", () => {
  it("says what happened and what to do", async () => {
    const actions: PaneActions = { ...previewActions(workbook()), recalculate: async () => Promise.reject(new Error("the disk is on fire")) };
    const { user } = renderPane(actions);
    await user.click(await screen.findByRole("button", { name: "Recalculate" }));
    expect(await screen.findByText("Not recalculated")).toBeTruthy();
    expect(screen.getByText(/An unexpected error stopped the run: the disk is on fire/)).toBeTruthy();
  });
});

describe("a workbook that cannot be read on opening", () => {
  it("says why, and reads it again on Try again", async () => {
    let fail = true;
    const base = previewActions(workbook());
    const actions: PaneActions = { ...base, readWorkbook: () => (fail ? Promise.reject(new Error("Excel is busy")) : base.readWorkbook()) };
    const { user } = renderPane(actions);
    expect(await screen.findByText("The workbook could not be read")).toBeTruthy();
    expect(screen.getByText(/Excel is busy/)).toBeTruthy();
    fail = false;
    await user.click(screen.getByRole("button", { name: "Try again" }));
    expect(await screen.findByRole("button", { name: "Recalculate" })).toBeTruthy();
    expect(screen.queryByText(/Excel is busy/)).toBeNull();
  });
});
