/**
 * `rollup <bloc.xlsx>... | <folder> --out <sector.xlsx> [--docx <file.docx>] [--json] [--lang vi|en]`:
 * each bloc read, validated and built in memory, then added up by the core roll-up. Exit 0: every
 * bloc clean; 1: some blocs have errors (listed, left out of the totals, the file still written);
 * 2: unusable input or arguments, blocs of different years or periods (nothing written).
 */
import { promises as fs } from "fs";
import path from "path";
import { rollupBlocs, type RollupInput, type RollupRefusal } from "../core/aggregate/rollup";
import { totalsJson } from "../core/aggregate/figures";
import { CLI_TEXT } from "../core/i18n/cli";
import { formatDateTime, type Lang } from "../core/i18n/format";
import { issueMessage } from "../core/i18n/messages";
import { periodName, periodText } from "../core/i18n/period";
import { rollupText } from "../core/i18n/rollup";
import { buildBloc } from "../core/pipeline";
import { renderRollup } from "../core/render/rollup";
import { buildRollupDocument } from "../core/render/rollupDocument";
import { writeDocx } from "../file/docx";
import { InputError, loadWorkbook, writeFilesAtomically } from "../file/load";
import { newWorkbookFromPlan } from "../file/newWorkbook";
import { EXIT, problemText, type CliIo } from "./main";

interface RollupArgs {
  inputs: string[];
  out?: string;
  docx?: string;
  json: boolean;
}

/** Arguments after "rollup"; the language was already taken by the caller. */
function parseRollupArgs(argv: string[], lang: Lang): RollupArgs | string {
  const T = CLI_TEXT[lang];
  const args: RollupArgs = { inputs: [], json: false };
  for (let i = 0; i < argv.length; i++) {
    let a = argv[i];
    let inline: string | undefined;
    if (a.startsWith("--") && a.includes("=")) [a, inline] = [a.slice(0, a.indexOf("=")), a.slice(a.indexOf("=") + 1)];
    if (a === "--json") args.json = true;
    else if (a === "--out" || a === "--docx" || a === "--lang") {
      const v = inline ?? argv[++i];
      if (v === undefined || v === "") return T.missingValue(a);
      if (a === "--out") args.out = v;
      if (a === "--docx") args.docx = v;
    } else if (a.startsWith("-")) return T.unknownOption(a);
    else args.inputs.push(a);
  }
  return args;
}

/** The bloc files: the files named, and every .xlsx directly in a folder named (Excel's "~$" lock files left out). */
async function blocFiles(inputs: string[], exclude: string[]): Promise<string[]> {
  const out: string[] = [];
  for (const input of inputs) {
    const stat = await fs.stat(input).catch(() => null);
    if (stat?.isDirectory()) {
      const names = (await fs.readdir(input)).filter((n) => /\.xlsx$/i.test(n) && !n.startsWith("~$")).sort((a, b) => a.localeCompare(b));
      out.push(...names.map((n) => path.join(input, n)));
    } else out.push(input);
  }
  // A file named twice (or inside a folder named too) is one bloc.
  const seen = new Set(exclude.map((f) => path.resolve(f)));
  return out.filter((f) => !seen.has(path.resolve(f)) && !!seen.add(path.resolve(f)));
}

function refusalText(r: RollupRefusal, lang: Lang): string {
  const T = rollupText(lang);
  if (r.kind === "noBlocs") return T.noBlocs;
  if (r.kind === "mixedPeriods") return T.mixedPeriods(r.blocs.map((b) => `${b.file} (${periodName(b.period, lang)})`).join(", "));
  return T.mixedYears(r.blocs.map((b) => `${b.file} (${b.year ?? "?"}/${b.compareYear ?? "?"})`).join(", "));
}

export async function runRollup(argv: string[], io: CliIo, lang: Lang): Promise<number> {
  const T = rollupText(lang);
  const fail = (msg: string) => {
    io.err(msg);
    return EXIT.unusable;
  };
  const parsed = parseRollupArgs(argv, lang);
  if (typeof parsed === "string") return fail(`${parsed}\n${T.usage}`);
  if (!parsed.out) return fail(`${T.noOut}\n${T.usage}`);
  const files = await blocFiles(parsed.inputs, [parsed.out, ...(parsed.docx ? [parsed.docx] : [])]);
  if (!files.length) return fail(`${T.noBlocs}\n${T.usage}`);

  const now = io.now();
  const offset = -now.getTimezoneOffset();
  const inputs: RollupInput[] = [];
  for (const file of files) {
    try {
      const loaded = await loadWorkbook(file);
      inputs.push({ file, result: buildBloc(loaded.snapshot, { lang, now: now.toISOString(), utcOffsetMinutes: offset, outputs: false }) });
    } catch (e) {
      if (e instanceof InputError) return fail(problemText(lang, file, e.problem));
      throw e;
    }
  }
  const rolled = rollupBlocs(inputs, (f) => path.basename(f));
  if ("refusal" in rolled) return fail(refusalText(rolled.refusal, lang));
  const r = rolled.rollup;

  const plan = renderRollup(r, lang, formatDateTime(now.toISOString(), offset));
  const written: { path: string; data: Buffer | Uint8Array }[] = [{ path: parsed.out, data: await newWorkbookFromPlan(plan, now) }];
  if (parsed.docx) written.push({ path: parsed.docx, data: await writeDocx(buildRollupDocument(r, lang)) });
  try {
    await writeFilesAtomically(written);
  } catch (e) {
    return fail(CLI_TEXT[lang].writeFailed(written.map((f) => f.path).join(", "), (e as Error).message));
  }

  const say = parsed.json ? io.err : io.out;
  say(T.summary(r.blocs.length, r.blocs.filter((b) => b.included).length, periodText(r.period, r.year, lang)));
  for (const b of r.blocs) say(T.blocLine(b.file, b.bloc, b.errors, b.warnings));
  for (const f of written) say(CLI_TEXT[lang].wrote(f.path));
  if (parsed.json) {
    const json = {
      schema: 1,
      year: r.year,
      compareYear: r.compareYear,
      period: r.period,
      blocs: r.blocs.map((b) => ({
        file: b.file,
        bloc: b.bloc,
        included: b.included,
        totals: totalsJson(b.totals),
        issues: b.result.issues.map((i) => ({ code: i.code, severity: i.severity, sheet: i.sheet, cell: i.cell, message: issueMessage(i, lang, b.result.catalog) })),
      })),
      totals: totalsJson(r.totals),
    };
    io.out(JSON.stringify(json, null, 2));
  }
  return r.blocs.some((b) => !b.included) ? EXIT.invalid : EXIT.ok;
}
