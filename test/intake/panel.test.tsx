/** @jest-environment jsdom */
import { act, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { TextDecoder as UtilTextDecoder, TextEncoder as UtilTextEncoder } from "util";
import { INTAKE_UI } from "../../src/core/i18n/intake";
import { IntakeSession } from "../../src/excel/intake";
import { unitFileReader } from "../../src/xlsx/unitFileReader";
import { ImportPanel } from "../../src/taskpane/components/ImportPanel";
import { App } from "../../src/taskpane/App";
import { FakeHost } from "../taskpane/fakeHost";
import { FakeExcel } from "../support/excelFake";
import { FILE_WIDTHS, importScenario, xlsxOf } from "../support/unitFiles";

const vi = INTAKE_UI.vi;

// jsdom has no TextDecoder/TextEncoder, which every browser the pane runs in has: Node's stand in.
beforeAll(() => {
  Object.assign(globalThis, { TextDecoder: globalThis.TextDecoder ?? UtilTextDecoder, TextEncoder: globalThis.TextEncoder ?? UtilTextEncoder });
});

async function setUp() {
  const { bloc, files } = importScenario();
  const fake = new FakeExcel();
  for (const s of bloc.sheets) fake.seedSheet(s);
  const session = new IntakeSession((batch) => fake.run(batch), {
    // The host-neutral reader itself (widths: test/intake/pane.test.ts).
    loadReader: async () => ({ ...unitFileReader, columnWidths: () => [] }),
    supports: () => true,
  });
  const picked: File[] = [];
  for (const f of files) picked.push(new File([new Uint8Array(await xlsxOf(f.snapshot, { [f.snapshot.sheets[0].name]: FILE_WIDTHS }))], f.name));
  const imported: string[][] = [];
  render(
    <FluentProvider theme={webLightTheme}>
      <ImportPanel host={session} lang="vi" onImported={(s) => imported.push(s)} />
    </FluentProvider>,
  );
  return { fake, picked, imported };
}

describe("the import panel", () => {
  it("shows each file's unit, sheet, years and action, writes nothing before the user confirms, then imports what was confirmed", async () => {
    const { fake, picked, imported } = await setUp();
    const before = fake.sheetNames();
    await act(async () => {
      fireEvent.change(screen.getByTestId("import-files"), { target: { files: picked } });
    });
    const row = async (file: string) => (await screen.findByText(file)).closest("li")!;
    expect((await row("bao-cao-noi-vu.xlsx")).textContent).toContain("BNV — Thanh tra Bộ Nội vụ");
    expect((await row("bao-cao-noi-vu.xlsx")).textContent).toContain("Thêm mới");
    expect((await row("cong-an.xlsx")).textContent).toContain("Giống hệt — bỏ qua");
    expect((await row("tai-chinh.xlsx")).textContent).toContain("Không rõ đơn vị");
    expect((await row("btp-2031.xlsx")).textContent).toContain("2030, 2031");
    expect(fake.sheetNames()).toEqual(before);

    // Only the new sheet until the replacement is ticked and the unknown file given a unit.
    expect(screen.getByRole("button", { name: vi.confirm(1) })).toBeTruthy();
    fireEvent.click(screen.getByRole("checkbox", { name: "Thay thế (2 số liệu khác)" }));
    expect(screen.getByRole("button", { name: vi.confirm(2) })).toBeTruthy();
    fireEvent.change(screen.getByLabelText(`${vi.chooseUnit}: tai-chinh.xlsx`), { target: { value: "BQP" } });
    expect((await row("tai-chinh.xlsx")).textContent).toContain("Thay thế");
    expect(fake.sheetNames()).toEqual(before);

    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: vi.confirm(2) }));
    });
    await waitFor(() => expect(imported).toEqual([["BNV", "BTP"]]));
    expect(await screen.findByText(vi.done(["BNV", "BTP"]))).toBeTruthy();
    expect(fake.sheetNames()).toContain("BNV");
    expect(fake.sheetNames().filter((n) => n.startsWith("~"))).toEqual([]);
  });
});

describe("the pane", () => {
  it("offers the import panel when its host can import, and not otherwise", async () => {
    const { bloc } = importScenario();
    const intake = new IntakeSession(async () => bloc as never, { loadReader: async () => ({ read: () => bloc, problem: () => null, columnWidths: () => [] }) });
    const { unmount } = render(<App host={new FakeHost(bloc)} initialLang="vi" utcOffsetMinutes={420} intake={intake} />);
    expect(await screen.findByRole("heading", { name: vi.title })).toBeTruthy();
    expect(screen.getByRole("button", { name: vi.pick })).toBeTruthy();
    unmount();
    render(<App host={new FakeHost(bloc)} initialLang="vi" utcOffsetMinutes={420} />);
    await screen.findByTestId("counts");
    expect(screen.queryByRole("heading", { name: vi.title })).toBeNull();
  });
});
