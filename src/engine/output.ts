/**
 * The rows the engine hands a host to write: Results, Breakdown and Issues, as plain cell values in
 * the order of the contract's OUTPUT_COLUMNS (whose kinds say how to format them).
 */
import { D } from "./decimal";
import { Lang } from "./errors";
import { Issue } from "./issues";
import { EmployeeResult, RecalcResult } from "./result";

export type OutputValue = string | number | boolean | null;
export type OutputRow = OutputValue[];

/** A decimal as a cell's number; a zero as 0, never −0 (which Excel and the pane would show as −0.00). */
const num = (x: D | null): number | null => (x === null ? null : x.isZero() ? 0 : x.toNumber());

export function resultRow(r: EmployeeResult): OutputRow {
  const e = r.employee;
  return [
    e.id,
    e.name,
    e.department,
    e.planName,
    r.period,
    num(r.score),
    r.grade,
    r.rank,
    num(r.completion),
    num(r.quarterlyBonus),
    num(r.dealBonus),
    num(r.commission),
    num(r.incentives),
    num(r.penalties),
    num(r.adjustments),
    num(r.totalPay),
    r.status,
    r.flags.join("; "),
  ];
}

export function issueRow(i: Issue, lang: Lang): OutputRow {
  return [i.severity, i.table, i.cell, i.employeeId, i.text[lang]];
}

export function outputRows(res: RecalcResult): { Results: OutputRow[]; Breakdown: OutputRow[]; Issues: OutputRow[] } {
  const breakdown: OutputRow[] = [];
  for (const r of res.results) for (const line of r.breakdown) breakdown.push(line);
  return {
    Results: res.results.map(resultRow),
    Breakdown: breakdown,
    Issues: res.issues.map((i) => issueRow(i, res.lang)),
  };
}
