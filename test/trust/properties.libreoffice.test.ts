/**
 * Quoted sheet names through LibreOffice: formulas over hostile sheet names are kept by exceljs and
 * evaluated by LibreOffice. Run by `npm run test:libreoffice`; missing LibreOffice is a failure.
 */
import { mkdtempSync, rmSync } from "fs";
import os from "os";
import path from "path";
import ExcelJS from "exceljs";
import fc from "fast-check";
import { quoteSheet } from "../../src/core/a1";
import { recalculate } from "../support/libreoffice";
import { excelSheetName } from "../support/sheetNames";

describe("quoteSheet", () => {
  it("builds formulas that exceljs keeps and LibreOffice evaluates, for hostile sheet names", async () => {
    const fixed = ["O'Brien", "R", "C", "rc2z", "A1", "XFD1", "TRUE", "Đắk Lắk's", 'Sở "Tư pháp"', "Đ".repeat(31), "a!b", "x=1+1"];
    const sampled = fc.sample(excelSheetName, { numRuns: 60, seed: 20240115 });
    const names = [...new Map([...fixed, ...sampled].map((n) => [n.toLowerCase(), n])).values()].filter((n) => n !== "Refs");
    const wb = new ExcelJS.Workbook();
    const refs = wb.addWorksheet("Refs");
    names.forEach((n, k) => {
      wb.addWorksheet(n).getCell("B3").value = k + 1;
      refs.getCell(k + 1, 1).value = n;
      // A wrong cached result on purpose: only a real evaluation gives 2 × (k + 1).
      refs.getCell(k + 1, 2).value = { formula: `${quoteSheet(n)}!B3*2`, result: -1 } as ExcelJS.CellFormulaValue;
    });
    const dir = mkdtempSync(path.join(os.tmpdir(), "bs-quote-"));
    try {
      const file = path.join(dir, "quoted.xlsx");
      await wb.xlsx.writeFile(file);
      const back = new ExcelJS.Workbook();
      await back.xlsx.readFile(file);
      names.forEach((n, k) => expect([n, back.getWorksheet("Refs")!.getCell(k + 1, 2).formula]).toEqual([n, `${quoteSheet(n)}!B3*2`]));
      const [out] = recalculate([file], path.join(dir, "lo"));
      const lo = new ExcelJS.Workbook();
      await lo.xlsx.readFile(out);
      names.forEach((n, k) => {
        const v = lo.getWorksheet("Refs")!.getCell(k + 1, 2).value as { result?: unknown };
        expect([n, v?.result]).toEqual([n, 2 * (k + 1)]);
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
