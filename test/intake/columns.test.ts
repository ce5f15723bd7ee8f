import ExcelJS from "exceljs";
import { DEFAULT_COLUMN_WIDTH, sheetColumnWidths } from "../../src/xlsx/columns";

async function book(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("Khác").getColumn(1).width = 30;
  const ws = wb.addWorksheet("Báo cáo & số liệu");
  ws.getColumn(1).width = 6;
  ws.getColumn(3).width = 44.5;
  ws.getCell("D1").value = 1;
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe("sheetColumnWidths", () => {
  it("reads the widths the file sets for the named sheet, the default elsewhere", async () => {
    expect(sheetColumnWidths(await book(), "Báo cáo & số liệu")).toEqual([6, DEFAULT_COLUMN_WIDTH, 44.5]);
    expect(sheetColumnWidths(await book(), "Khác")).toEqual([30]);
  });

  it("gives none for a sheet the workbook does not have", async () => {
    expect(sheetColumnWidths(await book(), "Không có")).toEqual([]);
  });
});
