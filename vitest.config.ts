import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    reporters: ["default", "./test/support/plainSummary.ts"],
    testTimeout: 60_000,
    hookTimeout: 180_000,
  },
});
