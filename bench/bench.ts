/**
 * npm run bench [-- --employees 10000]
 * Builds a large workbook (the sample's plans, N employees, their actuals, ratings and monthly sales),
 * then times, in this process: the baseline (ExcelJS loading and saving the same file, no computation)
 * and the product's path (streamed read of the inputs, recalculation, output tables written into the
 * package). Prints seconds and ratios to the baseline; ratios are what to compare across machines.
 */
import ExcelJS from "exceljs";
import { performance } from "node:perf_hooks";
import { runRecalculation, readForEngine } from "../src/app/recalculate";
import { recalculate } from "../src/engine/recalc";
import { sampleTables } from "../src/app/sample";
import { templateWorkbook } from "../src/cli/template";
import { XlsxWorkbook } from "../src/workbook/xlsx/package";
import { CellValue } from "../src/workbook/port";
import { writeTable } from "../test/support/tables";

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const N = arg("employees", 10000);
const ROUNDS = arg("rounds", 1);

/** Grows the sample to N employees by copying its 12 people (and all their rows) under new ids. */
export async function largeWorkbook(n: number): Promise<Uint8Array> {
  const tables = new Map(sampleTables("en").map((t) => [t.name, t]));
  const base = XlsxWorkbook.fromBuffer(await templateWorkbook("en"));
  const people = tables.get("Employees")!.rows;
  const copies = Math.ceil(n / people.length);
  const idOf = (id: CellValue, k: number) => `${id}-${String(k).padStart(5, "0")}`;
  const grow = (name: string, idCol: number) => {
    const t = tables.get(name)!;
    const rows: CellValue[][] = [];
    for (let k = 0; k < copies; k++) for (const r of t.rows) if (name !== "Employees" || rows.length < n) rows.push(r.map((v, i) => (i === idCol ? idOf(v, k) : v instanceof Date ? v.toISOString().slice(0, 10) : v)));
    return { headers: t.headers, rows };
  };
  const perEmployee: Record<string, number> = { Employees: 0, Actuals: 0, Ratings: 0, Sales: 0, Incentives: 0, Adjustments: 0, Deals: 1 };
  for (const [name, idCol] of Object.entries(perEmployee)) {
    const { headers, rows } = grow(name, idCol);
    await writeTable(base, name, headers, rows);
  }
  // Individual targets follow the copied ids; department targets stay as they are.
  const targets = tables.get("Targets")!;
  const rows: CellValue[][] = [];
  for (const r of targets.rows) if (!/^[APC]\d{3}$/.test(String(r[0]))) rows.push(r);
  for (let k = 0; k < copies; k++) for (const r of targets.rows) if (/^[APC]\d{3}$/.test(String(r[0]))) rows.push([idOf(r[0], k), ...r.slice(1)]);
  await writeTable(base, "Targets", targets.headers, rows);
  return base.toBuffer();
}

async function time<T>(fn: () => Promise<T>): Promise<{ seconds: number; value: T }> {
  const t0 = performance.now();
  const value = await fn();
  return { seconds: (performance.now() - t0) / 1000, value };
}

async function main(): Promise<void> {
  process.stdout.write(`building a workbook of ${N} employees… `);
  const built = await time(() => largeWorkbook(N));
  const input = built.value;
  process.stdout.write(`${(input.length / 1e6).toFixed(1)} MB in ${built.seconds.toFixed(1)} s\n`);

  const results: Array<[string, number]> = [];
  for (let round = 0; round < ROUNDS; round++) {
    const baseline = await time(async () => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(Buffer.from(input) as unknown as ArrayBuffer);
      return wb.xlsx.writeBuffer();
    });
    const read = await time(async () => readForEngine(XlsxWorkbook.fromBuffer(input)));
    const engine = await time(async () => recalculate(read.value, "2026-Q2"));
    const year = await time(async () => recalculate(read.value, "2026"));
    const full = await time(async () => {
      const wb = XlsxWorkbook.fromBuffer(input);
      const s = await runRecalculation(wb, "2026-Q2", { now: new Date(0) });
      return { s, out: wb.toBuffer() };
    });
    const employees = full.value.s.employees;
    if (employees !== N) throw new Error(`expected ${N} employees in Results, got ${employees}`);
    results.push(["baseline: ExcelJS load + save, no computation", baseline.seconds], ["read the input tables (streamed)", read.seconds], ["recalculate (engine only)", engine.seconds], ["recalculate the year 2026 (engine only)", year.seconds], ["kpi recalc: read + recalculate + write", full.seconds]);
  }
  const baseline = results[0][1];
  console.log(`\n${"step".padEnd(48)}${"seconds".padStart(9)}${"÷ baseline".padStart(12)}`);
  for (const [name, s] of results) console.log(`${name.padEnd(48)}${s.toFixed(2).padStart(9)}${(s / baseline).toFixed(3).padStart(12)}`);
}

if (require.main === module) main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
