/** Offered first when the workbook has no input table: the SPEC §3 tables with the sample plans. */
import { Body1, Button, Card, Text } from "@fluentui/react-components";
import { Strings } from "../strings";

export function TemplateOffer({ t, busy, onCreate }: { t: Strings; busy: boolean; onCreate(): void }) {
  return (
    <Card aria-label={t.templateTitle} role="region">
      <Text weight="semibold" size={400}>
        {t.templateTitle}
      </Text>
      <Body1>{t.templateBody}</Body1>
      <div>
        <Button appearance="primary" disabled={busy} onClick={onCreate}>
          {t.createTemplate}
        </Button>
      </div>
    </Card>
  );
}
