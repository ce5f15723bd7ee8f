/**
 * `rollup <bloc.xlsx>... | <folder> --out <sector.xlsx> [--docx <file.docx>] [--json]`: each bloc
 * read, validated and built in memory, then added up by the core roll-up. Exit 0: every bloc clean;
 * 1: some blocs have errors (listed, left out of the totals, the file still written); 2: unusable
 * input or arguments, or blocs of different years or periods (nothing written).
 */
import { promises as fs } from "fs";
import path from "path";
import { totalsJson } from "../../core/aggregate/figures";
import { rollupBlocs, type RollupInput, type RollupRefusal } from "../../core/aggregate/rollup";
import { CLI_TEXT } from "../../core/i18n/cli";
import { formatDateTime, type Lang } from "../../core/i18n/format";
import { issueMessage } from "../../core/i18n/messages";
import { periodName, periodText } from "../../core/i18n/period";
import { ROLLUP_HELP, rollupText } from "../../core/i18n/rollup";
import { checkBloc } from "../../core/pipeline";
import { renderRollup } from "../../core/render/rollup";
import { buildRollupDocument } from "../../core/render/rollupDocument";
import { writeFilesAtomically } from "../../file/load";
import { writeNewWorkbook } from "../../file/package";
import { EXIT, type CliCommand } from "../command";
import { outputProblem, type OutputTarget } from "../outputs";
import { loadInput } from "../workbook";

/**
 * The bloc files: the files named, and every .xlsx directly in a folder named (Excel's "~$" lock
 * files left out); and the folders named that hold none, which are said rather than passed over.
 */
async function blocFiles(inputs: string[], exclude: string[]): Promise<{ files: string[]; emptyFolders: string[] }> {
  const out: string[] = [];
  const emptyFolders: string[] = [];
  for (const input of inputs) {
    const stat = await fs.stat(input).catch(() => null);
    if (stat?.isDirectory()) {
      const names = (await fs.readdir(input)).filter((n) => /\.xlsx$/i.test(n) && !n.startsWith("~$")).sort((a, b) => a.localeCompare(b));
      if (!names.length) emptyFolders.push(input);
      out.push(...names.map((n) => path.join(input, n)));
    } else out.push(input);
  }
  // A file named twice (or inside a folder named too) is one bloc.
  const seen = new Set(exclude.map((f) => path.resolve(f)));
  return { files: out.filter((f) => !seen.has(path.resolve(f)) && !!seen.add(path.resolve(f))), emptyFolders };
}

function refusalText(r: RollupRefusal, lang: Lang): string {
  const T = rollupText(lang);
  if (r.kind === "noBlocs") return T.noBlocs;
  if (r.kind === "mixedPeriods") return T.mixedPeriods(r.blocs.map((b) => `${b.file} (${periodName(b.period, lang)})`).join(", "));
  return T.mixedYears(r.blocs.map((b) => `${b.file} (${b.year ?? "?"}/${b.compareYear ?? "?"})`).join(", "));
}

export const rollupCommand: CliCommand = {
  name: "rollup",
  options: { out: { type: "string" }, docx: { type: "string" }, json: { type: "boolean" } },
  positionals: { min: 1, max: Infinity, missing: { vi: rollupText("vi").noBlocs, en: rollupText("en").noBlocs } },
  help: ROLLUP_HELP,
  async run({ lang, values, positionals, io }) {
    const T = rollupText(lang);
    const fail = (msg: string) => {
      io.err(msg);
      return EXIT.unusable;
    };
    const out = typeof values.out === "string" ? values.out : undefined;
    const docx = typeof values.docx === "string" ? values.docx : undefined;
    if (!out) return fail(`${T.noOut} ${CLI_TEXT[lang].seeHelp("rollup")}`);
    const targets: OutputTarget[] = [{ option: "--out", path: out, ext: ".xlsx" }];
    if (docx) targets.push({ option: "--docx", path: docx, ext: ".docx" });
    const { files, emptyFolders } = await blocFiles(
      positionals,
      targets.map((t) => t.path),
    );
    const problem = await outputProblem(targets, files, lang);
    if (problem) return fail(problem);
    if (emptyFolders.length) return fail(T.emptyFolder(emptyFolders[0]));
    if (!files.length) return fail(T.noBlocs);

    const now = io.now();
    const offset = -now.getTimezoneOffset();
    const inputs: RollupInput[] = [];
    for (const file of files) {
      const loaded = await loadInput(file, lang, io);
      if (!loaded) return EXIT.unusable;
      const c = checkBloc(loaded.snapshot, { lang, now: now.toISOString(), utcOffsetMinutes: offset });
      // Only what the roll-up reads is kept: every bloc's unit reports would otherwise stay in memory to the end.
      inputs.push({ file, result: { config: c.config, catalog: c.catalog, period: c.period, figures: c.figures, issues: c.issues, errors: c.errors, warnings: c.warnings } });
    }
    const rolled = rollupBlocs(inputs, (f) => path.basename(f));
    if ("refusal" in rolled) return fail(refusalText(rolled.refusal, lang));
    const r = rolled.rollup;

    const plan = renderRollup(r, lang, formatDateTime(now.toISOString(), offset));
    const written: { path: string; data: Buffer | Uint8Array }[] = [
      // A workbook of its own: the same writer as a new bloc workbook's, holding exactly the plan's sheet.
      { path: out, data: await writeNewWorkbook(plan.sheets, plan.activate) },
    ];
    // The docx library is loaded only when a document is written (see build.ts).
    if (docx) written.push({ path: docx, data: await (await import("../../file/docx")).writeDocx(buildRollupDocument(r, lang)) });
    try {
      await writeFilesAtomically(written);
    } catch (e) {
      return fail(CLI_TEXT[lang].writeFailed(written.map((f) => f.path).join(", "), (e as Error).message));
    }

    const json = values.json === true;
    const say = json ? io.err : io.out;
    say(T.summary(r.blocs.length, r.blocs.filter((b) => b.included).length, periodText(r.period, r.year, lang)));
    for (const b of r.blocs) say(T.blocLine(b.file, b.bloc, b.errors, b.warnings));
    for (const f of written) say(CLI_TEXT[lang].wrote(f.path));
    if (json) {
      const report = {
        schema: 1,
        year: r.year,
        compareYear: r.compareYear,
        period: r.period,
        blocs: r.blocs.map((b) => ({
          file: b.file,
          bloc: b.bloc,
          included: b.included,
          totals: totalsJson(b.totals),
          issues: b.result.issues.map((i) => ({ code: i.code, severity: i.severity, sheet: i.sheet, cell: i.cell, message: issueMessage(i, lang, b.result.catalog, "cli") })),
        })),
        totals: totalsJson(r.totals),
      };
      io.out(JSON.stringify(report, null, 2));
    }
    return r.blocs.some((b) => !b.included) ? EXIT.invalid : EXIT.ok;
  },
};
