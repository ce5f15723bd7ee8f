/**
 * "Nhập báo cáo đơn vị" behind the pane: read the picked files (host-neutral reader, loaded on
 * first use), decide each one against the open workbook, and — only when the user confirms —
 * bring the accepted sheets in (importUnits.ts). The decisions are core's (core/intake).
 */
import { decideImport, importsToWrite, lastUnitSheet, type ImportDecision } from "../core/intake/decide";
import { importedSheet } from "../core/intake/sheet";
import type { Lang } from "../core/i18n/format";
import { inputProblemText } from "../core/i18n/inputProblem";
import { INTAKE_UI } from "../core/i18n/intake";
import type { InputProblem } from "../core/inputProblem";
import type { RosterUnit } from "../core/model";
import { readConfig } from "../core/read/config";
import type { WorkbookSnapshot } from "../core/snapshot";
import { label } from "../core/text";
import { officeErrorMessage } from "./errors";
import { importUnitSheets, type UnitSheetImport } from "./importUnits";
import { readSnapshot } from "./readSnapshot";
import type { Outcome, RunBatch } from "./session";
import { officeSupports, type Supports } from "./supports";

export interface IntakeFile {
  name: string;
  bytes: Uint8Array;
}

export interface IntakeRow {
  file: IntakeFile;
  /** The file as read; null when it could not be read. */
  snapshot: WorkbookSnapshot | null;
  decision: ImportDecision;
}

export interface IntakePreview {
  /** The workbook as it was when the files were decided. */
  bloc: WorkbookSnapshot;
  roster: RosterUnit[];
  rows: IntakeRow[];
}

/** The host-neutral reading of a unit's file (src/xlsx): loaded on first use. */
export interface UnitFileReader {
  /** Bytes in, snapshot out (src/xlsx/refusal.ts); throws on a file it cannot read. */
  read(bytes: Uint8Array): WorkbookSnapshot | Promise<WorkbookSnapshot>;
  /** Why `read` refused a file (its error), or null for an error that is not a refusal. */
  problem(error: unknown): InputProblem | null;
  /** A sheet's column widths in characters (src/xlsx/columns.ts), kept below ExcelApi 1.13. */
  columnWidths(bytes: Uint8Array, sheet: string): number[];
}

export interface IntakeHost {
  /** Read and decide; nothing is written. */
  preview(files: readonly IntakeFile[], lang: Lang): Promise<Outcome<IntakePreview>>;
  /** The user chose the unit of a file that named none: decide that row again. */
  choose(preview: IntakePreview, file: string, unitCode: string): IntakePreview;
  /** Write the confirmed rows: new ones, and the replacements listed in `replace` (file names). */
  apply(preview: IntakePreview, replace: ReadonlySet<string>, lang: Lang): Promise<Outcome<{ imported: string[]; how: "inserted" | "written" }>>;
}

/** Base64 of bytes, in chunks (String.fromCharCode of a whole file overflows the stack). */
export function toBase64(bytes: Uint8Array): string {
  let s = "";
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

export interface IntakeOptions {
  /** Loads the reader on first use, so it is not in the pane's first bundle. */
  loadReader: () => Promise<UnitFileReader>;
  supports?: Supports;
}

/** A refused file in the user's words (as the command line says it); another error as it is. */
function unreadableText(reader: UnitFileReader, error: unknown, file: string, lang: Lang): string {
  const problem = reader.problem(error);
  return problem ? inputProblemText(lang, file, problem) : INTAKE_UI[lang].unreadableFile(error instanceof Error ? error.message : String(error));
}

export class IntakeSession implements IntakeHost {
  constructor(
    private readonly run: RunBatch,
    private readonly options: IntakeOptions,
  ) {}

  async preview(files: readonly IntakeFile[], lang: Lang): Promise<Outcome<IntakePreview>> {
    try {
      const reader = await this.options.loadReader();
      const bloc = await this.run((ctx) => readSnapshot(ctx));
      const rows: IntakeRow[] = [];
      for (const file of files) {
        let snapshot: WorkbookSnapshot;
        try {
          snapshot = await reader.read(file.bytes);
        } catch (e) {
          const decision: ImportDecision = {
            file: file.name,
            unit: null,
            by: null,
            sheet: null,
            years: [],
            action: { kind: "unreadable", reason: "file", detail: unreadableText(reader, e, file.name, lang) },
          };
          rows.push({ file, snapshot: null, decision });
          continue;
        }
        rows.push({ file, snapshot, decision: decideImport(bloc, { name: file.name, snapshot }) });
      }
      return { ok: true, value: { bloc, roster: readConfig(bloc).roster, rows } };
    } catch (error) {
      return { ok: false, message: officeErrorMessage(error, lang), error };
    }
  }

  choose(preview: IntakePreview, file: string, unitCode: string): IntakePreview {
    return {
      ...preview,
      rows: preview.rows.map((r) => (r.file.name === file && r.snapshot ? { ...r, decision: decideImport(preview.bloc, { name: file, snapshot: r.snapshot }, unitCode) } : r)),
    };
  }

  async apply(preview: IntakePreview, replace: ReadonlySet<string>, lang: Lang): Promise<Outcome<{ imported: string[]; how: "inserted" | "written" }>> {
    // Two files for one unit: the later one wins, as it does in the command line (and run after run).
    const byTarget = new Map<string, UnitSheetImport & { bytes: Uint8Array }>();
    for (const r of preview.rows) {
      const d = r.decision;
      const unit = d.unit;
      if (!r.snapshot || !unit || !d.sheet || !importsToWrite([d], replace.has(d.file)).length) continue;
      const source = r.snapshot.sheets.find((s) => s.name === d.sheet)!;
      const existing = preview.bloc.sheets.find((s) => label(s.name) === label(unit.sheetName));
      // A replacement keeps the workbook's name of the sheet (the roster matches it without case
      // or diacritics), so that it is rewritten in place and every reference to it still resolves.
      const target = existing?.name ?? unit.sheetName;
      byTarget.set(label(unit.sheetName), {
        bytes: r.file.bytes,
        base64: toBase64(r.file.bytes),
        sourceSheet: d.sheet,
        target,
        replaces: existing?.name ?? null,
        plan: importedSheet(source, target),
      });
    }
    const imports = [...byTarget.values()];
    if (!imports.length) return { ok: true, value: { imported: [], how: "inserted" } };
    const reader = await this.options.loadReader();
    for (const imp of imports) imp.plan.columnWidths = reader.columnWidths(imp.bytes, imp.sourceSheet);
    const after = lastUnitSheet(preview.bloc.sheets, preview.roster);
    try {
      const how = await this.run((ctx) => importUnitSheets(ctx, imports, after, this.options.supports ?? officeSupports));
      return { ok: true, value: { imported: imports.map((i) => i.target), how } };
    } catch (error) {
      return { ok: false, message: officeErrorMessage(error, lang), error };
    }
  }
}

/**
 * The import session over the real workbook. `loadReader` brings in the host-neutral reader on
 * first use (a dynamic import, so the pane's first bundle does not carry it).
 */
export function excelIntake(loadReader: () => Promise<UnitFileReader>): IntakeSession {
  const run: RunBatch = (batch) => Excel.run(batch);
  return new IntakeSession(run, { loadReader });
}
