/**
 * A table as the readers see it: its columns found by header in English or Chinese, each cell's A1
 * address, and reading a cell into a Result — its value (perhaps with a warning), or an Error issue
 * at that cell. Nothing is logged on the side: whoever reads a cell gets its issue back.
 */
import { TableSpec } from "../contract";
import { Message } from "../errors";
import { Issue, Severity, issue, msg } from "../issues";
import { TableData, cellAddress } from "../table";
import { CellValue, isBlank } from "../values";
import { HeaderMatch } from "./headers";

/** A cell read: its value, with a Warning when it was taken with a doubt; or the Error saying why it cannot be used. */
export type Result<T> = { readonly ok: true; readonly value: T; readonly warning?: Issue } | { readonly ok: false; readonly issue: Issue };

/** What a reader makes of a cell's value, before it is placed in a table: a value (with a note) or a problem. */
export type Reading<T> = { readonly ok: true; readonly value: T; readonly note?: Message } | { readonly ok: false; readonly problem: Message };

/** Reads one cell's value; `header` is the column's header as the user typed it, for messages. */
export type Reader<T> = (v: CellValue, header: string) => Reading<T>;

export function ok<T>(value: T): Result<T> & Reading<T> {
  return { ok: true, value };
}

export class TableView {
  readonly name: string;
  readonly rows: readonly CellValue[][];
  private readonly index: ReadonlyMap<string, number>;
  /** Headers as typed, by column index. */
  private readonly typed: readonly string[];

  constructor(
    readonly spec: TableSpec,
    readonly data: TableData,
    readonly match: HeaderMatch,
  ) {
    this.name = spec.name;
    this.rows = data.rows;
    this.index = match.index;
    this.typed = data.headers.map((h) => String(h));
  }

  get rowCount(): number {
    return this.rows.length;
  }

  has(key: string): boolean {
    return this.index.has(key);
  }

  value(row: number, key: string): CellValue {
    const i = this.index.get(key);
    return i === undefined ? null : this.rows[row][i];
  }

  /** The header as the user typed it, for messages. */
  header(key: string): string {
    const i = this.index.get(key);
    return i === undefined ? key : String(this.data.headers[i]);
  }

  address(row: number, key: string): string {
    return cellAddress(this.data, row, this.index.get(key) ?? 0);
  }

  /**
   * Where rows that repeat one another are reported: the cell of the first repeat (the second of them in
   * the table), one A1 address HR can go to; the message names every row's cell.
   */
  repeatAt(key: string, rows: readonly number[]): string {
    const sorted = [...new Set(rows)].sort((a, b) => a - b);
    return this.address(sorted[Math.min(1, sorted.length - 1)], key);
  }

  /** The A1 range of a column over the given rows, for issues about a group of cells (a sum of weights). */
  columnRange(key: string, rows: readonly number[]): string {
    if (rows.length === 0) return "";
    // reduce, not Math.min(...rows): a spread of a long list overflows the stack.
    const first = this.address(
      rows.reduce((a, b) => (b < a ? b : a)),
      key,
    );
    const last = this.address(
      rows.reduce((a, b) => (b > a ? b : a)),
      key,
    );
    return first === last ? first : `${first}:${last}`;
  }

  /** The cells of a column on the given rows, for a message naming each: "D4, D18" (a range may span rows that are fine). */
  columnCells(key: string, rows: readonly number[]): string {
    const sorted = [...new Set(rows)].sort((a, b) => a - b);
    const shown = sorted.slice(0, 6).map((r) => this.address(r, key));
    return sorted.length > 6 ? `${shown.join(", ")}, …` : shown.join(", ");
  }

  isBlankRow(row: number): boolean {
    // An index, not for…of: it runs for every row of every table, mostly before it is optimised.
    const cells = this.rows[row];
    for (let i = 0; i < cells.length; i++) if (!isBlank(cells[i])) return false;
    return true;
  }

  /** "Employees E5: …" — the table and the cell, then what is wrong with it. */
  say(row: number, key: string, text: Message): Message {
    const at = this.address(row, key);
    // In Chinese the table is named as the other Chinese messages name it (员工表, 实际值表), after its alias.
    return msg(`${this.name} ${at}: ${text.en}`, `${this.spec.zh}表 ${at}：${text.zh}`);
  }

  /** An issue at a cell, its message starting with the table and the cell. */
  issue(severity: Severity, row: number, key: string, employeeId: string, en: string, zh: string): Issue {
    return issue(severity, this.name, this.address(row, key), employeeId, this.say(row, key, msg(en, zh)));
  }

  error(row: number, key: string, employeeId: string, en: string, zh: string): Issue {
    return this.issue("Error", row, key, employeeId, en, zh);
  }

  warn(row: number, key: string, employeeId: string, en: string, zh: string): Issue {
    return this.issue("Warning", row, key, employeeId, en, zh);
  }

  /** Reads a cell: its value (with a Warning at the cell when taken with a doubt), or an Error at the cell. */
  read<T>(row: number, key: string, employeeId: string, reader: Reader<T>): Result<T> {
    const i = this.index.get(key);
    const r = i === undefined ? reader(null, key) : reader(this.rows[row][i], this.typed[i]);
    if (r.ok) return r.note ? { ok: true, value: r.value, warning: this.issue("Warning", row, key, employeeId, r.note.en, r.note.zh) } : r;
    return { ok: false, issue: this.issue("Error", row, key, employeeId, r.problem.en, r.problem.zh) };
  }

  /** An optional column's cell: `fallback` when the column is absent or the cell blank. */
  optional<T, F>(row: number, key: string, employeeId: string, reader: Reader<T>, fallback: F): Result<T | F> {
    if (!this.has(key) || isBlank(this.value(row, key))) return ok(fallback);
    return this.read(row, key, employeeId, reader);
  }
}

/** Adds a Result's issue or warning to a list; true when the value can be used. */
export function note<T>(r: Result<T>, issues: Issue[]): r is Extract<Result<T>, { ok: true }> {
  if (!r.ok) {
    issues.push(r.issue);
    return false;
  }
  if (r.warning) issues.push(r.warning);
  return true;
}

/** Notes each Result's issue or warning; true when every value can be used. */
export function noteAll(results: ReadonlyArray<Result<unknown>>, issues: Issue[]): boolean {
  let usable = true;
  for (const r of results) if (!note<unknown>(r, issues)) usable = false;
  return usable;
}
