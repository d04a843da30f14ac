/**
 * The Office.js adapter on the Excel double: the same recalculation as on the in-memory workbook, in a
 * fixed number of syncs plus one per 4 MB block, within Excel on the web's payload limits, and safe
 * when Excel fails at any sync.
 */
import { describe, expect, it } from "vitest";
import { OUTPUT_NAMES, runRecalculation } from "../../../src/app/recalculate";
import { OutputName } from "../../../src/engine/contract";
import { CellValue } from "../../../src/workbook/port";
import { CellEditMode, GrowthBlocked, OfficeHost, OfficeWorkbook } from "../../../src/workbook/office/officeWorkbook";
import { fromExcel } from "../../../src/workbook/office/read";
import { ExcelDouble } from "../../support/excel";
import { doubleOf, hostOf } from "../../support/doubles";
import { PlainTable, memoryOf, scaledSample } from "../../support/scaled";

const NOW = new Date("2026-07-05T09:00:00Z");
const FOUR_MB = 4 * 1024 * 1024;

/** A table as Excel holds it, read back as port values (blanks null, date serials dates). */
function excelTable(d: ExcelDouble, name: string): { headers: string[]; rows: CellValue[][] } | null {
  const t = d.book.table(name);
  if (!t) return null;
  return { headers: t.headers, rows: t.rows.map((r, i) => r.map((v, j) => fromExcel(v, t.formats[i]?.[j]))) };
}

function memoryTable(wb: ReturnType<typeof memoryOf>, name: string): { headers: string[]; rows: CellValue[][] } {
  const t = wb.tables.get(name)!;
  // A table always has at least one body row: an empty one is one blank row in Excel.
  const rows = t.rows.length > 0 ? t.rows : [t.headers.map(() => null)];
  // An empty text is a blank cell, as Excel holds it.
  return { headers: t.headers, rows: rows.map((r) => r.map((v) => (v === undefined || v === "" ? null : v))) };
}

async function bothHosts(tables: readonly PlainTable[], period = "2026-Q2") {
  const memory = memoryOf(tables);
  await runRecalculation(memory, period, { now: NOW });
  const d = doubleOf(tables);
  const before = d.stats.syncs;
  let readSyncs = 0;
  const wb = new OfficeWorkbook(hostOf(d), { onSync: (phase) => phase === "reading" && readSyncs++ });
  const summary = await runRecalculation(wb, period, { now: NOW });
  return { memory, d, summary, readSyncs, syncs: d.stats.syncs - before };
}

describe("the Office adapter on the Excel double", () => {
  for (const [n, readSyncs] of [
    // 2 syncs for the tables and their shapes, then the values: one 4 MB response for 10 and 1,000
    // employees; at 50,000 the Actuals, Ratings and Sales bodies pass 4 MB and are read in blocks.
    [10, 3],
    [1000, 3],
  ] as const) {
    it(`recalculates ${n} employees as the in-memory workbook does, in ${readSyncs} read syncs, no request over 4 MB`, async () => {
      const { memory, d, readSyncs: reads } = await bothHosts(scaledSample(n));
      expect(reads).toBe(readSyncs);
      expect(d.stats.maxRequestBytes).toBeLessThanOrEqual(FOUR_MB);
      expect(d.stats.maxResponseBytes).toBeLessThanOrEqual(FOUR_MB);
      for (const name of OUTPUT_NAMES.filter((x) => x !== "RunLog")) expect(excelTable(d, name), name).toEqual(memoryTable(memory, name));
    });
  }

  it("reads 50,000 employees in 4 MB blocks: syncs grow by blocks, not by employees", async () => {
    const { memory, d, readSyncs, syncs } = await bothHosts(scaledSample(50000));
    // Measured: the values of all input tables weigh about 36 MB as JSON, so 2 + about 10 blocks.
    expect(readSyncs).toBeGreaterThan(3);
    expect(readSyncs).toBeLessThanOrEqual(2 + Math.ceil((d.stats.records.reduce((a, r) => a + r.responseBytes, 0) * 1.25) / FOUR_MB) + 2);
    expect(d.stats.maxRequestBytes).toBeLessThanOrEqual(FOUR_MB);
    expect(d.stats.maxResponseBytes).toBeLessThanOrEqual(FOUR_MB);
    expect(excelTable(d, "Results")).toEqual(memoryTable(memory, "Results"));
    expect(syncs).toBeLessThan(60);
  }, 120_000);
});

describe("writing into Excel", () => {
  const sample = () => scaledSample(12);

  it("blanks last run's money when an employee is Error on the next run ('' written, never null)", async () => {
    const d = doubleOf(sample());
    await runRecalculation(new OfficeWorkbook(hostOf(d)), "2026-Q2", { now: NOW });
    const before = excelTable(d, "Results")!;
    const money = before.headers.indexOf("TotalPay");
    const p001 = () => excelTable(d, "Results")!.rows.find((r) => r[0] === "P001")!;
    expect(p001()[money]).toBe(13213.86);
    // P001's department loses its Q2 target: completion cannot be computed, P001 is Error.
    const targets = d.book.table("Targets")!;
    const row = targets.rows.findIndex((r) => r[0] === "Presales Support" && r[1] === "2026-Q2");
    await d.run(async (context) => {
      context.workbook.worksheets.getItem("Targets").getRange(`C${row + 2}`).values = [[""]];
      await context.sync();
    });
    await runRecalculation(new OfficeWorkbook(hostOf(d)), "2026-Q2", { now: NOW });
    const after = p001();
    expect(after[before.headers.indexOf("Status")]).toBe("Error");
    for (const h of ["QuarterlyBonus", "DealBonus", "Commission", "Incentives", "Penalties", "Adjustments", "TotalPay"])
      expect(after[before.headers.indexOf(h)], h).toBeNull();
    expect(d.book.cell("Results", `P${excelTable(d, "Results")!.rows.findIndex((r) => r[0] === "P001") + 2}`).value).toBe("");
  });

  it("reads a date cell (a serial number in a date format) as the date", async () => {
    const d = doubleOf(sample());
    // P003 joined on 6 May 2026: serial 46148 with a date format, as Excel holds it.
    const employees = d.book.table("Employees")!;
    const r = employees.rows.findIndex((x) => x[0] === "P003");
    expect(d.book.cell("Employees", `F${r + 2}`).value).toBe(46148);
    const tables = await new OfficeWorkbook(hostOf(d)).readTables(["Employees"]);
    expect(tables.get("Employees")!.rows[r][5]).toEqual(new Date(Date.UTC(2026, 4, 6)));
  });

  it("writes a name that starts with = as text, not as a formula", async () => {
    const tables = sample();
    const employees = tables.find((t) => t.name === "Employees")!;
    employees.rows[0][1] = "=SUM(A1:A2)";
    employees.rows[1][1] = "-Li-";
    employees.rows[2][1] = "+86 138";
    const d = doubleOf(tables);
    await runRecalculation(new OfficeWorkbook(hostOf(d)), "2026-Q2", { now: NOW });
    for (const [i, name] of [
      [2, "=SUM(A1:A2)"],
      [3, "-Li-"],
      [4, "+86 138"],
    ] as const) {
      const cell = d.book.cell("Results", `B${i}`);
      expect(cell.formula).toBeUndefined();
      expect(cell.value).toBe(name);
    }
  });

  it("leaves a user's own sheet named Results alone and puts the table on Results (2)", async () => {
    const d = doubleOf(sample());
    d.book.addSheet("Results");
    d.book.setCells("Results", "A1", [["My notes"], ["keep me"]]);
    const report = (await runRecalculation(new OfficeWorkbook(hostOf(d)), "2026-Q2", { now: NOW })).written;
    expect(report.renamedSheets).toEqual([{ table: "Results", sheet: "Results (2)" }]);
    expect(d.book.table("Results")!.sheet).toBe("Results (2)");
    expect([d.book.cell("Results", "A1").value, d.book.cell("Results", "A2").value]).toEqual(["My notes", "keep me"]);
  });

  it("waits for the user to finish editing a cell, then writes", async () => {
    const d = doubleOf(sample());
    d.faults.cellEditMode = true;
    const run = runRecalculation(new OfficeWorkbook(hostOf(d)), "2026-Q2", { now: NOW });
    await new Promise((r) => setTimeout(r, 20));
    expect(d.faults.waitingForCellEdit).toBeGreaterThan(0);
    d.faults.exitCellEdit();
    expect((await run).employees).toBe(12);
    expect(d.book.table("Results")!.rows).toHaveLength(12);
  });

  it("tells the user to finish the cell where Excel cannot wait, and changes nothing", async () => {
    const d = doubleOf(sample());
    const before = d.book.snapshot();
    // A host without delayForCellEdit support ignores the option: the batch fails at once.
    const host: OfficeHost = {
      ...hostOf(d),
      run: ((options: Excel.RunOptions, batch: (c: Excel.RequestContext) => Promise<unknown>) =>
        d.run({ ...options, delayForCellEdit: false }, batch)) as typeof Excel.run,
    };
    d.faults.cellEditMode = true;
    await expect(runRecalculation(new OfficeWorkbook(host), "2026-Q2", { now: NOW })).rejects.toBeInstanceOf(CellEditMode);
    d.faults.cellEditMode = false;
    expect(d.book.snapshot()).toEqual(before);
  });
});

describe("a note where an output table must grow", () => {
  it("names the first filled cell, not the empty corner of the filled area, and changes nothing", async () => {
    const d = doubleOf(scaledSample(12));
    // 2026-Q1 writes Results over A1:R12 (12 employees); 2026-Q2 adds 12 more rows below them.
    await runRecalculation(new OfficeWorkbook(hostOf(d)), "2026-Q1", { now: NOW });
    d.book.setCells("Results", "E16", [["checked by Li"]]);
    d.book.setCells("Results", "B18", [["approved"]]);
    const before = d.book.snapshot();
    // The filled area is B16:E18, whose corner B16 is empty: E16 is the cell HR must move.
    const err = await runRecalculation(new OfficeWorkbook(hostOf(d)), "2026-Q2", { now: NOW }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(GrowthBlocked);
    expect((err as GrowthBlocked).cell).toBe("E16");
    expect(d.book.snapshot()).toEqual(before);
  });
});

describe("a failure at any sync", () => {
  /**
   * Each output table either as it was before the run or exactly as a run that succeeds writes it.
   * An 8 KB budget makes the sample's reads and writes take many blocks, so failures land mid-write.
   */
  const small = { budgetBytes: 8 * 1024 };
  async function failEachSync(prepare: (d: ExcelDouble) => Promise<void>, label: string) {
    const tables = scaledSample(12);
    const good = doubleOf(tables);
    await prepare(good);
    const syncsBefore = good.stats.syncs;
    await runRecalculation(new OfficeWorkbook(hostOf(good), small), "2026-Q2", { now: NOW });
    const total = good.stats.syncs - syncsBefore;
    const complete = Object.fromEntries(OUTPUT_NAMES.map((n) => [n, excelTable(good, n)]));
    expect(total, label).toBeGreaterThan(10);
    for (let n = 1; n <= total; n++) {
      const d = doubleOf(tables);
      await prepare(d);
      const inputs = Object.fromEntries(tables.map((t) => [t.name, excelTable(d, t.name)]));
      const outputsBefore = Object.fromEntries(OUTPUT_NAMES.map((x) => [x, excelTable(d, x)]));
      d.faults.failAtSync(n, { code: "GeneralException", applied: "half" });
      const outcome = await runRecalculation(new OfficeWorkbook(hostOf(d), small), "2026-Q2", { now: NOW }).then(
        () => "done",
        (e: Error) => e.name,
      );
      if (process.env.KPI_DEBUG) console.log(label, n, total, outcome);
      for (const t of tables) expect(excelTable(d, t.name), `${label}: sync ${n}, input ${t.name}`).toEqual(inputs[t.name]);
      for (const name of OUTPUT_NAMES as OutputName[]) {
        const got = excelTable(d, name);
        const ok = JSON.stringify(got) === JSON.stringify(outputsBefore[name]) || JSON.stringify(got) === JSON.stringify(complete[name]);
        expect(ok, `${label}: failing sync ${n} of ${total} (${outcome}) left ${name} neither as before nor complete`).toBe(true);
      }
    }
  }

  it("leaves the inputs untouched and every output table as before or complete, on a first run", async () => {
    await failEachSync(async () => undefined, "first run");
  });

  it("leaves the inputs untouched and every output table as before or complete, on a re-run", async () => {
    await failEachSync(async (d) => {
      await runRecalculation(new OfficeWorkbook(hostOf(d)), "2026-Q1", { now: NOW });
    }, "re-run");
  });

  /** Each sync failing in turn: the Issues links and the status colours are as before the run, or as a run that succeeds leaves them. */
  async function looksEachSync(prepare: (d: ExcelDouble) => Promise<void>) {
    // Two Actuals cells typed "x": each run has Issues rows that link to Actuals, different in Q1 and Q2.
    const tables = scaledSample(12).map((t) =>
      t.name === "Actuals" ? { ...t, rows: t.rows.map((r, i) => (i === 0 || i === 7 ? r.map((v, j) => (j === 3 ? "x" : v)) : r)) } : t,
    );
    /** Every link in the Issues table's cells, by address, and the conditional formats' ranges on Results' and Issues' sheets. */
    const looks = (d: ExcelDouble) => {
      const issues = d.book.table("Issues")!;
      const links: string[] = [];
      for (let i = 0; i <= issues.rows.length + 2; i++)
        for (let j = 0; j < issues.headers.length + 2; j++) {
          const a = `${String.fromCharCode(65 + j)}${i + 2}`;
          const link = d.book.cell(issues.sheet, a).hyperlink?.documentReference;
          if (link) links.push(`${a} ${link}`);
        }
      const sheets = (d.book.snapshot() as { sheets: Array<{ name: string; conditionalFormats: Array<{ range: string }> }> }).sheets;
      const cf = ["Results", "Issues"].map((n) => sheets.find((x) => x.name === n)!.conditionalFormats.map((c) => c.range));
      return JSON.stringify({ links, cf });
    };
    const good = doubleOf(tables);
    await prepare(good);
    const syncsBefore = good.stats.syncs;
    await runRecalculation(new OfficeWorkbook(hostOf(good), small), "2026-Q2", { now: NOW });
    const total = good.stats.syncs - syncsBefore;
    const complete = looks(good);
    let putBack = 0;
    for (let n = 1; n <= total; n++) {
      const d = doubleOf(tables);
      await prepare(d);
      const before = looks(d);
      d.faults.failAtSync(n, { code: "GeneralException", applied: "half" });
      const outcome = await runRecalculation(new OfficeWorkbook(hostOf(d), small), "2026-Q2", { now: NOW }).then(
        () => "done",
        (e: Error) => e.name,
      );
      const after = looks(d);
      if (outcome === "WriteUndone") putBack++;
      expect(
        after === before || after === complete,
        `failing sync ${n} of ${total} (${outcome}) left the links or colours neither as before nor complete`,
      ).toBe(true);
    }
    expect(putBack).toBeGreaterThan(3);
  }

  it("puts back the Issues links and the status colours with the tables, on a re-run", async () => {
    await looksEachSync(async (d) => {
      await runRecalculation(new OfficeWorkbook(hostOf(d)), "2026-Q1", { now: NOW });
    });
  });

  it("puts them back where they were when HR had moved a column, leaving none on HR's cells", async () => {
    // HR inserted a Note column before Cell: a run writes Cell back in its place and Note last.
    await looksEachSync(async (d) => {
      await runRecalculation(new OfficeWorkbook(hostOf(d)), "2026-Q1", { now: NOW });
      await d.run(async (context) => {
        const issues = d.book.table("Issues")!;
        context.workbook.tables.getItem("Issues").columns.add(issues.headers.indexOf("Cell"), undefined as never, "Note");
        await context.sync();
      });
    });
  });
});

describe("undo and the last resort", () => {
  it("writes in one undo step where Excel has ExcelApi 1.20, and as plain syncs where it has not", async () => {
    for (const [apiVersion, merged] of [
      ["1.20", true],
      ["1.14", false],
    ] as const) {
      const d = doubleOf(scaledSample(12), { apiVersion });
      await runRecalculation(new OfficeWorkbook(hostOf(d)), "2026-Q2", { now: NOW });
      const writes = d.runs.filter((r) => r.mergeUndoGroup);
      expect(writes.length > 0, apiVersion).toBe(merged);
      expect(d.book.table("Results")!.rows).toHaveLength(12);
    }
  });

  it("writes again without the undo group when Excel cannot undo the write in one step", async () => {
    const d = doubleOf(scaledSample(12));
    // Reads: 3 syncs; the write's check is the 4th; its first write sync the 5th.
    d.faults.failAtSync(5, { code: "UndoNotSupported", applied: "half" });
    await runRecalculation(new OfficeWorkbook(hostOf(d)), "2026-Q2", { now: NOW });
    expect(d.book.table("Results")!.rows).toHaveLength(12);
    expect(d.runs.at(-1)!.mergeUndoGroup).toBe(false);
  });

  it("says once which sheets it had to name otherwise, when it writes again without the undo group", async () => {
    const d = doubleOf(scaledSample(12));
    // HR's own sheets named Results and Dashboard: ours go to "Results (2)" and "Dashboard (2)".
    d.book.addSheet("Dashboard");
    d.book.setCells("Dashboard", "A1", [["my notes"]]);
    d.book.addSheet("Results");
    d.book.setCells("Results", "A1", [["my own results sheet"]]);
    d.faults.failAtSync(5, { code: "UndoNotSupported", applied: "half" });
    const s = await runRecalculation(new OfficeWorkbook(hostOf(d)), "2026-Q2", { now: NOW });
    expect(s.written.renamedSheets).toEqual([
      { table: "Results", sheet: "Results (2)" },
      { table: "Dashboard", sheet: "Dashboard (2)" },
    ]);
  });

  it("names the tables it could not put back, when putting them back fails too", async () => {
    const d = doubleOf(scaledSample(12));
    await runRecalculation(new OfficeWorkbook(hostOf(d)), "2026-Q1", { now: NOW });
    // The write's first sync fails after half its work, and so does the first sync of the repair.
    d.faults.failAtSync(5, { code: "GeneralException", applied: "half" });
    d.faults.failAtSync(6, { code: "GeneralException", applied: "none" });
    const error = await runRecalculation(new OfficeWorkbook(hostOf(d)), "2026-Q2", { now: NOW }).catch((e: Error) => e);
    expect((error as Error).name).toBe("OutputIncomplete");
    // The Dashboard, written in the same sync, is named too: it is rewritten whole by the next run.
    expect((error as Error).message).toMatch(
      /^Results, Breakdown, Issues, RunLog, Dashboard may be incomplete .*run again to repair them; a run without its RunLog row did not finish/,
    );
  });
});
