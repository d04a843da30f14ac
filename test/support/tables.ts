/** Reading and writing one table through the port, for tests that edit a workbook in code. */
import { CellValue, OutputValue, TableData, WorkbookPort } from "../../src/workbook/port";

export async function readTable(port: WorkbookPort, name: string): Promise<TableData> {
  const t = (await port.readTables([name])).get(name);
  if (!t) throw new Error(`no table ${name}`);
  return t;
}

/** Writes a table's headers and rows as they are (text columns, values as given). */
export async function writeTable(port: WorkbookPort, name: string, headers: readonly string[], rows: ReadonlyArray<readonly CellValue[]>): Promise<void> {
  const values = rows.map((r) => r.map((v): OutputValue => (v !== null && typeof v === "object" && !(v instanceof Date) ? null : v)));
  await port.writeTables([{ name, columns: headers.map((h) => ({ name: h, kind: "text" })), rows: values }]);
}
