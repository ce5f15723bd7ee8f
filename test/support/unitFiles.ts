/** A bloc and four units' files for the import tests (one new, one changed, one identical, one unknown unit). */
import ExcelJS from "exceljs";
import type { SheetSnapshot, WorkbookSnapshot } from "../../src/core/snapshot";
import { BlocBuilder, UNITS } from "./snapshots";

/** A snapshot saved as an .xlsx by exceljs (values, formulas with results, formats, merges, widths). */
export async function xlsxOf(wb: WorkbookSnapshot, widths: Record<string, number[]> = {}): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  for (const s of wb.sheets) {
    const ws = book.addWorksheet(s.name);
    (widths[s.name] ?? []).forEach((w, i) => (ws.getColumn(i + 1).width = w));
    s.values.forEach((line, r) =>
      line.forEach((v, c) => {
        const cell = ws.getCell(s.top + r + 1, s.left + c + 1);
        const f = s.formulas[r][c];
        if (f) cell.value = { formula: f.slice(1), result: v as number } as ExcelJS.CellFormulaValue;
        else if (v !== null && typeof v !== "object") cell.value = v;
        if (s.numberFormats[r][c] !== "General") cell.numFmt = s.numberFormats[r][c];
      }),
    );
    for (const m of s.merges) ws.mergeCells(m);
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

const renamed = (s: SheetSnapshot, name: string): SheetSnapshot => ({ ...s, name });

/** The bloc (BCA, BTP, BQP on file; BNV on the roster without a sheet) and four units' files. */
export function importScenario() {
  const b = new BlocBuilder();
  const all = b.build();
  const sheet = (code: string) => all.sheets.find((s) => s.name === code)!;
  const bloc: WorkbookSnapshot = { sheets: all.sheets.filter((s) => s.name !== "BNV") };
  // BTP's file: two of its figures corrected since the bloc got the first version.
  const btp = new BlocBuilder()
    .setValue("BTP", "TT01", b.year, b.value("BTP", "TT01", b.year) + 3)
    .setValue("BTP", "TCD01", b.compareYear, b.value("BTP", "TCD01", b.compareYear) + 1)
    .build()
    .sheets.find((s) => s.name === "BTP")!;
  const btc = new BlocBuilder({ units: [...UNITS, { code: "BTC", name: "Thanh tra Bộ Tài chính" }] }).build().sheets.find((s) => s.name === "BTC")!;
  const files: { name: string; snapshot: WorkbookSnapshot }[] = [
    { name: "bao-cao-noi-vu.xlsx", snapshot: { sheets: [renamed(sheet("BNV"), "Báo cáo")] } },
    { name: "btp-2031.xlsx", snapshot: { sheets: [btp] } },
    { name: "cong-an.xlsx", snapshot: { sheets: [renamed(sheet("BCA"), "Sheet1")] } },
    { name: "tai-chinh.xlsx", snapshot: { sheets: [btc] } },
  ];
  return { b, bloc, files, sheet };
}

/** Column widths (characters) every unit file sets on its report sheet. */
export const FILE_WIDTHS = [6, 12, 44, 14, 12, 12, 20];
