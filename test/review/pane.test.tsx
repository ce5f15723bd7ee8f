/** @jest-environment jsdom */
/**
 * The pane's shared-review section: confirmations ("2/4 đơn vị đã xác nhận", the others named),
 * the figures changed since the last build (each selects its cell), and "Ghi nhận xét vào ô".
 */
import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { buildBloc } from "../../src/core/pipeline";
import type { WorkbookSnapshot } from "../../src/core/snapshot";
import { App } from "../../src/taskpane/App";
import { BlocBuilder } from "../support/snapshots";
import { FakeHost, NOW } from "../taskpane/fakeHost";
import { applied, putCell, withConfirmation, withSheet } from "./helpers";
import { parseA1 } from "../../src/core/a1";

/** The bloc built once (with BCA and BTP confirmed), then BCA's TT01 changed by 2. */
function builtThenEdited(): { wb: WorkbookSnapshot; cell: string } {
  const b = new BlocBuilder();
  const wb0 = withConfirmation(b.build(), "Xác nhận", { BCA: "Nguyễn Văn A", BTP: "x" });
  const first = buildBloc(wb0, { lang: "vi", now: "2031-12-10T03:00:00.000Z", utcOffsetMinutes: 420 });
  const v = first.reports[0].values.get("TT01")!.get(b.year)!;
  const { row, col } = parseA1(v.cell);
  return { wb: withSheet(applied(wb0, first), "BCA", (s) => putCell(s, row, col, v.value + 2)), cell: v.cell };
}

async function renderPane(host: FakeHost, lang: "vi" | "en" = "vi") {
  render(<App host={host} initialLang={lang} utcOffsetMinutes={420} />);
  await screen.findByTestId("counts");
}

describe("the pane's shared review", () => {
  it("shows how many units confirmed and names the others", async () => {
    const { wb } = builtThenEdited();
    await renderPane(new FakeHost(wb));
    const box = within(screen.getByTestId("confirmation"));
    expect(box.getByText("2/4 đơn vị đã xác nhận")).toBeTruthy();
    expect(box.getByText("Chưa xác nhận: BQP (Thanh tra Bộ Quốc phòng), BNV (Thanh tra Bộ Nội vụ)")).toBeTruthy();
  });

  it("lists the figures changed since the last build; a click selects the cell", async () => {
    const { wb, cell } = builtThenEdited();
    const host = new FakeHost(wb);
    await renderPane(host);
    const box = within(screen.getByTestId("changes"));
    expect(box.getByText("1 số liệu thay đổi từ lần tổng hợp trước")).toBeTruthy();
    const item = box.getByRole("button");
    expect(item.textContent).toMatch(/^.+BCA · TT01 · năm 2031: [\d.]+ → [\d.]+$/);
    fireEvent.click(item);
    await waitFor(() => expect(host.selected).toEqual([{ sheet: "BCA", cell }]));
  });

  it("says so on a workbook never built, and when nothing changed", async () => {
    await renderPane(new FakeHost(new BlocBuilder().build()), "en");
    expect(within(screen.getByTestId("changes")).getByText(/No earlier build to compare with/)).toBeTruthy();
    expect(within(screen.getByTestId("confirmation")).getByText(/The roster has no "Confirmed" column/)).toBeTruthy();
  });

  it("posts the errors as comments when asked, and reports what it wrote", async () => {
    const b = new BlocBuilder();
    b.set("BTP", "TT01", b.year, "abc");
    const host = new FakeHost(b.build());
    await renderPane(host);
    fireEvent.click(screen.getByRole("button", { name: "Ghi nhận xét vào ô" }));
    await waitFor(() => expect(host.annotations).toBe(1));
    const errors = buildBloc(b.build(), { lang: "vi", now: NOW }).errors;
    expect(await screen.findByText(`Đã ghi ${errors} nhận xét mới và đánh dấu 0 nhận xét đã xử lý.`)).toBeTruthy();
  });

  it("offers notes where comments are missing, and hides the button with a reason where neither exists", async () => {
    const b = new BlocBuilder();
    b.set("BTP", "TT01", b.year, "abc");
    const notes = new FakeHost(b.build());
    notes.mode = { kind: "notes" };
    await renderPane(notes);
    expect(screen.getByRole("button", { name: "Ghi nhận xét vào ô (dạng ghi chú)" })).toBeTruthy();
    document.body.innerHTML = "";
    const none = new FakeHost(b.build());
    none.mode = { kind: "none" };
    await renderPane(none);
    expect(screen.queryByRole("button", { name: /Ghi nhận xét vào ô/ })).toBeNull();
    expect(screen.getByTestId("comments-unavailable").textContent).toMatch(/ExcelApi 1.10 hoặc 1.18/);
  });
});
