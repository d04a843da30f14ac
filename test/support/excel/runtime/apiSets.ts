/**
 * The requirement set of each member the double implements, where it is above ExcelApi 1.1 (docs-ref
 * `docs-ref-autogen/excel/excel/*.yml`, "API set" remarks). Calling one on a host with an older set throws
 * ApiNotFound at call time, as the runtime does ("The method or property Table.resize is part of the ExcelApi 1.13
 * requirement set, which is not available in your version of Excel."; local office-js `throwIfApiNotSupported`).
 */
export const API_SET: Readonly<Record<string, string>> = {
  "Range.hyperlink": "1.7",
  "Range.conditionalFormats": "1.6",
  "Range.isEntireColumn": "1.7",
  "Range.isEntireRow": "1.7",
  "Range.getResizedRange": "1.2",
  "Range.getRowsBelow": "1.2",
  "Range.getRowsAbove": "1.2",
  "Range.getColumnsAfter": "1.2",
  "Range.getColumnsBefore": "1.2",
  "Range.getIntersectionOrNullObject": "1.4",
  "Range.getUsedRangeOrNullObject": "1.4",
  "Worksheet.freezePanes": "1.7",
  "Worksheet.getRangeByIndexes": "1.7",
  "Worksheet.getUsedRangeOrNullObject": "1.4",
  "Worksheet.tabColor": "1.7",
  "WorksheetCollection.getItemOrNullObject": "1.4",
  "WorksheetCollection.getCount": "1.4",
  "WorksheetCollection.getFirst": "1.5",
  "WorksheetCollection.getLast": "1.5",
  "Workbook.getActiveCell": "1.7",
  "Workbook.functions": "1.2",
  "Application.suspendApiCalculationUntilNextSync": "1.6",
  "Application.suspendScreenUpdatingUntilNextSync": "1.9",
  "TableCollection.getItemOrNullObject": "1.4",
  "TableCollection.getCount": "1.4",
  "Table.worksheet": "1.2",
  "Table.showBandedRows": "1.3",
  "Table.showBandedColumns": "1.3",
  "Table.showFilterButton": "1.3",
  "Table.highlightFirstColumn": "1.3",
  "Table.highlightLastColumn": "1.3",
  "Table.resize": "1.13",
  "Table.convertToRange": "1.2",
  "Table.clearFilters": "1.2",
  "TableRowCollection.getCount": "1.4",
  "TableColumnCollection.getItemOrNullObject": "1.4",
  "TableColumnCollection.getCount": "1.4",
  "RangeFormat.columnWidth": "1.2",
  "RangeFormat.rowHeight": "1.2",
  "RangeFormat.autofitColumns": "1.2",
  "WorksheetFreezePanes.freezeRows": "1.7",
  "WorksheetFreezePanes.freezeColumns": "1.7",
  "WorksheetFreezePanes.freezeAt": "1.7",
  "WorksheetFreezePanes.getLocation": "1.7",
  "WorksheetFreezePanes.getLocationOrNullObject": "1.7",
  "WorksheetFreezePanes.unfreeze": "1.7",
  "ChartCollection.getItemOrNullObject": "1.4",
  "ChartCollection.getCount": "1.4",
  "Chart.id": "1.7",
  "Chart.chartType": "1.7",
  "Chart.worksheet": "1.2",
  "ChartSeriesCollection.getCount": "1.4",
  "ChartSeriesCollection.add": "1.7",
  "ChartSeries.setValues": "1.7",
  "ChartSeries.setXAxisValues": "1.7",
  "Worksheet.horizontalPageBreaks": "1.9",
  "Worksheet.pageLayout": "1.9",
  "PageBreakCollection.add": "1.9",
  "PageBreakCollection.getCount": "1.9",
  "PageBreakCollection.removePageBreaks": "1.9",
};

/** "1.20" > "1.9": compare major and minor as numbers. */
export function versionAtLeast(have: string, need: string): boolean {
  const [a = 0, b = 0] = have.split(".").map(Number);
  const [c = 0, d = 0] = need.split(".").map(Number);
  return a > c || (a === c && b >= d);
}
