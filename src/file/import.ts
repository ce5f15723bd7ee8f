/** Writing imported unit sheets into the bloc's own package (the CLI's `import`). */
import type ExcelJS from "exceljs";
import type { SheetModel } from "../core/sheet/model";
import { writePlanIntoPackage } from "./package";

/**
 * The bloc package with these unit sheets added, and the sheets they replace removed. Every other
 * part of the user's file is kept as it is (package.ts).
 */
export async function writeImportsIntoPackage(bloc: Buffer, sheets: SheetModel[], replaced: string[]): Promise<Buffer> {
  return writePlanIntoPackage(bloc, { sheets, remove: replaced, activate: sheets[0].name });
}

/** Column widths in characters from column A, as the file set them (Excel's default 8.43 where it set none). */
export function columnWidthsOf(workbook: ExcelJS.Workbook, sheet: string): number[] {
  const ws = workbook.getWorksheet(sheet);
  if (!ws) return [];
  const out: number[] = [];
  for (let c = 1; c <= ws.columnCount; c++) out.push(ws.getColumn(c).width ?? 8.43);
  return out;
}
