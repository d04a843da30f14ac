/**
 * The pane HR works in: recalculate a period (with progress and a way to cancel before writing), the
 * outcome at a glance, every issue leading to its cell, and any employee's statement. Every workbook
 * action comes in as a prop (`PaneActions`), so the same component runs inside Excel, in the preview
 * and in tests.
 */
import {
  Body1,
  Button,
  Caption1,
  CounterBadge,
  Field,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Select,
  Tab,
  TabList,
  Text,
} from "@fluentui/react-components";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { LastRun, PaneActions, StatementsWritten, WorkbookState } from "../../app/pane";
import { Outcome, failureOf, outcomeOf } from "../../app/outcome";
import { onRunElsewhere } from "../../app/runSignal";
import { Cancelled, Phase, RunSummary } from "../../app/recalculate";
import { StatementData } from "../../app/statement";
import { Lang } from "../../engine/errors";
import { STRINGS, Strings } from "../strings";
import { FunctionList } from "./FunctionList";
import { IssueList, IssueSource } from "./IssueList";
import { LastRunCard } from "./LastRunCard";
import { StatementPanel } from "./StatementPanel";
import { SummaryView } from "./SummaryView";
import { TemplateOffer } from "./TemplateOffer";

export type TabName = "run" | "issues" | "statement" | "functions";

export interface PaneProps {
  actions: PaneActions;
  lang: Lang;
  /** The preview on the sample workbook (outside Excel): selecting a cell only says where it is. */
  preview?: boolean;
  copy(text: string): Promise<boolean>;
}

type Progress = { phase: Phase; done: number; total: number };
type RunState =
  | { kind: "idle" }
  | { kind: "running"; progress: Progress; cancelling: boolean }
  | { kind: "done"; summary: RunSummary }
  | { kind: "cancelled" }
  | { kind: "failed"; error: unknown };

function progressLabel(p: Progress, t: Strings): string {
  if (p.phase === "calculating") return p.total > 1 ? t.phase.calculatingOf(p.done, p.total) : t.phase.calculating;
  return t.phase[p.phase];
}

function Failure({ outcome, retry }: { outcome: Outcome; retry?: { label: string; onClick(): void } }) {
  return (
    <MessageBar intent="error" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{outcome.title}</MessageBarTitle>
        {outcome.lines.join(" ")}
      </MessageBarBody>
      {retry && (
        <MessageBarActions>
          <Button size="small" onClick={retry.onClick}>
            {retry.label}
          </Button>
        </MessageBarActions>
      )}
    </MessageBar>
  );
}

export function Pane({ actions, lang, preview = false, copy }: PaneProps) {
  const t = STRINGS[lang];
  const [tab, setTab] = useState<TabName>("run");
  const [workbook, setWorkbook] = useState<WorkbookState | null>(null);
  const [lastRun, setLastRun] = useState<LastRun | null>(null);
  const [opening, setOpening] = useState<{ error: unknown } | null>(null);
  const [period, setPeriod] = useState("");
  const [run, setRun] = useState<RunState>({ kind: "idle" });
  const [issues, setIssues] = useState<IssueSource | null>(null);
  const [statements, setStatements] = useState<StatementData | null>(null);
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState<{ intent: "success" | "warning" | "error"; text: string } | null>(null);
  // A failed Check, Create template or Statements: said under its own title, the last run's summary kept.
  const [actionError, setActionError] = useState<{ title: string; error: unknown } | null>(null);
  const cancelled = useRef(false);

  const refresh = useCallback(async () => {
    try {
      const [state, last] = await Promise.all([actions.readWorkbook(), actions.readLastRun()]);
      setWorkbook(state);
      setLastRun(last);
      setPeriod((p) => (p && state.periods.includes(p) ? p : (state.periods.find((x) => x.includes("Q")) ?? state.periods[0] ?? "")));
      setOpening(null);
      // Whether the Results are current reads every input table: the card shows first, and says so when known.
      const hash = last?.inputHash;
      if (hash)
        void actions.inputsCurrent(hash).then(
          (current) => setLastRun((r) => (r && r.runAt === last.runAt && r.inputHash === hash ? { ...r, current } : r)),
          () => undefined,
        );
    } catch (error) {
      setOpening({ error });
    }
  }, [actions]);

  const loadStatements = useCallback(async () => {
    try {
      setStatements(await actions.readStatementData());
    } catch (error) {
      setOpening({ error });
    }
  }, [actions]);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  // The ribbon recalculated meanwhile: what the pane shows is read again.
  useEffect(() => onRunElsewhere(() => void refresh()), [refresh]);

  useEffect(() => {
    if (tab === "statement") void loadStatements();
  }, [tab, loadStatements]);

  const names = useMemo(() => {
    const m = new Map<string, string>();
    if (run.kind === "done") for (const r of run.summary.result.results) m.set(r.employee.id, r.employee.name);
    for (const r of statements?.results ?? []) if (typeof r.EmployeeId === "string" && typeof r.Name === "string") m.set(r.EmployeeId, r.Name);
    return m;
  }, [run, statements]);

  const recalculate = async () => {
    if (!period) return;
    cancelled.current = false;
    setNote(null);
    setActionError(null);
    setRun({ kind: "running", progress: { phase: "reading", done: 0, total: 1 }, cancelling: false });
    try {
      const summary = await actions.recalculate(period, {
        onProgress: (phase, done, total) => setRun((r) => (r.kind === "running" ? { ...r, progress: { phase, done, total } } : r)),
        cancelled: () => cancelled.current,
      });
      setRun({ kind: "done", summary });
      setIssues({
        kind: "run",
        period: summary.period,
        issues: summary.result.issues,
        flags: new Map(summary.result.results.map((r) => [r.employee.id, r.flags])),
      });
      setStatements(null);
      await refresh();
      if (tab === "statement") await loadStatements();
    } catch (e) {
      setRun(e instanceof Cancelled ? { kind: "cancelled" } : { kind: "failed", error: e });
    }
  };

  const check = async () => {
    setNote(null);
    setActionError(null);
    setBusy(true);
    try {
      const c = await actions.check(period || undefined);
      setIssues({ kind: "check", period: c.period, issues: c.issues });
      setTab("issues");
    } catch (e) {
      setActionError({ title: t.checkFailed, error: e });
    } finally {
      setBusy(false);
    }
  };

  const createTemplate = async () => {
    setBusy(true);
    setNote(null);
    setActionError(null);
    try {
      const made = await actions.createTemplate(lang);
      if (made.existing.length > 0) setNote({ intent: "warning", text: t.templateRefused(made.existing.join(lang === "zh" ? "、" : ", ")) });
      else setNote({ intent: "success", text: t.templateCreated(made.created.length) });
      await refresh();
    } catch (e) {
      setActionError({ title: t.templateFailed, error: e });
    } finally {
      setBusy(false);
    }
  };

  const writeStatements = async (print: (period: string) => Promise<StatementsWritten>, period: string) => {
    setBusy(true);
    setNote(null);
    setActionError(null);
    try {
      const written = await print(period);
      setNote(
        written.inputsChanged
          ? { intent: "warning", text: `${t.statementsWritten(written.count, written.sheets)} ${t.statementsStale}` }
          : { intent: "success", text: t.statementsWritten(written.count, written.sheets) },
      );
    } catch (e) {
      setActionError({ title: t.statementsFailed, error: e });
    } finally {
      setBusy(false);
    }
  };

  const running = run.kind === "running";
  const hasInputs = workbook !== null && workbook.inputTables.length > 0;
  const errorCount = issues?.issues.filter((i) => i.severity === "Error").length ?? 0;
  const preferredPeriod = run.kind === "done" ? run.summary.period : (lastRun?.period ?? null);
  const printStatements = actions.printStatements;

  return (
    <div style={{ display: "flex", flexDirection: "column", gap: 10 }}>
      <TabList selectedValue={tab} onTabSelect={(_, d) => setTab(d.value as TabName)} size="small" style={{ flexWrap: "wrap" }}>
        <Tab value="run">{t.tabs.run}</Tab>
        <Tab value="issues">
          {t.tabs.issues}
          {errorCount > 0 && <CounterBadge count={errorCount} size="small" color="danger" style={{ marginLeft: 4 }} aria-label={t.errors(errorCount)} />}
        </Tab>
        <Tab value="statement">{t.tabs.statement}</Tab>
        <Tab value="functions">{t.tabs.functions}</Tab>
      </TabList>

      {opening && <Failure outcome={{ ...failureOf(opening.error, lang), title: t.cannotRead }} retry={{ label: t.retry, onClick: () => void refresh() }} />}
      {note && (
        <MessageBar intent={note.intent}>
          <MessageBarBody>{note.text}</MessageBarBody>
        </MessageBar>
      )}
      {actionError && <Failure outcome={{ ...failureOf(actionError.error, lang), title: actionError.title }} />}

      {tab === "run" && (
        <section aria-label={t.tabs.run} style={{ display: "flex", flexDirection: "column", gap: 10 }}>
          {workbook === null && !opening && <Text>{t.reading}</Text>}
          {workbook !== null && !hasInputs && <TemplateOffer t={t} busy={busy} onCreate={() => void createTemplate()} />}
          {hasInputs && (
            <>
              <LastRunCard run={lastRun} t={t} />
              <Field label={t.period} validationMessage={workbook.periods.length === 0 ? t.noPeriods : undefined}>
                <Select value={period} disabled={running} onChange={(_, d) => setPeriod(d.value)}>
                  {workbook.periods.map((p) => (
                    <option key={p} value={p}>
                      {p}
                    </option>
                  ))}
                </Select>
              </Field>
              <div style={{ display: "flex", gap: 8 }}>
                <Button appearance="primary" disabled={running || busy || !period} onClick={() => void recalculate()}>
                  {t.recalculate}
                </Button>
                <Button disabled={running || busy} onClick={() => void check()} title={t.checkHint}>
                  {t.check}
                </Button>
              </div>
              {run.kind === "running" && (
                <Field validationMessage={progressLabel(run.progress, t)} validationState="none">
                  <ProgressBar
                    value={run.progress.total > 0 ? run.progress.done / run.progress.total : undefined}
                    aria-label={progressLabel(run.progress, t)}
                  />
                  {/* Excel waits for a cell being edited before it runs the batch (delayForCellEdit): say why reading may stall. */}
                  {run.progress.phase === "reading" && <Caption1>{t.cellEditHint}</Caption1>}
                  <div style={{ marginTop: 4 }}>
                    <Button
                      size="small"
                      disabled={run.cancelling || run.progress.phase === "writing"}
                      onClick={() => {
                        cancelled.current = true;
                        setRun((r) => (r.kind === "running" ? { ...r, cancelling: true } : r));
                      }}
                    >
                      {run.cancelling ? t.cancelling : t.cancel}
                    </Button>
                  </div>
                </Field>
              )}
              {run.kind === "cancelled" && (
                <MessageBar intent="warning">
                  <MessageBarBody>{t.cancelled}</MessageBarBody>
                </MessageBar>
              )}
              {run.kind === "failed" && <Failure outcome={failureOf(run.error, lang)} />}
              {run.kind === "done" && (
                <>
                  <MessageBar intent={run.summary.employeesInError > 0 ? "warning" : "success"} layout="multiline">
                    <MessageBarBody>
                      <MessageBarTitle>{outcomeOf(run.summary, lang).title}</MessageBarTitle>
                      {outcomeOf(run.summary, lang).lines[2]}
                    </MessageBarBody>
                  </MessageBar>
                  <SummaryView
                    summary={run.summary}
                    t={t}
                    busy={busy}
                    onStatements={printStatements ? () => void writeStatements(printStatements, run.summary.period) : undefined}
                  />
                </>
              )}
              <Caption1>{t.checkHint}</Caption1>
            </>
          )}
        </section>
      )}

      {tab === "issues" && <IssueList source={issues} lang={lang} t={t} names={names} preview={preview} onSelect={actions.selectCell} />}
      {tab === "statement" && <StatementPanel data={statements} lang={lang} t={t} preferredPeriod={preferredPeriod} copy={copy} />}
      {tab === "functions" && (
        <>
          <Body1>{t.intro}</Body1>
          <FunctionList t={t} />
        </>
      )}
    </div>
  );
}
