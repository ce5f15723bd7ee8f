/** @jest-environment jsdom */
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { staleText } from "../../src/core/i18n/stale";
import { buildBloc } from "../../src/core/pipeline";
import type { Staleness } from "../../src/core/fingerprint";
import { App } from "../../src/taskpane/App";
import { viText } from "../core/helpers/run";
import { BlocBuilder } from "../support/snapshots";
import { FakeHost, NOW } from "./fakeHost";

/**
 * A bloc with two text numbers on BTP (fixable), a number that is no number on BQP (not fixable),
 * and a tenfold change on BCA (a warning).
 */
function defectiveBloc() {
  const b = new BlocBuilder();
  const y = b.year;
  b.set("BTP", "XLD01", y, viText(b.value("BTP", "XLD01", y)));
  b.set("BTP", "TCD01", y, String(b.value("BTP", "TCD01", y)));
  b.set("BQP", "TT06", y, "hai");
  b.setValue("BCA", "GQ01", y, b.value("BCA", "GQ01", b.compareYear) * 20);
  return b;
}

async function renderPane(host: FakeHost, lang: "vi" | "en" = "vi") {
  render(<App host={host} initialLang={lang} utcOffsetMinutes={420} />);
  await screen.findByTestId("counts");
}

describe("task pane", () => {
  it("shows the bloc, year and units the engine found", async () => {
    const host = new FakeHost(new BlocBuilder().build());
    await renderPane(host);
    expect(screen.getByTestId("year").textContent).toBe("2031");
    const units = within(screen.getByTestId("units"))
      .getAllByRole("listitem")
      .map((li) => li.textContent);
    expect(units).toEqual(["BCAThanh tra Bộ Công an", "BTPThanh tra Bộ Tư pháp", "BQPThanh tra Bộ Quốc phòng", "BNVThanh tra Bộ Nội vụ"]);
    expect(screen.getByTestId("status").textContent).toBe('Chưa có bảng tổng hợp nào trong sổ (chưa chạy "Tổng hợp Khối").');
    expect(screen.getByText("Không có lỗi hay cảnh báo nào.")).toBeTruthy();
  });

  it("groups issues by sheet with a count per severity", async () => {
    const b = defectiveBloc();
    const host = new FakeHost(b.build());
    await renderPane(host);
    const expected = buildBloc(b.build(), { lang: "vi", now: NOW });
    expect(screen.getByTestId("counts").textContent).toBe(`${expected.errors} lỗi, ${expected.warnings} cảnh báo`);
    const headers = screen.getAllByRole("button", { expanded: true });
    expect(headers.map((h) => h.textContent)).toEqual(["BCA1", "BTP2", "BQP1"]);
    const btp = within(document.querySelector('[data-sheet="BTP"]') as HTMLElement);
    expect(btp.getAllByText("Lỗi")).toHaveLength(2);
    const bca = within(document.querySelector('[data-sheet="BCA"]') as HTMLElement);
    expect(bca.getByText("Cảnh báo")).toBeTruthy();
    expect(bca.getByText(/thay đổi bất thường/)).toBeTruthy();
  });

  it("selects the cell of the issue that is clicked, or chosen with the keyboard", async () => {
    const b = defectiveBloc();
    const host = new FakeHost(b.build());
    await renderPane(host);
    const xld = b.address("BTP", "XLD01", b.year);
    fireEvent.click(screen.getByTitle(`Đến ô ${xld} của sheet BTP`));
    await waitFor(() => expect(host.selected).toEqual([{ sheet: "BTP", cell: xld }]));
    // Issues are real buttons: focusable, activated by Enter/Space like any button.
    const tt06 = screen.getByTitle(`Đến ô ${b.address("BQP", "TT06", b.year)} của sheet BQP`);
    expect(tt06.tagName).toBe("BUTTON");
    tt06.focus();
    expect(document.activeElement).toBe(tt06);
  });

  it("lists exactly the fixable cells in the fix dialog and fixes those", async () => {
    const b = defectiveBloc();
    const host = new FakeHost(b.build());
    await renderPane(host);
    fireEvent.click(screen.getByRole("button", { name: "Sửa số dạng văn bản (2)" }));
    const dialog = await screen.findByRole("alertdialog");
    const rows = within(dialog)
      .getAllByRole("row")
      .slice(1)
      .map((r) =>
        within(r)
          .getAllByRole("cell")
          .map((c) => c.textContent),
      );
    const tcd = b.address("BTP", "TCD01", b.year);
    const xld = b.address("BTP", "XLD01", b.year);
    const v = (c: string, i: string) => b.value(c, i, b.year);
    expect(rows).toEqual([
      [`BTP!${tcd}`, `"${v("BTP", "TCD01")}"`, viText(v("BTP", "TCD01"))],
      [`BTP!${xld}`, `"${viText(v("BTP", "XLD01"))}"`, viText(v("BTP", "XLD01"))],
    ]);
    // The fix writes numbers; the host answers with the workbook as it now is.
    host.workbook = new BlocBuilder().build();
    fireEvent.click(within(dialog).getByRole("button", { name: "Ghi thành số" }));
    await waitFor(() => expect(host.fixed).toHaveLength(1));
    expect(host.fixed[0].map((f) => [f.sheet, f.cell, f.value])).toEqual([
      ["BTP", tcd, v("BTP", "TCD01")],
      ["BTP", xld, v("BTP", "XLD01")],
    ]);
    await waitFor(() => expect(screen.queryByRole("alertdialog")).toBeNull());
    expect(screen.getByTestId("counts").textContent).toBe("0 lỗi, 0 cảnh báo");
    expect(screen.queryByRole("button", { name: /Sửa số dạng văn bản/ })).toBeNull();
    expect(host.builds).toBe(0);
  });

  it("writes nothing when the fix is cancelled", async () => {
    const host = new FakeHost(defectiveBloc().build());
    await renderPane(host);
    fireEvent.click(screen.getByRole("button", { name: "Sửa số dạng văn bản (2)" }));
    const dialog = await screen.findByRole("alertdialog");
    fireEvent.click(within(dialog).getByRole("button", { name: "Hủy" }));
    await waitFor(() => expect(screen.queryByRole("alertdialog")).toBeNull());
    expect(host.fixed).toEqual([]);
  });

  it("switches every text to English and back", async () => {
    const host = new FakeHost(defectiveBloc().build());
    await renderPane(host);
    expect(screen.getByRole("button", { name: "Tổng hợp Khối" })).toBeTruthy();
    fireEvent.click(screen.getByRole("radio", { name: "English" }));
    expect(screen.getByRole("button", { name: "Build bloc summary" })).toBeTruthy();
    expect(screen.getByText("Errors and warnings")).toBeTruthy();
    expect(screen.getByRole("button", { name: "Fix text numbers (2)" })).toBeTruthy();
    expect(screen.getAllByText(/changed unusually/).length).toBe(1);
    expect(screen.queryByText(/Lỗi/)).toBeNull();
    fireEvent.click(screen.getByRole("radio", { name: "Tiếng Việt" }));
    expect(screen.getByRole("button", { name: "Tổng hợp Khối" })).toBeTruthy();
  });

  it("says the outcome of a build in the language chosen afterwards", async () => {
    const host = new FakeHost(defectiveBloc().build());
    await renderPane(host);
    fireEvent.click(screen.getByRole("button", { name: "Tổng hợp Khối" }));
    await screen.findByText(/Đã ghi kết quả nhưng còn 3 lỗi; xem sheet "Kiểm tra"/);
    fireEvent.click(screen.getByRole("radio", { name: "English" }));
    expect(screen.getByText(/Outputs written, but 3 errors remain; see the "Kiểm tra" sheet/)).toBeTruthy();
  });

  it("says whether the summary in the workbook is out of date, in the command line's words", async () => {
    const host = new FakeHost(new BlocBuilder().build());
    const check = host.check.bind(host);
    let stale: Staleness | null = { stale: true, changed: ["BTP", "BNV"], added: [], removed: [], builtAt: "2031-12-14T01:30:00.000Z" };
    host.check = async (lang) => {
      const out = await check(lang);
      if (out.ok) out.value.result.stale = stale;
      return out;
    };
    await renderPane(host);
    const status = () => screen.getByTestId("status").textContent;
    expect(status()).toBe(staleText(stale, "vi", 420));
    expect(status()).toMatch(/^Bảng tổng hợp đã CŨ: .* lúc 14\/12\/2031 08:30 \(UTC\+07:00\)\. .*\n {2}Sheet đã thay đổi: "BTP", "BNV"$/);
    stale = { stale: false, changed: [], added: [], removed: [], builtAt: "2031-12-14T01:30:00.000Z" };
    fireEvent.click(screen.getByRole("button", { name: "Kiểm tra lại" }));
    await waitFor(() => expect(status()).toBe(staleText(stale, "vi", 420)));
    expect(status()).toMatch(/^Bảng tổng hợp còn khớp/);
    // A build makes the summary current, whatever was read before it.
    stale = { stale: true, changed: ["BTP"], added: [], removed: [], builtAt: "2031-12-14T01:30:00.000Z" };
    fireEvent.click(screen.getByRole("button", { name: "Tổng hợp Khối" }));
    await waitFor(() => expect(status()).toBe("Đã tổng hợp lúc 15/12/2031 10:00 (UTC+07:00)."));
    fireEvent.click(screen.getByRole("radio", { name: "English" }));
    expect(status()).toBe("Built at 15/12/2031 10:00 (UTC+07:00).");
  });

  it("starts in the language it is given", async () => {
    await renderPane(new FakeHost(new BlocBuilder().build()), "en");
    expect(screen.getByRole("radio", { name: "English" })).toHaveProperty("checked", true);
    expect(screen.getByText('The workbook holds no summary yet ("Build bloc summary" has not been run).')).toBeTruthy();
  });

  it("shows the build's steps as they run, then the outcome", async () => {
    const host = new FakeHost(new BlocBuilder().build());
    host.gate = () => {};
    await renderPane(host);
    fireEvent.click(screen.getByRole("button", { name: "Tổng hợp Khối" }));
    const current = () => document.querySelector('[aria-current="step"]')?.textContent;
    await waitFor(() => expect(current()).toBe("Đọc dữ liệu"));
    expect(screen.getByText("Bước 1/4: Đọc dữ liệu")).toBeTruthy();
    expect(screen.getByRole("button", { name: "Đang tổng hợp…" })).toHaveProperty("disabled", true);
    for (const [k, name] of [
      [2, "Kiểm tra"],
      [3, "Tính toán"],
      [4, "Ghi kết quả"],
    ] as const) {
      await act(async () => host.advance());
      await waitFor(() => expect(current()).toBe(name));
      expect(screen.getByText(`Bước ${k}/4: ${name}`)).toBeTruthy();
    }
    await act(async () => host.advance());
    await screen.findByText(/Đã tổng hợp xong; đang mở sheet "Tổng hợp 2031"/);
    expect([...document.querySelectorAll("[data-state]")].map((e) => e.getAttribute("data-state"))).toEqual(["done", "done", "done", "done"]);
    expect(host.steps).toEqual(["read", "check", "compute", "write"]);
    expect(screen.getByTestId("status").textContent).toBe("Đã tổng hợp lúc 15/12/2031 10:00 (UTC+07:00).");
  });

  it("says why a build failed", async () => {
    const host = new FakeHost(new BlocBuilder().build(), "Sổ làm việc đang ở chế độ sửa ô.");
    await renderPane(host);
    fireEvent.click(screen.getByRole("button", { name: "Tổng hợp Khối" }));
    await screen.findByText("Sổ làm việc đang ở chế độ sửa ô.");
    expect(screen.getByText("Không thực hiện được")).toBeTruthy();
    expect(screen.getByRole("button", { name: "Tổng hợp Khối" })).toHaveProperty("disabled", false);
  });
});
