/* global Office, document */
import { createRoot } from "react-dom/client";
import { displayLang } from "../functions/excelError";
import { App } from "./App";

function render(): void {
  const root = document.getElementById("root");
  if (root) createRoot(root).render(<App lang={displayLang()} />);
}

if (typeof Office !== "undefined") Office.onReady(render);
else render();
