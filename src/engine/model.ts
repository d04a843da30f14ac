/**
 * The static part of a workbook (plans, indicators, grade scales, rater weights, tiers, incentive
 * rules, employees), read and checked once, whatever the period.
 */
import { D, HUNDRED, ONE, ZERO, show, sum } from "./decimal";
import { KpiError, Lang, Message } from "./errors";
import { CellReader, TableView, choice, keyOf, nonNegativeNumber, number, optionalDate, positiveNumber, rate, requiredText, rowMessage } from "./inputs";
import { IssueLog, msg } from "./issues";
import { GradeBand, Tier, defaultBands } from "./rules";
import { CellValue, isBlank, readText } from "./values";
import { pushTo } from "./maps";

export type RuleName = "Score" | "Ratio" | "Step" | "Deduct" | "Binary";
export type RaterType = "Self" | "Peer" | "Supervisor" | "Customer";

const RULE_WORDS: Record<RuleName, string[]> = {
  Score: ["Score", "评分", "打分", "评分制"],
  Ratio: ["Ratio", "达成率", "比率", "完成率"],
  Step: ["Step", "区间", "区间计分", "阶梯"],
  Deduct: ["Deduct", "扣分", "扣分制"],
  Binary: ["Binary", "是否", "是否完成", "YesNo"],
};
export const RULE_ZH: Record<RuleName, string> = { Score: "评分", Ratio: "达成率", Step: "区间", Deduct: "扣分", Binary: "是否" };

export const RATER_WORDS: Record<RaterType, string[]> = {
  Self: ["Self", "自评", "本人"],
  Peer: ["Peer", "互评", "同事"],
  Supervisor: ["Supervisor", "上级", "上级评价", "主管"],
  Customer: ["Customer", "客户", "客户评价"],
};
export const RATER_ZH: Record<RaterType, string> = { Self: "自评", Peer: "互评", Supervisor: "上级", Customer: "客户" };

export interface Indicator {
  name: string;
  row: number;
  weight: D;
  /** Weight in points of the plan's full score (a 30% weight of 100 is 30). */
  points: D;
  rule: RuleName;
  standard: D | null;
  stepBelow: D | null;
  pointsBelow: D | null;
  stepAbove: D | null;
  pointsAbove: D | null;
  floor: D;
  cap: D | null;
}

export interface IncentiveRule {
  item: string;
  row: number;
  /** A cell of the rule is bad (the issue says which): employees with the item are Error. */
  bad: boolean;
  perUnit: D;
  perShort: D | null;
  perOver: D | null;
  onComplete: D | null;
}

export interface Plan {
  name: string;
  key: string;
  row: number;
  fullScore: D;
  bonusRate: D;
  taskBase: D;
  basis: "Department" | "Employee";
  gradeScale: string;
  dealBonus: "BigDeal" | "Project" | "None";
  bigDealThreshold: D;
  bigDealRate: D;
  poolRate: D;
  missPenalty: D;
  missRun: number;
  tierMode: "Whole" | "Marginal";
  indicators: Indicator[];
  bands: GradeBand[];
  raterWeights: Map<RaterType, D>;
  tiers: Tier[] | null;
  incentiveRules: Map<string, IncentiveRule>;
  /** Problems with the plan itself: every employee on it is Error, with these as flags. */
  problems: Message[];
}

export interface Employee {
  id: string;
  key: string;
  row: number;
  name: string;
  planName: string;
  plan: Plan | null;
  department: string;
  monthlyBase: D | null;
  joinDate: Date | null;
  leaveDate: Date | null;
  /** Problems found reading the row (the issues carry the details). */
  bad: boolean;
  duplicate: boolean;
}

export interface Model {
  lang: Lang;
  plans: Map<string, Plan>;
  employees: Employee[];
  employeesByKey: Map<string, Employee[]>;
  views: Map<string, TableView>;
}

function sameText(a: string, b: string): boolean {
  return keyOf(a) === keyOf(b);
}

function readPlans(t: TableView, cr: CellReader, issues: IssueLog): Map<string, Plan> {
  const plans = new Map<string, Plan>();
  const seen = new Map<string, number[]>();
  for (let r = 0; r < t.rowCount; r++) {
    if (t.isBlankRow(r)) continue;
    const name = cr.read(t, r, "Plan", "", requiredText);
    if (name === undefined) continue;
    const problems: Message[] = [];
    const before = issues.list.length;
    // A bad cell is an issue that makes the plan Error; the default only fills the record.
    const get = <T>(key: string, read: (v: CellValue, h: string) => T, fallback: T): T => cr.optional(t, r, key, "", read, fallback) ?? fallback;
    const plan: Plan = {
      name,
      key: keyOf(name),
      row: r,
      fullScore: get("FullScore", positiveNumber, HUNDRED),
      bonusRate: get("BonusRate", rate, new D("0.4")),
      taskBase: get("TaskBase", rate, new D("0.7")),
      basis: get("CompletionBasis", choice({ Department: ["Department", "部门"], Employee: ["Employee", "员工", "个人"] }, "Department"), "Department"),
      gradeScale: get("GradeScale", (v) => readText(v), "Default"),
      dealBonus: get("DealBonus", choice({ BigDeal: ["BigDeal", "大项目奖", "大项目"], Project: ["Project", "项目奖", "项目"], None: ["None", "无", "不适用"] }, "None"), "None"),
      bigDealThreshold: get("BigDealThreshold", nonNegativeNumber, new D(100000)),
      bigDealRate: get("BigDealRate", rate, new D("0.015")),
      poolRate: get("PoolRate", rate, new D("0.005")),
      missPenalty: get("MissPenalty", nonNegativeNumber, new D(300)),
      missRun: get("MissRun", (v, h) => {
        const d = positiveNumber(v, h);
        if (!d.isInteger()) throw new KpiError("#NUM!", msg(`${h} is ${show(d)}: enter a whole number of months`, `${h} 为 ${show(d)}：请输入整数月数`));
        return d.toNumber();
      }, 3),
      tierMode: get("TierMode", choice({ Whole: ["Whole", "整体", "全额"], Marginal: ["Marginal", "累进", "分段"] }, "Whole"), "Whole"),
      indicators: [],
      bands: [],
      raterWeights: new Map(),
      tiers: null,
      incentiveRules: new Map(),
      problems,
    };
    if (plan.taskBase.equals(1)) {
      issues.error(t.name, t.address(r, "TaskBase"), "", rowMessage(t, r, "TaskBase", "TaskBase is 100%: nothing lies between the base and the target; enter a base below 100%", "任务基数为 100%：基数与目标之间没有区间；请输入小于 100% 的基数"));
    }
    for (const i of issues.list.slice(before)) problems.push(i.text);
    pushTo(seen, plan.key, r);
    plans.set(plan.key, plan);
  }
  for (const [key, rows] of seen) {
    if (rows.length < 2) continue;
    const plan = plans.get(key) as Plan;
    const text = msg(`Plans has ${rows.length} rows for plan "${plan.name}" (${t.columnRange("Plan", rows)}): keep one`, `考核方案表中方案 "${plan.name}" 有 ${rows.length} 行（${t.columnRange("Plan", rows)}）：请只保留一行`);
    issues.error(t.name, t.columnRange("Plan", rows), "", text);
    plan.problems.push(text);
  }
  return plans;
}

/** A plan named in a cell, or null after reporting an unknown name at that cell. */
function planAt(t: TableView, r: number, plans: Map<string, Plan>, issues: IssueLog, employeeId: string, planName: string): Plan | null {
  const plan = plans.get(keyOf(planName));
  if (!plan) {
    issues.error(t.name, t.address(r, "Plan"), employeeId, rowMessage(t, r, "Plan", `plan "${planName}" is not in Plans: add the plan or correct the name`, `考核方案 "${planName}" 不在考核方案表中：请添加该方案或更正名称`));
  }
  return plan ?? null;
}

/** Each non-blank row of a per-plan table with its plan; rows naming no plan or an unknown one are reported and skipped. */
function forEachPlanRow(t: TableView, cr: CellReader, issues: IssueLog, plans: Map<string, Plan>, each: (r: number, plan: Plan) => void): void {
  for (let r = 0; r < t.rowCount; r++) {
    if (t.isBlankRow(r)) continue;
    const planName = cr.read(t, r, "Plan", "", requiredText);
    if (planName === undefined) continue;
    const plan = planAt(t, r, plans, issues, "", planName);
    if (plan) each(r, plan);
  }
}

function readIndicators(t: TableView, planTable: TableView, cr: CellReader, issues: IssueLog, plans: Map<string, Plan>): void {
  const rowsByPlan = new Map<string, number[]>();
  forEachPlanRow(t, cr, issues, plans, (r, plan) => {
    const before = issues.list.length;
    const name = cr.read(t, r, "Indicator", "", requiredText);
    const weight = cr.read(t, r, "Weight", "", nonNegativeNumber);
    const rule = cr.read(t, r, "Rule", "", choice(RULE_WORDS, "Score" as RuleName));
    if (rule !== undefined && isBlank(t.value(r, "Rule"))) {
      issues.error(t.name, t.address(r, "Rule"), "", rowMessage(t, r, "Rule", `Rule is empty: enter Score, Ratio, Step, Deduct or Binary`, `计分规则为空：请输入 评分、达成率、区间、扣分 或 是否`));
    }
    const opt = (key: string, read: (v: CellValue, h: string) => D) => cr.optional(t, r, key, "", read, null) ?? null;
    const need = (key: string, why: string, whyZh: string) => {
      if (!t.has(key) || isBlank(t.value(r, key))) issues.error(t.name, t.address(r, key), "", rowMessage(t, r, key, `${t.header(key)} is empty: the ${rule} rule needs ${why}`, `${t.header(key)} 为空：${RULE_ZH[rule as RuleName]}规则需要${whyZh}`));
    };
    const standard = opt("Standard", number);
    const stepBelow = opt("StepBelow", positiveNumber);
    const pointsBelow = opt("PointsBelow", nonNegativeNumber);
    const stepAbove = opt("StepAbove", positiveNumber);
    const pointsAbove = opt("PointsAbove", nonNegativeNumber);
    const floor = opt("Floor", number) ?? ZERO;
    const cap = opt("Cap", number);
    if (rule === "Ratio") need("Standard", "the standard", "标准值");
    if (rule === "Step") {
      need("Standard", "the standard", "标准值");
      need("StepBelow", "the step below the standard", "低于步长");
      need("PointsBelow", "the points per step below", "每步扣分");
      if (stepAbove !== null && pointsAbove === null) need("PointsAbove", "the points per step above when StepAbove is given", "每步加分（已填高于步长）");
    }
    if (rule === "Ratio" && standard !== null && !standard.greaterThan(0)) {
      issues.error(t.name, t.address(r, "Standard"), "", rowMessage(t, r, "Standard", `Standard is ${show(standard)}: a ratio needs a standard above 0`, `标准值为 ${show(standard)}：达成率计分需要大于 0 的标准值`));
    }
    if (rule === "Deduct") need("PointsBelow", "the points deducted each time", "每次扣分");
    if (cap !== null && cap.lessThan(floor)) {
      issues.error(t.name, t.address(r, "Cap"), "", rowMessage(t, r, "Cap", `Cap ${show(cap)} is below Floor ${show(floor)}: the cap must be at least the floor`, `上限 ${show(cap)} 低于下限 ${show(floor)}：上限不能小于下限`));
    }
    const errors = issues.list.slice(before);
    for (const e of errors) plan.problems.push(e.text);
    if (name === undefined || weight === undefined || rule === undefined || errors.length > 0) return;
    if (plan.indicators.some((i) => sameText(i.name, name))) {
      const text = rowMessage(t, r, "Indicator", `plan "${plan.name}" lists indicator "${name}" twice: keep one row`, `方案 "${plan.name}" 中指标 "${name}" 出现两次：请只保留一行`);
      issues.error(t.name, t.address(r, "Indicator"), "", text);
      plan.problems.push(text);
      return;
    }
    plan.indicators.push({ name, row: r, weight, points: weight, rule, standard, stepBelow, pointsBelow, stepAbove, pointsAbove, floor, cap });
    pushTo(rowsByPlan, plan.key, r);
  });
  for (const plan of plans.values()) {
    const rows = rowsByPlan.get(plan.key) ?? [];
    if (plan.indicators.length === 0) {
      if (plan.problems.length === 0) {
        const text = rowMessage(planTable, plan.row, "Plan", `plan "${plan.name}" has no rows in Indicators: add its indicators there`, `方案 "${plan.name}" 在指标表中没有指标：请在指标表中添加`);
        issues.error(planTable.name, planTable.address(plan.row, "Plan"), "", text);
        plan.problems.push(text);
      }
      continue;
    }
    const total = sum(plan.indicators.map((i) => i.weight));
    if (total.equals(plan.fullScore)) continue;
    if (total.equals(1)) {
      for (const i of plan.indicators) i.points = i.weight.times(plan.fullScore);
      continue;
    }
    const range = t.columnRange("Weight", rows);
    const text = msg(
      `Indicators ${range}: the weights of plan "${plan.name}" sum to ${show(total)}; they must sum to its FullScore ${show(plan.fullScore)} or to 100%`,
      `指标表 ${range}：方案 "${plan.name}" 的权重合计为 ${show(total)}；必须等于满分 ${show(plan.fullScore)} 或 100%`,
    );
    issues.error(t.name, range, "", text);
    plan.problems.push(text);
  }
}

function readGrades(t: TableView | undefined, planTable: TableView, cr: CellReader, issues: IssueLog, plans: Map<string, Plan>, lang: Lang): void {
  const scales = new Map<string, Array<GradeBand & { row: number }>>();
  /** Scales with a bad or duplicate row: plans on them cannot grade. */
  const badScales = new Set<string>();
  if (t) {
    for (let r = 0; r < t.rowCount; r++) {
      if (t.isBlankRow(r)) continue;
      const scale = cr.read(t, r, "Scale", "", requiredText);
      const min = cr.read(t, r, "MinScore", "", number);
      const label = cr.read(t, r, "Grade", "", requiredText);
      const coefficient = cr.optional(t, r, "Coefficient", "", nonNegativeNumber, ONE);
      if (scale === undefined) continue;
      if (min === undefined || label === undefined || coefficient === undefined) {
        badScales.add(keyOf(scale));
        continue;
      }
      const twin = scales.get(keyOf(scale))?.find((b) => b.min.equals(min));
      if (twin) {
        issues.error(t.name, t.address(r, "MinScore"), "", rowMessage(t, r, "MinScore", `scale "${scale}" has two bands starting at ${show(min)} ("${twin.label}", "${label}"): keep one`, `等级标准 "${scale}" 有两个等级的最低分都是 ${show(min)}（"${twin.label}"、"${label}"）：请只保留一个`));
        badScales.add(keyOf(scale));
      } else pushTo(scales, keyOf(scale), { min, label, coefficient, row: r });
    }
  }
  for (const bands of scales.values()) {
    const lowest = bands.reduce<(typeof bands)[number] | null>((lo, b) => (lo === null || b.min.lessThan(lo.min) ? b : lo), null);
    if (t && lowest && lowest.min.greaterThan(0)) {
      const scale = readText(t.value(lowest.row, "Scale"));
      issues.warn(t.name, t.address(lowest.row, "MinScore"), "", rowMessage(t, lowest.row, "MinScore", `scale "${scale}" starts at ${show(lowest.min)}: a score below it has no grade (the employee would be Error); add a band from 0`, `等级标准 "${scale}" 最低分从 ${show(lowest.min)} 开始：低于它的分数没有等级（员工将为错误）；请添加从 0 开始的等级`));
    }
  }
  for (const plan of plans.values()) {
    const bands = scales.get(keyOf(plan.gradeScale));
    if (badScales.has(keyOf(plan.gradeScale))) {
      plan.problems.push(msg(`grade scale "${plan.gradeScale}" has a bad row in Grades (see Issues)`, `等级标准 "${plan.gradeScale}" 在等级表中有错误行（见 Issues）`));
      continue;
    }
    if (bands === undefined) {
      if (keyOf(plan.gradeScale) === "default") plan.bands = defaultBands(lang);
      else {
        const at = planTable.address(plan.row, "GradeScale");
        const text = msg(`Plans ${at}: grade scale "${plan.gradeScale}" of plan "${plan.name}" has no rows in Grades: add its bands or use Default`, `考核方案表 ${at}：方案 "${plan.name}" 的等级标准 "${plan.gradeScale}" 在等级表中没有数据：请添加或使用 Default`);
        issues.error("Plans", at, "", text);
        plan.problems.push(text);
      }
      continue;
    }
    plan.bands = bands.map(({ min, label, coefficient }) => ({ min, label, coefficient }));
  }
}

const RATER_CHOICE = choice(RATER_WORDS, "Self" as RaterType);

/** A rater type (Self/自评, Peer/互评, Supervisor/上级, Customer/客户); blank or other words are errors. */
export const readRater = (v: CellValue, h: string): RaterType => RATER_CHOICE(requiredText(v, h), h);

function readRaterWeights(t: TableView | undefined, cr: CellReader, issues: IssueLog, plans: Map<string, Plan>): void {
  if (!t) return;
  const rowsByPlan = new Map<string, number[]>();
  forEachPlanRow(t, cr, issues, plans, (r, plan) => {
    const before = issues.list.length;
    const rater = cr.read(t, r, "Rater", "", readRater);
    const weight = cr.read(t, r, "Weight", "", nonNegativeNumber);
    if (rater !== undefined && plan.raterWeights.has(rater)) {
      issues.error(t.name, t.address(r, "Rater"), "", rowMessage(t, r, "Rater", `plan "${plan.name}" gives rater ${rater} a weight twice: keep one row`, `方案 "${plan.name}" 的评价人 ${RATER_ZH[rater]} 权重出现两次：请只保留一行`));
    }
    for (const e of issues.list.slice(before)) plan.problems.push(e.text);
    if (rater === undefined || weight === undefined) return;
    plan.raterWeights.set(rater, weight);
    pushTo(rowsByPlan, plan.key, r);
  });
  for (const plan of plans.values()) {
    if (plan.raterWeights.size === 0) continue;
    const total = sum([...plan.raterWeights.values()]);
    if (total.equals(100) || total.equals(1)) continue;
    const range = t.columnRange("Weight", rowsByPlan.get(plan.key) ?? []);
    const text = msg(`RaterWeights ${range}: the rater weights of plan "${plan.name}" sum to ${show(total)}; they must sum to 100 or 100%`, `评价权重表 ${range}：方案 "${plan.name}" 的评价人权重合计为 ${show(total)}；必须为 100 或 100%`);
    issues.error(t.name, range, "", text);
    plan.problems.push(text);
  }
}

function readTiers(t: TableView | undefined, cr: CellReader, issues: IssueLog, plans: Map<string, Plan>): void {
  if (!t) return;
  forEachPlanRow(t, cr, issues, plans, (r, plan) => {
    const before = issues.list.length;
    const minAttainment = cr.read(t, r, "MinAttainment", "", nonNegativeNumber);
    const multiplier = cr.read(t, r, "Multiplier", "", nonNegativeNumber);
    if (minAttainment !== undefined && plan.tiers?.some((x) => x.minAttainment.equals(minAttainment))) {
      issues.error(t.name, t.address(r, "MinAttainment"), "", rowMessage(t, r, "MinAttainment", `plan "${plan.name}" has two tiers starting at ${show(minAttainment)}: keep one`, `方案 "${plan.name}" 有两个档位的最低完成率都是 ${show(minAttainment)}：请只保留一个`));
    }
    for (const e of issues.list.slice(before)) plan.problems.push(e.text);
    if (minAttainment === undefined || multiplier === undefined) return;
    plan.tiers = [...(plan.tiers ?? []), { minAttainment, multiplier }];
  });
}

function readIncentiveRules(t: TableView | undefined, cr: CellReader, issues: IssueLog, plans: Map<string, Plan>): void {
  if (!t) return;
  forEachPlanRow(t, cr, issues, plans, (r, plan) => {
    const before = issues.list.length;
    const item = cr.read(t, r, "Item", "", requiredText);
    const perUnit = cr.read(t, r, "PerUnit", "", number);
    const perShort = cr.optional(t, r, "PerShort", "", nonNegativeNumber, null);
    const perOver = cr.optional(t, r, "PerOver", "", nonNegativeNumber, null);
    const onComplete = cr.optional(t, r, "OnComplete", "", nonNegativeNumber, null);
    if (item !== undefined && plan.incentiveRules.has(keyOf(item))) {
      issues.error(t.name, t.address(r, "Item"), "", rowMessage(t, r, "Item", `plan "${plan.name}" has two rules for item "${item}": keep one`, `方案 "${plan.name}" 的项目 "${item}" 有两条规则：请只保留一条`));
    }
    if (issues.list.length > before) {
      // A bad rule only matters to employees with that item; they are flagged when it is used.
      if (item !== undefined && !plan.incentiveRules.has(keyOf(item))) plan.incentiveRules.set(keyOf(item), { item, row: r, bad: true, perUnit: ZERO, perShort: null, perOver: null, onComplete: null });
      return;
    }
    plan.incentiveRules.set(keyOf(item as string), { item: item as string, row: r, bad: false, perUnit: perUnit as D, perShort: perShort ?? null, perOver: perOver ?? null, onComplete: onComplete ?? null });
  });
}

function readEmployees(t: TableView, cr: CellReader, issues: IssueLog, plans: Map<string, Plan>): { employees: Employee[]; byKey: Map<string, Employee[]> } {
  const employees: Employee[] = [];
  for (let r = 0; r < t.rowCount; r++) {
    if (t.isBlankRow(r)) continue;
    const before = issues.list.length;
    const id = cr.read(t, r, "EmployeeId", "", requiredText) ?? "";
    const at = <T>(key: string, read: (v: CellValue, h: string) => T) => cr.read(t, r, key, id, read);
    const name = at("Name", requiredText) ?? "";
    const planName = at("Plan", requiredText) ?? "";
    const department = readText(t.value(r, "Department"));
    const monthlyBase = at("MonthlyBase", nonNegativeNumber) ?? null;
    const joinDate = t.has("JoinDate") ? at("JoinDate", optionalDate) ?? null : null;
    const leaveDate = t.has("LeaveDate") ? at("LeaveDate", optionalDate) ?? null : null;
    const plan = planName ? planAt(t, r, plans, issues, id, planName) : null;
    if (joinDate && leaveDate && leaveDate.getTime() < joinDate.getTime()) {
      issues.error(t.name, t.address(r, "LeaveDate"), id, rowMessage(t, r, "LeaveDate", "LeaveDate is before JoinDate: correct one of them", "离职日期早于入职日期：请更正其中之一"));
    }
    for (const i of issues.list.slice(before)) i.employeeId = id;
    employees.push({ id, key: keyOf(id), row: r, name, planName, plan, department, monthlyBase, joinDate, leaveDate, bad: issues.list.length > before, duplicate: false });
  }
  const byKey = new Map<string, Employee[]>();
  for (const e of employees) if (e.key) pushTo(byKey, e.key, e);
  for (const same of byKey.values()) {
    if (same.length < 2) continue;
    const rows = same.map((e) => e.row);
    for (const e of same) {
      e.duplicate = true;
      issues.error(t.name, t.address(e.row, "EmployeeId"), e.id, rowMessage(t, e.row, "EmployeeId", `EmployeeId "${e.id}" is on ${same.length} rows (${t.columnRange("EmployeeId", rows)}): which one is right cannot be known; keep one row per employee`, `员工编号 "${e.id}" 出现在 ${same.length} 行（${t.columnRange("EmployeeId", rows)}）：无法判断哪一行正确；每位员工只保留一行`));
    }
  }
  return { employees, byKey };
}

export function buildModel(views: Map<string, TableView>, issues: IssueLog, lang: Lang): Model {
  const cr = new CellReader(issues, lang);
  const plans = readPlans(views.get("Plans") as TableView, cr, issues);
  readIndicators(views.get("Indicators") as TableView, views.get("Plans") as TableView, cr, issues, plans);
  readGrades(views.get("Grades"), views.get("Plans") as TableView, cr, issues, plans, lang);
  readRaterWeights(views.get("RaterWeights"), cr, issues, plans);
  readTiers(views.get("CommissionTiers"), cr, issues, plans);
  readIncentiveRules(views.get("IncentiveRules"), cr, issues, plans);
  const { employees, byKey } = readEmployees(views.get("Employees") as TableView, cr, issues, plans);
  return { lang, plans, employees, employeesByKey: byKey, views };
}
