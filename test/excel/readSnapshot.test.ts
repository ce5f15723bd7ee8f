import { sheetFromRows, type SheetSnapshot, type WorkbookSnapshot } from "../../src/core/snapshot";
import { WorkbookTooLargeError } from "../../src/excel/errors";
import { mergedAddresses, readSnapshot } from "../../src/excel/readSnapshot";
import { fakeFromSnapshot } from "../support/excelFake";

const all = (): boolean => true;
const upTo = (max: string) => (_set: string, version: string): boolean => Number(version.split(".")[1]) <= Number(max.split(".")[1]);

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
          { numberFormats: [["General", "General"], ["General", "0"], ["General", "@"], ["General", "General"]] },
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
            formulas: [[null, null, null], [null, null, null], [null, null, "=D7/120"], [null, null, "=D8/0"], [null, "=SUM(D7:D8)", "=#REF!D1"]],
            numberFormats: [["General", "General", "General"], ["General", "General", "General"], ["@", "#,##0", "0.0%"], ["@", "#,##0.00", "0.0%"], ["General", "#,##0.00", "General"]],
            merges: ["C5:E5"],
          },
        ),
        sheetFromRows("Ẩn", [["x"]], { visibility: "hidden" }),
        sheetFromRows("Trống", []),
      ],
    };
    const fake = fakeFromSnapshot(snapshot);
    const got = await fake.run((context) => readSnapshot(context, { supports: all }));
    expect(got).toEqual(snapshot);
  });

  it("reads each sheet's merged areas only where ExcelApi 1.13 is supported", async () => {
    const snapshot = { sheets: [unitSheet("BTP")] };
    const fake = fakeFromSnapshot(snapshot);
    const withMerges = await fake.run((context) => readSnapshot(context, { supports: all }));
    const without = await fake.run((context) => readSnapshot(context, { supports: upTo("1.12") }));
    expect(withMerges.sheets[0].merges).toEqual(["B3:G3"]);
    expect(without.sheets[0].merges).toEqual([]);
    expect(without.sheets[0].values).toEqual(snapshot.sheets[0].values);
  });

  it("finds the used range of sheets whose names need quoting", async () => {
    const odd = { ...unitSheet("Thanh tra, giám sát NH!"), merges: ["B3:G3", "B17:C17"] };
    const fake = fakeFromSnapshot({ sheets: [odd, unitSheet("O'Brien")] });
    const got = await fake.run((context) => readSnapshot(context, { supports: all }));
    expect(got.sheets[0]).toEqual(odd);
    expect(got.sheets[1].top).toBe(2);
    expect(got.sheets[1].left).toBe(1);
  });

  it.each([6, 600])("takes 3 syncs for %i sheets", async (count) => {
    const sheets = Array.from({ length: count }, (_, i) => unitSheet(`Đơn vị ${i + 1}`, i));
    const fake = fakeFromSnapshot({ sheets });
    const got = await fake.run((context) => readSnapshot(context, { supports: all }));
    expect(fake.syncCount).toBe(3);
    expect(got.sheets).toHaveLength(count);
    expect(got.sheets[count - 1]).toEqual(sheets[count - 1]);
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

  it("lists merged areas from an address whose sheet name holds commas", () => {
    expect(mergedAddresses("'Thanh tra, giám sát'!A1:F1, 'Thanh tra, giám sát'!$B$3:$C$3")).toEqual(["A1:F1", "B3:C3"]);
  });
});
