/** The reader reads what Excel shows: cached results of formulas, zeros included. */
import ExcelJS from "exceljs";
import { snapshotOfExcelJs } from "../support/readBack";

async function roundTrip(fill: (ws: ExcelJS.Worksheet) => void) {
  const wb = new ExcelJS.Workbook();
  fill(wb.addWorksheet("S"));
  return (await snapshotOfExcelJs(wb)).sheets[0];
}

describe("reading a workbook file into a snapshot", () => {
  it("keeps a formula's cached zero, empty text and FALSE as values", async () => {
    const s = await roundTrip((ws) => {
      ws.getCell("B2").value = { formula: "A1*0", result: 0 } as ExcelJS.CellFormulaValue;
      ws.getCell("C2").value = { formula: 'IF(1,"","x")', result: "" } as ExcelJS.CellFormulaValue;
      ws.getCell("D2").value = { formula: "1=2", result: false } as ExcelJS.CellFormulaValue;
    });
    expect(s.top).toBe(1);
    expect(s.left).toBe(1);
    expect(s.values[0]).toEqual([0, "", false]);
    expect(s.formulas[0]).toEqual(["=A1*0", '=IF(1,"","x")', "=1=2"]);
  });

  it("reads errors, dates as serial numbers, rich text and number formats", async () => {
    const s = await roundTrip((ws) => {
      ws.getCell("A1").value = { error: "#REF!" } as ExcelJS.CellErrorValue;
      ws.getCell("B1").value = new Date(Date.UTC(2023, 0, 1));
      ws.getCell("C1").value = { richText: [{ text: "Năm " }, { text: "2023" }] };
      ws.getCell("D1").value = 1234.5;
      ws.getCell("D1").numFmt = "#,##0.0";
    });
    expect(s.values[0][0]).toEqual({ error: "#REF!" });
    expect(s.values[0][1]).toBe(44927);
    expect(s.values[0][2]).toBe("Năm 2023");
    expect(s.numberFormats[0][3]).toBe("#,##0.0");
  });

  it("gives an empty sheet an empty grid", async () => {
    const s = await roundTrip(() => undefined);
    expect(s.values).toEqual([]);
  });
});
