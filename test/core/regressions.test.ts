/**
 * Regressions: edge cases the core tests found in src/core (now fixed), each pinned by a test.
 * The comment on each describe says what went wrong and why.
 */
import { readConfig } from "../../src/core/read/config";
import { sheetFromRows } from "../../src/core/snapshot";
import { quoteSheet } from "../../src/core/a1";
import { formatNumber, formatPercent } from "../../src/core/i18n/format";
import { buildSummaryText } from "../../src/cli/summaryText";
import { addr, BlocBuilder } from "../support/snapshots";
import { brief, briefs, run } from "./helpers/run";

const Y = 2031;
const C = 2030;

/**
 * Was: src/core/a1.ts quoteSheet. Excel quotes a sheet name that is an R1C1 reference or
 * starts with one: "R", "C" (a whole row / column in R1C1), "R1C1b", "RC2z", "C16384Z" … The
 * check only quotes /^R\d*C\d*$/, so =R!E5 or =C!E5 is written, which Excel reads as an R1C1
 * reference, not as the sheet "R" / "C" (Office.js rejects or misreads the formula).
 * Reference: XlsxWriter's quote_sheetname test table, extracted from Excel files
 * (jmcnamara/XlsxWriter, xlsxwriter/test/utility/test_quote_sheetname.py, "Rule 4").
 */
describe("sheet names that are (or start with) R1C1 references are quoted in formulas", () => {
  test.each([
    ["R", "'R'"],
    ["C", "'C'"],
    ["r", "'r'"],
    ["c", "'c'"],
    ["R1C1b", "'R1C1b'"],
    ["rc2z", "'rc2z'"],
    ["C16384Z", "'C16384Z'"],
  ])("quoteSheet(%j) is %s", (name, quoted) => {
    expect(quoteSheet(name)).toBe(quoted);
  });

  test("a unit whose sheet is named \"C\" gets a summary formula 'C'!<cell>", () => {
    const fx = new BlocBuilder({
      seed: 91,
      year: Y,
      compareYear: C,
      units: [
        { code: "UC", name: "Thanh tra C", sheet: "C" },
        { code: "UR", name: "Thanh tra R", sheet: "R" },
      ],
    });
    const res = run(fx);
    const formulas = res.plan.sheets
      .flatMap((p) => p.rows.flat())
      .map((c) => c?.formula)
      .filter((f): f is string => !!f);
    expect(formulas).toContain(`'C'!${fx.address("UC", "TT01", Y)}`);
    expect(formulas).toContain(`'R'!${fx.address("UR", "TT01", Y)}`);
  });
});

/**
 * Was: src/core/read/unitSheet.ts:151–158 readIndicatorRows. Every row below the header that
 * has any text in the code column, or any text in a year column, is taken for an indicator row;
 * when it matches none it becomes INDICATOR_UNKNOWN. The standard layout of a Vietnamese report
 * form (biểu mẫu) then gives spurious warnings on every unit sheet:
 *  - the column-numbering row right under the header ("(1) (2) (3) …", "1 2 3 …", "A B C 1 2 3"),
 *  - the place-and-date line, the signature block ("NGƯỜI LẬP BIỂU … THỦ TRƯỞNG ĐƠN VỊ",
 *    "(Ký, ghi rõ họ tên)") and a "Ghi chú: …" note under the table.
 * None of these rows holds a number; a row should count as an indicator row only if its code
 * looks like a code, or if a year cell holds a number (or number text).
 * Actual: 1–3 INDICATOR_UNKNOWN warnings per unit sheet. Expected: none.
 */
describe("the usual non-data rows of a report form are not taken for unknown indicators", () => {
  const cases: [string, ConstructorParameters<typeof BlocBuilder>[0]][] = [
    ["a column-numbering row (1) (2) (3) … under the header", { unitSheet: { rowsUnderHeader: [["(1)", "(2)", "(3)", "(4)", "(5)", "(6)", "(7)"]] } }],
    ["a column-numbering row 1 2 3 … under the header", { unitSheet: { rowsUnderHeader: [[1, 2, 3, 4, 5, 6, 7]] } }],
    ["a column-numbering row A B C D 1 2 3 under the header", { unitSheet: { rowsUnderHeader: [["A", "B", "C", "D", 1, 2, 3]] } }],
    [
      "a place-and-date line and a signature block under the table",
      {
        unitSheet: {
          footerRows: [
            [],
            [null, "Hà Nội, ngày 15 tháng 12 năm 2031"],
            [null, "NGƯỜI LẬP BIỂU", null, null, "THỦ TRƯỞNG ĐƠN VỊ"],
            [null, "(Ký, ghi rõ họ tên)", null, null, "(Ký tên, đóng dấu)"],
          ],
        },
      },
    ],
    ["a signature block whose right half sits over the year columns", { unitSheet: { footerRows: [[], [null, null, "NGƯỜI LẬP BIỂU", null, "THỦ TRƯỞNG ĐƠN VỊ"]] } }],
    ["a note under the table", { unitSheet: { footerRows: [[null, "Ghi chú: số liệu tính từ ngày 15/12/2030 đến ngày 14/12/2031."]] } }],
  ];

  test.each(cases)("%s gives no issue", (_name, opts) => {
    const fx = new BlocBuilder({ seed: 92, year: Y, compareYear: C, ...opts });
    const res = run(fx);
    expect(briefs(res)).toEqual([]);
    for (const u of fx.units) expect(res.json.values[u.code].TT01[String(Y)]).toBe(fx.value(u.code, "TT01", Y));
  });
});

/**
 * Was: src/core/read/units.ts:74 and :84 readUnits. `rosterSheets` holds the roster's sheet
 * names verbatim and is tested with the sheet's exact name, while the roster itself is matched to
 * sheets case- and diacritics-insensitively (line 76). A roster that writes a sheet name in
 * another case ("vụ 1 (2)" for the sheet "Vụ 1 (2)") makes the engine report that sheet as
 * UNIT_DUPLICATE of "Vụ 1" (an error, which blocks the award proposal), and then read it anyway
 * for its own unit. Fix: compare folded names (label()) in rosterSheets.
 * Actual: [UNIT_DUPLICATE@Vụ 1 (2)!A1 (error)]. Expected: no issue.
 */
describe("a roster sheet name written in another case is not taken for a copy of another unit's sheet", () => {
  test('roster "vụ 1 (2)" for the sheet "Vụ 1 (2)" beside the unit sheet "Vụ 1"', () => {
    const units = [
      { code: "V1", name: "Vụ 1", sheet: "Vụ 1" },
      { code: "V1B", name: "Vụ 1 (phía Nam)", sheet: "Vụ 1 (2)" },
    ];
    const fx = new BlocBuilder({ seed: 93, year: Y, compareYear: C, units });
    fx.config({
      roster: [
        { code: "V1", name: "Vụ 1", sheet: "Vụ 1" },
        { code: "V1B", name: "Vụ 1 (phía Nam)", sheet: "vụ 1 (2)" },
      ],
    });
    const res = run(fx);
    expect(briefs(res)).toEqual([]);
    expect(res.errors).toBe(0);
  });

  test('while a real copy "Vụ 1 (3)" is still reported', () => {
    const units = [
      { code: "V1", name: "Vụ 1", sheet: "Vụ 1" },
      { code: "V1B", name: "Vụ 1 (phía Nam)", sheet: "Vụ 1 (2)" },
    ];
    const fx = new BlocBuilder({ seed: 93, year: Y, compareYear: C, units });
    fx.config({
      roster: [
        { code: "V1", name: "Vụ 1", sheet: "Vụ 1" },
        { code: "V1B", name: "Vụ 1 (phía Nam)", sheet: "vụ 1 (2)" },
      ],
    });
    fx.copyUnitSheet("V1", "Vụ 1 (3)");
    expect(briefs(run(fx))).toEqual([brief({ code: "UNIT_DUPLICATE", severity: "error", sheet: "Vụ 1 (3)", cell: "A1" })]);
  });
});

/**
 * Was: src/core/i18n/format.ts:18 formatNumber. The sign is taken from the unrounded number,
 * so a small negative number that rounds to zero prints as "-0" ("-0,0%" through formatPercent).
 * Visible in src/cli/summaryText.ts (the command line's summary): a bloc total one unit
 * below a large compare-year total shows "-0,0%". Expected "0" / "0,0%".
 */
describe("a number that rounds to zero is written without a minus sign", () => {
  test("formatNumber and formatPercent", () => {
    expect(formatNumber(-0.0004, "vi")).toBe("0");
    expect(formatNumber(-0.0004, "en")).toBe("0");
    expect(formatNumber(-0.4, "vi", { maxDecimals: 0 })).toBe("0");
    expect(formatPercent(-0.00001, "vi")).toBe("0,0%");
    expect(formatPercent(-0.00001, "en")).toBe("0.0%");
  });

  test('the command line\'s summary does not print "-0,0%" for a change that rounds to zero', () => {
    const fx = new BlocBuilder({ seed: 94, year: Y, compareYear: C });
    // Every unit reports the same XLD01 as the year before, except one that reports one less.
    for (const u of fx.units) {
      const n = fx.value(u.code, "XLD01", C) - (u.code === fx.units[0].code ? 1 : 0);
      fx.setValue(u.code, "XLD01", Y, n);
      fx.setValue(u.code, "XLD02", Y, Math.min(fx.value(u.code, "XLD02", Y), n));
    }
    const totalC = fx.units.reduce((s, u) => s + fx.value(u.code, "XLD01", C), 0);
    const res = run(fx);
    expect(res.figures!.totals.get("XLD01")!.get(Y)).toBe(totalC - 1);
    const line = buildSummaryText(res, "vi")
      .split("\n")
      .find((l) => l.includes("XLD01"))!;
    expect(line).toBeDefined();
    expect(line).not.toContain("-0,0%");
  });
});

/**
 * Was: src/core/read/unitSheet.ts:95–97 stripEnumerator. Mixed Roman–Arabic list markers,
 * common in Vietnamese documents ("I.1. ", "II.1. ", "III.2. "), are not stripped: the pattern
 * takes a Roman numeral or a dotted Arabic number, not both. The marker's tokens then dilute the
 * fuzzy match and a short name is no longer recognised: "III.2. Chuyển cơ quan điều tra" →
 * INDICATOR_UNKNOWN at the row plus INDICATOR_MISSING (TT06) at the header. Expected: TT06 read.
 */
describe('mixed Roman–Arabic list markers ("II.1. ") are stripped before matching a name', () => {
  test.each(["I.1. ", "II.1. ", "III.2. ", "II.1.a) "])("%j before every name, rows by name only", (marker) => {
    const fx = new BlocBuilder({ seed: 95, year: Y, compareYear: C, unitSheet: { codeColumn: false } });
    const l = fx.layout("BTP");
    for (const ind of fx.catalog) fx.setCell("BTP", addr(l.rows.get(ind.code)!, l.cols.name!), `${marker}${ind.name}`);
    const res = run(fx);
    expect(briefs(res)).toEqual([]);
    for (const ind of fx.catalog) expect(res.json.values.BTP[ind.code][String(Y)]).toBe(fx.value("BTP", ind.code, Y));
  });
});

/**
 * Was: the config sheet had its own number reader ("1.000" read as 1), unlike the figures' rule
 * ("." groups thousands). Config numbers now use the one rule of numbers.ts.
 */
describe("config numbers typed as text follow the product's one number rule", () => {
  const config = (rows: [string, string][]) =>
    readConfig({
      sheets: [sheetFromRows("Cấu hình", [["Năm báo cáo", 2031], ...rows, [], ["Mã", "Tên đơn vị", "Tên sheet"], ["A", "Đơn vị A", "A"]])],
    });

  test('"92,5" as a flag threshold is 92.5', () => {
    const r = config([["Điểm sàn Cờ", "92,5"]]);
    expect(r.config.flagThreshold).toBe(92.5);
    expect(r.issues).toEqual([]);
  });

  test('"1.000" as a merit quota is a thousand, as "1.000" in a unit figure would be', () => {
    const r = config([["Số Bằng khen", "1.000"]]);
    expect(r.config.meritQuota).toBe(1000);
  });

  test('an ambiguous "4,642" threshold is refused, never guessed', () => {
    const r = config([["Điểm sàn Bằng khen", "4,642"]]);
    expect(r.config.meritThreshold).toBeNull();
    expect(r.issues.map((i) => [i.code, i.cell])).toEqual([["CONFIG_INVALID", "B2"]]);
  });
});
