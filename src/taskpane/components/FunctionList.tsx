/** The KPI.* functions with one example each (SPEC §5): one click away in the pane, not its first screen. */
import { Caption1, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from "@fluentui/react-components";
import { FUNCTION_EXAMPLES, Strings } from "../strings";

export function FunctionList({ t }: { t: Strings }) {
  return (
    <section aria-label={t.functions} style={{ display: "flex", flexDirection: "column", gap: 8 }}>
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
    </section>
  );
}
