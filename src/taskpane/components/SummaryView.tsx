/** What a run did, at a glance: employees by status, total pay, pay per department, grades per plan. */
import { Button, Caption1, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, tokens } from "@fluentui/react-components";
import { gradesByPlan } from "../../app/pane";
import { money } from "../../app/outcome";
import { RunSummary } from "../../app/recalculate";
import { Strings } from "../strings";
import { GradeChart } from "./GradeChart";

function Figure({ label, value, color }: { label: string; value: string; color?: string }) {
  return (
    <div style={{ display: "flex", flexDirection: "column", minWidth: 56 }}>
      <dt>
        <Caption1>{label}</Caption1>
      </dt>
      <dd style={{ margin: 0, fontSize: tokens.fontSizeBase500, fontWeight: 600, color }}>{value}</dd>
    </div>
  );
}

export function SummaryView({ summary, t, onStatements, busy = false }: { summary: RunSummary; t: Strings; onStatements?: () => void; busy?: boolean }) {
  return (
    <section aria-label={t.summary} style={{ display: "flex", flexDirection: "column", gap: 8 }}>
      <dl aria-label={t.summary} style={{ display: "flex", flexWrap: "wrap", gap: 12, margin: 0 }}>
        <Figure label={t.employees} value={String(summary.employees)} />
        <Figure label={t.ok} value={String(summary.ok)} color={tokens.colorPaletteGreenForeground1} />
        <Figure
          label={t.warning}
          value={String(summary.employeesWithWarning)}
          color={summary.employeesWithWarning > 0 ? tokens.colorPaletteMarigoldForeground2 : undefined}
        />
        <Figure label={t.error} value={String(summary.employeesInError)} color={summary.employeesInError > 0 ? tokens.colorPaletteRedForeground1 : undefined} />
        <Figure label={t.totalPay} value={money(summary.totalPay)} />
      </dl>
      {summary.written.renamedSheets.map((r) => (
        <Caption1 key={r.table}>{t.renamedSheet(r.table, r.sheet)}</Caption1>
      ))}
      <Table size="extra-small" aria-label={t.byDepartment}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell>{t.department}</TableHeaderCell>
            <TableHeaderCell style={{ width: 56, textAlign: "right" }}>{t.people}</TableHeaderCell>
            <TableHeaderCell style={{ width: 104, textAlign: "right" }}>{t.totalPay}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {summary.payByDepartment.map((d) => (
            <TableRow key={d.department}>
              <TableCell>{d.department}</TableCell>
              <TableCell style={{ textAlign: "right" }}>{d.employees}</TableCell>
              <TableCell style={{ textAlign: "right" }}>{d.paid > 0 ? money(d.totalPay) : "—"}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <GradeChart plans={gradesByPlan(summary)} t={t} />
      {/* Printable statements are another issue's work: the button shows only when that action is given. */}
      {onStatements && (
        <div>
          {/* One write at a time: a second click while the sheet is written would write it over itself. */}
          <Button onClick={onStatements} title={t.statementsHint} disabled={busy}>
            {busy ? t.writingStatements : t.statements}
          </Button>
        </div>
      )}
    </section>
  );
}
