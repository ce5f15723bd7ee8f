/** @jest-environment jsdom */
/** The pane says the period of a mid-year workbook (SPEC §11: every text follows the period). */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { render, screen } from "@testing-library/react";
import { UI } from "../../src/core/i18n/ui";
import { WorkbookInfo } from "../../src/taskpane/components/WorkbookInfo";
import { run } from "../core/helpers/run";
import { BlocBuilder } from "../support/snapshots";

function show(fx: BlocBuilder, lang: "vi" | "en") {
  render(
    <FluentProvider theme={webLightTheme}>
      <WorkbookInfo result={run(fx, lang)} lang={lang} texts={UI[lang]} builtNow={null} utcOffsetMinutes={420} />
    </FluentProvider>,
  );
}

describe("the pane's workbook information", () => {
  it("names the period of a mid-year review", () => {
    show(new BlocBuilder({ year: 2031, unitSheet: { yearLabel: (y) => `6 tháng ${y}` } }), "vi");
    expect(screen.getByTestId("period").textContent).toBe("6 tháng đầu năm 2031");
  });

  it("says it in English too", () => {
    show(new BlocBuilder({ year: 2031, unitSheet: { yearLabel: (y) => `Quý II/${y}` } }), "en");
    expect(screen.getByTestId("period").textContent).toBe("Q2 2031");
  });

  it("adds nothing for a whole year", () => {
    show(new BlocBuilder({ year: 2031 }), "vi");
    expect(screen.queryByTestId("period")).toBeNull();
  });
});
