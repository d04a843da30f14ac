/**
 * npm run bench [-- --quick] [-- --employees N] [-- --rounds R] [-- --tsx]
 * Synthetic workbooks grown from the sample plans (1,000, 10,000 and 100,000 employees; --quick: the
 * first two) and, for each, measurements each beside a baseline run on the same machine at the same time:
 *  1. the engine (a quarter, and the year) against a plain-number reimplementation of the quarter's
 *     formulas over the same tables (bench/float.ts, the arithmetic floor), each timed warm (after one
 *     untimed run, as a second recalculation in the pane runs; the cold first run is inside `kpi recalc`);
 *  2. `kpi recalc` end to end, the shipped command in a process of its own, against the naive ExcelJS
 *     load-and-save of the same file (in a process of its own too, skipped where it cannot finish, and
 *     said so), with the command's peak memory: the two alternate, each its best of the same rounds;
 *  3. the Office adapter on the Excel double: round trips (syncs) and the largest request;
 *  4. `bonus` and `step` calls per second against the same formulas in plain numbers;
 * and the command's start-up against a bare `node -e 0`. It prints a table, and as its last line
 *   bench: employees=N engine_s=A engine_vs_float=X cli_s=B cli_vs_exceljs=Y peak_mb=M syncs=Z max_request_mb=W fn_calls_per_s=V
 * for the largest size it ran (a figure it could not measure is `na`).
 *
 * Timed as it ships: this file is bundled by esbuild (as lib/kpi.cjs is) and run by node; --tsx times it
 * through tsx instead. One file: it is one script, each measurement a function of a few lines.
 */
import { buildSync } from "esbuild";
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { performance } from "node:perf_hooks";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { recalculateInExcel } from "../src/app/inExcel";
import { readForEngine } from "../src/app/recalculate";
import { templateWorkbook } from "../src/cli/template";
import { recalculate } from "../src/engine/recalc";
import * as fns from "../src/functions/functions";
import { CellValue, OutputTable, OutputValue } from "../src/workbook/port";
import { XlsxWorkbook } from "../src/workbook/xlsx/package";
import { createExcelDouble } from "../test/support/excel";
import { scaledSample } from "../test/support/scaled";
import { floatQuarter } from "./float";

const argValue = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : undefined;
};
const SIZES = argValue("employees") ? [argValue("employees") as number] : process.argv.includes("--quick") ? [1000, 10000] : [1000, 10000, 100000];
const ROUNDS = argValue("rounds") ?? 3;
/** The project: this file's folder's parent, or, for the bundle run from node_modules/.kpi-bench-…, the folder above node_modules. */
const ROOT = /[/\\]node_modules[/\\]/.test(__dirname) ? __dirname.slice(0, __dirname.search(/[/\\]node_modules[/\\]/)) : join(__dirname, "..");
const KPI = join(ROOT, "lib", "kpi.cjs");

/** The sample grown to n employees, written as an .xlsx through the project's own writer. */
export async function largeWorkbook(n: number): Promise<Uint8Array> {
  const base = XlsxWorkbook.fromBuffer(await templateWorkbook("en"));
  const asOutput = (t: { name: string; headers: string[]; rows: CellValue[][] }): OutputTable => ({
    name: t.name,
    columns: t.headers.map((h) => ({ name: h, kind: "number" })),
    rows: t.rows.map((r) => r.map((v): OutputValue => (v !== null && typeof v === "object" && !(v instanceof Date) ? null : v))),
  });
  await base.writeTables(scaledSample(n, "en").map(asOutput));
  return await base.toBuffer();
}

setFlagsFromString("--expose-gc");
const collectGarbage = runInNewContext("gc") as () => void;

/**
 * Best of the rounds, each after a full garbage collection so no step pays for the one before. With
 * `warm`, one untimed run first: the engine is timed as a second recalculation in the task pane runs,
 * with its code compiled; the first, cold run is part of `kpi recalc`'s figure, which starts a process.
 */
async function best<T>(fn: () => Promise<T> | T, rounds = ROUNDS, warm = false): Promise<{ seconds: number; value: T }> {
  let out: { seconds: number; value: T } | null = null;
  if (warm) {
    collectGarbage();
    await fn();
  }
  for (let i = 0; i < rounds; i++) {
    collectGarbage();
    const t0 = performance.now();
    const value = await fn();
    const seconds = (performance.now() - t0) / 1000;
    if (!out || seconds < out.seconds) out = { seconds, value };
  }
  return out as { seconds: number; value: T };
}

/** A command in a process of its own: its wall time and peak memory (read by a preloaded probe), or null when it fails. */
function child(args: string[], options: { memoryMb?: number; timeoutS?: number } = {}): { seconds: number; peakMb: number } | null {
  const probe = join(mkdtempSync(join(tmpdir(), "kpi-bench-probe-")), "probe.cjs");
  writeFileSync(probe, 'process.on("exit", () => process.stderr.write(`\\npeak_kb=${process.resourceUsage().maxRSS}\\n`));');
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [...(options.memoryMb ? [`--max-old-space-size=${options.memoryMb}`] : []), "-r", probe, ...args], {
    encoding: "utf8",
    timeout: (options.timeoutS ?? 600) * 1000,
    maxBuffer: 1 << 26,
  });
  const seconds = (performance.now() - t0) / 1000;
  rmSync(dirname(probe), { recursive: true, force: true });
  const peak = Number(r.stderr?.match(/peak_kb=(\d+)/)?.[1]);
  if (r.status !== 0 && r.status !== 1) return null;
  return { seconds, peakMb: peak / 1024 };
}

/** The naive baseline: ExcelJS loads the whole workbook and saves it, nothing computed. */
function excelJsRoundTrip(file: string, out: string): { seconds: number; peakMb: number } | null {
  const script = join(mkdtempSync(join(tmpdir(), "kpi-bench-exceljs-")), "roundtrip.cjs");
  writeFileSync(
    script,
    `const ExcelJS = require(${JSON.stringify(join(ROOT, "node_modules", "exceljs"))});\n(async () => { const wb = new ExcelJS.Workbook(); await wb.xlsx.readFile(${JSON.stringify(file)}); await wb.xlsx.writeFile(${JSON.stringify(out)}); })().catch((e) => { console.error(e && e.message); process.exit(3); });`,
  );
  const r = child([script], { memoryMb: 4096, timeoutS: 600 });
  rmSync(dirname(script), { recursive: true, force: true });
  return r;
}

/** Calls per second of a function over about a second. */
function perSecond(fn: () => unknown): number {
  let n = 0;
  const t0 = performance.now();
  while (performance.now() - t0 < 1000) for (let i = 0; i < 1000; i++, n++) fn();
  return n / ((performance.now() - t0) / 1000);
}

/** The functions against the same formulas in plain numbers (SPEC §5's examples). */
function functionCalls(): { bonus: number; step: number; bonusFloat: number; stepFloat: number } {
  const bonus = perSecond(() => fns.bonus(36000, 72 / 87, 92));
  const step = perSecond(() => fns.step(0.8, 0.9, 20, 0.05, 2, 0.01, 0.5));
  const bonusFloat = perSecond(() => Math.round(36000 * 0.4 * (72 / 87) * (92 / 100) * 100) / 100);
  const [completion, standard] = [0.8, 0.9];
  const stepFloat = perSecond(() => (completion < standard ? 20 - Math.floor((standard - completion) / 0.05 + 1e-9) * 2 : 20));
  return { bonus, step, bonusFloat, stepFloat };
}

/** Median wall time of a command over a few runs. */
function median(args: string[], runs = 7): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    spawnSync(process.execPath, args);
    times.push((performance.now() - t0) / 1000);
  }
  return times.sort((a, b) => a - b)[runs >> 1];
}

interface SizeFigures {
  employees: number;
  engine: number;
  year: number;
  floor: number;
  cli: number | null;
  peakMb: number | null;
  excelJs: number | null;
  syncs: number | null;
  maxRequestMb: number | null;
}

async function measure(n: number, dir: string): Promise<SizeFigures> {
  process.stdout.write(`\n${n.toLocaleString("en")} employees: building the workbook… `);
  const built = await best(() => largeWorkbook(n), 1);
  const file = join(dir, `bench-${n}.xlsx`);
  writeFileSync(file, built.value);
  process.stdout.write(`${(built.value.length / 1e6).toFixed(1)} MB in ${built.seconds.toFixed(1)} s\n`);
  const tables = await readForEngine(XlsxWorkbook.fromBuffer(built.value));
  const rounds = n > 20000 ? 1 : ROUNDS;
  const quarter = await best(() => recalculate(tables, "2026-Q2"), rounds, true);
  const floor = await best(() => floatQuarter(tables, 2026, 2), rounds, true);
  const year = await best(() => recalculate(tables, "2026"), rounds, true);
  // The floor computes the same formulas: every employee the engine pays gets the same TotalPay.
  const paid = new Map(floor.value.map((r) => [r.id, r.totalPay]));
  const mismatches = quarter.value.results.filter(
    (r) => r.totalPay !== null && Math.abs(r.totalPay.toNumber() - (paid.get(r.employee.id) ?? NaN)) > 0.005,
  ).length;
  if (mismatches > 0) throw new Error(`the plain-number floor pays ${mismatches} employees differently: it is not the same computation`);
  // The command and its baseline alternate, and each is its best of the rounds: a slow minute of the
  // machine then falls on both alike, and neither side gets more tries than the other.
  // A baseline that fails its first round is not tried again (at 100,000 it runs out of memory after minutes).
  let cli: { seconds: number; peakMb: number } | null = null;
  let excelJs: { seconds: number; peakMb: number } | null = null;
  let excelJsTried = false;
  for (let i = 0; i < rounds; i++) {
    const r = child([KPI, "recalc", file, "--period", "2026-Q2", "--out", join(dir, `out-${n}.xlsx`)]);
    if (r && (!cli || r.seconds < cli.seconds)) cli = r;
    if (excelJsTried && !excelJs) continue;
    excelJsTried = true;
    const b = excelJsRoundTrip(file, join(dir, `exceljs-${n}.xlsx`));
    if (b && (!excelJs || b.seconds < excelJs.seconds)) excelJs = b;
  }
  if (!excelJs) console.log(`  the ExcelJS baseline did not finish at ${n} employees (4 GB heap, 10 minutes): na`);
  let syncs: number | null = null;
  let maxRequestMb: number | null = null;
  if (n <= 50000) {
    const double = createExcelDouble({ sheets: [], platform: "web" });
    for (const t of scaledSample(n, "en")) {
      double.book.addSheet(t.sheet);
      double.book.addTable(
        t.sheet,
        "A1",
        t.name,
        t.headers,
        t.rows.map((r) => r.map((v) => (v !== null && typeof v === "object" && !(v instanceof Date) ? null : v))),
      );
    }
    const before = double.stats.syncs;
    await recalculateInExcel({ run: double.run, isSetSupported: (s, v) => double.Office.context.requirements.isSetSupported(s, v) }, { period: "2026-Q2" });
    syncs = double.stats.syncs - before;
    maxRequestMb = double.stats.maxRequestBytes / 1024 / 1024;
  } else console.log(`  the Excel double is not run at ${n} employees (its in-memory model of every cell is the limit, not the adapter): na`);
  return {
    employees: n,
    engine: quarter.seconds,
    year: year.seconds,
    floor: floor.seconds,
    cli: cli?.seconds ?? null,
    peakMb: cli?.peakMb ?? null,
    excelJs: excelJs?.seconds ?? null,
    syncs,
    maxRequestMb,
  };
}

const fix = (x: number | null, d = 2) => (x === null || !Number.isFinite(x) ? "na" : x.toFixed(d));

async function main(): Promise<void> {
  if (!existsSync(KPI)) throw new Error("lib/kpi.cjs is missing: run npm run build:cli first");
  const dir = mkdtempSync(join(tmpdir(), "kpi-bench-"));
  try {
    // The functions first, on a fresh heap: after the large workbooks, the collector's work on what they
    // left behind would be timed as the functions'.
    const calls = functionCalls();
    const rows: SizeFigures[] = [];
    for (const n of SIZES) rows.push(await measure(n, dir));
    const nodeAlone = median(["-e", "0"]);
    const startup = median([KPI, "--help"]);
    console.log(
      `\n${"employees".padStart(9)} ${"engine s".padStart(9)} ${"÷ float".padStart(8)} ${"year s".padStart(7)} ${"kpi s".padStart(7)} ${"ExcelJS s".padStart(10)} ${"÷ ExcelJS".padStart(10)} ${"peak MB".padStart(8)} ${"syncs".padStart(6)} ${"max req MB".padStart(11)}`,
    );
    for (const r of rows) {
      console.log(
        `${String(r.employees).padStart(9)} ${fix(r.engine, 3).padStart(9)} ${fix(r.engine / r.floor, 1).padStart(8)} ${fix(r.year, 3).padStart(7)} ${fix(r.cli).padStart(7)} ${fix(r.excelJs).padStart(10)} ${fix(r.cli !== null && r.excelJs !== null ? r.cli / r.excelJs : null, 3).padStart(10)} ${fix(r.peakMb, 0).padStart(8)} ${fix(r.syncs, 0).padStart(6)} ${fix(r.maxRequestMb).padStart(11)}`,
      );
    }
    const ten = rows.find((r) => r.employees === 10000);
    const hundred = rows.find((r) => r.employees === 100000);
    if (ten && hundred && ten.cli && hundred.cli) console.log(`\n100,000 ÷ 10,000 kpi recalc time: ${(hundred.cli / ten.cli).toFixed(1)}×`);
    console.log(
      `bonus: ${Math.round(calls.bonus).toLocaleString("en")} calls/s (plain numbers ${Math.round(calls.bonusFloat).toLocaleString("en")}); step: ${Math.round(calls.step).toLocaleString("en")} calls/s (plain numbers ${Math.round(calls.stepFloat).toLocaleString("en")})`,
    );
    console.log(`kpi start-up: ${(startup * 1000).toFixed(0)} ms, ${(startup / nodeAlone).toFixed(1)}× a bare node -e 0 (${(nodeAlone * 1000).toFixed(0)} ms)`);
    const last = rows[rows.length - 1];
    const cliVsExcelJs = last.cli !== null && last.excelJs !== null ? last.cli / last.excelJs : null;
    console.log(
      `bench: employees=${last.employees} engine_s=${fix(last.engine, 3)} engine_vs_float=${fix(last.engine / last.floor, 1)} cli_s=${fix(last.cli)} cli_vs_exceljs=${fix(cliVsExcelJs, 3)} peak_mb=${fix(last.peakMb, 0)} syncs=${fix(last.syncs, 0)} max_request_mb=${fix(last.maxRequestMb)} fn_calls_per_s=${Math.round(Math.min(calls.bonus, calls.step))}`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Runs this file again as an esbuild bundle (what ships), unless it is that bundle or --tsx is asked for. */
function asShipped(): boolean {
  if (process.env.KPI_BENCH_BUNDLED || process.argv.includes("--tsx")) return false;
  // Inside the project, so that the bundle finds exceljs and esbuild, left outside it, in node_modules.
  const out = join(mkdtempSync(join(__dirname, "..", "node_modules", ".kpi-bench-")), "bench.cjs");
  buildSync({
    entryPoints: [__filename],
    outfile: out,
    bundle: true,
    platform: "node",
    target: "node20",
    format: "cjs",
    external: ["exceljs", "esbuild"],
    logLevel: "warning",
  });
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
