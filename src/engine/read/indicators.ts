/**
 * Indicators, typed by rule: each row becomes the shape its rule needs (a Step always has its
 * standard and steps), or problems of its plan. Parameters the rule needs and lacks are Errors; ones it
 * does not use are Warnings, as is a Step standard of 0 or below. Weights must sum to the plan's
 * FullScore or to 100%, never normalised.
 */
import { RULE_WORDS, RULE_ZH, RuleName } from "../contract";
import { D, ONE, ZERO, show, sum } from "../decimal";
import { Issue, issue, msg } from "../issues";
import { pushTo } from "../maps";
import { Indicator, Plan } from "../model";
import { isBlank, readText, zhLabel } from "../values";
import { Names } from "./names";
import { bearOnPlan, forEachPlanRow } from "./plans";
import { choice, nonNegativeNumber, number, positiveNumber, requiredText } from "./readers";
import { Reader, Result, TableView, note, noteAll, ok } from "./view";

/** The parameter columns of Indicators, and which rule uses which. */
const PARAMETERS = ["Standard", "StepBelow", "PointsBelow", "StepAbove", "PointsAbove", "Floor", "Cap"] as const;
const USES: Record<RuleName, ReadonlySet<string>> = {
  Score: new Set(),
  Binary: new Set(),
  Ratio: new Set(["Standard", "Floor", "Cap"]),
  Step: new Set(PARAMETERS),
  Deduct: new Set(["PointsBelow", "Floor"]),
  Tasks: new Set(),
};

const rule = choice<RuleName>(RULE_WORDS, null);

/** Reads one Indicators row of a plan, its Weight read already; its issues go to `mine`. Null when it has an Error. */
function readRow(t: TableView, r: number, weight: Result<D>, mine: Issue[]): Indicator | null {
  const name = t.read(r, "Indicator", "", requiredText);
  note(name, mine);
  note(weight, mine);
  if (isBlank(t.value(r, "Rule"))) {
    mine.push(
      t.error(
        r,
        "Rule",
        "",
        "Rule is empty: enter Score, Ratio, Step, Deduct, Binary or Tasks",
        "计分规则为空：请输入 评分、达成率、区间、扣分、是否 或 任务清单",
      ),
    );
    return null;
  }
  const kind = t.read(r, "Rule", "", rule);
  if (!note(kind, mine) || !kind.ok) return null;
  const ruleName = kind.value;
  const given = (key: string, reader: Reader<D>): Result<D | null> => t.optional(r, key, "", reader, null);
  const needed = (key: string, reader: Reader<D>, why: string, whyZh: string): Result<D> => {
    if (t.has(key) && !isBlank(t.value(r, key))) return t.read(r, key, "", reader);
    return {
      ok: false,
      issue: t.error(
        r,
        key,
        "",
        `${t.header(key)} is empty: the ${ruleName} rule needs ${why}`,
        `${zhLabel(t.header(key))}为空：${RULE_ZH[ruleName]}规则需要${whyZh}`,
      ),
    };
  };
  for (const key of PARAMETERS) {
    if (!USES[ruleName].has(key) && t.has(key) && !isBlank(t.value(r, key))) {
      mine.push(
        t.warn(
          r,
          key,
          "",
          `${t.header(key)} is not used by the ${ruleName} rule: clear it, or check the rule`,
          `${t.header(key)} 在${RULE_ZH[ruleName]}规则中不使用：请清除，或检查计分规则`,
        ),
      );
    }
  }
  const floorAndCap = (): { floor: Result<D>; cap: Result<D | null> } => {
    const floor = given("Floor", number);
    const cap = given("Cap", number);
    const f: Result<D> = floor.ok ? ok(floor.value ?? ZERO) : floor;
    if (f.ok && cap.ok && cap.value !== null && cap.value.lessThan(f.value)) {
      return {
        floor: f,
        cap: {
          ok: false,
          issue: t.error(
            r,
            "Cap",
            "",
            `Cap ${show(cap.value)} is below Floor ${show(f.value)}: the cap must be at least the floor`,
            `上限 ${show(cap.value)} 低于下限 ${show(f.value)}：上限不能小于下限`,
          ),
        },
      };
    }
    return { floor: f, cap };
  };
  const base =
    name.ok && weight.ok ? { name: name.value, index: -1, row: r, weight: weight.value, points: weight.value, pointsShown: weight.value.toNumber() } : null;
  switch (ruleName) {
    case "Score":
    case "Binary":
    case "Tasks":
      return base && { ...base, rule: ruleName };
    case "Deduct": {
      const pointsEach = needed("PointsBelow", nonNegativeNumber, "the points deducted each time", "每次扣分");
      const { floor } = floorAndCap();
      note(pointsEach, mine);
      note(floor, mine);
      return base && pointsEach.ok && floor.ok ? { ...base, rule: "Deduct", pointsEach: pointsEach.value, floor: floor.value } : null;
    }
    case "Ratio": {
      let standard = needed("Standard", number, "the standard", "标准值");
      if (standard.ok && !standard.value.greaterThan(0)) {
        standard = {
          ok: false,
          issue: t.error(
            r,
            "Standard",
            "",
            `Standard is ${show(standard.value)}: a ratio needs a standard above 0`,
            `标准值为 ${show(standard.value)}：达成率计分需要大于 0 的标准值`,
          ),
        };
      }
      const { floor, cap } = floorAndCap();
      noteAll([standard, floor, cap], mine);
      return base && standard.ok && floor.ok && cap.ok
        ? { ...base, rule: "Ratio", standard: standard.value, inPercent: !standard.value.greaterThan(ONE), floor: floor.value, cap: cap.value }
        : null;
    }
    case "Step": {
      const standard = needed("Standard", number, "the standard", "标准值");
      const stepBelow = needed("StepBelow", positiveNumber, "the step below the standard", "低于步长");
      const pointsBelow = needed("PointsBelow", nonNegativeNumber, "the points per step below", "每步扣分");
      const stepAbove = given("StepAbove", positiveNumber);
      let pointsAbove = given("PointsAbove", nonNegativeNumber);
      if (stepAbove.ok && stepAbove.value !== null && pointsAbove.ok && pointsAbove.value === null) {
        pointsAbove = needed("PointsAbove", nonNegativeNumber, "the points per step above when StepAbove is given", "每步加分（已填高于步长）");
      }
      const { floor, cap } = floorAndCap();
      noteAll([standard, stepBelow, pointsBelow, stepAbove, pointsAbove, floor, cap], mine);
      if (standard.ok && !standard.value.greaterThan(0)) {
        const s = show(standard.value);
        mine.push(
          t.warn(
            r,
            "Standard",
            "",
            `Standard is ${s}: every actual of ${s} or more scores at least the full weight; check the standard`,
            `标准值为 ${s}：实际值不低于 ${s} 时都至少得满分权重；请检查标准值`,
          ),
        );
      }
      if (pointsAbove.ok && pointsAbove.value !== null && stepAbove.ok && stepAbove.value === null) {
        mine.push(
          t.warn(
            r,
            "PointsAbove",
            "",
            `${t.header("PointsAbove")} is not used without StepAbove: enter the step above the standard, or clear it`,
            `${t.header("PointsAbove")} 在没有高于步长时不使用：请填写高于步长，或清除它`,
          ),
        );
      }
      if (!(base && standard.ok && stepBelow.ok && pointsBelow.ok && stepAbove.ok && pointsAbove.ok && floor.ok && cap.ok)) return null;
      const above = stepAbove.value !== null && pointsAbove.value !== null ? { step: stepAbove.value, points: pointsAbove.value } : null;
      // Shown as percents when every figure is a fraction: a standard of at most 100% and steps below 100%
      // (a standard of 1 counted in steps of 1, one bid short, is a count, not "100% … 1 step of 100%").
      const inPercent =
        standard.value.greaterThan(ZERO) &&
        !standard.value.greaterThan(ONE) &&
        [stepBelow.value, ...(above ? [above.step] : [])].every((x) => x.abs().lessThan(ONE));
      return {
        ...base,
        rule: "Step",
        standard: standard.value,
        stepBelow: stepBelow.value,
        pointsBelow: pointsBelow.value,
        above,
        inPercent,
        floor: floor.value,
        cap: cap.value,
      };
    }
  }
}

/** One of a plan's Indicators rows for the sum of weights: its weight, null where the cell cannot be read. */
interface WeightRow {
  row: number;
  weight: D | null;
}

export function readIndicators(t: TableView, planTable: TableView, plans: Names<Plan>, issues: Issue[]): void {
  const weightsByPlan = new Map<Plan, WeightRow[]>();
  forEachPlanRow(t, plans, issues, (r, plan) => {
    const mine: Issue[] = [];
    const weight = t.read(r, "Weight", "", nonNegativeNumber);
    const ind = readRow(t, r, weight, mine);
    bearOnPlan(plan, mine, issues);
    const named = ind !== null && !mine.some((i) => i.severity === "Error");
    if (named && plan.indicatorNames.define(ind.name, ind)) {
      const twice = t.error(
        r,
        "Indicator",
        "",
        `plan "${plan.name}" lists indicator "${ind.name}" twice: keep one row`,
        `方案 "${plan.name}" 中指标 "${ind.name}" 出现两次：请只保留一行`,
      );
      issues.push(twice);
      plan.problems.push(twice.text);
      return;
    }
    // A row with another bad cell still weighs in the sum, so the sum is not said to be wrong when it is not.
    pushTo(weightsByPlan, plan, { row: r, weight: weight.ok ? weight.value : null });
    if (!named) {
      const written = t.value(r, "Indicator");
      if (!isBlank(written)) plan.unreadIndicators.define(readText(written), r);
      return;
    }
    ind.index = plan.indicators.length;
    plan.indicators.push(ind);
  });
  for (const { value: plan } of plans.values()) checkWeights(t, planTable, plan, weightsByPlan.get(plan) ?? [], issues);
}

/** Weights sum to FullScore (points as they are) or to 1 (each a share of FullScore); anything else is an Error. */
function checkWeights(t: TableView, planTable: TableView, plan: Plan, rows: readonly WeightRow[], issues: Issue[]): void {
  if (rows.length === 0) {
    if (plan.problems.length > 0) return;
    const none = planTable.error(
      plan.row,
      "Plan",
      "",
      `plan "${plan.name}" has no rows in Indicators: add its indicators there`,
      `方案 "${plan.name}" 在指标表中没有指标：请在指标表中添加`,
    );
    issues.push(none);
    plan.problems.push(none.text);
    return;
  }
  // A weight that cannot be read has its own Error; the sum waits until it can be.
  if (rows.some((w) => w.weight === null)) return;
  const total = sum(rows.map((w) => w.weight as D));
  if (total.equals(plan.fullScore)) return;
  if (total.equals(1)) {
    for (const i of plan.indicators) {
      i.points = i.weight.times(plan.fullScore);
      i.pointsShown = i.points.toNumber();
    }
    return;
  }
  const range = t.columnRange(
    "Weight",
    rows.map((w) => w.row),
  );
  const text = msg(
    `Indicators ${range}: the weights of plan "${plan.name}" sum to ${show(total)}; they must sum to its FullScore ${show(plan.fullScore)} or to 100%`,
    `指标表 ${range}：方案 "${plan.name}" 的权重合计为 ${show(total)}；必须等于满分 ${show(plan.fullScore)} 或 100%`,
  );
  issues.push(issue("Error", t.name, range, "", text));
  plan.problems.push(text);
}
