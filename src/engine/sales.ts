/**
 * Commission, the consecutive-miss penalty (SPEC §4.5) and its mirror, the hit-streak reward (§4.6,
 * seed 002: 连续三个月达到或超过销售目标). An employee's Sales months are scanned once per run, in order,
 * into a ledger: each month's miss and hit runs, its penalty or reward, and the issues met on the way
 * (a duplicate month, a bad Target or Actual, a gap that restarts a run). A quarter then takes its
 * months' commission, penalties and rewards; the months before it only matter through the runs.
 *
 * A month that cannot be read (a blank Target, two rows) may have been missed or met: the ledger follows
 * both ways, and a later month's penalty or reward is unknown only where the ways differ. So an old typo
 * makes Error only the quarters whose penalties or rewards it could change.
 */
import { D, ZERO, compare, roundMoney } from "./decimal";
import { KpiError } from "./errors";
import { Issue, Outcome, hasError, issue, msg, zhList } from "./issues";
import { Employee, Plan, SalesRow, Workbook } from "./model";
import { Quarter, monthText } from "./periods";
import { commissionOfChecked } from "./rules";
import { TableView } from "./read/view";

interface LedgerMonth {
  month: number;
  /** The month's row; null when the month has several rows (which one is right cannot be known). */
  row: SalesRow | null;
  /** The miss penalty this month (0 or −MissPenalty), when every way the unreadable months went agrees on it. */
  penalty: D;
  /** The hit-streak reward this month (0 or HitBonus), and the length of the run of months at target that earned it. */
  reward: D;
  hitRun: number;
  /** Issues met at this month: its own cells, two rows of it, a gap before it. */
  scanIssues: Issue[];
  /** When this month's penalty or reward cannot be known: the Errors of the unreadable month its run may include. */
  unknown: Issue[] | null;
}

/** The run of months missed and the run of months at target, as they stand after a month. */
type Run = [missed: number, atTarget: number];

/** The pairs, each once. */
function distinctRuns(states: Run[]): Run[] {
  // One pair, as long as every month could be read: nothing to compare.
  if (states.length < 2) return states;
  const seen = new Set<number>();
  const out: Run[] = [];
  for (const st of states) {
    const key = st[0] * 65536 + st[1];
    if (!seen.has(key)) {
      seen.add(key);
      out.push(st);
    }
  }
  return out;
}

/** One employee's Sales months scanned in order, and how far this run has listed their issues. */
export class SalesLedger {
  readonly months: LedgerMonth[] = [];
  /** Months up to this index have had their issues listed by an earlier quarter of the run. */
  private listedThrough = -Infinity;

  constructor(
    readonly view: TableView,
    e: Employee,
    plan: Plan,
  ) {
    const rows = e.rows.sales;
    // The runs (months missed, months at target) as they may stand: one pair while every month so far could
    // be read; an unreadable month splits each pair in two (missed, or at target), and pairs that meet again
    // are kept once. Each pair has a 0 in it, so there are never many.
    let states: Run[] = [[0, 0]];
    // The Errors of the unreadable months the pairs differ by (none while there is one pair).
    let taint: Issue[] = [];
    const rewarding = !plan.hitBonus.isZero();
    let previous: number | null = null;
    for (let i = 0; i < rows.length;) {
      let j = i + 1;
      while (j < rows.length && rows[j].month === rows[i].month) j++;
      const m = rows[i].month;
      const scanIssues: Issue[] = [];
      for (let k = i; k < j; k++) for (const n of rows[k].notes) scanIssues.push(n);
      const entry: LedgerMonth = { month: m, row: j - i === 1 ? rows[i] : null, penalty: ZERO, reward: ZERO, hitRun: 0, scanIssues, unknown: null };
      this.months.push(entry);
      if (previous !== null && m !== previous + 1) {
        // A gap restarts both runs, said where it changes something.
        const at = rows[i].row;
        if (states.some(([run]) => run > 0)) {
          scanIssues.push(
            view.warn(
              at,
              "Month",
              e.id,
              `Sales has no row for ${e.id} between ${monthText(previous)} and ${monthText(m)}: the run of missed months starts again`,
              `销售表中 ${e.id} 在 ${monthText(previous)} 与 ${monthText(m)} 之间缺少月份：连续未完成重新计数`,
            ),
          );
        }
        // Said only where a run of months at target can earn something.
        if (rewarding && states.some(([, hits]) => hits > 0)) {
          scanIssues.push(
            view.warn(
              at,
              "Month",
              e.id,
              `Sales has no row for ${e.id} between ${monthText(previous)} and ${monthText(m)}: the run of months at target starts again`,
              `销售表中 ${e.id} 在 ${monthText(previous)} 与 ${monthText(m)} 之间缺少月份：连续达标重新计数`,
            ),
          );
        }
        states = [[0, 0]];
        taint = [];
      }
      previous = m;
      if (j - i > 1) {
        const cells = view.columnCells(
          "Month",
          rows.slice(i, j).map((r) => r.row),
        );
        const range = view.repeatAt(
          "Month",
          rows.slice(i, j).map((r) => r.row),
        );
        scanIssues.push(
          issue(
            "Error",
            view.name,
            range,
            e.id,
            msg(
              `Sales ${range}: ${j - i} rows for ${e.id} in ${monthText(m)} (${cells}): keep one`,
              `销售表 ${range}：${e.id} 在 ${monthText(m)} 有 ${j - i} 行（${zhList(cells)}）：请只保留一行`,
            ),
          ),
        );
      } else {
        const { target, actual } = rows[i];
        for (const c of [target, actual]) {
          if (!c.ok) scanIssues.push(c.issue);
          else if (c.warning) scanIssues.push(c.warning);
        }
      }
      i = j;
      const row = entry.row;
      if (!row || !row.target.ok || !row.actual.ok) {
        // Missed or at target, no one can tell: each way the runs may stand goes both ways.
        states = distinctRuns(
          states.flatMap(([run, hits]): Run[] => [
            [run + 1, 0],
            [0, hits + 1],
          ]),
        );
        for (const x of scanIssues) if (x.severity === "Error") taint.push(x);
        continue;
      }
      const missed = compare(row.actual.value, row.target.value) < 0;
      if (states.length === 1) {
        // One way the runs stand (each month so far could be read, or the ways met again): counted in place.
        const st = states[0];
        if (missed) {
          st[0]++;
          st[1] = 0;
          if (st[0] % plan.missRun === 0) entry.penalty = roundMoney(plan.missPenalty).negated();
        } else {
          st[0] = 0;
          st[1]++;
          if (rewarding && st[1] % plan.hitRun === 0) {
            entry.reward = roundMoney(plan.hitBonus);
            entry.hitRun = st[1];
          }
        }
        if (taint.length > 0) taint = [];
        continue;
      }
      states = distinctRuns(states.map(([run, hits]): Run => (missed ? [run + 1, 0] : [0, hits + 1])));
      if (missed) {
        const completes = states.map(([run]) => run % plan.missRun === 0);
        if (completes.every(Boolean)) entry.penalty = roundMoney(plan.missPenalty).negated();
        else if (completes.some(Boolean)) entry.unknown = [...taint];
      } else if (rewarding) {
        const completes = states.map(([, hits]) => hits % plan.hitRun === 0);
        // A reward is known when every way gives it with one run length (its Breakdown line says which).
        if (completes.every(Boolean) && states.length === 1) {
          entry.reward = roundMoney(plan.hitBonus);
          entry.hitRun = states[0][1];
        } else if (completes.some(Boolean)) entry.unknown = [...taint];
      }
      if (states.length === 1) taint = [];
    }
  }

  /**
   * Commission of the quarter's months (KPI.COMMISSION with the plan's tiers and TierMode, rounded per
   * month), the penalties of the runs of misses that reach MissRun inside it, and the rewards of the runs
   * at target that reach HitRun inside it (each with its month and run length, for Breakdown). The issues of
   * the quarter's months are the outcome's; those of earlier months not yet listed in this run are `listed`
   * (for the Issues table: they bear on this quarter only through `carried`, the Errors of an unreadable
   * month that leaves a penalty or reward of this quarter unknown).
   */
  quarter(e: Employee, plan: Plan, q: Quarter): Outcome<SalesQuarter> & { carried: Issue[]; listed: Issue[] } {
    const issues: Issue[] = [];
    const carried: Issue[] = [];
    const listed: Issue[] = [];
    let complete = true;
    let commission = ZERO;
    let penalties = ZERO;
    let rewards = ZERO;
    let hits: Hit[] | null = null;
    for (const m of this.months) {
      if (m.month > q.lastMonth) break;
      if (m.month < q.firstMonth) {
        if (m.month > this.listedThrough) listed.push(...m.scanIssues);
        continue;
      }
      issues.push(...m.scanIssues);
      if (hasError(m.scanIssues)) complete = false;
      if (m.unknown) {
        complete = false;
        for (const x of m.unknown) if (!carried.includes(x) && !issues.includes(x)) carried.push(x);
      }
      if (!m.row) continue;
      if (!m.penalty.isZero()) penalties = penalties.plus(m.penalty);
      if (m.hitRun > 0) {
        rewards = rewards.plus(m.reward);
        (hits ??= []).push({ month: m.month, run: m.hitRun, reward: m.reward });
      }
      const { target, actual, rate } = m.row;
      if (!rate.ok) issues.push(rate.issue);
      else if (rate.warning) issues.push(rate.warning);
      if (!target.ok || !actual.ok || !rate.ok) {
        complete = false;
        continue;
      }
      try {
        const month = commissionOfChecked(actual.value, target.value, rate.value, plan.tiers, plan.tierMode === "Marginal");
        if (!month.isZero()) commission = commission.isZero() ? month : commission.plus(month);
      } catch (err) {
        if (!(err instanceof KpiError)) throw err;
        issues.push(this.view.error(m.row.row, "Actual", e.id, err.text.en, err.text.zh));
        complete = false;
      }
    }
    if (q.lastMonth > this.listedThrough) this.listedThrough = q.lastMonth;
    return { value: complete ? { commission, penalties, rewards, hits: hits ?? NO_HITS } : null, issues, carried, listed };
  }
}

/** A month in which a run of months at target reached a multiple of HitRun: the run's length and the reward. */
export interface Hit {
  month: number;
  run: number;
  reward: D;
}

export interface SalesQuarter {
  commission: D;
  penalties: D;
  /** The hit-streak rewards, part of Incentives (SPEC §4.6). */
  rewards: D;
  hits: readonly Hit[];
}

const NO_HITS: readonly Hit[] = Object.freeze([]);

export const NO_SALES: SalesQuarter = Object.freeze({ commission: ZERO, penalties: ZERO, rewards: ZERO, hits: NO_HITS });

export function salesLedger(wb: Workbook, e: Employee, plan: Plan): SalesLedger | null {
  const view = wb.views.get("Sales");
  return view && e.rows.sales.length > 0 ? new SalesLedger(view, e, plan) : null;
}
