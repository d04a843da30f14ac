/**
 * Rendering the pane in a DOM (jsdom) with its workbook actions as props, as Microsoft's React task-pane
 * template tests its components: no Office, the same recalculation on an in-memory workbook.
 */
import { cleanup, render } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { createElement } from "react";
import { afterEach } from "vitest";
import { PaneActions } from "../../src/app/pane";
import { Lang } from "../../src/engine/errors";
import { Pane } from "../../src/taskpane/components/Pane";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";

afterEach(() => cleanup());

/** Fluent UI and the charts ask for these, which jsdom lacks. */
const g = globalThis as Record<string, unknown>;
if (typeof g.ResizeObserver === "undefined") {
  g.ResizeObserver = class {
    observe() {}
    unobserve() {}
    disconnect() {}
  };
}
if (typeof window !== "undefined" && !window.matchMedia) {
  window.matchMedia = ((query: string) => ({
    matches: false,
    media: query,
    onchange: null,
    addListener() {},
    removeListener() {},
    addEventListener() {},
    removeEventListener() {},
    dispatchEvent: () => false,
  })) as typeof window.matchMedia;
}

export function renderPane(actions: PaneActions, options: { lang?: Lang; preview?: boolean } = {}) {
  const copied: string[] = [];
  const user = userEvent.setup();
  const view = render(
    createElement(
      FluentProvider,
      { theme: webLightTheme },
      createElement(Pane, {
        actions,
        lang: options.lang ?? "en",
        preview: options.preview ?? true,
        copy: async (text: string) => {
          copied.push(text);
          return true;
        },
      }),
    ),
  );
  return { ...view, user, copied };
}
