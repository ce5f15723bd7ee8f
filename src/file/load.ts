/** Reading an .xlsx from disk, refusing unusable input with a typed reason (the CLI words it). */
import { promises as fs } from "fs";
import ExcelJS from "exceljs";
import type { WorkbookSnapshot } from "../core/snapshot";
import { TooLargeError, workbookSnapshot } from "./xlsx";
import { declaredUnzippedBytes, MAX_UNZIPPED_MB } from "../xlsx/zip";

/** Larger files are refused: a bloc's workbook is well under a megabyte per hundred units. */
export const MAX_FILE_MB = 50;

export type InputProblem =
  | { kind: "notFound" }
  | { kind: "notAFile" }
  | { kind: "empty" }
  | { kind: "tooBig"; mb: number }
  | { kind: "tooBigUnzipped"; mb: number }
  | { kind: "encrypted" }
  | { kind: "notXlsx" }
  | { kind: "corrupt" }
  | { kind: "noSheets" }
  | { kind: "tooManyCells"; sheet: string; range: string; cells: number };

export class InputError extends Error {
  constructor(
    readonly path: string,
    readonly problem: InputProblem,
  ) {
    super(`${path}: ${problem.kind}`);
  }
}

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const starts = (buf: Buffer, sig: number[]) => sig.every((b, i) => buf[i] === b);

export async function loadWorkbook(path: string): Promise<{ workbook: ExcelJS.Workbook; snapshot: WorkbookSnapshot; bytes: number; buffer: Buffer }> {
  let stat;
  try {
    stat = await fs.stat(path);
  } catch {
    throw new InputError(path, { kind: "notFound" });
  }
  if (!stat.isFile()) throw new InputError(path, { kind: "notAFile" });
  if (stat.size === 0) throw new InputError(path, { kind: "empty" });
  if (stat.size > MAX_FILE_MB * 1024 * 1024) throw new InputError(path, { kind: "tooBig", mb: MAX_FILE_MB });
  const buf = await fs.readFile(path);
  // Encrypted .xlsx files (and legacy .xls) are OLE compound documents, not zips.
  if (starts(buf, OLE)) throw new InputError(path, { kind: "encrypted" });
  if (!starts(buf, ZIP)) throw new InputError(path, { kind: "notXlsx" });
  const unzipped = declaredUnzippedBytes(buf);
  if (unzipped !== null && unzipped > MAX_UNZIPPED_MB * 1024 * 1024) throw new InputError(path, { kind: "tooBigUnzipped", mb: MAX_UNZIPPED_MB });
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(buf as unknown as ArrayBuffer);
  } catch {
    throw new InputError(path, { kind: "corrupt" });
  }
  if (!workbook.worksheets.length) throw new InputError(path, { kind: "noSheets" });
  try {
    return { workbook, snapshot: workbookSnapshot(workbook), bytes: stat.size, buffer: buf };
  } catch (e) {
    if (e instanceof TooLargeError) throw new InputError(path, { kind: "tooManyCells", sheet: e.sheet, range: e.range, cells: e.cells });
    throw e;
  }
}

/**
 * Write several files all-or-nothing: each to a temporary file beside its target, then rename
 * them into place; on any failure every temporary file is removed and no target is touched.
 */
export async function writeFilesAtomically(files: { path: string; data: Buffer | Uint8Array }[]): Promise<void> {
  const temps: string[] = [];
  try {
    for (const f of files) {
      const tmp = `${f.path}.tmp-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
      temps.push(tmp);
      await fs.writeFile(tmp, f.data);
    }
    for (let i = 0; i < files.length; i++) await fs.rename(temps[i], files[i].path);
  } catch (e) {
    await Promise.all(temps.map((t) => fs.rm(t, { force: true })));
    throw e;
  }
}
