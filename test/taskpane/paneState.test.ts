/** The pane's reducer alone: what each step of each task does to the state. */
import { UI } from "../../src/core/i18n/ui";
import { buildBloc } from "../../src/core/pipeline";
import type { Built, Checked } from "../../src/excel/session";
import { initialPaneState, isWorking, paneReducer, type PaneAction, type PaneState } from "../../src/taskpane/paneState";
import { BlocBuilder } from "../support/snapshots";

const vi = UI.vi;
const NOW = "2031-12-15T03:00:00.000Z";

function checkedOf(b: BlocBuilder, at = NOW): Checked {
  return { result: buildBloc(b.build(), { lang: "vi", now: at }), at };
}

const run = (s: PaneState, ...actions: PaneAction[]) => actions.reduce(paneReducer, s);
const idle = (checked: Checked) => run(initialPaneState("vi"), { type: "checked", checked });

describe("the pane's state", () => {
  it("opens reading the workbook, then holds what the check found", () => {
    const s0 = initialPaneState("en");
    expect([s0.busy, s0.checked, s0.lang]).toEqual(["check", null, "en"]);
    const c = checkedOf(new BlocBuilder());
    const s1 = paneReducer(s0, { type: "checked", checked: c });
    expect([s1.busy, s1.checked, s1.builtAt]).toEqual([null, c, null]);
  });

  it("shows the build's steps from 'read' and keeps them after the build, with its time", () => {
    const c = checkedOf(new BlocBuilder());
    const started = run(idle(c), { type: "started", task: "build" }, { type: "step", step: "compute" });
    expect([started.busy, started.step, started.progressShown, isWorking(started)]).toEqual(["build", "compute", true, true]);
    const built: Built = { ...checkedOf(new BlocBuilder(), "2031-12-15T04:00:00.000Z"), activated: "Tổng hợp 2031", annotated: null };
    const after = paneReducer(started, { type: "built", built });
    expect([after.busy, after.step, after.progressShown, after.builtAt, after.checked]).toEqual([null, null, true, built.at, built]);
    expect(after.notice?.intent).toBe("success");
    expect(after.notice?.text(vi)).toBe(vi.builtOk("Tổng hợp 2031"));
    // A check afterwards replaces the reading: the summary's time is no longer the reading's.
    expect(paneReducer(after, { type: "checked", checked: c }).builtAt).toBeNull();
  });

  it("words a build that left errors as a warning naming the sheet it opened", () => {
    const b = new BlocBuilder();
    b.set("BQP", "TT06", b.year, "hai");
    const built: Built = { ...checkedOf(b), activated: "Kiểm tra", annotated: null };
    const s = run(idle(checkedOf(new BlocBuilder())), { type: "started", task: "build" }, { type: "built", built });
    expect(s.notice?.intent).toBe("warning");
    expect(s.notice?.text(vi)).toBe(vi.builtWithErrors(built.result.errors, "Kiểm tra"));
  });

  it("hides the steps when a build fails and says why, keeping the last reading", () => {
    const c = checkedOf(new BlocBuilder());
    const s = run(idle(c), { type: "started", task: "build" }, { type: "failed", task: "build", message: "Đang sửa ô." });
    expect([s.busy, s.step, s.progressShown, s.checked]).toEqual([null, null, false, c]);
    expect([s.notice?.intent, s.notice?.failed, s.notice?.text(vi)]).toEqual(["error", true, "Đang sửa ô."]);
  });

  it("keeps the last outcome on screen while a cell is selected, and is not 'working' then", () => {
    const c = checkedOf(new BlocBuilder());
    const built: Built = { ...c, activated: "Tổng hợp 2031", annotated: null };
    const s = run(idle(c), { type: "started", task: "build" }, { type: "built", built }, { type: "started", task: "select" });
    expect(s.busy).toBe("select");
    expect(isWorking(s)).toBe(false);
    expect(s.notice?.text(vi)).toBe(vi.builtOk("Tổng hợp 2031"));
    expect(paneReducer(s, { type: "selected" }).busy).toBeNull();
  });

  it("closes the fix dialog when the fix ends, either way", () => {
    const c = checkedOf(new BlocBuilder());
    const open = run(idle(c), { type: "fixDialog", open: true }, { type: "started", task: "fix" });
    expect([open.fixOpen, open.busy]).toEqual([true, "fix"]);
    const fixed = paneReducer(open, { type: "fixed", checked: c, count: 2 });
    expect([fixed.fixOpen, fixed.busy, fixed.notice?.text(vi)]).toEqual([false, null, vi.fixDone(2)]);
    const failed = paneReducer(open, { type: "failed", task: "fix", message: "x" });
    expect([failed.fixOpen, failed.busy]).toEqual([false, null]);
  });

  it("does not hold the pane while a document is prepared, and says where it went", () => {
    const c = checkedOf(new BlocBuilder());
    const s = run(idle(c), { type: "started", task: "download" });
    expect(s.busy).toBeNull();
    expect(paneReducer(s, { type: "downloaded", file: "Tờ trình 2031.docx" }).notice?.text(vi)).toBe(vi.downloaded("Tờ trình 2031.docx"));
    expect(paneReducer(s, { type: "downloadBlocked", sheet: "Tờ trình 2031" }).notice?.intent).toBe("warning");
    // A failed download never frees a task it does not own.
    const selecting = run(s, { type: "started", task: "select" }, { type: "failed", task: "download", message: "x" });
    expect(selecting.busy).toBe("select");
  });

  it("switches language without touching anything else, and a dismissed notice is gone", () => {
    const c = checkedOf(new BlocBuilder());
    const s = run(idle(c), { type: "started", task: "build" }, { type: "failed", task: "build", message: "x" });
    const en = paneReducer(s, { type: "lang", lang: "en" });
    expect({ ...en, lang: "vi" }).toEqual(s);
    expect(paneReducer(s, { type: "dismissed" }).notice).toBeNull();
  });
});
