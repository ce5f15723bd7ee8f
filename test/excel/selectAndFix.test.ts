import { sheetFromRows } from "../../src/core/snapshot";
import { applyNumberFixes } from "../../src/excel/fixTextNumbers";
import { selectCell } from "../../src/excel/select";
import { fakeFromSnapshot } from "../support/excelFake";

function workbook() {
  return fakeFromSnapshot({
    sheets: [
      sheetFromRows("Tổng hợp 2023", [["Tổng"]]),
      sheetFromRows(
        "BTP",
        [
          ["Mã", "Năm 2022", "Năm 2023"],
          ["TT01", "1.234", "20"],
          ["TT03", "4.642,5", 12],
        ],
        {
          numberFormats: [
            ["General", "General", "General"],
            ["General", "General", "@"],
            ["General", "#,##0.0", "General"],
          ],
        },
      ),
      sheetFromRows("BCA", [
        ["Mã", "Năm 2023"],
        ["TT01", "30"],
      ]),
    ],
  });
}

describe("selectCell", () => {
  it("activates the issue's sheet and selects its cell in one sync", async () => {
    const fake = workbook();
    await fake.run((context) => selectCell(context, "BTP", "C3"));
    expect(fake.activeSheetName).toBe("BTP");
    expect(fake.selection).toEqual({ sheet: "BTP", address: "C3" });
    expect(fake.syncCount).toBe(1);
  });

  it("fails with ItemNotFound for a sheet that is gone", async () => {
    const fake = workbook();
    await expect(fake.run((context) => selectCell(context, "Không có", "A1"))).rejects.toMatchObject({ code: "ItemNotFound" });
  });
});

describe("applyNumberFixes", () => {
  it("writes numbers into exactly the given cells, in one sync", async () => {
    const fake = workbook();
    const before = { BTP: fake.cellsOf("BTP"), BCA: fake.cellsOf("BCA"), sum: fake.cellsOf("Tổng hợp 2023") };
    const written = await fake.run((context) =>
      applyNumberFixes(context, [
        { sheet: "BTP", cell: "B2", value: 1234 },
        { sheet: "BTP", cell: "B3", value: 4642.5, numberFormat: "#,##0.0" },
        { sheet: "BCA", cell: "B2", value: 30 },
      ]),
    );
    expect(written).toBe(3);
    expect(fake.syncCount).toBe(1);
    const btp = fake.cellsOf("BTP");
    expect(btp.values).toEqual([
      ["Mã", "Năm 2022", "Năm 2023"],
      ["TT01", 1234, "20"],
      ["TT03", 4642.5, 12],
    ]);
    expect(btp.numberFormats).toEqual(before.BTP.numberFormats);
    expect(fake.cellsOf("BCA").values).toEqual([
      ["Mã", "Năm 2023"],
      ["TT01", 30],
    ]);
    expect(fake.cellsOf("Tổng hợp 2023")).toEqual(before.sum);
  });

  it("stores the number as a number in a cell formatted as text", async () => {
    const fake = workbook();
    await fake.run((context) => applyNumberFixes(context, [{ sheet: "BTP", cell: "C2", value: 20, numberFormat: "@" }]));
    expect(fake.cell("BTP", "C2")).toMatchObject({ value: 20, numberFormat: "General" });
  });

  it("does nothing, not even a sync, without fixes", async () => {
    const fake = workbook();
    expect(await fake.run((context) => applyNumberFixes(context, []))).toBe(0);
    expect(fake.syncCount).toBe(0);
  });

  it("refuses a value that is not a finite number before touching the workbook", async () => {
    const fake = workbook();
    await expect(fake.run((context) => applyNumberFixes(context, [{ sheet: "BTP", cell: "B2", value: NaN }]))).rejects.toThrow(RangeError);
    expect(fake.syncCount).toBe(0);
  });
});
