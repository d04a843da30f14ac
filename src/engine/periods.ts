/**
 * Periods of SPEC §3: a quarter (2026-Q2, 2026Q2, 2026年第2季度), a month (2026-04 or a date cell),
 * a year (2026). Dates are calendar days without time zones (UTC midnight).
 */
import { CellValue, isBlank, readText, toHalfWidth } from "./values";

export type Period =
  | { readonly kind: "quarter"; readonly year: number; readonly quarter: number }
  | { readonly kind: "month"; readonly year: number; readonly month: number }
  | { readonly kind: "year"; readonly year: number };

const QUARTER = [/^(\d{4})\s*(?:年\s*)?[-/.]?\s*q\s*([1-4])$/i, /^(\d{4})\s*年\s*第?\s*([1-4一二三四])\s*季度?$/, /^q([1-4])\s*[-/ ]?\s*(\d{4})$/i];
const MONTH = [/^(\d{4})\s*[-/.]\s*(\d{1,2})$/, /^(\d{4})\s*年\s*(\d{1,2})\s*月$/, /^(\d{4})(\d{2})$/];
const CN_DIGIT: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4 };

/**
 * Whether Excel can show a serial as a date: from day 0 of the workbook's date system to 9999-12-31
 * (serial 2958465 in the 1900 system, 1,462 fewer in the 1904 one); outside, it shows #####.
 */
export function isDateSerial(n: number, date1904 = false): boolean {
  return n >= 0 && (date1904 ? n + 1462 : n) < 2958466;
}

/** A Date from a spreadsheet date serial (1900 system, as Excel passes dates to add-ins). */
export function dateFromSerial(serial: number): Date {
  // Serial 1 is 1900-01-01; Excel's phantom 1900-02-29 makes day 0 fall on 1899-12-30 from March 1900 on.
  return new Date(Date.UTC(1899, 11, 30 + (serial | 0)));
}

/** Periods of the texts met so far: a table repeats a handful of periods on every row, so each is parsed once. */
const fromTexts = new Map<string, Period | null>();

/** Parses a period cell; null when it is not a period at all. */
export function parsePeriod(v: CellValue): Period | null {
  if (v instanceof Date) return { kind: "month", year: v.getUTCFullYear(), month: v.getUTCMonth() + 1 };
  if (typeof v === "number") {
    if (Number.isInteger(v) && v >= 1900 && v <= 9999) return { kind: "year", year: v };
    return null;
  }
  if (isBlank(v) || typeof v !== "string") return null;
  let p = fromTexts.get(v);
  if (p === undefined) {
    if (fromTexts.size >= 4096) fromTexts.clear();
    p = periodOfText(v);
    fromTexts.set(v, p);
  }
  return p;
}

function periodOfText(v: string): Period | null {
  const s = toHalfWidth(v.trim()).trim();
  if (/^\d{4}$/.test(s) || /^\d{4}\s*年(度)?$/.test(s)) return { kind: "year", year: Number(s.slice(0, 4)) };
  for (const [i, re] of QUARTER.entries()) {
    const m = s.match(re);
    if (m) {
      const [y, q] = i === 2 ? [m[2], m[1]] : [m[1], m[2]];
      return { kind: "quarter", year: Number(y), quarter: CN_DIGIT[q] ?? Number(q) };
    }
  }
  for (const re of MONTH) {
    const m = s.match(re);
    if (m && Number(m[2]) >= 1 && Number(m[2]) <= 12) return { kind: "month", year: Number(m[1]), month: Number(m[2]) };
  }
  // A date typed as text names its month, when it is a date at all (2026-13-05 and 2026-06-31 are not).
  const iso = s.match(/^(\d{4}-\d{2}-\d{2})(?:[T ].*)?$/);
  const date = iso ? parseDate(iso[1]) : null;
  return date ? { kind: "month", year: date.getUTCFullYear(), month: date.getUTCMonth() + 1 } : null;
}

/** The canonical text of a period: 2026-Q2, 2026-04, 2026. */
export function periodText(p: Period): string {
  if (p.kind === "quarter") return `${p.year}-Q${p.quarter}`;
  if (p.kind === "month") return `${p.year}-${String(p.month).padStart(2, "0")}`;
  return String(p.year);
}

/** A month (or quarter) that lies inside the quarter q. */
export function inQuarter(p: Period, q: { year: number; quarter: number }): boolean {
  if (p.year !== q.year) return false;
  if (p.kind === "quarter") return p.quarter === q.quarter;
  if (p.kind === "month") return quarterOfMonth(p.month) === q.quarter;
  return false;
}

export function quarterOfMonth(month: number): number {
  return (((month - 1) / 3) | 0) + 1;
}

/** Month index for ordering and adjacency: year × 12 + month − 1. */
export function monthIndex(p: { year: number; month: number }): number {
  return p.year * 12 + p.month - 1;
}

export function quarterStart(year: number, quarter: number): Date {
  return new Date(Date.UTC(year, (quarter - 1) * 3, 1));
}

export function quarterEnd(year: number, quarter: number): Date {
  return new Date(Date.UTC(year, quarter * 3, 0));
}

/** Calendar days from a to b, both included. */
export function daysInclusive(a: Date, b: Date): number {
  return (((b.getTime() - a.getTime()) / 86400000) | 0) + 1;
}

/** A date cell: a real date, an ISO or Chinese date text, or (from Excel) a date serial. */
export function parseDate(v: CellValue, date1904 = false): Date | null {
  if (v instanceof Date) {
    // Excel's dates run from 1900 to 9999: a number such as 20260506 in a date-formatted cell is no date.
    const year = v.getUTCFullYear();
    if (!(year >= 1900 && year <= 9999)) return null;
    return new Date(Date.UTC(year, v.getUTCMonth(), v.getUTCDate()));
  }
  if (typeof v === "number" && v > 0 && isDateSerial(v, date1904)) {
    // 1904-01-01 is serial 0 in the 1904 system and 1462 in the 1900 one.
    return dateFromSerial(date1904 ? v + 1462 : v);
  }
  const s = toHalfWidth(readText(v));
  const m = s.match(/^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/);
  if (!m) return null;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCMonth() === Number(m[2]) - 1 ? d : null;
}

export function dateText(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** A quarter being recalculated, with what its steps need to know about it. */
export interface Quarter {
  year: number;
  quarter: number;
  /** year × 4 + quarter − 1, as records are filed. */
  index: number;
  /** 2026-Q2. */
  text: string;
  start: Date;
  end: Date;
  /** Month indices (monthIndex) of its first and last month. */
  firstMonth: number;
  lastMonth: number;
  /** Calendar days in the quarter. */
  days: number;
}

export function quarterOf(year: number, quarter: number): Quarter {
  const start = quarterStart(year, quarter);
  const end = quarterEnd(year, quarter);
  const lastMonth = monthIndex({ year, month: quarter * 3 });
  return {
    year,
    quarter,
    index: year * 4 + quarter - 1,
    text: periodText({ kind: "quarter", year, quarter }),
    start,
    end,
    firstMonth: lastMonth - 2,
    lastMonth,
    days: daysInclusive(start, end),
  };
}

/** The quarter of a quarter index (year × 4 + quarter − 1). */
export function quarterAt(index: number): Quarter {
  return quarterOf((index - (index % 4)) / 4, (index % 4) + 1);
}

/** The text of a month index: 2026-04. */
export function monthText(index: number): string {
  return periodText({ kind: "month", year: (index / 12) | 0, month: (index % 12) + 1 });
}
