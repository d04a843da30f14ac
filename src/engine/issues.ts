import { Message } from "./errors";

export type Severity = "Error" | "Warning";

/** One bad input: where it is, whom it concerns, what is wrong and how to fix it. */
export interface Issue {
  severity: Severity;
  table: string;
  cell: string;
  employeeId: string;
  text: Message;
}

export function msg(en: string, zh: string): Message {
  return { en, zh };
}

/** Collects issues in the order found, so a re-run lists them identically. */
export class IssueLog {
  readonly list: Issue[] = [];

  add(severity: Severity, table: string, cell: string, employeeId: string, text: Message): Issue {
    const issue = { severity, table, cell, employeeId, text };
    this.list.push(issue);
    return issue;
  }

  error(table: string, cell: string, employeeId: string, text: Message): Issue {
    return this.add("Error", table, cell, employeeId, text);
  }

  warn(table: string, cell: string, employeeId: string, text: Message): Issue {
    return this.add("Warning", table, cell, employeeId, text);
  }

  /** The issues without repeats (a plan's problem met in each quarter of a year is listed once). */
  unique(): Issue[] {
    const seen = new Set<string>();
    return this.list.filter((i) => {
      const k = [i.severity, i.table, i.cell, i.employeeId, i.text.en].join("\u0000");
      if (seen.has(k)) return false;
      seen.add(k);
      return true;
    });
  }
}
