/**
 * A workbook's bytes read, or refused with the reason as data (core/inputProblem.ts) that both
 * hosts word for the user: a format that is not .xlsx named from the bytes (sniff.ts), a damaged
 * package or part, a sheet that cannot be read, a sheet too large, a workbook with no sheets.
 */
import type { InputProblem } from "../core/inputProblem";
import type { WorkbookSnapshot } from "../core/snapshot";
import { readWorkbook, SheetReadError, TooLargeError, WorkbookReadError, type ReadOptions } from "./read";
import { sniffFormat } from "./sniff";
import { ZipError } from "./zip";

export class WorkbookRefusal extends Error {
  constructor(readonly problem: InputProblem) {
    super(`Workbook refused: ${problem.kind}`);
    this.name = "WorkbookRefusal";
  }
}

/** The reader's error as the input's problem; another error is not a refusal (rethrown). */
export function readProblem(e: unknown): InputProblem {
  if (e instanceof WorkbookRefusal) return e.problem;
  if (e instanceof ZipError) {
    const p = e.problem;
    if (p.kind === "tooBigUnzipped") return { kind: "tooBigUnzipped", mb: p.mb };
    if (p.kind === "encrypted") return { kind: "encrypted" };
    return { kind: "corrupt", ...("entry" in p && p.entry ? { part: p.entry } : {}) };
  }
  if (e instanceof WorkbookReadError) return e.problem.kind === "noWorkbook" ? { kind: "notXlsx" } : { kind: "corrupt", part: e.problem.part };
  if (e instanceof SheetReadError) return { kind: "sheetUnreadable", sheet: e.sheet, problem: e.problem };
  if (e instanceof TooLargeError) return { kind: "tooManyCells", sheet: e.sheet, range: e.range, cells: e.cells };
  throw e;
}

/** The snapshot of an .xlsx package; any other format, or a package we cannot read, is a WorkbookRefusal. */
export function readSpreadsheet(bytes: Uint8Array, opts: ReadOptions = {}): WorkbookSnapshot {
  const format = sniffFormat(bytes);
  switch (format) {
    case "zip":
      break;
    case "xls":
    case "ods":
    case "encrypted":
    case "csv":
    case "html":
    case "xml2003":
      throw new WorkbookRefusal({ kind: format });
    default:
      throw new WorkbookRefusal({ kind: "notXlsx" });
  }
  let snapshot: WorkbookSnapshot;
  try {
    snapshot = readWorkbook(bytes, opts);
  } catch (e) {
    throw new WorkbookRefusal(readProblem(e));
  }
  if (!snapshot.sheets.length) throw new WorkbookRefusal({ kind: "noSheets" });
  return snapshot;
}

/** Why the file was refused, or null when the error is not a refusal (a fault of ours). */
export function refusalProblem(e: unknown): InputProblem | null {
  return e instanceof WorkbookRefusal ? e.problem : null;
}
