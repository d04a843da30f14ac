/**
 * The Tasks/任务清单 rule in a quarter's recalculation (SPEC §3): a task-list indicator is scored as
 * KPI.TASKS over the employee's Tasks rows of the quarter for it, not from Actuals. Each bad row is an
 * issue at its cell (an unknown or blank status, a daily task without points, a fifth exception task);
 * no rows at all is a missing input, as a missing Actual is. Rows that name an indicator whose rule is
 * not Tasks, or none of the plan's, are Warnings and not used.
 */
import { RULE_ZH, TASK_RULES } from "./contract";
import { D } from "./decimal";
import { explainTasks } from "./explain";
import { Issue, issue, msg } from "./issues";
import { ActualRow, Employee, Indicator, Plan, TaskRow, Workbook } from "./model";
import { Quarter, periodText } from "./periods";
import * as rules from "./rules";
import { keyOf } from "./read/names";
import { note } from "./read/view";
import { isBlank } from "./values";
import { missingRow } from "./missing";

/** A task list scored: its points, the number of tasks done (Breakdown's Actual) and the sentence. */
export interface TasksScored {
  points: D;
  actual: number;
  why: string;
}

/**
 * The quarter's Tasks rows by the index of the Tasks indicator they name. Rows of the quarter's months,
 * rows naming an indicator of another rule and rows naming none of the plan's are Warnings, once per name.
 */
export function tasksByIndicator(
  wb: Workbook,
  e: Employee,
  plan: Plan,
  q: Quarter,
  rows: readonly TaskRow[],
  monthRows: readonly TaskRow[],
  issues: Issue[],
): Array<TaskRow[] | undefined> {
  const byIndicator: Array<TaskRow[] | undefined> = [];
  const t = wb.views.get("Tasks");
  if (!t) return byIndicator;
  for (const row of monthRows) {
    for (const n of row.notes) issues.push(n);
    issues.push(
      t.warn(
        row.row,
        "Period",
        e.id,
        `the period is the month ${periodText(row.period)}; task lists are scored per quarter, so this row is not used: enter ${q.text}`,
        `考核周期为月份 ${periodText(row.period)}；任务清单按季度计分，此行未使用：请填写 ${q.text}`,
      ),
    );
  }
  const warned = new Set<string>();
  for (const row of rows) {
    for (const n of row.notes) issues.push(n);
    const ind = row.indicator;
    if (ind && plan.indicators[ind.index] === ind && ind.rule === "Tasks") {
      const list = byIndicator[ind.index];
      if (list) list.push(row);
      else byIndicator[ind.index] = [row];
      continue;
    }
    const name = keyOf(row.indicatorText);
    if (row.indicatorText === "" || warned.has(name) || plan.unreadIndicators.named(row.indicatorText)) continue;
    warned.add(name);
    if (ind && plan.indicators[ind.index] === ind) {
      issues.push(
        t.warn(
          row.row,
          "Indicator",
          e.id,
          `"${ind.name}" is scored by the ${ind.rule} rule, not from Tasks: its tasks are not used; set its Rule to Tasks, or correct the indicator`,
          `指标 "${ind.name}" 按${RULE_ZH[ind.rule]}规则计分，不使用任务清单：这些工作事项未使用；请把计分规则设为任务清单，或更正指标`,
        ),
      );
    } else {
      issues.push(
        t.warn(
          row.row,
          "Indicator",
          e.id,
          `indicator "${row.indicatorText}" is not in plan "${plan.name}": its tasks are ignored; correct the name`,
          `指标 "${row.indicatorText}" 不属于方案 "${plan.name}"：这些工作事项被忽略；请更正名称`,
        ),
      );
    }
  }
  return byIndicator;
}

/** Points of a Tasks indicator from its rows of the quarter; null when they are missing or bad. */
export function scoreTasks(
  wb: Workbook,
  e: Employee,
  ind: Indicator,
  rows: readonly TaskRow[],
  actual: ActualRow | undefined,
  q: Quarter,
  issues: Issue[],
): TasksScored | null {
  const t = wb.views.get("Tasks");
  const at = wb.views.get("Actuals");
  if (actual && at && !isBlank(actual.raw)) {
    issues.push(
      at.warn(
        actual.row,
        "Actual",
        e.id,
        `"${ind.name}" is a task list, scored from Tasks, so this Actual is not used`,
        `指标 "${ind.name}" 为任务清单，按任务清单表计分，此实际值未使用`,
      ),
    );
  }
  if (!t || rows.length === 0) {
    issues.push(
      missingRow(
        wb,
        e,
        "Tasks",
        msg(
          `Tasks has no row for ${e.id} "${ind.name}" in ${q.text}: list the tasks there (no tasks is not full marks)`,
          `任务清单表中没有 ${e.id} 的指标 "${ind.name}"（${q.text}）的工作事项：请列出（没有工作事项不等于满分）`,
        ),
      ),
    );
    return null;
  }
  if (!t.has("Points")) {
    issues.push(
      issue(
        "Error",
        "Tasks",
        "",
        e.id,
        msg(`Tasks has no column Points/分值: add it, with each daily task's points`, `任务清单表缺少列 Points/分值：请添加，并填写每项日常工作的分值`),
      ),
    );
    return null;
  }
  const items: rules.TaskItem[] = [];
  let usable = true;
  let kindsKnown = true;
  let daily = 0;
  let exceptions = 0;
  for (const row of rows) {
    if (note(row.task, issues) && row.task.value === "")
      issues.push(
        t.warn(row.row, "Task", e.id, "Task is empty: say what the task was, so the employee can tell", "工作事项为空：请写明是什么工作，便于员工核对"),
      );
    const kind = row.kind;
    const points = row.points;
    const status = row.status;
    // An exception task's points are not read at all (SPEC §2: "their points are ignored"): only a daily task's are noted.
    const isDaily = kind.ok && kind.value === "Daily";
    const fine = [note(kind, issues), isDaily ? note(points, issues) : true, note(status, issues)].every(Boolean);
    if (!kind.ok) {
      usable = kindsKnown = false;
      continue;
    }
    if (kind.value === "Daily") {
      daily++;
      if (points.ok && points.value === null) {
        issues.push(t.error(row.row, "Points", e.id, "Points is empty: a daily task needs its points", "分值为空：日常工作需要分值"));
        usable = false;
      } else if (points.ok && points.value !== null && points.value.isZero()) {
        issues.push(
          t.error(
            row.row,
            "Points",
            e.id,
            "Points is 0: a daily task needs points above 0 (leave out a task that counts for nothing)",
            "分值为 0：日常工作的分值必须大于 0（不计分的工作请删去）",
          ),
        );
        usable = false;
      }
    } else {
      exceptions++;
      if (exceptions > TASK_RULES.maxExceptions) {
        issues.push(
          t.error(
            row.row,
            "Kind",
            e.id,
            `a fifth exception task for "${ind.name}" in ${q.text}: at most ${TASK_RULES.maxExceptions} exception tasks count; make it a daily task with its points, or leave it out`,
            `指标 "${ind.name}" 在 ${q.text} 的第 ${exceptions} 项例外工作：例外工作最多 ${TASK_RULES.maxExceptions} 项；请改为日常工作并填写分值，或删去`,
          ),
        );
        usable = false;
      } else if (!points.ok || points.value !== null) {
        // Whatever is in the cell (a number, or text that is none), it is not used: said, not an Error.
        issues.push(
          t.warn(
            row.row,
            "Points",
            e.id,
            "Points is not used for an exception task: it loses 3, 2 or 1 points whatever its points; clear it",
            "例外工作不使用分值：每项按 3、2、1 分扣分；请清除",
          ),
        );
      }
    }
    if (!fine || (isDaily && !points.ok) || !status.ok) {
      usable = false;
      continue;
    }
    items.push({ kind: kind.value, status: status.value, points: kind.value === "Daily" && points.ok ? points.value : null });
  }
  if (kindsKnown && daily === 0) {
    const range = t.columnRange(
      "Kind",
      rows.map((r) => r.row),
    );
    issues.push(
      issue(
        "Error",
        "Tasks",
        range,
        e.id,
        msg(
          `Tasks ${range}: "${ind.name}" has no daily task in ${q.text}: daily tasks make up 80% of its weight; list at least one (Kind blank or Daily)`,
          `任务清单表 ${range}：指标 "${ind.name}" 在 ${q.text} 没有日常工作：日常工作占权重的 80%；请至少列出一项（类型空白或日常）`,
        ),
      ),
    );
    return null;
  }
  if (!usable) return null;
  const res = rules.tasks(ind.points, items);
  return { points: res.points, actual: res.done, why: explainTasks(ind.points, res, wb.lang) };
}
