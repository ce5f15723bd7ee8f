/** Reading the user's workbook and running the engine on it: shared by the commands that read one. */
import { CLI_TEXT } from "../core/i18n/cli";
import { formatNumber, type Lang } from "../core/i18n/format";
import { issueMessage } from "../core/i18n/messages";
import { buildBloc, type BuildResult } from "../core/pipeline";
import { InputError, loadWorkbook, type InputProblem } from "../file/load";
import { MAX_WORKBOOK_CELLS } from "../core/snapshot";
import type { SheetProblem } from "../xlsx/read";
import type { CliIo } from "./command";

export function problemText(lang: Lang, file: string, p: InputProblem): string {
  const T = CLI_TEXT[lang];
  switch (p.kind) {
    case "notFound":
      return T.notFound(file);
    case "notAFile":
      return T.notAFile(file);
    case "empty":
      return T.empty(file);
    case "tooBig":
      return T.tooBig(file, p.mb);
    case "tooBigUnzipped":
      return T.tooBigUnzipped(file, p.mb);
    case "encrypted":
      return T.encrypted(file);
    case "xls":
    case "ods":
      return T[p.kind](file, p.noConverter === true);
    case "convertFailed":
      return T.convertFailed(file, p.format, p.detail);
    case "csv":
    case "html":
    case "xml2003":
      return T[p.kind](file);
    case "notXlsx":
      return T.notXlsx(file);
    case "corrupt":
      return p.part ? T.corruptPart(file, p.part) : T.corrupt(file);
    case "noSheets":
      return T.noSheets(file);
    case "sheetUnreadable":
      return T.sheetUnreadable(file, p.sheet, sheetProblemText(T, p.problem));
    case "tooManyCells":
      return T.tooManyCells(p.sheet, p.range, formatNumber(p.cells, lang), formatNumber(MAX_WORKBOOK_CELLS, lang));
  }
}

function sheetProblemText(T: (typeof CLI_TEXT)[Lang], p: SheetProblem): string {
  switch (p.reason) {
    case "noPart":
      return T.sheetNoPart;
    case "missingPart":
      return T.sheetMissingPart(p.part);
    case "damaged":
      return T.sheetDamaged(p.part, p.detail);
    case "notWorksheet":
      return T.sheetNotWorksheet(p.part, p.root);
    case "missingString":
      return T.sheetMissingString(p.cell, p.index);
  }
}

export type Loaded = Awaited<ReturnType<typeof loadWorkbook>>;

/**
 * The workbook, or null after saying in one line why it cannot be used. A legacy .xls or an .ods is
 * converted by LibreOffice where it is installed, and the command says so.
 */
export async function loadInput(file: string, lang: Lang, io: CliIo): Promise<Loaded | null> {
  try {
    const loaded = await loadWorkbook(file, { convert: true });
    if (loaded.convertedFrom) io.err(CLI_TEXT[lang].converted(file, loaded.convertedFrom));
    return loaded;
  } catch (e) {
    if (e instanceof InputError) {
      io.err(problemText(lang, file, e.problem));
      return null;
    }
    throw e;
  }
}

/** The engine's result, its JSON worded for the command line (no pane buttons in the messages). */
export function runEngine(loaded: Loaded, lang: Lang, io: CliIo): BuildResult {
  const now = io.now();
  const result = buildBloc(loaded.snapshot, { lang, now: now.toISOString(), utcOffsetMinutes: -now.getTimezoneOffset() });
  const issues = result.json.issues.map((j, k) => ({ ...j, message: issueMessage(result.issues[k], lang, result.catalog, "cli") }));
  return { ...result, json: { ...result.json, issues } };
}
