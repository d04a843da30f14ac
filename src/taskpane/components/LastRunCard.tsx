/** The workbook's last RunLog row, so HR sees on opening whether the Results are current. */
import { Caption1, Card, Text, tokens } from "@fluentui/react-components";
import { LastRun } from "../../app/pane";
import { money } from "../../app/outcome";
import { Strings } from "../strings";

/** RunLog.RunAt (UTC, ISO) in the pane's local time, to the minute. */
export function localTime(runAt: string): string {
  const d = new Date(runAt);
  if (Number.isNaN(d.getTime())) return runAt;
  const two = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())} ${two(d.getHours())}:${two(d.getMinutes())}`;
}

export function LastRunCard({ run, t }: { run: LastRun | null; t: Strings }) {
  const n = (x: number | null) => (x === null ? "—" : String(x));
  return (
    <Card size="small" appearance="filled-alternative" aria-label={t.lastRun} role="region">
      <Caption1 style={{ fontWeight: 600 }}>{t.lastRun}</Caption1>
      {!run && <Text size={200}>{t.noRun}</Text>}
      {run && (
        <>
          <Text size={300} weight="semibold">
            {t.lastRunLine(run.period, localTime(run.runAt))}
          </Text>
          <Text size={200}>
            {t.lastRunCounts(n(run.employees), n(run.errors), n(run.warnings))}
            {run.totalPay ? ` · ${t.totalPay} ${money(run.totalPay)}` : ""}
          </Text>
          {run.current !== null && (
            <Text size={200} style={{ color: run.current ? tokens.colorPaletteGreenForeground1 : tokens.colorPaletteMarigoldForeground2 }}>
              {run.current ? t.current : t.stale}
            </Text>
          )}
        </>
      )}
    </Card>
  );
}
