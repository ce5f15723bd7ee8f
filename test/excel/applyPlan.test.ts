import type { WritePlan } from "../../src/core/plan";
import type { Cell, SheetModel } from "../../src/core/sheet/model";
import { sheetFromRows, type WorkbookSnapshot } from "../../src/core/snapshot";
import { applyPlan, TEMP_SHEET_PREFIX } from "../../src/excel/applyPlan";
import { columnWidthPoints } from "../../src/excel/sheetWriter";
import { OutputNameTakenError } from "../../src/excel/errors";
import { FakeExcel, FakeOfficeError, fakeFromSnapshot } from "../support/excelFake";

const all = (): boolean => true;
const FIVE_MB = 5 * 1024 * 1024;

const text = (value: string, style: Cell["style"] = "text"): Cell => ({ value, style });
const num = (value: number, format = "#,##0"): Cell => ({ value, format, style: "number" });
const formula = (f: string, cached: number, format = "#,##0"): Cell => ({ formula: f, value: cached, format, style: "number" });

function workbook(): WorkbookSnapshot {
  const unit = (name: string, a: number, b: number) =>
    sheetFromRows(name, [
      ["Mã", "Chỉ tiêu", "Đơn vị tính", "Năm 2022", "Năm 2023"],
      ...Array.from({ length: 5 }, () => [null, null, null, null, null]),
      ["TT01", "Số cuộc thanh tra đã triển khai", "cuộc", a, b],
    ]);
  return {
    sheets: [
      sheetFromRows("Cấu hình", [
        ["Khối thi đua", "Khối Thi đua số 2"],
        ["Năm báo cáo", 2023],
      ]),
      unit("BCA", 25, 30),
      unit("BTP", 20, 22),
      sheetFromRows(
        "Ghi chép",
        [
          ["Ghi chú riêng của người dùng", "=1+1 (văn bản)"],
          [42, null],
        ],
        {
          formulas: [
            [null, null],
            ["=6*7", null],
          ],
        },
      ),
    ],
  };
}

/** A first run's outputs, as they would sit in the workbook before a rerun. */
function withOldOutputs(): FakeExcel {
  const wb = workbook();
  wb.sheets.unshift(
    sheetFromRows("Tổng hợp 2023", [["TỔNG HỢP (cũ)"], [1]]),
    sheetFromRows("Kiểm tra", [["Danh sách lỗi (cũ)"]]),
    sheetFromRows("Tờ trình 2023", [["TỜ TRÌNH (cũ)"]]),
  );
  return fakeFromSnapshot(wb);
}

function summary(total = 52): SheetModel {
  return {
    name: "Tổng hợp 2023",
    kind: "summary",
    rows: [
      [text("TỔNG HỢP SỐ LIỆU KHỐI THI ĐUA SỐ 2 NĂM 2023", "title")],
      [text("Ghi chú: =1+1 phải là văn bản", "subtitle")],
      [text("Mã", "header"), text("Đơn vị", "header"), text("2023", "header"), text("Tỷ lệ", "header")],
      [text("BCA"), text("Thanh tra Bộ Công an"), formula("BCA!E7", 30), { formula: "C4/C6", value: 30 / total, format: "0.0%", style: "percent" }],
      [text("BTP"), text("Thanh tra Bộ Tư pháp"), formula("BTP!E7", 22), { formula: "C5/C6", value: 22 / total, format: "0.0%", style: "percent" }],
      [text("Tổng", "textBold"), text("=1+1"), { formula: "SUM(C4:C5)", value: total, format: "#,##0", style: "total" }, { value: 1, format: "0.0%", style: "percentBold" }],
      [text("- gạch đầu dòng"), text("1.234"), text("+84 24 3825"), text("@mention")],
    ],
    merges: ["A1:D1", "A2:D2"],
    columnWidths: [8, 30, 12, 10],
    rowHeights: { 0: 24 },
    freeze: { rows: 3, cols: 1 },
    print: { orientation: "landscape", fitToWidth: true },
    charts: [{ title: "Số cuộc thanh tra 2023", categoriesRange: "B4:B5", series: [{ name: "2023", valuesRange: "C4:C5" }], anchor: "F3", widthCols: 8, heightRows: 15 }],
    tabColor: "FF1F4E79",
  };
}

function check(): SheetModel {
  return {
    name: "Kiểm tra",
    kind: "check",
    rows: [
      [text("Mức độ", "header"), text("Mã lỗi", "header"), text("Sheet", "header"), text("Ô", "header"), text("Nội dung", "header"), text("Rà soát", "header")],
      [
        text("Lỗi", "error"),
        text("VALUE_TEXT_NUMBER"),
        text("BTP"),
        { value: "E7", style: "link", link: { sheet: "BTP", cell: "E7" } },
        text('Số lưu dạng văn bản: "1.234"'),
        { style: "review" },
      ],
    ],
    merges: [],
    columnWidths: [10, 22, 10, 6, 60, 20],
    freeze: { rows: 1, cols: 0 },
    print: { orientation: "portrait", fitToWidth: true },
    charts: [],
  };
}

function submission(): SheetModel {
  return {
    name: "Tờ trình 2023",
    kind: "submission",
    rows: [
      [text("THANH TRA BỘ CÔNG AN", "docCenterBold"), undefined, text("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "docCenterBold")],
      [undefined, undefined, text("Hà Nội, ngày … tháng … năm 2024", "docItalic")],
      [text("TỜ TRÌNH", "docTitle")],
      [{ formula: "\"Tổng số cuộc thanh tra: \"&'Tổng hợp 2023'!C6", value: "Tổng số cuộc thanh tra: 52", style: "docBody" }],
      [text("- Thanh tra Bộ Công an: đề nghị tặng Cờ thi đua", "docBody")],
    ],
    merges: ["A3:C3", "A4:C4", "A5:C5"],
    columnWidths: [30, 10, 40],
    print: { orientation: "portrait", fitToWidth: false, margins: { top: 0.8, bottom: 0.8, left: 1.2, right: 0.6 } },
    charts: [],
  };
}

function plan(total?: number): WritePlan {
  return { sheets: [summary(total), check(), submission()], activate: "Tổng hợp 2023", remove: ["Tổng hợp 2023", "Kiểm tra", "Tờ trình 2023"] };
}

function everySheet(fake: FakeExcel) {
  return fake.sheetNames().map((n) => ({ cells: fake.cellsOf(n), view: fake.sheet(n) }));
}

describe("applyPlan", () => {
  it("writes values, cached formulas, formats, merges, widths and freeze panes", async () => {
    const fake = fakeFromSnapshot(workbook());
    await fake.run((context) => applyPlan(context, plan(), { supports: all }));

    expect(fake.cell("Tổng hợp 2023", "C4")).toMatchObject({ formula: "=BCA!E7", numberFormat: "#,##0" });
    expect(fake.cell("Tổng hợp 2023", "C6")).toMatchObject({ formula: "=SUM(C4:C5)" });
    expect(fake.cell("Tổng hợp 2023", "D4")).toMatchObject({ formula: "=C4/C6", numberFormat: "0.0%" });
    expect(fake.cell("Tổng hợp 2023", "D6")).toMatchObject({ value: 1, formula: null, numberFormat: "0.0%" });
    const view = fake.sheet("Tổng hợp 2023");
    expect(view.merges).toEqual(["A1:D1", "A2:D2"]);
    expect(view.columnWidths).toEqual({ A: columnWidthPoints(8), B: columnWidthPoints(30), C: columnWidthPoints(12), D: columnWidthPoints(10) });
    expect(columnWidthPoints(10)).toBeCloseTo(56.25);
    expect(view.rowHeights).toEqual({ 1: 24 });
    expect(view.freeze).toEqual({ rows: 3, cols: 1 });
    expect(view.tabColor).toBe("#1F4E79");
    expect(fake.sheet("Kiểm tra").freeze).toEqual({ rows: 1, cols: 0 });
  });

  it("keeps user text as text even when it starts with =, +, - or @ or looks like a number", async () => {
    const fake = fakeFromSnapshot(workbook());
    await fake.run((context) => applyPlan(context, plan(), { supports: all }));
    const at = (a: string) => fake.cell("Tổng hợp 2023", a);
    expect(at("B6")).toMatchObject({ value: "=1+1", formula: null });
    expect(at("A7")).toMatchObject({ value: "- gạch đầu dòng", formula: null });
    expect(at("B7")).toMatchObject({ value: "1.234", formula: null });
    expect(at("C7")).toMatchObject({ value: "+84 24 3825", formula: null });
    expect(at("D7")).toMatchObject({ value: "@mention", formula: null });
    expect(at("C3")).toMatchObject({ value: "2023", formula: null });
    expect(fake.cell("Kiểm tra", "E2").value).toBe('Số lưu dạng văn bản: "1.234"');
  });

  it("maps every plan style to Excel formatting", async () => {
    const fake = fakeFromSnapshot(workbook());
    await fake.run((context) => applyPlan(context, plan(), { supports: all }));
    const header = fake.cell("Tổng hợp 2023", "B3");
    expect(header.font.bold).toBe(true);
    expect(header.fill).toBe("#DDEBF7");
    expect(header.horizontalAlignment).toBe("Center");
    expect(header.borders.top).toMatchObject({ style: "Continuous", weight: "Thin" });
    expect(header.borders.left).toMatchObject({ style: "Continuous" });
    expect(fake.cell("Tổng hợp 2023", "A1").font).toMatchObject({ bold: true, size: 14 });
    expect(fake.cell("Tổng hợp 2023", "C6")).toMatchObject({ font: expect.objectContaining({ bold: true }), fill: "#F2F2F2" });
    expect(fake.cell("Kiểm tra", "A2")).toMatchObject({ fill: "#FFC7CE" });
    expect(fake.cell("Kiểm tra", "D2").font).toMatchObject({ underline: "Single", color: "#0563C1" });
    expect(fake.cell("Kiểm tra", "F2").fill).toBe("#FFF2CC");
    expect(fake.cell("Tờ trình 2023", "A3").font).toMatchObject({ name: "Times New Roman", size: 14, bold: true });
    expect(fake.cell("Tờ trình 2023", "C2").font).toMatchObject({ italic: true, name: "Times New Roman" });
    expect(fake.cell("Tờ trình 2023", "A5").horizontalAlignment).toBe("Justify");
  });

  it("links an issue to its cell with a quoted document reference", async () => {
    const fake = fakeFromSnapshot(workbook());
    await fake.run((context) => applyPlan(context, plan(), { supports: all }));
    expect(fake.cell("Kiểm tra", "D2")).toMatchObject({ value: "E7", hyperlink: { documentReference: "'BTP'!E7" } });
  });

  it("adds each planned chart as a clustered column chart with explicit series", async () => {
    const fake = fakeFromSnapshot(workbook());
    await fake.run((context) => applyPlan(context, plan(), { supports: all }));
    expect(fake.sheet("Tổng hợp 2023").charts).toEqual([
      {
        type: "ColumnClustered",
        seriesBy: "Columns",
        source: "Tổng hợp 2023!C4:C5",
        title: "Số cuộc thanh tra 2023",
        legend: { position: "Bottom", visible: true },
        position: { start: "F3", end: "M17" },
        series: [{ name: "2023", values: "Tổng hợp 2023!C4:C5", xValues: "Tổng hợp 2023!B4:B5" }],
      },
    ]);
  });

  it("sets A4 paper, orientation, fit to width, and margins given in inches", async () => {
    const fake = fakeFromSnapshot(workbook());
    await fake.run((context) => applyPlan(context, plan(), { supports: all }));
    expect(fake.sheet("Tổng hợp 2023").pageLayout).toMatchObject({ orientation: "Landscape", paperSize: "A4", zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 } });
    const doc = fake.sheet("Tờ trình 2023").pageLayout;
    expect(doc).toMatchObject({ orientation: "Portrait", paperSize: "A4", zoom: { scale: 100 } });
    expect(doc.topMargin).toBeCloseTo(57.6);
    expect(doc.leftMargin).toBeCloseTo(86.4);
    expect(doc.rightMargin).toBeCloseTo(43.2);
  });

  it("leaves page layout alone where ExcelApi 1.9 is missing", async () => {
    const fake = fakeFromSnapshot(workbook());
    const upTo18 = (_s: string, v: string) => Number(v.split(".")[1]) <= 8;
    await fake.run((context) => applyPlan(context, plan(), { supports: upTo18 }));
    expect(fake.sheet("Tổng hợp 2023").pageLayout).toMatchObject({ orientation: "Portrait", paperSize: "Letter" });
    expect(fake.cell("Tổng hợp 2023", "C4").formula).toBe("=BCA!E7");
  });

  it("puts the outputs first in plan order, shows the chosen sheet and leaves no temporary sheet", async () => {
    const fake = fakeFromSnapshot(workbook());
    const report = await fake.run((context) => applyPlan(context, plan(), { supports: all }));
    expect(fake.sheetNames()).toEqual(["Tổng hợp 2023", "Kiểm tra", "Tờ trình 2023", "Cấu hình", "BCA", "BTP", "Ghi chép"]);
    expect(fake.activeSheetName).toBe("Tổng hợp 2023");
    // One sync to look, one to write.
    expect(report).toMatchObject({ syncs: 2, writeBatches: 1 });
    expect(fake.syncCount).toBe(2);
  });

  it("suspends calculation and screen updating for every write, with events off until the swap turns them back on", async () => {
    const fake = fakeFromSnapshot(workbook());
    await fake.run((context) => applyPlan(context, plan(), { supports: all, maxRequestBytes: 5_000 }));
    const writes = fake.syncLog.filter((s) => s.writes > 0);
    expect(writes.length).toBeGreaterThan(3);
    expect(writes.every((s) => s.calculationSuspended && s.screenUpdatingSuspended)).toBe(true);
    expect(writes.slice(0, -1).every((s) => !s.eventsEnabledAfter)).toBe(true);
    expect(fake.eventsEnabled).toBe(true);
  });

  it("replaces the earlier outputs named in plan.remove in place, and touches nothing else", async () => {
    const fake = withOldOutputs();
    const userBefore = ["Cấu hình", "BCA", "BTP", "Ghi chép"].map((n) => fake.cellsOf(n));
    const ids = ["Tổng hợp 2023", "Kiểm tra", "Tờ trình 2023"].map((n) => fake.sheetId(n));
    await fake.run((context) => applyPlan(context, plan(), { supports: all }));
    await fake.run((context) => applyPlan(context, plan(60), { supports: all }));
    expect(["Tổng hợp 2023", "Kiểm tra", "Tờ trình 2023"].map((n) => fake.sheetId(n))).toEqual(ids);
    // One chart, not one per build; the old "(cũ)" cells are gone.
    expect(fake.sheet("Tổng hợp 2023").charts).toHaveLength(1);
    expect(fake.cell("Tổng hợp 2023", "A2").value).toBe("Ghi chú: =1+1 phải là văn bản");
    expect(fake.sheetNames()).toEqual(["Tổng hợp 2023", "Kiểm tra", "Tờ trình 2023", "Cấu hình", "BCA", "BTP", "Ghi chép"]);
    expect(fake.cell("Tổng hợp 2023", "A1").value).toBe("TỔNG HỢP SỐ LIỆU KHỐI THI ĐUA SỐ 2 NĂM 2023");
    expect(fake.cellsOf("Kiểm tra").values[0][0]).toBe("Mức độ");
    expect(["Cấu hình", "BCA", "BTP", "Ghi chép"].map((n) => fake.cellsOf(n))).toEqual(userBefore);
  });

  it("keeps a formula that points at another output pointing at the new sheet", async () => {
    const fake = withOldOutputs();
    await fake.run((context) => applyPlan(context, plan(), { supports: all }));
    expect(fake.cell("Tờ trình 2023", "A4").formula).toBe("=\"Tổng số cuộc thanh tra: \"&'Tổng hợp 2023'!C6");
  });

  it("refuses to overwrite a sheet of the same name that is not an earlier output, before writing anything", async () => {
    const fake = withOldOutputs();
    const before = everySheet(fake);
    const p = { ...plan(), remove: ["Tổng hợp 2023", "Tờ trình 2023"] };
    await expect(fake.run((context) => applyPlan(context, p, { supports: all }))).rejects.toBeInstanceOf(OutputNameTakenError);
    expect(everySheet(fake)).toEqual(before);
    expect(fake.syncCount).toBe(1);
    expect(fake.eventsEnabled).toBe(true);
  });

  it("leaves the previous outputs untouched and no temporary sheet when a write fails half-way", async () => {
    // Count a full run's writes on a twin workbook, then fail at half of them.
    const twin = withOldOutputs();
    const before = twin.writesApplied;
    await twin.run((context) => applyPlan(context, plan(), { supports: all, maxRequestBytes: 5_000 }));
    const writes = twin.writesApplied - before;
    expect(twin.syncCount).toBeGreaterThan(5);

    const fake = withOldOutputs();
    const snapshot = everySheet(fake);
    fake.failOnWrite(Math.floor(writes / 2), new FakeOfficeError("GeneralException", "boom"));
    await expect(fake.run((context) => applyPlan(context, plan(), { supports: all, maxRequestBytes: 5_000 }))).rejects.toMatchObject({ code: "GeneralException" });
    expect(fake.sheetNames().some((n) => n.startsWith(TEMP_SHEET_PREFIX))).toBe(false);
    expect(everySheet(fake)).toEqual(snapshot);
    expect(fake.eventsEnabled).toBe(true);
  });

  it("leaves every output wholly old or wholly new, wherever in its one write batch a rebuild fails", async () => {
    const twin = withOldOutputs();
    const start = twin.writesApplied;
    await twin.run((context) => applyPlan(context, plan(), { supports: all }));
    const writes = twin.writesApplied - start;
    const news = { "Tổng hợp 2023": "TỔNG HỢP SỐ LIỆU KHỐI THI ĐUA SỐ 2 NĂM 2023", "Kiểm tra": "Mức độ", "Tờ trình 2023": "THANH TRA BỘ CÔNG AN" };
    const olds = { "Tổng hợp 2023": "TỔNG HỢP (cũ)", "Kiểm tra": "Danh sách lỗi (cũ)", "Tờ trình 2023": "TỜ TRÌNH (cũ)" };
    for (const k of [1, 2, 5, Math.floor(writes / 3), Math.floor(writes / 2), writes - 3, writes - 1]) {
      const fake = withOldOutputs();
      const user = ["Cấu hình", "BCA", "BTP", "Ghi chép"].map((n) => fake.cellsOf(n));
      fake.failOnWrite(k, new FakeOfficeError("GeneralException", "boom"));
      await expect(fake.run((context) => applyPlan(context, plan(), { supports: all }))).rejects.toMatchObject({ code: "GeneralException" });
      expect(fake.sheetNames().filter((n) => n.startsWith("~"))).toEqual([]);
      for (const [name, text] of Object.entries(news)) {
        const cells = fake.cellsOf(name);
        const old = olds[name as keyof typeof olds];
        const wholly = cells.values[0][0] === old ? JSON.stringify(cells.values) === JSON.stringify(withOldOutputs().cellsOf(name).values) : cells.values[0][0] === text;
        expect([k, name, wholly]).toEqual([k, name, true]);
      }
      expect(["Cấu hình", "BCA", "BTP", "Ghi chép"].map((n) => fake.cellsOf(n))).toEqual(user);
      expect(fake.eventsEnabled).toBe(true);
    }
  });

  it("keeps a user's formula, defined name and chart on the summary pointing at the new summary after a rebuild", async () => {
    const fake = withOldOutputs();
    await fake.run((context) => applyPlan(context, plan(), { supports: all }));
    // The user refers to this year's summary: C4 holds BCA's figure (=BCA!E7).
    await fake.run(async (context) => {
      const notes = context.workbook.worksheets.getItem("Ghi chép");
      notes.getRange("D1").formulas = [["='Tổng hợp 2023'!C4"]];
      context.workbook.names.add("TongBCA", "='Tổng hợp 2023'!$C$4");
      const chart = notes.charts.add("Line", context.workbook.worksheets.getItem("Tổng hợp 2023").getRange("C4:C5"), "Columns");
      chart.title.text = "Của người dùng";
      await context.sync();
    });
    expect(fake.evaluate("Ghi chép", "D1")).toBe(30);
    // BCA corrects its figure; the bloc rebuilds.
    await fake.run(async (context) => {
      context.workbook.worksheets.getItem("BCA").getRange("E7").values = [[35]];
      await context.sync();
    });
    await fake.run((context) => applyPlan(context, plan(57), { supports: all }));
    expect(fake.cell("Ghi chép", "D1").formula).toBe("='Tổng hợp 2023'!C4");
    expect(fake.evaluate("Ghi chép", "D1")).toBe(35);
    expect(fake.names()).toContainEqual(expect.objectContaining({ name: "TongBCA", formula: "='Tổng hợp 2023'!$C$4" }));
    expect(fake.sheet("Ghi chép").charts[0].series.map((x) => x.values)).toEqual(["Tổng hợp 2023!C4:C5"]);
  });

  it("would have broken those references had it deleted the summary (the fake keeps Excel's #REF! rule)", async () => {
    const fake = withOldOutputs();
    await fake.run(async (context) => {
      context.workbook.worksheets.getItem("Ghi chép").getRange("D1").formulas = [["='Tổng hợp 2023'!C4"]];
      context.workbook.names.add("TongBCA", "='Tổng hợp 2023'!$C$4");
      context.workbook.worksheets.getItem("Tổng hợp 2023").delete();
      await context.sync();
    });
    expect(fake.evaluate("Ghi chép", "D1")).toEqual({ error: "#REF!" });
    expect(fake.names()[0].formula).toBe("=#REF!$C$4");
  });

  it("retries a large batch in halves when Excel answers GeneralException or RequestPayloadSizeLimitExceeded", async () => {
    const rows: Cell[][] = Array.from({ length: 3000 }, (_, r) => Array.from({ length: 8 }, (_, c) => text(`Đơn vị ${r} — cột ${c} — nội dung dài để lô ghi vượt một megabyte`)));
    const big: SheetModel = { name: "Tổng hợp 2023", kind: "summary", rows, merges: [], columnWidths: [], print: { orientation: "landscape", fitToWidth: true }, charts: [] };
    for (const code of ["GeneralException", "RequestPayloadSizeLimitExceeded"]) {
      const fake = fakeFromSnapshot(workbook());
      fake.failOnSync(2, new FakeOfficeError(code, "too big"));
      const report = await fake.run((context) => applyPlan(context, { sheets: [big], activate: "Tổng hợp 2023", remove: [] }, { supports: all }));
      expect(fake.syncLog.map((s) => s.failed)).toEqual([null, code, null, null]);
      expect(report.writeBatches).toBe(2);
      expect(fake.cell("Tổng hợp 2023", "H3000").value).toBe("Đơn vị 2999 — cột 7 — nội dung dài để lô ghi vượt một megabyte");
    }
  });

  it("reports a GeneralException of a small batch at once, without retrying", async () => {
    const fake = withOldOutputs();
    fake.failOnSync(2, new FakeOfficeError("GeneralException", "boom"));
    await expect(fake.run((context) => applyPlan(context, plan(), { supports: all }))).rejects.toMatchObject({ code: "GeneralException" });
    // After the failed write only the small clean-up follows, never the plan sent again.
    expect(fake.syncLog.filter((s) => s.failed === "GeneralException")).toHaveLength(1);
    expect(fake.syncLog.slice(2).every((s) => s.writes < 10)).toBe(true);
    expect(fake.cell("Tổng hợp 2023", "A1").value).toBe("TỔNG HỢP (cũ)");
  });

  it("turns events back on after a failure, and leaves them off if they were off", async () => {
    const fake = withOldOutputs();
    fake.failOnSync(2);
    await expect(fake.run((context) => applyPlan(context, plan(), { supports: all }))).rejects.toMatchObject({ code: "GeneralException" });
    expect(fake.eventsEnabled).toBe(true);

    fake.eventsEnabled = false;
    fake.failOnSync(2);
    await expect(fake.run((context) => applyPlan(context, plan(), { supports: all }))).rejects.toMatchObject({ code: "GeneralException" });
    expect(fake.eventsEnabled).toBe(false);
  });

  it("removes temporary sheets left by a run that crashed", async () => {
    const fake = fakeFromSnapshot(workbook());
    fake.addSheet(`${TEMP_SHEET_PREFIX}1`, { visibility: "Hidden" });
    // Very hidden (by hand or by another tool): Excel refuses to delete it until it is only hidden.
    fake.addSheet(`${TEMP_SHEET_PREFIX}7`, { visibility: "VeryHidden" });
    await fake.run((context) => applyPlan(context, plan(), { supports: all }));
    expect(fake.sheetNames().filter((n) => n.startsWith("~"))).toEqual([]);
  });

  it("keeps every request under 5 MB for a plan of 8000 rows by 20 columns", async () => {
    const rows: Cell[][] = Array.from({ length: 8000 }, (_, r) =>
      Array.from({ length: 20 }, (_, c): Cell =>
        c < 2
          ? text(
              c === 0
                ? `Đơn vị số ${r + 1} — Thanh tra tỉnh`
                : `Ghi chú của đơn vị số ${r + 1}: số liệu đã được đối chiếu với báo cáo năm trước, không có chênh lệch; đơn vị cam kết số liệu trung thực, đầy đủ và chịu trách nhiệm trước Khối trưởng`,
            )
          : c % 3 === 0
            ? formula(`SUM(B${r + 1}:C${r + 1})`, r * c)
            : num(r * 1000 + c + 0.5, "#,##0.00"),
      ),
    );
    const big: SheetModel = {
      name: "Tổng hợp 2023",
      kind: "summary",
      rows,
      merges: [],
      columnWidths: Array(20).fill(12),
      print: { orientation: "landscape", fitToWidth: true },
      charts: [],
    };
    const fake = fakeFromSnapshot(workbook());
    const report = await fake.run((context) => applyPlan(context, { sheets: [big], activate: "Tổng hợp 2023", remove: [] }, { supports: all }));
    expect(fake.maxRequestBytes).toBeLessThan(FIVE_MB);
    expect(fake.syncLog.every((s) => s.failed === null)).toBe(true);
    // More than one request's worth of data: it had to be split.
    expect(fake.syncLog.reduce((sum, s) => sum + s.requestBytes, 0)).toBeGreaterThan(FIVE_MB);
    expect(report.writeBatches).toBeGreaterThan(1);
    expect(report.syncs).toBe(report.writeBatches + 1);
    expect(fake.cell("Tổng hợp 2023", "A8000").value).toBe("Đơn vị số 8000 — Thanh tra tỉnh");
    expect(fake.cell("Tổng hợp 2023", "T8000").value).toBe(7999 * 1000 + 19 + 0.5);
    expect(fake.cell("Tổng hợp 2023", "D1").formula).toBe("=SUM(B1:C1)");
    expect(fake.cell("Tổng hợp 2023", "C2")).toMatchObject({
      font: expect.objectContaining({ bold: false }),
      borders: expect.objectContaining({ top: expect.objectContaining({ style: "Continuous" }) }),
    });
  });
});
