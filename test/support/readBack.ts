/**
 * Reading workbooks back in tests with the file host's reader (src/xlsx/read.ts): a file on disk,
 * bytes, or a workbook exceljs made (exceljs stays a test producer of files, nothing more).
 */
import { readFileSync } from "fs";
import type ExcelJS from "exceljs";
import type { WorkbookSnapshot } from "../../src/core/snapshot";
import { readWorkbook } from "../../src/xlsx/read";

export function snapshotOfFile(file: string): WorkbookSnapshot {
  return readWorkbook(readFileSync(file));
}

export function snapshotOfBytes(bytes: Uint8Array | ArrayBuffer): WorkbookSnapshot {
  return readWorkbook(bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes));
}

/** The workbook as exceljs saves it, read by our reader. */
export async function snapshotOfExcelJs(wb: ExcelJS.Workbook): Promise<WorkbookSnapshot> {
  return snapshotOfBytes((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}
