/**
 * The producer matrix (issue 7): the sample workbook as each tool HR's files come from writes it, each
 * file recalculated by the `kpi` command (a black box), and everything the checks need gathered once:
 * exit codes, openpyxl dumps of every file, LibreOffice's reading of every output, the packages.
 *
 * Stages, each running its tools concurrently: kpi init (both languages) → every producer → recalc of
 * every producer's file ‖ openpyxl dump of the producers' files → openpyxl dump of the outputs ‖
 * LibreOffice converting all outputs in one start, then a dump of what it wrote.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import * as XLSX from "xlsx";
import { sampleTables } from "../../../src/app/sample";
import { Run, Tools, pool, run, sofficeConvert } from "./tools";

export type Lang = "zh" | "en";
export const LANGS: Lang[] = ["zh", "en"];
/** SPEC §3's output tables. */
export const OUTPUT_TABLES = ["Results", "Breakdown", "Issues", "RunLog"] as const;
export const INPUT_TABLES = sampleTables("en").map((t) => t.name);
export const PERIOD = "2026-Q2";

const ROOT = fileURLToPath(new URL("../../../", import.meta.url));
const HERE = fileURLToPath(new URL(".", import.meta.url));
const KPI = join(ROOT, "bin", "kpi.js");

/** [coordinate, value, number_format, font, fill, border, alignment], as openpyxl_dump.py writes them. */
export type CellDump = [string, unknown, string, string, string, string, string];
export interface SheetDump {
  name: string;
  tables: Record<string, { ref: string; style: string | null }>;
  freeze: string | null;
  widths: Record<string, number>;
  cells: CellDump[];
}
export type WorkbookDump = { ok: true; sheets: SheetDump[] } | { ok: false; error: string };

export interface ProducerSpec {
  id: string;
  label: string;
  /** Why the producer cannot run here, or undefined when its tool is installed. */
  missing(tools: Tools): string | undefined;
  /**
   * Whether its files keep the sample's Excel tables (ListObjects), found by trying each tool: when
   * false the matrix expects today's answer to a workbook without tables (exit 2, nothing written).
   */
  keepsTables: boolean;
  make(ctx: MakeContext): Promise<Record<Lang, string>>;
}

interface MakeContext {
  dir: string;
  tools: Tools;
  /** The ExcelJS-written sample (kpi init), which the re-saving producers start from. */
  exceljs: Record<Lang, string>;
  profile: string;
}

const both = async (f: (lang: Lang) => Promise<string>): Promise<Record<Lang, string>> => {
  const [zh, en] = await Promise.all(LANGS.map(f));
  return { zh, en };
};
function ok(r: Run, what: string): void {
  if (r.code !== 0) throw new Error(`${what} exited ${r.code}: ${r.stderr.trim() || r.stdout.trim()}`);
}

/** sampleTables(lang) as xlsxwriter_sample.py reads it: formats by column index, dates as {date}. */
export function sampleJson(lang: Lang): string {
  const tables = sampleTables(lang).map((t) => {
    const keys = sampleTables("en").find((e) => e.name === t.name)!.headers;
    const formats = Object.fromEntries(Object.entries(t.formats).map(([key, code]) => [String(keys.indexOf(key)), code]));
    const rows = t.rows.map((r) => r.map((v) => (v instanceof Date ? { date: v.toISOString().slice(0, 10) } : v)));
    return { name: t.name, sheet: t.sheet, headers: t.headers, rows, formats };
  });
  const readme = lang === "zh" ? { sheet: "说明", title: "KPI 绩效奖金：示例工作簿" } : { sheet: "ReadMe", title: "KPI Bonus: sample workbook" };
  return JSON.stringify({ readme, tables });
}

export const PRODUCERS: ProducerSpec[] = [
  {
    id: "exceljs",
    label: "ExcelJS (kpi init)",
    missing: () => undefined,
    keepsTables: true,
    make: async (ctx) => ctx.exceljs,
  },
  {
    id: "sheetjs",
    label: "SheetJS CE 0.18 (read + write)",
    missing: () => undefined,
    keepsTables: false,
    // With the options that keep the most: number formats and column widths.
    make: (ctx) =>
      both(async (lang) => {
        const out = join(ctx.dir, `sheetjs-${lang}.xlsx`);
        const wb = XLSX.read(readFileSync(ctx.exceljs[lang]), { cellStyles: true, cellNF: true });
        writeFileSync(out, XLSX.write(wb, { type: "buffer", bookType: "xlsx", cellStyles: true }));
        return out;
      }),
  },
  {
    id: "openpyxl",
    label: "openpyxl (load + save)",
    missing: (t) => (t.openpyxl ? undefined : "no python with openpyxl"),
    keepsTables: true,
    make: async (ctx) => {
      const files = { zh: join(ctx.dir, "openpyxl-zh.xlsx"), en: join(ctx.dir, "openpyxl-en.xlsx") };
      ok(await run(ctx.tools.openpyxl!, [join(HERE, "openpyxl_resave.py"), ctx.exceljs.zh, files.zh, ctx.exceljs.en, files.en]), "openpyxl_resave.py");
      return files;
    },
  },
  {
    id: "xlsxwriter",
    label: "XlsxWriter (authored from sampleTables)",
    missing: (t) => (t.xlsxwriter ? undefined : "no python with xlsxwriter"),
    keepsTables: true,
    make: (ctx) =>
      both(async (lang) => {
        const json = join(ctx.dir, `sample-${lang}.json`);
        const out = join(ctx.dir, `xlsxwriter-${lang}.xlsx`);
        writeFileSync(json, sampleJson(lang));
        ok(await run(ctx.tools.xlsxwriter!, [join(HERE, "xlsxwriter_sample.py"), json, out]), "xlsxwriter_sample.py");
        return out;
      }),
  },
  {
    id: "libreoffice",
    label: "LibreOffice (soffice --convert-to xlsx)",
    missing: (t) => (t.soffice ? undefined : "soffice is not installed"),
    keepsTables: true,
    make: async (ctx) => {
      const dir = mkdtempSync(join(ctx.dir, "lo-in-"));
      const { run: r, converted } = await sofficeConvert(ctx.tools.soffice!, ctx.profile, [ctx.exceljs.zh, ctx.exceljs.en], "xlsx", dir);
      const files = { zh: converted.get(ctx.exceljs.zh), en: converted.get(ctx.exceljs.en) };
      if (!files.zh || !files.en) throw new Error(`soffice did not convert the sample: ${r.stderr.trim() || r.stdout.trim()}`);
      return files as Record<Lang, string>;
    },
  },
  {
    id: "gnumeric",
    label: "Gnumeric (ssconvert)",
    missing: (t) => (t.ssconvert ? undefined : "ssconvert is not installed"),
    keepsTables: false,
    make: (ctx) =>
      both(async (lang) => {
        const out = join(ctx.dir, `gnumeric-${lang}.xlsx`);
        ok(await run(ctx.tools.ssconvert!, ["-T", "Gnumeric_Excel:xlsx2", ctx.exceljs[lang], out]), "ssconvert");
        return out;
      }),
  },
];

export interface Recalc {
  run: Run;
  out: string;
  written: boolean;
}

export interface Matrix {
  dir: string;
  tools: Tools;
  /** Producer id → its files, or why it failed to make them. */
  produced: Map<string, { files?: Record<Lang, string>; error?: string }>;
  /** `${producer}/${lang}` → the recalculation of that file. */
  recalcs: Map<string, Recalc>;
  /** File path → what openpyxl reads there (producers' files and outputs). */
  dumps: Map<string, WorkbookDump>;
  /** Output path → LibreOffice's reading of it (converted to xlsx, dumped by openpyxl), or why not. */
  libre: Map<string, { dump?: WorkbookDump; error?: string }>;
  seconds: Record<string, number>;
}

export const key = (producer: string, lang: Lang) => `${producer}/${lang}`;

async function dumpAll(tools: Tools, files: string[]): Promise<Map<string, WorkbookDump>> {
  const dumps = new Map<string, WorkbookDump>();
  if (!tools.openpyxl || files.length === 0) return dumps;
  const r = await run(tools.openpyxl, [join(HERE, "openpyxl_dump.py"), ...files]);
  ok(r, "openpyxl_dump.py");
  for (const [file, d] of Object.entries(JSON.parse(r.stdout) as Record<string, WorkbookDump>)) dumps.set(file, d);
  return dumps;
}

export async function buildMatrix(tools: Tools, producers: ProducerSpec[]): Promise<Matrix> {
  const dir = mkdtempSync(join(tmpdir(), "kpi-producers-"));
  try {
    return await build(dir, tools, producers);
  } catch (e) {
    rmSync(dir, { recursive: true, force: true });
    throw e;
  }
}

async function build(dir: string, tools: Tools, producers: ProducerSpec[]): Promise<Matrix> {
  const profile = join(dir, "lo-profile");
  const seconds: Record<string, number> = {};
  const t0 = performance.now();
  const lap = (name: string, since: number) => (seconds[name] = Math.round((performance.now() - since) / 100) / 10);

  const exceljs = await both(async (lang) => {
    const file = join(dir, `exceljs-${lang}.xlsx`);
    ok(await run(process.execPath, [KPI, "init", file, ...(lang === "en" ? ["--lang", "en"] : []), "--force"]), "kpi init");
    return file;
  });
  lap("init", t0);

  const t1 = performance.now();
  const produced = new Map<string, { files?: Record<Lang, string>; error?: string }>();
  await Promise.all(
    producers.map(async (p) => {
      try {
        produced.set(p.id, { files: await p.make({ dir, tools, exceljs, profile }) });
      } catch (e) {
        produced.set(p.id, { error: e instanceof Error ? e.message : String(e) });
      }
    }),
  );
  lap("produce", t1);

  const t2 = performance.now();
  const jobs = producers.flatMap((p) => LANGS.map((lang) => ({ id: p.id, lang, file: produced.get(p.id)?.files?.[lang] }))).filter((j) => j.file);
  const producerFiles = jobs.map((j) => j.file!);
  const [recalcList, inputDumps] = await Promise.all([
    pool(jobs, Math.max(2, availableParallelism()), async (j) => {
      const out = join(dir, `${j.id}-${j.lang}-out.xlsx`);
      const r = await run(process.execPath, [KPI, "recalc", j.file!, "--period", PERIOD, "--out", out]);
      return [key(j.id, j.lang), { run: r, out, written: existsSync(out) }] as const;
    }),
    dumpAll(tools, producerFiles),
  ]);
  const recalcs = new Map<string, Recalc>(recalcList);
  lap("recalc", t2);

  const t3 = performance.now();
  const outputs = [...recalcs.values()].filter((r) => r.written).map((r) => r.out);
  const libre = new Map<string, { dump?: WorkbookDump; error?: string }>();
  const [outputDumps] = await Promise.all([
    dumpAll(tools, outputs),
    (async () => {
      if (!tools.soffice || outputs.length === 0) return;
      const loDir = mkdtempSync(join(dir, "lo-out-"));
      const { run: r, converted } = await sofficeConvert(tools.soffice, profile, outputs, "xlsx", loDir);
      const readable = [...converted.values()].filter((f): f is string => Boolean(f));
      const loDumps = await dumpAll(tools, readable);
      for (const out of outputs) {
        const f = converted.get(out);
        libre.set(
          out,
          f
            ? { dump: loDumps.get(f) }
            : {
                error: `LibreOffice could not load it (soffice: ${
                  r.stderr
                    .trim()
                    .split("\n")
                    .filter((l) => !/javaldx/.test(l))
                    .join(" ") || `exit ${r.code}`
                })`,
              },
        );
      }
    })(),
  ]);
  lap("check", t3);
  lap("total", t0);
  return { dir, tools, produced, recalcs, dumps: new Map([...inputDumps, ...outputDumps]), libre, seconds };
}
