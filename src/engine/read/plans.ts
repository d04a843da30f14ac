/**
 * Plans and the tables that hang off a plan (Grades, RaterWeights, CommissionTiers, IncentiveRules),
 * read once whatever the period. A bad cell in a plan's own rows is an Issue listed once and a problem
 * of the plan, which makes every employee on it Error with the reason in Flags.
 * One file: the plan tables are read together, since a bad row in any of them makes the whole plan Error.
 */
import { BASIS_WORDS, DEAL_BONUS_WORDS, DEFAULTS, DEFAULT_SCALE_WORDS, RATER_WORDS, RATER_ZH, RaterType, TIER_MODE_WORDS } from "../contract";
import { show, sum } from "../decimal";
import { Lang } from "../errors";
import { Issue, issue, msg, zhList } from "../issues";
import { pushTo } from "../maps";
import { IncentiveRule, Plan } from "../model";
import { GradeBand, Tier, checkTiers, defaultBands, defaultTiers, sortBands } from "../rules";
import { NAME_KINDS, Names, keyOf } from "./names";
import { choice, nonNegativeNumber, number, optionalText, positiveNumber, rate, requiredText, wholeMonths } from "./readers";
import { Reader, TableView, note, noteAll } from "./view";

export function readPlans(t: TableView, issues: Issue[]): Names<Plan> {
  const plans = new Names<Plan>(NAME_KINDS.plan);
  const rowsByPlan = new Map<Plan, number[]>();
  for (let r = 0; r < t.rowCount; r++) {
    if (t.isBlankRow(r)) continue;
    const name = t.read(r, "Plan", "", requiredText);
    if (!note(name, issues)) continue;
    const problems: Issue[] = [];
    // A bad cell is a problem of the plan; its default only fills the record.
    const get = <T>(key: string, reader: Reader<T>, fallback: T): T => {
      const cell = t.optional(r, key, "", reader, fallback);
      return note(cell, problems) && cell.ok ? cell.value : fallback;
    };
    const plan: Plan = {
      name: name.value,
      row: r,
      fullScore: get("FullScore", positiveNumber, DEFAULTS.fullScore),
      bonusRate: get("BonusRate", rate, DEFAULTS.bonusRate),
      taskBase: get("TaskBase", rate, DEFAULTS.taskBase),
      basis: get("CompletionBasis", choice(BASIS_WORDS, DEFAULTS.completionBasis), DEFAULTS.completionBasis),
      gradeScale: get("GradeScale", optionalText, DEFAULTS.gradeScale) || DEFAULTS.gradeScale,
      dealBonus: get("DealBonus", choice(DEAL_BONUS_WORDS, DEFAULTS.dealBonus), DEFAULTS.dealBonus),
      bigDealThreshold: get("BigDealThreshold", nonNegativeNumber, DEFAULTS.bigDealThreshold),
      bigDealRate: get("BigDealRate", rate, DEFAULTS.bigDealRate),
      poolRate: get("PoolRate", rate, DEFAULTS.poolRate),
      missPenalty: get("MissPenalty", nonNegativeNumber, DEFAULTS.missPenalty),
      missRun: get("MissRun", wholeMonths, DEFAULTS.missRun),
      hitBonus: get("HitBonus", nonNegativeNumber, DEFAULTS.hitBonus),
      hitRun: get("HitRun", wholeMonths, DEFAULTS.hitRun),
      tierMode: get("TierMode", choice(TIER_MODE_WORDS, DEFAULTS.tierMode), DEFAULTS.tierMode),
      indicators: [],
      indicatorNames: new Names(NAME_KINDS.indicator),
      unreadIndicators: new Names(NAME_KINDS.indicator),
      bands: [],
      raterWeights: new Map(),
      tiers: [],
      incentiveRules: new Names(NAME_KINDS.item),
      problems: [],
      gradeProblems: [],
      doubts: [],
    };
    if (plan.taskBase.equals(1)) {
      problems.push(
        t.error(
          r,
          "TaskBase",
          "",
          "TaskBase is 100%: nothing lies between the base and the target; enter a base below 100%",
          "任务基数为 100%：基数与目标之间没有区间；请输入小于 100% 的基数",
        ),
      );
    }
    bearOnPlan(plan, problems, issues);
    const first = plans.define(plan.name, plan)?.value ?? plan;
    pushTo(rowsByPlan, first, r);
  }
  for (const [plan, rows] of rowsByPlan) {
    if (rows.length < 2) continue;
    const range = t.repeatAt("Plan", rows);
    const text = msg(
      `Plans has ${rows.length} rows for plan "${plan.name}" (${t.columnCells("Plan", rows)}): keep one`,
      `考核方案表中方案 "${plan.name}" 有 ${rows.length} 行（${zhList(t.columnCells("Plan", rows))}）：请只保留一行`,
    );
    issues.push(issue("Error", t.name, range, "", text));
    plan.problems.push(text);
  }
  return plans;
}

/**
 * Each non-blank row of a table that names a plan (Indicators, RaterWeights, …), with the plan it
 * names; a row naming no plan or an unknown one is an Error and is skipped.
 */
/**
 * Issues of a plan's own rows, listed and borne by the plan: an Error makes every employee on it Error
 * (a problem), a Warning is each one's flag (a doubt), as their pay rests on that row.
 */
export function bearOnPlan(plan: Plan, found: readonly Issue[], issues: Issue[]): void {
  issues.push(...found);
  for (const i of found)
    if (i.severity === "Error") plan.problems.push(i.text);
    else plan.doubts.push(i);
}

export function forEachPlanRow(t: TableView, plans: Names<Plan>, issues: Issue[], each: (r: number, plan: Plan) => void): void {
  for (let r = 0; r < t.rowCount; r++) {
    if (t.isBlankRow(r)) continue;
    const name = t.read(r, "Plan", "", requiredText);
    if (!note(name, issues)) continue;
    const mine: Issue[] = [];
    const plan = planNamed(t, r, plans, "", name.value, mine);
    // A row of the plan's own (an indicator, a tier, a rule) naming it written otherwise: its employees' pay rests on it.
    if (plan) {
      bearOnPlan(plan, mine, issues);
      each(r, plan);
    } else issues.push(...mine);
  }
}

/** The plan a cell names, with a Warning when spelt otherwise; null after an Error when there is none. */
export function planNamed(t: TableView, r: number, plans: Names<Plan>, employeeId: string, name: string, issues: Issue[]): Plan | null {
  const found = plans.find(name, t, r, "Plan", employeeId);
  if (!found) {
    issues.push(
      t.error(
        r,
        "Plan",
        employeeId,
        `plan "${name}" is not in Plans: add the plan or correct the name`,
        `考核方案 "${name}" 不在考核方案表中：请添加该方案或更正名称`,
      ),
    );
    return null;
  }
  if (found.warning) issues.push(found.warning);
  return found.value;
}

/** Grade scales from Grades; each plan gets the bands of its GradeScale (the default bands for Default). */
export function readGrades(t: TableView | undefined, planTable: TableView, plans: Names<Plan>, lang: Lang, issues: Issue[]): void {
  const scales = new Names<Array<GradeBand & { row: number }>>(NAME_KINDS.scale);
  /** Scales with a bad or duplicate row: plans on them cannot grade. */
  const badScales = new Set<string>();
  for (let r = 0; t && r < t.rowCount; r++) {
    if (t.isBlankRow(r)) continue;
    const scale = t.read(r, "Scale", "", requiredText);
    const min = t.read(r, "MinScore", "", number);
    const label = t.read(r, "Grade", "", requiredText);
    const coefficient = t.optional(r, "Coefficient", "", nonNegativeNumber, DEFAULTS.coefficient);
    const fine = [note(scale, issues), note(min, issues), note(label, issues), note(coefficient, issues)].every(Boolean);
    if (!scale.ok) continue;
    let bands = scales.byName(keyOf(scale.value))?.value;
    if (!bands) scales.define(scale.value, (bands = []));
    if (!fine || !min.ok || !label.ok || !coefficient.ok) {
      badScales.add(keyOf(scale.value));
      continue;
    }
    const twin = bands.find((b) => b.min.equals(min.value));
    if (twin) {
      issues.push(
        t.error(
          r,
          "MinScore",
          "",
          `scale "${scale.value}" has two bands starting at ${show(min.value)} ("${twin.label}", "${label.value}"): keep one`,
          `等级标准 "${scale.value}" 有两个等级的最低分都是 ${show(min.value)}（"${twin.label}"、"${label.value}"）：请只保留一个`,
        ),
      );
      badScales.add(keyOf(scale.value));
    } else bands.push({ min: min.value, label: label.value, coefficient: coefficient.value, row: r });
  }
  for (const { written, value: bands } of scales.values()) {
    const lowest = bands.reduce<(typeof bands)[number] | null>((lo, b) => (lo === null || b.min.lessThan(lo.min) ? b : lo), null);
    if (t && lowest && lowest.min.greaterThan(0)) {
      issues.push(
        t.warn(
          lowest.row,
          "MinScore",
          "",
          `scale "${written}" starts at ${show(lowest.min)}: a score below it has no grade (the employee would be Error); add a band from 0`,
          `等级标准 "${written}" 最低分从 ${show(lowest.min)} 开始：低于它的分数没有等级（员工将为错误）；请添加从 0 开始的等级`,
        ),
      );
    }
  }
  for (const { value: plan } of plans.values()) {
    // 默认 is Default, both ways: Grades' own rows under the plan's word, else under another word for the
    // default scale (a Plans cell left Default, Grades rows typed 默认), else the default bands. Any of
    // those words in any case is the default scale, so no spelling is worth a Warning there.
    const isDefault = DEFAULT_SCALE_WORDS.some((w) => keyOf(w) === keyOf(plan.gradeScale));
    const scaleName = isDefault
      ? (scales.named(plan.gradeScale)?.written ?? DEFAULT_SCALE_WORDS.map((w) => scales.named(w)?.written).find((w) => w !== undefined) ?? DEFAULTS.gradeScale)
      : plan.gradeScale;
    const found = t ? scales.find(scaleName, planTable, plan.row, "GradeScale", "") : null;
    // A scale matched though written otherwise: its employees' grades rest on it, so it is their flag too.
    if (found?.warning) bearOnPlan(plan, [found.warning], issues);
    if (badScales.has(keyOf(scaleName))) {
      plan.gradeProblems.push(
        msg(`grade scale "${plan.gradeScale}" has a bad row in Grades (see Issues)`, `等级标准 "${plan.gradeScale}" 在等级表中有错误行（见 Issues）`),
      );
    } else if (found && found.value.length > 0) {
      plan.bands = sortBands(found.value.map(({ min, label, coefficient }) => ({ min, label, coefficient })));
    } else if (isDefault) {
      plan.bands = defaultBands(lang);
    } else {
      const at = planTable.address(plan.row, "GradeScale");
      const text = msg(
        `Plans ${at}: grade scale "${plan.gradeScale}" of plan "${plan.name}" has no rows in Grades: add its bands, or write Default for the default bands`,
        `考核方案表 ${at}：方案 "${plan.name}" 的等级标准 "${plan.gradeScale}" 在等级表中没有数据：请在等级表中添加其等级，或改为“默认”（Default）使用默认等级`,
      );
      issues.push(issue("Error", "Plans", at, "", text));
      plan.gradeProblems.push(text);
    }
  }
}

export function readRaterWeights(t: TableView | undefined, plans: Names<Plan>, issues: Issue[]): void {
  if (!t) return;
  const rowsByPlan = new Map<Plan, number[]>();
  const rater = choice<RaterType>(RATER_WORDS, null);
  forEachPlanRow(t, plans, issues, (r, plan) => {
    const mine: Issue[] = [];
    const who = t.read(r, "Rater", "", rater);
    const weight = t.read(r, "Weight", "", nonNegativeNumber);
    note(who, mine);
    note(weight, mine);
    if (who.ok && plan.raterWeights.has(who.value)) {
      mine.push(
        t.error(
          r,
          "Rater",
          "",
          `plan "${plan.name}" gives rater ${who.value} a weight twice: keep one row`,
          `方案 "${plan.name}" 的评价人 ${RATER_ZH[who.value]} 权重出现两次：请只保留一行`,
        ),
      );
    }
    bearOnPlan(plan, mine, issues);
    if (!who.ok || !weight.ok || plan.raterWeights.has(who.value)) return;
    plan.raterWeights.set(who.value, weight.value);
    pushTo(rowsByPlan, plan, r);
  });
  for (const { value: plan } of plans.values()) {
    if (plan.raterWeights.size === 0) continue;
    const total = sum([...plan.raterWeights.values()]);
    if (total.equals(100) || total.equals(1)) continue;
    const range = t.columnRange("Weight", rowsByPlan.get(plan) ?? []);
    const text = msg(
      `RaterWeights ${range}: the rater weights of plan "${plan.name}" sum to ${show(total)}; they must sum to 100 or 100%`,
      `评价权重表 ${range}：方案 "${plan.name}" 的评价人权重合计为 ${show(total)}；必须为 100 或 100%`,
    );
    issues.push(issue("Error", t.name, range, "", text));
    plan.problems.push(text);
  }
}

export function readTiers(t: TableView | undefined, plans: Names<Plan>, issues: Issue[]): void {
  const tiers = new Map<Plan, Tier[]>();
  if (t) {
    forEachPlanRow(t, plans, issues, (r, plan) => {
      const mine: Issue[] = [];
      const minAttainment = t.read(r, "MinAttainment", "", nonNegativeNumber);
      const multiplier = t.read(r, "Multiplier", "", nonNegativeNumber);
      note(minAttainment, mine);
      note(multiplier, mine);
      const list = tiers.get(plan) ?? [];
      if (minAttainment.ok && list.some((x) => x.minAttainment.equals(minAttainment.value))) {
        mine.push(
          t.error(
            r,
            "MinAttainment",
            "",
            `plan "${plan.name}" has two tiers starting at ${show(minAttainment.value)}: keep one`,
            `方案 "${plan.name}" 有两个档位的最低完成率都是 ${show(minAttainment.value)}：请只保留一个`,
          ),
        );
      }
      bearOnPlan(plan, mine, issues);
      // A Warning (a number typed as text, taken as its number) leaves the tier in use, as the Warning says.
      if (!mine.some((e) => e.severity === "Error") && minAttainment.ok && multiplier.ok)
        tiers.set(plan, [...list, { minAttainment: minAttainment.value, multiplier: multiplier.value }]);
    });
  }
  for (const { value: plan } of plans.values()) plan.tiers = checkTiers(tiers.get(plan) ?? defaultTiers());
}

export function readIncentiveRules(t: TableView | undefined, plans: Names<Plan>, issues: Issue[]): void {
  if (!t) return;
  forEachPlanRow(t, plans, issues, (r, plan) => {
    const mine: Issue[] = [];
    const item = t.read(r, "Item", "", requiredText);
    const perUnit = t.read(r, "PerUnit", "", number);
    const perShort = t.optional(r, "PerShort", "", nonNegativeNumber, null);
    const perOver = t.optional(r, "PerOver", "", nonNegativeNumber, null);
    const onComplete = t.optional(r, "OnComplete", "", nonNegativeNumber, null);
    noteAll([item, perUnit, perShort, perOver, onComplete], mine);
    const earlier = item.ok ? plan.incentiveRules.byName(keyOf(item.value)) : undefined;
    if (item.ok && earlier) {
      const cells = t.columnCells("Item", [earlier.value.row, r]);
      const twice = t.error(
        r,
        "Item",
        "",
        `plan "${plan.name}" has two rules for item "${item.value}" (${cells}): keep one`,
        `方案 "${plan.name}" 的项目 "${item.value}" 有两条规则（${zhList(cells)}）：请只保留一条`,
      );
      mine.push(twice);
      issues.push(...mine);
      // Which rule is right cannot be known: employees with the item are Error, as for a rule with a bad cell.
      plan.incentiveRules.redefine(item.value, { row: r, bad: twice.text });
      return;
    }
    issues.push(...mine);
    if (!item.ok) return;
    if (perUnit.ok && perShort.ok && perOver.ok && onComplete.ok) {
      const rule: IncentiveRule = {
        item: item.value,
        row: r,
        perUnit: perUnit.value,
        perShort: perShort.value,
        perOver: perOver.value,
        onComplete: onComplete.value,
      };
      plan.incentiveRules.define(item.value, rule);
    } else {
      // A bad rule only matters to employees with that item; they are Error when it is used.
      const at = t.address(r, "Item");
      plan.incentiveRules.define(item.value, {
        row: r,
        bad: msg(
          `IncentiveRules ${at}: the rule for "${item.value}" of plan "${plan.name}" has a bad cell (its own issue says which): fix it`,
          `激励规则表 ${at}：方案 "${plan.name}" 的项目 "${item.value}" 规则有错误单元格（见该行的问题）：请修正`,
        ),
      });
    }
  });
}
