/**
 * The outside tools of the producer matrix: which are installed (found once, when the test file is
 * collected, so a missing one is skipped by name), and how to run them.
 */
import { execFile, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { delimiter, join } from "node:path";

/** Debian's python has openpyxl and XlsxWriter; the python3 first on PATH may be another without them. */
const PYTHONS = ["/usr/bin/python3", "python3"];

function pythonWith(module: string): string | undefined {
  return PYTHONS.find((py) => spawnSync(py, ["-c", `import ${module}`], { stdio: "ignore", timeout: 20_000 }).status === 0);
}

function onPath(cmd: string): string | undefined {
  for (const dir of (process.env.PATH ?? "").split(delimiter)) if (dir && existsSync(join(dir, cmd))) return join(dir, cmd);
  return undefined;
}

export interface Tools {
  /** A python with openpyxl: a producer, and the matrix's independent reader. */
  openpyxl?: string;
  xlsxwriter?: string;
  soffice?: string;
  ssconvert?: string;
}

export function findTools(): Tools {
  return { openpyxl: pythonWith("openpyxl"), xlsxwriter: pythonWith("xlsxwriter"), soffice: onPath("soffice"), ssconvert: onPath("ssconvert") };
}

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs a command to its end (never throws on a non-zero exit: the exit code is part of what is checked). */
export function run(cmd: string, args: string[], opts: { timeout?: number; env?: NodeJS.ProcessEnv } = {}): Promise<Run> {
  return new Promise((resolve) => {
    execFile(cmd, args, { timeout: opts.timeout ?? 120_000, maxBuffer: 256 * 1024 * 1024, env: opts.env ?? process.env }, (err, stdout, stderr) => {
      const code = err ? (typeof (err as { code?: unknown }).code === "number" ? (err as { code: number }).code : -1) : 0;
      resolve({ code, stdout: String(stdout), stderr: String(stderr) + (err && code === -1 ? `\n${err.message}` : "") });
    });
  });
}

/** Runs tasks at most `limit` at a time, in order of start, keeping results in order. */
export async function pool<T, R>(items: readonly T[], limit: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await task(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/**
 * LibreOffice converts several files per start (it starts slowly), with a private profile so that it
 * neither touches nor waits for the user's. Returns the converted files by input, or undefined where
 * LibreOffice could not load one.
 */
export async function sofficeConvert(
  soffice: string,
  profile: string,
  files: string[],
  to: string,
  outDir: string,
): Promise<{ run: Run; converted: Map<string, string | undefined> }> {
  const r = await run(soffice, [`-env:UserInstallation=file://${profile}`, "--headless", "--norestore", "--convert-to", to, "--outdir", outDir, ...files], {
    timeout: 180_000,
  });
  const ext = to.split(":")[0];
  const converted = new Map<string, string | undefined>();
  for (const f of files) {
    const out = join(outDir, f.replace(/^.*\//, "").replace(/\.[^.]*$/, `.${ext}`));
    converted.set(f, existsSync(out) ? out : undefined);
  }
  return { run: r, converted };
}
