/**
 * Importing a unit's own file into the bloc workbook (SPEC §9.2): which unit it is, which of its
 * sheets is the report, which years it holds, and what importing it would do — decided from the
 * two snapshots alone, before anything is written.
 */
import type { RosterUnit } from "../model";
import { readConfig } from "../read/config";
import { cellText } from "../grid";
import { candidateSheets, inferYear, readUnitSheet } from "../read/units";
import { locateLayout } from "../read/unitSheet";
import type { SheetSnapshot, WorkbookSnapshot } from "../snapshot";
import { label } from "../text";

export type ImportAction =
  | { kind: "new" }
  | { kind: "replaces"; differing: number }
  | { kind: "identical" }
  | { kind: "unknownUnit" }
  | { kind: "wrongYear"; expected: number }
  /** "file": the host could not read the file at all; `detail` says why, in the user's language. */
  | { kind: "unreadable"; reason: "noReportSheet" | "notOnRoster" | "file"; detail?: string };

/** How the unit was recognised: its sheet's name, its code (sheet, title or file name), its name in the title. */
export type RecognisedBy = "sheetName" | "code" | "title" | "chosen";

export interface ImportDecision {
  file: string;
  /** The roster unit, or null when the file names none (the user chooses). */
  unit: RosterUnit | null;
  by: RecognisedBy | null;
  /** The report sheet found in the file. */
  sheet: string | null;
  /** The year columns of that sheet, ascending. */
  years: number[];
  action: ImportAction;
}

export interface UnitFile {
  name: string;
  snapshot: WorkbookSnapshot;
}

/** The rows a title may take above the table. */
const TITLE_ROWS = 12;

/** Whole-word containment of folded text ("thanh tra bo tu phap" in "bao cao cua thanh tra bo tu phap nam 2023"). */
function containsWords(haystack: string, needle: string): boolean {
  return needle !== "" && ` ${haystack.replace(/[^a-z0-9]+/g, " ")} `.includes(` ${needle.replace(/[^a-z0-9]+/g, " ").trim()} `);
}

function titleTexts(sheet: SheetSnapshot, headerRow: number): string[] {
  const out: string[] = [];
  sheet.values.forEach((line, r) => {
    if (sheet.top + r >= Math.min(headerRow, sheet.top + TITLE_ROWS)) return;
    for (const v of line) if (typeof v === "string" && v.trim()) out.push(label(cellText(v)));
  });
  return out;
}

/** The roster unit a report sheet belongs to, and how that was seen. */
export function recogniseUnit(sheet: SheetSnapshot, fileName: string, roster: readonly RosterUnit[]): { unit: RosterUnit; by: RecognisedBy } | null {
  const name = label(sheet.name);
  const bySheet = roster.find((u) => label(u.sheetName) === name);
  if (bySheet) return { unit: bySheet, by: "sheetName" };
  const byCodeSheet = roster.find((u) => label(u.code) === name);
  if (byCodeSheet) return { unit: byCodeSheet, by: "code" };
  const layout = locateLayout(sheet);
  const titles = titleTexts(sheet, layout ? layout.headerRow : sheet.top + TITLE_ROWS);
  // The longest name found wins: "Thanh tra Bộ Tư pháp" over a shorter name inside it.
  const byTitle = roster.filter((u) => titles.some((t) => containsWords(t, label(u.name)))).sort((a, b) => label(b.name).length - label(a.name).length);
  if (byTitle.length) return { unit: byTitle[0], by: "title" };
  const stem = label(fileName.replace(/\.[^.]*$/, ""));
  const byCode = roster.find((u) => titles.some((t) => containsWords(t, label(u.code))) || containsWords(stem, label(u.code)));
  return byCode ? { unit: byCode, by: "code" } : null;
}

/** Accepted figures that differ between two readings of a unit's report (a figure present on one side only counts). */
function differingFigures(bloc: WorkbookSnapshot, existing: SheetSnapshot, incoming: SheetSnapshot, unit: RosterUnit): number {
  const { catalog, config } = readConfig(bloc);
  const year = config.year ?? inferYear(bloc);
  const compareYear = config.compareYear ?? (year !== null ? year - 1 : null);
  const a = readUnitSheet(existing, unit, catalog, year, compareYear).report?.values;
  const b = readUnitSheet(incoming, unit, catalog, year, compareYear).report?.values;
  let n = 0;
  for (const ind of catalog.indicators) {
    for (const y of [year, compareYear]) {
      if (y === null) continue;
      const va = a?.get(ind.code)?.get(y)?.value;
      const vb = b?.get(ind.code)?.get(y)?.value;
      if (va !== vb) n++;
    }
  }
  return n;
}

/**
 * What importing this file would do. `chosen` is the unit code the user picked for a file that
 * names no unit on the roster.
 */
export function decideImport(bloc: WorkbookSnapshot, file: UnitFile, chosen?: string): ImportDecision {
  const { roster, config } = readConfig(bloc);
  const year = config.year ?? inferYear(bloc);
  const reports = candidateSheets(file.snapshot).filter((s) => locateLayout(s) !== null);
  const base: Omit<ImportDecision, "action"> = { file: file.name, unit: null, by: null, sheet: null, years: [] };
  if (!reports.length) return { ...base, action: { kind: "unreadable", reason: "noReportSheet" } };
  // A file with several reports: the first one that names a roster unit.
  const found = reports.map((s) => ({ sheet: s, hit: recogniseUnit(s, file.name, roster) }));
  const pick = found.find((f) => f.hit) ?? found[0];
  const sheet = pick.sheet;
  const years = [...locateLayout(sheet)!.yearCols.keys()].sort((a, b) => a - b);
  let hit = pick.hit;
  if (chosen !== undefined) {
    const unit = roster.find((u) => label(u.code) === label(chosen));
    if (!unit) return { ...base, sheet: sheet.name, years, action: { kind: "unreadable", reason: "notOnRoster" } };
    hit = { unit, by: "chosen" };
  }
  const at: Omit<ImportDecision, "action"> = { ...base, sheet: sheet.name, years, unit: hit?.unit ?? null, by: hit?.by ?? null };
  if (year !== null && !years.includes(year)) return { ...at, action: { kind: "wrongYear", expected: year } };
  if (!hit) return { ...at, action: { kind: "unknownUnit" } };
  const unit = hit.unit;
  const existing = bloc.sheets.find((s) => label(s.name) === label(unit.sheetName));
  if (!existing) return { ...at, action: { kind: "new" } };
  const n = differingFigures(bloc, existing, sheet, unit);
  return { ...at, action: n ? { kind: "replaces", differing: n } : { kind: "identical" } };
}

/** The decisions that write something: new sheets, and replacements when replacing is allowed. */
export function importsToWrite(decisions: readonly ImportDecision[], replace: boolean): ImportDecision[] {
  return decisions.filter((d) => d.action.kind === "new" || (replace && d.action.kind === "replaces"));
}

/** Does this decision need the user (a unit to choose, a replacement to allow)? */
export function needsDecision(d: ImportDecision, replace: boolean): boolean {
  return d.action.kind === "unknownUnit" || (d.action.kind === "replaces" && !replace);
}

/**
 * The sheet newly imported unit sheets follow: the last sheet of the workbook that is a roster
 * unit's (null: there is none, they go at the end). Both hosts place them so.
 */
export function lastUnitSheet(sheets: readonly { name: string }[], roster: readonly RosterUnit[]): string | null {
  const unitSheets = new Set(roster.map((u) => label(u.sheetName)));
  return [...sheets].reverse().find((s) => unitSheets.has(label(s.name)))?.name ?? null;
}
