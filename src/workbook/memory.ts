import { CellValue, OutputTable, OwnedSheet, TableData, TableInfo, WorkbookPort, WriteReport, findByName } from "./port";

/** A workbook held in memory: tables by name, for tests, the pane's preview and building workbooks in code. */
export class MemoryWorkbook implements WorkbookPort {
  readonly tables = new Map<string, TableData>();
  /** Sheet names in order (a sheet per table unless told otherwise), to place new output tables as Excel would. */
  readonly sheets: string[] = [];
  /** How many times the workbook was read and written, to check that a run is one unit of work each way. */
  reads = 0;
  writes = 0;
  /** The last write of each output table, with how it is shown (status column, links). */
  readonly written = new Map<string, OutputTable>();
  /** Owned sheets by name (Dashboard, Statements): the sheet they went to and what was written. */
  readonly owned = new Map<string, { sheet: string; content: OwnedSheet }>();

  /** Adds an input table at A1 of a sheet of its own (or of `sheet`), from a header row and body rows. */
  add(name: string, headers: string[], rows: CellValue[][], where: { sheet?: string; headerRow?: number; firstColumn?: number } = {}): this {
    const sheet = where.sheet ?? name;
    if (!this.sheets.some((s) => s.toLowerCase() === sheet.toLowerCase())) this.sheets.push(sheet);
    this.tables.set(name, { name, sheet, headers, headerRow: where.headerRow ?? 1, firstColumn: where.firstColumn ?? 1, rows: rows.map((r) => [...r]) });
    return this;
  }

  async listTables(): Promise<TableInfo[]> {
    return [...this.tables.values()].map((t) => ({ name: t.name, sheet: t.sheet, headers: [...t.headers] }));
  }

  async readTables(names: readonly string[]): Promise<Map<string, TableData>> {
    // Every table here is an Excel table: there is no sheet to fall back on.
    this.reads++;
    const out = new Map<string, TableData>();
    for (const n of names) {
      const t = findByName(this.tables.values(), n);
      if (t) out.set(n, { ...t, headers: [...t.headers], rows: t.rows.map((r) => [...r]) });
    }
    return out;
  }

  /** A free sheet for something named `name`: the name itself, or "name (2)" when a sheet has it. */
  private freeSheet(name: string, report: WriteReport): string {
    let sheet = name;
    for (let i = 2; this.sheets.some((s) => s.toLowerCase() === sheet.toLowerCase()); i++) sheet = `${name} (${i})`;
    this.sheets.push(sheet);
    if (sheet !== name) report.renamedSheets.push({ table: name, sheet });
    return sheet;
  }

  async writeTables(tables: readonly OutputTable[], sheets: readonly OwnedSheet[] = []): Promise<WriteReport> {
    this.writes++;
    const report: WriteReport = { renamedSheets: [] };
    for (const t of tables) {
      this.written.set(t.name, t);
      const existing = findByName(this.tables.values(), t.name);
      const sheet = existing?.sheet ?? this.freeSheet(t.name, report);
      if (existing) this.tables.delete(existing.name);
      this.tables.set(t.name, {
        name: t.name,
        sheet,
        headers: t.columns.map((c) => c.name),
        headerRow: existing?.headerRow ?? 1,
        firstColumn: existing?.firstColumn ?? 1,
        rows: t.rows.map((r) => [...r]),
      });
    }
    for (const content of sheets) {
      // The sheet holding the table of its name is ours: its tables are replaced; otherwise a new sheet.
      const sheet = findByName(this.tables.values(), content.name)?.sheet ?? this.freeSheet(content.name, report);
      for (const [name, t] of [...this.tables]) if (t.sheet === sheet) this.tables.delete(name);
      for (const t of content.tables)
        this.tables.set(t.name, {
          name: t.name,
          sheet,
          headers: t.columns.map((c) => c.name),
          headerRow: t.row,
          firstColumn: t.column,
          rows: t.rows.map((r) => [...r]),
        });
      this.owned.set(content.name, { sheet, content });
    }
    return report;
  }

  /** The rows of a table as objects keyed by header, for assertions. */
  records(name: string): Array<Record<string, CellValue>> {
    const t = this.tables.get(name);
    if (!t) return [];
    return t.rows.map((r) => Object.fromEntries(t.headers.map((h, i) => [h, r[i]])));
  }
}
