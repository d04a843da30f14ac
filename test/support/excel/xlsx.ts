/**
 * Node side of the double: a workbook file loaded into the double's book through the project's own
 * .xlsx adapter (every table, and each table-less sheet's table-like cells, placed where they stand),
 * and the double's output tables saved back into that file through the same adapter, so one workbook
 * runs through both hosts and the files compare.
 */
import { OUTPUT_NAMES, outputColumns } from "../../../src/app/recalculate";
import { OutputName } from "../../../src/engine/contract";
import { OutputValue } from "../../../src/workbook/port";
import { fromExcel } from "../../../src/workbook/office/read";
import { XlsxWorkbook } from "../../../src/workbook/xlsx/package";
import { ExcelDouble, ExcelDoubleOptions, createExcelDouble } from "./index";

/** A double holding the workbook of an .xlsx file. */
export async function doubleFromXlsx(buf: Uint8Array, options: ExcelDoubleOptions = {}): Promise<ExcelDouble> {
  const wb = XlsxWorkbook.fromBuffer(buf);
  const double = createExcelDouble({ ...options, sheets: [] });
  const infos = await wb.listTables();
  const tables = await wb.readTables(infos.map((t) => t.name));
  const hosts = new Set(infos.map((t) => t.sheet.toLowerCase()));
  double.book.importData({
    sheets: wb.sheetNames(),
    tables: [...tables.values()].map((t) => ({
      name: t.name,
      sheet: t.sheet,
      headerRow: t.headerRow,
      firstColumn: t.firstColumn,
      headers: t.headers,
      rows: t.rows.map((r) => r.map((v) => (v !== null && typeof v === "object" && !(v instanceof Date) ? null : v))),
    })),
  });
  // A sheet whose table was lost (SheetJS and Gnumeric drop tables) keeps its cells, for the adapter's fallback.
  for (const sheet of wb.sheetNames().filter((s) => !hosts.has(s.toLowerCase()))) {
    const cells = (await wb.readTables([sheet], new Map([[sheet, [sheet]]]))).get(sheet);
    if (!cells) continue;
    const plain = (v: unknown) => (v !== null && typeof v === "object" && !(v instanceof Date) ? null : (v as OutputValue));
    double.book.setCells(sheet, `${letters(cells.firstColumn)}${cells.headerRow}`, [cells.headers, ...cells.rows.map((r) => r.map(plain))]);
  }
  return double;
}

function letters(col: number): string {
  let s = "";
  for (let c = col; c > 0; c = ((c - 1) / 26) | 0) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return s;
}

/** The original file with the double's output tables written into it by the .xlsx adapter. */
export async function xlsxFromDouble(double: ExcelDouble, original: Uint8Array, names: readonly OutputName[] = OUTPUT_NAMES): Promise<Uint8Array> {
  const wb = XlsxWorkbook.fromBuffer(original);
  const present = names.filter((n) => double.book.sheetNames().length > 0 && double.book.table(n));
  const data = double.book.exportTables(present);
  await wb.writeTables(
    data.tables.map((t) => {
      const ours = new Map(outputColumns(t.name as OutputName).map((c) => [c.name, c.kind]));
      return {
        name: t.name,
        columns: t.headers.map((h) => ({ name: h, kind: ours.get(h) ?? "number" })),
        rows: t.rows.map((r, i) =>
          r.map((v, j): OutputValue => {
            const cell = fromExcel(v, t.formats?.[i]?.[j]);
            return cell !== null && typeof cell === "object" && !(cell instanceof Date) ? null : cell;
          }),
        ),
      };
    }),
  );
  return await wb.toBuffer();
}
