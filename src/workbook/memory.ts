import { OutputRow } from "../engine/recalc";
import { TableData } from "../engine/table";
import { CellValue } from "../engine/values";
import { TableInfo, WorkbookPort } from "./port";

/** A workbook held in memory: tables by name, for tests and for building workbooks in code. */
export class MemoryWorkbook implements WorkbookPort {
  readonly tables = new Map<string, TableData>();
  /** Sheet cells outside any table, by sheet and A1 address: what the user typed around the tables. */
  readonly cells = new Map<string, Map<string, CellValue>>();
  writes = 0;

  /** Adds an input table at A1 of a sheet of its own (or of `sheet`), from a header row and body rows. */
  add(name: string, headers: string[], rows: CellValue[][], where: { sheet?: string; headerRow?: number; firstColumn?: number } = {}): this {
    this.tables.set(name, { name, sheet: where.sheet ?? name, headers, headerRow: where.headerRow ?? 1, firstColumn: where.firstColumn ?? 1, rows: rows.map((r) => [...r]) });
    return this;
  }

  async listTables(): Promise<TableInfo[]> {
    return [...this.tables.values()].map((t) => ({ name: t.name, sheet: t.sheet, headers: [...t.headers] }));
  }

  async readTable(name: string): Promise<TableData> {
    const t = [...this.tables.values()].find((x) => x.name.toLowerCase() === name.toLowerCase());
    if (!t) throw new Error(`no table ${name}`);
    return { ...t, headers: [...t.headers], rows: t.rows.map((r) => [...r]) };
  }

  async writeTable(name: string, columns: readonly string[], rows: readonly OutputRow[]): Promise<void> {
    const existing = this.tables.get(name);
    this.writes++;
    this.tables.set(name, { name, sheet: existing?.sheet ?? name, headers: [...columns], headerRow: existing?.headerRow ?? 1, firstColumn: existing?.firstColumn ?? 1, rows: rows.map((r) => [...r]) });
  }

  /** The rows of a table as objects keyed by header, for assertions. */
  records(name: string): Array<Record<string, CellValue>> {
    const t = this.tables.get(name);
    if (!t) return [];
    return t.rows.map((r) => Object.fromEntries(t.headers.map((h, i) => [h, r[i]])));
  }
}
