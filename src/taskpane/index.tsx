/* global document */
/**
 * The pane's page. Rendered at once; the App waits for Excel and falls back to the preview outside it.
 * Not wrapped in Office.onReady (as Microsoft's React template does) because outside Excel office.js
 * may never call back (learn.microsoft.com/office/dev/add-ins/develop/connect-to-javascript-frameworks).
 */
import { createRoot } from "react-dom/client";
import { App } from "./App";
import { copyText } from "./clipboard";
import { browserLang, excelActions, findPlace, previewActions, sampleWorkbook } from "./hosts";

const root = document.getElementById("root");
if (root) {
  createRoot(root).render(
    <App
      initialLang={browserLang()}
      findPlace={(late) => findPlace(undefined, late)}
      excelActions={excelActions}
      previewActions={(lang) => previewActions(sampleWorkbook(lang))}
      copy={copyText}
    />,
  );
}
