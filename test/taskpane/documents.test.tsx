/** @jest-environment jsdom */
import { TextDecoder, TextEncoder } from "node:util";
import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { UI } from "../../src/core/i18n/ui";
import { App } from "../../src/taskpane/App";
import type { SaveFile } from "../../src/taskpane/download";
import { blobBytes } from "../support/blob";
import { BlocBuilder } from "../support/snapshots";
import { FakeHost } from "./fakeHost";

const vi = UI.vi;

// jsdom has no TextEncoder; the docx writer needs one (every browser has it).
Object.assign(globalThis, { TextEncoder, TextDecoder });

async function renderPane(host: FakeHost, saveFile: SaveFile) {
  render(<App host={host} initialLang="vi" utcOffsetMinutes={420} saveFile={saveFile} />);
  await screen.findByTestId("counts");
}

/** Writing a .docx loads the docx library and packs a zip: seconds on a busy machine, not the 1 s default. */
const DOCX = { timeout: 20_000 };

const button = (name: string) => screen.getByRole("button", { name }) as HTMLButtonElement;

describe("document downloads", () => {
  it("are enabled when the build has a submission and save a .docx Blob named for the year", async () => {
    const b = new BlocBuilder();
    const saved: { blob: Blob; name: string }[] = [];
    await renderPane(new FakeHost(b.build()), (blob, name) => {
      saved.push({ blob, name });
    });
    expect(button(vi.downloadSubmission).disabled).toBe(false);
    expect(button(vi.downloadMinutes).disabled).toBe(false);
    fireEvent.click(button(vi.downloadSubmission));
    await screen.findByText(vi.downloaded(`Tờ trình ${b.year}.docx`), {}, DOCX);
    expect(saved).toHaveLength(1);
    expect(saved[0].name).toBe(`Tờ trình ${b.year}.docx`);
    expect(saved[0].blob).toBeInstanceOf(Blob);
    expect(saved[0].blob.type).toBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    const head = await blobBytes(saved[0].blob);
    expect(String.fromCharCode(head[0], head[1])).toBe("PK");
  });

  it("are disabled while errors remain, and say why", async () => {
    const b = new BlocBuilder();
    b.set("BTP", "TT01", b.year, "abc");
    const save = jest.fn();
    await renderPane(new FakeHost(b.build()), save);
    expect(button(vi.downloadSubmission).disabled).toBe(true);
    expect(button(vi.downloadMinutes).disabled).toBe(true);
    expect(screen.getByText(vi.documentsNeedClean)).toBeTruthy();
    expect(save).not.toHaveBeenCalled();
  });

  it("point to the submission sheet when the host will not download", async () => {
    const b = new BlocBuilder();
    const save = jest.fn(() => {
      throw new Error("downloads are not supported here");
    });
    await renderPane(new FakeHost(b.build()), save);
    fireEvent.click(button(vi.downloadMinutes));
    await screen.findByText(vi.downloadBlocked(`Tờ trình ${b.year}`), {}, DOCX);
    expect(save).toHaveBeenCalledTimes(1);
    expect((save.mock.calls[0] as unknown[])[1]).toBe(`Biên bản ${b.year}.docx`);
    await waitFor(() => expect(button(vi.downloadMinutes).disabled).toBe(false), DOCX);
  });
});
