/**
 * The arithmetic floor for `npm run bench`: a quarter's formulas (SPEC §4) reimplemented with plain
 * numbers (binary floating point) over the same input tables as the engine — tables found by name,
 * columns by header, rows filed by employee and quarter, each employee scored, graded, paid and
 * ranked — without what the product adds: decimal arithmetic, cell-by-cell checks and issues,
 * explanations. Floats are allowed here because this is never shipped; the engine's time divided by
 * this one says what the product's exactness and checks cost.
 * One file: the floor must stay one self-contained reimplementation, importing nothing from the engine it is measured against.
 */
import {
  BASIS_WORDS,
  DEAL_BONUS_WORDS,
  DEFAULT_GRADES,
  INPUT_TABLES,
  RATER_WORDS,
  RULE_WORDS,
  TASK_KIND_WORDS,
  TASK_STATUS_WORDS,
  TIER_MODE_WORDS,
  Words,
  YES_WORDS,
} from "../src/engine/contract";
import { matchHeaders } from "../src/engine/read/headers";
import { Period, parsePeriod, parseDate } from "../src/engine/periods";
import { TableData } from "../src/engine/table";
import { CellValue } from "../src/engine/values";

const round2 = (x: number) => Math.round(x * 100 + (x >= 0 ? 1e-9 : -1e-9)) / 100;
const text = (v: CellValue) => (v === null || v === undefined ? "" : String(v).trim());
const key = (v: CellValue) => text(v).toLowerCase();
const num = (v: CellValue): number => (typeof v === "number" ? v : Number(text(v).replace(/,/g, "")));
const opt = (v: CellValue, fallback: number) => (v === null || v === undefined || v === "" ? fallback : num(v));

function words<T extends string>(w: Words<T>): Map<string, T> {
  const m = new Map<string, T>();
  for (const [value, list] of Object.entries(w) as Array<[T, readonly string[]]>) for (const s of list) m.set(s.toLowerCase(), value);
  return m;
}
const RULES = words(RULE_WORDS);
const RATERS = words(RATER_WORDS);
const BASES = words(BASIS_WORDS);
const DEALS = words(DEAL_BONUS_WORDS);
const MODES = words(TIER_MODE_WORDS);
const STATUSES = words(TASK_STATUS_WORDS);
const KINDS = words(TASK_KIND_WORDS);
const DAILY_LOSS: Record<string, number> = { Done: 0, NotDone: 0.8, NotAsRequired: 0.5, Late: 0.2 };
const EXCEPTION_LOSS: Record<string, number> = { Done: 0, NotDone: 3, NotAsRequired: 2, Late: 1 };
const TYPES: Record<string, number> = { 开拓型: 1.3, pioneer: 1.3, 稳定型: 1, standard: 1, 复制型: 0.6, replica: 0.6 };

/** A table's rows with a column getter by key, or no rows when the table is absent. */
function table(tables: ReadonlyMap<string, TableData>, name: string): { rows: CellValue[][]; col: (k: string) => number } {
  const data = [...tables.values()].find((t) => t.name.toLowerCase() === name.toLowerCase());
  const spec = INPUT_TABLES.find((s) => s.name === name)!;
  if (!data) return { rows: [], col: () => -1 };
  const index = matchHeaders(spec, data.headers).index;
  return { rows: data.rows, col: (k) => index.get(k) ?? -1 };
}

interface Indicator {
  key: string;
  rule: string;
  weight: number;
  points: number;
  standard: number;
  stepBelow: number;
  pointsBelow: number;
  stepAbove: number | null;
  pointsAbove: number;
  floor: number;
  cap: number | null;
}

interface Plan {
  fullScore: number;
  bonusRate: number;
  taskBase: number;
  basis: string;
  scale: string;
  dealBonus: string;
  threshold: number;
  bigDealRate: number;
  poolRate: number;
  missPenalty: number;
  missRun: number;
  hitBonus: number;
  hitRun: number;
  marginal: boolean;
  indicators: Indicator[];
  bands: Array<{ min: number; coefficient: number }>;
  raters: Map<string, number>;
  tiers: Array<{ min: number; m: number }>;
  rules: Map<string, number[]>;
}

export interface FloatResult {
  id: string;
  score: number | null;
  rank: number | null;
  totalPay: number | null;
}

const push = <K, V>(m: Map<K, V[]>, k: K, v: V) => {
  const l = m.get(k);
  if (l) l.push(v);
  else m.set(k, [v]);
};

/** A quarter of every employee, in floats. */
export function floatQuarter(tables: ReadonlyMap<string, TableData>, year: number, quarter: number): FloatResult[] {
  const qi = year * 4 + quarter - 1;
  const qOf = (p: Period | null) =>
    !p ? -1 : p.kind === "quarter" ? p.year * 4 + p.quarter - 1 : p.kind === "month" ? p.year * 4 + (((p.month - 1) / 3) | 0) : -1;
  const plans = new Map<string, Plan>();
  const P = table(tables, "Plans");
  const c = P.col;
  for (const r of P.rows) {
    plans.set(key(r[c("Plan")]), {
      fullScore: opt(r[c("FullScore")], 100),
      bonusRate: opt(r[c("BonusRate")], 0.4),
      taskBase: opt(r[c("TaskBase")], 0.7),
      basis: BASES.get(key(r[c("CompletionBasis")])) ?? "Department",
      scale: key(r[c("GradeScale")]) || "default",
      dealBonus: DEALS.get(key(r[c("DealBonus")])) ?? "None",
      threshold: opt(r[c("BigDealThreshold")], 100000),
      bigDealRate: opt(r[c("BigDealRate")], 0.015),
      poolRate: opt(r[c("PoolRate")], 0.005),
      missPenalty: opt(r[c("MissPenalty")], 300),
      missRun: opt(r[c("MissRun")], 3),
      hitBonus: opt(r[c("HitBonus")], 0),
      hitRun: opt(r[c("HitRun")], 3),
      marginal: MODES.get(key(r[c("TierMode")])) === "Marginal",
      indicators: [],
      bands: [],
      raters: new Map(),
      tiers: [],
      rules: new Map(),
    });
  }
  const I = table(tables, "Indicators");
  for (const r of I.rows) {
    const p = plans.get(key(r[I.col("Plan")]));
    if (!p) continue;
    const g = (k: string) => r[I.col(k)];
    const stepAbove = g("StepAbove") === null || g("StepAbove") === undefined ? null : num(g("StepAbove"));
    const cap = g("Cap") === null || g("Cap") === undefined ? null : num(g("Cap"));
    const w = num(g("Weight"));
    p.indicators.push({
      key: key(g("Indicator")),
      rule: RULES.get(key(g("Rule"))) ?? "Score",
      weight: w,
      points: w,
      standard: opt(g("Standard"), 0),
      stepBelow: opt(g("StepBelow"), 1),
      pointsBelow: opt(g("PointsBelow"), 0),
      stepAbove,
      pointsAbove: opt(g("PointsAbove"), 0),
      floor: opt(g("Floor"), 0),
      cap,
    });
  }
  for (const p of plans.values()) {
    const total = p.indicators.reduce((a, i) => a + i.weight, 0);
    if (Math.abs(total - 1) < 1e-9) for (const i of p.indicators) i.points = i.weight * p.fullScore;
  }
  const scales = new Map<string, Array<{ min: number; coefficient: number }>>();
  const G = table(tables, "Grades");
  for (const r of G.rows) push(scales, key(r[G.col("Scale")]), { min: num(r[G.col("MinScore")]), coefficient: opt(r[G.col("Coefficient")], 1) });
  for (const p of plans.values())
    p.bands = (scales.get(p.scale) ?? DEFAULT_GRADES.map((d) => ({ min: d.min ?? -Infinity, coefficient: 1 }))).sort((a, b) => b.min - a.min);
  const RW = table(tables, "RaterWeights");
  for (const r of RW.rows) plans.get(key(r[RW.col("Plan")]))?.raters.set(RATERS.get(key(r[RW.col("Rater")])) ?? "", num(r[RW.col("Weight")]));
  const CT = table(tables, "CommissionTiers");
  for (const r of CT.rows) plans.get(key(r[CT.col("Plan")]))?.tiers.push({ min: num(r[CT.col("MinAttainment")]), m: num(r[CT.col("Multiplier")]) });
  for (const p of plans.values()) {
    if (p.tiers.length === 0)
      p.tiers = [
        { min: 0.5, m: 0.7 },
        { min: 1, m: 1 },
      ];
    p.tiers.sort((a, b) => a.min - b.min);
  }
  const IR = table(tables, "IncentiveRules");
  for (const r of IR.rows)
    plans.get(key(r[IR.col("Plan")]))?.rules.set(
      key(r[IR.col("Item")]),
      ["PerUnit", "PerShort", "PerOver", "OnComplete"].map((k) => opt(r[IR.col(k)], 0)),
    );

  // Period rows of the quarter, by employee.
  const actuals = new Map<string, Map<string, CellValue>>();
  const A = table(tables, "Actuals");
  for (const r of A.rows) {
    if (qOf(parsePeriod(r[A.col("Period")])) !== qi || parsePeriod(r[A.col("Period")])?.kind !== "quarter") continue;
    const id = key(r[A.col("EmployeeId")]);
    let m = actuals.get(id);
    if (!m) actuals.set(id, (m = new Map()));
    m.set(key(r[A.col("Indicator")]), r[A.col("Actual")]);
  }
  const ratings = new Map<string, Array<{ ind: string; rater: string; score: number }>>();
  const R = table(tables, "Ratings");
  for (const r of R.rows)
    if (qOf(parsePeriod(r[R.col("Period")])) === qi)
      push(ratings, key(r[R.col("EmployeeId")]), {
        ind: key(r[R.col("Indicator")]),
        rater: RATERS.get(key(r[R.col("Rater")])) ?? "",
        score: num(r[R.col("Score")]),
      });
  // Task lists of the quarter, by employee and indicator.
  const taskLists = new Map<string, Array<{ daily: boolean; points: number; status: string }>>();
  const TK = table(tables, "Tasks");
  for (const r of TK.rows) {
    const p = parsePeriod(r[TK.col("Period")]);
    if (p?.kind !== "quarter" || qOf(p) !== qi) continue;
    const kind = KINDS.get(key(r[TK.col("Kind")] ?? null)) ?? "Daily";
    push(taskLists, `${key(r[TK.col("EmployeeId")])}\u0000${key(r[TK.col("Indicator")])}`, {
      daily: kind === "Daily",
      points: opt(r[TK.col("Points")] ?? null, 0),
      status: STATUSES.get(key(r[TK.col("Status")])) ?? "",
    });
  }
  const targets = new Map<string, { target: number; actual: number }>();
  const T = table(tables, "Targets");
  for (const r of T.rows)
    if (qOf(parsePeriod(r[T.col("Period")])) === qi) targets.set(key(r[T.col("Key")]), { target: num(r[T.col("Target")]), actual: num(r[T.col("Actual")]) });
  const inQuarter = (name: string) => {
    const t = table(tables, name);
    const m = new Map<string, CellValue[][]>();
    for (const r of t.rows) if (qOf(parsePeriod(r[t.col("Period")])) === qi) push<string, CellValue[]>(m, key(r[t.col("EmployeeId")]), r);
    return { m, col: t.col };
  };
  const deals = inQuarter("Deals");
  const incentives = inQuarter("Incentives");
  const adjustments = inQuarter("Adjustments");
  const sales = new Map<string, Array<{ month: number; target: number; actual: number; rate: number }>>();
  const S = table(tables, "Sales");
  const lastMonth = year * 12 + quarter * 3 - 1;
  for (const r of S.rows) {
    const p = parsePeriod(r[S.col("Month")]);
    if (p?.kind !== "month" || p.year * 12 + p.month - 1 > lastMonth) continue;
    push(sales, key(r[S.col("EmployeeId")]), {
      month: p.year * 12 + p.month - 1,
      target: num(r[S.col("Target")]),
      actual: num(r[S.col("Actual")]),
      rate: num(r[S.col("Rate")]),
    });
  }

  const start = Date.UTC(year, (quarter - 1) * 3, 1);
  const end = Date.UTC(year, quarter * 3, 0);
  const quarterDays = (end - start) / 86400000 + 1;
  const out: Array<FloatResult & { plan: Plan | undefined }> = [];
  const E = table(tables, "Employees");
  for (const r of E.rows) {
    const id = text(r[E.col("EmployeeId")]);
    const k = id.toLowerCase();
    const plan = plans.get(key(r[E.col("Plan")]));
    const join = parseDate(r[E.col("JoinDate")] ?? null)?.getTime() ?? -Infinity;
    const leave = parseDate(r[E.col("LeaveDate")] ?? null)?.getTime() ?? Infinity;
    const from = Math.max(join, start);
    const to = Math.min(leave, end);
    if (to < from) continue;
    const days = (to - from) / 86400000 + 1;
    if (!plan) {
      out.push({ id, score: null, rank: null, totalPay: null, plan });
      continue;
    }
    // Score.
    const acts = actuals.get(k);
    const rates = ratings.get(k) ?? [];
    let score: number | null = 0;
    for (const ind of plan.indicators) {
      if (ind.rule === "Tasks") {
        const list = taskLists.get(`${k}\u0000${ind.key}`);
        if (!list || score === null) {
          score = null;
          continue;
        }
        let total = 0;
        let lost = 0;
        let deductions = 0;
        for (const x of list) {
          if (x.daily) {
            total += x.points;
            lost += x.points * DAILY_LOSS[x.status];
          } else deductions += EXCEPTION_LOSS[x.status];
        }
        score += (0.8 * ind.points * (total - lost)) / total + (ind.points * Math.max(0, 20 - deductions)) / 100;
        continue;
      }
      const mine = rates.filter((x) => x.ind === ind.key);
      if (ind.rule === "Score" && mine.length > 0) {
        let sum = 0;
        let weights = 0;
        for (const [rater, w] of plan.raters) {
          const s = mine.filter((x) => x.rater === rater);
          if (s.length === 0) continue;
          sum += (s.reduce((a, x) => a + x.score, 0) / s.length) * w;
          weights += w;
        }
        if (score !== null) score += (ind.points * (sum / weights)) / 100;
        continue;
      }
      const raw = acts?.get(ind.key);
      if (raw === undefined || raw === null || score === null) {
        score = null;
        continue;
      }
      const sofar: number = score;
      if (ind.rule === "Binary") score = sofar + (YES_WORDS.has(key(raw)) ? ind.points : 0);
      else {
        const a = num(raw);
        if (ind.rule === "Score") score = sofar + (ind.points * a) / 100;
        else if (ind.rule === "Deduct") score = sofar + Math.max(ind.floor, ind.points - a * ind.pointsBelow);
        else {
          let p: number;
          if (ind.rule === "Ratio") p = (ind.points * a) / ind.standard;
          else if (a < ind.standard) p = ind.points - Math.floor((ind.standard - a) / ind.stepBelow + 1e-9) * ind.pointsBelow;
          else p = ind.stepAbove === null ? ind.points : ind.points + Math.floor((a - ind.standard) / ind.stepAbove + 1e-9) * ind.pointsAbove;
          p = Math.max(p, ind.floor);
          score = sofar + (ind.cap === null ? p : Math.min(p, ind.cap));
        }
      }
    }
    score = score === null ? null : round2(score);
    // Completion and the quarterly bonus.
    const tg = targets.get(plan.basis === "Department" ? key(r[E.col("Department")]) : k);
    const completion = tg ? Math.max(0, (tg.actual - plan.taskBase * tg.target) / ((1 - plan.taskBase) * tg.target)) : null;
    const band = score === null ? undefined : plan.bands.find((b) => score! >= b.min);
    const base = num(r[E.col("MonthlyBase")]);
    const bonus =
      score === null || completion === null || !band
        ? null
        : round2(((base * 3 * days) / quarterDays) * plan.bonusRate * completion * (score / plan.fullScore) * band.coefficient);
    // Deals.
    let dealBonus = 0;
    if (plan.dealBonus !== "None") {
      for (const d of deals.m.get(k) ?? []) {
        const amount = num(d[deals.col("DealAmount")]);
        if (plan.dealBonus === "BigDeal") dealBonus += amount >= plan.threshold ? round2(num(d[deals.col("Receipts")]) * plan.bigDealRate) : 0;
        else {
          const type = d[deals.col("Type")];
          dealBonus += round2(
            amount *
              plan.poolRate *
              (typeof type === "number" ? type : (TYPES[key(type)] ?? 1)) *
              (num(d[deals.col("Quality")]) / 100) *
              opt(d[deals.col("Difficulty")], 1),
          );
        }
      }
    }
    // Commission, the miss penalty and the hit-streak reward.
    let commission = 0;
    let penalties = 0;
    let rewards = 0;
    let run = 0;
    let hits = 0;
    let previous: number | null = null;
    for (const s of (sales.get(k) ?? []).sort((a, b) => a.month - b.month)) {
      if (previous !== null && s.month !== previous + 1) run = hits = 0;
      previous = s.month;
      const inside = s.month > lastMonth - 3;
      if (s.actual < s.target) {
        run++;
        hits = 0;
        if (run % plan.missRun === 0 && inside) penalties -= plan.missPenalty;
      } else {
        run = 0;
        hits++;
        if (hits % plan.hitRun === 0 && inside) rewards += plan.hitBonus;
      }
      if (!inside) continue;
      if (plan.marginal) {
        let paid = 0;
        plan.tiers.forEach((t, i) => {
          const from = s.target * t.min;
          const top = i + 1 < plan.tiers.length ? Math.min(s.actual, s.target * plan.tiers[i + 1].min) : s.actual;
          if (top > from) paid += (top - from) * t.m;
        });
        commission += round2(paid * s.rate);
      } else {
        let m = 0;
        for (const t of plan.tiers) if (s.actual >= s.target * t.min) m = t.m;
        commission += round2(s.actual * s.rate * m);
      }
    }
    // Incentives and adjustments.
    let incentive = 0;
    for (const x of incentives.m.get(k) ?? []) {
      const [perUnit, perShort, perOver, onComplete] = plan.rules.get(key(x[incentives.col("Item")])) ?? [0, 0, 0, 0];
      const done = num(x[incentives.col("Done")]);
      const t = x[incentives.col("Target")];
      let v = done * perUnit;
      if (t !== null && t !== undefined) {
        const target = num(t);
        v += -Math.max(0, target - done) * perShort + Math.max(0, done - target) * perOver + (done >= target ? onComplete : 0);
      }
      incentive += round2(v);
    }
    let adjustment = 0;
    for (const x of adjustments.m.get(k) ?? []) adjustment += round2(num(x[adjustments.col("Amount")]));
    const totalPay = bonus === null ? null : round2(bonus + dealBonus + commission + incentive + rewards + penalties + adjustment);
    out.push({ id, score, rank: null, totalPay, plan });
  }
  // Dense rank within each plan.
  const byPlan = new Map<Plan, typeof out>();
  for (const x of out) if (x.plan && x.score !== null) push(byPlan, x.plan, x);
  for (const group of byPlan.values()) {
    const distinct = [...new Set(group.map((x) => x.score as number))].sort((a, b) => b - a);
    const rank = new Map(distinct.map((s, i) => [s, i + 1]));
    for (const x of group) x.rank = rank.get(x.score as number) ?? null;
  }
  return out.map(({ id, score, rank, totalPay }) => ({ id, score, rank, totalPay }));
}
