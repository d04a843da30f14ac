/**
 * Properties of the whole recalculation (issue 7), over random workbooks grown from the sample (random
 * actuals, bases, targets and sales within their valid ranges) with random bad cells in the rows a
 * 2026-Q2 run reads:
 * - it never crashes;
 * - every bad cell appears in Issues with its address;
 * - every employee without an issue is computed exactly as in the same workbook with the bad rows removed
 *   (Rank aside: one in Error for a bad cell may still hold a score and a rank, one removed holds none);
 * - re-running on the output changes nothing but RunLog (one more row).
 * Bounded to a few hundred runs, a few seconds of CI.
 */
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { RunSummary, runRecalculation } from "../../src/app/recalculate";
import { CellValue } from "../../src/workbook/port";
import { MemoryWorkbook } from "../../src/workbook/memory";
import { PlainTable, memoryOf, scaledSample } from "../support/scaled";
import { corpusFigures } from "./figures";

const NOW = new Date("2026-07-05T09:00:00Z");
const RUNS = 400;
type Tables = Map<string, PlainTable>;
const base = new Map(scaledSample(12).map((t) => [t.name, t]));
const copy = (t: Tables): Tables => new Map([...t].map(([n, x]) => [n, { ...x, headers: [...x.headers], rows: x.rows.map((r) => [...r]) }]));

/** Cells a 2026-Q2 run must read, by table: [row index, column index] of number cells. */
function readCells(t: Tables): Array<{ table: string; row: number; col: number }> {
  const out: Array<{ table: string; row: number; col: number }> = [];
  const each = (table: string, rowOk: (r: CellValue[]) => boolean, cols: number[]) =>
    t.get(table)!.rows.forEach((r, i) => {
      if (rowOk(r)) for (const c of cols) out.push({ table, row: i, col: c });
    });
  each("Employees", () => true, [4]);
  // Actuals of Q2 for numeric rules (Binary actuals are words; they have their own errors).
  each("Actuals", (r) => r[1] === "2026-Q2" && typeof r[3] === "number", [3]);
  each("Targets", (r) => r[1] === "2026-Q2" && r[3] !== null, [2, 3]);
  each("Sales", (r) => ["2026-04", "2026-05", "2026-06"].includes(String(r[1])), [2, 3, 4]);
  each("Incentives", (r) => String(r[1]).startsWith("2026-Q2") || ["2026-05", "2026-06"].includes(String(r[1])), [4]);
  each("Adjustments", (r) => r[1] === "2026-Q2" || r[1] === "2026-06", [2]);
  return out;
}

/** A random but valid workbook: the sample with its numbers moved within their ranges. */
const workbook = fc.record({ seed: fc.integer({ min: 1, max: 1_000_000 }), scale: fc.integer({ min: 50, max: 150 }) }).map(({ seed, scale }) => {
  const t = copy(base);
  let s = seed;
  const rand = () => (s = (s * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
  for (const r of t.get("Employees")!.rows) r[4] = Math.round(((r[4] as number) * scale) / 100);
  for (const r of t.get("Actuals")!.rows) if (typeof r[3] === "number" && r[3] < 1 && r[3] > 0) r[3] = Math.round(r[3] * (90 + rand() * 20)) / 100;
  for (const r of t.get("Targets")!.rows) if (typeof r[3] === "number") r[3] = Math.round((r[3] as number) * (0.8 + rand() * 0.4));
  for (const r of t.get("Sales")!.rows) r[3] = Math.round((r[3] as number) * (0.7 + rand() * 0.6));
  return t;
});

const BAD: CellValue[] = ["abc", "#N/A", true, null, 1e16, "#DIV/0!"];
const corruption = fc.array(fc.record({ pick: fc.nat(), bad: fc.constantFrom(...BAD) }), { minLength: 1, maxLength: 4 });

const address = (table: string, row: number, col: number) => `${String.fromCharCode(65 + col)}${row + 2}`;
const run = (t: Tables, wb: MemoryWorkbook = memoryOf([...t.values()])) => runRecalculation(wb, "2026-Q2", { now: NOW });
const q2 = (s: RunSummary) => new Map(s.rows.Results.filter((r) => r[4] === "2026-Q2").map((r) => [String(r[0]), r]));

let tried = 0;
afterAll(() => corpusFigures.add(`random workbooks with ${tried} random bad cells (property tests)`, RUNS));

describe("the recalculation over random workbooks with random bad cells", () => {
  it("never crashes, names every bad cell, computes everyone else as if the bad rows were gone, and re-runs to the same tables", async () => {
    await fc.assert(
      fc.asyncProperty(workbook, corruption, async (good, bads) => {
        const cells = readCells(good);
        const t = copy(good);
        const hit = [
          ...new Map(
            bads.map((b) => {
              const c = cells[b.pick % cells.length];
              return [`${c.table}!${c.row}!${c.col}`, { ...c, bad: b.bad }];
            }),
          ).values(),
        ];
        for (const h of hit) t.get(h.table)!.rows[h.row][h.col] = h.bad;
        tried += hit.length;
        const wb = memoryOf([...t.values()]);
        const bad = await run(t, wb);
        // Every bad cell is an Issue at its address.
        for (const h of hit) {
          const at = address(h.table, h.row, h.col);
          expect(
            bad.result.issues.some((i) => i.table === h.table && i.cell === at),
            `${h.table} ${at} = ${String(h.bad)}`,
          ).toBe(true);
        }
        // Everyone no issue names is computed as in the workbook without the bad rows.
        const named = new Set(bad.result.issues.map((i) => i.employeeId));
        const without = copy(good);
        for (const table of new Set(hit.map((h) => h.table))) {
          const rows = new Set(hit.filter((h) => h.table === table).map((h) => h.row));
          without.get(table)!.rows = without.get(table)!.rows.filter((_, i) => !rows.has(i));
        }
        const gone = await run(without);
        const a = q2(bad);
        const b = q2(gone);
        // Rank aside: an employee in Error for a bad cell may still be ranked by their score, one removed is not.
        const noRank = (r: readonly unknown[] | undefined) => r?.filter((_, i) => i !== 7);
        for (const [id, row] of a) {
          if (named.has(id) || row[16] !== "OK") continue;
          expect(noRank(row), id).toEqual(noRank(b.get(id)));
        }
        // Re-running on the output changes nothing but RunLog, whose row for the period is this run's.
        const before = Object.fromEntries(["Results", "Breakdown", "Issues"].map((n) => [n, wb.tables.get(n)!.rows]));
        await run(t, wb);
        for (const n of ["Results", "Breakdown", "Issues"]) expect(wb.tables.get(n)!.rows, n).toEqual(before[n]);
        expect(wb.tables.get("RunLog")!.rows).toHaveLength(1);
      }),
      { numRuns: RUNS },
    );
  }, 120_000);
});
