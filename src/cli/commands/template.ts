/**
 * `template --out <file.xlsx> [--units A,B] [--year yyyy] [--bloc "…"] [--force]`: a new bloc
 * workbook. An existing file is never replaced unless --force says so (it may be a filled-in
 * workbook); the file is written atomically either way.
 */
import { promises as fs } from "fs";
import { CLI_TEXT, TEMPLATE_HELP } from "../../core/i18n/cli";
import { TEMPLATE_CLI_TEXT } from "../../core/i18n/template";
import { templateProblemMessage } from "../../core/template/problemText";
import { defaultUnits, templatePlan } from "../../core/template/build";
import { checkUnits, parseUnitCodes, parseYear } from "../../core/template/options";
import { writeFilesAtomically } from "../../file/load";
import { writeNewWorkbook } from "../../file/package";
import { EXIT, UsageError, type CliCommand } from "../command";
import { outputProblem } from "../outputs";

export const templateCommand: CliCommand = {
  name: "template",
  options: { out: { type: "string" }, units: { type: "string" }, year: { type: "string" }, bloc: { type: "string" }, force: { type: "boolean" } },
  positionals: { min: 0, max: 0 },
  help: TEMPLATE_HELP,
  async run({ lang, values, io }) {
    const T = TEMPLATE_CLI_TEXT[lang];
    const fail = (msg: string) => {
      io.err(msg);
      return EXIT.unusable;
    };
    const out = typeof values.out === "string" ? values.out : undefined;
    if (!out) throw new UsageError(T.noOut, lang, "template");
    const problem = await outputProblem([{ option: "--out", path: out, ext: ".xlsx" }], [], lang);
    if (problem) return fail(problem);
    const yearText = typeof values.year === "string" ? values.year : undefined;
    const year = yearText === undefined ? io.now().getFullYear() : parseYear(yearText);
    if (year === null) throw new UsageError(T.badYear(yearText ?? ""), lang, "template");
    const units = typeof values.units === "string" ? parseUnitCodes(values.units) : defaultUnits(lang);
    const problems = checkUnits(units);
    if (problems.length) {
      for (const p of problems) io.err(templateProblemMessage(T, p));
      return EXIT.unusable;
    }
    if (values.force !== true) {
      const exists = await fs.stat(out).then(
        () => true,
        () => false,
      );
      if (exists) return fail(T.exists(out));
    }
    const plan = templatePlan({ lang, year, bloc: typeof values.bloc === "string" ? values.bloc : undefined, units });
    const data = await writeNewWorkbook(plan.sheets, plan.activate);
    try {
      await writeFilesAtomically([{ path: out, data }]);
    } catch (e) {
      return fail(CLI_TEXT[lang].writeFailed(out, (e as Error).message));
    }
    io.out(T.wrote(out, units.length, year));
    return EXIT.ok;
  },
};
