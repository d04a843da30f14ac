/**
 * Finding the input tables and their columns: headers match without regard to case, spaces or
 * underscores, in English or in the table's Chinese alias (SPEC §3). A column that is missing is
 * reported with the nearest header the table does have, when one is close enough to be a misspelling.
 */
import { ColumnSpec, INPUT_TABLES, TableSpec } from "../contract";
import { Lang } from "../errors";
import { Issue, issue, msg } from "../issues";
import { TableData, cellAddress } from "../table";
import { TableView } from "./view";

/** Header comparison: case, spaces (also full-width) and underscores do not matter. */
export function normalizeHeader(h: string): string {
  return h.replace(/[\s_\u3000]/g, "").toLowerCase();
}

export interface HeaderMatch {
  /** Column key → index in the table's headers. */
  index: Map<string, number>;
  missing: ColumnSpec[];
  /** Optional columns not found. */
  absent: ColumnSpec[];
  /** Headers matched by their Chinese alias, to tell the workbook's language. */
  chinese: number;
  english: number;
  /** Columns with more than one header (Actual and 实际值 side by side): the indices of each. */
  doubled: Array<{ column: ColumnSpec; indices: number[] }>;
}

/** Finds each column of the spec among a table's headers, in English or Chinese. */
export function matchHeaders(spec: TableSpec, headers: readonly string[]): HeaderMatch {
  const normalized = headers.map((h) => normalizeHeader(String(h ?? "")));
  const index = new Map<string, number>();
  let chinese = 0;
  let english = 0;
  const missing: ColumnSpec[] = [];
  const absent: ColumnSpec[] = [];
  const doubled: HeaderMatch["doubled"] = [];
  for (const c of spec.columns) {
    let i = normalized.indexOf(normalizeHeader(c.key));
    if (i >= 0) english++;
    else {
      i = normalized.indexOf(normalizeHeader(c.zh));
      if (i >= 0) chinese++;
    }
    if (i >= 0) index.set(c.key, i);
    else (c.required ? missing : absent).push(c);
    const names = [normalizeHeader(c.key), normalizeHeader(c.zh)];
    const indices = normalized.flatMap((h, j) => (names.includes(h) ? [j] : []));
    if (indices.length > 1) doubled.push({ column: c, indices });
  }
  return { index, missing, absent, chinese, english, doubled };
}

/** Levenshtein distance, for telling a misspelt header from an unrelated one. */
export function editDistance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = prev[0];
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = prev[j];
      prev[j] = Math.min(prev[j] + 1, prev[j - 1] + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return prev[b.length];
}

/**
 * Chinese names are short, so an edit distance within a third allows none: 提成率 for 提成比例 is two
 * edits of four. Two Chinese headers that begin with the same two characters, as many as half of the
 * shorter, are taken as near (提成率, 提成比例), which only ever adds a question to a message.
 */
function sameChineseStart(a: string, b: string): boolean {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n >= 2 && /^[\u4e00-\u9fff]{2}/.test(a) && n * 2 >= Math.min(a.length, b.length);
}

/**
 * The header (and its index) most likely meant as the column: among headers not matched to another
 * column, the nearest to the English or Chinese name, if within a third of the name's length (at
 * least 1 edit), or if one name contains the other.
 */
export function nearestHeader(
  column: ColumnSpec,
  headers: readonly string[],
  used: ReadonlySet<number>,
): { header: string; index: number; distance: number } | null {
  let best: { header: string; index: number; distance: number } | null = null;
  for (let index = 0; index < headers.length; index++) {
    const h = normalizeHeader(String(headers[index] ?? ""));
    if (h === "" || used.has(index)) continue;
    for (const name of [normalizeHeader(column.key), normalizeHeader(column.zh)]) {
      const distance = editDistance(h, name);
      const near = distance <= Math.max(1, (name.length / 3) | 0) || (h.length >= 2 && (h.includes(name) || name.includes(h))) || sameChineseStart(h, name);
      if (near && (best === null || distance < best.distance)) best = { header: String(headers[index]), index, distance };
    }
  }
  return best;
}

/**
 * A column whose header is there twice (in English and in Chinese, say) holds two values for one thing:
 * which one is right cannot be known, so the table is not read until one is deleted (as a missing column).
 */
function doubledColumnIssue(spec: TableSpec, data: TableData, c: ColumnSpec, indices: readonly number[]): Issue {
  const cells = indices.map((i) => cellAddress(data, -1, i));
  const shown = indices.map((i, k) => `${cells[k]} "${String(data.headers[i])}"`).join(", ");
  // At the repeat's cell, one A1 address as every Issues cell is (the message names them all).
  return issue(
    "Error",
    spec.name,
    cells[1],
    "",
    msg(
      `${spec.name} has ${indices.length} columns for ${c.key}/${c.zh} (${shown}): which one is right cannot be known; delete all but one`,
      `${spec.zh}表有 ${indices.length} 列都是 ${c.key}/${c.zh}（${shown}）：无法确定哪一列正确；请只保留一列`,
    ),
  );
}

function missingColumnIssue(spec: TableSpec, data: TableData, c: ColumnSpec, near: { header: string; index: number } | null): Issue | null {
  const name = `${c.key}/${c.zh}`;
  if (c.required) {
    const cell = cellAddress(data, -1, near ? near.index : 0);
    const hint = near
      ? { en: ` (is "${near.header}" in ${cell} meant to be it?)`, zh: `（${cell} 中的 "${near.header}" 是否就是该列？）` }
      : { en: "", zh: "" };
    return issue(
      "Error",
      spec.name,
      cell,
      "",
      msg(`${spec.name} has no column ${name}: add the header${hint.en}`, `${spec.zh}表缺少列 ${name}：请添加该表头${hint.zh}`),
    );
  }
  if (!near) return null;
  // An optional column misspelt would silently take its default: say so.
  const cell = cellAddress(data, -1, near.index);
  return issue(
    "Warning",
    spec.name,
    cell,
    "",
    msg(
      `${spec.name} has no column ${name}, so its default is used: is "${near.header}" in ${cell} meant to be it? Correct the header`,
      `${spec.zh}表没有列 ${name}，因此使用默认值：${cell} 中的 "${near.header}" 是否就是该列？请更正表头`,
    ),
  );
}

/** The input tables found, and the ones whose headers are wrong (see findTables). */
export interface TablesFound {
  views: Map<string, TableView>;
  issues: Issue[];
  /** Tables present but lacking a required column, so not read: the table's first such Error, and the table as it is. */
  broken: Map<string, { issue: Issue; view: TableView }>;
  /** Tables read with an optional column that seems misspelt (its default used): the Warnings, and the table. */
  defaulted: Map<string, { issues: Issue[]; view: TableView }>;
}

/** The input tables found by name, with the issues of tables or columns that are missing. */
export function findTables(tables: ReadonlyMap<string, TableData>): TablesFound {
  const views = new Map<string, TableView>();
  const issues: Issue[] = [];
  const broken = new Map<string, { issue: Issue; view: TableView }>();
  const defaulted = new Map<string, { issues: Issue[]; view: TableView }>();
  const byName = new Map([...tables.entries()].map(([n, t]) => [n.toLowerCase(), t]));
  for (const spec of INPUT_TABLES) {
    const data = byName.get(spec.name.toLowerCase());
    if (!data) {
      if (spec.missingWarning) issues.push(issue("Warning", spec.name, "", "", spec.missingWarning));
      else if (spec.required)
        issues.push(
          issue(
            "Error",
            spec.name,
            "",
            "",
            msg(
              `The table ${spec.name} (${spec.zh}) is missing: add an Excel table named ${spec.name}`,
              `缺少表 ${spec.name}（${spec.zh}）：请添加名为 ${spec.name} 的 Excel 表格`,
            ),
          ),
        );
      continue;
    }
    const match = matchHeaders(spec, data.headers);
    const used = new Set(match.index.values());
    const view = new TableView(spec, data, match);
    const errors: Issue[] = [];
    const warnings: Issue[] = [];
    const lacking = [...match.missing, ...match.absent];
    const near = lacking.map((c) => nearestHeader(c, data.headers, used));
    for (let k = 0; k < lacking.length; k++) {
      // A header near two missing columns (奖金比列: BonusRate 奖金比例 or PoolRate 奖金总盘比例?) is offered to
      // the nearer one only, the earlier on a tie: one misspelling, one question.
      const mine = near[k];
      const taken =
        mine !== null &&
        near.some((o, j) => j !== k && o !== null && o.index === mine.index && (o.distance < mine.distance || (o.distance === mine.distance && j < k)));
      const found = missingColumnIssue(spec, data, lacking[k], taken ? null : mine);
      if (found) (found.severity === "Error" ? errors : warnings).push(found);
    }
    for (const d of match.doubled) errors.push(doubledColumnIssue(spec, data, d.column, d.indices));
    issues.push(...errors, ...warnings);
    if (errors.length > 0) broken.set(spec.name, { issue: errors[0], view });
    else {
      views.set(spec.name, view);
      if (warnings.length > 0) defaulted.set(spec.name, { issues: warnings, view });
    }
  }
  return { views, issues, broken, defaulted };
}

/** Tells the workbook's language from its headers: Chinese when most matched headers are Chinese. */
export function workbookLang(views: ReadonlyMap<string, TableView>): Lang {
  let zh = 0;
  let en = 0;
  for (const v of views.values()) {
    zh += v.match.chinese;
    en += v.match.english;
  }
  return zh > en ? "zh" : "en";
}
