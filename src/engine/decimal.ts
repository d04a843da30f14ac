import DecimalBase from "decimal.js";

/**
 * The one Decimal the product uses: enough precision that no intermediate product of money, rates
 * and scores is ever rounded, and half-up (四舍五入, away from zero) wherever the spec rounds.
 */
export const D = DecimalBase.clone({ precision: 50, rounding: DecimalBase.ROUND_HALF_UP, toExpNeg: -30, toExpPos: 40 });
export type D = InstanceType<typeof D>;

export const ZERO = new D(0);
export const ONE = new D(1);
export const HUNDRED = new D(100);

/**
 * Decimals of the cell numbers met so far. A workbook repeats its numbers (weights, rates, targets),
 * and decimals are immutable, so each distinct number is parsed once; bounded, so memory stays flat.
 */
const fromNumbers = new Map<number, D>();
const MAX_CACHED = 65536;

/** A number from a cell, taken at its shortest decimal form (SPEC §1). */
export function dec(x: number | string | D): D {
  if (x instanceof D) return x;
  if (typeof x === "string") return new D(x);
  let d = fromNumbers.get(x);
  if (d === undefined) {
    if (fromNumbers.size >= MAX_CACHED) fromNumbers.clear();
    d = new D(String(x));
    fromNumbers.set(x, d);
  }
  return d;
}

/** Money: 0.01 half up, once per line item (SPEC §1). */
export function roundMoney(x: D): D {
  return x.toDecimalPlaces(2, D.ROUND_HALF_UP);
}

/** Scores: 0.01 half up, once, at the employee's total (SPEC §1). */
export function roundScore(x: D): D {
  return x.toDecimalPlaces(2, D.ROUND_HALF_UP);
}

export function sum(xs: readonly D[]): D {
  let total = xs.length > 0 ? xs[0] : ZERO;
  for (let i = 1; i < xs.length; i++) if (!xs[i].isZero()) total = total.plus(xs[i]);
  return total;
}

/**
 * x < y: −1, x = y: 0, x > y: 1, as decimal.js's comparedTo, without the copy it makes of its argument
 * first (comparisons are among the engine's most frequent operations). Reads the documented, read-only
 * digits (d, base 1e7), exponent (e) and sign (s); NaN and ±Infinity are left to decimal.js.
 */
export function compare(x: D, y: D): number {
  const xd = x.d;
  const yd = y.d;
  if (!xd || !yd) return x.comparedTo(y);
  const xs = x.s;
  if (!xd[0] || !yd[0]) return xd[0] ? xs : yd[0] ? -y.s : 0;
  if (xs !== y.s) return xs;
  const flip = xs < 0;
  if (x.e !== y.e) return x.e > y.e !== flip ? 1 : -1;
  const n = xd.length < yd.length ? xd.length : yd.length;
  for (let i = 0; i < n; i++) if (xd[i] !== yd[i]) return xd[i] > yd[i] !== flip ? 1 : -1;
  return xd.length === yd.length ? 0 : xd.length > yd.length !== flip ? 1 : -1;
}

/** x × y, with no operation when y is 1 (a coefficient of 1, a whole number's denominator, the full-rate tier): the same value. */
export function timesUnlessOne(x: D, y: D): D {
  return compare(y, ONE) === 0 ? x : x.times(y);
}

export function maxD(a: D, b: D): D {
  return compare(a, b) > 0 ? a : b;
}

export function minD(a: D, b: D): D {
  return compare(a, b) < 0 ? a : b;
}

/** Plain text of a decimal for messages: no exponent, no trailing zeros. */
export function show(x: D): string {
  return x.toFixed();
}

/** A fraction shown as a percent for messages: 0.9 → "90%". */
export function pct(x: D): string {
  return x.times(100).toDecimalPlaces(4).toFixed() + "%";
}

/** The sum of amounts that must all be known; null when one is not (a blank money column is never 0). */
export function sumKnown(xs: ReadonlyArray<D | null>): D | null {
  let total: D | null = null;
  for (const x of xs) {
    if (x === null) return null;
    total = total === null ? x : x.isZero() ? total : total.plus(x);
  }
  return total ?? ZERO;
}
