/**
 * Takes HR to an input cell from the pane: activates the sheet of the table and selects the cell.
 * Issues.Cell is an A1 address or range on the sheet of its table, or empty when the input has no
 * cell (then the table itself is selected). A table the workbook lost (read from its sheet, SPEC
 * fallback) is found by that sheet's name: the English table name or its Chinese alias (then, without a
 * cell, the sheet's used range is selected); a table named by its alias (员工, 员工表) by that name.
 *
 * Sources (learn.microsoft.com/javascript/api/excel/...): Excel.Table.worksheet (ExcelApi 1.2),
 * Excel.Worksheet.activate ("Activate the worksheet in the Excel UI", ExcelApi 1.1), Excel.Range.select
 * ("Selects the specified range in the Excel UI", ExcelApi 1.1), Excel.RunOptions.delayForCellEdit
 * (the batch waits while the user edits a cell instead of failing), *OrNullObject and isNullObject
 * (learn.microsoft.com/office/dev/add-ins/develop/application-specific-api-model).
 * In Excel on the web focus stays in the pane: "you must manually return focus to the worksheet"
 * (Excel.RunOptions example); Workbook.focus() is desktop-only, so it is not called.
 */
import type { OfficeHost } from "./officeWorkbook";

export type CellSelection = { sheet: string; address: string } | { missing: string };

/** Strips a sheet prefix ("'员工'!F4" → "F4") and the $ signs: the address is on the table's sheet. */
function bareAddress(cell: string): string {
  const bang = cell.lastIndexOf("!");
  return (bang >= 0 ? cell.slice(bang + 1) : cell).replace(/\$/g, "").trim();
}

export async function selectCell(host: Pick<OfficeHost, "run">, table: string, cell: string, sheetNames: readonly string[] = []): Promise<CellSelection> {
  return host.run({ delayForCellEdit: true }, async (context) => {
    const tables = [table, ...sheetNames, ...sheetNames.map((n) => `${n}表`)].map((name) => context.workbook.tables.getItemOrNullObject(name));
    const sheets = [table, ...sheetNames].map((name) => context.workbook.worksheets.getItemOrNullObject(name));
    await context.sync();
    const address = bareAddress(cell);
    const t = tables.find((x) => !x.isNullObject);
    let sheet: Excel.Worksheet;
    let range: Excel.Range;
    if (t) {
      sheet = t.worksheet;
      range = address ? sheet.getRange(address) : t.getRange();
    } else {
      const found = sheets.find((s) => !s.isNullObject);
      if (!found) return { missing: table };
      sheet = found;
      range = address ? sheet.getRange(address) : sheet.getUsedRange(true);
    }
    sheet.activate();
    range.select();
    sheet.load("name");
    range.load("address");
    await context.sync();
    return { sheet: sheet.name, address: bareAddress(range.address) };
  });
}
