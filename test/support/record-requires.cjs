// Preloaded with node -r: at exit, prints which of the watched packages the process loaded (by the
// modules in require's cache, which also holds CommonJS packages reached through import()).
const WATCHED = ["exceljs", "tsx", "typescript"];
process.on("exit", () => {
  const seen = WATCHED.filter((name) => Object.keys(require.cache).some((p) => p.includes(`/node_modules/${name}/`)));
  process.stderr.write(`\nloaded: ${seen.join(",") || "none"}\n`);
});
