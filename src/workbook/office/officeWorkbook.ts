/**
 * The workbook open in Excel, through the port, with the Office.js API (`Excel.run`). A read is one
 * Excel.run of a fixed number of syncs plus one per 4 MB of values; a write is one Excel.run that is a
 * single undo step where the host has ExcelApi 1.20 (mergeUndoGroup), and waits for the user to
 * finish editing a cell rather than failing (delayForCellEdit). A failed write puts back every table it
 * touched, or says which it could not.
 * Sources (learn.microsoft.com): javascript/api/excel/excel.runoptions (delayForCellEdit,
 * mergeUndoGroup), office/dev/add-ins/excel/excel-add-ins-undo-capabilities, .../excel-add-ins-delay-in-cell-edit,
 * .../develop/application-specific-api-error-handling (InvalidOperationInCellEditMode, UndoNotSupported).
 */
import { OutputTable, OwnedSheet, TableData, TableInfo, WorkbookPort, WriteReport } from "../port";
import { OwnedTarget, ownedOps, probeOwned } from "./owned";
import { BUDGET_BYTES } from "./payload";
import { ReadTable, asTableData, listAll, readAll } from "./read";
import { GrowthBlocked, TotalRowOn, WorkbookChanged, WriteFailed, WriteTarget, checkBeforeWriting, restoreAll, writeAll } from "./write";

export { GrowthBlocked, TotalRowOn, WorkbookChanged } from "./write";

/** What the adapter needs of Office: `Excel.run` and the requirement-set check. */
export interface OfficeHost {
  run: typeof Excel.run;
  isSetSupported(name: string, version: string): boolean;
}

export interface OfficeOptions {
  /** Each sync as it completes: reading (syncs so far), or writing (bytes written of the total). */
  onSync?: (phase: "reading" | "writing", done: number, total: number) => void;
  /** The most a request or response may carry (4 MB; tests make it smaller to write in many blocks). */
  budgetBytes?: number;
}

/** Excel was editing a cell and would not wait: the user finishes the cell and runs again. Nothing was changed. */
export class CellEditMode extends Error {
  constructor() {
    super("Excel is editing a cell: press Enter or Esc to finish it, then run again");
    this.name = "CellEditMode";
  }
}

/** A write failed and putting the tables back failed too: these output tables may be incomplete. */
export class OutputIncomplete extends Error {
  constructor(
    readonly tables: string[],
    readonly cause: unknown,
  ) {
    super(
      `${tables.join(", ")} may be incomplete (${cause instanceof Error ? cause.message : String(cause)}): run again to repair ${tables.length === 1 ? "it" : "them"}; a run without its RunLog row did not finish`,
    );
    this.name = "OutputIncomplete";
  }
}

/** Excel refused to read the workbook: nothing was changed. */
export class ExcelRefused extends Error {
  constructor(
    readonly code: string,
    cause: unknown,
  ) {
    super(`Excel could not read the workbook (${code}: ${cause instanceof Error ? cause.message : String(cause)}); nothing was changed: run again`);
    this.name = "ExcelRefused";
  }
}

/** A write failed and every table it touched was put back as it was: nothing changed. */
export class WriteUndone extends Error {
  constructor(
    readonly code: string,
    cause: unknown,
  ) {
    super(`Excel refused the write (${code}: ${cause instanceof Error ? cause.message : String(cause)}); the tables were put back as they were`);
    this.name = "WriteUndone";
  }
}

const codeOf = (e: unknown): string => (e && typeof e === "object" && "code" in e ? String((e as { code: unknown }).code) : "");

export class OfficeWorkbook implements WorkbookPort {
  /** What the last read found, to write tables back where they stand and to put them back on failure. */
  private read = new Map<string, ReadTable>();
  private sheets: string[] = [];
  private hasRead = false;
  /** The workbook counts date serials from 1904 (found by the last read). */
  private date1904 = false;

  constructor(
    private readonly host: OfficeHost,
    private readonly options: OfficeOptions = {},
  ) {}

  /** A batch that reads: it waits for the user to finish editing a cell rather than failing. */
  private async reading<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
    try {
      return await this.host.run({ delayForCellEdit: true }, batch);
    } catch (e) {
      if (codeOf(e) === "InvalidOperationInCellEditMode") throw new CellEditMode();
      if (codeOf(e)) throw new ExcelRefused(codeOf(e), e);
      throw e;
    }
  }

  async listTables(): Promise<TableInfo[]> {
    return (await this.reading((context) => listAll(context))).tables;
  }

  async readTables(names: readonly string[], fallbackSheets?: ReadonlyMap<string, readonly string[]>): Promise<Map<string, TableData>> {
    let syncs = 0;
    const { tables, sheets, date1904 } = await this.reading((context) =>
      readAll(context, names, fallbackSheets, () => this.options.onSync?.("reading", ++syncs, syncs), this.options.budgetBytes),
    );
    this.read = new Map([...tables.values()].filter((t) => !t.fromSheet).map((t) => [t.name.toLowerCase(), t]));
    this.date1904 = date1904;
    this.sheets = sheets;
    this.hasRead = true;
    return new Map([...tables].map(([k, t]) => [k, asTableData(t)]));
  }

  async writeTables(tables: readonly OutputTable[], sheets: readonly OwnedSheet[] = []): Promise<WriteReport> {
    if (!this.hasRead) await this.readTables(tables.map((t) => t.name));
    const report: WriteReport = { renamedSheets: [] };
    const taken = new Set(this.sheets.map((s) => s.toLowerCase()));
    const targets: WriteTarget[] = tables.map((table) => {
      const before = this.read.get(table.name.toLowerCase()) ?? null;
      const date1904 = this.date1904;
      if (before) return { table, before, sheet: before.sheet, date1904 };
      let sheet = table.name;
      for (let i = 2; taken.has(sheet.toLowerCase()); i++) sheet = `${table.name} (${i})`;
      taken.add(sheet.toLowerCase());
      if (sheet !== table.name) report.renamedSheets.push({ table: table.name, sheet });
      return { table, before: null, sheet, date1904 };
    });
    const merge = this.host.isSetSupported("ExcelApi", "1.20");
    // Said by the attempt that wrote: a second one (without the undo group) finds the same sheets again.
    let ownedRenamed: WriteReport["renamedSheets"] = [];
    const ownedReport = (owned: OwnedTarget[]) => {
      ownedRenamed = owned.filter((o) => !o.existing && o.sheet !== o.content.name).map((o) => ({ table: o.content.name, sheet: o.sheet }));
    };
    try {
      await this.write(targets, sheets, merge, taken, ownedReport);
    } catch (e) {
      // A host that cannot undo one of the writes in a single group: put back, then write without the group.
      if (merge && e instanceof WriteUndone && e.code === "UndoNotSupported") await this.write(targets, sheets, false, taken, ownedReport);
      else throw e;
    }
    this.hasRead = false;
    report.renamedSheets.push(...ownedRenamed);
    return report;
  }

  private async write(
    targets: WriteTarget[],
    sheets: readonly OwnedSheet[],
    mergeUndoGroup: boolean,
    taken: ReadonlySet<string>,
    onOwned: (owned: OwnedTarget[]) => void,
  ): Promise<void> {
    try {
      await this.host.run({ delayForCellEdit: true, ...(mergeUndoGroup ? { mergeUndoGroup: true } : {}) }, async (context) => {
        // The owned sheets are found in the check's sync: the sheet holding the table of each one's name.
        const probes = sheets.map((s) => probeOwned(context, s));
        await checkBeforeWriting(context, targets);
        const names = new Set(taken);
        const owned = probes.map((p) => p.read(names));
        onOwned(owned);
        const budget = this.options.budgetBytes ?? BUDGET_BYTES;
        await writeAll(
          context,
          targets,
          budget,
          (done, total) => this.options.onSync?.("writing", done, total),
          owned.flatMap((o) => ownedOps(o, budget)),
        );
      });
    } catch (e) {
      if (e instanceof GrowthBlocked || e instanceof TotalRowOn || e instanceof WorkbookChanged) throw e;
      const failed = e instanceof WriteFailed ? e : new WriteFailed(e, []);
      const code = codeOf(failed.cause);
      if (failed.touched.length > 0) {
        let left: string[];
        try {
          left = await this.host.run({ delayForCellEdit: true }, (context) => restoreAll(context, failed.touched, this.options.budgetBytes));
        } catch (again) {
          throw new OutputIncomplete(
            failed.touched.map((t) => ("content" in t ? t.sheet : t.table.name)),
            again,
          );
        }
        // A sheet the run owns whole cannot be put back: it is rewritten by the next run.
        if (left.length > 0) throw new OutputIncomplete(left, failed.cause);
      }
      if (code === "InvalidOperationInCellEditMode") throw new CellEditMode();
      throw new WriteUndone(code || "Error", failed.cause);
    }
  }
}
