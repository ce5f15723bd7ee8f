import { EXCEL_LIMITS, type Cell, type SheetModel } from "../../src/core/sheet/model";
import { DEFAULT_CATALOG, type Indicator } from "../../src/core/catalog";
import { configKeyLabel, TEMPLATE_TEXT } from "../../src/core/i18n/template";
import type { Lang } from "../../src/core/i18n/format";
import type { ConfigKey } from "../../src/core/model";
import { buildBloc } from "../../src/core/pipeline";
import { CONFIG_KEYS, readConfig } from "../../src/core/read/config";
import { matchColumn } from "../../src/core/grid";
import { locateLayout, readIndicatorRows } from "../../src/core/read/unitSheet";
import { makeCatalog } from "../../src/core/read/config";
import { readScores } from "../../src/core/read/scores";
import { planAddUnit } from "../../src/core/template/addUnit";
import { CONFIG_LAYOUT, defaultUnits, SCORING_LAYOUT, templatePlan, UNIT_LAYOUT, unitSheetTemplate } from "../../src/core/template/build";
import { checkUnits, parseUnitCodes, parseYear } from "../../src/core/template/options";
import { templateSnapshot } from "../../src/core/template/snapshot";

const KEYS = Object.keys(CONFIG_KEYS) as ConfigKey[];
const NOW = { lang: "vi" as const, now: "2024-01-15T03:00:00.000Z" };

function cells(sheet: SheetModel): { row: number; col: number; cell: Cell }[] {
  const out: { row: number; col: number; cell: Cell }[] = [];
  sheet.rows.forEach((line, row) => line?.forEach((cell, col) => cell && out.push({ row, col, cell })));
  return out;
}

describe("templatePlan", () => {
  const plan = templatePlan({
    lang: "vi",
    year: 2023,
    bloc: "Khối Thi đua số 2",
    units: [
      { code: "BCA", name: "Thanh tra Bộ Công an" },
      { code: "BTP", name: "" },
    ],
  });
  const [config, bca, btp, scoring] = plan.sheets;

  it("lays out the config sheet, one sheet per unit and the scoring sheet, config first and active", () => {
    expect(plan.sheets.map((s) => [s.name, s.kind])).toEqual([
      ["Cấu hình", "config"],
      ["BCA", "unit"],
      ["BTP", "unit"],
      ["Chấm điểm", "scoring"],
    ]);
    expect(plan.activate).toBe("Cấu hình");
  });

  it("writes every config key under its first Vietnamese label, with a note and an unlocked value cell", () => {
    KEYS.forEach((key, i) => {
      const row = config.rows[CONFIG_LAYOUT.firstKeyRow + i]!;
      expect(row[0]?.value).toBe(CONFIG_KEYS[key][0]);
      expect(row[0]?.note).toBe(TEMPLATE_TEXT.vi.keyNotes[key]);
      expect(row[0]?.locked).not.toBe(false);
      expect(row[1]?.locked).toBe(false);
      expect(row[1]?.validation?.prompt.message).toBeTruthy();
      // The reader takes the next non-blank cell as the value: nothing may stand right of it.
      expect(row.slice(2).filter((c) => c?.value !== undefined && c?.value !== null)).toEqual([]);
    });
  });

  it("prefills the bloc, the year, the compare year as a formula and quotas of 1, and leaves the rest blank", () => {
    const value = (key: ConfigKey) => config.rows[CONFIG_LAYOUT.firstKeyRow + KEYS.indexOf(key)]![1]!;
    expect(value("bloc").value).toBe("Khối Thi đua số 2");
    expect(value("year").value).toBe(2023);
    expect(value("compareYear")).toMatchObject({ value: 2022, formula: `B${CONFIG_LAYOUT.firstKeyRow + KEYS.indexOf("year") + 1}-1` });
    expect(value("flagQuota").value).toBe(1);
    expect(value("meritQuota").value).toBe(1);
    for (const k of ["leader", "deputy", "place", "signer", "flagThreshold", "meritThreshold"] as const) expect(value(k).value ?? null).toBeNull();
  });

  it("is read back by the engine: bloc, years and roster as given", () => {
    const read = readConfig(templateSnapshot(plan));
    expect(read.issues).toEqual([]);
    expect(read.config).toMatchObject({ bloc: "Khối Thi đua số 2", year: 2023, compareYear: 2022, flagQuota: 1, meritQuota: 1, leader: "", flagThreshold: null });
    expect(read.roster.map((u) => [u.code, u.name, u.sheetName])).toEqual([
      ["BCA", "Thanh tra Bộ Công an", "BCA"],
      ["BTP", "BTP", "BTP"],
    ]);
  });

  it("puts every catalog indicator on each unit sheet, matched by code, with empty shaded unlocked value cells", () => {
    for (const sheet of [bca, btp]) {
      const snap = templateSnapshot(plan).sheets.find((s) => s.name === sheet.name)!;
      const layout = locateLayout(snap)!;
      expect(layout.headerRow).toBe(UNIT_LAYOUT.headerRow);
      expect([...layout.yearCols]).toEqual([
        [2023, UNIT_LAYOUT.cols.year],
        [2022, UNIT_LAYOUT.cols.compareYear],
      ]);
      const { rows, issues } = readIndicatorRows(snap, layout, makeCatalog(DEFAULT_CATALOG));
      expect(issues).toEqual([]);
      expect(rows.map((r) => r.indicator.code)).toEqual(DEFAULT_CATALOG.map((i) => i.code));
      for (const { indicator, row } of rows) {
        for (const col of [UNIT_LAYOUT.cols.year, UNIT_LAYOUT.cols.compareYear]) {
          const cell = sheet.rows[row]![col]!;
          expect(cell).toMatchObject({ value: null, style: "input", locked: false, format: indicator.kind === "money" ? "#,##0.000" : "#,##0" });
          expect(cell.validation!.rule).toEqual({ type: indicator.kind === "integer" ? "whole" : "decimal", min: 0 });
        }
        expect(sheet.rows[row]![UNIT_LAYOUT.cols.code]!.locked).toBeUndefined();
      }
    }
    expect(bca.rows[0]![0]!.value).toBe("THANH TRA BỘ CÔNG AN");
    expect(btp.rows[0]![0]!.value).toBe("BTP");
  });

  it("says in each prompt what to type, and the relation an indicator must keep", () => {
    const prompts = cells(bca)
      .filter((c) => c.cell.validation && c.col === UNIT_LAYOUT.cols.year)
      .map((c) => c.cell.validation!.prompt.message);
    expect(prompts.find((p) => p.startsWith("TT02"))).toContain("Không lớn hơn TT01");
    expect(prompts.find((p) => p.startsWith("TCD02"))).toContain("Không nhỏ hơn TCD01");
    expect(prompts.find((p) => p.startsWith("TT03"))).toContain("tỷ đồng");
    expect(prompts.find((p) => p.startsWith("TT01"))).toContain("Bắt buộc");
  });

  it("gives the scoring sheet five criteria worth 100 in all, then bonus, penalty and vote columns, one row per unit", () => {
    const header = scoring.rows[SCORING_LAYOUT.headerRow]!.map((c) => c?.value);
    expect(header).toEqual(["Mã đơn vị", "Tên đơn vị", ...TEMPLATE_TEXT.vi.criteria.map((c) => c[0]), "Điểm cộng", "Điểm trừ", "Phiếu Cờ", "Phiếu Bằng khen"]);
    const max = scoring.rows[SCORING_LAYOUT.maxRow]!;
    expect(max[0]!.value).toBe("Điểm tối đa");
    expect(max.slice(2, 7).reduce((s, c) => s + Number(c!.value), 0)).toBe(100);
    const unitRows = scoring.rows.slice(SCORING_LAYOUT.maxRow + 1);
    expect(unitRows.map((r) => r[0]!.value)).toEqual(["BCA", "BTP"]);
    expect(unitRows[0][0]!.formula).toBe(`'Cấu hình'!A${CONFIG_LAYOUT.firstKeyRow + KEYS.length + 4}&""`);
    expect(unitRows[0][2]!.validation!.rule).toEqual({ type: "decimal", min: 0, max: { ref: "$C$5" } });
    expect(unitRows[0][9]!.validation!.rule).toEqual({ type: "whole", min: 0 });
  });

  it("protects every sheet without a password, letting people resize columns and rows and select cells", () => {
    for (const s of plan.sheets)
      expect(s.protection).toEqual({
        allowFormatColumns: true,
        allowFormatRows: true,
        allowFormatCells: false,
        allowInsertRows: false,
        allowSelectLocked: true,
        allowSelectUnlocked: true,
      });
  });

  it.each(["vi", "en"] as Lang[])("keeps every validation text (%s) within Excel's limits", (lang) => {
    const p = templatePlan({ lang, year: 2023, units: defaultUnits(lang) });
    for (const s of p.sheets) {
      expect(s.name.length).toBeLessThanOrEqual(EXCEL_LIMITS.sheetName);
      for (const { cell } of cells(s)) {
        const v = cell.validation;
        if (!v) continue;
        expect(v.prompt.title.length).toBeLessThanOrEqual(EXCEL_LIMITS.promptTitle);
        expect(v.prompt.message.length).toBeLessThanOrEqual(EXCEL_LIMITS.promptMessage);
        expect(v.prompt.message.endsWith("…")).toBe(false);
        if (v.error) {
          expect(v.error.title.length).toBeLessThanOrEqual(EXCEL_LIMITS.errorTitle);
          expect(v.error.message.length).toBeLessThanOrEqual(EXCEL_LIMITS.errorMessage);
        }
      }
    }
  });

  it("writes English labels the engine recognises as the same keys", () => {
    for (const key of KEYS) expect(matchColumn(configKeyLabel(key, "en"), CONFIG_KEYS)).toBe(key);
    const p = templatePlan({ lang: "en", year: 2024, bloc: "Bloc 2", units: [{ code: "A1X", name: "Unit A" }] });
    expect(p.sheets.map((s) => s.name)).toEqual(["Config", "A1X", "Scoring"]);
    const result = buildBloc(templateSnapshot(p), { ...NOW, lang: "en" });
    expect(result.config).toMatchObject({ bloc: "Bloc 2", year: 2024, compareYear: 2023 });
    expect(new Set(result.issues.map((i) => i.code))).toEqual(new Set(["VALUE_EMPTY", "SCORE_INVALID"]));
  });

  it("builds, unfilled, with VALUE_EMPTY exactly at the required cells: errors for the report year, warnings for the compare year", () => {
    const result = buildBloc(templateSnapshot(plan), NOW);
    const required = DEFAULT_CATALOG.filter((i) => i.required).map((i) => i.code);
    const expected = [bca, btp].flatMap((s) => {
      const snap = templateSnapshot(plan).sheets.find((x) => x.name === s.name)!;
      const { rows } = readIndicatorRows(snap, locateLayout(snap)!, makeCatalog(DEFAULT_CATALOG));
      return rows.filter((r) => required.includes(r.indicator.code)).flatMap((r) => [`${s.name}!E${r.row + 1}:error`, `${s.name}!F${r.row + 1}:warning`]);
    });
    // And the awards reader finds every score missing, at its own cell.
    const scores = [SCORING_LAYOUT.maxRow + 2, SCORING_LAYOUT.maxRow + 3].flatMap((r) => ["C", "D", "E", "F", "G"].map((c) => `Chấm điểm!${c}${r}:error`));
    expect(result.issues.map((i) => `${i.sheet}!${i.cell}:${i.severity}`).sort()).toEqual([...expected, ...scores].sort());
    expect(result.issues.every((i) => i.code === (i.sheet === "Chấm điểm" ? "SCORE_INVALID" : "VALUE_EMPTY"))).toBe(true);
  });

  it("writes a scoring sheet the awards reader takes as it is: five criteria with their maxima, votes recognised", () => {
    const read = readScores(templateSnapshot(plan), readConfig(templateSnapshot(plan)).roster);
    expect(read.scores).toMatchObject({ sheet: "Chấm điểm", headerRow: SCORING_LAYOUT.headerRow, maxRow: SCORING_LAYOUT.maxRow, hasFlagVotes: true, hasMeritVotes: true });
    expect(read.scores!.criteria.map((c) => [c.name, c.max])).toEqual(TEMPLATE_TEXT.vi.criteria);
    expect(read.scores!.rows.map((r) => r.code)).toEqual(["BCA", "BTP"]);
  });
});

describe("unitSheetTemplate", () => {
  it("follows a custom catalog, without a section heading for an unknown family", () => {
    const catalog: Indicator[] = [
      ...DEFAULT_CATALOG.slice(0, 2),
      { code: "KT01", name: "Số cuộc kiểm tra", nameEn: "Checks", unit: "cuộc", unitEn: "checks", kind: "integer", required: true },
      { code: "KT02", name: "Tỷ lệ hoàn thành", nameEn: "Completion", unit: "%", unitEn: "%", kind: "number", required: false },
    ];
    const s = unitSheetTemplate({ code: "X", name: "Đơn vị X" }, 2025, catalog, "vi");
    const codes = s.rows.map((r) => r?.[UNIT_LAYOUT.cols.code]?.value).filter((v) => typeof v === "string" && v !== "Mã");
    expect(codes).toEqual(["TT01", "TT02", "KT01", "KT02"]);
    expect(s.rows[UNIT_LAYOUT.headerRow]!.map((c) => c?.value)).toEqual(["STT", "Mã", "Chỉ tiêu", "Đơn vị tính", "Năm 2025", "Năm 2024", "Ghi chú"]);
    const kt02 = s.rows.find((r) => r?.[1]?.value === "KT02")!;
    expect(kt02[4]!.validation!.rule).toEqual({ type: "decimal", min: 0 });
    expect(kt02[4]!.format).toBe("#,##0.###");
    const sections = s.rows.filter((r) => r?.[0]?.style === "section").map((r) => r![2]!.value);
    expect(sections).toEqual(["I. CÔNG TÁC THANH TRA"]);
  });
});

describe("template options", () => {
  it("reads unit codes from a comma list and rejects bad, duplicate and reserved codes", () => {
    expect(parseUnitCodes("BCA, BTP,BQP").map((u) => u.code)).toEqual(["BCA", "BTP", "BQP"]);
    expect(checkUnits(parseUnitCodes("BCA,BTP"))).toEqual([]);
    expect(checkUnits(parseUnitCodes(""))).toEqual([{ kind: "noUnits" }]);
    expect(checkUnits(parseUnitCodes("BCA,bca,Bộ Y tế,Config,A/B"))).toEqual([
      { kind: "duplicateCode", code: "bca" },
      { kind: "badCode", code: "Bộ Y tế" },
      { kind: "reservedCode", code: "Config" },
      { kind: "badCode", code: "A/B" },
    ]);
    // Empty entries (a doubled or trailing comma) are dropped.
    expect(parseUnitCodes("A,,B,").map((u) => u.code)).toEqual(["A", "B"]);
  });

  it("accepts a four-digit year only", () => {
    expect(parseYear("2023")).toBe(2023);
    for (const bad of ["abc", "23", "20233", "1900", "2023.5", ""]) expect(parseYear(bad)).toBeNull();
  });
});

describe("planAddUnit", () => {
  const plan = templatePlan({ lang: "vi", year: 2023, units: [{ code: "BCA", name: "Thanh tra Bộ Công an" }] });
  const snap = templateSnapshot(plan);

  it("adds a unit sheet and appends the unit to the roster and the scoring sheet", () => {
    const res = planAddUnit(snap, { code: "BTP", name: "Thanh tra Bộ Tư pháp" }, "vi");
    expect(res.problems).toEqual([]);
    const add = res.plan!;
    expect(add.sheet.name).toBe("BTP");
    expect(add.sheet.rows[UNIT_LAYOUT.headerRow]![4]!.value).toBe("Năm 2023");
    const rosterRow = CONFIG_LAYOUT.firstKeyRow + KEYS.length + 4;
    expect(add.writes.filter((w) => w.sheet === "Cấu hình").map((w) => [w.row, w.col, w.cell.value])).toEqual([
      [rosterRow, 0, "BTP"],
      [rosterRow, 1, "Thanh tra Bộ Tư pháp"],
      [rosterRow, 2, "BTP"],
      [rosterRow, 3, null],
    ]);
    const scoring = add.writes.filter((w) => w.sheet === "Chấm điểm");
    expect(new Set(scoring.map((w) => w.row))).toEqual(new Set([SCORING_LAYOUT.maxRow + 2]));
    expect(scoring.find((w) => w.col === 0)!.cell.formula).toBe(`'Cấu hình'!A${rosterRow + 1}&""`);
    expect(scoring.filter((w) => w.cell.validation).length).toBe(9);

    // Applied, the engine reads the new unit as one more roster unit with its own sheet.
    const applied = structuredClone(plan);
    for (const w of add.writes) {
      const sheet = applied.sheets.find((s) => s.name === w.sheet)!;
      (sheet.rows[w.row] ??= [])[w.col] = w.cell;
    }
    applied.sheets.splice(2, 0, add.sheet);
    const after = buildBloc(templateSnapshot(applied), NOW);
    expect(after.roster.map((u) => [u.code, u.name, u.sheetName])).toEqual([
      ["BCA", "Thanh tra Bộ Công an", "BCA"],
      ["BTP", "Thanh tra Bộ Tư pháp", "BTP"],
    ]);
    expect(new Set(after.issues.map((i) => `${i.code}:${i.sheet}`))).toEqual(new Set(["VALUE_EMPTY:BCA", "VALUE_EMPTY:BTP", "SCORE_INVALID:Chấm điểm"]));
    expect(new Set(after.issues.filter((i) => i.code === "SCORE_INVALID").map((i) => i.cell.replace(/^[A-Z]+/, "")))).toEqual(
      new Set([String(SCORING_LAYOUT.maxRow + 2), String(SCORING_LAYOUT.maxRow + 3)]),
    );
  });

  it("refuses a code already on the roster, a sheet that exists, and a workbook without config", () => {
    expect(planAddUnit(snap, { code: "bca", name: "" }, "vi").problems).toEqual([{ kind: "codeTaken", code: "bca" }]);
    expect(planAddUnit(snap, { code: "X", name: "", sheetName: "Chấm điểm" }, "vi").problems).toEqual([{ kind: "sheetTaken", sheet: "Chấm điểm" }]);
    expect(planAddUnit({ sheets: snap.sheets.slice(1) }, { code: "X", name: "" }, "vi").problems).toEqual([{ kind: "noConfig" }]);
  });
});
