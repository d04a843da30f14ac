/**
 * The sample workbook grown to N employees by copying its twelve people, with all their rows, under
 * new ids (P001-00003 …), as plain tables: for loading the same inputs into every host.
 */
import { sampleTables } from "../../src/app/sample";
import { Lang } from "../../src/engine/errors";
import { CellValue } from "../../src/workbook/port";
import { MemoryWorkbook } from "../../src/workbook/memory";

export interface PlainTable {
  name: string;
  sheet: string;
  headers: string[];
  rows: CellValue[][];
}

const PER_EMPLOYEE: Record<string, number> = { Employees: 0, Actuals: 0, Ratings: 0, Sales: 0, Incentives: 0, Adjustments: 0, Tasks: 0, Deals: 1 };
const PERSONAL = /^[APC]\d{3}$/;

export function scaledSample(n: number, lang: Lang = "en"): PlainTable[] {
  const tables = sampleTables(lang);
  const people = tables.find((t) => t.name === "Employees")!.rows.length;
  const copies = Math.ceil(n / people);
  const idOf = (id: CellValue, k: number) => (k === 0 ? id : `${id}-${String(k).padStart(5, "0")}`);
  return tables.map((t) => {
    const idCol = PER_EMPLOYEE[t.name];
    const rows: CellValue[][] = [];
    if (idCol !== undefined) {
      for (let k = 0; k < copies; k++)
        for (const r of t.rows) if (t.name !== "Employees" || rows.length < n) rows.push(r.map((v, i) => (i === idCol ? idOf(v, k) : v)));
    } else if (t.name === "Targets") {
      // Individual targets follow the copied ids; department targets stay as they are.
      for (const r of t.rows) if (!PERSONAL.test(String(r[0]))) rows.push(r);
      for (let k = 0; k < copies; k++) for (const r of t.rows) if (PERSONAL.test(String(r[0]))) rows.push([idOf(r[0], k), ...r.slice(1)]);
    } else rows.push(...t.rows);
    return { name: t.name, sheet: t.sheet, headers: t.headers, rows: rows.map((r) => r.map((v) => v ?? null)) };
  });
}

export function memoryOf(tables: readonly PlainTable[]): MemoryWorkbook {
  const wb = new MemoryWorkbook();
  for (const t of tables) wb.add(t.name, t.headers, t.rows, { sheet: t.sheet });
  return wb;
}
