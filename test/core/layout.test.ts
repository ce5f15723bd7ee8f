/**
 * SPEC §3: positions are found, never assumed. Each layout below must read every figure of every
 * unit, with no issue at all.
 */
import { DEFAULT_CATALOG, type Indicator } from "../../src/core/catalog";
import type { BuildResult } from "../../src/core/pipeline";
import { locateLayout } from "../../src/core/read/unitSheet";
import { addr, BlocBuilder, type ConfigOptions, type UnitSheetOptions } from "../support/snapshots";
import { brief, briefs, run } from "./helpers/run";

const Y = 2031;
const C = 2030;

/** Every generated figure was read, at its own cell, with nothing else. */
function expectAllRead(fx: BlocBuilder, res: BuildResult): void {
  expect(briefs(res)).toEqual([]);
  for (const u of fx.units) {
    const rep = res.reports.find((r) => r.unit.code === u.code);
    expect(rep).toBeDefined();
    for (const ind of fx.catalog) {
      for (const y of [Y, C]) {
        const got = rep!.values.get(ind.code)?.get(y);
        expect([u.code, ind.code, y, got?.value, got?.cell]).toEqual([u.code, ind.code, y, fx.value(u.code, ind.code, y), fx.address(u.code, ind.code, y)]);
      }
    }
  }
}

const unitLayouts: [string, UnitSheetOptions][] = [
  ["no title, header on the first row", { titleRows: [], blankRows: 0, stt: false }],
  [
    "five title rows, a merged title and three blank rows",
    { titleRows: ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "", "BÁO CÁO", "Kết quả công tác thanh tra năm 2031"], mergeTitles: true, blankRows: 3 },
  ],
  ["a used range starting at C5 (blank rows and columns around the table)", { top: 4, left: 2 }],
  ["a used range starting deep in the sheet", { top: 12, left: 5, blankRows: 4 }],
  ["an STT column", { stt: true }],
  ["no STT column", { stt: false }],
  ["no unit-of-measure or note column", { uomColumn: false, noteColumn: false }],
  [
    "extra columns between the labels and the years, and after the note",
    { extraColumnsBeforeYears: ["Kế hoạch năm 2032", "Tỷ lệ (%)"], extraColumns: ["Người cập nhật", "Nguồn số liệu"] },
  ],
  ["labels without diacritics", { labels: "ascii" }],
  ["English labels (Code | Indicator | Unit | 2031 | 2030 | Note)", { labels: "en", yearLabel: (y) => String(y) }],
  ["other label words (TT | Mã số | Nội dung | ĐVT)", { headerLabels: { stt: "TT", code: "Mã số", name: "Nội dung", uom: "ĐVT" } }],
  ["upper-case labels with a trailing colon", { headerLabels: { stt: "STT", code: "MÃ:", name: "CHỈ TIÊU:", uom: "ĐƠN VỊ TÍNH", note: "GHI CHÚ" } }],
  ["reversed year columns (compare year first)", { years: [C, Y] }],
  ['years as text "2031"', { yearLabel: (y) => String(y) }],
  ['years as "Năm 2031"', { yearLabel: (y) => `Năm ${y}` }],
  ['years as "Năm 2031 (kỳ báo cáo)" and "Năm 2030 (cùng kỳ)"', { yearLabel: (y, report) => `Năm ${y} (${report ? "kỳ báo cáo" : "cùng kỳ"})` }],
  ['years as "Thực hiện năm 2031" and "Số liệu năm 2030"', { yearLabel: (y, report) => `${report ? "Thực hiện" : "Số liệu"} năm ${y}` }],
  ['years as "Year 2031" in English', { labels: "en", yearLabel: (y) => `Year ${y}` }],
  ['years as "NAM 2031" without diacritics', { labels: "ascii", yearLabel: (y) => `NAM ${y}` }],
  ["a three-year table (the year before the compare year too)", { years: [Y, C, C - 1] }],
  ["rows identified only by name (no code column)", { codeColumn: false }],
  ["rows identified only by name, without diacritics", { codeColumn: false, labels: "ascii" }],
  ["rows identified only by English name", { codeColumn: false, labels: "en" }],
  ['names with list markers "1. "', { codeColumn: false, markers: true }],
  ["section heading rows without values", { sections: true }],
  ["section heading rows without values, rows by name only", { sections: true, codeColumn: false, stt: false }],
  ["section headings with an STT column and names by marker", { sections: true, codeColumn: false, stt: true, markers: true }],
  ["a blank row between groups", { blankBetweenSections: true }],
  ["a two-row header (labels above, years below)", { twoRowHeader: true }],
  ['a two-row header with "Năm 2031" labels and reversed years', { twoRowHeader: true, years: [C, Y], yearLabel: (y) => `Năm ${y}` }],
  ["a two-row header, rows by name only, English", { twoRowHeader: true, codeColumn: false, labels: "en" }],
  [
    "everything at once",
    {
      titleRows: ["THANH TRA BỘ", "BÁO CÁO SỐ LIỆU"],
      blankRows: 2,
      top: 3,
      left: 1,
      stt: true,
      codeColumn: false,
      markers: true,
      sections: true,
      twoRowHeader: true,
      years: [C, Y],
      yearLabel: (y, report) => `Năm ${y}${report ? " (kỳ báo cáo)" : ""}`,
      extraColumnsBeforeYears: ["Kế hoạch"],
      extraColumns: ["Ghi chú thêm"],
      labels: "ascii",
    },
  ],
];

describe("unit sheets are read wherever their header and columns are", () => {
  test.each(unitLayouts)("%s", (_name, opts) => {
    const fx = new BlocBuilder({ seed: 11, year: Y, compareYear: C, unitSheet: opts });
    expectAllRead(fx, run(fx));
  });

  test("each unit may use its own layout in the same workbook", () => {
    const fx = new BlocBuilder({ seed: 12, year: Y, compareYear: C });
    fx.units.forEach((u, k) => fx.unitSheet(u.code, unitLayouts[(k * 7) % unitLayouts.length][1]));
    expectAllRead(fx, run(fx));
  });

  test("the header row found is the one with the labels, not a title that mentions a year", () => {
    const fx = new BlocBuilder({ seed: 13, year: Y, compareYear: C, unitSheet: { titleRows: [`BÁO CÁO NĂM ${Y}`, `Năm ${Y}`, `Kỳ báo cáo: năm ${Y}`] } });
    const res = run(fx);
    expectAllRead(fx, res);
    const rep = res.reports.find((r) => r.unit.code === "BTP")!;
    expect(rep.layout.headerRow).toBe(fx.layout("BTP").yearRow);
  });

  test('a year column is found by its label, and columns that only mention a year ("Kế hoạch năm 2032") are not years', () => {
    const fx = new BlocBuilder({ seed: 14, year: Y, compareYear: C, unitSheet: { extraColumnsBeforeYears: [`Kế hoạch năm ${Y + 1}`, `Tăng/giảm ${Y}/${C}`] } });
    const res = run(fx);
    expectAllRead(fx, res);
    const rep = res.reports.find((r) => r.unit.code === "BCA")!;
    expect([...rep.layout.yearCols.keys()].sort()).toEqual([C, Y]);
  });

  test("a two-row header is read as one: the labels come from the upper row, the years from the lower", () => {
    const fx = new BlocBuilder({ seed: 15, year: Y, compareYear: C, unitSheet: { twoRowHeader: true } });
    const l = locateLayout(fx.unitSheetSnapshot("BNV"))!;
    const mine = fx.layout("BNV");
    expect(l.headerRow).toBe(mine.yearRow);
    expect(l.codeCol).toBe(mine.cols.code);
    expect(l.nameCol).toBe(mine.cols.name);
    expect(l.uomCol).toBe(mine.cols.uom);
    expect(l.noteCol).toBe(mine.cols.note);
    expect(new Map(l.yearCols)).toEqual(mine.yearCols);
  });

  test("section heading rows are ignored silently, also when they sit in the code column", () => {
    const fx = new BlocBuilder({ seed: 16, year: Y, compareYear: C, unitSheet: { sections: true, stt: false, nameColumn: true } });
    const res = run(fx);
    expectAllRead(fx, res);
    expect(fx.layout("BCA").sectionRows.length).toBeGreaterThan(1);
  });

  test("indicator rows may come in any order", () => {
    const order = [...DEFAULT_CATALOG].reverse().map((i) => i.code);
    const fx = new BlocBuilder({ seed: 17, year: Y, compareYear: C, unitSheet: { indicators: order } });
    expectAllRead(fx, run(fx));
  });

  test("a name with its unit in brackets, or with a different dash, still finds its indicator", () => {
    const fx = new BlocBuilder({ seed: 18, year: Y, compareYear: C, unitSheet: { codeColumn: false } });
    const l = fx.layout("BQP");
    const name = (code: string) => addr(l.rows.get(code)!, l.cols.name!);
    fx.setCell("BQP", name("TCD01"), "Số lượt tiếp công dân (lượt)");
    fx.setCell("BQP", name("TT04"), "Kiến nghị xử lý hành chính - tổ chức");
    fx.setCell("BQP", name("TT05"), "a) Kiến nghị xử lý hành chính – cá nhân");
    expectAllRead(fx, run(fx));
  });

  test('list markers ("2.1. ", "a) ", "- ", "• ", "IV. ") are stripped before matching a name', () => {
    const fx = new BlocBuilder({ seed: 20, year: Y, compareYear: C, unitSheet: { codeColumn: false } });
    const l = fx.layout("BTP");
    const markers = ["1.1. ", "2.1. ", "a) ", "- ", "• ", "IV. ", "b. "];
    fx.catalog.forEach((ind, k) => fx.setCell("BTP", addr(l.rows.get(ind.code)!, l.cols.name!), `${markers[k % markers.length]}${ind.name}`));
    expectAllRead(fx, run(fx));
  });

  test("a row by name that fits no indicator is reported, never guessed", () => {
    const fx = new BlocBuilder({
      seed: 19,
      year: Y,
      compareYear: C,
      unitSheet: { codeColumn: false, extraRows: [{ name: "Số cuộc kiểm tra chuyên ngành", values: { [Y]: 12, [C]: 10 } }] },
    });
    const res = run(fx);
    expect(briefs(res)).toEqual(fx.units.map((u) => brief({ code: "INDICATOR_UNKNOWN", severity: "warning", sheet: u.code, cell: fx.extraRowAddress(u.code, 0) })));
  });
});

const configLayouts: [string, ConfigOptions][] = [
  ["Vietnamese keys", { keys: "vi" }],
  ["keys without diacritics", { keys: "ascii" }],
  ['English keys ("Bloc", "Report year", "Leader" …) on a sheet named "Config"', { keys: "en" }],
  ["keys with a trailing colon", { keyLabel: (l) => `${l}:` }],
  ["keys in capitals", { keyLabel: (l) => l.toUpperCase() }],
  ["keys and roster starting in column C", { left: 2 }],
  ["several title rows", { titleRows: ["THANH TRA CHÍNH PHỦ", "KHỐI THI ĐUA SỐ 9", "Bảng cấu hình dùng cho Tổng hợp Khối"] }],
  ["a roster without a sheet column (the sheet is the code)", { rosterSheetColumn: false }],
  ["a roster headed Mã đơn vị | Đơn vị | Sheet", { rosterHeader: ["Mã đơn vị", "Đơn vị", "Sheet"] }],
];

describe("the config sheet is read whatever its keys' language and position", () => {
  test.each(configLayouts)("%s", (_name, opts) => {
    const fx = new BlocBuilder({ seed: 21, year: Y, compareYear: C, config: opts });
    const res = run(fx);
    expectAllRead(fx, res);
    expect(res.config.sheet).toBe(fx.configSheetName());
    expect(res.config.year).toBe(Y);
    expect(res.config.compareYear).toBe(C);
    expect(res.config.bloc).toBe("Khối Thi đua số 9");
    expect(res.config.leader).toBe(fx.units[0].code);
    expect(res.config.deputy).toBe(fx.units[1].code);
    expect(res.config.flagThreshold).toBe(95);
    expect(res.config.meritThreshold).toBe(90);
    expect(res.config.place).toBe("Hà Nội");
    expect(res.config.nextLeader).toBe(fx.units[1].code);
    expect(res.config.signerTitle).toBe("Chánh Thanh tra");
    expect(res.roster.map((u) => [u.code, u.name])).toEqual(fx.units.map((u) => [u.code, u.name]));
    expect(res.roster.map((u) => u.cell)).toEqual(fx.units.map((u) => fx.rosterCell(u.code)));
    expect(res.config.cells.year).toBe(fx.configCell("year"));
  });

  test("quotas are read as numbers", () => {
    const fx = new BlocBuilder({ seed: 22, year: Y, compareYear: C, config: { values: { flagQuota: 2, meritQuota: "3" } } });
    const res = run(fx);
    expect(briefs(res)).toEqual([]);
    expect([res.config.flagQuota, res.config.meritQuota]).toEqual([2, 3]);
  });

  test("roster sheet names different from the codes are followed", () => {
    const units = [
      { code: "BCA", name: "Thanh tra Bộ Công an", sheet: "Bộ Công an" },
      { code: "BTP", name: "Thanh tra Bộ Tư pháp", sheet: "TT Bộ Tư pháp 2031" },
      { code: "NHNN", name: "Cơ quan Thanh tra, giám sát ngân hàng", sheet: "Ngân hàng" },
    ];
    const fx = new BlocBuilder({ seed: 23, year: Y, compareYear: C, units });
    const res = run(fx);
    expectAllRead(fx, res);
    expect(res.json.units).toEqual(units.map((u) => ({ code: u.code, name: u.name, sheet: u.sheet, confirmed: null })));
  });

  test("a sheet name in the roster matches its sheet case- and diacritics-insensitively", () => {
    const units = [
      { code: "BCA", name: "Thanh tra Bộ Công an", sheet: "Bộ Công an" },
      { code: "BTP", name: "Thanh tra Bộ Tư pháp", sheet: "BTP" },
    ];
    const fx = new BlocBuilder({ seed: 24, year: Y, compareYear: C, units });
    fx.config({
      roster: [
        { code: "BCA", name: units[0].name, sheet: "bo cong an" },
        { code: "BTP", name: units[1].name, sheet: "btp" },
      ],
    });
    const res = run(fx);
    expectAllRead(fx, res);
    expect(res.json.units.map((u) => u.sheet)).toEqual(["Bộ Công an", "BTP"]);
  });

  test("an indicator table adds an indicator that every unit must then report", () => {
    const extra: Indicator = { code: "TT07", name: "Số tiền đã thu hồi", nameEn: "Số tiền đã thu hồi", unit: "tỷ đồng", unitEn: "tỷ đồng", kind: "money", required: true };
    const table = [["TT07", "Số tiền đã thu hồi", "tỷ đồng", "Tiền", "Có"]];
    // Units that report it: clean, and it is totalled.
    const fx = new BlocBuilder({ seed: 25, year: Y, compareYear: C, catalog: [...DEFAULT_CATALOG, extra], config: { indicatorTable: table } });
    const res = run(fx);
    expectAllRead(fx, res);
    expect(res.catalog.byCode.get("TT07")).toMatchObject({ kind: "money", required: true });
    expect(res.json.totals.TT07[String(Y)]).toBeCloseTo(
      fx.units.reduce((s, u) => s + fx.value(u.code, "TT07", Y), 0),
      9,
    );
    // Units that do not: one INDICATOR_MISSING error each.
    const fx2 = new BlocBuilder({ seed: 25, year: Y, compareYear: C, config: { indicatorTable: table } });
    const res2 = run(fx2);
    expect(briefs(res2)).toEqual(
      fx2.units.map((u) => brief({ code: "INDICATOR_MISSING", severity: "error", sheet: u.code, cell: addr(fx2.layout(u.code).labelRow, fx2.layout(u.code).cols.code!) })),
    );
  });

  test("an indicator table can make an optional indicator required", () => {
    const fx = new BlocBuilder({ seed: 26, year: Y, compareYear: C, config: { indicatorTable: [["TT02", "", "", "", "Có"]] } });
    fx.set("BTP", "TT02", Y, null);
    const res = run(fx);
    expect(briefs(res)).toEqual([brief({ code: "VALUE_EMPTY", severity: "error", sheet: "BTP", cell: fx.address("BTP", "TT02", Y) })]);
    expect(res.catalog.byCode.get("TT02")!.name).toBe(DEFAULT_CATALOG.find((i) => i.code === "TT02")!.name);
  });

  test("an English config with English unit sheets reads as well as a Vietnamese one", () => {
    const fx = new BlocBuilder({ seed: 27, year: Y, compareYear: C, config: { keys: "en" }, unitSheet: { labels: "en", codeColumn: false, yearLabel: (y) => `${y}` } });
    expectAllRead(fx, run(fx));
  });
});
