/**
 * Reading a workbook from disk with the reader of our own (src/xlsx/read.ts), refusing unusable
 * input with a typed reason the CLI words: a format that is not .xlsx is named (.xls, .ods, CSV,
 * HTML, Excel 2003 XML, an encrypted package), and with `convert` a legacy .xls or an .ods is
 * converted by LibreOffice when it is installed.
 */
import { promises as fs } from "fs";
import type { WorkbookSnapshot } from "../core/snapshot";
import type { ConvertibleFormat, InputProblem } from "../core/inputProblem";
import { readProblem, readSpreadsheet } from "../xlsx/refusal";
import { sniffFormat } from "../xlsx/sniff";
import { convertToXlsx, findSoffice } from "./convert";
import { ZLIB_CODEC } from "./zlibCodec";

/** Larger files are refused: a bloc's workbook is well under a megabyte per hundred units. */
export const MAX_FILE_MB = 50;

export type { ConvertibleFormat, InputProblem } from "../core/inputProblem";

export class InputError extends Error {
  constructor(
    readonly path: string,
    readonly problem: InputProblem,
  ) {
    super(`${path}: ${problem.kind}`);
  }
}

export interface LoadOptions {
  /** Convert a legacy .xls or an .ods with LibreOffice (soffice on the PATH) instead of refusing it. */
  convert?: boolean;
}

export interface LoadedWorkbook {
  snapshot: WorkbookSnapshot;
  /** The size of the file on disk. */
  bytes: number;
  /** The .xlsx package read (the converted one when `convertedFrom` is set). */
  buffer: Buffer;
  convertedFrom?: ConvertibleFormat;
}

export async function loadWorkbook(path: string, opts: LoadOptions = {}): Promise<LoadedWorkbook> {
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
  const format = sniffFormat(buf);
  if (opts.convert && (format === "xls" || format === "ods")) {
    const soffice = await findSoffice();
    if (!soffice) throw new InputError(path, { kind: format, noConverter: true });
    let converted: Buffer;
    try {
      converted = await convertToXlsx(path, format, soffice);
    } catch (e) {
      throw new InputError(path, { kind: "convertFailed", format, detail: (e as Error).message });
    }
    return { snapshot: snapshotOf(path, converted), bytes: stat.size, buffer: converted, convertedFrom: format };
  }
  return { snapshot: snapshotOf(path, buf), bytes: stat.size, buffer: buf };
}

/** The snapshot of a file's bytes, every refusal (format, reader) as the input's problem. */
function snapshotOf(path: string, buf: Buffer): WorkbookSnapshot {
  try {
    return readSpreadsheet(buf, { codec: ZLIB_CODEC });
  } catch (e) {
    throw new InputError(path, readProblem(e));
  }
}

/**
 * Write several files all-or-nothing: each to a temporary file beside its target; then every
 * existing target is set aside under a backup name and the temporary files are renamed into place.
 * On any failure the files already renamed are removed, the backups put back and every temporary
 * file removed, so the targets are as they were; on success the backups are deleted.
 */
export async function writeFilesAtomically(files: { path: string; data: Buffer | Uint8Array }[]): Promise<void> {
  const tag = `${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
  const temps: string[] = [];
  const backups: { target: string; backup: string }[] = [];
  const placed: string[] = [];
  try {
    for (const f of files) {
      const tmp = `${f.path}.tmp-${tag}`;
      temps.push(tmp);
      await fs.writeFile(tmp, f.data);
    }
    for (let i = 0; i < files.length; i++) {
      const target = files[i].path;
      const existing = await fs.stat(target).catch(() => null);
      if (existing?.isFile()) {
        const backup = `${target}.bak-${tag}`;
        await fs.rename(target, backup);
        backups.push({ target, backup });
      }
      await fs.rename(temps[i], target);
      placed.push(target);
    }
  } catch (e) {
    await Promise.all(placed.map((p) => fs.rm(p, { force: true })));
    for (const b of backups) await fs.rename(b.backup, b.target).catch(() => undefined);
    await Promise.all(temps.map((t) => fs.rm(t, { force: true })));
    throw e;
  }
  await Promise.all(backups.map((b) => fs.rm(b.backup, { force: true })));
}
