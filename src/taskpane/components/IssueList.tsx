/**
 * The issues of a run or a check, errors first, grouped by table (tables with errors first); each
 * leads to its cell. Filtered by employee id or name.
 */
import { Badge, Button, Caption1, Field, Input, Text, tokens } from "@fluentui/react-components";
import { useMemo, useState } from "react";
import { Lang } from "../../engine/errors";
import { INPUT_TABLES } from "../../engine/contract";
import { Issue } from "../../engine/issues";
import { Selection } from "../../app/pane";
import { Strings } from "../strings";

export interface IssueSource {
  kind: "run" | "check";
  period: string | null;
  issues: Issue[];
  /**
   * A run's flags by employee id: the messages of the issues bearing on each, so that filtering by an
   * employee also finds the issues of no one in particular that made them Error (a plan's bad cell, a
   * table's missing column), as their Results row says.
   */
  flags?: ReadonlyMap<string, readonly string[]>;
}

/** A table's heading: its name, and in Chinese its Chinese name first (the sheet HR knows it by). */
const heading = (table: string, lang: Lang) => {
  const zh = INPUT_TABLES.find((t) => t.name.toLowerCase() === table.toLowerCase())?.zh;
  return lang === "zh" && zh ? `${zh} · ${table}` : table;
};

const rank = (i: Issue) => (i.severity === "Error" ? 0 : 1);

/** Groups by table in order of first appearance, tables with errors before the others, errors before warnings inside each. */
export function groupIssues(issues: readonly Issue[]): Array<{ table: string; issues: Issue[] }> {
  const groups = new Map<string, Issue[]>();
  for (const i of issues) groups.set(i.table, [...(groups.get(i.table) ?? []), i]);
  return [...groups]
    .map(([table, list], order) => ({
      table,
      order,
      issues: list
        .map((i, n) => ({ i, n }))
        .sort((a, b) => rank(a.i) - rank(b.i) || a.n - b.n)
        .map((x) => x.i),
    }))
    .sort((a, b) => Math.min(...a.issues.map(rank)) - Math.min(...b.issues.map(rank)) || a.order - b.order)
    .map(({ table, issues: list }) => ({ table, issues: list }));
}

export function IssueList(props: {
  source: IssueSource | null;
  lang: Lang;
  t: Strings;
  /** Employee names by id, so the filter finds an employee by name too. */
  names: ReadonlyMap<string, string>;
  preview: boolean;
  onSelect(table: string, cell: string): Promise<Selection>;
}) {
  const { source, lang, t, names, preview } = props;
  const [filter, setFilter] = useState("");
  const [landed, setLanded] = useState<string>("");
  const shown = useMemo(() => {
    const q = filter.trim().toLowerCase();
    const all = source?.issues ?? [];
    if (!q) return all;
    const matches = (id: string) => id.toLowerCase().includes(q) || (names.get(id) ?? "").toLowerCase().includes(q);
    const borne = new Set<string>();
    // A year's flags lead with their quarter ("2026-Q1: Plans C2: …"): the issue's text follows it.
    for (const [id, flags] of source?.flags ?? []) if (matches(id)) for (const f of flags) borne.add(f.replace(/^\d{4}-Q[1-4]: /, ""));
    return all.filter((i) => matches(i.employeeId) || (i.employeeId === "" && (borne.has(i.text.en) || borne.has(i.text.zh))));
  }, [source, filter, names]);
  if (!source) return <Text>{t.noIssuesYet}</Text>;
  const errors = source.issues.filter((i) => i.severity === "Error").length;
  const go = async (i: Issue) => {
    try {
      const s = await props.onSelect(i.table, i.cell);
      setLanded("missing" in s ? t.missingTable(s.missing) : preview ? t.previewSelected(s.sheet, s.address) : t.selected(s.sheet, s.address));
    } catch (e) {
      setLanded(`${t.failed}: ${e instanceof Error ? e.message : String(e)}`);
    }
  };
  return (
    <section aria-label={t.tabs.issues} style={{ display: "flex", flexDirection: "column", gap: 8 }}>
      <Caption1>{source.kind === "run" ? t.issuesFromRun(source.period ?? "") : t.issuesFromCheck(source.period)}</Caption1>
      <Text weight="semibold">
        {t.errors(errors)} · {t.warnings(source.issues.length - errors)}
      </Text>
      <Field label={t.filter}>
        <Input value={filter} placeholder={t.filterPlaceholder} onChange={(_, d) => setFilter(d.value)} />
      </Field>
      <div role="status" aria-live="polite" style={{ minHeight: 18 }}>
        <Caption1>{landed}</Caption1>
      </div>
      {source.issues.length === 0 && <Text>{t.noIssues}</Text>}
      {source.issues.length > 0 && shown.length === 0 && <Text>{t.noMatch}</Text>}
      {groupIssues(shown).map((g) => (
        <section key={g.table} aria-label={g.table}>
          <Text as="h3" weight="semibold" style={{ margin: "4px 0" }}>
            {heading(g.table, lang)}
          </Text>
          <ul style={{ listStyle: "none", padding: 0, margin: 0, display: "flex", flexDirection: "column", gap: 6 }}>
            {g.issues.map((i, n) => (
              <li
                key={n}
                style={{
                  borderLeft: `3px solid ${i.severity === "Error" ? tokens.colorPaletteRedBorder2 : tokens.colorPaletteMarigoldBorder2}`,
                  paddingLeft: 6,
                }}
              >
                <div style={{ display: "flex", alignItems: "center", gap: 6, flexWrap: "wrap" }}>
                  <Badge size="small" appearance="tint" color={i.severity === "Error" ? "danger" : "warning"}>
                    {t.severity[i.severity] ?? i.severity}
                  </Badge>
                  <Button
                    size="small"
                    appearance="transparent"
                    aria-label={t.goTo(i.table, i.cell)}
                    onClick={() => void go(i)}
                    style={{ minWidth: 0, padding: "0 4px", textDecoration: "underline" }}
                  >
                    {i.cell || i.table}
                  </Button>
                  {i.employeeId && <Caption1>{names.get(i.employeeId) ? `${i.employeeId} ${names.get(i.employeeId)}` : i.employeeId}</Caption1>}
                </div>
                <Text size={200} style={{ overflowWrap: "anywhere" }}>
                  {i.text[lang]}
                </Text>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </section>
  );
}
