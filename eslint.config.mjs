// Lint as Office add-in projects do: eslint-plugin-office-addins' React config (its rules catch reading an
// Office.js property before load + sync, a sync inside a loop, a null test instead of isNullObject) with
// Prettier as a rule. The plugin brings its own typescript-eslint parser and plugin; they are reused here
// (a second copy of @typescript-eslint cannot be registered beside it).
import officeAddins from "eslint-plugin-office-addins";
import globals from "globals";
import reactHooks from "eslint-plugin-react-hooks";
import { createRequire } from "node:module";

// The plugin's config names @typescript-eslint/parser's default export, which that CommonJS module does not
// have, so it would parse TypeScript with espree: the plugin's own copy of the parser is taken instead.
const fromPlugin = createRequire(createRequire(import.meta.url).resolve("eslint-plugin-office-addins"));
const tsParser = fromPlugin("@typescript-eslint/parser");

const officeBase = officeAddins.configs.recommended.find((c) => c.plugins && c.plugins["office-addins"]);

export default [
  { ignores: ["dist/**", "lib/**", "demo/**", "scratch/**", "coverage/**", "node_modules/**"] },
  ...officeAddins.configs.react,
  {
    // The plugin's config names .ts and .js files only; the task pane is .tsx.
    files: ["**/*.{ts,tsx,mts,cts,js,mjs,cjs}"],
    plugins: { ...officeBase.plugins, "react-hooks": reactHooks },
    languageOptions: {
      parser: tsParser,
      ecmaVersion: 2022,
      sourceType: "module",
      parserOptions: { ecmaFeatures: { jsx: true } },
      globals: { ...globals.browser, ...globals.node, Office: "readonly", Excel: "readonly", CustomFunctions: "readonly", OfficeExtension: "readonly" },
    },
    settings: { react: { version: "detect" } },
    rules: {
      "office-addins/call-sync-after-load": "error",
      "office-addins/call-sync-before-read": "error",
      "office-addins/load-object-before-read": "error",
      "office-addins/no-context-sync-in-loop": "error",
      "office-addins/no-empty-load": "error",
      "office-addins/no-navigational-load": "error",
      "office-addins/no-office-initialize": "warn",
      "office-addins/test-for-null-using-isNullObject": "error",
      "prettier/prettier": ["error", { endOfLine: "auto" }],
      // TypeScript checks names and overloads (a type and a value may share a name, as D does).
      "no-undef": "off",
      "no-redeclare": "off",
      "no-unused-vars": "off",
      "@typescript-eslint/no-explicit-any": "error",
      // The XML, JSON-size and file-name checks match control characters on purpose.
      "no-control-regex": "off",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" }],
      // React 17+ JSX transform: React need not be in scope; props are typed by TypeScript.
      "react/react-in-jsx-scope": "off",
      "react/prop-types": "off",
      "react-hooks/rules-of-hooks": "error",
      "react-hooks/exhaustive-deps": "error",
    },
  },
  {
    // The double's own tests drive it through the API, misusing it on purpose to prove it throws as Excel
    // does (a read before load, a sync per loop turn); the plugin also misreads a ClientResult's value and a
    // chained load (format.font.load) as unloaded reads.
    files: ["test/support/excel/**/*.test.ts"],
    rules: {
      "office-addins/call-sync-before-read": "off",
      "office-addins/load-object-before-read": "off",
      "office-addins/no-context-sync-in-loop": "off",
      "office-addins/no-navigational-load": "off",
    },
  },
  {
    // The double implements @types/office-js, whose signatures say any (Range.values is any[][]).
    files: ["test/support/excel/**/*.ts"],
    rules: { "@typescript-eslint/no-explicit-any": "off" },
  },
];
