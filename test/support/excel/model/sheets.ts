/**
 * Worksheet operations: add, rename, move, hide, delete.
 *
 * docs-ref `excel.worksheetcollection.yml` add: "The worksheet will be added at the end of existing worksheets. If
 * you wish to activate the newly added worksheet, call .activate() on it." Default names "Sheet1", "Sheet2", …
 * (the next unused number; **inference** for the numbering). A workbook keeps at least one visible sheet:
 * deleting or hiding the last one fails with InvalidOperation (**inference** for the code).
 */
import { excelError } from "../errors";
import { checkSheetName } from "./names";
import { SheetModel, Store, Visibility } from "./store";
import { removeTable } from "./tables";

export function addSheet(store: Store, name: string | undefined, location = "WorksheetCollection.add"): SheetModel {
  let finalName = name;
  if (finalName === undefined || finalName === null) {
    let n = store.sheets.length + 1;
    while (store.sheetByName(`Sheet${n}`)) n++;
    finalName = `Sheet${n}`;
  }
  checkSheetName(finalName, location);
  if (store.sheetByName(finalName)) throw excelError("ItemAlreadyExists", location, `A worksheet named "${finalName}" already exists.`);
  const sheet = store.newSheet(finalName);
  store.set(store, "sheets", [...store.sheets, sheet]);
  if (!store.activeSheetId) store.set(store, "activeSheetId", sheet.id);
  return sheet;
}

export function renameSheet(store: Store, sheet: SheetModel, name: unknown): void {
  const checked = checkSheetName(name, "Worksheet.name");
  const other = store.sheetByName(checked);
  if (other && other !== sheet) throw excelError("ItemAlreadyExists", "Worksheet.name", `A worksheet named "${checked}" already exists.`);
  store.set(sheet, "name", checked);
}

export function moveSheet(store: Store, sheet: SheetModel, position: unknown): void {
  if (typeof position !== "number" || !Number.isInteger(position) || position < 0 || position >= store.sheets.length) {
    throw excelError("InvalidArgument", "Worksheet.position", "The position is out of range.");
  }
  const rest = store.sheets.filter((s) => s !== sheet);
  rest.splice(position, 0, sheet);
  store.set(store, "sheets", rest);
}

const visibleCount = (store: Store): number => store.sheets.filter((s) => s.visibility === "Visible").length;

export function setVisibility(store: Store, sheet: SheetModel, visibility: unknown): void {
  if (visibility !== "Visible" && visibility !== "Hidden" && visibility !== "VeryHidden") {
    throw excelError("InvalidArgument", "Worksheet.visibility", `${String(visibility)} is not a sheet visibility.`);
  }
  if (visibility !== "Visible" && sheet.visibility === "Visible" && visibleCount(store) === 1) {
    throw excelError("InvalidOperation", "Worksheet.visibility", "A workbook must keep at least one visible worksheet.");
  }
  store.set(sheet, "visibility", visibility as Visibility);
  if (visibility !== "Visible" && store.activeSheetId === sheet.id) {
    store.set(store, "activeSheetId", store.sheets.find((s) => s.visibility === "Visible")!.id);
  }
}

export function deleteSheet(store: Store, sheet: SheetModel): void {
  if (sheet.visibility === "Visible" && visibleCount(store) === 1) {
    throw excelError("InvalidOperation", "Worksheet.delete", "A workbook must keep at least one visible worksheet.");
  }
  for (const t of store.tablesOn(sheet)) removeTable(store, t);
  const index = store.sheets.indexOf(sheet);
  store.set(
    store,
    "sheets",
    store.sheets.filter((s) => s !== sheet),
  );
  if (store.activeSheetId === sheet.id) {
    const next = store.sheets.slice(Math.max(0, index - 1)).find((s) => s.visibility === "Visible") ?? store.sheets.find((s) => s.visibility === "Visible");
    store.set(store, "activeSheetId", next?.id ?? "");
  }
  if (store.selection?.sheetId === sheet.id) store.set(store, "selection", null);
}

export function activateSheet(store: Store, sheet: SheetModel): void {
  if (sheet.visibility !== "Visible") throw excelError("InvalidOperation", "Worksheet.activate", "A hidden worksheet can't be activated.");
  store.set(store, "activeSheetId", sheet.id);
}
