// @vitest-environment jsdom
/**
 * Finding where the pane runs: Excel once Office says so; the browser when office.js did not load, when
 * Office.onReady resolves without a host (a plain browser), or when it has not resolved in time.
 */
import { afterEach, describe, expect, it } from "vitest";
import { findPlace } from "../../src/taskpane/hosts";
import { copyText } from "../../src/taskpane/clipboard";

const g = globalThis as Record<string, unknown>;
afterEach(() => {
  delete g.Office;
});

const office = (onReady: () => Promise<unknown>, displayLanguage = "en-US") => ({ onReady, context: { displayLanguage } });

describe("where the pane runs", () => {
  it("is the browser when office.js did not load", async () => {
    expect(await findPlace(50)).toMatchObject({ in: "browser" });
  });

  it("is the browser when Office.onReady resolves with a null host", async () => {
    g.Office = office(async () => ({ host: null, platform: null }));
    expect(await findPlace(1000)).toMatchObject({ in: "browser" });
  });

  it("is the browser after the wait when Office.onReady never resolves", async () => {
    g.Office = office(() => new Promise(() => undefined));
    const started = Date.now();
    expect(await findPlace(100)).toMatchObject({ in: "browser" });
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it("is Excel in Excel's display language", async () => {
    g.Office = office(async () => ({ host: "Excel", platform: "OfficeOnline" }), "zh-CN");
    expect(await findPlace(1000)).toEqual({ in: "excel", lang: "zh" });
    g.Office = office(async () => ({ host: "Excel", platform: "PC" }), "en-GB");
    expect(await findPlace(1000)).toEqual({ in: "excel", lang: "en" });
  });

  it("tells of Excel answering after the wait", async () => {
    let ready: (v: unknown) => void = () => undefined;
    g.Office = office(() => new Promise((r) => (ready = r)));
    const late: unknown[] = [];
    expect(await findPlace(20, (p) => late.push(p))).toMatchObject({ in: "browser" });
    ready({ host: "Excel" });
    await new Promise((r) => setTimeout(r, 10));
    expect(late).toEqual([{ in: "excel", lang: "en" }]);
  });
});

describe("copying", () => {
  it("uses the Clipboard API when allowed", async () => {
    const written: string[] = [];
    Object.defineProperty(navigator, "clipboard", { value: { writeText: async (t: string) => void written.push(t) }, configurable: true });
    expect(await copyText("Total pay 13,213.86")).toBe(true);
    expect(written).toEqual(["Total pay 13,213.86"]);
  });

  it("falls back to the copy command when the Clipboard API is refused, as in a task pane's iframe", async () => {
    Object.defineProperty(navigator, "clipboard", { value: { writeText: async () => Promise.reject(new Error("NotAllowedError")) }, configurable: true });
    const copied: string[] = [];
    document.execCommand = ((cmd: string) => {
      copied.push(`${cmd}:${(document.activeElement as HTMLTextAreaElement).value}`);
      return true;
    }) as typeof document.execCommand;
    expect(await copyText("Total pay —")).toBe(true);
    expect(copied).toEqual(["copy:Total pay —"]);
    expect(document.querySelector("textarea")).toBeNull();
  });
});
