import ExcelJS from "exceljs";
import JSZip from "jszip";
import { DEFAULT_CATALOG } from "../../src/core/catalog";
import { CONFIG_KEYS } from "../../src/core/read/config";
import { TEMPLATE_TEXT } from "../../src/core/i18n/template";
import { CONFIG_LAYOUT, SCORING_LAYOUT, templatePlan, UNIT_LAYOUT } from "../../src/core/template/build";
import path from "path";
import { planAddUnit } from "../../src/core/template/addUnit";
import { loadWorkbook } from "../../src/file/load";
import { writeNewWorkbook } from "../../src/file/package";

/** Written to bytes and read back: what Excel (or any other program) gets. */
async function roundTrip(): Promise<{ wb: ExcelJS.Workbook; zip: JSZip }> {
  const plan = templatePlan({
    lang: "vi",
    year: 2023,
    bloc: "Khối Thi đua số 2",
    units: [
      { code: "BCA", name: "Thanh tra Bộ Công an" },
      { code: "BTP", name: "Thanh tra Bộ Tư pháp" },
    ],
  });
  const bytes = await writeNewWorkbook(plan.sheets, plan.activate);
  const back = new ExcelJS.Workbook();
  await back.xlsx.load(bytes as unknown as ArrayBuffer);
  return { wb: back, zip: await JSZip.loadAsync(bytes) };
}

const locked = (cell: ExcelJS.Cell) => cell.protection?.locked !== false;
const byCode = new Map(DEFAULT_CATALOG.map((i) => [i.code, i]));

describe("the template file", () => {
  let wb: ExcelJS.Workbook;
  let zip: JSZip;
  beforeAll(async () => {
    ({ wb, zip } = await roundTrip());
  });

  it("protects every sheet without a password, allowing column and row formatting and selection", () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Cấu hình", "BCA", "BTP", "Chấm điểm"]);
    for (const ws of wb.worksheets) {
      const p = (ws as unknown as { sheetProtection: Record<string, unknown> }).sheetProtection;
      expect(p).toMatchObject({ sheet: true, formatColumns: true, formatRows: true });
      expect(p.hashValue).toBeUndefined();
      expect(p.selectLockedCells).not.toBe(false);
      expect(p.selectUnlockedCells).not.toBe(false);
    }
  });

  it("puts a whole-number or decimal validation with a Vietnamese prompt on every value cell of a unit sheet, unlocked, shaded and formatted", () => {
    for (const name of ["BCA", "BTP"]) {
      const ws = wb.getWorksheet(name)!;
      expect(ws.getRow(UNIT_LAYOUT.headerRow + 1).values).toEqual([undefined, "STT", "Mã", "Chỉ tiêu", "Đơn vị tính", "Năm 2023", "Năm 2022", "Ghi chú"]);
      let seen = 0;
      ws.eachRow((row) => {
        const ind = byCode.get(String(row.getCell(UNIT_LAYOUT.cols.code + 1).value));
        if (!ind) return;
        seen++;
        for (const col of [UNIT_LAYOUT.cols.year, UNIT_LAYOUT.cols.compareYear]) {
          const cell = row.getCell(col + 1);
          expect(cell.value).toBeNull();
          expect(locked(cell)).toBe(false);
          expect(cell.numFmt).toBe(ind.kind === "money" ? "#,##0.000" : "#,##0");
          expect((cell.fill as ExcelJS.FillPattern).fgColor?.argb).toBe("FFFFF2CC");
          expect(cell.dataValidation).toMatchObject({
            type: ind.kind === "integer" ? "whole" : "decimal",
            operator: "greaterThanOrEqual",
            formulae: [0],
            allowBlank: true,
            showInputMessage: true,
            showErrorMessage: true,
            errorStyle: "stop",
            errorTitle: "Số không hợp lệ",
          });
          expect(cell.dataValidation.prompt).toMatch(new RegExp(`^${ind.code}: `));
        }
        for (const col of [UNIT_LAYOUT.cols.stt, UNIT_LAYOUT.cols.code, UNIT_LAYOUT.cols.name, UNIT_LAYOUT.cols.uom]) expect(locked(row.getCell(col + 1))).toBe(true);
        expect(locked(row.getCell(UNIT_LAYOUT.cols.note + 1))).toBe(false);
      });
      expect(seen).toBe(DEFAULT_CATALOG.length);
      for (let c = 1; c <= 7; c++) expect(locked(ws.getCell(UNIT_LAYOUT.headerRow + 1, c))).toBe(true);
      expect(locked(ws.getCell("A1"))).toBe(true);
    }
  });

  it("labels every config key as the engine reads it, with a note on the label and an unlocked value beside it", () => {
    const ws = wb.getWorksheet("Cấu hình")!;
    Object.entries(CONFIG_KEYS).forEach(([key, aliases], i) => {
      const labelCell = ws.getCell(CONFIG_LAYOUT.firstKeyRow + i + 1, 1);
      const valueCell = ws.getCell(CONFIG_LAYOUT.firstKeyRow + i + 1, 2);
      expect(labelCell.value).toBe(aliases[0]);
      expect(labelCell.note).toBe(TEMPLATE_TEXT.vi.keyNotes[key as keyof typeof CONFIG_KEYS]);
      expect(locked(labelCell)).toBe(true);
      expect(locked(valueCell)).toBe(false);
      expect(valueCell.dataValidation?.prompt).toBeTruthy();
    });
    const year = ws.getCell(CONFIG_LAYOUT.firstKeyRow + 2, 2);
    expect(year.value).toBe(2023);
    expect(year.dataValidation).toMatchObject({ type: "whole", operator: "between", formulae: [1900, 2200] });
    expect(ws.getCell(CONFIG_LAYOUT.firstKeyRow + 3, 2).value).toMatchObject({ formula: `B${CONFIG_LAYOUT.firstKeyRow + 2}-1`, result: 2022 });
  });

  it("lets the roster and its spare rows be edited, and keeps the scoring labels locked and the scores validated against their maximum", async () => {
    const config = wb.getWorksheet("Cấu hình")!;
    let header = 0;
    config.eachRow((row, r) => {
      if (row.getCell(1).value === "Mã" && row.getCell(3).value === "Tên sheet") header = r;
    });
    expect(header).toBeGreaterThan(0);
    expect(locked(config.getCell(header, 1))).toBe(true);
    for (let r = header + 1; r <= header + 3; r++) for (let c = 1; c <= 3; c++) expect(locked(config.getCell(r, c))).toBe(false);

    const scoring = wb.getWorksheet("Chấm điểm")!;
    const first = SCORING_LAYOUT.maxRow + 2;
    expect(scoring.getCell(first, 1).value).toMatchObject({ result: "BCA" });
    expect(locked(scoring.getCell(first, 1))).toBe(true);
    expect(locked(scoring.getCell(SCORING_LAYOUT.maxRow + 1, 1))).toBe(true);
    // exceljs reads a cell reference in a decimal validation back as NaN: look at the XML itself.
    const xml = await zip.file("xl/worksheets/sheet4.xml")!.async("string");
    expect(xml).toMatch(new RegExp(`<dataValidation type="decimal"[^>]*sqref="C${first}"><formula1>0</formula1><formula2>\\$C\\$5</formula2>`));
    expect(scoring.getCell(first, 3).dataValidation).toMatchObject({ type: "decimal", operator: "between" });
    expect(locked(scoring.getCell(first, 3))).toBe(false);
    expect(locked(scoring.getCell(SCORING_LAYOUT.maxRow + 1, 3))).toBe(false);
    expect(scoring.getCell(first, 10).dataValidation).toMatchObject({ type: "whole", formulae: [0] });
  });
});

describe("adding a unit to the bundled sample", () => {
  it("plans its roster and scoring rows where the sample has them (the maximum row right under the scoring header)", async () => {
    const file = path.join(__dirname, "../../examples/khoi-thi-dua-2-2023.xlsx");
    const { snapshot } = await loadWorkbook(file);
    const res = planAddUnit(snapshot, { code: "BTC", name: "Thanh tra Bộ Tài chính" }, "vi");
    expect(res.problems).toEqual([]);
    const scoring = res.plan!.writes.filter((w) => w.sheet === "Chấm điểm");
    expect(scoring.find((w) => w.col === 2)!.cell.validation!.rule).toEqual({ type: "decimal", min: 0, max: { ref: "$C$4" } });
    expect(res.plan!.sheet.name).toBe("BTC");
  });
});
