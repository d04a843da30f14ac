#!/usr/bin/env node
// The `kpi` command: the compiled bundle (lib/kpi.cjs), built by `npm run build` and on install.
"use strict";
try {
  require.resolve("../lib/kpi.cjs");
} catch {
  process.stderr.write("kpi: the command is not built yet: run `npm run build:cli` (or `npm ci`) in the project folder\n");
  process.exit(2);
}
require("../lib/kpi.cjs");
