/**
 * `import <bloc.xlsx> <unit files...> [--out <file>] [--replace] [--json]`: the units' own files
 * brought into the bloc workbook (SPEC §9.2). Exit 0: every file imported (or identical); 1: some
 * need a decision (listed; the others are written); 2: unusable input — the bloc, an unreadable
 * unit file, a wrong year — and nothing is written.
 */
import path from "path";
import { decideImport, importsToWrite, lastUnitSheet, needsDecision, type ImportDecision } from "../../core/intake/decide";
import { importedSheet } from "../../core/intake/sheet";
import { CLI_TEXT } from "../../core/i18n/cli";
import { cliActionText, IMPORT_HELP, INTAKE_TEXT } from "../../core/i18n/intake";
import { readConfig } from "../../core/read/config";
import { label } from "../../core/text";
import { writeImportsIntoPackage, type UnitSheetWrite } from "../../file/import";
import { sheetColumnWidths } from "../../xlsx/columns";
import { InputError, loadWorkbook, writeFilesAtomically } from "../../file/load";
import { EXIT, type CliCommand } from "../command";
import { outputProblem } from "../outputs";
import { inputProblemText } from "../../core/i18n/inputProblem";
import { loadInput } from "../workbook";

export function defaultImportOutput(input: string): string {
  return path.join(path.dirname(input), `${path.basename(input).replace(/\.xlsx$/i, "")}.imported.xlsx`);
}

/** The JSON line of one file. */
function fileJson(d: ImportDecision, imported: boolean, message: string) {
  const a = d.action;
  return {
    file: d.file,
    unit: d.unit ? { code: d.unit.code, name: d.unit.name, sheet: d.unit.sheetName } : null,
    by: d.by,
    sheet: d.sheet,
    years: d.years,
    action: a.kind,
    ...(a.kind === "replaces" ? { differing: a.differing } : {}),
    ...(a.kind === "wrongYear" ? { expected: a.expected } : {}),
    ...(a.kind === "unreadable" ? { reason: a.reason, ...(a.detail ? { detail: a.detail } : {}) } : {}),
    imported,
    message,
  };
}

export const importCommand: CliCommand = {
  name: "import",
  options: { out: { type: "string" }, replace: { type: "boolean" }, json: { type: "boolean" } },
  positionals: { min: 2, max: Infinity, missing: { vi: INTAKE_TEXT.vi.noFiles, en: INTAKE_TEXT.en.noFiles } },
  help: IMPORT_HELP,
  async run({ lang, values, positionals: [bloc, ...units], io }) {
    const T = INTAKE_TEXT[lang];
    const C = CLI_TEXT[lang];
    const json = values.json === true;
    const replace = values.replace === true;
    const out = typeof values.out === "string" ? values.out : defaultImportOutput(bloc);
    const problem = await outputProblem([{ option: "--out", path: out, ext: ".xlsx" }], [bloc, ...units], lang);
    if (problem) {
      io.err(problem);
      return EXIT.unusable;
    }
    const blocLoaded = await loadInput(bloc, lang, io);
    if (!blocLoaded) return EXIT.unusable;

    const decisions: ImportDecision[] = [];
    // By unit sheet: a second file for the same unit in one run wins, as it would run after run.
    const imports = new Map<string, UnitSheetWrite>();
    for (const file of units) {
      const name = path.basename(file);
      let loaded;
      try {
        loaded = await loadWorkbook(file);
      } catch (e) {
        if (!(e instanceof InputError)) throw e;
        decisions.push({
          file: name,
          unit: null,
          by: null,
          sheet: null,
          years: [],
          action: { kind: "unreadable", reason: "file", detail: inputProblemText(lang, file, e.problem) },
        });
        continue;
      }
      const d = decideImport(blocLoaded.snapshot, { name, snapshot: loaded.snapshot });
      decisions.push(d);
      const unit = d.unit;
      if (!unit || !d.sheet || !importsToWrite([d], replace).length) continue;
      // A replacement keeps the bloc's name of the sheet, so references to it still resolve.
      const existing = blocLoaded.snapshot.sheets.find((s) => label(s.name) === label(unit.sheetName));
      const sheet = importedSheet(
        loaded.snapshot.sheets.find((s) => s.name === d.sheet)!,
        existing?.name ?? unit.sheetName,
        sheetColumnWidths(loaded.buffer, d.sheet),
      );
      imports.set(label(unit.sheetName), { sheet, replaces: existing?.name ?? null });
    }
    const sheets = [...imports.values()];

    const say = json ? io.err : io.out;
    for (const d of decisions) say(T.line(d));
    const unusable = decisions.filter((d) => d.action.kind === "unreadable" || d.action.kind === "wrongYear").length;
    const pending = decisions.filter((d) => needsDecision(d, replace)).length;
    let written = false;
    if (unusable) io.err(T.unusable(unusable));
    else if (sheets.length) {
      try {
        await writeFilesAtomically([
          { path: out, data: await writeImportsIntoPackage(blocLoaded.buffer, sheets, lastUnitSheet(blocLoaded.snapshot.sheets, readConfig(blocLoaded.snapshot).roster)) },
        ]);
      } catch (e) {
        io.err(C.writeFailed(out, (e as Error).message));
        return EXIT.unusable;
      }
      written = true;
      say(T.imported(sheets.length, out));
    } else say(T.nothingToWrite);
    if (pending) io.err(T.needsDecision(pending));
    if (json) {
      const files = decisions.map((d) => fileJson(d, written && importsToWrite([d], replace).length > 0, cliActionText(d.action, T)));
      io.out(JSON.stringify({ schema: 1, out: written ? out : null, files }, null, 2));
    }
    return unusable ? EXIT.unusable : pending ? EXIT.invalid : EXIT.ok;
  },
};
