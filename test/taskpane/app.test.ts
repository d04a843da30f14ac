// @vitest-environment jsdom
/**
 * The pane's frame: inside Excel the pane on the workbook; outside Excel a plain notice and a clearly
 * labelled preview on the sample workbook; the language switch; the function examples one click away.
 */
import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { createElement } from "react";
import { describe, expect, it } from "vitest";
import { Lang } from "../../src/engine/errors";
import { App } from "../../src/taskpane/App";
import { Place, previewActions, sampleWorkbook } from "../../src/taskpane/hosts";
import { workbook } from "../fixtures";
import "./render";

function renderApp(place: Place | "never", options: { late?: (notify: (p: Place) => void) => void } = {}) {
  const previews: Lang[] = [];
  render(
    createElement(App, {
      initialLang: "en",
      findPlace: (late) => {
        options.late?.(late);
        return place === "never" ? new Promise<Place>(() => undefined) : Promise.resolve(place);
      },
      excelActions: () => previewActions(workbook()),
      previewActions: (lang) => {
        previews.push(lang);
        return previewActions(sampleWorkbook(lang));
      },
      copy: async () => true,
    }),
  );
  return { user: userEvent.setup(), previews };
}

describe("outside Excel", () => {
  it("says it is not running in Excel and offers the preview on the sample workbook", async () => {
    const { user, previews } = renderApp({ in: "browser", lang: "en" });
    expect(await screen.findByText("Not running in Excel")).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Recalculate" })).toBeNull();
    await user.click(screen.getByRole("button", { name: "Preview on the sample workbook" }));
    expect(screen.getByText("Preview · sample workbook in this page, not an Excel file. Nothing is saved.")).toBeTruthy();
    expect(previews).toEqual(["en"]);
    // The sample of kpi init: Actuals for 2026-Q1 and 2026-Q2, the latest quarter first.
    await waitFor(() => expect((screen.getByLabelText("Period") as HTMLSelectElement).value).toBe("2026-Q2"));
    await user.click(screen.getByRole("button", { name: "Recalculate" }));
    expect(await screen.findByText("2026-Q2 recalculated")).toBeTruthy();
  });

  it("shows the notice in Chinese for a Chinese browser, and the preview's sample in Chinese", async () => {
    const { user, previews } = renderApp({ in: "browser", lang: "zh" });
    expect(await screen.findByText("未在 Excel 中运行")).toBeTruthy();
    await user.click(screen.getByRole("button", { name: "用示例工作簿预览" }));
    expect(previews).toEqual(["zh"]);
  });

  it("offers to switch to Excel when Excel answers late", async () => {
    let notify: (p: Place) => void = () => undefined;
    const { user } = renderApp({ in: "browser", lang: "en" }, { late: (n) => (notify = n) });
    await screen.findByText("Not running in Excel");
    notify({ in: "excel", lang: "en" });
    await user.click(await screen.findByRole("button", { name: "Use Excel" }));
    expect(await screen.findByRole("button", { name: "Recalculate" })).toBeTruthy();
    expect(screen.queryByText(/^Preview ·/)).toBeNull();
  });

  it("says it is connecting while Excel has not answered", async () => {
    renderApp("never");
    expect(await screen.findByText("Connecting to Excel…")).toBeTruthy();
  });
});

describe("inside Excel", () => {
  it("opens on the workbook in Excel's language, and switches language", async () => {
    const { user } = renderApp({ in: "excel", lang: "zh" });
    expect(await screen.findByRole("button", { name: "重算" })).toBeTruthy();
    expect(screen.queryByText(/^预览/)).toBeNull();
    await user.click(screen.getByRole("button", { name: "将面板切换为英文" }));
    expect(await screen.findByRole("button", { name: "Recalculate" })).toBeTruthy();
  });

  it("keeps the function examples one click away", async () => {
    const { user } = renderApp({ in: "excel", lang: "en" });
    await screen.findByRole("button", { name: "Recalculate" });
    expect(screen.queryByText("=KPI.BONUS(36000,72/87,92)")).toBeNull();
    await user.click(screen.getByRole("tab", { name: "Functions" }));
    expect(screen.getByText("=KPI.BONUS(36000,72/87,92)")).toBeTruthy();
  });
});
