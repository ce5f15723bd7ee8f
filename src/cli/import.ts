/**
 * `import <bloc.xlsx> <unit files...> [--out <file>] [--replace] [--json] [--lang vi|en]`: the
 * units' own files brought into the bloc workbook (SPEC §9.2). Exit 0: every file imported (or
 * identical); 1: some need a decision (listed; the others are written); 2: unusable input —
 * the bloc, an unreadable file or a wrong year — and nothing is written.
 */
import path from "path";
import { decideImport, importsToWrite, needsDecision, type ImportDecision } from "../core/intake/decide";
import { importedSheet } from "../core/intake/sheet";
import { CLI_TEXT } from "../core/i18n/cli";
import type { Lang } from "../core/i18n/format";
import { INTAKE_TEXT } from "../core/i18n/intake";
import type { SheetPlan } from "../core/plan";
import { columnWidthsOf, writeImportsIntoPackage } from "../file/import";
import { InputError, loadWorkbook, writeFilesAtomically, type InputProblem } from "../file/load";

export interface ImportIo {
  out: (s: string) => void;
  err: (s: string) => void;
}

const EXIT = { ok: 0, decide: 1, unusable: 2 } as const;

export function defaultImportOutput(input: string): string {
  return path.join(path.dirname(input), `${path.basename(input).replace(/\.xlsx$/i, "")}.imported.xlsx`);
}

/** argv after "import"; `problemText` words a file the host could not read. */
export async function runImport(argv: string[], lang: Lang, io: ImportIo, problemText: (file: string, p: InputProblem) => string): Promise<number> {
  const T = INTAKE_TEXT[lang];
  const C = CLI_TEXT[lang];
  const files: string[] = [];
  let out: string | undefined;
  let replace = false;
  let json = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--replace") replace = true;
    else if (a === "--json") json = true;
    else if (a === "--out" || a.startsWith("--out=")) {
      out = a.includes("=") ? a.slice(6) : argv[++i];
      if (!out) return usage(io, C.missingValue("--out"), T.usage);
    } else if (a === "--lang") i++;
    else if (a.startsWith("--lang=")) continue;
    else if (a.startsWith("-")) return usage(io, C.unknownOption(a), T.usage);
    else files.push(a);
  }
  const [bloc, ...units] = files;
  if (!bloc) return usage(io, C.noInput, T.usage);
  if (!units.length) return usage(io, T.noFiles, T.usage);
  const target = out ?? defaultImportOutput(bloc);
  if (path.resolve(target) === path.resolve(bloc)) return usage(io, C.sameAsInput, T.usage);

  let blocLoaded;
  try {
    blocLoaded = await loadWorkbook(bloc);
  } catch (e) {
    if (e instanceof InputError) {
      io.err(problemText(bloc, e.problem));
      return EXIT.unusable;
    }
    throw e;
  }

  const decisions: ImportDecision[] = [];
  const sheets: SheetPlan[] = [];
  const replaced: string[] = [];
  for (const file of units) {
    const name = path.basename(file);
    let loaded;
    try {
      loaded = await loadWorkbook(file);
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      decisions.push({ file: name, unit: null, by: null, sheet: null, years: [], action: { kind: "unreadable", reason: "file", detail: problemText(file, e.problem) } });
      continue;
    }
    const d = decideImport(blocLoaded.snapshot, { name, snapshot: loaded.snapshot });
    decisions.push(d);
    if (!importsToWrite([d], replace).length || !d.unit || !d.sheet) continue;
    const source = loaded.snapshot.sheets.find((s) => s.name === d.sheet)!;
    // A second file for the same unit in one run: the later one wins, as it would run after run.
    const at = sheets.findIndex((s) => s.name === d.unit!.sheetName);
    const sheet = importedSheet(source, d.unit.sheetName, columnWidthsOf(loaded.workbook, d.sheet));
    if (at >= 0) sheets[at] = sheet;
    else sheets.push(sheet);
    if (d.action.kind === "replaces") {
      const existing = blocLoaded.snapshot.sheets.find((s) => s.name.toLowerCase() === d.unit!.sheetName.toLowerCase());
      if (existing && !replaced.includes(existing.name)) replaced.push(existing.name);
    }
  }

  const say = json ? io.err : io.out;
  for (const d of decisions) say(T.line(d));
  const unusable = decisions.filter((d) => d.action.kind === "unreadable" || d.action.kind === "wrongYear").length;
  const pending = decisions.filter((d) => needsDecision(d, replace)).length;
  let written = false;
  if (unusable) io.err(T.unusable(unusable));
  else if (sheets.length) {
    try {
      await writeFilesAtomically([{ path: target, data: await writeImportsIntoPackage(blocLoaded.buffer, sheets, replaced) }]);
    } catch (e) {
      io.err(C.writeFailed(target, (e as Error).message));
      return EXIT.unusable;
    }
    written = true;
    say(T.imported(sheets.length, target));
  } else say(T.nothingToWrite);
  if (pending) io.err(T.needsDecision(pending));
  if (json) {
    io.out(
      JSON.stringify(
        {
          schema: 1,
          out: written ? target : null,
          files: decisions.map((d) => ({
            file: d.file,
            unit: d.unit ? { code: d.unit.code, name: d.unit.name, sheet: d.unit.sheetName } : null,
            by: d.by,
            sheet: d.sheet,
            years: d.years,
            action: d.action.kind,
            ...(d.action.kind === "replaces" ? { differing: d.action.differing } : {}),
            ...(d.action.kind === "wrongYear" ? { expected: d.action.expected } : {}),
            ...(d.action.kind === "unreadable" ? { reason: d.action.reason, ...(d.action.detail ? { detail: d.action.detail } : {}) } : {}),
            imported: written && importsToWrite([d], replace).length > 0,
            message: T.action(d.action),
          })),
        },
        null,
        2,
      ),
    );
  }
  return unusable ? EXIT.unusable : pending ? EXIT.decide : EXIT.ok;
}

function usage(io: ImportIo, message: string, usageLine: string): number {
  io.err(message);
  io.err(usageLine);
  return EXIT.unusable;
}
