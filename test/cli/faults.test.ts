/**
 * File faults of `kpi recalc`: each gives one line that says what and where, exit 2, the input
 * untouched and no partial output left behind.
 */
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FileSystem, realFileSystem } from "../../src/cli/files";
import { main } from "../../src/cli/main";
import { inflateEntry, newEntry, readZip, writeZip } from "../../src/workbook/xlsx/zip";

const dir = mkdtempSync(join(tmpdir(), "kpi-faults-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const sample = join(dir, "sample.xlsx");

async function kpi(argv: string[], fs?: FileSystem): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const code = await main(argv, { out: (s) => (out += s), err: (s) => (err += s), tty: false, fs });
  return { code, out, err };
}

/** One line on stderr, starting "kpi:". */
function oneLine(err: string): string {
  const lines = err.trimEnd().split("\n");
  expect(lines, err).toHaveLength(1);
  expect(lines[0]).toMatch(/^kpi: /);
  return lines[0];
}

/** The folder's files, temporary ones included, to show nothing was left behind. */
const files = (d: string) => readdirSync(d).sort();

beforeAll(async () => {
  expect((await kpi(["init", sample, "--lang", "en"])).code).toBe(0);
});

describe("kpi recalc refuses, in one line and with exit 2", () => {
  it("a missing input file", async () => {
    const r = await kpi(["recalc", join(dir, "missing.xlsx"), "--period", "2026-Q2", "--out", join(dir, "o1.xlsx")]);
    expect(r.code).toBe(2);
    expect(oneLine(r.err)).toContain(`no such file: ${join(dir, "missing.xlsx")}`);
    expect(existsSync(join(dir, "o1.xlsx"))).toBe(false);
  });

  it("a folder given as the input", async () => {
    const folder = join(dir, "a-folder.xlsx");
    mkdirSync(folder);
    const r = await kpi(["recalc", folder, "--period", "2026-Q2", "--out", join(dir, "o2.xlsx")]);
    expect(r.code).toBe(2);
    expect(oneLine(r.err)).toContain("is a folder, not a workbook");
  });

  it("an input it cannot read", async () => {
    // Root (as CI runs) may read any file, so the refusal is injected as the operating system gives it.
    const throwing: FileSystem = {
      ...realFileSystem,
      readFile: () => {
        throw Object.assign(new Error("EACCES: permission denied"), { code: "EACCES" });
      },
    };
    const r = await kpi(["recalc", sample, "--period", "2026-Q2", "--out", join(dir, "o3.xlsx")], throwing);
    expect(r.code).toBe(2);
    expect(oneLine(r.err)).toBe(`kpi: cannot read ${sample}: permission denied (is it read-only, or open in another program?)`);
  });

  it("an output in a folder that does not exist", async () => {
    const out = join(dir, "no-such-folder", "out.xlsx");
    const r = await kpi(["recalc", sample, "--period", "2026-Q2", "--out", out]);
    expect(r.code).toBe(2);
    expect(oneLine(r.err)).toContain(`the folder ${join(dir, "no-such-folder")} does not exist`);
    expect(existsSync(join(dir, "no-such-folder"))).toBe(false);
  });

  it("a read-only output file, which it does not replace", async () => {
    const out = join(dir, "readonly.xlsx");
    writeFileSync(out, "keep me");
    chmodSync(out, 0o444);
    const r = await kpi(["recalc", sample, "--period", "2026-Q2", "--out", out]);
    expect(r.code).toBe(2);
    expect(oneLine(r.err)).toBe(`kpi: cannot write ${out}: the file is read-only`);
    expect(readFileSync(out, "utf8")).toBe("keep me");
  });

  it("a read-only workbook recalculated --in-place, refused before any backup is written (an older one stays)", async () => {
    for (const cmd of [["recalc", "--period", "2026-Q2"], ["statements"]]) {
      const book = join(dir, `locked-${cmd[0]}.xlsx`);
      const backup = join(dir, `locked-${cmd[0]}.bak.xlsx`);
      writeFileSync(book, readFileSync(sample));
      writeFileSync(backup, "an older backup");
      chmodSync(book, 0o444);
      const r = await kpi([cmd[0], book, ...cmd.slice(1), "--in-place"]);
      expect(r.code, r.err).toBe(2);
      expect(oneLine(r.err)).toBe(`kpi: cannot write ${book}: the file is read-only`);
      expect(readFileSync(backup, "utf8")).toBe("an older backup");
      expect(readFileSync(book).equals(readFileSync(sample))).toBe(true);
    }
  });

  it("an output that is the input itself, unless --in-place", async () => {
    const before = readFileSync(sample);
    const r = await kpi(["recalc", sample, "--period", "2026-Q2", "--out", join(dir, ".", "sample.xlsx")]);
    expect(r.code).toBe(2);
    expect(oneLine(r.err)).toContain("--out is the input file itself: add --in-place");
    expect(readFileSync(sample).equals(before)).toBe(true);
  });

  it("a sheet that is not well-formed XML, naming its part, and nothing after that line", async () => {
    // Every sheet gets an element left open inside its cells; the first sheet read is refused. The reading
    // stops mid-part, which must not end the process with a second, unhandled error from the inflater.
    const entries = [...readZip(readFileSync(sample)).values()].map((e) =>
      /^xl\/worksheets\/sheet\d+\.xml$/.test(e.name)
        ? newEntry(e.name, new TextEncoder().encode(new TextDecoder().decode(inflateEntry(e)).replace("</sheetData>", "<oops></sheetData>")))
        : e,
    );
    const broken = join(dir, "broken.xlsx");
    writeFileSync(broken, writeZip(entries));
    const r = await kpi(["recalc", broken, "--period", "2026-Q2", "--out", join(dir, "o-broken.xlsx")]);
    expect(r.code).toBe(2);
    expect(oneLine(r.err)).toMatch(
      /the part xl\/worksheets\/sheet\d+\.xml is not well-formed XML \(line \d+: <\/sheetData> closes <oops>\): the file is damaged/,
    );
    expect(existsSync(join(dir, "o-broken.xlsx"))).toBe(false);
  });

  it("a run that says neither --out nor --in-place", async () => {
    const r = await kpi(["recalc", sample, "--period", "2026-Q2"]);
    expect(r.code).toBe(2);
    expect(oneLine(r.err)).toContain("say where to write: --out NEW.xlsx");
  });

  it("a full disk, leaving no partial output and the input as it was", async () => {
    const before = readFileSync(sample);
    const full: FileSystem = {
      ...realFileSystem,
      writeFile: (p, d) => {
        // Half the bytes reach the disk, then it is full.
        writeFileSync(p, d.subarray(0, d.length >> 1));
        throw Object.assign(new Error("ENOSPC: no space left on device"), { code: "ENOSPC" });
      },
    };
    const out = join(dir, "full", "out.xlsx");
    mkdirSync(join(dir, "full"));
    const r = await kpi(["recalc", sample, "--period", "2026-Q2", "--out", out], full);
    expect(r.code).toBe(2);
    expect(oneLine(r.err)).toBe(`kpi: cannot write ${out}: the disk is full`);
    expect(files(join(dir, "full"))).toEqual([]);
    expect(readFileSync(sample).equals(before)).toBe(true);
  });
});

describe("kpi recalc --in-place", () => {
  it("keeps the previous version as a backup before it writes", async () => {
    const file = join(dir, "inplace.xlsx");
    writeFileSync(file, readFileSync(sample));
    const before = readFileSync(file);
    const r = await kpi(["recalc", file, "--period", "2026-Q2", "--in-place"]);
    expect(r.code).toBe(0);
    expect(readFileSync(join(dir, "inplace.bak.xlsx")).equals(before)).toBe(true);
    expect(readFileSync(file).equals(before)).toBe(false);
    expect(r.out).toContain("inplace.bak.xlsx");
  });

  it("leaves the workbook untouched when the backup cannot be written", async () => {
    const file = join(dir, "inplace2.xlsx");
    writeFileSync(file, readFileSync(sample));
    const before = readFileSync(file);
    const noBackup: FileSystem = {
      ...realFileSystem,
      writeFile: (p, d) => {
        if (p.includes("inplace2.bak.xlsx")) throw Object.assign(new Error("ENOSPC"), { code: "ENOSPC" });
        realFileSystem.writeFile(p, d);
      },
    };
    const r = await kpi(["recalc", file, "--period", "2026-Q2", "--in-place"], noBackup);
    expect(r.code).toBe(2);
    expect(oneLine(r.err)).toContain("the disk is full");
    expect(readFileSync(file).equals(before)).toBe(true);
  });
});

describe("asking for help", () => {
  it("kpi --help prints the usage on stdout and exits 0", async () => {
    const r = await kpi(["--help"]);
    expect(r.code).toBe(0);
    expect(r.out).toContain("kpi recalc FILE --period 2026-Q2");
    expect(r.err).toBe("");
  });

  it("kpi recalc --help is help too, not a missing FILE", async () => {
    const r = await kpi(["recalc", "--help"]);
    expect(r.code).toBe(0);
    expect(r.out).toContain("--in-place");
  });
});
