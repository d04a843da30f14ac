/**
 * A period's recalculation (SPEC §4): every employee scored, graded, ranked and paid, with a
 * Breakdown line per indicator and an Issue per bad input. Pure: tables in, rows out.
 */
import { D, ONE, ZERO, roundMoney, roundScore, show, sum } from "./decimal";
import { KpiError, Lang, Message } from "./errors";
import { explainBinary, explainDeduct, explainRatio, explainScore, explainStep, RaterPart } from "./explain";
import { CellReader, TableView, keyOf, month as monthCell, nonNegativeNumber, number, optionalNumber, period as periodCell, positiveNumber, rate, requiredText, rowMessage, score100, viewTables, workbookLang } from "./inputs";
import { Issue, IssueLog, msg } from "./issues";
import { pushTo } from "./maps";
import { Employee, Indicator, Model, Plan, RATER_ZH, RULE_ZH, RaterType, buildModel, readRater } from "./model";
import { Period, dateText, daysInclusive, inQuarter, monthIndex, parsePeriod, periodText, quarterEnd, quarterStart } from "./periods";
import * as rules from "./rules";
import { TableData } from "./table";
import { CellValue, isBlank, readText, readYesNo } from "./values";
import { typeCoefficientOf } from "./cells";
import { hashTables } from "./hash";

export type OutputValue = string | number | boolean | null;
export type OutputRow = OutputValue[];

/** A workbook that cannot be recalculated at all (no Employees table, a bad period): nothing is written. */
export class UnusableWorkbook extends Error {
  constructor(readonly text: Message) {
    super(text.en);
    this.name = "UnusableWorkbook";
  }
}

export interface EmployeeResult {
  employee: Employee;
  period: string;
  score: D | null;
  grade: string | null;
  coefficient: D | null;
  rank: number | null;
  completion: D | null;
  quarterlyBonus: D | null;
  dealBonus: D | null;
  commission: D | null;
  incentives: D | null;
  penalties: D | null;
  adjustments: D | null;
  totalPay: D | null;
  status: "OK" | "Warning" | "Error";
  flags: string[];
  breakdown: OutputRow[];
}

export interface RecalcResult {
  lang: Lang;
  period: string;
  results: EmployeeResult[];
  issues: Issue[];
  inputHash: string;
}

/** One row of a period table, already placed in time. */
interface Dated {
  row: number;
  period: Period;
}

/** Rows of a table per employee key, with their periods read once; unreadable periods are issues. */
function indexByEmployee(t: TableView | undefined, cr: CellReader, periodKey: string, readPeriod: typeof periodCell, model: Model, issues: IssueLog): Map<string, Dated[]> {
  const index = new Map<string, Dated[]>();
  if (!t) return index;
  for (let r = 0; r < t.rowCount; r++) {
    if (t.isBlankRow(r)) continue;
    const id = cr.read(t, r, "EmployeeId", "", requiredText);
    if (id === undefined) continue;
    const key = keyOf(id);
    if (!model.employeesByKey.has(key)) {
      issues.warn(t.name, t.address(r, "EmployeeId"), id, rowMessage(t, r, "EmployeeId", `EmployeeId "${id}" is not in Employees: the row is ignored; add the employee or correct the id`, `员工编号 "${id}" 不在员工表中：该行被忽略；请添加员工或更正编号`));
      continue;
    }
    const p = cr.read(t, r, periodKey, id, readPeriod);
    if (p === undefined) continue;
    pushTo(index, key, { row: r, period: p });
  }
  return index;
}

interface Indexed {
  actuals: Map<string, Dated[]>;
  ratings: Map<string, Dated[]>;
  deals: Map<string, Dated[]>;
  sales: Map<string, Dated[]>;
  incentives: Map<string, Dated[]>;
  adjustments: Map<string, Dated[]>;
  /** Targets rows per Key (department or employee id) and quarter text. */
  targets: Map<string, number[]>;
}

function indexTables(model: Model, cr: CellReader, issues: IssueLog): Indexed {
  const v = model.views;
  const targets = new Map<string, number[]>();
  const t = v.get("Targets");
  if (t) {
    for (let r = 0; r < t.rowCount; r++) {
      if (t.isBlankRow(r)) continue;
      const key = cr.read(t, r, "Key", "", requiredText);
      const p = cr.read(t, r, "Period", "", periodCell);
      if (key === undefined || p === undefined) continue;
      const k = `${keyOf(key)}\u0000${periodText(p)}`;
      pushTo(targets, k, r);
    }
  }
  return {
    actuals: indexByEmployee(v.get("Actuals"), cr, "Period", periodCell, model, issues),
    ratings: indexByEmployee(v.get("Ratings"), cr, "Period", periodCell, model, issues),
    deals: indexByEmployee(v.get("Deals"), cr, "Period", periodCell, model, issues),
    sales: indexByEmployee(v.get("Sales"), cr, "Month", monthCell, model, issues),
    incentives: indexByEmployee(v.get("Incentives"), cr, "Period", periodCell, model, issues),
    adjustments: indexByEmployee(v.get("Adjustments"), cr, "Period", periodCell, model, issues),
    targets,
  };
}

interface Quarter {
  year: number;
  quarter: number;
}

/** Computes one employee for one quarter; every problem becomes an issue carrying the employee's id. */
class QuarterRun {
  constructor(
    readonly model: Model,
    readonly idx: Indexed,
    readonly cr: CellReader,
    readonly issues: IssueLog,
    readonly q: Quarter,
  ) {}

  get lang(): Lang {
    return this.model.lang;
  }

  private view(name: string): TableView {
    return this.model.views.get(name) as TableView;
  }

  private error(table: string, cell: string, e: Employee, en: string, zh: string): void {
    this.issues.error(table, cell, e.id, msg(en, zh));
  }

  /** Days employed in the quarter, or null when not employed in it at all. */
  employedDays(e: Employee): { days: number; total: number } | null {
    const start = quarterStart(this.q.year, this.q.quarter);
    const end = quarterEnd(this.q.year, this.q.quarter);
    const from = e.joinDate && e.joinDate > start ? e.joinDate : start;
    const to = e.leaveDate && e.leaveDate < end ? e.leaveDate : end;
    if (to < from) return null;
    return { days: daysInclusive(from, to), total: daysInclusive(start, end) };
  }

  score(e: Employee, plan: Plan, breakdown: OutputRow[]): D | null {
    const t = this.model.views.get("Actuals");
    const qText = periodText({ kind: "quarter", ...this.q });
    const actuals = new Map<string, number[]>();
    for (const d of this.idx.actuals.get(e.key) ?? []) {
      if (d.period.kind === "quarter" && inQuarter(d.period, this.q)) {
        const k = keyOf(t?.value(d.row, "Indicator"));
        pushTo(actuals, k, d.row);
      } else if (d.period.kind === "month" && inQuarter(d.period, this.q) && t) {
        this.issues.warn(t.name, t.address(d.row, "Period"), e.id, rowMessage(t, d.row, "Period", `the period is the month ${periodText(d.period)}; indicators are scored per quarter, so this row is not used: enter ${qText}`, `考核周期为月份 ${periodText(d.period)}；指标按季度计分，此行未使用：请填写 ${qText}`));
      }
    }
    const ratings = new Map<string, number[]>();
    const rt = this.model.views.get("Ratings");
    for (const d of this.idx.ratings.get(e.key) ?? []) {
      if (d.period.kind === "quarter" && inQuarter(d.period, this.q)) {
        const k = keyOf(rt?.value(d.row, "Indicator"));
        pushTo(ratings, k, d.row);
      }
    }
    const known = new Set(plan.indicators.map((i) => keyOf(i.name)));
    for (const [k, rows] of actuals) {
      if (!known.has(k) && t) this.issues.warn(t.name, t.address(rows[0], "Indicator"), e.id, rowMessage(t, rows[0], "Indicator", `indicator "${readText(t.value(rows[0], "Indicator"))}" is not in plan "${plan.name}": the row is ignored; correct the name`, `指标 "${readText(t.value(rows[0], "Indicator"))}" 不属于方案 "${plan.name}"：该行被忽略；请更正名称`));
    }
    for (const [k, rows] of ratings) {
      if (!known.has(k) && rt) this.issues.warn(rt.name, rt.address(rows[0], "Indicator"), e.id, rowMessage(rt, rows[0], "Indicator", `indicator "${readText(rt.value(rows[0], "Indicator"))}" is not in plan "${plan.name}": the ratings are ignored; correct the name`, `指标 "${readText(rt.value(rows[0], "Indicator"))}" 不属于方案 "${plan.name}"：这些评分被忽略；请更正名称`));
    }
    const points: D[] = [];
    let ok = true;
    for (const ind of plan.indicators) {
      const p = this.indicator(e, plan, ind, actuals.get(keyOf(ind.name)) ?? [], ratings.get(keyOf(ind.name)) ?? [], breakdown, qText);
      if (p === null) ok = false;
      else points.push(p);
    }
    return ok ? roundScore(sum(points)) : null;
  }

  private ratingMix(e: Employee, plan: Plan, ind: Indicator, rows: number[]): { mix: D; parts: RaterPart[] } | null {
    const rt = this.view("Ratings");
    const byType = new Map<RaterType, D[]>();
    let ok = true;
    for (const r of rows) {
      const rater = this.cr.read(rt, r, "Rater", e.id, readRater);
      const score = this.cr.read(rt, r, "Score", e.id, score100);
      if (rater === undefined || score === undefined) {
        ok = false;
        continue;
      }
      if (!plan.raterWeights.has(rater)) {
        ok = false;
        this.error(rt.name, rt.address(r, "Rater"), e, `Ratings ${rt.address(r, "Rater")}: rater ${rater} has no weight for plan "${plan.name}" in RaterWeights: add it`, `评分表 ${rt.address(r, "Rater")}：评价人 ${rater} 在评价权重表中没有方案 "${plan.name}" 的权重：请添加`);
        continue;
      }
      pushTo(byType, rater, score);
    }
    if (!ok) return null;
    const parts: RaterPart[] = [];
    const missing: RaterType[] = [];
    for (const [rater, weight] of plan.raterWeights) {
      const scores = byType.get(rater);
      if (!scores) {
        if (weight.greaterThan(0)) missing.push(rater);
        continue;
      }
      parts.push({ rater, score: sum(scores).dividedBy(scores.length), weight });
    }
    const total = sum(parts.map((p) => p.weight));
    if (total.isZero()) {
      this.error(rt.name, rt.address(rows[0], "Rater"), e, `Ratings: the raters of "${ind.name}" all have weight 0 for plan "${plan.name}": give them a weight in RaterWeights`, `评分表：指标 "${ind.name}" 的评价人在方案 "${plan.name}" 中权重均为 0：请在评价权重表中设置权重`);
      return null;
    }
    if (missing.length > 0) {
      const present = parts.map((p) => p.rater).join(", ");
      this.issues.warn(rt.name, rt.address(rows[0], "Rater"), e.id, msg(
        `Ratings ${rt.address(rows[0], "Rater")}: "${ind.name}" has no ${missing.join(", ")} rating; re-weighted over ${present}`,
        `评分表 ${rt.address(rows[0], "Rater")}：指标 "${ind.name}" 缺少 ${missing.map((m) => RATER_ZH[m]).join("、")} 评分；已按 ${parts.map((p) => RATER_ZH[p.rater]).join("、")} 重新加权`,
      ));
    }
    return { mix: sum(parts.map((p) => p.score.times(p.weight))).dividedBy(total), parts };
  }

  /** Points of one indicator, adding its Breakdown line; null when its input is missing or bad. */
  private indicator(e: Employee, plan: Plan, ind: Indicator, actualRows: number[], ratingRows: number[], breakdown: OutputRow[], qText: string): D | null {
    const at = this.model.views.get("Actuals");
    const lang = this.lang;
    const ruleText = lang === "zh" ? RULE_ZH[ind.rule] : ind.rule;
    const line = (actual: OutputValue, points: D, why: string) => breakdown.push([e.id, qText, ind.name, ind.points.toNumber(), actual, ruleText, points.toNumber(), why]);
    if (actualRows.length > 1 && at) {
      this.error(at.name, at.columnRange("Actual", actualRows), e, `Actuals ${at.columnRange("Actual", actualRows)}: ${actualRows.length} rows for "${ind.name}" in ${qText}: keep one`, `实际值表 ${at.columnRange("Actual", actualRows)}：指标 "${ind.name}" 在 ${qText} 有 ${actualRows.length} 行：请只保留一行`);
      return null;
    }
    try {
      if (ind.rule === "Score" && ratingRows.length > 0) {
        const mixed = this.ratingMix(e, plan, ind, ratingRows);
        if (!mixed) return null;
        if (actualRows.length === 1 && at && !isBlank(at.value(actualRows[0], "Actual"))) {
          this.issues.warn(at.name, at.address(actualRows[0], "Actual"), e.id, rowMessage(at, actualRows[0], "Actual", `"${ind.name}" has Ratings, so this Actual is not used`, `指标 "${ind.name}" 已有评分表数据，此实际值未使用`));
        }
        const pts = ind.points.times(mixed.mix).dividedBy(100);
        line(mixed.mix.toNumber(), pts, explainScore(ind, mixed.mix, pts, lang, mixed.parts));
        return pts;
      }
      if (actualRows.length === 0 || !at) {
        this.error("Actuals", "", e, `Actuals has no row for ${e.id} "${ind.name}" in ${qText}: add the actual (blank is not 0)`, `实际值表中没有 ${e.id} 的指标 "${ind.name}"（${qText}）：请填写实际值（空白不等于 0）`);
        return null;
      }
      const r = actualRows[0];
      const raw: CellValue = at.value(r, "Actual");
      const read = <T>(fn: (v: CellValue, h: string) => T) => this.cr.read(at, r, "Actual", e.id, fn);
      switch (ind.rule) {
        case "Binary": {
          const yes = read(readYesNo);
          if (yes === undefined) return null;
          const pts = yes ? ind.points : ZERO;
          line(readText(raw), pts, explainBinary(ind, yes, pts, lang));
          return pts;
        }
        case "Score": {
          const a = read(score100);
          if (a === undefined) return null;
          const pts = ind.points.times(a).dividedBy(100);
          line(a.toNumber(), pts, explainScore(ind, a, pts, lang, null));
          return pts;
        }
        case "Ratio": {
          const a = read(number);
          if (a === undefined) return null;
          const pts = rules.ratio(ind.points, a, ind.standard as D, ind.floor, ind.cap);
          line(a.toNumber(), pts, explainRatio(ind, a, pts, lang));
          return pts;
        }
        case "Step": {
          const a = read(number);
          if (a === undefined) return null;
          const res = rules.step({ actual: a, standard: ind.standard as D, weight: ind.points, stepBelow: ind.stepBelow as D, pointsBelow: ind.pointsBelow as D, stepAbove: ind.stepAbove, pointsAbove: ind.pointsAbove, floor: ind.floor, cap: ind.cap });
          line(a.toNumber(), res.points, explainStep(ind, a, res, lang));
          return res.points;
        }
        case "Deduct": {
          const count = read(nonNegativeNumber);
          if (count === undefined) return null;
          const pts = rules.deduct(ind.points, count, ind.pointsBelow as D, ind.floor);
          line(count.toNumber(), pts, explainDeduct(ind, count, pts, lang));
          return pts;
        }
      }
    } catch (err) {
      if (!(err instanceof KpiError)) throw err;
      const it = this.model.views.get("Indicators") as TableView;
      this.issues.error(it.name, it.address(ind.row, "Indicator"), e.id, rowMessage(it, ind.row, "Indicator", `"${ind.name}": ${err.text.en}`, `"${ind.name}"：${err.text.zh}`));
      return null;
    }
  }

  completion(e: Employee, plan: Plan): D | null {
    const t = this.model.views.get("Targets");
    const qText = periodText({ kind: "quarter", ...this.q });
    const key = plan.basis === "Department" ? e.department : e.id;
    const what = plan.basis === "Department" ? { en: `department "${key}"`, zh: `部门 "${key}"` } : { en: `employee ${key}`, zh: `员工 ${key}` };
    if (!key) {
      this.error("Employees", this.view("Employees").address(e.row, "Department"), e, `Employees ${this.view("Employees").address(e.row, "Department")}: Department is empty, and plan "${plan.name}" takes completion from the department's target: fill it in`, `员工表 ${this.view("Employees").address(e.row, "Department")}：部门为空，而方案 "${plan.name}" 按部门目标计算完成率：请填写`);
      return null;
    }
    const rows = t ? this.idx.targets.get(`${keyOf(key)}\u0000${qText}`) ?? [] : [];
    if (!t || rows.length === 0) {
      this.error("Targets", "", e, `Targets has no row for ${what.en} in ${qText}: add its Target and Actual`, `目标表中没有 ${what.zh} 在 ${qText} 的数据：请填写目标和实际`);
      return null;
    }
    if (rows.length > 1) {
      this.error(t.name, t.columnRange("Key", rows), e, `Targets ${t.columnRange("Key", rows)}: ${rows.length} rows for ${what.en} in ${qText}: keep one`, `目标表 ${t.columnRange("Key", rows)}：${what.zh} 在 ${qText} 有 ${rows.length} 行：请只保留一行`);
      return null;
    }
    const r = rows[0];
    const target = this.cr.read(t, r, "Target", e.id, number);
    const actual = this.cr.read(t, r, "Actual", e.id, number);
    if (target === undefined || actual === undefined) return null;
    try {
      return rules.completion(actual, target, plan.taskBase);
    } catch (err) {
      if (!(err instanceof KpiError)) throw err;
      this.issues.error(t.name, t.address(r, "Target"), e.id, rowMessage(t, r, "Target", err.text.en, err.text.zh));
      return null;
    }
  }

  /** Rows of an indexed table that fall in this quarter: the quarter itself or a month inside it. */
  private inThisQuarter(rows: Dated[] | undefined): number[] {
    return (rows ?? []).filter((d) => d.period.kind !== "year" && inQuarter(d.period, this.q)).map((d) => d.row);
  }

  dealBonus(e: Employee, plan: Plan): D | null {
    const t = this.model.views.get("Deals");
    if (!t || plan.dealBonus === "None") return ZERO;
    let total = ZERO;
    let ok = true;
    for (const r of this.inThisQuarter(this.idx.deals.get(e.key))) {
      const amount = this.cr.read(t, r, "DealAmount", e.id, nonNegativeNumber);
      if (plan.dealBonus === "BigDeal") {
        const receipts = this.cr.read(t, r, "Receipts", e.id, nonNegativeNumber);
        if (amount === undefined || receipts === undefined) ok = false;
        else total = total.plus(rules.bigDeal(amount, receipts, plan.bigDealThreshold, plan.bigDealRate));
        continue;
      }
      const type = this.cr.read(t, r, "Type", e.id, typeCoefficientOf);
      const quality = this.cr.read(t, r, "Quality", e.id, score100);
      const difficulty = this.cr.optional(t, r, "Difficulty", e.id, nonNegativeNumber, ONE);
      if (amount === undefined || type === undefined || quality === undefined || difficulty === undefined) ok = false;
      else total = total.plus(rules.project(amount, type, quality, difficulty, plan.poolRate));
    }
    return ok ? total : null;
  }

  /** Commission per month of the quarter, and the miss-run penalties counted over all months. */
  sales(e: Employee, plan: Plan): { commission: D; penalties: D } | null {
    const t = this.model.views.get("Sales");
    const rows = this.idx.sales.get(e.key) ?? [];
    if (!t || rows.length === 0) return { commission: ZERO, penalties: ZERO };
    const lastMonth = monthIndex({ year: this.q.year, month: this.q.quarter * 3 });
    const months = new Map<number, number[]>();
    for (const d of rows) {
      if (d.period.kind !== "month") continue;
      const m = monthIndex(d.period);
      if (m <= lastMonth) pushTo(months, m, d.row);
    }
    let ok = true;
    let commission = ZERO;
    let penalties = ZERO;
    let run = 0;
    let previous: number | null = null;
    for (const m of [...months.keys()].sort((a, b) => a - b)) {
      const rs = months.get(m) as number[];
      const monthText = periodText({ kind: "month", year: (m / 12) | 0, month: (m % 12) + 1 });
      const inside = inQuarter({ kind: "month", year: (m / 12) | 0, month: (m % 12) + 1 }, this.q);
      if (rs.length > 1) {
        this.error(t.name, t.columnRange("Month", rs), e, `Sales ${t.columnRange("Month", rs)}: ${rs.length} rows for ${e.id} in ${monthText}: keep one`, `销售表 ${t.columnRange("Month", rs)}：${e.id} 在 ${monthText} 有 ${rs.length} 行：请只保留一行`);
        ok = false;
        continue;
      }
      const r = rs[0];
      const target = this.cr.read(t, r, "Target", e.id, positiveNumber);
      const actual = this.cr.read(t, r, "Actual", e.id, nonNegativeNumber);
      if (target === undefined || actual === undefined) {
        ok = false;
        continue;
      }
      if (previous !== null && m !== previous + 1 && run > 0) {
        this.issues.warn(t.name, t.address(r, "Month"), e.id, rowMessage(t, r, "Month", `Sales has no row for ${e.id} between ${periodText({ kind: "month", year: (previous / 12) | 0, month: (previous % 12) + 1 })} and ${monthText}: the run of missed months starts again`, `销售表中 ${e.id} 在 ${periodText({ kind: "month", year: (previous / 12) | 0, month: (previous % 12) + 1 })} 与 ${monthText} 之间缺少月份：连续未完成重新计数`));
        run = 0;
      }
      previous = m;
      if (actual.lessThan(target)) {
        run++;
        if (run % plan.missRun === 0 && inside) penalties = penalties.minus(roundMoney(plan.missPenalty));
      } else run = 0;
      if (inside) {
        const r8 = this.cr.read(t, r, "Rate", e.id, rate);
        if (r8 === undefined) {
          ok = false;
          continue;
        }
        commission = commission.plus(rules.commission(actual, target, r8, plan.tiers ?? rules.defaultTiers(), plan.tierMode === "Marginal"));
      }
    }
    return ok ? { commission, penalties } : null;
  }

  incentives(e: Employee, plan: Plan): D | null {
    const t = this.model.views.get("Incentives");
    if (!t) return ZERO;
    let total = ZERO;
    let ok = true;
    for (const r of this.inThisQuarter(this.idx.incentives.get(e.key))) {
      const item = this.cr.read(t, r, "Item", e.id, requiredText);
      const done = this.cr.read(t, r, "Done", e.id, nonNegativeNumber);
      const target = this.cr.optional(t, r, "Target", e.id, optionalNumber, null);
      if (item === undefined || done === undefined || target === undefined) {
        ok = false;
        continue;
      }
      const rule = plan.incentiveRules.get(keyOf(item));
      if (!rule) {
        this.error(t.name, t.address(r, "Item"), e, `Incentives ${t.address(r, "Item")}: item "${item}" has no rule for plan "${plan.name}" in IncentiveRules: add one or correct the item`, `过程激励表 ${t.address(r, "Item")}：项目 "${item}" 在激励规则表中没有方案 "${plan.name}" 的规则：请添加或更正项目名称`);
        ok = false;
        continue;
      }
      if (rule.bad) {
        const rt = this.view("IncentiveRules");
        this.error(rt.name, rt.address(rule.row, "Item"), e, `IncentiveRules ${rt.address(rule.row, "Item")}: the rule for "${item}" of plan "${plan.name}" has a bad cell (its own issue says which): fix it`, `激励规则表 ${rt.address(rule.row, "Item")}：方案 "${plan.name}" 的项目 "${item}" 规则有错误单元格（见该行的问题）：请修正`);
        ok = false;
        continue;
      }
      total = total.plus(rules.units({ done, target, perUnit: rule.perUnit, perShort: rule.perShort, perOver: rule.perOver, onComplete: rule.onComplete }));
    }
    return ok ? total : null;
  }

  adjustments(e: Employee): D | null {
    const t = this.model.views.get("Adjustments");
    if (!t) return ZERO;
    let total = ZERO;
    let ok = true;
    for (const r of this.inThisQuarter(this.idx.adjustments.get(e.key))) {
      const amount = this.cr.read(t, r, "Amount", e.id, number);
      if (amount === undefined) ok = false;
      else total = total.plus(roundMoney(amount));
      if (isBlank(t.value(r, "Reason"))) this.issues.warn(t.name, t.address(r, "Reason"), e.id, rowMessage(t, r, "Reason", "Reason is empty: say why the amount was adjusted", "原因为空：请说明调整原因"));
    }
    return ok ? total : null;
  }
}

function flagsOf(list: Issue[], lang: Lang): string[] {
  return [...new Set(list.map((i) => i.text[lang]))];
}

function statusOf(list: Issue[], planProblems: number): EmployeeResult["status"] {
  if (planProblems > 0 || list.some((i) => i.severity === "Error")) return "Error";
  return list.some((i) => i.severity === "Warning") ? "Warning" : "OK";
}

function computeQuarter(model: Model, idx: Indexed, cr: CellReader, issues: IssueLog, q: Quarter, employeeIssues: Map<string, Issue[]>, include: (e: Employee) => boolean = () => true): EmployeeResult[] {
  const run = new QuarterRun(model, idx, cr, issues, q);
  const qText = periodText({ kind: "quarter", ...q });
  const out: EmployeeResult[] = [];
  for (const e of model.employees) {
    const employed = run.employedDays(e);
    if (!employed || !include(e)) continue;
    const before = issues.list.length;
    const breakdown: OutputRow[] = [];
    const plan = e.plan;
    const r: EmployeeResult = { employee: e, period: qText, score: null, grade: null, coefficient: null, rank: null, completion: null, quarterlyBonus: null, dealBonus: null, commission: null, incentives: null, penalties: null, adjustments: null, totalPay: null, status: "OK", flags: [], breakdown };
    if (plan && plan.problems.length === 0) {
      r.score = run.score(e, plan, breakdown);
      if (r.score !== null) {
        try {
          const band = rules.grade(r.score, plan.bands);
          r.grade = band.label;
          r.coefficient = band.coefficient;
        } catch (err) {
          if (!(err instanceof KpiError)) throw err;
          const pt = model.views.get("Plans") as TableView;
          issues.error(pt.name, pt.address(plan.row, "GradeScale"), e.id, rowMessage(pt, plan.row, "GradeScale", `scale "${plan.gradeScale}" of plan "${plan.name}": ${err.text.en}`, `方案 "${plan.name}" 的等级标准 "${plan.gradeScale}"：${err.text.zh}`));
        }
      }
      r.completion = run.completion(e, plan);
      if (employed.days < employed.total) {
        const join = e.joinDate && e.joinDate > quarterStart(q.year, q.quarter) ? e.joinDate : null;
        const leave = e.leaveDate && e.leaveDate < quarterEnd(q.year, q.quarter) ? e.leaveDate : null;
        const when = [join ? `joined ${dateText(join)}` : "", leave ? `left ${dateText(leave)}` : ""].filter(Boolean).join(", ");
        const whenZh = [join ? `${dateText(join)} 入职` : "", leave ? `${dateText(leave)} 离职` : ""].filter(Boolean).join("，");
        const t = model.views.get("Employees") as TableView;
        issues.warn(t.name, t.address(e.row, join ? "JoinDate" : "LeaveDate"), e.id, msg(`${when}: quarterly base prorated ${employed.days}/${employed.total} days`, `${whenZh}：季度基数按 ${employed.days}/${employed.total} 天折算`));
      }
      if (r.score !== null && r.coefficient !== null && r.completion !== null && e.monthlyBase !== null) {
        const base = e.monthlyBase.times(3).times(employed.days).dividedBy(employed.total);
        r.quarterlyBonus = rules.bonus(base, r.completion, r.score, plan.bonusRate, plan.fullScore, r.coefficient);
      }
      r.dealBonus = run.dealBonus(e, plan);
      const s = run.sales(e, plan);
      r.commission = s?.commission ?? null;
      r.penalties = s?.penalties ?? null;
      r.incentives = run.incentives(e, plan);
      r.adjustments = run.adjustments(e);
    }
    const mine = issues.list.slice(before);
    for (const i of mine) i.employeeId = e.id;
    const all = [...(employeeIssues.get(e.key) ?? []), ...mine];
    const planFlags = plan ? plan.problems.map((p) => p[model.lang]) : [];
    r.status = statusOf(all, planFlags.length + (e.plan ? 0 : 1) + (e.bad || e.duplicate ? 1 : 0));
    r.flags = [...new Set([...planFlags, ...flagsOf(all, model.lang)])];
    const money = [r.quarterlyBonus, r.dealBonus, r.commission, r.incentives, r.penalties, r.adjustments];
    if (r.status === "Error" || money.some((x) => x === null)) {
      r.status = "Error";
      r.quarterlyBonus = r.dealBonus = r.commission = r.incentives = r.penalties = r.adjustments = null;
    } else r.totalPay = sum(money as D[]);
    out.push(r);
  }
  rankWithinPlans(out);
  return out;
}

/** Dense rank of Score within each plan: 1 = best, ties share a rank. */
function rankWithinPlans(results: EmployeeResult[]): void {
  const byPlan = new Map<string, EmployeeResult[]>();
  for (const r of results) {
    if (r.score === null || !r.employee.plan) continue;
    const k = r.employee.plan.key;
    pushTo(byPlan, k, r);
  }
  for (const group of byPlan.values()) {
    const rankOf = new Map(rules.distinctSorted(group.map((r) => r.score as D)).map((v, i) => [v.toFixed(), i + 1]));
    for (const r of group) r.rank = rankOf.get((r.score as D).toFixed()) ?? null;
  }
}

/** A quarter counts for an employee when it was assessed: it has Actuals or Ratings rows. */
function assessedIn(idx: Indexed, q: Quarter): (e: Employee) => boolean {
  return (e) => [idx.actuals, idx.ratings].some((m) => (m.get(e.key) ?? []).some((d) => d.period.kind === "quarter" && inQuarter(d.period, q)));
}

/** The year: each quarter computed, Score the mean of the quarters' Scores, money the sums. */
function computeYear(model: Model, idx: Indexed, cr: CellReader, issues: IssueLog, year: number, employeeIssues: Map<string, Issue[]>): EmployeeResult[] {
  const quarters = [1, 2, 3, 4].map((quarter) => computeQuarter(model, idx, cr, issues, { year, quarter }, employeeIssues, assessedIn(idx, { year, quarter })));
  const byEmployee = quarters.map((qs) => new Map(qs.map((r) => [r.employee, r])));
  const out: EmployeeResult[] = [];
  for (const e of model.employees) {
    const mine = byEmployee.map((m) => m.get(e)).filter((r): r is EmployeeResult => r !== undefined);
    if (mine.length === 0) continue;
    const lang = model.lang;
    const breakdown: OutputRow[] = mine.map((r) => [e.id, String(year), r.period, null, r.score?.toNumber() ?? null, lang === "zh" ? "季度得分" : "Quarter score", r.score?.toNumber() ?? null, r.score === null ? (lang === "zh" ? `${r.period} 得分无法计算` : `${r.period} score could not be computed`) : lang === "zh" ? `${r.period} 得分 ${show(r.score)}，等级 ${r.grade ?? ""}` : `${r.period} score ${show(r.score)}, grade ${r.grade ?? ""}`]);
    const flags = [...new Set(mine.flatMap((r) => r.flags.map((f) => `${r.period}: ${f}`)))];
    const scores = mine.map((r) => r.score);
    const error = mine.some((r) => r.status === "Error");
    let score: D | null = null;
    if (scores.every((s) => s !== null)) score = roundScore(sum(scores as D[]).dividedBy(scores.length));
    if (mine.length < 4) {
      const t = model.views.get("Employees") as TableView;
      issues.warn(t.name, t.address(e.row, "EmployeeId"), e.id, msg(`${year} has ${mine.length} quarter${mine.length === 1 ? "" : "s"} for ${e.id}: the annual score is the mean of those`, `${e.id} 在 ${year} 年只有 ${mine.length} 个季度：年度得分为这些季度的平均分`));
      flags.push(lang === "zh" ? `${year} 年只有 ${mine.length} 个季度：年度得分为其平均分` : `only ${mine.length} quarter${mine.length === 1 ? "" : "s"} in ${year}: the annual score is their mean`);
    }
    const r: EmployeeResult = { employee: e, period: String(year), score, grade: null, coefficient: null, rank: null, completion: null, quarterlyBonus: null, dealBonus: null, commission: null, incentives: null, penalties: null, adjustments: null, totalPay: null, status: error ? "Error" : flags.length > 0 ? "Warning" : "OK", flags, breakdown };
    if (score !== null && e.plan) {
      try {
        r.grade = rules.grade(score, e.plan.bands).label;
      } catch (err) {
        if (!(err instanceof KpiError)) throw err;
        r.status = "Error";
        r.flags.push(err.text[lang]);
      }
    }
    if (r.status !== "Error") {
      const add = (pick: (x: EmployeeResult) => D | null) => sum(mine.map((x) => pick(x) as D));
      r.quarterlyBonus = add((x) => x.quarterlyBonus);
      r.dealBonus = add((x) => x.dealBonus);
      r.commission = add((x) => x.commission);
      r.incentives = add((x) => x.incentives);
      r.penalties = add((x) => x.penalties);
      r.adjustments = add((x) => x.adjustments);
      r.totalPay = add((x) => x.totalPay);
    }
    out.push(r);
  }
  rankWithinPlans(out);
  return out;
}

/** What every run starts from: the tables found, the language, the model, the period tables indexed. */
interface Prepared {
  issues: IssueLog;
  model: Model;
  cr: CellReader;
  idx: Indexed;
  /** Issues found so far that concern an employee, by employee key. */
  employeeIssues: Map<string, Issue[]>;
}

function prepare(tables: ReadonlyMap<string, TableData>): Prepared {
  const issues = new IssueLog();
  const views = viewTables(tables, issues);
  const lang = workbookLang(views);
  for (const name of ["Employees", "Plans", "Indicators"]) {
    if (!views.has(name)) throw new UnusableWorkbook(issues.list.find((i) => i.table === name)?.text ?? msg(`The table ${name} is missing`, `缺少表 ${name}`));
  }
  const model = buildModel(views, issues, lang);
  const cr = new CellReader(issues, lang);
  const idx = indexTables(model, cr, issues);
  const employeeIssues = new Map<string, Issue[]>();
  for (const i of issues.list) {
    const k = keyOf(i.employeeId);
    if (i.employeeId && model.employeesByKey.has(k)) pushTo(employeeIssues, k, i);
  }
  return { issues, model, cr, idx, employeeIssues };
}

function parseRunPeriod(periodInput: string): Extract<Period, { kind: "quarter" | "year" }> {
  const p = parsePeriod(periodInput);
  if (!p || p.kind === "month") {
    throw new UnusableWorkbook(msg(`"${periodInput}" is not a quarter or a year: give a period such as 2026-Q2 or 2026`, `"${periodInput}" 不是季度或年份：请给出考核周期，如 2026-Q2 或 2026`));
  }
  return p;
}

function compute(w: Prepared, p: Extract<Period, { kind: "quarter" | "year" }>): EmployeeResult[] {
  return p.kind === "quarter" ? computeQuarter(w.model, w.idx, w.cr, w.issues, p, w.employeeIssues) : computeYear(w.model, w.idx, w.cr, w.issues, p.year, w.employeeIssues);
}

/** Recalculates one period over the workbook's tables. Throws UnusableWorkbook when nothing can be computed. */
export function recalculate(tables: ReadonlyMap<string, TableData>, periodInput: string): RecalcResult {
  const p = parseRunPeriod(periodInput);
  const w = prepare(tables);
  const results = compute(w, p);
  return { lang: w.model.lang, period: periodText(p), results, issues: w.issues.unique(), inputHash: hashTables(tables) };
}

/**
 * Checks a workbook without writing, with the recalculation's own rules and messages: the tables, plans,
 * weights, grade bands, employees, and every quarter that has Actuals or Ratings (for the employees
 * assessed in it), plus `period` when given (for everyone, as a recalculation of it would).
 */
export function checkTables(tables: ReadonlyMap<string, TableData>, periodInput?: string): { lang: Lang; issues: Issue[] } {
  const p = periodInput === undefined ? null : parseRunPeriod(periodInput);
  const w = prepare(tables);
  const quarters = new Map<string, Quarter>();
  for (const index of [w.idx.actuals, w.idx.ratings]) {
    for (const rows of index.values()) for (const d of rows) if (d.period.kind === "quarter") quarters.set(periodText(d.period), { year: d.period.year, quarter: d.period.quarter });
  }
  for (const q of [...quarters.keys()].sort().map((k) => quarters.get(k) as Quarter)) {
    computeQuarter(w.model, w.idx, w.cr, w.issues, q, w.employeeIssues, assessedIn(w.idx, q));
  }
  if (p) compute(w, p);
  return { lang: w.model.lang, issues: w.issues.unique() };
}

// ---------------------------------------------------------------- output rows

const num = (x: D | null): number | null => (x === null ? null : x.toNumber());

export function resultRow(r: EmployeeResult): OutputRow {
  const e = r.employee;
  return [
    e.id,
    e.name,
    e.department,
    e.planName,
    r.period,
    num(r.score),
    r.grade,
    r.rank,
    num(r.completion),
    num(r.quarterlyBonus),
    num(r.dealBonus),
    num(r.commission),
    num(r.incentives),
    num(r.penalties),
    num(r.adjustments),
    num(r.totalPay),
    r.status,
    r.flags.join("; "),
  ];
}

export function issueRow(i: Issue, lang: Lang): OutputRow {
  return [i.severity, i.table, i.cell, i.employeeId, i.text[lang]];
}

export function outputRows(res: RecalcResult): { Results: OutputRow[]; Breakdown: OutputRow[]; Issues: OutputRow[] } {
  return {
    Results: res.results.map(resultRow),
    Breakdown: res.results.flatMap((r) => r.breakdown),
    Issues: res.issues.map((i) => issueRow(i, res.lang)),
  };
}

