/** The Excel error a bad input turns into. */
export type ErrorKind = "#VALUE!" | "#NUM!" | "#DIV/0!" | "#N/A";

export type Lang = "en" | "zh";

/** A bilingual message: HR reads the one matching the workbook or Excel's display language. */
export interface Message {
  en: string;
  zh: string;
}

/** A bad input, with the Excel error it becomes and a message saying what is wrong and how to fix it. */
export class KpiError extends Error {
  readonly kind: ErrorKind;
  readonly text: Message;

  constructor(kind: ErrorKind, text: Message) {
    super(text.en);
    this.name = "KpiError";
    this.kind = kind;
    this.text = text;
  }

  in(lang: Lang): string {
    return this.text[lang];
  }
}

export function valueError(en: string, zh: string): KpiError {
  return new KpiError("#VALUE!", { en, zh });
}

export function numError(en: string, zh: string): KpiError {
  return new KpiError("#NUM!", { en, zh });
}

export function div0Error(en: string, zh: string): KpiError {
  return new KpiError("#DIV/0!", { en, zh });
}

export function naError(en: string, zh: string): KpiError {
  return new KpiError("#N/A", { en, zh });
}

/** A workbook that cannot be recalculated at all (no Employees table, a bad period): nothing is written. */
export class UnusableWorkbook extends Error {
  constructor(readonly text: Message) {
    super(text.en);
    this.name = "UnusableWorkbook";
  }
}
