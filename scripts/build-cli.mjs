// Bundles the `kpi` command into lib/kpi.cjs with esbuild: compiled JavaScript, so the command starts
// without compiling TypeScript; ExcelJS stays outside the bundle and is loaded only by `kpi init`.
import { build } from "esbuild";

await build({
  entryPoints: ["src/cli/entry.ts"],
  outfile: "lib/kpi.cjs",
  bundle: true,
  platform: "node",
  target: "node20",
  format: "cjs",
  external: ["exceljs"],
  legalComments: "none",
  logLevel: "warning",
});
