/**
 * npm run office-sim -- BOOK.xlsx [--period 2026-Q2] --out OUT.xlsx
 * Loads BOOK into the Excel double, runs the add-in's own recalculation (the code the ribbon button and
 * the pane call) through the Office adapter, saves the double's output tables into OUT through the
 * .xlsx adapter, and prints as its last line
 *   office-sim: employees=N syncs=S read_syncs=R max_request_mb=M
 * Exit codes as `kpi recalc`: 0 all OK or Warning, 1 some Error, 2 unusable file or arguments, 3 internal error.
 */
import { recalculateInExcel } from "../src/app/inExcel";
import { FileFault, readInput, realFileSystem, writeWhole } from "../src/cli/files";
import { summaryText } from "../src/cli/main";
import { UnusableWorkbook } from "../src/engine/recalc";
import { PackageBug, XlsxError } from "../src/workbook/xlsx/package";
import { doubleFromXlsx, xlsxFromDouble } from "../test/support/excel/xlsx";

async function main(argv: string[]): Promise<number> {
  const at = (flag: string) => {
    const i = argv.indexOf(flag);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const file = argv.find((a, i) => !a.startsWith("--") && !["--period", "--out"].includes(argv[i - 1] ?? ""));
  const out = at("--out");
  const period = at("--period");
  if (!file || !out) {
    process.stderr.write("usage: npm run office-sim -- BOOK.xlsx [--period 2026-Q2] --out OUT.xlsx\n");
    return 2;
  }
  try {
    const input = readInput(realFileSystem, file);
    const double = await doubleFromXlsx(input, { platform: "web" });
    const host = { run: double.run, isSetSupported: (name: string, version: string) => double.Office.context.requirements.isSetSupported(name, version) };
    const before = double.stats.syncs;
    let readSyncs = 0;
    const summary = await recalculateInExcel(host, { period, onSync: (phase) => phase === "reading" && readSyncs++ });
    writeWhole(realFileSystem, out, await xlsxFromDouble(double, input));
    process.stdout.write(summaryText(summary, out) + "\n");
    const mb = (double.stats.maxRequestBytes / (1024 * 1024)).toFixed(2);
    process.stdout.write(`office-sim: employees=${summary.employees} syncs=${double.stats.syncs - before} read_syncs=${readSyncs} max_request_mb=${mb}\n`);
    return summary.employeesInError > 0 ? 1 : 0;
  } catch (e) {
    if (e instanceof FileFault || e instanceof XlsxError) {
      process.stderr.write(`office-sim: ${e.message}\n`);
      return 2;
    }
    if (e instanceof UnusableWorkbook) {
      process.stderr.write(`office-sim: ${file}: ${e.text.en}\n     ${e.text.zh}\n`);
      return 2;
    }
    if (e instanceof PackageBug) {
      process.stderr.write(`office-sim: internal error: ${e.message}\n`);
      return 3;
    }
    throw e;
  }
}

main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (e) => {
    process.stderr.write(`office-sim: internal error: ${e instanceof Error ? e.stack : String(e)}\n`);
    process.exitCode = 3;
  },
);
