import { describe, expect, it } from "vitest";
import { D } from "../../src/engine/decimal";
import { KpiError } from "../../src/engine/errors";
import { fraction, isBlank, parseNumberText, readNumber, readNumberOrBlank, readYesNo } from "../../src/engine/values";
import { requiredText } from "../../src/engine/read/readers";

const kind = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    return (e as KpiError).kind;
  }
  return "no error";
};

describe("reading numbers", () => {
  it("takes a cell number at its shortest decimal form: 0.1 + 0.2 stays 0.3", () => {
    expect(readNumber(0.1, "x").plus(readNumber(0.2, "x")).toFixed()).toBe("0.3");
  });
  it.each([
    ["85", "85"],
    [" 1,200.50 ", "1200.5"],
    ["40%", "0.4"],
    ["¥3000", "3000"],
    ["￥12,000.00", "12000"], // the full-width yen sign a Chinese input method types for Shift+4
    ["９０％", "0.9"],
    ["-2.5", "-2.5"],
  ])("reads the text %s as %s", (text, value) => {
    expect(parseNumberText(text)?.toFixed()).toBe(value);
  });
  it.each(["abc", "八十", "1,20", "12 34", "--1"])("does not guess a number in %s", (text) => {
    expect(parseNumberText(text)).toBeNull();
  });
  it("tells a blank from 0", () => {
    expect(isBlank("")).toBe(true);
    expect(isBlank("  ")).toBe(true);
    expect(isBlank(null)).toBe(true);
    expect(isBlank(0)).toBe(false);
    expect(readNumberOrBlank("", "x")).toBeNull();
    expect(readNumberOrBlank(0, "x")?.toFixed()).toBe("0");
  });
  it("passes Excel error values on as the same error", () => {
    expect(kind(() => readNumber("#N/A", "x"))).toBe("#N/A");
    expect(kind(() => readNumber("#DIV/0!", "x"))).toBe("#DIV/0!");
    expect(kind(() => readNumber("#REF!", "x"))).toBe("#VALUE!");
  });
  it("rejects TRUE and dates where a number is needed", () => {
    expect(kind(() => readNumber(true, "x"))).toBe("#VALUE!");
    expect(kind(() => readNumber(new Date(0), "x"))).toBe("#VALUE!");
  });
});

describe("rates", () => {
  it("accepts 1 (100%) and says 40 looks like a percent", () => {
    expect(fraction(new D(1), "rate").toFixed()).toBe("1");
    expect(() => fraction(new D(40), "rate")).toThrow("rate: 40 looks like a percent: enter 40% or 0.4");
  });
});

describe("yes and no", () => {
  it.each([1, true, "TRUE", "是", "Y", "yes", "done", "完成", "已完成"])("reads %s as yes", (v) => {
    expect(readYesNo(v, "x")).toBe(true);
  });
  it.each([0, false, "FALSE", "否", "N", "no", "未完成"])("reads %s as no", (v) => {
    expect(readYesNo(v, "x")).toBe(false);
  });
  it.each(["maybe", 2, "", null])("does not guess %s", (v) => {
    expect(kind(() => readYesNo(v as never, "x"))).toBe("#VALUE!");
  });
});

describe("a cell's message in Chinese", () => {
  it("joins a Chinese column name to the sentence without a space, and keeps one after a Latin name", () => {
    // Chinese sets no space between Chinese words ("实际值为空"), and one between Latin and Chinese ("Actual 为空").
    const zhOf = (header: string) => {
      const r = requiredText(null, header);
      return r.ok ? "" : r.problem.zh;
    };
    expect(zhOf("实际值")).toBe("实际值为空：请填写");
    expect(zhOf("Actual")).toBe("Actual 为空：请填写");
  });

  it("does so in the number, score and yes/no readers' messages too", () => {
    const zhOf = (fn: () => unknown) => {
      try {
        fn();
      } catch (e) {
        return (e as KpiError).text.zh;
      }
      return "";
    };
    expect(zhOf(() => readNumber("abc", "月基本工资"))).toBe('月基本工资是文本 "abc"，不是数字：请输入数字');
    expect(zhOf(() => readNumber(null, "实际"))).toBe("实际为空：请输入数字");
    expect(zhOf(() => readYesNo("maybe", "实际值"))).toBe('实际值为 "maybe"：请输入 是/否 或 1/0');
    expect(zhOf(() => readNumber("abc", "MonthlyBase"))).toBe('MonthlyBase 是文本 "abc"，不是数字：请输入数字');
  });
});
