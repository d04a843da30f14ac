/**
 * KPI.TASKS (SPEC §2, seed 004 第五条、第八条): daily tasks are 80% of the weight, each losing 80% of its
 * points when NotDone, 50% when NotAsRequired, 20% when Late; exception tasks are 20%, each losing 3, 2
 * or 1 of 100 points; at most 4 of them. Expected values are worked out by hand from those words.
 */
import { describe, expect, it } from "vitest";
import * as f from "../../src/functions/functions";
import { errorOf } from "../support/excelErrors";

/** A column range as Excel passes it: one row per task. */
const col = (...cells: unknown[]) => cells.map((c) => [c]);

describe("KPI.TASKS: SPEC §5's task list", () => {
  const points = col(30, 30, 20, 20, null, null);
  const statuses = col("Done", "Late", "NotAsRequired", "NotDone", "NotDone", "Late");
  const kinds = col("Daily", "Daily", "Daily", "Daily", "Exception", "Exception");

  it("scores 70.4 under weight 100", () => {
    // Daily loss 0 + 30×20% + 20×50% + 20×80% = 0 + 6 + 10 + 16 = 32 of 100 → 0.8 × 100 × 68/100 = 54.4;
    // exceptions NotDone 3 + Late 1 → 100 × (20 − 4)/100 = 16; 54.4 + 16 = 70.4.
    expect(f.tasks(100, points, statuses, kinds)).toBe(70.4);
  });

  it("scores 35.2 under weight 50", () => {
    // 0.8 × 50 × 68/100 = 27.2; 50 × 16/100 = 8; 27.2 + 8 = 35.2.
    expect(f.tasks(50, points, statuses, kinds)).toBe(35.2);
  });

  it("reads the same list in Chinese", () => {
    const zh = col("完成", "未及时完成", "未按要求完成", "未完成", "未完成", "未及时完成");
    expect(f.tasks(100, points, zh, col("日常", "日常", "日常", "日常", "例外", "例外"))).toBe(70.4);
  });
});

describe("KPI.TASKS: each status", () => {
  // One daily task of 100 points and no exception task: 0.8 × 100 × (100 − loss)/100 + 100 × 20/100.
  it.each([
    ["Done", 100], // 80 + 20
    ["完成", 100],
    ["NotDone", 36], // 80 × 20/100 = 16, + 20
    ["未完成", 36],
    ["NotAsRequired", 60], // 80 × 50/100 = 40, + 20
    ["未按要求完成", 60],
    ["Late", 84], // 80 × 80/100 = 64, + 20
    ["未及时完成", 84],
  ])("a daily task %s scores %d", (status, points) => {
    expect(f.tasks(100, col(100), col(status), null as never)).toBe(points);
  });

  // One daily task done (80) and one exception task: 100 × (20 − deduction)/100.
  it.each([
    ["Done", 100], // 80 + 20
    ["完成", 100],
    ["NotDone", 97], // 80 + 17
    ["未完成", 97],
    ["NotAsRequired", 98], // 80 + 18
    ["未按要求完成", 98],
    ["Late", 99], // 80 + 19
    ["未及时完成", 99],
  ])("an exception task %s scores %d with a daily task done", (status, points) => {
    expect(f.tasks(100, col(10, null), col("Done", status), col("Daily", "Exception"))).toBe(points);
    expect(f.tasks(100, col(10, null), col("完成", status), col("日常", "例外"))).toBe(points);
  });

  it("takes statuses and kinds without regard to case or spaces", () => {
    // Daily 50 NotDone loses 40, 50 NotAsRequired 25: 0.8 × 100 × 35/100 = 28; exception Late: 19 → 47.
    expect(f.tasks(100, col(50, 50, null), col("not done", " NOT AS REQUIRED ", "late"), col("daily", "DAILY", " exception "))).toBe(47);
  });
});

describe("KPI.TASKS: lists", () => {
  it("gives the whole weight when every task is done", () => {
    // 0.8 × 20 × 100/100 = 16; 20 × 20/100 = 4 → 20.
    expect(f.tasks(20, col(40, 60, null), col("Done", "完成", "Done"), col("日常", "Daily", "例外"))).toBe(20);
  });

  it("gives the full 20% when there is no exception task", () => {
    // Daily 50 Late loses 10 of 100: 0.8 × 20 × 90/100 = 14.4; no exception task: 20 × 20/100 = 4 → 18.4.
    expect(f.tasks(20, col(50, 50), col("Late", "Done"), col("Daily", "Daily"))).toBe(18.4);
  });

  it("takes every task as daily when kinds is omitted (null)", () => {
    // 30 Done, 70 Late loses 14: 0.8 × 100 × 86/100 = 68.8, + 20 → 88.8.
    expect(f.tasks(100, col(30, 70), col("Done", "Late"), null as never)).toBe(88.8);
  });

  it("takes a blank kind as daily", () => {
    // As above, the second kind blank: 88.8.
    expect(f.tasks(100, col(30, 70), col("Done", "Late"), col("Daily", ""))).toBe(88.8);
  });

  it("counts four exception tasks", () => {
    // Daily done: 80; four exceptions NotDone: 100 × (20 − 12)/100 = 8 → 88.
    expect(
      f.tasks(100, col(10, null, null, null, null), col("Done", "NotDone", "NotDone", "NotDone", "NotDone"), col("Daily", "例外", "例外", "例外", "例外")),
    ).toBe(88);
  });

  it("ignores an exception task's points", () => {
    // As the list with one exception Late and no points: 80 + 19.
    expect(f.tasks(100, col(10, 7), col("Done", "Late"), col("Daily", "Exception"))).toBe(99);
  });

  it("skips rows blank in points, status and kind (room left for more tasks)", () => {
    expect(f.tasks(100, col(30, null, 70, ""), col("Done", null, "Late", ""), col("Daily", null, "", null))).toBe(88.8);
  });

  it("reads a range given as a row", () => {
    expect(f.tasks(100, [[30, 70]], [["Done", "Late"]], null as never)).toBe(88.8);
  });
});

describe("KPI.TASKS: bad arguments", () => {
  it("refuses a fifth exception task, naming its cell", () => {
    const e = errorOf(() =>
      f.tasks(
        100,
        col(10, null, null, null, null, null),
        col("Done", "Done", "Done", "Done", "Done", "Late"),
        col("Daily", "例外", "例外", "例外", "例外", "例外"),
      ),
    );
    expect(e.code).toBe("#VALUE!");
    expect(e.message).toBe("kinds cell 6 is a fifth exception task: at most 4 exception tasks count; make it a daily task or leave it out");
  });

  it("refuses a blank status", () => {
    const e = errorOf(() => f.tasks(100, col(30, 70), col("Done", ""), null as never));
    expect(e.code).toBe("#VALUE!");
    expect(e.message).toBe("statuses cell 2 is empty: enter one of Done/完成, NotDone/未完成, NotAsRequired/未按要求完成, Late/未及时完成");
  });

  it("refuses an unknown status, naming it", () => {
    const e = errorOf(() => f.tasks(100, col(30, 70), col("Done", "half done"), null as never));
    expect(e.code).toBe("#VALUE!");
    expect(e.message).toContain('statuses cell 2 "half done" is not one of Done/完成');
  });

  it("refuses an unknown kind", () => {
    const e = errorOf(() => f.tasks(100, col(30, 70), col("Done", "Done"), col("Daily", "Weekly")));
    expect(e.code).toBe("#VALUE!");
    expect(e.message).toContain('kinds cell 2 "Weekly" is not one of Daily/日常, Exception/例外');
  });

  it("refuses ranges of different sizes", () => {
    expect(errorOf(() => f.tasks(100, col(30, 70), col("Done"), null as never))).toEqual({
      code: "#VALUE!",
      message: "points has 2 cells but statuses has 1: give one status per task",
    });
    expect(errorOf(() => f.tasks(100, col(30, 70), col("Done", "Late"), col("Daily"))).message).toBe(
      "kinds has 1 cells but points has 2: give one kind per task, or leave kinds out",
    );
  });

  it("refuses a list with no daily task", () => {
    const e = errorOf(() => f.tasks(100, col(null, null), col("Done", "Late"), col("Exception", "例外")));
    expect(e.code).toBe("#VALUE!");
    expect(e.message).toContain("there is no daily task");
  });

  it("refuses a daily task without points", () => {
    const e = errorOf(() => f.tasks(100, col(30, null), col("Done", "Late"), null as never));
    expect(e.code).toBe("#VALUE!");
    expect(e.message).toBe("points cell 2 is empty: a daily task needs its points");
  });

  it("refuses negative points, asking for points above 0 (as 0 is refused too, SPEC §2)", () => {
    const e = errorOf(() => f.tasks(100, col(30, -10), col("Done", "Late"), null as never));
    expect(e.code).toBe("#NUM!");
    expect(e.message).toBe("points cell 2 is -10: it must be greater than 0");
  });

  it("refuses a daily task of 0 points", () => {
    const e = errorOf(() => f.tasks(100, col(30, 0), col("Done", "Late"), null as never));
    expect(e.code).toBe("#NUM!");
    expect(e.message).toBe("points cell 2 is 0: it must be greater than 0");
  });

  it("refuses a weight that is not a number", () => {
    const e = errorOf(() => f.tasks("all", col(30), col("Done"), null as never));
    expect(e.code).toBe("#VALUE!");
    expect(e.message).toBe('weight is the text "all", not a number: enter a number');
  });

  it("refuses a blank or negative weight", () => {
    expect(errorOf(() => f.tasks("", col(30), col("Done"), null as never)).message).toBe("weight is empty: enter a number");
    expect(errorOf(() => f.tasks(-5, col(30), col("Done"), null as never)).code).toBe("#NUM!");
  });

  it("refuses points that are text", () => {
    const e = errorOf(() => f.tasks(100, col(30, "thirty"), col("Done", "Late"), null as never));
    expect(e.code).toBe("#VALUE!");
    expect(e.message).toBe('points cell 2 is the text "thirty", not a number: enter a number');
  });
});
