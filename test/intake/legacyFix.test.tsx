/** @jest-environment jsdom */
import { act, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { UI } from "../../src/core/i18n/ui";
import { applyPlan } from "../../src/excel/applyPlan";
import { officeErrorMessage } from "../../src/excel/errors";
import { legacyTextCells } from "../../src/excel/fixLegacyText";
import { applyNumberFixes } from "../../src/excel/fixTextNumbers";
import { readSnapshot } from "../../src/excel/readSnapshot";
import { selectCell } from "../../src/excel/select";
import { BlocSession, type RunBatch } from "../../src/excel/session";
import { applyTemplatePlan, applyUnitAddition } from "../../src/excel/template";
import { App } from "../../src/taskpane/App";
import { fakeFromSnapshot } from "../support/excelFake";
import { encodeTcvn3, encodeVni } from "../support/legacyText";
import { BlocBuilder, UNITS } from "../support/snapshots";
import { FakeHost } from "../taskpane/fakeHost";
import { annotateIssues } from "../../src/excel/comments";

const vi = UI.vi;
/** BQP's name typed in VNI (roster and title), and one of BTP's labels typed in TCVN3. */
function legacyBloc() {
  const b = new BlocBuilder({ units: UNITS.map((u) => (u.code === "BQP" ? { ...u, name: encodeVni(u.name) } : u)) });
  const wb = b.build();
  const btp = wb.sheets.find((s) => s.name === "BTP")!;
  btp.values = btp.values.map((line) => line.map((v) => (v === "Số lượt tiếp công dân" ? encodeTcvn3(v) : v)));
  return wb;
}

describe("converting legacy text in place", () => {
  it("writes the Unicode text into exactly the legacy cells, as text, and the warnings go", async () => {
    const fake = fakeFromSnapshot(legacyBloc());
    const run: RunBatch = (batch) => fake.run(batch);
    const session = new BlocSession(run, { readSnapshot, applyPlan, selectCell, applyNumberFixes, applyTemplatePlan, applyUnitAddition, annotateIssues, officeErrorMessage });
    const checked = await session.check("vi");
    if (!checked.ok) throw new Error(checked.message);
    const fixes = legacyTextCells(checked.value.result.issues);
    expect(fixes.map((f) => [f.sheet, f.value])).toEqual([
      ["Cấu hình", "Thanh tra Bộ Quốc phòng"],
      ["BTP", "Số lượt tiếp công dân"],
      ["BQP", "THANH TRA BỘ QUỐC PHÒNG"],
    ]);
    const before = fake.cellsOf("BTP");
    const out = await session.fixText(fixes, "vi");
    if (!out.ok) throw new Error(out.message);
    expect(out.value.result.issues.filter((i) => i.code === "LEGACY_ENCODING")).toEqual([]);
    for (const f of fixes) expect(fake.cell(f.sheet, f.cell).value).toBe(f.value);
    // Nothing else on the sheet changed.
    const after = fake.cellsOf("BTP");
    const changed = after.values.flatMap((line, r) => line.flatMap((v, c) => (v !== before.values[r][c] ? [[r, c]] : [])));
    expect(changed).toHaveLength(1);
  });

  it("is offered in the pane behind a confirmation listing each cell", async () => {
    const host = new FakeHost(legacyBloc());
    render(<App host={host} initialLang="vi" utcOffsetMinutes={420} />);
    const button = await screen.findByRole("button", { name: vi.legacyFixCount(3) });
    fireEvent.click(button);
    expect(await screen.findByText(vi.legacyFixTitle)).toBeTruthy();
    expect(screen.getByText('"Thanh tra Bộ Quốc phòng"')).toBeTruthy();
    expect(host.textFixed).toEqual([]);
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: vi.legacyFixConfirm }));
    });
    await waitFor(() => expect(host.textFixed).toHaveLength(1));
    expect(host.textFixed[0].map((f) => f.value)).toEqual(["Thanh tra Bộ Quốc phòng", "Số lượt tiếp công dân", "THANH TRA BỘ QUỐC PHÒNG"]);
    expect(await screen.findByText(vi.legacyFixDone(3))).toBeTruthy();
    expect(screen.queryByRole("button", { name: /Chuyển sang Unicode/ })).toBeNull();
  });
});
