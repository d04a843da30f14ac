/**
 * Builds the zh-CN custom-functions metadata from the generated functions.json and the translation
 * table src/functions/functions.zh-CN.json. Function and parameter names stay English (as Excel's own
 * function names do in Chinese Excel); descriptions are Chinese. A function or parameter missing from
 * the table, or one the table has that the code does not, fails the build.
 */
"use strict";

function localize(metadata, table) {
  const problems = [];
  const ids = new Set(metadata.functions.map((f) => f.id));
  for (const id of Object.keys(table)) if (!ids.has(id)) problems.push(`translation for unknown function ${id}`);
  const functions = metadata.functions.map((fn) => {
    const t = table[fn.id];
    if (!t) {
      problems.push(`no Chinese description for ${fn.id}`);
      return fn;
    }
    const names = new Set(fn.parameters.map((p) => p.name));
    for (const name of Object.keys(t.parameters || {})) if (!names.has(name)) problems.push(`${fn.id}: translation for unknown parameter ${name}`);
    const parameters = fn.parameters.map((p) => {
      const description = t.parameters && t.parameters[p.name];
      if (!description) problems.push(`${fn.id}: no Chinese description for parameter ${p.name}`);
      return { ...p, description: description || p.description };
    });
    return { ...fn, description: t.description, parameters };
  });
  if (problems.length > 0) throw new Error("functions.zh-CN.json: " + problems.join("; "));
  return { ...metadata, functions };
}

/** A webpack plugin that emits `output` next to the metadata plugin's `input` asset. */
class LocalizeFunctionsPlugin {
  constructor(options) {
    this.options = options;
  }
  apply(compiler) {
    const { Compilation, sources, WebpackError } = compiler.webpack;
    compiler.hooks.thisCompilation.tap("LocalizeFunctionsPlugin", (compilation) => {
      compilation.hooks.processAssets.tap({ name: "LocalizeFunctionsPlugin", stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL }, (assets) => {
        const source = assets[this.options.input];
        if (!source) {
          compilation.errors.push(new WebpackError(`LocalizeFunctionsPlugin: ${this.options.input} was not generated`));
          return;
        }
        try {
          const table = JSON.parse(require("fs").readFileSync(this.options.table, "utf8"));
          const zh = localize(JSON.parse(source.source().toString()), table);
          compilation.emitAsset(this.options.output, new sources.RawSource(JSON.stringify(zh, null, 2)));
        } catch (e) {
          compilation.errors.push(new WebpackError(String(e.message || e)));
        }
      });
    });
  }
}

module.exports = { localize, LocalizeFunctionsPlugin };
