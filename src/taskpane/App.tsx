/**
 * The pane's frame: waits for Excel (a few seconds at most), then shows the pane on the open workbook;
 * outside Excel it says so and offers a clearly labelled preview on the sample workbook, with the same
 * components and the same recalculation. The language follows Excel's display language and can be
 * switched.
 */
import { Body1, Button, FluentProvider, MessageBar, MessageBarActions, MessageBarBody, Spinner, Text, Title3, webLightTheme } from "@fluentui/react-components";
import { useEffect, useMemo, useState } from "react";
import { PaneActions } from "../app/pane";
import { Lang } from "../engine/errors";
import { Pane } from "./components/Pane";
import { Place } from "./hosts";
import { STRINGS } from "./strings";

export interface AppProps {
  /** Where the pane runs; `late` hears of Excel when it answers after the wait. */
  findPlace(late: (place: Place) => void): Promise<Place>;
  excelActions(): PaneActions;
  previewActions(lang: Lang): PaneActions;
  copy(text: string): Promise<boolean>;
  /** The language before the place is known. */
  initialLang: Lang;
}

type Stage = "connecting" | "excel" | "outside" | "preview";

export function App(props: AppProps) {
  const [stage, setStage] = useState<Stage>("connecting");
  const [lang, setLang] = useState<Lang>(props.initialLang);
  const [lateExcel, setLateExcel] = useState(false);
  const [previewLang, setPreviewLang] = useState<Lang | null>(null);
  const t = STRINGS[lang];

  useEffect(() => {
    let live = true;
    props
      .findPlace(() => live && setLateExcel(true))
      .then((place) => {
        if (!live) return;
        setLang(place.lang);
        setStage(place.in === "excel" ? "excel" : "outside");
      });
    return () => {
      live = false;
    };
    // The place is found once, when the pane opens.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const excel = useMemo(() => (stage === "excel" ? props.excelActions() : null), [stage, props]);
  const preview = useMemo(() => (stage === "preview" && previewLang ? props.previewActions(previewLang) : null), [stage, previewLang, props]);

  return (
    <FluentProvider theme={webLightTheme} lang={lang === "zh" ? "zh-CN" : "en"}>
      <main style={{ padding: 12, display: "flex", flexDirection: "column", gap: 8 }}>
        <header style={{ display: "flex", alignItems: "center", justifyContent: "space-between", gap: 8 }}>
          <Title3 as="h1">{t.title}</Title3>
          <Button size="small" appearance="subtle" aria-label={t.languageLabel} onClick={() => setLang(lang === "zh" ? "en" : "zh")}>
            {t.language}
          </Button>
        </header>
        {stage === "connecting" && <Spinner size="small" label={t.connecting} />}
        {stage === "outside" && (
          <section aria-label={t.notInExcel} style={{ display: "flex", flexDirection: "column", gap: 8 }}>
            <Text weight="semibold" size={400} role="heading" aria-level={2}>
              {t.notInExcel}
            </Text>
            <Body1>{t.notInExcelBody}</Body1>
            <div>
              <Button
                appearance="primary"
                onClick={() => {
                  setPreviewLang(lang);
                  setStage("preview");
                }}
              >
                {t.openPreview}
              </Button>
            </div>
          </section>
        )}
        {(stage === "outside" || stage === "preview") && lateExcel && (
          <MessageBar intent="info">
            <MessageBarBody>{t.excelLate}</MessageBarBody>
            <MessageBarActions>
              <Button size="small" onClick={() => setStage("excel")}>
                {t.useExcel}
              </Button>
            </MessageBarActions>
          </MessageBar>
        )}
        {stage === "preview" && (
          <MessageBar intent="warning" layout="multiline">
            <MessageBarBody>{t.previewBanner}</MessageBarBody>
          </MessageBar>
        )}
        {excel && <Pane key="excel" actions={excel} lang={lang} copy={props.copy} />}
        {preview && <Pane key="preview" actions={preview} lang={lang} preview copy={props.copy} />}
      </main>
    </FluentProvider>
  );
}
