import { Message } from "./errors";

export type Severity = "Error" | "Warning";

/** One bad input: where it is, whom it concerns, what is wrong and how to fix it. */
export interface Issue {
  readonly severity: Severity;
  readonly table: string;
  /** A1 address of the offending input (or range), "" when there is no cell. */
  readonly cell: string;
  /** The employee it concerns (their id as written in Employees), "" when it concerns no one employee. */
  readonly employeeId: string;
  readonly text: Message;
}

export function msg(en: string, zh: string): Message {
  return { en, zh };
}

export function issue(severity: Severity, table: string, cell: string, employeeId: string, text: Message): Issue {
  return { severity, table, cell, employeeId, text };
}

/** A step's value, or null when it cannot be computed, with the issues that arose computing it. */
export interface Outcome<T> {
  readonly value: T | null;
  readonly issues: readonly Issue[];
}

export const NO_ISSUES: readonly Issue[] = Object.freeze([]);

export function hasError(list: readonly Issue[]): boolean {
  for (const i of list) if (i.severity === "Error") return true;
  return false;
}

/** The same issue as concerning an employee: a shared row's problem (a department's Targets cell) met by each of its employees. */
export function concerning(i: Issue, employeeId: string): Issue {
  return i.employeeId === employeeId ? i : { ...i, employeeId };
}

/**
 * The issues without repeats: one employee's steps may each meet the same cause (every indicator's row
 * missing from a table whose header is wrong) and say the same thing at the same cell; it is listed once.
 */
export function distinct(list: readonly Issue[]): Issue[] {
  if (list.length < 2) return [...list];
  const seen = new Set<string>();
  return list.filter((i) => {
    const key = `${i.severity}\u0000${i.table}\u0000${i.cell}\u0000${i.employeeId}\u0000${i.text.en}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** A list of cells as Chinese writes one: A6、A12, not A6, A12. */
export function zhList(list: string): string {
  return list.replace(/, /g, "、");
}
