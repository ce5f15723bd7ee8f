import { applyTemplatePlan, applyUnitAddition, officeProtection, officeRule, TemplateConflictError } from "../../src/excel/template";
import { planAddUnit } from "../../src/core/template/addUnit";
import { TEMPLATE_PROTECTION, templatePlan, UNIT_LAYOUT } from "../../src/core/template/build";
import { templateSnapshot } from "../../src/core/template/snapshot";

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
    expect(officeProtection(TEMPLATE_PROTECTION)).toEqual({ allowFormatColumns: true, allowFormatRows: true, allowFormatCells: false, allowInsertRows: false, selectionMode: "Normal" });
  });
});

/**
 * A recording stand-in for Office.js: every property chain is an object, every call is logged, and
 * a few paths answer with data. Enough to see which commands the host queues, not what Excel does.
 */
function recorder(answers: Record<string, unknown>) {
  const sets: { path: string; value: unknown }[] = [];
  const calls: { path: string; args: unknown[] }[] = [];
  const show = (a: unknown) => (typeof a === "object" && a !== null ? "{}" : JSON.stringify(a));
  const make = (path: string): unknown =>
    new Proxy(function () {}, {
      get(_t, prop) {
        if (prop === "then") return undefined;
        const p = path ? `${path}.${String(prop)}` : String(prop);
        return p in answers ? answers[p] : make(p);
      },
      set(_t, prop, value) {
        sets.push({ path: `${path}.${String(prop)}`, value });
        return true;
      },
      apply(_t, _this, args: unknown[]) {
        const p = `${path}(${args.map(show).join(",")})`;
        calls.push({ path: p, args });
        return path.endsWith("sync") ? Promise.resolve() : make(p);
      },
    });
  return { context: make("") as Excel.RequestContext, sets, calls };
}

describe("applyTemplatePlan through a recording Office.js", () => {
  const plan = templatePlan({ lang: "vi", year: 2023, units: [{ code: "BCA", name: "Thanh tra Bộ Công an" }, { code: "BTP", name: "" }] });
  const fresh = () =>
    recorder({
      "workbook.worksheets.items": [{ name: "Sheet1" }],
      'workbook.worksheets.getItem("Sheet1").getUsedRangeOrNullObject(true).isNullObject': true,
    });

  it("adds every sheet, protects each without a password, and removes the blank Sheet1", async () => {
    const r = fresh();
    await applyTemplatePlan(r.context, plan, () => true);
    expect(r.calls.filter((c) => /^workbook\.worksheets\.add\("[^"]*"\)$/.test(c.path)).map((c) => c.args[0])).toEqual(plan.sheets.map((s) => s.name));
    const protects = r.calls.filter((c) => c.path.endsWith(".protection.protect({})"));
    expect(protects).toHaveLength(plan.sheets.length);
    for (const p of protects) expect(p.args).toEqual([{ allowFormatColumns: true, allowFormatRows: true, allowFormatCells: false, allowInsertRows: false, selectionMode: "Normal" }]);
    expect(r.calls.map((c) => c.path)).toContain('workbook.worksheets.getItem("Sheet1").delete()');
  });

  it("sets a rule, a prompt and an unlocked cell for every value cell of the plan, and a note for every note", async () => {
    const r = fresh();
    await applyTemplatePlan(r.context, plan, () => true);
    for (const sheet of plan.sheets) {
      sheet.rows.forEach((line, row) =>
        line?.forEach((cell, col) => {
          const at = `workbook.worksheets.add(${JSON.stringify(sheet.name)}).getCell(${row},${col})`;
          const set = (what: string) => r.sets.find((s) => s.path === `${at}.${what}`)?.value;
          if (cell?.validation) {
            expect(set("dataValidation.rule")).toEqual(officeRule(cell.validation) ?? undefined);
            expect(set("dataValidation.prompt")).toEqual({ showPrompt: true, title: cell.validation.prompt.title, message: cell.validation.prompt.message });
          }
          if (cell?.locked === false) expect(set("format.protection.locked")).toBe(false);
          if (cell?.format) expect(set("numberFormat")).toEqual([[cell.format]]);
        }),
      );
    }
    const notes = plan.sheets.flatMap((s) => s.rows.flatMap((l) => (l ?? []).filter((c) => c?.note)));
    expect(r.calls.filter((c) => /\.notes\.add\(/.test(c.path))).toHaveLength(notes.length);
  });

  it("falls back to comments before ExcelApi 1.18", async () => {
    const r = fresh();
    await applyTemplatePlan(r.context, plan, (_set, v) => v !== "1.18");
    expect(r.calls.filter((c) => /\.notes\.add\(/.test(c.path))).toHaveLength(0);
    expect(r.calls.filter((c) => c.path.startsWith("workbook.comments.add(")).map((c) => c.args[0])).toContain("'Cấu hình'!A4");
  });

  it("refuses, writing nothing, when a sheet of the plan already exists", async () => {
    const r = recorder({ "workbook.worksheets.items": [{ name: "Sheet1" }, { name: "bca" }] });
    await expect(applyTemplatePlan(r.context, plan, () => true)).rejects.toBeInstanceOf(TemplateConflictError);
    expect(r.calls.filter((c) => /worksheets\.add\(/.test(c.path))).toEqual([]);
  });
});

describe("applyUnitAddition through a recording Office.js", () => {
  it("unprotects the roster and scoring sheets for the writes and protects them again", async () => {
    const plan = templatePlan({ lang: "vi", year: 2023, units: [{ code: "BCA", name: "Thanh tra Bộ Công an" }] });
    const res = planAddUnit(templateSnapshot(plan), { code: "BTP", name: "Thanh tra Bộ Tư pháp" }, "vi");
    const r = recorder({
      "workbook.worksheets.items": plan.sheets.map((s) => ({ name: s.name })),
      'workbook.worksheets.getItem("Cấu hình").protection.protected': true,
      'workbook.worksheets.getItem("Chấm điểm").protection.protected': true,
    });
    await applyUnitAddition(r.context, res.plan!, () => true);
    const paths = r.calls.map((c) => c.path);
    for (const sheet of ["Cấu hình", "Chấm điểm"]) {
      const un = paths.indexOf(`workbook.worksheets.getItem(${JSON.stringify(sheet)}).protection.unprotect()`);
      const re = paths.indexOf(`workbook.worksheets.getItem(${JSON.stringify(sheet)}).protection.protect({})`);
      const write = paths.findIndex((p) => p.startsWith(`workbook.worksheets.getItem(${JSON.stringify(sheet)}).getCell(`));
      expect(un).toBeGreaterThanOrEqual(0);
      expect(write).toBeGreaterThan(un);
      expect(re).toBeGreaterThan(write);
    }
    expect(paths).toContain('workbook.worksheets.add("BTP")');
  });
});
