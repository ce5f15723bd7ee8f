/** The build session over the strict Excel fake, with the excel host's real functions. */
import { buildBloc } from "../../src/core/pipeline";
import { applyPlan } from "../../src/excel/applyPlan";
import { officeErrorMessage } from "../../src/excel/errors";
import { applyNumberFixes } from "../../src/excel/fixTextNumbers";
import { readSnapshot } from "../../src/excel/readSnapshot";
import { selectCell } from "../../src/excel/select";
import { applyTemplatePlan, applyUnitAddition, TemplateConflictError } from "../../src/excel/template";
import { planAddUnit } from "../../src/core/template/addUnit";
import { templatePlan } from "../../src/core/template/build";
import { UI } from "../../src/core/i18n/ui";
import type { BuildStep } from "../../src/core/buildSteps";
import { BlocSession, fixableCells, type RunBatch } from "../../src/excel/session";
import { FakeOfficeError, fakeFromSnapshot, type FakeExcel } from "../support/excelFake";
import { viText } from "../core/helpers/run";
import { BlocBuilder } from "../support/snapshots";
import { annotateIssues } from "../../src/excel/comments";

const NOW = new Date("2031-12-15T03:00:00.000Z");

function session(fake: FakeExcel): BlocSession {
  const run: RunBatch = (batch) => fake.run(batch);
  return new BlocSession(
    run,
    { readSnapshot, applyPlan, selectCell, applyNumberFixes, applyTemplatePlan, applyUnitAddition, annotateIssues, officeErrorMessage },
    { now: () => NOW, utcOffsetMinutes: () => 420 },
  );
}

describe("BlocSession", () => {
  it("reads, checks, computes and writes in that order, then shows the summary", async () => {
    const b = new BlocBuilder();
    const fake = fakeFromSnapshot(b.build());
    const steps: BuildStep[] = [];
    const out = await session(fake).build("vi", (s) => steps.push(s));
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    expect(steps).toEqual(["read", "check", "compute", "write"]);
    expect(out.value.activated).toBe(`Tổng hợp ${b.year}`);
    expect(fake.sheetNames()).toEqual(expect.arrayContaining([`Tổng hợp ${b.year}`, "Kiểm tra"]));
    expect(fake.activeSheetName).toBe(`Tổng hợp ${b.year}`);
    expect(out.value.result.json).toEqual(buildBloc(b.build(), { lang: "vi", now: NOW.toISOString(), utcOffsetMinutes: 420 }).json);
  });

  it("shows Kiểm tra when the build found errors", async () => {
    const b = new BlocBuilder();
    b.set("BTP", "TT01", b.year, "abc");
    const fake = fakeFromSnapshot(b.build());
    const out = await session(fake).build("vi");
    expect(out.ok && out.value.activated).toBe("Kiểm tra");
    expect(fake.activeSheetName).toBe("Kiểm tra");
  });

  it("checks without writing anything", async () => {
    const fake = fakeFromSnapshot(new BlocBuilder().build());
    const names = fake.sheetNames();
    const out = await session(fake).check("en");
    expect(out.ok && out.value.result.errors).toBe(0);
    expect(fake.sheetNames()).toEqual(names);
    expect(fake.writesApplied).toBe(0);
  });

  it("selects an issue's cell on its sheet", async () => {
    const fake = fakeFromSnapshot(new BlocBuilder().build());
    expect((await session(fake).select("BQP", "E9", "vi")).ok).toBe(true);
    expect(fake.selection).toEqual({ sheet: "BQP", address: "E9" });
    expect(fake.activeSheetName).toBe("BQP");
  });

  it("writes numbers over exactly the fixable cells, even text-formatted ones, and checks again without writing outputs", async () => {
    const b = new BlocBuilder();
    const y = b.year;
    const xld = b.value("BTP", "XLD01", y);
    const tcd = b.value("BNV", "TCD01", y);
    b.set("BTP", "XLD01", y, viText(xld));
    b.set("BNV", "TCD01", y, String(tcd), { format: "@" });
    const fake = fakeFromSnapshot(b.build());
    const s = session(fake);
    const first = await s.check("vi");
    if (!first.ok) throw first.error;
    const fixes = fixableCells(first.value.result.issues);
    expect(fixes.map((f) => [f.sheet, f.cell, f.value, f.text])).toEqual([
      ["BTP", b.address("BTP", "XLD01", y), xld, viText(xld)],
      ["BNV", b.address("BNV", "TCD01", y), tcd, String(tcd)],
    ]);
    const names = fake.sheetNames();
    const out = await s.fix(fixes, "vi");
    if (!out.ok) throw out.error;
    expect(out.value.result.errors).toBe(0);
    expect(fake.cell("BTP", b.address("BTP", "XLD01", y)).value).toBe(xld);
    expect(fake.cell("BNV", b.address("BNV", "TCD01", y)).value).toBe(tcd);
    expect(fake.sheetNames()).toEqual(names);
  });

  it("turns an Office error into a message in the pane's language", async () => {
    const fake = fakeFromSnapshot(new BlocBuilder().build());
    fake.failOnSync(1, new FakeOfficeError("InvalidOperationInCellEditMode", "edit mode"));
    const out = await session(fake).build("vi");
    expect(out.ok).toBe(false);
    if (out.ok) return;
    expect(out.message).toBe(officeErrorMessage(out.error, "vi"));
    expect(out.message).not.toMatch(/edit mode/);
  });
});

describe("BlocSession templates", () => {
  /** The session with the real readers over the fake, and the template writes recorded (or refused). */
  function recording(fake: FakeExcel, conflict: string[] | null = null) {
    const plans: unknown[] = [];
    const additions: unknown[] = [];
    const s = new BlocSession(
      (batch) => fake.run(batch),
      {
        readSnapshot,
        applyPlan,
        selectCell,
        applyNumberFixes,
        annotateIssues,
        officeErrorMessage,
        applyTemplatePlan: async (_ctx, plan) => {
          if (conflict) throw new TemplateConflictError(conflict);
          plans.push(plan);
        },
        applyUnitAddition: async (_ctx, addition) => {
          additions.push(addition);
        },
      },
      { now: () => NOW, utcOffsetMinutes: () => 420 },
    );
    return { s, plans, additions };
  }

  it("creates the bloc workbook from the template plan of the options it is given", async () => {
    const { s, plans } = recording(fakeFromSnapshot(new BlocBuilder().build()));
    const opts = { lang: "vi" as const, year: 2024, bloc: "Khối 2", units: [{ code: "BCA", name: "" }] };
    const out = await s.createWorkbook(opts, "vi");
    expect(out.ok).toBe(true);
    expect(plans).toEqual([templatePlan(opts)]);
    if (out.ok) expect(out.value.added).toEqual(["Cấu hình", "BCA", "Chấm điểm"]);
  });

  it("says which sheets exist when the template would overwrite them", async () => {
    const { s } = recording(fakeFromSnapshot(new BlocBuilder().build()), ["Cấu hình", "BCA"]);
    const out = await s.createWorkbook({ lang: "vi", year: 2024, units: [{ code: "BCA", name: "" }] }, "vi");
    expect(out.ok).toBe(false);
    if (out.ok) return;
    expect(out.message).toBe(UI.vi.sheetsExist("Cấu hình, BCA"));
  });

  it("adds a unit with planAddUnit over the workbook it reads, and refuses a code already on the roster", async () => {
    const b = new BlocBuilder();
    const { s, additions } = recording(fakeFromSnapshot(b.build()));
    const unit = { code: "BTC", name: "Thanh tra Bộ Tài chính" };
    expect((await s.addUnit(unit, "vi")).ok).toBe(true);
    expect(additions).toEqual([planAddUnit(b.build(), unit, "vi").plan]);
    const taken = await s.addUnit({ code: "BCA", name: "x" }, "en");
    expect(taken.ok).toBe(false);
    if (taken.ok) return;
    expect(taken.message).toBe(UI.en.problems.codeTaken("BCA"));
    expect(additions).toHaveLength(1);
  });
});
