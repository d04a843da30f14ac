/**
 * How the output tables are shown, besides each column's number format: Results.Status and
 * Issues.Severity coloured by value (Error red, Warning amber), and each Issues.Cell a link to the
 * offending cell on its input table's sheet, so HR goes from the message to the cell in one click.
 */
import { OutputTable, OutputValue, TableData, findByName } from "../workbook/port";

/** A sheet name as a formula writes it before "!": always quoted, an apostrophe doubled. */
export function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

const A1 = /^\$?[A-Z]{1,3}\$?\d+(?::\$?[A-Z]{1,3}\$?\d+)?$/;

/** Where an Issues row points: the sheet of the table it names, at the cell (or range) it gives; null when either is unknown. */
export function issueLocation(table: unknown, cell: unknown, inputs: ReadonlyMap<string, TableData>): string | null {
  if (typeof table !== "string" || typeof cell !== "string" || !A1.test(cell.trim())) return null;
  const t = findByName(inputs.values(), table) ?? [...inputs.values()].find((x) => x.name.toLowerCase() === table.toLowerCase());
  return t ? `${quoteSheet(t.sheet)}!${cell.trim()}` : null;
}

/** The output tables with their status column and links set. */
export function presentOutputs(tables: readonly OutputTable[], inputs: ReadonlyMap<string, TableData>): OutputTable[] {
  return tables.map((t) => {
    if (t.name === "Results") return { ...t, statusColumn: "Status" };
    if (t.name !== "Issues") return t;
    // One way to a row's link: by its cells' headers, for this table's rows and for any other's (a table put back).
    const locate = (cell: (header: string) => OutputValue) => issueLocation(cell("Table"), cell("Cell"), inputs);
    const at = (h: string) => t.columns.findIndex((c) => c.name === h);
    return { ...t, statusColumn: "Severity", links: { column: "Cell", locations: t.rows.map((r) => locate((h) => r[at(h)] ?? null)), locate } };
  });
}
