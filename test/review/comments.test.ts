/**
 * "Ghi nhận xét vào ô" against the strict Excel fake at each capability level: comments (ExcelApi
 * 1.10) resolved where 1.11 allows, else answered; notes (1.18) where comments are missing; nothing
 * below. Posted once, resolved by the next build once fixed, a person's words untouched.
 */
import { applyNumberFixes } from "../../src/excel/fixTextNumbers";
import { applyPlan } from "../../src/excel/applyPlan";
import { annotateIssues, annotationMode } from "../../src/excel/comments";
import { officeErrorMessage } from "../../src/excel/errors";
import { readSnapshot } from "../../src/excel/readSnapshot";
import { selectCell } from "../../src/excel/select";
import { BlocSession } from "../../src/excel/session";
import { applyTemplatePlan, applyUnitAddition } from "../../src/excel/template";
import type { Supports } from "../../src/excel/supports";
import { commentsOf, fakeFromSnapshot, notesOf, seedComment, seedNote, type FakeExcel } from "../support/excelFake";
import { BlocBuilder } from "../support/snapshots";

/** A host that has every requirement set up to `level` ("1.10" < "1.11" < "1.18"). */
const upTo =
  (level: string): Supports =>
  (set, version) => {
    const [a, b] = version.split(".").map(Number);
    const [x, y] = level.split(".").map(Number);
    return set === "ExcelApi" && (a < x || (a === x && b <= y));
  };
/** Notes without threaded comments (the fallback path). */
const notesOnly: Supports = (set, version) => set === "ExcelApi" && (version === "1.18" || Number(version.split(".")[1]) <= 9);

function session(fake: FakeExcel, supports: Supports): BlocSession {
  return new BlocSession(
    (batch) => fake.run(batch),
    { readSnapshot, applyPlan, selectCell, applyNumberFixes, applyTemplatePlan, applyUnitAddition, annotateIssues, officeErrorMessage },
    { now: () => new Date("2031-12-15T03:00:00.000Z"), utcOffsetMinutes: () => 420, supports },
  );
}

/** BTP's TT01 is "abc" (an error), BQP's XLD01 is -4 (an error). */
function defective() {
  const b = new BlocBuilder();
  b.set("BTP", "TT01", b.year, "abc");
  b.set("BQP", "XLD01", b.year, -4);
  return { b, tt01: b.address("BTP", "TT01", b.year), xld01: b.address("BQP", "XLD01", b.year) };
}

async function setCell(fake: FakeExcel, sheet: string, cell: string, v: number): Promise<void> {
  await fake.run(async (ctx) => {
    ctx.workbook.worksheets.getItem(sheet).getRange(cell).values = [[v]];
    await ctx.sync();
  });
}

describe("which way errors are posted", () => {
  it("comments from ExcelApi 1.10 (resolvable from 1.11), notes with 1.18 alone, nothing below", () => {
    expect(annotationMode(upTo("1.7"))).toEqual({ kind: "none" });
    expect(annotationMode(upTo("1.9"))).toEqual({ kind: "none" });
    expect(annotationMode(upTo("1.10"))).toEqual({ kind: "comments", canResolve: false });
    expect(annotationMode(upTo("1.11"))).toEqual({ kind: "comments", canResolve: true });
    expect(annotationMode(upTo("1.18"))).toEqual({ kind: "comments", canResolve: true });
    expect(annotationMode(notesOnly)).toEqual({ kind: "notes" });
  });
});

describe.each([
  ["1.18", true],
  ["1.13", true],
  ["1.10", false],
] as const)("comments in the fake at ExcelApi %s", (level, canResolve) => {
  it("posts each error once, resolves what a later build finds fixed, and leaves people's words alone", async () => {
    const { b, tt01, xld01 } = defective();
    const fake = fakeFromSnapshot(b.build(), { apiLevel: level });
    const s = session(fake, fake.supports);
    // A person already started a thread on BQP's cell.
    const theirs = seedComment(fake, "BQP", xld01, "Chị Lan", "Số này sao lại âm?");

    const first = await s.annotate("vi");
    expect(first.ok).toBe(true);
    if (!first.ok) return;
    expect(first.value.annotated).toEqual({ mode: "comments", posted: 2, resolved: 0, skipped: [] });
    const threads = commentsOf(fake);
    const ours = threads.find((t) => t.sheet === "BTP" && t.cell === tt01)!;
    expect(ours.content).toMatch(/^\[Bloc Summary\] VALUE_NOT_NUMBER: /);
    expect(theirs.content).toBe("Số này sao lại âm?");
    expect(theirs.replies.map((r) => r.content)).toEqual([expect.stringMatching(/^\[Bloc Summary\] VALUE_NEGATIVE: /)]);

    // Posted again: nothing new.
    const again = await s.annotate("vi");
    expect(again.ok && again.value.annotated.posted).toBe(0);
    expect(commentsOf(fake).length).toBe(2);

    // The unit answers in our thread, then fixes BTP's figure; the next build resolves the thread.
    ours.replies.push({ id: "p1", author: "Anh Minh", content: "Đã sửa thành số" });
    await setCell(fake, "BTP", tt01, 12);
    const built = await s.build("vi");
    expect(built.ok).toBe(true);
    if (!built.ok) return;
    expect(built.value.annotated?.resolved).toBe(1);
    if (canResolve) {
      expect(ours.resolved).toBe(true);
      expect(ours.replies.map((r) => r.content)).toEqual(["Đã sửa thành số"]);
    } else {
      expect(ours.resolved).toBe(false);
      expect(ours.replies.map((r) => r.content)).toEqual(["Đã sửa thành số", expect.stringMatching(/^\[Bloc Summary\] ✓ VALUE_NOT_NUMBER: /)]);
    }
    // The person's thread and its words are as they were; its error is still open.
    expect(theirs.content).toBe("Số này sao lại âm?");
    expect(theirs.resolved).toBe(false);
    expect(theirs.replies).toHaveLength(1);

    // Fixing BQP too: their thread gets a tagged reply, never resolved for them.
    await setCell(fake, "BQP", xld01, 4);
    await s.build("vi");
    expect(theirs.resolved).toBe(false);
    expect(theirs.replies.map((r) => r.content)).toEqual([expect.stringMatching(/VALUE_NEGATIVE/), expect.stringMatching(/^\[Bloc Summary\] ✓ VALUE_NEGATIVE: /)]);
    // Nothing more to say on another build.
    const quiet = await s.build("vi");
    expect(quiet.ok && quiet.value.annotated).toEqual({ mode: "comments", posted: 0, resolved: 0, skipped: [] });
  });
});

describe("notes where comments are missing", () => {
  it("writes one note per cell once, marks a fixed error's line, and skips a person's note", async () => {
    const { b, tt01, xld01 } = defective();
    const fake = fakeFromSnapshot(b.build());
    seedNote(fake, "BQP", xld01, "Chị Lan", "Gửi lại bản có chữ ký");
    const s = session(fake, notesOnly);
    const first = await s.annotate("en");
    expect(first.ok && first.value.annotated).toEqual({ mode: "notes", posted: 1, resolved: 0, skipped: [{ sheet: "BQP", cell: xld01 }] });
    expect(notesOf(fake).find((n) => n.sheet === "BTP")!.content).toMatch(/^\[Bloc Summary\] VALUE_NOT_NUMBER: /);
    expect((await s.annotate("en")).ok).toBe(true);
    expect(notesOf(fake)).toHaveLength(2);
    await setCell(fake, "BTP", tt01, 12);
    const built = await s.build("en");
    expect(built.ok && built.value.annotated?.resolved).toBe(1);
    expect(notesOf(fake).find((n) => n.sheet === "BTP")!.content).toMatch(/^\[Bloc Summary\] ✓ VALUE_NOT_NUMBER: fixed/);
    expect(notesOf(fake).find((n) => n.sheet === "BQP")!.content).toBe("Gửi lại bản có chữ ký");
  });
});

describe.each(["1.7", "1.8"] as const)("in the fake at ExcelApi %s (no comments, no notes)", (level) => {
  it("posts nothing and a build does not try", async () => {
    const { b } = defective();
    const fake = fakeFromSnapshot(b.build(), { apiLevel: level });
    const s = session(fake, fake.supports);
    expect(s.annotationMode()).toEqual({ kind: "none" });
    const built = await s.build("vi");
    expect(built.ok && built.value.annotated).toBeNull();
    expect(commentsOf(fake)).toEqual([]);
  });
});
