/**
 * Looking names up (plans, indicators, items, grade scales, employee ids, departments): the one
 * mechanism for every table that refers to another by name. Names match without regard to case,
 * repeated spaces or full-width forms, as HR expects ("presales" is the plan "Presales", "回款率（季度）"
 * the indicator "回款率(季度)"), but never silently: a name written otherwise than where it is defined is
 * matched with a Warning at the referring cell.
 */
import { Message } from "../errors";
import { Issue } from "../issues";
import { CellValue, readText, toHalfWidth } from "../values";
import { TableView } from "./view";

/** Identity of a name: trimmed, case, inner spacing and full-width forms (a Chinese input method's brackets, letters, digits) ignored. */
export function keyOf(v: CellValue): string {
  if (typeof v === "number") return String(v);
  const s = toHalfWidth(readText(v)).trim().toLowerCase();
  return SPACING.test(s) ? s.replace(/\s+/g, " ") : s;
}

/** Spacing that is not a single plain space. */
const SPACING = /\s\s|[^\S ]/;

/** What a name is and where it is defined, for messages: plan / 考核方案, defined in Plans / 考核方案表. */
export interface NameKind {
  what: Message;
  home: Message;
}

export const NAME_KINDS = {
  plan: { what: { en: "plan", zh: "考核方案" }, home: { en: "Plans", zh: "考核方案表" } },
  indicator: { what: { en: "indicator", zh: "指标" }, home: { en: "Indicators", zh: "指标表" } },
  item: { what: { en: "item", zh: "项目" }, home: { en: "IncentiveRules", zh: "激励规则表" } },
  scale: { what: { en: "grade scale", zh: "等级标准" }, home: { en: "Grades", zh: "等级表" } },
  employee: { what: { en: "EmployeeId", zh: "员工编号" }, home: { en: "Employees", zh: "员工表" } },
  department: { what: { en: "department", zh: "部门" }, home: { en: "Employees", zh: "员工表" } },
} as const satisfies Record<string, NameKind>;

export interface Named<T> {
  /** The name as written where it is defined. */
  readonly written: string;
  readonly value: T;
}

/** A name found: its value, and a Warning when the referring cell writes it differently. */
export interface Found<T> {
  readonly value: T;
  readonly warning?: Issue;
}

export class Names<T> {
  private readonly byKey = new Map<string, Named<T>>();
  /** The same definitions by their exact spelling: the common case, found without normalising. */
  private readonly byWritten = new Map<string, Named<T>>();

  constructor(readonly kind: NameKind) {}

  get size(): number {
    return this.byKey.size;
  }

  /** Defines a name; returns the earlier definition instead when the name is already taken. */
  define(written: string, value: T): Named<T> | null {
    const key = keyOf(written);
    const earlier = this.byKey.get(key);
    if (earlier) return earlier;
    const named = { written, value };
    this.byKey.set(key, named);
    this.byWritten.set(written, named);
    return null;
  }

  /** Gives a defined name another value (a definition found faulty later, such as a second rule for it). */
  redefine(written: string, value: T): void {
    const earlier = this.byKey.get(keyOf(written));
    if (!earlier) throw new Error(`redefine: ${written} is not defined`);
    const named = { written: earlier.written, value };
    this.byKey.set(keyOf(written), named);
    this.byWritten.set(earlier.written, named);
  }

  byName(key: string): Named<T> | undefined {
    return this.byKey.get(key);
  }

  values(): IterableIterator<Named<T>> {
    return this.byKey.values();
  }

  /** The definition a typed name refers to, matched by keyOf; undefined when there is none. */
  named(typed: string): Named<T> | undefined {
    return this.byWritten.get(typed) ?? this.byKey.get(keyOf(typed));
  }

  /** The Warning at the referring cell when a name was matched though written otherwise; undefined when written alike. */
  spelling(typed: string, named: Named<T>, view: TableView, row: number, column: string, employeeId: string): Issue | undefined {
    if (named.written === typed) return undefined;
    const { what, home } = this.kind;
    return view.warn(
      row,
      column,
      employeeId,
      `${what.en} "${typed}" is written "${named.written}" in ${home.en}: matched; correct the spelling to be sure`,
      `${what.zh} "${typed}" 在${home.zh}中写作 "${named.written}"：已按其匹配；请更正写法以确保无误`,
    );
  }

  /**
   * The definition a name typed in `view` (row, column key) refers to, or null when there is none; with a
   * Warning at that cell, naming both spellings, when it is written otherwise.
   */
  find(typed: string, view: TableView, row: number, column: string, employeeId: string): Found<T> | null {
    const named = this.named(typed);
    if (!named) return null;
    const warning = this.spelling(typed, named, view, row, column, employeeId);
    return warning ? { value: named.value, warning } : named;
  }
}
