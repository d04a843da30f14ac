/**
 * An offline check of manifest.xml, since `office-addin-manifest validate` needs the network: the
 * XML is well formed, every resid resolves, URLs are https on one origin, icons exist at their sizes,
 * the KPI namespace, the shared runtime and its requirement set are declared, and every display string
 * has a zh-CN override.
 */
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const root = join(__dirname, "..");
const xml = readFileSync(join(root, "manifest.xml"), "utf8");
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@",
  removeNSPrefix: true,
  isArray: (_name: string, _path: unknown, _leaf: boolean, isAttribute: boolean) => !isAttribute,
});
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const doc: any = parser.parse(xml);

/** Every element named `name` anywhere in the document. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function all(name: string, node: any = doc): any[] {
  const out: unknown[] = [];
  const walk = (n: unknown) => {
    if (Array.isArray(n)) return n.forEach(walk);
    if (n && typeof n === "object") {
      for (const [k, v] of Object.entries(n)) {
        if (k === name) (Array.isArray(v) ? v : [v]).forEach((x) => out.push(x));
        walk(v);
      }
    }
  };
  walk(node);
  return out;
}

const resources = all("Resources")[0];
const defined = new Map<string, string>();
for (const kind of ["Images", "Urls", "ShortStrings", "LongStrings"]) {
  for (const group of resources[kind] ?? []) {
    for (const item of [...(group.Image ?? []), ...(group.Url ?? []), ...(group.String ?? [])]) defined.set(item["@id"], item["@DefaultValue"]);
  }
}

function pngSize(file: string): [number, number] {
  const b = readFileSync(file);
  expect(b.subarray(1, 4).toString("ascii")).toBe("PNG");
  return [b.readUInt32BE(16), b.readUInt32BE(20)];
}

describe("manifest.xml", () => {
  it("is well-formed XML", () => {
    expect(XMLValidator.validate(xml)).toBe(true);
  });

  it("resolves every resid to a resource", () => {
    const resids = [...xml.matchAll(/resid="([^"]+)"/g)].map((m) => m[1]);
    expect(resids.length).toBeGreaterThan(10);
    expect(resids.filter((r) => !defined.has(r))).toEqual([]);
  });

  it("serves every URL over https from one origin", () => {
    const urls = [...xml.matchAll(/(?:DefaultValue|Value)="(https?:[^"]+)"/g)].map((m) => m[1]);
    urls.push(...all("AppDomain").map((d) => String(d["#text"] ?? d)));
    expect(urls.length).toBeGreaterThan(8);
    for (const u of urls) expect(u.startsWith("https://"), u).toBe(true);
    expect(new Set(urls.map((u) => new URL(u).origin)).size).toBe(1);
  });

  it("declares icons that exist at their stated sizes", () => {
    const images = [...defined].filter(([id]) => id.startsWith("Icon."));
    expect(images.map(([id]) => id).sort()).toEqual(["Icon.128x128", "Icon.16x16", "Icon.32x32", "Icon.64x64", "Icon.80x80"]);
    for (const [id, url] of images) {
      const size = Number(id.match(/(\d+)x\1/)?.[1]);
      const file = join(root, new URL(url).pathname);
      expect(existsSync(file), file).toBe(true);
      expect(pngSize(file)).toEqual([size, size]);
    }
    for (const tag of ["IconUrl", "HighResolutionIconUrl"]) {
      const url = all(tag)[0]["@DefaultValue"];
      expect(existsSync(join(root, new URL(url).pathname)), url).toBe(true);
    }
  });

  it("names the custom functions namespace KPI", () => {
    const ns = all("Namespace")[0]["@resid"];
    expect(defined.get(ns)).toBe("KPI");
  });

  it("runs everything in one long-lived shared runtime", () => {
    const runtime = all("Runtime")[0];
    expect(runtime["@lifetime"]).toBe("long");
    expect(runtime["@resid"]).toBe("Taskpane.Url");
    const page = all("Page")[0].SourceLocation[0]["@resid"];
    expect(page).toBe("Taskpane.Url");
    expect(all("FunctionFile")[0]["@resid"]).toBe("Taskpane.Url");
  });

  it("requires the SharedRuntime 1.1 requirement set", () => {
    const sets = all("Set").map((s) => `${s["@Name"]} ${s["@MinVersion"]}`);
    expect(sets).toContain("SharedRuntime 1.1");
  });

  it("requires ExcelApi 1.13, the highest set the Office adapter calls (Table.resize)", () => {
    const sets = all("Set").map((s) => `${s["@Name"]} ${s["@MinVersion"]}`);
    expect(sets).toContain("ExcelApi 1.13");
  });

  it("names no TaskpaneId, as a shared runtime has one task pane", () => {
    expect(all("TaskpaneId")).toEqual([]);
  });

  it("puts Recalculate latest quarter and KPI pane on the Home tab", () => {
    const tab = all("OfficeTab")[0];
    expect(tab["@id"]).toBe("TabHome");
    const controls = all("Control", tab);
    const actions = controls.map((c) => c.Action[0]["@type"]);
    expect(actions).toEqual(["ExecuteFunction", "ShowTaskpane"]);
    expect(defined.get(controls[0].Label[0]["@resid"])).toBe("Recalculate latest quarter");
    expect(defined.get(controls[1].Label[0]["@resid"])).toBe("KPI pane");
    const fn = String(controls[0].Action[0].FunctionName[0]["#text"] ?? controls[0].Action[0].FunctionName[0]);
    expect(readFileSync(join(root, "src/commands/commands.ts"), "utf8")).toContain(`associate("${fn}"`);
  });

  it("overrides every display string for zh-CN", () => {
    const missing: string[] = [];
    for (const group of [...(resources.ShortStrings ?? []), ...(resources.LongStrings ?? [])]) {
      for (const s of group.String) {
        if (s["@id"] === "Functions.Namespace") continue;
        const zh = (s.Override ?? []).find((o: Record<string, string>) => o["@Locale"] === "zh-CN");
        if (!zh || !/[\u4e00-\u9fff]/.test(zh["@Value"])) missing.push(s["@id"]);
      }
    }
    for (const tag of ["DisplayName", "Description"]) {
      const zh = (all(tag)[0].Override ?? []).find((o: Record<string, string>) => o["@Locale"] === "zh-CN");
      if (!zh) missing.push(tag);
    }
    expect(missing).toEqual([]);
  });

  it("points zh-CN Excel at the Chinese function metadata", () => {
    const url = resources.Urls[0].Url.find((u: Record<string, string>) => u["@id"] === "Functions.Metadata.Url");
    expect(url.Override[0]["@Locale"]).toBe("zh-CN");
    expect(url.Override[0]["@Value"]).toMatch(/functions\.zh-CN\.json$/);
  });
});
