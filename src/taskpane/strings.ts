import { Lang } from "../engine/errors";

/** The pane's text in both languages; the pane follows Excel's display language. */
export const STRINGS = {
  en: {
    title: "KPI Bonus for Excel",
    intro: "Score KPIs and pay quarterly bonuses, commissions and penalties from the tables in this workbook.",
    functions: "Functions you can type in any cell",
    example: "Example",
  },
  zh: {
    title: "KPI 绩效奖金",
    intro: "根据本工作簿中的表格为员工 KPI 评分，计算季度奖金、提成和扣罚。",
    functions: "可在任意单元格中使用的函数",
    example: "示例",
  },
} satisfies Record<Lang, Record<string, string>>;

/** One example per function (SPEC §5), shown in the pane and the README. */
export const FUNCTION_EXAMPLES: Array<{ name: string; formula: string; result: string }> = [
  { name: "WEIGHTED", formula: "=KPI.WEIGHTED({90,80},{30,70})", result: "83" },
  { name: "STEP", formula: "=KPI.STEP(80%,90%,20,5%,2,1%,0.5)", result: "16" },
  { name: "DEDUCT", formula: "=KPI.DEDUCT(10,3,2)", result: "4" },
  { name: "COMPLETION", formula: "=KPI.COMPLETION(275,290)", result: "0.8276 (72/87)" },
  { name: "BONUS", formula: "=KPI.BONUS(36000,72/87,92)", result: "10963.86" },
  { name: "GRADE", formula: "=KPI.GRADE(92)", result: "优秀" },
  { name: "COMMISSION", formula: "=KPI.COMMISSION(150000,200000,2%)", result: "2100.00" },
  { name: "BIGDEAL", formula: "=KPI.BIGDEAL(250000,150000)", result: "2250.00" },
  { name: "PROJECT", formula: '=KPI.PROJECT(800000,"开拓型",88,1.2)', result: "5491.20" },
  { name: "QTARGET", formula: "=KPI.QTARGET(1160,2)", result: "290" },
  { name: "STREAK", formula: "=KPI.STREAK({1.1,0.8,0.9,0.7})", result: "3" },
  { name: "RANK", formula: "=KPI.RANK(90,{95,90,90,80})", result: "2" },
  { name: "UNITS", formula: "=KPI.UNITS(480,500,30,15,,100)", result: "14100.00" },
];
