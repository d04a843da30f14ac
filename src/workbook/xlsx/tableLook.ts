/**
 * How an output table's cells look in the package and what follows them: the cell format of its
 * header and of each column (cellXfs indexes from styles.ts), its status column's conditional formats
 * and its links column's hyperlinks (sheetTail.ts), for where the table is placed.
 */
import { columnLetters } from "../../engine/table";
import { OutputTable } from "../port";
import { CellLink, ColumnArea, statusCfXml } from "./sheetTail";

/** The last sheet row of a table: a table always has at least one body row, even an empty one. */
export function bottomOf(t: OutputTable, top: number): number {
  return top + Math.max(1, t.rows.length);
}

/** How a table's cells look (cellXfs indexes of the header, of each column, of a cell that links) and the dxfs of its status colours. */
export interface TableLook {
  header: number;
  columns: readonly number[];
  /** A date in a column of another kind (HR's own column mixing dates and text) keeps a date format. */
  date: number;
  link: number;
  dxf: { error: number; warning: number };
}

/** The body area of a named column of a table placed at `at`, or null when it has no such column. */
function columnArea(t: OutputTable, name: string | undefined, at: Placement): ColumnArea | null {
  const i = name === undefined ? -1 : t.columns.findIndex((c) => c.name === name);
  return i < 0 ? null : { column: at.left + i, top: at.top + 1, bottom: bottomOf(t, at.top) };
}

/** The table's status colours, or "" when it has no status column. */
export function tableCf(p: string, t: OutputTable, at: Placement, look: TableLook, priority: number): string {
  const area = columnArea(t, t.statusColumn, at);
  return area ? statusCfXml(p, area, look.dxf, priority) : "";
}

/** The links of a table's links column: each body cell with a location and something to show. */
export function tableLinks(t: OutputTable, at: Placement): CellLink[] {
  const area = t.links ? columnArea(t, t.links.column, at) : null;
  if (!area || !t.links) return [];
  const out: CellLink[] = [];
  const i = area.column - at.left;
  t.links.locations.forEach((location, k) => {
    const v = t.rows[k]?.[i];
    if (location && v !== null && v !== undefined && v !== "")
      out.push({ ref: `${columnLetters(area.column)}${at.top + 1 + k}`, location, display: String(v) });
  });
  return out;
}

/** Where a table's cells go: its header at `top`, columns from `left`. */
export interface Placement {
  top: number;
  left: number;
}
