/** `build <workbook.xlsx> [--out] [--docx] [--minutes] [--json] [--all]`: the summary, "Kiểm tra", the submission. */
import path from "path";
import { BUILD_HELP, CLI_TEXT } from "../../core/i18n/cli";
import { writeFilesAtomically } from "../../file/load";
import { writePlanIntoPackage } from "../../file/package";
import { EXIT, type CliCommand } from "../command";
import { outputProblem, type OutputTarget } from "../outputs";
import { humanReport } from "../report";
import { loadInput, runEngine } from "../workbook";
import { planNotes } from "../../core/review/annotations";
import { readNotes, writeNotes } from "../../xlsx/notes";

/** `<input>.summary.xlsx` beside the input (SPEC §7). */
export function defaultOutput(input: string): string {
  const dir = path.dirname(input);
  const base = path.basename(input).replace(/\.(xlsx|xlsm|xls|ods)$/i, "");
  return path.join(dir, `${base}.summary.xlsx`);
}

export const buildCommand: CliCommand = {
  name: "build",
  options: { out: { type: "string" }, docx: { type: "string" }, minutes: { type: "string" }, annotate: { type: "string" }, json: { type: "boolean" }, all: { type: "boolean" } },
  positionals: { min: 1, max: 1 },
  help: BUILD_HELP,
  async run({ lang, values, positionals: [input], io }) {
    const T = CLI_TEXT[lang];
    const json = values.json === true;
    const out = typeof values.out === "string" ? values.out : defaultOutput(input);
    const docx = typeof values.docx === "string" ? values.docx : undefined;
    const minutes = typeof values.minutes === "string" ? values.minutes : undefined;
    const annotate = typeof values.annotate === "string" ? values.annotate : undefined;
    // The default output sits beside the input: its folder is the input's, checked by reading it.
    const targets: OutputTarget[] = typeof values.out === "string" ? [{ option: "--out", path: out, ext: ".xlsx" }] : [];
    if (docx) targets.push({ option: "--docx", path: docx, ext: ".docx" });
    if (minutes) targets.push({ option: "--minutes", path: minutes, ext: ".docx" });
    if (annotate) targets.push({ option: "--annotate", path: annotate, ext: ".xlsx" });
    const problem = await outputProblem(targets, [input], lang);
    if (problem) {
      io.err(problem);
      return EXIT.unusable;
    }

    const loaded = await loadInput(input, lang, io);
    if (!loaded) return EXIT.unusable;
    const result = runEngine(loaded, lang, io);
    const say = json ? io.err : io.out;

    // The user's package is kept: only the generated sheets (and their charts) are written into it.
    // The reader saw which sheets are selected: the writer need not inflate the others' heads again.
    const unselected = loaded.snapshot.sheets.filter((s) => !s.tabSelected).map((s) => s.name);
    const xlsx = await writePlanIntoPackage(loaded.buffer, result.plan, unselected);
    const files: { path: string; data: Buffer | Uint8Array }[] = [{ path: out, data: xlsx }];
    // The submission and the minutes only from clean data; the summary and "Kiểm tra" regardless.
    const documents: [string | undefined, typeof result.submission][] = [
      [docx, result.submission],
      [minutes, result.minutes],
    ];
    // The docx library is loaded only when a document is written: a plain build starts without it.
    for (const [file, model] of documents) if (file && model) files.push({ path: file, data: await (await import("../../file/docx")).writeDocx(model) });
    // --annotate: a copy of the input with each error as a note at its cell (SPEC §10; the same rules
    // as the pane's comments: posted once, marked resolved when gone, a person's note left alone).
    let annotated: ReturnType<typeof planNotes> | null = null;
    if (annotate) {
      const input = new Uint8Array(loaded.buffer);
      const sheets = new Set(loaded.snapshot.sheets.map((s) => s.name));
      annotated = planNotes(
        result.issues.filter((i) => sheets.has(i.sheet)),
        readNotes(input),
        { lang, catalog: result.catalog },
      );
      files.push({ path: annotate, data: writeNotes(input, annotated.actions) });
    }
    try {
      await writeFilesAtomically(files);
    } catch (e) {
      io.err(T.writeFailed(files.map((f) => f.path).join(", "), (e as Error).message));
      return EXIT.unusable;
    }
    say(humanReport(result, lang, { all: values.all === true, more: "check", color: (json ? io.color?.err : io.color?.out) ?? false }));
    for (const f of files) say(T.wrote(f.path));
    if (annotate && annotated)
      say(
        T.annotated(
          annotate,
          annotated.posted,
          annotated.resolved,
          annotated.skipped.map((c) => `${c.sheet}!${c.cell}`),
        ),
      );
    // The errors themselves are in the listing above.
    if ((docx || minutes) && result.errors) io.err(T.noSubmission(result.errors));
    if (json) io.out(JSON.stringify(result.json, null, 2));
    return result.errors ? EXIT.invalid : EXIT.ok;
  },
};
