import { sheetFromRows, type SheetSnapshot, type WorkbookSnapshot } from "../../src/core/snapshot";
import { WorkbookTooLargeError } from "../../src/excel/errors";
import { readSnapshot } from "../../src/excel/readSnapshot";
import { API_LEVELS, fakeFromSnapshot, MAX_MERGED_AREAS_PER_READ } from "../support/excelFake";

const all = (): boolean => true;
/** What the host reads: everything but merged areas, which it leaves alone (see readSnapshot). */
const unmerged = (s: SheetSnapshot): SheetSnapshot => ({ ...s, merges: [] });
const asRead = (w: WorkbookSnapshot): WorkbookSnapshot => ({ sheets: w.sheets.map(unmerged) });

/** A unit report as units fill it in: a title, a header, one row per indicator. */
function unitSheet(name: string, seed = 0): SheetSnapshot {
  const rows = [
    ["BÁO CÁO KẾT QUẢ CÔNG TÁC THANH TRA", null, null, null, null, null],
    ["Mã", "Chỉ tiêu", "Đơn vị tính", "Năm 2022", "Năm 2023", "Ghi chú"],
    ...Array.from({ length: 13 }, (_, i) => [`TT${String(i + 1).padStart(2, "0")}`, `Chỉ tiêu số ${i + 1} của ${name}`, "cuộc", seed + i * 3, seed + i * 4 + 1, null]),
  ];
  return sheetFromRows(name, rows, { top: 2, left: 1, merges: ["B3:G3"] });
}

describe("readSnapshot", () => {
  it("returns exactly the snapshot the workbook holds: values, formulas, formats, errors and offsets", async () => {
    const snapshot: WorkbookSnapshot = {
      sheets: [
        sheetFromRows(
          "Cấu hình",
          [
            ["Khối thi đua", "Khối Thi đua số 2"],
            ["Năm báo cáo", 2023],
            ["Ghi chú", "=1+1"],
            ["Đã duyệt", true],
          ],
          {
            numberFormats: [
              ["General", "General"],
              ["General", "0"],
              ["General", "@"],
              ["General", "General"],
            ],
          },
        ),
        sheetFromRows(
          "BCA",
          [
            ["Thanh tra Bộ Công an", null, null],
            ["Mã", "Năm 2023", "Tỷ lệ"],
            ["TT01", 30, 0.25],
            ["TT03", 1234.5, { error: "#DIV/0!" }],
            ["Tổng", 1264.5, { error: "#REF!" }],
          ],
          {
            top: 4,
            left: 2,
            formulas: [
              [null, null, null],
              [null, null, null],
              [null, null, "=D7/120"],
              [null, null, "=D8/0"],
              [null, "=SUM(D7:D8)", "=#REF!D1"],
            ],
            numberFormats: [
              ["General", "General", "General"],
              ["General", "General", "General"],
              ["@", "#,##0", "0.0%"],
              ["@", "#,##0.00", "0.0%"],
              ["General", "#,##0.00", "General"],
            ],
            merges: ["C5:E5"],
          },
        ),
        sheetFromRows("Ẩn", [["x"]], { visibility: "hidden" }),
        sheetFromRows("Trống", []),
      ],
    };
    const fake = fakeFromSnapshot(snapshot);
    const got = await fake.run((context) => readSnapshot(context, { supports: all }));
    expect(got).toEqual(asRead(snapshot));
  });

  it.each(API_LEVELS)("reads a sheet with 600 merged areas at ExcelApi %s, in 3 syncs, without asking Excel for its merged areas", async (level) => {
    const merges = Array.from({ length: 600 }, (_, i) => `A${20 + i * 2}:B${20 + i * 2}`);
    const form = sheetFromRows("BCA", [["Mã", "Năm 2023"], ...Array.from({ length: 1220 }, (_, r) => [`x${r}`, r])], { merges });
    const fake = fakeFromSnapshot({ sheets: [form] }, { apiLevel: level });
    // The fake keeps Excel's limit: a read of those areas would fail.
    const direct = fake.run(async (context) => {
      const areas = context.workbook.worksheets.getItem("BCA").getRange("A1:B1300").getMergedAreasOrNullObject().load("areaCount");
      await context.sync();
      return areas.areaCount;
    });
    await expect(direct).rejects.toMatchObject({ code: Number(level.split(".")[1]) >= 13 ? "GeneralException" : "ApiNotAvailable" });
    expect(merges.length).toBeGreaterThan(MAX_MERGED_AREAS_PER_READ);
    fake.resetLog();
    const got = await fake.run((context) => readSnapshot(context, { supports: fake.supports }));
    expect(fake.syncCount).toBe(3);
    expect(got.sheets[0]).toEqual(unmerged(form));
  });

  it("sizes a sheet whose used range is past 2^31-1 cells, where Excel's cellCount says -1", async () => {
    const fake = fakeFromSnapshot({ sheets: [unitSheet("BCA"), sheetFromRows("Rác", [["a"]])] });
    await fake.run(async (context) => {
      context.workbook.worksheets.getItem("Rác").getRange("XFD1048576").values = [["z"]];
      await context.sync();
    });
    const counted = await fake.run(async (context) => {
      const used = context.workbook.worksheets.getItem("Rác").getUsedRange(true).load("cellCount");
      await context.sync();
      return used.cellCount;
    });
    expect(counted).toBe(-1);
    const error = await fake.run((context) => readSnapshot(context, { supports: all })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WorkbookTooLargeError);
    expect(error).toMatchObject({ sheet: "Rác", cellCount: 1048576 * 16384 });
  });

  it("finds the used range of sheets whose names need quoting", async () => {
    const odd = { ...unitSheet("Thanh tra, giám sát NH!"), merges: ["B3:G3", "B17:C17"] };
    const fake = fakeFromSnapshot({ sheets: [odd, unitSheet("O'Brien")] });
    const got = await fake.run((context) => readSnapshot(context, { supports: all }));
    expect(got.sheets[0]).toEqual(unmerged(odd));
    expect(got.sheets[1].top).toBe(2);
    expect(got.sheets[1].left).toBe(1);
  });

  it.each([6, 600])("takes 3 syncs for %i sheets", async (count) => {
    const sheets = Array.from({ length: count }, (_, i) => unitSheet(`Đơn vị ${i + 1}`, i));
    const fake = fakeFromSnapshot({ sheets });
    const got = await fake.run((context) => readSnapshot(context, { supports: all }));
    expect(fake.syncCount).toBe(3);
    expect(got.sheets).toHaveLength(count);
    expect(got.sheets[count - 1]).toEqual(unmerged(sheets[count - 1]));
    expect(fake.maxResponseBytes).toBeLessThan(5 * 1024 * 1024);
  });

  it("refuses a workbook over 5,000,000 cells after sizing it, without reading any cell", async () => {
    const big = sheetFromRows("Nhật ký", [["đầu"]]);
    const fake = fakeFromSnapshot({ sheets: [unitSheet("BCA"), big] });
    // A stray value far away stretches the used range to A1:Z200000 (5.2 million cells).
    await fake.run(async (context) => {
      context.workbook.worksheets.getItem("Nhật ký").getRange("Z200000").values = [[1]];
      await context.sync();
    });
    fake.resetLog();
    const error = await fake.run((context) => readSnapshot(context, { supports: all })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WorkbookTooLargeError);
    expect(error).toMatchObject({ sheet: "Nhật ký", cellCount: 5_200_000, limit: 5_000_000 });
    expect(fake.syncCount).toBe(2);
  });

  it("splits a very large workbook into reads that each stay under the response limit", async () => {
    const rows = Array.from({ length: 30_000 }, (_, r) => [`Dòng ${r}`, r, r * 2, r % 7 === 0 ? null : "ghi chú dài hơn một chút", r / 3]);
    const big = sheetFromRows("Lớn", rows);
    const fake = fakeFromSnapshot({ sheets: [unitSheet("BCA"), big] });
    const got = await fake.run((context) => readSnapshot(context, { supports: all }));
    // JSON comparison: a deep toEqual of 150,000 cells takes jest seconds.
    expect(JSON.stringify(got.sheets[1])).toBe(JSON.stringify(big));
    expect(fake.syncCount).toBeGreaterThan(3);
    expect(fake.syncLog.every((s) => s.failed === null)).toBe(true);
    expect(fake.maxResponseBytes).toBeLessThan(5 * 1024 * 1024);
  });

  it("re-reads in halves when Excel says a response is too large", async () => {
    const long = "Nội dung rất dài ".repeat(40);
    const rows = Array.from({ length: 4000 }, (_, r) => [long, r, long]);
    const sheet = sheetFromRows("Văn bản", rows);
    const fake = fakeFromSnapshot({ sheets: [sheet] });
    const got = await fake.run((context) => readSnapshot(context, { supports: all }));
    expect(JSON.stringify(got.sheets[0])).toBe(JSON.stringify(sheet));
    expect(fake.syncLog.some((s) => s.failed === "ResponsePayloadSizeLimitExceeded")).toBe(true);
  });
});
