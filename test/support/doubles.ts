/** Excel doubles holding the tables a test starts from, and the Office host the adapter is given for one. */
import { OfficeHost } from "../../src/workbook/office/officeWorkbook";
import { ExcelDouble, createExcelDouble } from "./excel";
import { PlainTable } from "./scaled";

/** A double with each table at A1 of its sheet (a formula marker, which a double's cell cannot hold as such, is blank). */
export function doubleOf(tables: readonly PlainTable[], options: Parameters<typeof createExcelDouble>[0] = {}): ExcelDouble {
  const d = createExcelDouble({ sheets: [], ...options });
  for (const t of tables) {
    if (!d.book.sheetNames().includes(t.sheet)) d.book.addSheet(t.sheet);
    d.book.addTable(
      t.sheet,
      "A1",
      t.name,
      t.headers,
      t.rows.map((r) => r.map((v) => (v !== null && typeof v === "object" && !(v instanceof Date) ? null : v))),
    );
  }
  return d;
}

/** What the add-in's code gets from Office, here from the double. */
export function hostOf(d: ExcelDouble): OfficeHost {
  return { run: d.run, isSetSupported: (name, version) => d.Office.context.requirements.isSetSupported(name, version) };
}
