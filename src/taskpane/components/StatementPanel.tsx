/**
 * An employee's statement, looked up by id or name: the Results row, the Breakdown lines and the money
 * lines exactly as the tables hold them, and "Copy" for the plain-text statement HR sends the employee.
 */
import {
  Badge,
  Button,
  Caption1,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Select,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  Textarea,
  tokens,
} from "@fluentui/react-components";
import { useMemo, useState } from "react";
import { Lang } from "../../engine/errors";
import {
  STATEMENT_WORDS,
  StatementData,
  findEmployees,
  issueLine,
  showMoney,
  showRatio,
  showScore,
  showValue,
  statementOf,
  statementText,
} from "../../app/statement";
import { Strings } from "../strings";

export function StatementPanel(props: {
  data: StatementData | null;
  lang: Lang;
  t: Strings;
  /** The period to show first: the one just run, else the latest the employee has. */
  preferredPeriod: string | null;
  copy(text: string): Promise<boolean>;
}) {
  const { data, lang, t } = props;
  const [query, setQuery] = useState("");
  const [chosen, setChosen] = useState<string | null>(null);
  const [period, setPeriod] = useState<string | null>(null);
  const [copied, setCopied] = useState<"yes" | "no" | null>(null);
  const matches = useMemo(() => (data && query.trim() ? findEmployees(data, query) : []), [data, query]);
  if (!data) return <Text>{t.reading}</Text>;
  if (data.results.length === 0) return <Text>{t.noStatements}</Text>;
  const exact = matches.length === 1 ? matches[0] : matches.find((m) => m.id.toLowerCase() === query.trim().toLowerCase());
  const employee = findEmployees(data, "").find((m) => m.id === (chosen ?? exact?.id));
  const shownPeriod = employee
    ? period && employee.periods.includes(period)
      ? period
      : props.preferredPeriod && employee.periods.includes(props.preferredPeriod)
        ? props.preferredPeriod
        : employee.periods[0]
    : null;
  const statement = employee && shownPeriod ? statementOf(data, employee.id, shownPeriod) : null;
  const w = STATEMENT_WORDS[lang];
  const copy = async () => {
    if (!statement) return;
    setCopied((await props.copy(statementText(statement, lang))) ? "yes" : "no");
  };
  return (
    <section aria-label={t.tabs.statement} style={{ display: "flex", flexDirection: "column", gap: 8 }}>
      <Field label={t.employeeLookup}>
        <Input
          value={query}
          placeholder={t.employeePlaceholder}
          onChange={(_, d) => {
            setQuery(d.value);
            setChosen(null);
            setCopied(null);
          }}
        />
      </Field>
      {query.trim() !== "" && matches.length === 0 && <Text>{t.noEmployee}</Text>}
      {matches.length > 1 && !chosen && !exact && (
        <div role="group" aria-label={t.pickEmployee} style={{ display: "flex", flexWrap: "wrap", gap: 4 }}>
          {matches.slice(0, 12).map((m) => (
            <Button key={m.id} size="small" onClick={() => setChosen(m.id)}>
              {m.id} {m.name}
            </Button>
          ))}
        </div>
      )}
      {employee && employee.periods.length > 1 && (
        <Field label={t.statementPeriod}>
          <Select value={shownPeriod ?? ""} onChange={(_, d) => setPeriod(d.value)}>
            {employee.periods.map((p) => (
              <option key={p} value={p}>
                {p}
              </option>
            ))}
          </Select>
        </Field>
      )}
      {statement && (
        <article aria-label={`${statement.name} ${statement.employeeId} ${statement.period}`} style={{ display: "flex", flexDirection: "column", gap: 6 }}>
          <div style={{ display: "flex", alignItems: "center", gap: 8, flexWrap: "wrap" }}>
            <Text weight="semibold" size={400}>
              {statement.name} · {statement.employeeId}
            </Text>
            <Badge appearance="tint" color={statement.status === "Error" ? "danger" : statement.status === "Warning" ? "warning" : "success"}>
              {w.statusName[statement.status] ?? statement.status}
            </Badge>
          </div>
          <Caption1>
            {statement.department} · {statement.plan} · {statement.period}
          </Caption1>
          <dl aria-label={w.heading} style={{ display: "grid", gridTemplateColumns: "auto 1fr", columnGap: 12, rowGap: 2, margin: 0 }}>
            {(
              [
                [w.score, showScore(statement.score)],
                [w.grade, statement.grade || "—"],
                [w.rank, showValue(statement.rank)],
                [w.completion, showRatio(statement.completion)],
              ] as const
            ).map(([k, v]) => (
              <div key={k} style={{ display: "contents" }}>
                <dt>
                  <Caption1>{k}</Caption1>
                </dt>
                <dd style={{ margin: 0 }}>{v}</dd>
              </div>
            ))}
          </dl>
          {statement.status === "Error" && (
            <MessageBar intent="error">
              <MessageBarBody>
                {/* A sentence of its own: capitalised in English, with the full-width colon in Chinese. */}
                {lang === "zh" ? w.notPaid : w.notPaid.charAt(0).toUpperCase() + w.notPaid.slice(1)}
                {statement.flags ? `${lang === "zh" ? "：" : ": "}${statement.flags}` : ""}
              </MessageBarBody>
            </MessageBar>
          )}
          {statement.status !== "Error" && statement.flags && <Caption1>{statement.flags}</Caption1>}
          {statement.lines.length > 0 && (
            <Table size="extra-small" aria-label={w.indicators}>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell>{t.indicator}</TableHeaderCell>
                  <TableHeaderCell style={{ width: 56, textAlign: "right" }}>{t.actual}</TableHeaderCell>
                  <TableHeaderCell style={{ width: 52, textAlign: "right" }}>{t.points}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {statement.lines.map((l, i) => (
                  <TableRow key={i}>
                    <TableCell>
                      <div style={{ display: "flex", flexDirection: "column", padding: "2px 0" }}>
                        <Text size={200} weight="semibold">
                          {l.indicator}
                        </Text>
                        <Caption1 style={{ color: tokens.colorNeutralForeground3 }}>
                          {l.rule} · {t.weight} {showValue(l.weight)}
                        </Caption1>
                        {l.explanation && <Caption1 style={{ overflowWrap: "anywhere" }}>{l.explanation}</Caption1>}
                      </div>
                    </TableCell>
                    <TableCell style={{ textAlign: "right" }}>{showValue(l.actual)}</TableCell>
                    <TableCell style={{ textAlign: "right" }}>{showScore(l.points)}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
          <Table size="extra-small" aria-label={w.pay} style={{ marginTop: 8 }}>
            {/* A header of its own, so the amounts do not read as the indicators' points above. */}
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{w.pay}</TableHeaderCell>
                <TableHeaderCell style={{ width: 104 }} />
              </TableRow>
            </TableHeader>
            <TableBody>
              {statement.money.map((m) => (
                <TableRow key={m.line} style={m.line === "TotalPay" ? { fontWeight: 600 } : undefined}>
                  <TableCell>{w.money[m.line]}</TableCell>
                  <TableCell style={{ textAlign: "right" }}>{showMoney(m.value)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          {statement.issues.length > 0 && (
            <section aria-label={t.toFix}>
              <Text weight="semibold">{t.toFix}</Text>
              <ul style={{ margin: 0, paddingLeft: 16 }}>
                {statement.issues.map((i, n) => (
                  <li key={n}>
                    <Caption1>{issueLine(i, lang)}</Caption1>
                  </li>
                ))}
              </ul>
            </section>
          )}
          <div style={{ display: "flex", alignItems: "center", gap: 8 }}>
            <Button appearance="primary" onClick={() => void copy()}>
              {t.copy}
            </Button>
            <div role="status" aria-live="polite">
              <Caption1>{copied === "yes" ? t.copied : copied === "no" ? t.copyFailed : ""}</Caption1>
            </div>
          </div>
          {copied === "no" && <Textarea readOnly value={statementText(statement, lang)} rows={10} aria-label={t.copy} />}
        </article>
      )}
    </section>
  );
}
