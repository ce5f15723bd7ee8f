/** Reading the user's workbook and running the engine on it: shared by the commands that read one. */
import { CLI_TEXT } from "../core/i18n/cli";
import type { Lang } from "../core/i18n/format";
import { issueMessage } from "../core/i18n/messages";
import { buildBloc, type BuildResult } from "../core/pipeline";
import { inputProblemText } from "../core/i18n/inputProblem";
import { InputError, loadWorkbook } from "../file/load";
import type { CliIo } from "./command";

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
      io.err(inputProblemText(lang, file, e.problem));
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
