/**
 * Reads the input tables of SPEC §3 into typed records. Every cell that cannot be read becomes an
 * Issue naming the table, the cell and the fix, and the record it belongs to is marked bad: nothing
 * is guessed as zero.
 */
import { D } from "./decimal";
import { KpiError, Lang, Message } from "./errors";
import { INPUT_TABLES, TableSpec, matchHeaders, HeaderMatch } from "./contract";
import { IssueLog, msg } from "./issues";
import { Period, parseDate, parsePeriod } from "./periods";
import { TableData, cellAddress } from "./table";
import { CellValue, fraction, isBlank, nonNegative, percentScore, positive, readNumber, readNumberOrBlank, readText } from "./values";

/** A table's rows with header lookup in English or Chinese. */
export class TableView {
  readonly match: HeaderMatch;
  constructor(
    readonly spec: TableSpec,
    readonly data: TableData,
  ) {
    this.match = matchHeaders(spec, data.headers);
  }
  get name(): string {
    return this.spec.name;
  }
  get rowCount(): number {
    return this.data.rows.length;
  }
  has(key: string): boolean {
    return this.match.index.has(key);
  }
  value(row: number, key: string): CellValue {
    const i = this.match.index.get(key);
    return i === undefined ? null : this.data.rows[row][i];
  }
  /** The header as the user typed it, for messages. */
  header(key: string): string {
    const i = this.match.index.get(key);
    return i === undefined ? key : String(this.data.headers[i]);
  }
  address(row: number, key: string): string {
    const i = this.match.index.get(key) ?? 0;
    return cellAddress(this.data, row, i);
  }
  /** The A1 range of a column over the given rows, for issues about a group of cells (a sum of weights). */
  columnRange(key: string, rows: readonly number[]): string {
    if (rows.length === 0) return "";
    const first = this.address(rows.reduce((a, b) => Math.min(a, b)), key);
    const last = this.address(rows.reduce((a, b) => Math.max(a, b)), key);
    return first === last ? first : `${first}:${last}`;
  }
  isBlankRow(row: number): boolean {
    return this.data.rows[row].every((v) => isBlank(v));
  }
}

/** Identity of a text key (ids, plan and indicator names): trimmed, case and inner spacing ignored. */
export function keyOf(v: CellValue): string {
  if (typeof v === "number") return String(v);
  return readText(v).replace(/\s+/g, " ").toLowerCase();
}

/**
 * Reads one cell with `read`; a KpiError becomes an Issue at that cell and the result is undefined,
 * so the caller can mark its record bad.
 */
export class CellReader {
  constructor(
    readonly issues: IssueLog,
    readonly lang: Lang,
  ) {}

  read<T>(t: TableView, row: number, key: string, employeeId: string, read: (v: CellValue, header: string) => T): T | undefined {
    try {
      return read(t.value(row, key), t.header(key));
    } catch (e) {
      if (!(e instanceof KpiError)) throw e;
      this.issues.error(t.name, t.address(row, key), employeeId, cellMessage(t, row, key, e.text));
      return undefined;
    }
  }

  /** An optional column's cell: `fallback` when the column is absent or the cell blank, undefined when it is bad. */
  optional<T, F>(t: TableView, row: number, key: string, employeeId: string, read: (v: CellValue, header: string) => T, fallback: F): T | F | undefined {
    if (!t.has(key) || isBlank(t.value(row, key))) return fallback;
    return this.read(t, row, key, employeeId, read);
  }
}

/** "Employees E5: …" — the table and the cell, then what is wrong with it. */
export function cellMessage(t: TableView, row: number, key: string, text: Message): Message {
  const at = t.address(row, key);
  return msg(`${t.name} ${at}: ${text.en}`, `${t.name} 表 ${at}：${text.zh}`);
}

export function rowMessage(t: TableView, row: number, key: string, en: string, zh: string): Message {
  return cellMessage(t, row, key, msg(en, zh));
}

// ---------------------------------------------------------------- cell readers that throw KpiError

export const number = (v: CellValue, h: string): D => readNumber(v, h);
export const optionalNumber = (v: CellValue, h: string): D | null => readNumberOrBlank(v, h);
export const nonNegativeNumber = (v: CellValue, h: string): D => nonNegative(readNumber(v, h), h);
export const positiveNumber = (v: CellValue, h: string): D => positive(readNumber(v, h), h);
export const rate = (v: CellValue, h: string): D => fraction(readNumber(v, h), h);
/** A rating or quality score from 0 to 100. */
export const score100 = (v: CellValue, h: string): D => percentScore(readNumber(v, h), h);

export function requiredText(v: CellValue, h: string): string {
  const s = readText(v);
  if (s === "") throw new KpiError("#VALUE!", msg(`${h} is empty: fill it in`, `${h} 为空：请填写`));
  return s;
}

export function optionalDate(v: CellValue, h: string): Date | null {
  if (isBlank(v)) return null;
  const d = parseDate(v);
  if (!d) throw new KpiError("#VALUE!", msg(`${h} "${readText(v)}" is not a date: enter a date such as 2026-04-15`, `${h} "${readText(v)}" 不是日期：请输入日期，如 2026-04-15`));
  return d;
}

export function period(v: CellValue, h: string): Period {
  const p = parsePeriod(v);
  if (!p) {
    throw new KpiError("#VALUE!", msg(`${h} "${readText(v)}" is not a period: enter a quarter such as 2026-Q2, a month such as 2026-04, or a year`, `${h} "${readText(v)}" 不是考核周期：请输入季度（如 2026-Q2）、月份（如 2026-04）或年份`));
  }
  return p;
}

export function month(v: CellValue, h: string): Period {
  const p = period(v, h);
  if (p.kind !== "month") throw new KpiError("#VALUE!", msg(`${h} "${readText(v)}" is not a month: enter a month such as 2026-04`, `${h} "${readText(v)}" 不是月份：请输入月份，如 2026-04`));
  return p;
}

/** A choice among words (English or Chinese); blank takes the default. */
export function choice<T extends string>(options: Record<T, string[]>, fallback: NoInfer<T>) {
  return (v: CellValue, h: string): T => {
    if (isBlank(v)) return fallback;
    const s = readText(v).toLowerCase().replace(/[\s_]/g, "");
    for (const [value, words] of Object.entries(options) as Array<[T, string[]]>) {
      if (words.some((w) => w.toLowerCase() === s)) return value;
    }
    const all = Object.values<string[]>(options).map((ws) => ws.slice(0, 2).join("/"));
    throw new KpiError("#VALUE!", msg(`${h} "${readText(v)}" is not one of ${all.join(", ")}: pick one`, `${h} "${readText(v)}" 不是 ${all.join("、")} 之一：请选择其一`));
  };
}

/** Finds the tables by name; one missing or without its required columns is reported. */
export function viewTables(tables: ReadonlyMap<string, TableData>, issues: IssueLog): Map<string, TableView> {
  const views = new Map<string, TableView>();
  for (const spec of INPUT_TABLES) {
    const data = [...tables.entries()].find(([n]) => n.toLowerCase() === spec.name.toLowerCase())?.[1];
    if (!data) {
      if (spec.required) issues.error(spec.name, "", "", msg(`The table ${spec.name} (${spec.zh}) is missing: add an Excel table named ${spec.name}`, `缺少表 ${spec.name}（${spec.zh}）：请添加名为 ${spec.name} 的 Excel 表格`));
      continue;
    }
    const view = new TableView(spec, data);
    if (view.match.missing.length > 0) {
      const names = view.match.missing.map((c) => `${c.key}/${c.zh}`).join(", ");
      issues.error(spec.name, cellAddress(data, -1, 0), "", msg(`${spec.name} has no column ${names}: add the header`, `${spec.name} 表缺少列 ${names}：请添加该表头`));
      continue;
    }
    views.set(spec.name, view);
  }
  return views;
}

/** Tells the workbook's language from its headers: Chinese when most matched headers are Chinese. */
export function workbookLang(views: ReadonlyMap<string, TableView>): Lang {
  let zh = 0;
  let en = 0;
  for (const v of views.values()) {
    zh += v.match.chinese;
    en += v.match.english;
  }
  return zh > en ? "zh" : "en";
}

