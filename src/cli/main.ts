/** The command line: argument parsing and exit codes only; the work is the pipeline's and the file host's. */
import { promises as fs } from "fs";
import path from "path";
import { isLang, formatNumber, type Lang } from "../core/i18n/format";
import { CLI_TEXT } from "../core/i18n/cli";
import { issueMessage } from "../core/i18n/messages";
import { awardText } from "../core/i18n/awards";
import { buildBloc, type BuildResult } from "../core/pipeline";
import { buildSummaryText } from "../core/render/text";
import { staleText } from "../core/i18n/stale";
import { InputError, loadWorkbook, writeFilesAtomically, type InputProblem } from "../file/load";
import { writeDocx } from "../file/docx";
import { MAX_CELLS } from "../file/xlsx";
import { writePlanIntoPackage, writeTemplateWorkbook } from "../file/package";
import { TEMPLATE_CLI_TEXT, templateProblemMessage } from "../core/i18n/template";
import { defaultUnits, templatePlan } from "../core/template/build";
import { checkUnits, parseUnitCodes, parseYear, type TemplateProblem } from "../core/template/options";

export interface CliIo {
  out: (s: string) => void;
  err: (s: string) => void;
  now: () => Date;
}

export const EXIT = { ok: 0, invalid: 1, unusable: 2 } as const;

interface Args {
  command: string;
  input?: string;
  out?: string;
  docx?: string;
  minutes?: string;
  json: boolean;
  force: boolean;
  lang: Lang;
  units?: string;
  year?: string;
  bloc?: string;
}

class UsageError extends Error {}

const VALUE_OPTIONS: Record<string, keyof Args> = { "--out": "out", "--docx": "docx", "--minutes": "minutes", "--lang": "lang", "--units": "units", "--year": "year", "--bloc": "bloc" };

/** The language is looked for first, so that every later message is in it. */
function detectLang(argv: string[]): { lang: Lang; bad?: string } {
  const i = argv.findIndex((a) => a === "--lang" || a.startsWith("--lang="));
  if (i < 0) return { lang: "vi" };
  const v = argv[i].includes("=") ? argv[i].split("=")[1] : argv[i + 1];
  return isLang(v) ? { lang: v } : { lang: "vi", bad: v ?? "" };
}

function parseArgs(argv: string[], lang: Lang): Args {
  const T = CLI_TEXT[lang];
  const args: Args = { command: argv[0] ?? "", json: false, force: false, lang };
  const positional: string[] = [];
  for (let i = 1; i < argv.length; i++) {
    let a = argv[i];
    let inline: string | undefined;
    if (a.startsWith("--") && a.includes("=")) [a, inline] = [a.slice(0, a.indexOf("=")), a.slice(a.indexOf("=") + 1)];
    if (a === "--json") args.json = true;
    else if (a === "--force") args.force = true;
    else if (a in VALUE_OPTIONS) {
      const v = inline ?? argv[++i];
      if (v === undefined || v === "") throw new UsageError(T.missingValue(a));
      (args as unknown as Record<string, unknown>)[VALUE_OPTIONS[a]] = v;
    } else if (a.startsWith("-")) throw new UsageError(T.unknownOption(a));
    else positional.push(a);
  }
  if (positional.length > 1) throw new UsageError(T.unknownOption(positional[1]));
  args.input = positional[0];
  return args;
}

function problemText(lang: Lang, file: string, p: InputProblem): string {
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
      return T.tooManyCells(p.sheet, p.range, formatNumber(p.cells, lang), formatNumber(MAX_CELLS, lang));
  }
}

export function defaultOutput(input: string): string {
  const dir = path.dirname(input);
  const base = path.basename(input).replace(/\.xlsx$/i, "");
  return path.join(dir, `${base}.summary.xlsx`);
}

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const detected = detectLang(argv);
  const lang = detected.lang;
  const T = CLI_TEXT[lang];
  if (detected.bad !== undefined) {
    io.err(T.badLang(detected.bad));
    return EXIT.unusable;
  }
  let args: Args;
  try {
    args = parseArgs(argv, lang);
    if (!["build", "validate", "template"].includes(args.command)) throw new UsageError(args.command ? T.unknownCommand(args.command) : T.usage);
    if (args.command === "template") return await runTemplate(args, io);
    if (!args.input) throw new UsageError(T.noInput);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(e.message);
      if (!e.message.startsWith(T.usage.slice(0, 8))) io.err(T.usage);
      return EXIT.unusable;
    }
    throw e;
  }
  const input = args.input!;
  const out = args.command === "build" ? (args.out ?? defaultOutput(input)) : undefined;
  for (const target of [out, args.docx, args.minutes]) {
    if (target && path.resolve(target) === path.resolve(input)) {
      io.err(T.sameAsInput);
      return EXIT.unusable;
    }
  }

  let loaded;
  try {
    loaded = await loadWorkbook(input);
  } catch (e) {
    if (e instanceof InputError) {
      io.err(problemText(lang, input, e.problem));
      return EXIT.unusable;
    }
    throw e;
  }
  const result: BuildResult = buildBloc(loaded.snapshot, { lang, now: io.now().toISOString(), utcOffsetMinutes: -io.now().getTimezoneOffset() });
  const names = (codes: string[]) => codes.map((c) => result.roster.find((u) => u.code === c)?.name ?? c).join(", ");
  const human = buildSummaryText(result, lang) + (result.awards ? `\n${awardText(lang).cliAwards(names(result.awards.flag), names(result.awards.merit), result.awards.ties.length)}` : "");
  const say = args.json ? io.err : io.out;

  if (args.command === "build" && out) {
    // The user's package is kept: only the generated sheets (and their charts) are written into it.
    const xlsx = await writePlanIntoPackage(loaded.buffer, result.plan);
    const files: { path: string; data: Buffer | Uint8Array }[] = [{ path: out, data: xlsx }];
    // The submission and the minutes only from clean data; the summary and "Kiểm tra" regardless.
    const documents: [string | undefined, typeof result.submission][] = [
      [args.docx, result.submission],
      [args.minutes, result.minutes],
    ];
    for (const [file, model] of documents) if (file && model) files.push({ path: file, data: await writeDocx(model) });
    try {
      await writeFilesAtomically(files);
    } catch (e) {
      io.err(T.writeFailed(files.map((f) => f.path).join(", "), (e as Error).message));
      return EXIT.unusable;
    }
    say(human);
    for (const f of files) say(T.wrote(f.path));
    if ((args.docx || args.minutes) && result.errors) {
      io.err(T.noSubmission(result.errors));
      for (const i of result.issues.filter((x) => x.severity === "error").slice(0, 10)) io.err(`  ${i.code} ${i.sheet}!${i.cell}: ${issueMessage(i, lang, result.catalog)}`);
      if (result.errors > 10) io.err(`  …`);
    }
  } else {
    say(human);
    // validate: is the summary already in the workbook still that of these inputs?
    say(staleText(result.stale, lang, -io.now().getTimezoneOffset()));
  }
  if (args.json) {
    const s = result.stale;
    const stale = s && { stale: s.stale, changed: s.changed, added: s.added, removed: s.removed };
    const json = args.command === "validate" ? { ...result.json, stale } : result.json;
    io.out(JSON.stringify(json, null, 2));
  }
  return result.errors ? EXIT.invalid : EXIT.ok;
}

function templateProblemText(lang: Lang, p: TemplateProblem): string {
  return templateProblemMessage(TEMPLATE_CLI_TEXT[lang], p);
}

/**
 * `template --out <file.xlsx> [--units A,B] [--year yyyy] [--bloc "…"] [--lang vi|en] [--force]`:
 * a new bloc workbook. An existing file is never replaced unless --force says so (it may be a
 * filled-in workbook); the file is written atomically either way.
 */
async function runTemplate(args: Args, io: CliIo): Promise<number> {
  const lang = args.lang;
  const T = TEMPLATE_CLI_TEXT[lang];
  const fail = (msg: string) => {
    io.err(msg);
    return EXIT.unusable;
  };
  if (args.input !== undefined) return fail(T.noInput(args.input));
  for (const [opt, set] of [["--docx", args.docx], ["--minutes", args.minutes], ["--json", args.json || undefined]] as const) {
    if (set !== undefined) return fail(T.notForTemplate(opt));
  }
  if (!args.out) return fail(T.noOut);
  if (!/\.xlsx$/i.test(args.out)) return fail(T.notXlsx(args.out));
  const year = args.year === undefined ? io.now().getFullYear() : parseYear(args.year);
  if (year === null) return fail(T.badYear(args.year ?? ""));
  const units = args.units === undefined ? defaultUnits(lang) : parseUnitCodes(args.units);
  const problems = checkUnits(units);
  if (problems.length) {
    for (const p of problems) io.err(templateProblemText(lang, p));
    return EXIT.unusable;
  }
  const out = args.out;
  if (!args.force) {
    const exists = await fs.stat(out).then(
      () => true,
      () => false,
    );
    if (exists) return fail(T.exists(out));
  }
  const plan = templatePlan({ lang, year, bloc: args.bloc, units });
  const data = await writeTemplateWorkbook(plan);
  try {
    await writeFilesAtomically([{ path: out, data }]);
  } catch (e) {
    return fail(CLI_TEXT[lang].writeFailed(out, (e as Error).message));
  }
  io.out(T.wrote(out, units.length, year));
  return EXIT.ok;
}

if (require.main === module) {
  runCli(process.argv.slice(2), {
    out: (s) => process.stdout.write(s + "\n"),
    err: (s) => process.stderr.write(s + "\n"),
    now: () => new Date(),
  }).then(
    (code) => {
      process.exitCode = code;
    },
    (e) => {
      process.stderr.write(`${(e as Error).message}\n`);
      process.exitCode = EXIT.unusable;
    },
  );
}
