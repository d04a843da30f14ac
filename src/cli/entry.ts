/** The `kpi` command's entry point, bundled by esbuild into lib/kpi.cjs (scripts/build-cli.mjs). */
import { main } from "./main";

main(process.argv.slice(2), { out: (s) => process.stdout.write(s), err: (s) => process.stderr.write(s), tty: Boolean(process.stderr.isTTY) }).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    // A bug of ours: one line, and the stack only when asked for.
    process.stderr.write(
      `kpi: internal error: ${e instanceof Error ? e.message : String(e)}${process.env.KPI_DEBUG && e instanceof Error ? `\n${e.stack}` : ""}\nPlease report it, with the workbook if you can. Nothing was written.\n`,
    );
    process.exitCode = 3;
  },
);
