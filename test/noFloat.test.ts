import { readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

/** Every .ts/.tsx file under src/. */
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? sources(p) : /\.tsx?$/.test(name) ? [p] : [];
  });
}

/** Lines of code without comments or string literals, so prose and messages cannot trip the check. */
function codeLines(text: string): Array<[number, string]> {
  const noBlock = text.replace(/\/\*[\s\S]*?\*\//g, (m) => m.replace(/[^\n]/g, " "));
  return noBlock.split("\n").map((line, i): [number, string] => [i + 1, line.replace(/\/\/.*$/, "").replace(/(["'`])(?:\\.|(?!\1).)*\1/g, '""')]);
}

// Binary floating point on money or scores: the operations that would do it in this code base.
const FLOAT_MATH = [
  { name: "parseFloat", re: /\bparseFloat\s*\(/ },
  { name: "Math rounding", re: /\bMath\.(round|floor|ceil|trunc|pow)\s*\(/ },
  { name: "number arithmetic with a decimal literal", re: /[\w)\]]\s*[*/+-]\s*\d*\.\d+\b/ },
  { name: "percent arithmetic on numbers", re: /[\w)\]]\s*[*/]\s*100\b/ },
  { name: "toFixed on a number for rounding", re: /\bNumber\([^)]*\)\.toFixed\(/ },
];

describe("src/ has no binary floating-point arithmetic on money or scores", () => {
  const files = sources(join(__dirname, "..", "src"));
  it("finds the source files", () => {
    expect(files.length).toBeGreaterThan(3);
  });
  for (const file of files) {
    it(`${file.split("src")[1]} uses decimal.js for arithmetic`, () => {
      const hits: string[] = [];
      for (const [n, line] of codeLines(readFileSync(file, "utf8"))) {
        for (const rule of FLOAT_MATH) if (rule.re.test(line)) hits.push(`${n}: ${rule.name}: ${line.trim()}`);
      }
      expect(hits).toEqual([]);
    });
  }
});
