/**
 * SPEC §4: every issue has a code, a severity, a sheet and a cell — and one defect gives exactly
 * one issue. Each case below starts from a clean bloc, injects one defect, and expects exactly one
 * issue, at the exact place.
 */
import { DEFAULT_CATALOG } from "../../src/core/catalog";
import { issueMessage } from "../../src/core/i18n/messages";
import type { Issue, IssueCode } from "../../src/core/issues";
import { addr, BlocBuilder, parseAddr, plainSheet, unaccent, UNITS } from "../support/snapshots";
import { brief, briefs, enText, run, viText } from "./helpers/run";

const Y = 2031;
const C = 2030;
const U = "BTP"; // the unit a defect is injected into
const bloc = (seed = 7) => new BlocBuilder({ seed, year: Y, compareYear: C });

interface Case {
  name: string;
  code: IssueCode;
  severity: "error" | "warning";
  setup: (fx: BlocBuilder) => void;
  /** Where the issue must be: sheet and cell. */
  at: (fx: BlocBuilder) => { sheet: string; cell: string };
  /** Extra checks on the issue and the result. */
  check?: (i: Issue, fx: BlocBuilder, res: ReturnType<typeof run>) => void;
}

const cfg = (fx: BlocBuilder, cell: string) => ({ sheet: fx.configSheetName(), cell });
const fig = (fx: BlocBuilder, ind: string, year = Y) => ({ sheet: U, cell: fx.address(U, ind, year) });
const headerRowOf = (fx: BlocBuilder, unit = U) => fx.layout(unit).labelRow;

const CASES: Case[] = [
  {
    name: "a workbook without a config sheet",
    code: "CONFIG_MISSING",
    severity: "error",
    setup: (fx) => fx.withoutConfig(),
    at: () => ({ sheet: "Cấu hình", cell: "A1" }),
    check: (i, fx, res) => {
      // The engine still infers the units from their sheets and the year from the year columns.
      expect(res.roster.map((u) => u.code)).toEqual(fx.units.map((u) => u.code));
      expect(res.json.year).toBe(Y);
      expect(res.json.compareYear).toBe(C);
      expect(i.params.units).toBe(fx.units.length);
    },
  },
  {
    name: "a report year that is not a year",
    code: "CONFIG_INVALID",
    severity: "error",
    setup: (fx) => fx.config({ values: { year: "năm nay" } }),
    at: (fx) => cfg(fx, fx.configCell("year")),
    check: (i) => expect(i.params.key).toBe("year"),
  },
  {
    name: "a report year with a fraction",
    code: "CONFIG_INVALID",
    severity: "error",
    setup: (fx) => fx.config({ values: { year: Y + 0.5 } }),
    at: (fx) => cfg(fx, fx.configCell("year")),
  },
  {
    name: "a compare year that is not a year",
    code: "CONFIG_INVALID",
    severity: "error",
    setup: (fx) => fx.config({ values: { compareYear: "abc" } }),
    at: (fx) => cfg(fx, fx.configCell("compareYear")),
    check: (_i, _fx, res) => expect(res.json.compareYear).toBe(C),
  },
  {
    name: "a flag quota that is not a whole number",
    code: "CONFIG_INVALID",
    severity: "error",
    setup: (fx) => fx.config({ values: { flagQuota: 1.5 } }),
    at: (fx) => cfg(fx, fx.configCell("flagQuota")),
    check: (i) => expect(i.params.key).toBe("flagQuota"),
  },
  {
    name: "a merit quota written as a fraction in text",
    code: "CONFIG_INVALID",
    severity: "error",
    setup: (fx) => fx.config({ values: { meritQuota: "1,5" } }),
    at: (fx) => cfg(fx, fx.configCell("meritQuota")),
  },
  {
    name: "a merit quota in words",
    code: "CONFIG_INVALID",
    severity: "error",
    setup: (fx) => fx.config({ values: { meritQuota: "một" } }),
    at: (fx) => cfg(fx, fx.configCell("meritQuota")),
  },
  {
    name: "a leader who is not on the roster",
    code: "CONFIG_INVALID",
    severity: "error",
    setup: (fx) => fx.config({ values: { leader: "XYZ" } }),
    at: (fx) => cfg(fx, fx.configCell("leader")),
    check: (i) => expect(i.params.key).toBe("leader"),
  },
  {
    name: "a deputy who is not on the roster",
    code: "CONFIG_INVALID",
    severity: "error",
    setup: (fx) => fx.config({ values: { deputy: "Thanh tra Bộ Ngoại giao" } }),
    at: (fx) => cfg(fx, fx.configCell("deputy")),
  },
  {
    name: "a roster unit without a sheet",
    code: "UNIT_SHEET_MISSING",
    severity: "error",
    setup: (fx) => fx.removeSheet(U),
    at: (fx) => cfg(fx, fx.rosterCell(U)),
    check: (i, _fx, res) => {
      expect(i.params.unit).toBe(U);
      expect(Object.keys(res.json.values)).not.toContain(U);
    },
  },
  {
    name: "a unit code twice in the roster",
    code: "UNIT_DUPLICATE",
    severity: "error",
    setup: (fx) => fx.config({ roster: [...fx.units.map((u) => ({ code: u.code, name: u.name, sheet: u.code })), { code: U, name: "Thanh tra Bộ Tư pháp (nhập lại)", sheet: U }] }),
    at: (fx) => cfg(fx, fx.rosterCell(fx.units.length)),
    check: (_i, fx, res) => {
      // The unit is read, and counted, once.
      expect(res.roster.filter((u) => u.code === U)).toHaveLength(1);
      const sum = fx.units.reduce((s, u) => s + fx.value(u.code, "TT01", Y), 0);
      expect(res.json.totals.TT01[String(Y)]).toBe(sum);
    },
  },
  {
    name: "two roster rows naming the same sheet",
    code: "UNIT_DUPLICATE",
    severity: "error",
    setup: (fx) =>
      fx.config({
        roster: [...fx.units.map((u) => ({ code: u.code, name: u.name, sheet: u.code })), { code: "BTP2", name: "Thanh tra Bộ Tư pháp (bản khác)", sheet: U.toLowerCase() }],
      }),
    at: (fx) => cfg(fx, fx.rosterSheetCell(fx.units.length)),
    check: (i) => expect(i.params).toMatchObject({ unit: "BTP2", reason: "sheet" }),
  },
  {
    name: 'a copied unit sheet "BTP (2)"',
    code: "UNIT_DUPLICATE",
    severity: "error",
    setup: (fx) => fx.copyUnitSheet(U, `${U} (2)`),
    at: () => ({ sheet: `${U} (2)`, cell: "A1" }),
    check: (i, fx, res) => {
      expect(i.params.unit).toBe(U);
      // The copy is not added to the totals.
      const sum = fx.units.reduce((s, u) => s + fx.value(u.code, "XLD01", Y), 0);
      expect(res.json.totals.XLD01[String(Y)]).toBe(sum);
    },
  },
  {
    name: "a unit-like sheet that is not on the roster",
    code: "SHEET_NOT_IN_ROSTER",
    severity: "warning",
    setup: (fx) => fx.copyUnitSheet(U, "Thanh tra Bộ Y tế"),
    at: (fx) => ({ sheet: "Thanh tra Bộ Y tế", cell: addr(fx.layout(U).labelRow, fx.layout(U).cols.code!) }),
    check: (_i, fx, res) => {
      const sum = fx.units.reduce((s, u) => s + fx.value(u.code, "TT01", Y), 0);
      expect(res.json.totals.TT01[String(Y)]).toBe(sum);
    },
  },
  {
    name: "a unit sheet without a recognisable header",
    code: "HEADER_NOT_FOUND",
    severity: "error",
    setup: (fx) => fx.replaceSheet(U, plainSheet(U, [["Báo cáo của đơn vị sẽ gửi sau."], [null], ["Đầu mối: phòng Tổng hợp"]], { top: 2, left: 1 })),
    at: () => ({ sheet: U, cell: "B3" }),
  },
  {
    name: "a unit sheet without a column for the report year",
    code: "YEAR_COLUMN_MISSING",
    severity: "error",
    setup: (fx) => fx.unitSheet(U, { years: [C] }),
    at: (fx) => ({ sheet: U, cell: addr(headerRowOf(fx), fx.layout(U).cols.name!) }),
    check: (i) => expect(i.params.year).toBe(Y),
  },
  {
    name: "a unit sheet without a column for the compare year",
    code: "YEAR_COLUMN_MISSING",
    severity: "warning",
    setup: (fx) => fx.unitSheet(U, { years: [Y] }),
    at: (fx) => ({ sheet: U, cell: addr(headerRowOf(fx), fx.layout(U).cols.name!) }),
    check: (i) => expect(i.params.year).toBe(C),
  },
  {
    name: "a required indicator absent",
    code: "INDICATOR_MISSING",
    severity: "error",
    setup: (fx) => fx.unitSheet(U, { indicators: DEFAULT_CATALOG.map((i) => i.code).filter((c) => c !== "TT01") }),
    at: (fx) => ({ sheet: U, cell: addr(headerRowOf(fx), fx.layout(U).cols.code!) }),
    check: (i) => expect(i.params.indicator).toBe("TT01"),
  },
  {
    name: "an optional indicator absent",
    code: "INDICATOR_MISSING",
    severity: "warning",
    setup: (fx) => fx.unitSheet(U, { indicators: DEFAULT_CATALOG.map((i) => i.code).filter((c) => c !== "XLD02") }),
    at: (fx) => ({ sheet: U, cell: addr(headerRowOf(fx), fx.layout(U).cols.code!) }),
    check: (i) => expect(i.params.indicator).toBe("XLD02"),
  },
  {
    name: "a row with figures that matches no indicator",
    code: "INDICATOR_UNKNOWN",
    severity: "warning",
    setup: (fx) => fx.unitSheet(U, { extraRows: [{ code: "TT99", name: "Số cuộc kiểm tra nội bộ", uom: "cuộc", values: { [Y]: 4, [C]: 3 } }] }),
    at: (fx) => ({ sheet: U, cell: fx.extraRowAddress(U, 0) }),
    check: (i) => expect(i.params.label).toBe("TT99"),
  },
  {
    name: "one indicator on two rows",
    code: "INDICATOR_DUPLICATE",
    severity: "error",
    setup: (fx) => fx.unitSheet(U, { extraRows: [{ code: "GQ01", name: "Số vụ việc tham mưu giải quyết thuộc thẩm quyền", uom: "vụ việc", values: { [Y]: 9, [C]: 8 } }] }),
    at: (fx) => ({ sheet: U, cell: fx.extraRowAddress(U, 0) }),
    check: (i, fx, res) => {
      expect(i.params.first).toBe(fx.rowAddress(U, "GQ01"));
      // Only the first row is totalled.
      expect(res.json.values[U].GQ01[String(Y)]).toBe(fx.value(U, "GQ01", Y));
    },
  },
  {
    name: "a blank required figure of the report year",
    code: "VALUE_EMPTY",
    severity: "error",
    setup: (fx) => fx.set(U, "TT01", Y, null),
    at: (fx) => fig(fx, "TT01"),
  },
  {
    name: "a required figure holding only spaces",
    code: "VALUE_EMPTY",
    severity: "error",
    setup: (fx) => fx.set(U, "XLD01", Y, "   "),
    at: (fx) => fig(fx, "XLD01"),
  },
  {
    name: "a count stored as Vietnamese text",
    code: "VALUE_TEXT_NUMBER",
    severity: "error",
    setup: (fx) => fx.set(U, "XLD01", Y, viText(fx.value(U, "XLD01", Y))),
    at: (fx) => fig(fx, "XLD01"),
    check: (i, fx, res) => {
      const n = fx.value(U, "XLD01", Y);
      expect(i.fix).toEqual({ kind: "setNumber", value: n });
      expect(i.params.value).toBe(n);
      // The parsed value is accepted and totalled.
      expect(res.json.values[U].XLD01[String(Y)]).toBe(n);
      expect(res.json.totals.XLD01[String(Y)]).toBe(fx.units.reduce((s, u) => s + fx.value(u.code, "XLD01", Y), 0));
    },
  },
  {
    name: "money stored as Vietnamese text with a decimal comma",
    code: "VALUE_TEXT_NUMBER",
    severity: "error",
    setup: (fx) => fx.set(U, "TT03", Y, viText(fx.value(U, "TT03", Y))),
    at: (fx) => fig(fx, "TT03"),
    check: (i, fx) => expect(i.fix?.value).toBeCloseTo(fx.value(U, "TT03", Y), 9),
  },
  {
    name: "money stored as English text",
    code: "VALUE_TEXT_NUMBER",
    severity: "error",
    setup: (fx) => fx.set(U, "TT03", C, enText(fx.value(U, "TT03", C))),
    at: (fx) => fig(fx, "TT03", C),
    check: (i, fx) => expect(i.fix?.value).toBeCloseTo(fx.value(U, "TT03", C), 9),
  },
  {
    name: "text that is no number",
    code: "VALUE_NOT_NUMBER",
    severity: "error",
    setup: (fx) => fx.set(U, "TT01", Y, "abc"),
    at: (fx) => fig(fx, "TT01"),
    check: (i) => expect(i.params.text).toBe("abc"),
  },
  {
    name: "ambiguous money text",
    code: "VALUE_NOT_NUMBER",
    severity: "error",
    setup: (fx) => fx.set(U, "TT03", Y, "1,234"),
    at: (fx) => fig(fx, "TT03"),
    check: (i) => expect(i.params.reason).toBe("ambiguous"),
  },
  {
    name: "a logical value where a figure belongs",
    code: "VALUE_NOT_NUMBER",
    severity: "error",
    setup: (fx) => fx.set(U, "TCD01", Y, true),
    at: (fx) => fig(fx, "TCD01"),
  },
  {
    name: "a negative figure",
    code: "VALUE_NEGATIVE",
    severity: "error",
    setup: (fx) => fx.set(U, "TT02", Y, -fx.value(U, "TT02", Y)),
    at: (fx) => fig(fx, "TT02"),
  },
  {
    name: "a negative figure typed as text",
    code: "VALUE_NEGATIVE",
    severity: "error",
    setup: (fx) => fx.set(U, "TT01", Y, `-${fx.value(U, "TT01", Y)}`),
    at: (fx) => fig(fx, "TT01"),
  },
  {
    name: "a fraction in a count",
    code: "VALUE_NOT_INTEGER",
    severity: "error",
    setup: (fx) => fx.set(U, "TCD01", Y, fx.value(U, "TCD01", Y) + 0.5),
    at: (fx) => fig(fx, "TCD01"),
  },
  {
    name: "a fraction in a count typed as Vietnamese text",
    code: "VALUE_NOT_INTEGER",
    severity: "error",
    setup: (fx) => fx.set(U, "XLD01", Y, `${fx.value(U, "XLD01", Y)},5`),
    at: (fx) => fig(fx, "XLD01"),
  },
  ...["#REF!", "#DIV/0!", "#VALUE!", "#N/A", "#NAME?"].map((err): Case => ({
    name: `a formula showing ${err}`,
    code: "VALUE_FORMULA_ERROR",
    severity: "error",
    setup: (fx) => fx.set(U, "TT01", Y, { error: err }, { formula: "=#REF!+Sheet9!B2" }),
    at: (fx) => fig(fx, "TT01"),
    check: (i) => expect(i.params.error).toBe(err),
  })),
  {
    name: "money in triệu đồng",
    code: "UNIT_CONVERTED",
    severity: "warning",
    setup: (fx) => {
      fx.setUom(U, "TT03", "triệu đồng");
      fx.set(U, "TT03", Y, Math.round(fx.value(U, "TT03", Y) * 1000));
      fx.set(U, "TT03", C, Math.round(fx.value(U, "TT03", C) * 1000));
    },
    at: (fx) => ({ sheet: U, cell: fx.uomAddress(U, "TT03") }),
    check: (i, fx, res) => {
      expect(i.params.divisor).toBe(1000);
      expect(res.json.values[U].TT03[String(Y)]).toBeCloseTo(Math.round(fx.value(U, "TT03", Y) * 1000) / 1000, 9);
      expect(res.json.values[U].TT03[String(C)]).toBeCloseTo(Math.round(fx.value(U, "TT03", C) * 1000) / 1000, 9);
    },
  },
  {
    name: "money in đồng",
    code: "UNIT_CONVERTED",
    severity: "warning",
    setup: (fx) => {
      fx.setUom(U, "TT03", "đồng");
      fx.set(U, "TT03", Y, Math.round(fx.value(U, "TT03", Y) * 1e9));
      fx.set(U, "TT03", C, Math.round(fx.value(U, "TT03", C) * 1e9));
    },
    at: (fx) => ({ sheet: U, cell: fx.uomAddress(U, "TT03") }),
    check: (_i, fx, res) => expect(res.json.values[U].TT03[String(Y)]).toBeCloseTo(fx.value(U, "TT03", Y), 6),
  },
  {
    name: "money in a unit that cannot be converted",
    code: "UNIT_OF_MEASURE_UNKNOWN",
    severity: "error",
    setup: (fx) => fx.setUom(U, "TT03", "USD"),
    at: (fx) => ({ sheet: U, cell: fx.uomAddress(U, "TT03") }),
    check: (i, fx, res) => {
      expect(i.params.unit).toBe("USD");
      expect(res.json.values[U].TT03).toBeUndefined();
      const others = fx.units.filter((u) => u.code !== U).reduce((s, u) => s + fx.value(u.code, "TT03", Y), 0);
      expect(res.json.totals.TT03[String(Y)]).toBeCloseTo(others, 9);
    },
  },
  {
    name: "TT02 above TT01",
    code: "RELATION_VIOLATED",
    severity: "error",
    setup: (fx) => fx.setValue(U, "TT02", Y, fx.value(U, "TT01", Y) + 1),
    at: (fx) => fig(fx, "TT02"),
    check: (i, fx) => {
      expect(i.params).toMatchObject({ left: "TT02", right: "TT01", year: Y, rightCell: fx.address(U, "TT01", Y) });
    },
  },
  {
    name: "TCD02 below TCD01",
    code: "RELATION_VIOLATED",
    severity: "error",
    setup: (fx) => fx.setValue(U, "TCD02", Y, fx.value(U, "TCD01", Y) - 1),
    at: (fx) => fig(fx, "TCD02"),
    check: (i, fx) => expect(i.params).toMatchObject({ left: "TCD02", right: "TCD01", rightCell: fx.address(U, "TCD01", Y) }),
  },
  {
    name: "TCD03 above TCD01",
    code: "RELATION_VIOLATED",
    severity: "error",
    setup: (fx) => {
      fx.setValue(U, "TCD03", Y, fx.value(U, "TCD01", Y) + 1);
      fx.setValue(U, "TCD03", C, fx.value(U, "TCD01", C)); // equal is allowed, and keeps the change below tenfold
    },
    at: (fx) => fig(fx, "TCD03"),
  },
  {
    name: "XLD02 above XLD01 in the compare year",
    code: "RELATION_VIOLATED",
    severity: "error",
    setup: (fx) => fx.setValue(U, "XLD02", C, fx.value(U, "XLD01", C) + 1),
    at: (fx) => fig(fx, "XLD02", C),
    check: (i) => expect(i.params.year).toBe(C),
  },
  {
    name: "a figure more than tenfold its compare-year value",
    code: "CHANGE_OUTLIER",
    severity: "warning",
    setup: (fx) => fx.setValue(U, "XLD01", Y, fx.value(U, "XLD01", C) * 11),
    at: (fx) => fig(fx, "XLD01"),
    check: (i, fx) => expect(i.params).toMatchObject({ indicator: "XLD01", previous: fx.value(U, "XLD01", C), previousCell: fx.address(U, "XLD01", C) }),
  },
  {
    name: "a figure that grew from 0 to much",
    code: "CHANGE_OUTLIER",
    severity: "warning",
    setup: (fx) => {
      fx.setValue(U, "GQ01", C, 0);
      fx.setValue(U, "GQ01", Y, 25);
    },
    at: (fx) => fig(fx, "GQ01"),
  },
];

describe("a clean workbook", () => {
  test.each([1, 2, 3, 42, 2024])("built from seed %i has no issue at all", (seed) => {
    const res = run(bloc(seed));
    expect(briefs(res)).toEqual([]);
    expect(res.errors).toBe(0);
    expect(res.warnings).toBe(0);
  });
});

describe("one defect gives exactly one issue, at its own cell", () => {
  test.each(CASES.map((c) => [c.name, c.code, c] as const))("%s → %s", (_name, _code, c) => {
    const fx = bloc();
    c.setup(fx);
    const res = run(fx);
    const at = c.at(fx);
    expect(briefs(res)).toEqual([brief({ code: c.code, severity: c.severity, sheet: at.sheet, cell: at.cell })]);
    expect(res.errors).toBe(c.severity === "error" ? 1 : 0);
    expect(res.warnings).toBe(c.severity === "warning" ? 1 : 0);
    c.check?.(res.issues[0], fx, res);
    // The JSON report lists the same issue.
    expect(res.json.issues.map((i) => `${i.code}@${i.sheet}!${i.cell} (${i.severity})`)).toEqual(briefs(res));
  });
});

describe("rejected values are reported once, never as relation errors", () => {
  test('text "abc" in TT01 gives VALUE_NOT_NUMBER and no RELATION_VIOLATED for TT02 ≤ TT01', () => {
    const fx = bloc();
    fx.set(U, "TT01", Y, "abc");
    const res = run(fx);
    expect(res.issues.filter((i) => i.code === "RELATION_VIOLATED")).toEqual([]);
    expect(res.issues.filter((i) => i.severity === "error").map(brief)).toEqual([brief({ code: "VALUE_NOT_NUMBER", severity: "error", sheet: U, cell: fx.address(U, "TT01", Y) })]);
  });

  test("a fraction in TCD01 is reported once, not again by TCD02 ≥ TCD01 and TCD03 ≤ TCD01", () => {
    const fx = bloc();
    // A small typo: the relation with TCD02 would fail if the value were accepted.
    fx.set(U, "TCD01", Y, fx.value(U, "TCD02", Y) + 0.5);
    const res = run(fx);
    expect(briefs(res)).toEqual([brief({ code: "VALUE_NOT_INTEGER", severity: "error", sheet: U, cell: fx.address(U, "TCD01", Y) })]);
  });

  test("a typo making a figure negative is not also reported as a relation error or an outlier", () => {
    const fx = bloc();
    fx.set(U, "XLD01", Y, -fx.value(U, "XLD01", Y) * 100);
    const res = run(fx);
    expect(briefs(res)).toEqual([brief({ code: "VALUE_NEGATIVE", severity: "error", sheet: U, cell: fx.address(U, "XLD01", Y) })]);
  });

  test("a #REF! in XLD01 is reported once, not again by XLD02 ≤ XLD01", () => {
    const fx = bloc();
    fx.set(U, "XLD01", Y, { error: "#REF!" }, { formula: "=#REF!" });
    const res = run(fx);
    expect(briefs(res)).toEqual([brief({ code: "VALUE_FORMULA_ERROR", severity: "error", sheet: U, cell: fx.address(U, "XLD01", Y) })]);
  });

  test("a text number is accepted: a relation it breaks is still reported against the parsed value", () => {
    const fx = bloc();
    const tt01 = fx.value(U, "TT01", Y);
    fx.set(U, "TT02", Y, String(tt01 + 2));
    const res = run(fx);
    expect(briefs(res)).toEqual([
      brief({ code: "VALUE_TEXT_NUMBER", severity: "error", sheet: U, cell: fx.address(U, "TT02", Y) }),
      brief({ code: "RELATION_VIOLATED", severity: "error", sheet: U, cell: fx.address(U, "TT02", Y) }),
    ]);
    expect(res.issues[1].params.leftValue).toBe(tt01 + 2);
  });

  test("the same defect in several units is reported once per unit, each at its own sheet", () => {
    const fx = bloc();
    for (const u of UNITS) fx.set(u.code, "GQ01", Y, "n/a");
    const res = run(fx);
    expect(briefs(res)).toEqual(UNITS.map((u) => brief({ code: "VALUE_NOT_NUMBER", severity: "error", sheet: u.code, cell: fx.address(u.code, "GQ01", Y) })));
  });
});

describe("values: fine print", () => {
  test("a blank optional figure is no issue and is simply not totalled", () => {
    const fx = bloc();
    fx.set(U, "TT02", Y, null);
    const res = run(fx);
    expect(briefs(res)).toEqual([]);
    expect(res.json.values[U].TT02[String(Y)]).toBeUndefined();
  });

  test("zero written as 0 is a valid figure", () => {
    const fx = bloc();
    fx.setValue(U, "TT04", Y, 0);
    fx.setValue(U, "TT04", C, 0);
    const res = run(fx);
    expect(briefs(res)).toEqual([]);
    expect(res.json.values[U].TT04[String(Y)]).toBe(0);
  });

  test("a text number with a formula behind it gets no one-click fix (the fix would overwrite the formula)", () => {
    const fx = bloc();
    const n = fx.value(U, "XLD01", Y);
    fx.set(U, "XLD01", Y, viText(n), { formula: '=TEXT(B2,"#.##0")' });
    const res = run(fx);
    expect(briefs(res)).toEqual([brief({ code: "VALUE_TEXT_NUMBER", severity: "error", sheet: U, cell: fx.address(U, "XLD01", Y) })]);
    expect(res.issues[0].fix).toBeUndefined();
  });

  test("a formula's cached number is accepted like a typed one", () => {
    const fx = bloc();
    fx.set(U, "TT01", Y, fx.value(U, "TT01", Y), { formula: "=SUM(F20:F25)" });
    const res = run(fx);
    expect(briefs(res)).toEqual([]);
    expect(res.json.values[U].TT01[String(Y)]).toBe(fx.value(U, "TT01", Y));
  });

  test("a blank required figure of the compare year is reported at its cell, and is not an error", () => {
    const fx = bloc();
    fx.set(U, "GQ01", C, null);
    const res = run(fx);
    expect(res.issues.map((i) => `${i.code}@${i.sheet}!${i.cell}`)).toEqual([`VALUE_EMPTY@${U}!${fx.address(U, "GQ01", C)}`]);
    expect(res.errors).toBe(0);
  });

  test("small numbers changing a lot are not outliers (3 → 9)", () => {
    const fx = bloc();
    fx.setValue(U, "TT06", C, 1);
    fx.setValue(U, "TT06", Y, 9);
    expect(briefs(run(fx))).toEqual([]);
  });

  test("exactly tenfold is not an outlier, just over tenfold is", () => {
    const fx = bloc();
    const prev = fx.value(U, "PCTN01", C);
    fx.setValue(U, "PCTN01", Y, prev * 10);
    expect(briefs(run(fx))).toEqual([]);
    fx.setValue(U, "PCTN01", Y, prev * 10 + 1);
    expect(briefs(run(fx))).toEqual([brief({ code: "CHANGE_OUTLIER", severity: "warning", sheet: U, cell: fx.address(U, "PCTN01", Y) })]);
  });

  test("a drop to less than a tenth is an outlier too", () => {
    const fx = bloc();
    fx.setValue(U, "XLD01", C, fx.value(U, "XLD01", Y) * 20);
    fx.setValue(U, "XLD02", C, fx.value(U, "XLD02", Y) * 2);
    const res = run(fx);
    expect(briefs(res)).toEqual([brief({ code: "CHANGE_OUTLIER", severity: "warning", sheet: U, cell: fx.address(U, "XLD01", Y) })]);
  });

  test("money units are recognised whatever their case and diacritics", () => {
    for (const uom of ["Tỷ đồng", "ty dong", "TỶ ĐỒNG", "billion VND", ""]) {
      const fx = bloc();
      fx.setUom(U, "TT03", uom);
      expect([uom, briefs(run(fx))]).toEqual([uom, []]);
    }
  });
});

describe("config: fine print", () => {
  test("a leader given by unit name instead of code is accepted", () => {
    const fx = bloc();
    fx.config({ values: { leader: fx.unit("BCA").name } });
    const res = run(fx);
    expect(briefs(res)).toEqual([]);
    expect(res.config.leader).toBe("BCA");
  });

  test('a report year typed as text ("2031", "Năm 2031") is read as the year', () => {
    for (const v of [String(Y), `Năm ${Y}`]) {
      const fx = bloc();
      fx.config({ values: { year: v } });
      const res = run(fx);
      expect([v, briefs(res), res.json.year]).toEqual([v, [], Y]);
    }
  });

  test("a missing compare year defaults to the report year − 1", () => {
    const fx = bloc();
    fx.config({ values: { compareYear: null } });
    const res = run(fx);
    expect(briefs(res)).toEqual([]);
    expect(res.json.compareYear).toBe(Y - 1);
  });

  test("a compare year not before the report year is invalid", () => {
    const fx = bloc();
    fx.config({ values: { compareYear: Y } });
    const res = run(fx);
    expect(res.issues.map(brief)).toContain(brief({ code: "CONFIG_INVALID", severity: "error", sheet: fx.configSheetName(), cell: fx.configCell("compareYear") }));
  });

  test("a copied unit sheet and a roster duplicate are errors, each in its own place", () => {
    const fx = bloc();
    fx.copyUnitSheet("BCA", "BCA (2)");
    fx.copyUnitSheet(U, `${U} (3)`);
    const res = run(fx);
    expect(briefs(res)).toEqual([
      brief({ code: "UNIT_DUPLICATE", severity: "error", sheet: "BCA (2)", cell: "A1" }),
      brief({ code: "UNIT_DUPLICATE", severity: "error", sheet: `${U} (3)`, cell: "A1" }),
    ]);
  });

  test("a roster sheet whose name looks like Excel's copy of another unit's sheet is a unit of its own", () => {
    const units = [
      { code: "V1", name: "Vụ 1", sheet: "Vụ 1" },
      { code: "V1B", name: "Vụ 1 (phía Nam)", sheet: "Vụ 1 (2)" },
    ];
    const fx = new BlocBuilder({ seed: 8, year: Y, compareYear: C, units });
    const res = run(fx);
    expect(briefs(res)).toEqual([]);
    expect(res.json.totals.TT01[String(Y)]).toBe(fx.value("V1", "TT01", Y) + fx.value("V1B", "TT01", Y));
  });

  test("a sheet of notes that does not look like a report is not taken for a unit", () => {
    const fx = bloc();
    fx.addSheet(plainSheet("Ghi chú", [["Ghi chú của Khối trưởng"], ["Hạn nộp báo cáo: 15/12"]]));
    expect(briefs(run(fx))).toEqual([]);
  });
});

describe("every message exists in Vietnamese and English", () => {
  // Vietnamese words that must never appear without their diacritics in a Vietnamese message.
  const UNACCENTED = /\b(khong|chua|nhap|so lieu|chi tieu|don vi|thieu|cot|dong tieu de|lan|phai|duoc|nam \d{4})\b/;

  test.each(CASES.map((c) => [c.name, c.code, c] as const))("%s (%s)", (_n, _code, c) => {
    const fx = bloc();
    c.setup(fx);
    const res = run(fx);
    const i = res.issues[0];
    const vi = issueMessage(i, "vi", res.catalog);
    const en = issueMessage(i, "en", res.catalog);
    for (const m of [vi, en]) {
      expect(m.length).toBeGreaterThan(15);
      expect(m).not.toMatch(/undefined|NaN|\[object|null/);
    }
    expect(vi).not.toBe(en);
    expect(vi).toBe(vi.normalize("NFC"));
    expect(vi).toMatch(/[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]/i);
    expect(unaccent(vi) === vi).toBe(false);
    expect(vi).not.toMatch(UNACCENTED);
    // Indicator issues name the indicator in the message's language, and the year.
    const ind = typeof i.params.indicator === "string" ? res.catalog.byCode.get(i.params.indicator) : undefined;
    if (ind) {
      expect(vi).toContain(ind.name);
      expect(en).toContain(ind.nameEn);
    }
    if (typeof i.params.year === "number") {
      expect(vi).toContain(String(i.params.year));
      expect(en).toContain(String(i.params.year));
    }
    // Numbers are written the Vietnamese way in Vietnamese, the English way in English.
    if (i.code === "VALUE_TEXT_NUMBER") {
      expect(vi).toContain(viText(Number(i.params.value)));
      expect(en).toContain(enText(Number(i.params.value)));
    }
    // The JSON report carries the message in the build's language.
    expect(res.json.issues[0].message).toBe(vi);
    expect(run(fx, "en").json.issues[0].message).toBe(en);
  });

  test("the cases above cover every validation code of SPEC §4 except scoring", () => {
    const all = new Set(CASES.map((c) => c.code));
    const expected: IssueCode[] = [
      "CONFIG_MISSING",
      "CONFIG_INVALID",
      "UNIT_SHEET_MISSING",
      "UNIT_DUPLICATE",
      "SHEET_NOT_IN_ROSTER",
      "HEADER_NOT_FOUND",
      "YEAR_COLUMN_MISSING",
      "INDICATOR_MISSING",
      "INDICATOR_UNKNOWN",
      "INDICATOR_DUPLICATE",
      "VALUE_EMPTY",
      "VALUE_TEXT_NUMBER",
      "VALUE_NOT_NUMBER",
      "VALUE_NEGATIVE",
      "VALUE_NOT_INTEGER",
      "VALUE_FORMULA_ERROR",
      "UNIT_CONVERTED",
      "UNIT_OF_MEASURE_UNKNOWN",
      "RELATION_VIOLATED",
      "CHANGE_OUTLIER",
    ];
    expect([...all].sort()).toEqual([...expected].sort());
  });
});

describe("issues come in workbook order", () => {
  test("by sheet position, then row, then column", () => {
    const fx = bloc();
    fx.set("BNV", "TT01", Y, "x");
    fx.set("BCA", "XLD01", Y, "y");
    fx.set("BCA", "TT01", C, "z");
    fx.set("BCA", "TT01", Y, "w");
    const res = run(fx);
    const key = (i: Issue) => {
      const p = parseAddr(i.cell);
      return [res.json.units.findIndex((u) => u.sheet === i.sheet), p.row, p.col];
    };
    const keys = res.issues.map(key);
    const sorted = [...keys].sort((a, b) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2]);
    expect(keys).toEqual(sorted);
    expect(res.issues).toHaveLength(4);
  });
});
