/** @jest-environment jsdom */
/** The pane says the period of a mid-year workbook (SPEC §11: every text follows the period). */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { fireEvent, render, screen } from "@testing-library/react";
import { TextDecoder, TextEncoder } from "node:util";
import { UI } from "../../src/core/i18n/ui";
import { App } from "../../src/taskpane/App";
import { WorkbookInfo } from "../../src/taskpane/components/WorkbookInfo";
import { readZip, entryText } from "../../src/xlsx/zip";
import { FakeHost } from "../taskpane/fakeHost";
import { run } from "../core/helpers/run";
import { blobBytes } from "../support/blob";
import { BlocBuilder } from "../support/snapshots";

// jsdom has no TextEncoder; the docx writer needs one (every browser has it).
Object.assign(globalThis, { TextEncoder, TextDecoder });

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

describe("the pane's document for a period", () => {
  const DOCX = { timeout: 20_000 };

  async function download(fx: BlocBuilder, lang: "vi" | "en", label: string) {
    const saved: { blob: Blob; name: string }[] = [];
    render(<App host={new FakeHost(fx.build())} initialLang={lang} utcOffsetMinutes={420} saveFile={(blob, name) => void saved.push({ blob, name })} />);
    await screen.findByTestId("counts");
    const t = UI[lang];
    // The report, not a tờ trình; no minutes (they belong to the year-end award meeting).
    expect(screen.queryByRole("button", { name: t.downloadSubmission })).toBeNull();
    expect(screen.queryByRole("button", { name: t.downloadMinutes })).toBeNull();
    fireEvent.click(screen.getByRole("button", { name: label }));
    await screen.findByText(/^(Đã tải|Downloaded) "/, {}, DOCX);
    expect(screen.getByText(t.downloaded(saved[0].name))).toBeTruthy();
    return { name: saved[0].name, xml: entryText(readZip(await blobBytes(saved[0].blob)).get("word/document.xml")!) };
  }

  it("offers the báo cáo sơ kết of six months, named for it", async () => {
    const { name, xml } = await download(new BlocBuilder({ year: 2031, unitSheet: { yearLabel: (y) => `6 tháng ${y}` } }), "vi", "Tải báo cáo sơ kết (.docx)");
    expect(name).toBe("Báo cáo sơ kết 6 tháng đầu năm 2031.docx");
    expect(xml).toContain("Sơ kết phong trào thi đua 6 tháng đầu năm 2031");
    expect(xml).not.toContain("TỜ TRÌNH");
  });

  it("offers a quarter's report of results, in English too", async () => {
    const { name, xml } = await download(new BlocBuilder({ year: 2031, unitSheet: { yearLabel: (y) => `Quý II/${y}` } }), "en", "Download the report of results (.docx)");
    expect(name).toBe("Report Q2 2031.docx");
    expect(xml).toContain("Work results of");
  });
});
