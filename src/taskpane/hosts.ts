/* global Office, Excel, navigator, setTimeout, clearTimeout */
/**
 * Where the pane runs, and the workbook actions for each place: inside Excel (the Office adapter,
 * `recalculateInExcel`, `Excel.run` to select a cell) or in a plain browser, where the preview runs
 * the same recalculation on the sample workbook held in memory.
 *
 * Outside Office, office.js may fail to load (then `Office` is undefined), or `Office.onReady()`
 * "resolves with null for both the host and platform", or "never resolves" when the CDN is blocked
 * (learn.microsoft.com/office/dev/add-ins/develop/connect-to-javascript-frameworks, "Testing outside
 * Office applications" and "Network blocking and firewalls"): hence a timeout.
 */
import { recalculateInExcel } from "../app/inExcel";
import { PaneActions, portActions, recalculateOn } from "../app/pane";
import { sampleTables } from "../app/sample";
import { statementsInExcel } from "../app/statementsInExcel";
import { INPUT_TABLES } from "../engine/contract";
import { Lang } from "../engine/errors";
import { cellAddress } from "../engine/table";
import { MemoryWorkbook } from "../workbook/memory";
import { OfficeHost, OfficeWorkbook } from "../workbook/office/officeWorkbook";
import { selectCell } from "../workbook/office/select";

/** How long the pane waits for Excel before saying it is not running in Excel. */
export const EXCEL_WAIT_MS = 3000;

export type Place = { in: "excel"; lang: Lang } | { in: "browser"; lang: Lang };

const zhOrEn = (tag: unknown): Lang => (typeof tag === "string" && tag.toLowerCase().startsWith("zh") ? "zh" : "en");

/** The language of the browser, for the page outside Excel. */
export function browserLang(): Lang {
  return zhOrEn(typeof navigator !== "undefined" ? navigator.language : undefined);
}

/**
 * Excel, once Office says the host is Excel; the browser when office.js is missing, when Office.onReady
 * resolves without a host, or when it has not resolved within `waitMs`. `late` hears of Excel if it
 * answers after the wait.
 */
export function findPlace(waitMs = EXCEL_WAIT_MS, late?: (place: Place) => void): Promise<Place> {
  const outside: Place = { in: "browser", lang: browserLang() };
  if (typeof Office === "undefined" || typeof Office.onReady !== "function") return Promise.resolve(outside);
  return new Promise((resolve) => {
    let settled = false;
    const settle = (p: Place) => {
      if (settled) {
        if (p.in === "excel") late?.(p);
        return;
      }
      settled = true;
      clearTimeout(timer);
      resolve(p);
    };
    const timer = setTimeout(() => settle(outside), waitMs);
    let ready: Promise<{ host: Office.HostType | null }>;
    try {
      ready = Office.onReady() as Promise<{ host: Office.HostType | null }>;
    } catch {
      settle(outside);
      return;
    }
    ready.then(
      (info) => {
        // Office.HostType.Excel is the string "Excel" at run time.
        if (info && String(info.host) === "Excel") settle({ in: "excel", lang: zhOrEn(Office.context?.displayLanguage) });
        else settle(outside);
      },
      () => settle(outside),
    );
  });
}

/** The Office host for the adapter: Excel.run and the requirement-set check. */
function officeHost(): OfficeHost {
  return { run: Excel.run, isSetSupported: (name, version) => Office.context.requirements.isSetSupported(name, version) };
}

/** Sheet names a lost table may be read from (its English name or its Chinese alias). */
const aliasesOf = (table: string): string[] => {
  const spec = INPUT_TABLES.find((t) => t.name.toLowerCase() === table.toLowerCase());
  return spec ? [spec.zh] : [];
};

/** The actions inside Excel: a fresh Office adapter per action, the recalculation the ribbon runs, Excel.run to select. */
export function excelActions(): PaneActions {
  return portActions(() => new OfficeWorkbook(officeHost()), {
    recalculate: (period, control) => recalculateInExcel(officeHost(), { period, ...control }),
    selectCell: (table, cell) => selectCell(officeHost(), table, cell, aliasesOf(table)),
    // The summary's Statements button (README): the Statements sheet of the period just recalculated.
    printStatements: async (period) => {
      const run = await statementsInExcel(officeHost(), { period });
      return { count: run.statements.length, sheets: run.sheets, inputsChanged: run.inputsChanged };
    },
  });
}

/** The sample workbook of `kpi init`, in memory: the preview's workbook. */
export function sampleWorkbook(lang: Lang): MemoryWorkbook {
  const wb = new MemoryWorkbook();
  for (const t of sampleTables(lang)) wb.add(t.name, t.headers, t.rows, { sheet: t.sheet });
  return wb;
}

/** The actions of the preview: the same recalculation on an in-memory workbook; selecting a cell only says where it is. */
export function previewActions(wb: MemoryWorkbook): PaneActions {
  return portActions(() => wb, {
    recalculate: (period, control) => recalculateOn(wb, period, control),
    selectCell: async (table, cell) => {
      const t = [...wb.tables.values()].find((x) => x.name.toLowerCase() === table.toLowerCase());
      if (!t) return { missing: table };
      // No cell: the whole table, as inside Excel.
      const whole = `${cellAddress(t, -1, 0)}:${cellAddress(t, Math.max(t.rows.length, 1) - 1, t.headers.length - 1)}`;
      return { sheet: t.sheet, address: cell ? cell.replace(/^.*!/, "").replace(/\$/g, "") : whole };
    },
  });
}
