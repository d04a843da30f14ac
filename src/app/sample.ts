/**
 * The sample workbook of `kpi init`: every table of SPEC §3, filled from the seed schemes —
 * presales (seed 004: KPI table, targets split 15/25/30/30 of 1160, task base 70%, big-deal bonus),
 * presales on a task list (seed 004's 售前绩效考核制度: daily duties 80%, exception work 20%, −2 per
 * weekly report not sent on time, the five bands 91/81/71/60), account executive (seed 000:
 * 30/20/20/15/15, grade coefficients that raise or cut the bonus), customer manager (seed 001: monthly
 * commission tiers, the 3-month miss penalty, banquet, display and outlet incentives, inspection fines;
 * seed 002: a reward for 3 months in a row at target), 360° ratings, and a dozen employees.
 * One file: the sample's tables are read together (an employee's plan, indicators, actuals and targets must agree); it is data, not logic.
 */
import { INPUT_TABLES, RULE_ZH } from "../engine/contract";
import { Lang } from "../engine/errors";
import { CellValue } from "../workbook/port";

export interface SampleTable {
  name: string;
  /** Sheet name: the Chinese alias or the English name. */
  sheet: string;
  headers: string[];
  rows: CellValue[][];
  /** Number formats by column key: "0%" for rates, "yyyy-mm-dd" for dates. */
  formats: Record<string, string>;
}

type Bi = [string, string];
const t = (lang: Lang, [zh, en]: Bi) => (lang === "zh" ? zh : en);

const PLAN = {
  presales: ["售前顾问", "Presales"] as Bi,
  project: ["售前顾问-项目制", "Presales (project)"] as Bi,
  tasks: ["售前任务制", "Presales task list"] as Bi,
  ae: ["客户执行AE", "Account executive"] as Bi,
  cm: ["客户经理", "Customer manager"] as Bi,
};
const DEPT = { presales: ["售前支持部", "Presales Support"] as Bi, ae: ["客户执行部", "Account Services"] as Bi, cm: ["渠道销售部", "Channel Sales"] as Bi };

// seed 004 三、KPI指标及评分标准
const PRESALES_KPI: Array<[Bi, number, string, (number | null)[]]> = [
  [["市场活动的组织和支持", "Market activities"], 10, "Deduct", [null, null, 2, null, null]],
  [["产品销售人员能力培训", "Sales staff training"], 20, "Deduct", [null, null, 5, null, null]],
  [["产品销售工具", "Sales tools"], 10, "Deduct", [null, null, 5, null, null]],
  [["竞争对手分析", "Competitor analysis"], 10, "Binary", [null, null, null, null, null]],
  [["售前优秀方案率", "Excellent solution rate"], 20, "Step", [0.9, 0.05, 2, 0.01, 0.5]],
  [["项目支持成功率", "Project success rate"], 20, "Step", [0.85, 0.05, 2, 0.01, 0.5]],
  [["人力资源考核", "HR compliance"], 10, "Deduct", [null, null, 1, null, null]],
];
// seed 000 一、考核指标设置
const AE_KPI: Array<[Bi, number]> = [
  [["工作完成度", "Work completion"], 0.3],
  [["业务拓展", "Business development"], 0.2],
  [["项目进度", "Project progress"], 0.2],
  [["团队协作", "Teamwork"], 0.15],
  [["自我提升", "Self-improvement"], 0.15],
];
const CM_KPI: Array<[Bi, number, string, (number | null)[]]> = [
  [["销售任务达成率", "Sales attainment"], 60, "Ratio", [1, null, null, null, null]],
  [["客户满意度", "Customer satisfaction"], 25, "Score", [null, null, null, null, null]],
  [["市场检核", "Market inspection"], 15, "Deduct", [null, null, 5, null, null]],
];

// seed 004 售前绩效考核制度 第四条–第八条: a 100-point task list (日常工作 80%, 例外工作 20%, at most four exception
// items), and −2 points of the month's score for each weekly report (周工作总结计划) not sent on Monday. The report
// deduction is an indicator of weight 0 whose floor lets it go below 0: it takes points off the 100 of the task
// list, at most 14 Mondays of a quarter × 2.
const DUTIES: Bi = ["工作任务", "Work tasks"];
const WEEKLY: Bi = ["周工作总结计划", "Weekly report"];
const TASKS_KPI: Array<[Bi, number, string, (number | null)[], number | null]> = [
  [DUTIES, 100, "Tasks", [null, null, null, null, null], null],
  [WEEKLY, 0, "Deduct", [null, null, 2, null, null], -28],
];

interface Person {
  id: string;
  name: Bi;
  plan: keyof typeof PLAN;
  dept: keyof typeof DEPT;
  base: number;
  join?: Date;
  leave?: Date;
}

const PEOPLE: Person[] = [
  { id: "P001", name: ["张伟", "Zhang Wei"], plan: "presales", dept: "presales", base: 12000 },
  { id: "P002", name: ["李娜", "Li Na"], plan: "tasks", dept: "presales", base: 10000 },
  { id: "P003", name: ["王强", "Wang Qiang"], plan: "tasks", dept: "presales", base: 8000, join: new Date(Date.UTC(2026, 4, 6)) },
  { id: "P004", name: ["刘洋", "Liu Yang"], plan: "project", dept: "presales", base: 9000 },
  { id: "A001", name: ["陈静", "Chen Jing"], plan: "ae", dept: "ae", base: 10000 },
  { id: "A002", name: ["杨帆", "Yang Fan"], plan: "ae", dept: "ae", base: 11000 },
  { id: "A003", name: ["赵敏", "Zhao Min"], plan: "ae", dept: "ae", base: 9500 },
  { id: "A004", name: ["黄磊", "Huang Lei"], plan: "ae", dept: "ae", base: 9000 },
  { id: "C001", name: ["周杰", "Zhou Jie"], plan: "cm", dept: "cm", base: 6000 },
  { id: "C002", name: ["吴芳", "Wu Fang"], plan: "cm", dept: "cm", base: 6000 },
  { id: "C003", name: ["徐明", "Xu Ming"], plan: "cm", dept: "cm", base: 6500 },
  { id: "C004", name: ["孙丽", "Sun Li"], plan: "cm", dept: "cm", base: 5800 },
];

/** Presales actuals per quarter: activities missed, trainings missed, tools missing, analysis done, solution rate, success rate, HR points off. */
const PRESALES_ACTUALS: Record<string, Record<string, CellValue[]>> = {
  P001: { "2026-Q1": [0, 0, 1, "是", 0.9, 0.86, 2], "2026-Q2": [0, 0, 0, "是", 0.8, 0.85, 4] },
  P004: { "2026-Q1": [0, 0, 0, "是", 0.95, 0.9, 1], "2026-Q2": [0, 0, 0, "是", 0.93, 0.88, 0] },
};
const AE_ACTUALS: Record<string, Record<string, number[]>> = {
  A001: { "2026-Q1": [85, 80, 90, 88, 75], "2026-Q2": [90, 80, 85, 0, 70] },
  A002: { "2026-Q1": [95, 90, 92, 90, 85], "2026-Q2": [96, 92, 95, 0, 90] },
  A003: { "2026-Q1": [70, 65, 72, 70, 60], "2026-Q2": [75, 70, 68, 0, 65] },
  A004: { "2026-Q1": [60, 55, 58, 60, 50], "2026-Q2": [55, 50, 60, 0, 50] },
};
/** Q2 teamwork ratings (Self, Peer, Supervisor, Customer); A003 has no customer rating. */
const AE_RATINGS: Record<string, Array<number | null>> = { A001: [90, 80, 85, 88], A002: [95, 92, 94, 96], A003: [80, 70, 72, null], A004: [70, 60, 55, 58] };
const CM_ACTUALS: Record<string, Record<string, number[]>> = {
  C001: { "2026-Q1": [0.92, 85, 1], "2026-Q2": [1.05, 90, 0] },
  C002: { "2026-Q1": [1.1, 80, 0], "2026-Q2": [0.98, 88, 1] },
  C003: { "2026-Q1": [0.7, 75, 2], "2026-Q2": [0.65, 70, 3] },
  C004: { "2026-Q1": [0.95, 92, 0], "2026-Q2": [1.2, 95, 0] },
};
/** Weekly reports sent late, per quarter. */
const WEEKLY_LATE: Record<string, Record<string, number>> = { P002: { "2026-Q1": 0, "2026-Q2": 1 }, P003: { "2026-Q2": 0 } };
type Task = [Bi, "日常" | "例外", number | null, "完成" | "未完成" | "未按要求完成" | "未及时完成"];
const TASK_STATUS_EN = { 完成: "Done", 未完成: "NotDone", 未按要求完成: "NotAsRequired", 未及时完成: "Late" } as const;
/**
 * Task lists per quarter. P002's 2026-Q2 is SPEC §5's: daily 30 done, 30 late, 20 not as required, 20 not done
 * lose 0 + 6 + 10 + 16 of 100 → 54.4; exceptions not done and late → 100 × (20 − 3 − 1)/100 = 16; 70.4.
 */
const TASKS: Record<string, Record<string, Task[]>> = {
  P002: {
    "2026-Q1": [
      [["售前方案编写", "Solution proposals"], "日常", 30, "完成"],
      [["产品演示", "Product demos"], "日常", 30, "完成"],
      [["投标文件编写", "Bid documents"], "日常", 20, "完成"],
      [["竞争对手分析", "Competitor analysis"], "日常", 20, "未及时完成"],
      [["总经理安排：年度方案评审", "CEO's assignment: annual solution review"], "例外", null, "完成"],
    ],
    "2026-Q2": [
      [["售前方案编写", "Solution proposals"], "日常", 30, "完成"],
      [["产品演示", "Product demos"], "日常", 30, "未及时完成"],
      [["投标文件编写", "Bid documents"], "日常", 20, "未按要求完成"],
      [["竞争对手分析", "Competitor analysis"], "日常", 20, "未完成"],
      [["总经理安排：行业展会筹备", "CEO's assignment: trade fair"], "例外", null, "未完成"],
      [["部门主管安排：客户培训", "Manager's assignment: customer training"], "例外", null, "未及时完成"],
    ],
  },
  P003: {
    "2026-Q2": [
      [["售前方案编写", "Solution proposals"], "日常", 40, "完成"],
      [["产品演示", "Product demos"], "日常", 30, "完成"],
      [["客户需求调研", "Customer requirement surveys"], "日常", 30, "未及时完成"],
    ],
  },
};
/**
 * Monthly sales Jan–Jun against a 200000 target at 2%. C003 misses March, April, May: the 3rd miss (May) costs 300.
 * C004 meets every month: its run of months at target reaches 3 in March and 6 in June, 500 each (HitBonus).
 */
const MONTHLY_SALES: Record<string, number[]> = {
  C001: [210000, 150000, 230000, 210000, 150000, 90000],
  C002: [205000, 220000, 240000, 180000, 260000, 200000],
  C003: [200000, 210000, 120000, 90000, 140000, 230000],
  C004: [250000, 260000, 210000, 300000, 280000, 320000],
};

export function sampleTables(lang: Lang = "zh"): SampleTable[] {
  const rows: Record<string, CellValue[][]> = {};
  const put = (name: string, r: CellValue[]) => (rows[name] = [...(rows[name] ?? []), r]);
  const plan = (k: keyof typeof PLAN) => t(lang, PLAN[k]);
  const basis = (b: "Department" | "Employee") => (lang === "zh" ? (b === "Department" ? "部门" : "员工") : b);

  for (const p of PEOPLE) put("Employees", [p.id, t(lang, p.name), plan(p.plan), t(lang, DEPT[p.dept]), p.base, p.join ?? null, p.leave ?? null]);

  put("Plans", [
    plan("presales"),
    100,
    0.4,
    0.7,
    basis("Department"),
    "Default",
    lang === "zh" ? "大项目奖" : "BigDeal",
    100000,
    0.015,
    null,
    null,
    null,
    null,
    null,
    null,
  ]);
  put("Plans", [
    plan("project"),
    100,
    0.4,
    0.7,
    basis("Department"),
    "Default",
    lang === "zh" ? "项目奖" : "Project",
    null,
    null,
    0.005,
    null,
    null,
    null,
    null,
    null,
  ]);
  put("Plans", [
    plan("ae"),
    100,
    0.4,
    0.7,
    basis("Employee"),
    lang === "zh" ? "AE等级" : "AE scale",
    lang === "zh" ? "无" : "None",
    null,
    null,
    null,
    null,
    null,
    null,
    null,
    null,
  ]);
  put("Plans", [
    plan("cm"),
    100,
    0.2,
    0.7,
    basis("Employee"),
    "Default",
    lang === "zh" ? "无" : "None",
    null,
    null,
    null,
    300,
    3,
    lang === "zh" ? "整体" : "Whole",
    500,
    3,
  ]);
  // Last, so the rows above keep their cells. The Default scale is seed 004's five bands: 优秀 91–100, 良好 81–90,
  // 称职 71–80, 基本称职 60–70, 不称职 below.
  put("Plans", [
    plan("tasks"),
    100,
    0.4,
    0.7,
    basis("Department"),
    "Default",
    lang === "zh" ? "大项目奖" : "BigDeal",
    100000,
    0.015,
    null,
    null,
    null,
    null,
    null,
    null,
  ]);

  const rule = (r: string) => (lang === "zh" ? RULE_ZH[r as keyof typeof RULE_ZH] : r);
  for (const k of ["presales", "project"] as const)
    for (const [name, w, r, p] of PRESALES_KPI) put("Indicators", [plan(k), t(lang, name), w, rule(r), ...p, null, null]);
  for (const [name, w] of AE_KPI) put("Indicators", [plan("ae"), t(lang, name), w, rule("Score"), null, null, null, null, null, null, null]);
  for (const [name, w, r, p] of CM_KPI) put("Indicators", [plan("cm"), t(lang, name), w, rule(r), ...p, null, r === "Ratio" ? 72 : null]);
  for (const [name, w, r, p, floor] of TASKS_KPI) put("Indicators", [plan("tasks"), t(lang, name), w, rule(r), ...p, floor, null]);

  for (const [id, byQ] of Object.entries(PRESALES_ACTUALS))
    for (const [q, vals] of Object.entries(byQ))
      PRESALES_KPI.forEach(([name], i) =>
        put("Actuals", [id, q, t(lang, name), lang === "en" && typeof vals[i] === "string" ? (vals[i] === "是" ? "Yes" : "No") : vals[i]]),
      );
  for (const [id, byQ] of Object.entries(WEEKLY_LATE)) for (const [q, late] of Object.entries(byQ)) put("Actuals", [id, q, t(lang, WEEKLY), late]);
  for (const [id, byQ] of Object.entries(TASKS)) {
    for (const [q, list] of Object.entries(byQ)) {
      for (const [task, kind, points, status] of list)
        put("Tasks", [
          id,
          q,
          t(lang, DUTIES),
          t(lang, task),
          lang === "zh" ? kind : kind === "日常" ? "Daily" : "Exception",
          points,
          lang === "zh" ? status : TASK_STATUS_EN[status],
        ]);
    }
  }
  for (const [id, byQ] of Object.entries(AE_ACTUALS)) {
    for (const [q, vals] of Object.entries(byQ))
      AE_KPI.forEach(([name], i) => (q === "2026-Q2" && i === 3 ? undefined : put("Actuals", [id, q, t(lang, name), vals[i]])));
  }
  for (const [id, byQ] of Object.entries(CM_ACTUALS))
    for (const [q, vals] of Object.entries(byQ)) CM_KPI.forEach(([name], i) => put("Actuals", [id, q, t(lang, name), vals[i]]));

  // Department target 1160 (万元) split 15/25/30/30: 174, 290, 348, 348; Q2 actual 275 → completion 72/87.
  // Q3 and Q4 actuals are left blank for HR to fill in (a blank is never taken as 0).
  const presalesDept = t(lang, DEPT.presales);
  [174, 290, 348, 348].forEach((target, i) => put("Targets", [presalesDept, `2026-Q${i + 1}`, target, i === 0 ? 180 : i === 1 ? 275 : null]));
  const individual: Record<string, Array<[number, number]>> = {
    A001: [
      [100, 96],
      [100, 94],
    ],
    A002: [
      [120, 130],
      [120, 126],
    ],
    A003: [
      [90, 80],
      [90, 85],
    ],
    A004: [
      [80, 60],
      [80, 58],
    ],
    C001: [
      [600000, 590000],
      [600000, 450000],
    ],
    C002: [
      [600000, 665000],
      [600000, 640000],
    ],
    C003: [
      [600000, 530000],
      [600000, 460000],
    ],
    C004: [
      [600000, 720000],
      [600000, 900000],
    ],
  };
  for (const [id, qs] of Object.entries(individual)) qs.forEach(([target, actual], i) => put("Targets", [id, `2026-Q${i + 1}`, target, actual]));

  const ae = lang === "zh" ? "AE等级" : "AE scale";
  const labels = lang === "zh" ? ["优秀", "良好", "合格", "不合格"] : ["Excellent", "Good", "Pass", "Fail"];
  // seed 000 三、1: 优秀者奖金上浮，不合格者奖金下调
  [
    [90, 1.2],
    [80, 1],
    [60, 0.8],
    [0, 0.5],
  ].forEach(([min, c], i) => put("Grades", [ae, min, labels[i], c]));

  const raters = lang === "zh" ? ["自评", "互评", "上级", "客户"] : ["Self", "Peer", "Supervisor", "Customer"];
  for (const [id, scores] of Object.entries(AE_RATINGS))
    scores.forEach((s, i) => (s === null ? undefined : put("Ratings", [id, "2026-Q2", t(lang, AE_KPI[3][0]), raters[i], s])));
  [10, 30, 40, 20].forEach((w, i) => put("RaterWeights", [plan("ae"), raters[i], w]));

  const types = lang === "zh" ? ["开拓型", "稳定型", "复制型"] : ["pioneer", "standard", "replica"];
  put("Deals", ["D-2604-01", "P001", "2026-04", 250000, 150000, null, null, null]);
  put("Deals", ["D-2605-02", "P001", "2026-05", 90000, 90000, null, null, null]);
  put("Deals", ["D-2606-03", "P002", "2026-Q2", 180000, 100000, null, null, null]);
  put("Deals", ["D-2605-04", "P004", "2026-05", 800000, 600000, types[0], 88, 1.2]);
  put("Deals", ["D-2606-05", "P004", "2026-06", 300000, 300000, types[2], 90, null]);
  put("Deals", ["D-2607-06", "P001", "2026-07", 500000, 0, null, null, null]);

  for (const [id, months] of Object.entries(MONTHLY_SALES)) months.forEach((actual, i) => put("Sales", [id, `2026-0${i + 1}`, 200000, actual, 0.02]));
  [
    [0.5, 0.7],
    [1, 1],
  ].forEach(([min, m]) => put("CommissionTiers", [plan("cm"), min, m]));

  const item = (zh: string, en: string) => (lang === "zh" ? zh : en);
  const banquet = item("家宴", "Banquets");
  const display = item("集中陈列", "Displays");
  const outlet = item("网点开发", "Outlets");
  const fines = item("市场检核罚款", "Inspection fines");
  put("IncentiveRules", [plan("cm"), banquet, 100, 50, 300, null]);
  put("IncentiveRules", [plan("cm"), display, 0, 20, null, 100]);
  put("IncentiveRules", [plan("cm"), outlet, 30, 15, null, 100]);
  put("IncentiveRules", [plan("cm"), fines, -100, null, null, null]);
  const inc: Array<[string, string, string, number | null, number]> = [
    ["C001", "2026-Q2", outlet, 500, 480],
    ["C001", "2026-Q2", display, 50, 45],
    ["C002", "2026-Q2", outlet, 500, 520],
    ["C002", "2026-Q2", display, 50, 50],
    ["C002", "2026-05", banquet, 4, 6],
    ["C003", "2026-06", fines, null, 2],
    ["C004", "2026-Q2", banquet, 6, 5],
  ];
  for (const r of inc) put("Incentives", r);
  put("Adjustments", ["P002", "2026-Q2", 500, item("春节值班补贴", "Holiday duty allowance")]);
  put("Adjustments", ["C003", "2026-06", -200, item("借支扣回", "Advance repaid")]);

  return INPUT_TABLES.map((spec) => {
    const formats: Record<string, string> = {};
    const percentCols: Record<string, string[]> = {
      Plans: ["BonusRate", "TaskBase", "BigDealRate", "PoolRate"],
      Sales: ["Rate"],
      CommissionTiers: ["MinAttainment"],
    };
    for (const c of percentCols[spec.name] ?? []) formats[c] = "0.0%";
    if (spec.name === "Employees") formats.JoinDate = formats.LeaveDate = "yyyy-mm-dd";
    return {
      name: spec.name,
      sheet: lang === "zh" ? spec.zh : spec.name,
      headers: spec.columns.map((c) => (lang === "zh" ? c.zh : c.key)),
      rows: rows[spec.name] ?? [],
      formats,
    };
  });
}
