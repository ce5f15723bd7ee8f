import { officeProtection, officeRule } from "../../src/excel/template";
import { TEMPLATE_PROTECTION, templatePlan, UNIT_LAYOUT } from "../../src/core/template";

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
