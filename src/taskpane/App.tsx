import { Body1, Caption1, FluentProvider, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Title3, webLightTheme } from "@fluentui/react-components";
import { Lang } from "../engine/errors";
import { FUNCTION_EXAMPLES, STRINGS } from "./strings";

export function App({ lang }: { lang: Lang }) {
  const t = STRINGS[lang];
  return (
    <FluentProvider theme={webLightTheme}>
      <main style={{ padding: 12, display: "flex", flexDirection: "column", gap: 8 }}>
        <Title3 as="h1">{t.title}</Title3>
        <Body1>{t.intro}</Body1>
        <Caption1 as="h2">{t.functions}</Caption1>
        <Table size="small" aria-label={t.functions} style={{ tableLayout: "fixed", width: "100%" }}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell style={{ width: "34%" }}>KPI.</TableHeaderCell>
              <TableHeaderCell>{t.example}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {FUNCTION_EXAMPLES.map((f) => (
              <TableRow key={f.name}>
                <TableCell>{f.name}</TableCell>
                <TableCell style={{ overflowWrap: "anywhere" }}>
                  <code style={{ wordBreak: "break-all" }}>{f.formula}</code> → {f.result}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </main>
    </FluentProvider>
  );
}
