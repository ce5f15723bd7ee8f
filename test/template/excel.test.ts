import { applyTemplatePlan, applyUnitAddition, officeProtection, officeRule, TemplateConflictError } from "../../src/excel/template";
import { planAddUnit } from "../../src/core/template/addUnit";
import { TEMPLATE_PROTECTION, templatePlan, UNIT_LAYOUT } from "../../src/core/template/build";
import { templateSnapshot } from "../../src/core/template/snapshot";
import { API_LEVELS, FakeExcel, FakeOfficeError, type ApiLevel } from "../support/excelFake";

describe("the Office.js template host (pure parts)", () => {
  const plan = templatePlan({ lang: "vi", year: 2023, units: [{ code: "BCA", name: "Thanh tra Bộ Công an" }] });

  it("turns counts into wholeNumber ≥ 0 and money into decimal ≥ 0", () => {
    const unit = plan.sheets[1];
    const rowOf = (code: string) => unit.rows.find((r) => r?.[UNIT_LAYOUT.cols.code]?.value === code)!;
    expect(officeRule(rowOf("TT01")[UNIT_LAYOUT.cols.year]!.validation!)).toEqual({ wholeNumber: { operator: "GreaterThanOrEqualTo", formula1: 0 } });
    expect(officeRule(rowOf("TT03")[UNIT_LAYOUT.cols.year]!.validation!)).toEqual({ decimal: { operator: "GreaterThanOrEqualTo", formula1: 0 } });
  });

  it("bounds a score by its criterion's maximum cell, and leaves text keys with a prompt only", () => {
    const scoring = plan.sheets[2];
    const score = scoring.rows[scoring.rows.length - 1]![2]!.validation!;
    expect(officeRule(score)).toEqual({ decimal: { operator: "Between", formula1: 0, formula2: "=$C$5" } });
    const bloc = plan.sheets[0].rows[3]![1]!.validation!;
    expect(officeRule(bloc)).toBeNull();
    expect(bloc.prompt.message).toContain("Khối Thi đua");
  });

  it("protects with the template's options and no password", () => {
    expect(officeProtection(TEMPLATE_PROTECTION)).toEqual({
      allowFormatColumns: true,
      allowFormatRows: true,
      allowFormatCells: false,
      allowInsertRows: false,
      selectionMode: "Normal",
    });
  });
});

/** A new workbook in the strict fake at a capability level: one blank "Sheet1". */
function blank(level: ApiLevel): FakeExcel {
  const fake = new FakeExcel({ apiLevel: level });
  fake.addSheet("Sheet1");
  return fake;
}

const minor = (level: string): number => Number(level.split(".")[1]);

describe.each(API_LEVELS)("templates in the strict Excel fake at ExcelApi %s", (level) => {
  const plan = templatePlan({
    lang: "vi",
    year: 2023,
    units: [
      { code: "BCA", name: "Thanh tra Bộ Công an" },
      { code: "BTP", name: "" },
    ],
  });
  const notes = plan.sheets.flatMap((sheet) =>
    sheet.rows.flatMap((line, r) => (line ?? []).flatMap((cell, c) => (cell?.note ? [{ sheet: sheet.name, at: `${String.fromCharCode(65 + c)}${r + 1}`, text: cell.note }] : []))),
  );

  it("adds every sheet protected without a password, removes the blank Sheet1, and shows the plan's sheet", async () => {
    const fake = blank(level);
    await fake.run((context) => applyTemplatePlan(context, plan, fake.supports));
    expect(fake.sheetNames()).toEqual(plan.sheets.map((s) => s.name));
    expect(fake.activeSheetName).toBe(plan.activate);
    for (const sheet of plan.sheets) expect(fake.sheet(sheet.name).protection).toEqual(officeProtection(TEMPLATE_PROTECTION));
    expect(fake.syncLog.every((x) => x.failed === null)).toBe(true);
  });

  it("writes each value cell unlocked with its format, its rule and prompt where ExcelApi 1.8 exists, and the orientation where 1.9 does", async () => {
    const fake = blank(level);
    await fake.run((context) => applyTemplatePlan(context, plan, fake.supports));
    let checked = 0;
    for (const sheet of plan.sheets) {
      sheet.rows.forEach((line, row) =>
        line?.forEach((cell, col) => {
          if (!cell) return;
          const view = fake.cell(sheet.name, `${String.fromCharCode(65 + col)}${row + 1}`);
          if (cell.locked === false) expect(view.locked).toBe(false);
          if (cell.format) expect(view.numberFormat).toBe(cell.format);
          if (cell.validation) {
            checked++;
            if (minor(level) >= 8) {
              expect(view.validation?.rule ?? null).toEqual(officeRule(cell.validation) ?? null);
              expect(view.validation?.prompt).toEqual({ showPrompt: true, title: cell.validation.prompt.title, message: cell.validation.prompt.message });
            } else expect(view.validation).toBeNull();
          }
        }),
      );
      expect(fake.sheet(sheet.name).pageLayout.orientation).toBe(minor(level) >= 9 && sheet.print.orientation === "landscape" ? "Landscape" : "Portrait");
    }
    expect(checked).toBeGreaterThan(10);
  });

  it("puts each config note in a note (1.18), else a comment (1.10), else nowhere", async () => {
    const fake = blank(level);
    await fake.run((context) => applyTemplatePlan(context, plan, fake.supports));
    expect(notes.length).toBeGreaterThan(3);
    for (const n of notes) {
      const view = fake.cell(n.sheet, n.at);
      expect([view.note, view.comment]).toEqual(minor(level) >= 18 ? [n.text, null] : minor(level) >= 10 ? [null, n.text] : [null, null]);
    }
  });

  it("leaves the workbook as it was when a sheet's write fails half-way", async () => {
    const fake = blank(level);
    await fake.run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [["của tôi"]];
      await context.sync();
    });
    fake.failOnSync(3, new FakeOfficeError("GeneralException", "boom"), { afterOps: 40 });
    await expect(fake.run((context) => applyTemplatePlan(context, plan, fake.supports))).rejects.toMatchObject({ code: "GeneralException" });
    expect(fake.sheetNames()).toEqual(["Sheet1"]);
    expect(fake.cell("Sheet1", "A1").value).toBe("của tôi");
  });

  it("adds a unit: its sheet, the roster and scoring rows, each target protected again as it was", async () => {
    const fake = blank(level);
    await fake.run((context) => applyTemplatePlan(context, plan, fake.supports));
    const res = planAddUnit(templateSnapshot(plan), { code: "BNV", name: "Thanh tra Bộ Nội vụ" }, "vi");
    const addition = res.plan!;
    await fake.run((context) => applyUnitAddition(context, addition, fake.supports));
    expect(fake.sheetNames()).toContain(addition.sheet.name);
    expect(fake.activeSheetName).toBe(addition.sheet.name);
    for (const w of addition.writes) {
      const view = fake.cell(w.sheet, `${String.fromCharCode(65 + w.col)}${w.row + 1}`);
      if (w.cell.formula !== undefined) expect(view.formula).toBe(`=${w.cell.formula}`);
      else if (w.cell.value !== undefined && w.cell.value !== null) expect(view.value).toBe(w.cell.value);
    }
    for (const sheet of new Set(addition.writes.map((w) => w.sheet))) expect(fake.sheet(sheet).protection).toEqual(officeProtection(TEMPLATE_PROTECTION));
  });

  it("undoes a unit addition that fails: no new sheet, the roster as before, protected as before", async () => {
    const fake = blank(level);
    await fake.run((context) => applyTemplatePlan(context, plan, fake.supports));
    const addition = planAddUnit(templateSnapshot(plan), { code: "BNV", name: "Thanh tra Bộ Nội vụ" }, "vi").plan!;
    const targets = [...new Set(addition.writes.map((w) => w.sheet))];
    const before = targets.map((n) => [fake.cellsOf(n), fake.sheet(n).protection]);
    const names = fake.sheetNames();
    // Let the write batch get past the roster's unprotect and first cells, then fail.
    const probe = blank(level);
    await probe.run((context) => applyTemplatePlan(context, plan, probe.supports));
    const start = probe.writesApplied;
    await probe.run((context) => applyUnitAddition(context, addition, probe.supports));
    fake.failOnWrite(probe.writesApplied - start - 3, new FakeOfficeError("GeneralException", "boom"));
    await expect(fake.run((context) => applyUnitAddition(context, addition, fake.supports))).rejects.toMatchObject({ code: "GeneralException" });
    expect(fake.sheetNames()).toEqual(names);
    expect(targets.map((n) => [fake.cellsOf(n), fake.sheet(n).protection])).toEqual(before);
  });
});

describe("templates where comments.add is not implemented though ExcelApi 1.10 is reported (office-js #1847)", () => {
  it("rolls back and writes the template again without comments", async () => {
    const plan = templatePlan({ lang: "en", year: 2024, units: [{ code: "BCA", name: "Thanh tra Bộ Công an" }] });
    const fake = blank("1.13");
    const real = fake._requireApi.bind(fake);
    fake._requireApi = (cls, member) => {
      if (cls === "CommentCollection") throw new FakeOfficeError("NotImplemented", "comments are not implemented in this build");
      real(cls, member);
    };
    await fake.run((context) => applyTemplatePlan(context, plan, fake.supports));
    expect(fake.sheetNames()).toEqual(plan.sheets.map((s) => s.name));
    expect(fake.syncLog.some((s) => s.failed === "NotImplemented")).toBe(true);
    const notes = plan.sheets[0].rows.flatMap((line, r) => (line ?? []).flatMap((cell, c) => (cell?.note ? [`${String.fromCharCode(65 + c)}${r + 1}`] : [])));
    for (const at of notes) expect(fake.cell(plan.sheets[0].name, at)).toMatchObject({ note: null, comment: null });
  });

  it("refuses, writing nothing, when a sheet of the plan already exists", async () => {
    const plan = templatePlan({ lang: "vi", year: 2023, units: [{ code: "BCA", name: "Thanh tra Bộ Công an" }] });
    const fake = blank("1.18");
    fake.addSheet("bca");
    await expect(fake.run((context) => applyTemplatePlan(context, plan, fake.supports))).rejects.toBeInstanceOf(TemplateConflictError);
    expect(fake.sheetNames()).toEqual(["Sheet1", "bca"]);
    expect(fake.writesApplied).toBe(0);
  });
});
