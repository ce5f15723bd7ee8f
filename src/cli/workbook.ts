/** Reading the user's workbook and running the engine on it: shared by the commands that read one. */
import { CLI_TEXT } from "../core/i18n/cli";
import { formatNumber, type Lang } from "../core/i18n/format";
import { issueMessage } from "../core/i18n/messages";
import { buildBloc, type BuildResult } from "../core/pipeline";
import { InputError, loadWorkbook, type InputProblem } from "../file/load";
import { MAX_WORKBOOK_CELLS } from "../core/snapshot";
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
    case "notXlsx":
      return T.notXlsx(file);
    case "corrupt":
      return T.corrupt(file);
    case "noSheets":
      return T.noSheets(file);
    case "tooManyCells":
      return T.tooManyCells(p.sheet, p.range, formatNumber(p.cells, lang), formatNumber(MAX_WORKBOOK_CELLS, lang));
  }
}

export type Loaded = Awaited<ReturnType<typeof loadWorkbook>>;

/** The workbook, or null after saying in one line why it cannot be used. */
export async function loadInput(file: string, lang: Lang, io: CliIo): Promise<Loaded | null> {
  try {
    return await loadWorkbook(file);
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
