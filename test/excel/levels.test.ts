/**
 * The Office.js host at every capability level the strict fake knows (ExcelApi 1.7 — the floor —
 * 1.8, 1.10, 1.13, 1.18): a build, a rebuild that keeps the user's references, a heavily merged
 * form, the one-click fix, and the workbook's lock. The fake rejects anything above its level with
 * ApiNotAvailable, so an unguarded call fails these tests at the level that lacks it.
 */
import { sheetFromRows } from "../../src/core/snapshot";
import { applyPlan } from "../../src/excel/applyPlan";
import { officeErrorMessage } from "../../src/excel/errors";
import { applyNumberFixes } from "../../src/excel/fixTextNumbers";
import { decodeLock, encodeLock, LOCK_NAME, LOCK_TTL_MS, withWorkbookLock, WorkbookBusyError } from "../../src/excel/lock";
import { readSnapshot } from "../../src/excel/readSnapshot";
import { selectCell } from "../../src/excel/select";
import { BlocSession, fixableCells, type RunBatch } from "../../src/excel/session";
import { applyTemplatePlan, applyUnitAddition } from "../../src/excel/template";
import { viText } from "../core/helpers/run";
import { API_LEVELS, fakeFromSnapshot, type FakeExcel } from "../support/excelFake";
import { BlocBuilder } from "../support/snapshots";
import { annotateIssues } from "../../src/excel/comments";

const NOW = new Date("2031-12-15T03:00:00.000Z");

function session(fake: FakeExcel, now: () => Date = () => NOW): BlocSession {
  const run: RunBatch = (batch) => fake.run(batch);
  const ops = { readSnapshot, applyPlan, selectCell, applyNumberFixes, applyTemplatePlan, applyUnitAddition, annotateIssues, officeErrorMessage };
  return new BlocSession(run, ops, { now, utcOffsetMinutes: () => 420, supports: fake.supports });
}

const noApiRefused = (fake: FakeExcel): boolean => fake.syncLog.every((s) => s.failed !== "ApiNotAvailable");

describe.each(API_LEVELS)("the Office.js host at ExcelApi %s", (level) => {
  it("builds the bloc in 4 syncs and shows the summary", async () => {
    const b = new BlocBuilder();
    const fake = fakeFromSnapshot(b.build(), { apiLevel: level });
    const out = await session(fake).build("vi");
    if (!out.ok) throw out.error;
    expect(fake.syncCount).toBe(4);
    expect(noApiRefused(fake)).toBe(true);
    expect(fake.activeSheetName).toBe(`Tổng hợp ${b.year}`);
    // The lock is gone once the build is done.
    expect(fake.names().map((n) => n.name)).not.toContain(LOCK_NAME);
    // Page layout only where ExcelApi 1.9 exists; the fake's default is Letter.
    expect(fake.sheet(`Tổng hợp ${b.year}`).pageLayout.paperSize).toBe(Number(level.split(".")[1]) >= 9 ? "A4" : "Letter");
  });

  it("rebuilds in place: a user's formula on the summary shows the new figure, no #REF!", async () => {
    const b = new BlocBuilder();
    const fake = fakeFromSnapshot(b.build(), { apiLevel: level });
    const first = await session(fake).build("vi");
    if (!first.ok) throw first.error;
    const summary = first.value.result.plan.sheets[0];
    const source = b.address("BCA", "TT01", b.year);
    // The summary cell that is BCA's TT01 of the report year: a plain reference to the unit's cell.
    let at = "";
    summary.rows.forEach((line, r) =>
      line?.forEach((cell, c) => {
        if (!at && cell?.formula && new RegExp(`^=?'?${b.sheetName("BCA")}'?!\\$?${source.replace(/(\d)/, "\\$?$1")}$`).test(cell.formula))
          at = `${String.fromCharCode(65 + c)}${r + 1}`;
      }),
    );
    expect(at).not.toBe("");
    fake.addSheet("Của tôi");
    await fake.run(async (context) => {
      context.workbook.worksheets.getItem("Của tôi").getRange("A1").formulas = [[`='${summary.name}'!${at}`]];
      await context.sync();
    });
    const before = b.value("BCA", "TT01", b.year);
    expect(fake.evaluate("Của tôi", "A1")).toBe(before);
    await fake.run(async (context) => {
      context.workbook.worksheets.getItem(b.sheetName("BCA")).getRange(source).values = [[before + 7]];
      await context.sync();
    });
    fake.resetLog();
    const second = await session(fake).build("vi");
    if (!second.ok) throw second.error;
    expect(fake.syncCount).toBe(4);
    expect(fake.evaluate("Của tôi", "A1")).toBe(before + 7);
  });

  it("builds a workbook whose unit sheet has 600 merged areas", async () => {
    const b = new BlocBuilder();
    const bca = b.unitSheetSnapshot("BCA");
    const rows = bca.values.length;
    const merged = sheetFromRows(bca.name, [...bca.values, ...Array.from({ length: 1200 }, () => [null])], {
      top: bca.top,
      left: bca.left,
      formulas: bca.formulas,
      numberFormats: bca.numberFormats,
      merges: Array.from({ length: 600 }, (_, i) => `H${bca.top + rows + 2 + 2 * i}:J${bca.top + rows + 2 + 2 * i}`),
    });
    b.replaceSheet(bca.name, merged);
    const fake = fakeFromSnapshot(b.build(), { apiLevel: level });
    expect(fake.sheet(bca.name).merges).toHaveLength(600);
    const out = await session(fake).build("en");
    if (!out.ok) throw out.error;
    expect(out.value.result.errors).toBe(0);
    expect(fake.syncCount).toBe(4);
  });

  it("fixes numbers stored as text", async () => {
    const b = new BlocBuilder();
    const n = b.value("BTP", "TT01", b.year);
    b.set("BTP", "TT01", b.year, viText(n), { format: "@" });
    const fake = fakeFromSnapshot(b.build(), { apiLevel: level });
    const s = session(fake);
    const checked = await s.check("vi");
    if (!checked.ok) throw checked.error;
    const fixed = await s.fix(fixableCells(checked.value.result.issues), "vi");
    if (!fixed.ok) throw fixed.error;
    expect(fake.cell("BTP", b.address("BTP", "TT01", b.year)).value).toBe(n);
    expect(noApiRefused(fake)).toBe(true);
  });
});

describe("one build at a time", () => {
  it("refuses a second build while another holds the workbook, in the user's language, writing nothing", async () => {
    const b = new BlocBuilder();
    const fake = fakeFromSnapshot(b.build());
    const started = NOW.getTime() - 30_000;
    fake.addName(LOCK_NAME, encodeLock({ token: "other", started, expires: started + LOCK_TTL_MS, source: "ribbon" }));
    const names = fake.sheetNames();
    const vi = await session(fake).build("vi");
    const en = await session(fake).build("en");
    expect(vi.ok || en.ok).toBe(false);
    if (vi.ok || en.ok) return;
    expect(vi.error).toBeInstanceOf(WorkbookBusyError);
    expect(vi.message).toMatch(/^Một lần tổng hợp khác đang chạy trên sổ làm việc này \(bắt đầu lúc \d\d:\d\d\)\..*5 phút\.$/);
    expect(en.message).toMatch(/^Another build of this workbook is running \(started at \d\d:\d\d\)\..*5 minutes\.$/);
    expect(fake.sheetNames()).toEqual(names);
    expect(fake.writesApplied).toBe(0);
    // Its lock is untouched.
    expect(decodeLock(fake.names()[0].formula)?.token).toBe("other");
  });

  it("takes over a lock left by a build that crashed, once it has expired", async () => {
    const b = new BlocBuilder();
    const fake = fakeFromSnapshot(b.build());
    const started = NOW.getTime() - LOCK_TTL_MS - 1_000;
    fake.addName(LOCK_NAME, encodeLock({ token: "crashed", started, expires: started + LOCK_TTL_MS, source: "pane" }));
    const out = await session(fake).build("vi");
    if (!out.ok) throw out.error;
    expect(fake.names()).toEqual([]);
    expect(fake.syncCount).toBe(4);
  });

  it("stops a build whose lock a co-author took between its reads, and leaves that lock alone", async () => {
    const b = new BlocBuilder();
    const fake = fakeFromSnapshot(b.build());
    const s = session(fake);
    // The co-author's lock lands right after this build took it (sync 2), before it reads the cells.
    const sync = fake._sync.bind(fake);
    fake._sync = async (ctx) => {
      await sync(ctx);
      if (fake.syncCount === 2) fake._names[0].formula = encodeLock({ token: "coauthor", started: NOW.getTime(), expires: NOW.getTime() + LOCK_TTL_MS, source: "pane" });
    };
    const out = await s.build("en");
    expect(out.ok).toBe(false);
    if (out.ok) return;
    expect(out.error).toBeInstanceOf(WorkbookBusyError);
    expect(decodeLock(fake.names()[0].formula)?.token).toBe("coauthor");
    expect(fake.sheetNames()).not.toContain(`Tổng hợp ${b.year}`);
  });

  it("releases the lock when the write fails, so the next build can run", async () => {
    const b = new BlocBuilder();
    const fake = fakeFromSnapshot(b.build());
    fake.failOnSync(4);
    const failed = await session(fake).build("vi");
    expect(failed.ok).toBe(false);
    expect(fake.names()).toEqual([]);
    const again = await session(fake).build("vi");
    expect(again.ok).toBe(true);
  });

  it("gives other writers the same lock: withWorkbookLock refuses while a build holds it and frees it afterwards", async () => {
    const fake = fakeFromSnapshot(new BlocBuilder().build());
    const run: RunBatch = (batch) => fake.run(batch);
    const seen: string[] = [];
    await withWorkbookLock(run, "review", async () => {
      seen.push(fake.names()[0].name);
      await expect(withWorkbookLock(run, "pane", async () => seen.push("nested"))).rejects.toBeInstanceOf(WorkbookBusyError);
    });
    expect(seen).toEqual([LOCK_NAME]);
    expect(fake.names()).toEqual([]);
  });
});
