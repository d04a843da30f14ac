#!/usr/bin/env node
// The `kpi` command: runs the TypeScript sources through tsx, so `npx kpi` works right after `npm install`.
"use strict";
const { register } = require("tsx/cjs/api");
register();
const { main } = require("../src/cli/main.ts");
main(process.argv.slice(2), { out: (s) => process.stdout.write(s), err: (s) => process.stderr.write(s), tty: Boolean(process.stderr.isTTY) })
  .then((code) => {
    process.exitCode = code;
  })
  .catch((e) => {
    process.stderr.write(`kpi: unexpected error: ${e && e.stack ? e.stack : e}\n`);
    process.exitCode = 2;
  });
