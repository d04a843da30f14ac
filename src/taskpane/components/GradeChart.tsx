/**
 * The grade distribution of each plan: one part-to-whole bar per plan with its own legend, as each plan
 * may have its own grade scale (Fluent UI's charts, @fluentui/react-charts HorizontalBarChart). The
 * counts are also written out as a list for screen readers, the SVG saying little.
 */
import { Caption1 } from "@fluentui/react-components";
import { DataVizPalette, HorizontalBarChart, getColorFromToken } from "@fluentui/react-charts";
import { PlanGrades } from "../../app/pane";
import { Strings } from "../strings";

// Best grade first: the first colours of Fluent's data-visualisation palette, in order.
const COLORS = [
  DataVizPalette.color1,
  DataVizPalette.color2,
  DataVizPalette.color3,
  DataVizPalette.color4,
  DataVizPalette.color5,
  DataVizPalette.color6,
  DataVizPalette.color7,
  DataVizPalette.color8,
].map((c) => getColorFromToken(c));

const hidden = { position: "absolute", width: 1, height: 1, overflow: "hidden", clip: "rect(0 0 0 0)", whiteSpace: "nowrap" } as const;

export function GradeChart({ plans, t }: { plans: PlanGrades[]; t: Strings }) {
  return (
    <section aria-label={t.grades}>
      <Caption1 as="h3" style={{ fontWeight: 600, margin: "8px 0 4px", display: "block" }}>
        {t.grades}
      </Caption1>
      {plans.map((p) => {
        const total = p.grades.reduce((n, g) => n + g.employees, 0);
        return (
          <div key={p.plan} style={{ marginBottom: 6, paddingRight: 24, overflow: "hidden" }}>
            {p.grades.length > 0 && (
              <HorizontalBarChart
                data={[
                  {
                    chartTitle: p.plan,
                    chartData: p.grades.map((g, i) => ({
                      legend: `${g.grade} ${g.employees}`,
                      horizontalBarChartdata: { x: g.employees, total },
                      color: COLORS[i % COLORS.length],
                      xAxisCalloutData: g.grade,
                      yAxisCalloutData: String(g.employees),
                    })),
                  },
                ]}
                chartDataMode="hidden"
                showLegendForSinglePointBar
                barHeight={12}
                legendProps={{ centerLegends: false, allowFocusOnLegends: false, enabledWrapLines: true }}
              />
            )}
            {p.grades.length === 0 && <Caption1>{p.plan}</Caption1>}
            {p.ungraded > 0 && <Caption1 style={{ display: "block" }}>{t.noGrade(p.ungraded)}</Caption1>}
          </div>
        );
      })}
      <ul aria-label={t.grades} style={hidden}>
        {plans.map((p) => (
          <li key={p.plan}>
            {p.plan}: {p.grades.map((g) => `${g.grade} ${g.employees}`).join(" · ")}
            {p.ungraded > 0 ? `${p.grades.length > 0 ? " · " : ""}${t.noGrade(p.ungraded)}` : ""}
          </li>
        ))}
      </ul>
    </section>
  );
}
