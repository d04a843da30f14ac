/**
 * The browser harness: the built add-in served on localhost by a tiny Node http server, opened in Debian's
 * Chromium through playwright-core, with office.js answered by the Excel double holding the sample
 * workbook (officeStandIn.ts, bundled by esbuild), or refused, or stalled, as a plain browser would see it.
 * The page keeps its real office.js <script> tag: only the request to the CDN is answered here, by
 * `page.route` (the pattern of uzabase/mock-office-js's browser test). Used by test/browser/pane.test.ts
 * and by `npm run screenshots`.
 */
import { execFile } from "node:child_process";
import { createReadStream, existsSync, mkdtempSync, statSync } from "node:fs";
import { createServer } from "node:http";
import { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { extname, join, normalize, resolve } from "node:path";
import { buildSync } from "esbuild";
import { Browser, Page, chromium } from "playwright-core";

export const CHROMIUM = "/usr/bin/chromium";
const ROOT = resolve(__dirname, "..", "..");

/** `webpack --mode production` into a new temporary folder; resolves to that folder. */
export function buildAddin(): Promise<string> {
  const out = mkdtempSync(join(tmpdir(), "kpi-pane-dist-"));
  return new Promise((done, fail) => {
    execFile(
      process.execPath,
      [join(ROOT, "node_modules/webpack-cli/bin/cli.js"), "--mode", "production", "--output-path", out],
      { cwd: ROOT, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error) fail(new Error(`webpack failed: ${error.message}\n${stdout}\n${stderr}`));
        else done(out);
      },
    );
  });
}

/** The script served in place of office.js: the Excel double and the sample-loading prelude, as one IIFE. */
export function buildStandIn(): string {
  const result = buildSync({
    entryPoints: [join(__dirname, "officeStandIn.ts")],
    bundle: true,
    platform: "browser",
    format: "iife",
    target: "es2020",
    write: false,
    logLevel: "silent",
  });
  return result.outputFiles[0]!.text;
}

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json",
  ".png": "image/png",
  ".xml": "application/xml",
};

/** Serves a folder on 127.0.0.1 at a free port. */
export async function serve(dir: string): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer((req, res) => {
    const path = normalize(join(dir, decodeURIComponent(new URL(req.url ?? "/", "http://localhost").pathname)));
    if (!path.startsWith(dir) || !existsSync(path) || statSync(path).isDirectory()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "content-type": TYPES[extname(path)] ?? "application/octet-stream" });
    createReadStream(path).pipe(res);
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/taskpane.html`, close: () => new Promise((r) => server.close(() => r())) };
}

export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
  });
}

export type OfficeStandIn = { excel: "en" | "zh" } | "refused" | "never-ready";

export interface OpenedPane {
  page: Page;
  /** Console errors and uncaught exceptions, except the refused office.js request itself. */
  errors: string[];
  /** When the page was asked for. */
  started: number;
}

/**
 * Opens the pane. `{ excel: lang }`: office.js is the Excel double (Excel's display language and the
 * sample workbook in `lang`); "refused": the request for office.js fails, so `Office` is undefined;
 * "never-ready": an office.js whose Office.onReady never resolves (a blocked CDN, per Microsoft's docs).
 */
export async function openPane(browser: Browser, url: string, standIn: string, office: OfficeStandIn, locale = "en-US"): Promise<OpenedPane> {
  const page = await browser.newPage({ viewport: { width: 360, height: 900 }, locale, deviceScaleFactor: 1 });
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(`pageerror: ${e.message}`));
  page.on("console", (m) => {
    if (m.type() !== "error") return;
    if (office === "refused" && m.text().startsWith("Failed to load resource") && m.location().url.includes("appsforoffice.microsoft.com")) return;
    errors.push(`console: ${m.text()}`);
  });
  await page.route("**/appsforoffice.microsoft.com/**", (route) => {
    if (office === "refused") return route.abort("failed");
    if (office === "never-ready")
      return route.fulfill({ contentType: "text/javascript", body: "window.Office = { onReady: function () { return new Promise(function () {}); } };" });
    const options = { displayLanguage: office.excel === "zh" ? "zh-CN" : "en-US", sheets: [] };
    return route.fulfill({
      contentType: "text/javascript",
      body: `window.__EXCEL_DOUBLE_OPTIONS__ = ${JSON.stringify(options)}; window.__SAMPLE_LANG__ = ${JSON.stringify(office.excel)};\n${standIn}`,
    });
  });
  const started = Date.now();
  await page.goto(url);
  return { page, errors, started };
}

/** A folder for a run's screenshots (test artifacts, never committed by the test). */
export function shotsDir(): string {
  return mkdtempSync(join(tmpdir(), "kpi-pane-shots-"));
}
