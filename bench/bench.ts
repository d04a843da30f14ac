/**
 * npm run bench [-- --employees 10000] [-- --rounds 3] [-- --no-exceljs] [-- --tsx]
 * Builds a large workbook (the sample's plans, N employees, their actuals, ratings and monthly sales),
 * then times, in this process: the baseline (ExcelJS loading and saving the same file, no computation),
 * the product's path (streamed read of the inputs, recalculation, output tables written into the
 * package), the engine alone on a quarter and on the year, and the arithmetic floor: the quarter's
 * formulas in plain numbers over the same tables (bench/float.ts). Each step's best of the rounds is
 * printed with its ratio to the baseline, and the engine's quarter with its ratio to the floor; ratios
 * are what to compare across machines.
 *
 * The code is timed as it ships: this file is bundled by esbuild (as lib/kpi.cjs is) and run by node.
 * With --tsx it is timed as tsx runs it instead, which wraps every function to keep its name and
 * reaches every import through a getter, and so is slower throughout.
 */
import ExcelJS from "exceljs";
import { buildSync } from "esbuild";
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { performance } from "node:perf_hooks";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { runRecalculation, readForEngine } from "../src/app/recalculate";
import { outputRows, recalculate } from "../src/engine/recalc";
import { sampleTables } from "../src/app/sample";
import { templateWorkbook } from "../src/cli/template";
import { XlsxWorkbook } from "../src/workbook/xlsx/package";
import { CellValue, OutputTable, OutputValue } from "../src/workbook/port";
import { floatQuarter } from "./float";

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const N = arg("employees", 10000);
const ROUNDS = arg("rounds", 3);
/** ExcelJS loads a whole workbook in memory and slows down superlinearly: skipped past 20,000 employees or on request. */
const EXCELJS = !process.argv.includes("--no-exceljs") && N <= 20000;

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
  // The port writes every table of a run in one unit of work: one call with them all.
  const written: OutputTable[] = [];
  const asOutput = (name: string, headers: readonly string[], rows: CellValue[][]): OutputTable => ({
    name,
    columns: headers.map((h) => ({ name: h, kind: "text" })),
    rows: rows.map((r) => r.map((v): OutputValue => (v !== null && typeof v === "object" && !(v instanceof Date) ? null : v))),
  });
  for (const [name, idCol] of Object.entries(perEmployee)) {
    const { headers, rows } = grow(name, idCol);
    written.push(asOutput(name, headers, rows));
  }
  // Individual targets follow the copied ids; department targets stay as they are.
  const targets = tables.get("Targets")!;
  const rows: CellValue[][] = [];
  for (const r of targets.rows) if (!/^[APC]\d{3}$/.test(String(r[0]))) rows.push(r);
  for (let k = 0; k < copies; k++) for (const r of targets.rows) if (/^[APC]\d{3}$/.test(String(r[0]))) rows.push([idOf(r[0], k), ...r.slice(1)]);
  written.push(asOutput("Targets", targets.headers, rows));
  await base.writeTables(written);
  return base.toBuffer();
}

/** A full garbage collection before each timed step, so no step pays for the garbage of the one before (ExcelJS leaves plenty). */
setFlagsFromString("--expose-gc");
const collectGarbage = runInNewContext("gc") as () => void;

async function time<T>(fn: () => Promise<T> | T): Promise<{ seconds: number; value: T }> {
  collectGarbage();
  const t0 = performance.now();
  const value = await fn();
  return { seconds: (performance.now() - t0) / 1000, value };
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

async function main(): Promise<void> {
  process.stdout.write(`building a workbook of ${N} employees… `);
  const built = await time(() => largeWorkbook(N));
  const input = built.value;
  process.stdout.write(`${(input.length / 1e6).toFixed(1)} MB in ${built.seconds.toFixed(1)} s\n`);

  const best = new Map<string, number>();
  const keep = (name: string, seconds: number) => best.set(name, Math.min(best.get(name) ?? Infinity, seconds));
  const STEPS = {
    baseline: "baseline: ExcelJS load + save, no computation",
    read: "read the input tables (streamed)",
    quarter: "recalculate 2026-Q2 (engine only)",
    rows: "  + its output rows (outputRows)",
    floor: "2026-Q2 in plain numbers (bench/float.ts)",
    year: "recalculate the year 2026 (engine only)",
    full: "kpi recalc: read + recalculate + write",
  };
  let mismatches = 0;
  for (let round = 0; round < ROUNDS; round++) {
    if (EXCELJS) {
      const baseline = await time(async () => {
        const wb = new ExcelJS.Workbook();
        await wb.xlsx.load(Buffer.from(input) as unknown as ArrayBuffer);
        return wb.xlsx.writeBuffer();
      });
      keep(STEPS.baseline, baseline.seconds);
    }
    const read = await time(async () => readForEngine(XlsxWorkbook.fromBuffer(input)));
    keep(STEPS.read, read.seconds);
    const quarter = await time(() => recalculate(read.value, "2026-Q2"));
    keep(STEPS.quarter, quarter.seconds);
    keep(STEPS.rows, (await time(() => outputRows(quarter.value))).seconds);
    const floor = await time(() => floatQuarter(read.value, 2026, 2));
    keep(STEPS.floor, floor.seconds);
    keep(STEPS.year, (await time(() => recalculate(read.value, "2026"))).seconds);
    if (round === 0) {
      // The floor must be the same formulas: every employee the engine pays gets the same TotalPay.
      const paid = new Map(floor.value.map((r) => [r.id, r.totalPay]));
      for (const r of quarter.value.results) if (r.totalPay !== null && Math.abs(r.totalPay.toNumber() - (paid.get(r.employee.id) ?? NaN)) > 0.005) mismatches++;
      if (quarter.value.results.length !== N) throw new Error(`expected ${N} employees in Results, got ${quarter.value.results.length}`);
    }
    if (N <= 20000) {
      const full = await time(async () => {
        const wb = XlsxWorkbook.fromBuffer(input);
        const s = await runRecalculation(wb, "2026-Q2", { now: new Date(0) });
        return { s, out: wb.toBuffer() };
      });
      keep(STEPS.full, full.seconds);
    }
  }
  const baseline = best.get(STEPS.baseline);
  console.log(`\n${`step (best of ${ROUNDS})`.padEnd(48)}${"seconds".padStart(9)}${"÷ baseline".padStart(12)}`);
  for (const [name, s] of best) console.log(`${name.padEnd(48)}${s.toFixed(3).padStart(9)}${(baseline ? (s / baseline).toFixed(3) : "").padStart(12)}`);
  const q = best.get(STEPS.quarter) as number;
  const f = best.get(STEPS.floor) as number;
  console.log(`\nengine quarter ÷ plain-number floor: ${(q / f).toFixed(1)}× (${(q * 1000).toFixed(0)} ms vs ${(f * 1000).toFixed(0)} ms); TotalPay mismatches: ${mismatches}`);
  console.log(`peak RSS ${mb(process.resourceUsage().maxRSS * 1024)}`);
}

/** Runs this file again as an esbuild bundle (what ships), unless it is that bundle or --tsx is asked for. */
function asShipped(): boolean {
  if (process.env.KPI_BENCH_BUNDLED || process.argv.includes("--tsx")) return false;
  // Inside the project, so that the bundle finds exceljs and esbuild, left outside it, in node_modules.
  const out = join(mkdtempSync(join(__dirname, "..", "node_modules", ".kpi-bench-")), "bench.cjs");
  buildSync({ entryPoints: [__filename], outfile: out, bundle: true, platform: "node", target: "node20", format: "cjs", external: ["exceljs", "esbuild"], logLevel: "warning" });
  const run = spawnSync(process.execPath, [out, ...process.argv.slice(2)], { stdio: "inherit", env: { ...process.env, KPI_BENCH_BUNDLED: "1" } });
  rmSync(dirname(out), { recursive: true, force: true });
  process.exitCode = run.status ?? 1;
  return true;
}

if (require.main === module && !asShipped()) {
  console.log(process.env.KPI_BENCH_BUNDLED ? "(timing the esbuild bundle, as shipped)" : "(timing through tsx)");
  main().catch((e) => {
    console.error(e);
    process.exitCode = 1;
  });
}
