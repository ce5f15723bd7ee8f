/** @jest-environment jsdom */
/** In a shared runtime the ribbon's build reports to the pane: its result or its failure shows there. */
import { act, render, screen } from "@testing-library/react";
import { buildBloc } from "../../src/core/pipeline";
import { uiTexts } from "../../src/core/i18n/ui";
import { publishRibbonBuild } from "../../src/excel/ribbonBuilds";
import { App } from "../../src/taskpane/App";
import { BlocBuilder } from "../support/snapshots";
import { FakeHost, NOW } from "./fakeHost";

async function renderPane(host: FakeHost) {
  const view = render(<App host={host} initialLang="vi" utcOffsetMinutes={420} />);
  await screen.findByTestId("counts");
  return view;
}

describe("the ribbon's builds in the pane", () => {
  it("shows a ribbon build's failure message in the pane", async () => {
    const view = await renderPane(new FakeHost(new BlocBuilder().build()));
    const message = "Một lần tổng hợp khác đang chạy trên sổ làm việc này (bắt đầu lúc 14:05).";
    act(() => publishRibbonBuild({ ok: false, message, error: new Error("busy") }));
    expect(await screen.findByText(message)).toBeTruthy();
    view.unmount();
  });

  it("shows a ribbon build's result, errors included, as if the Build button had run", async () => {
    const view = await renderPane(new FakeHost(new BlocBuilder().build()));
    const b = new BlocBuilder().set("BTP", "TT01", 2031, "abc");
    const result = buildBloc(b.build(), { lang: "vi", now: NOW });
    act(() => publishRibbonBuild({ ok: true, value: { result, at: NOW, activated: result.plan.activate, annotated: null } }));
    expect(await screen.findByText(uiTexts("vi").builtWithErrors(result.errors, result.plan.activate))).toBeTruthy();
    view.unmount();
  });

  it("keeps an outcome published before the pane listens and shows it when the pane opens", async () => {
    publishRibbonBuild({ ok: false, message: "Excel đang ở chế độ sửa ô.", error: new Error("x") });
    const view = await renderPane(new FakeHost(new BlocBuilder().build()));
    expect(await screen.findByText("Excel đang ở chế độ sửa ô.")).toBeTruthy();
    view.unmount();
  });
});
