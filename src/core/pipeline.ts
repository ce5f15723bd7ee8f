/**
 * The one function every host calls: workbook snapshot in; issues, figures, a write plan and the
 * JSON report out. workbook → snapshot → read → validate → aggregate → render → plan.
 */
import { parseA1 } from "./a1";
import { computeFigures, type Figures } from "./aggregate/figures";
import { fingerprintSheets, type Fingerprints, type Staleness } from "./fingerprint";
import { formatDateTime, type Lang } from "./i18n/format";
import { OUTPUT_SHEETS } from "./outputSheets";
import { issueMessage } from "./i18n/messages";
import { countBySeverity, issue, type Issue } from "./issues";
import type { BlocConfig, Catalog, RosterUnit, UnitReport } from "./model";
import type { WritePlan } from "./plan";
import type { SheetModel } from "./sheet/model";
import { readConfig } from "./read/config";
import { inferRoster, inferYear, readUnits } from "./read/units";
import { awardsJson, decideBlocAwards, unitsWithErrors } from "./awards/bloc";
import type { AwardResult } from "./awards/rule";
import type { DocumentModel } from "./document";
import { awardText } from "./i18n/awards";
import { readScores, type ScoreSheet } from "./read/scores";
import { renderCheck } from "./render/check";
import { renderDocumentSheet } from "./render/document-sheet";
import { buildMinutes } from "./render/minutes";
import { buildSubmission } from "./render/submission";
import { generatedKind } from "./marker";
import { renderSummary } from "./render/summary";
import type { WorkbookSnapshot } from "./snapshot";
import { compareFingerprints, inputSheets, readEarlierBuild } from "./stale";

export interface BuildOptions {
  lang: Lang;
  /** ISO time of the build (hosts pass the clock in; the engine has none). */
  now: string;
  /** The user's time zone, for the time printed on the outputs (Vietnam: 420). */
  utcOffsetMinutes?: number;
}

export interface BuildJson {
  schema: 1;
  bloc: string;
  year: number | null;
  compareYear: number | null;
  units: { code: string; name: string; sheet: string }[];
  values: Record<string, Record<string, Record<string, number>>>;
  totals: Record<string, Record<string, number>>;
  issues: { code: string; severity: string; sheet: string; cell: string; message: string }[];
  awards: { ranking: { code: string; score: number; rank: number }[]; flag: string[]; merit: string[] };
}

export interface BuildResult {
  config: BlocConfig;
  roster: RosterUnit[];
  catalog: Catalog;
  reports: UnitReport[];
  /** The report year (the config's, else inferred from the unit sheets); null when none was found. */
  year: number | null;
  /** The year compared against: the config's, else year − 1; null without a year. */
  compareYear: number | null;
  /** Null when no report year could be determined. */
  figures: Figures | null;
  issues: Issue[];
  errors: number;
  warnings: number;
  fingerprints: Fingerprints;
  /** Against the earlier build found in the workbook (before this build's outputs); null when none. */
  stale: Staleness | null;
  /** The scoring sheet as read, or null when the workbook has none. */
  scores: ScoreSheet | null;
  /** The award rule's outcome (SPEC §6), or null without a scoring sheet. */
  awards: AwardResult | null;
  /** The tờ trình and the minutes: null while errors remain (nothing is proposed from bad data). */
  submission: DocumentModel | null;
  minutes: DocumentModel | null;
  plan: WritePlan;
  json: BuildJson;
}

/** Issues in workbook order: by sheet position, then row, then column. */
export function sortIssues(issues: Issue[], wb: WorkbookSnapshot): Issue[] {
  const order = new Map(wb.sheets.map((s, i) => [s.name, i]));
  const pos = (i: Issue) => {
    try {
      return parseA1(i.cell);
    } catch {
      return { row: 0, col: 0 };
    }
  };
  return issues
    .map((i, k) => ({ i, k, s: order.get(i.sheet) ?? -1, p: pos(i) }))
    .sort((a, b) => a.s - b.s || a.p.row - b.p.row || a.p.col - b.p.col || a.k - b.k)
    .map((x) => x.i);
}

/** An output's name, unless a user's own sheet already has it: then a suffix keeps both. */
function outputName(wanted: string, wb: WorkbookSnapshot): string {
  const taken = (n: string) => wb.sheets.some((s) => s.name.toLowerCase() === n.toLowerCase() && generatedKind(s) === null);
  if (!taken(wanted)) return wanted;
  for (let k = 2; ; k++) if (!taken(`${wanted} (BS${k})`)) return `${wanted} (BS${k})`;
}

/**
 * The earlier outputs this build replaces: sheets with our marker under this year's output names
 * (or their "(BSn)" variants). A marked sheet the user renamed to keep ("Tổng hợp 2023 (lưu)"),
 * or last year's "Tổng hợp 2022", stays.
 */
function earlierOutputs(wb: WorkbookSnapshot, year: number | null): string[] {
  const own = new Set([OUTPUT_SHEETS.check(), ...(year !== null ? [OUTPUT_SHEETS.summary(year), OUTPUT_SHEETS.submission(year)] : [])].map((n) => n.toLowerCase()));
  return wb.sheets
    .filter((s) => generatedKind(s) !== null && own.has(s.name.toLowerCase().replace(/ \(bs\d+\)$/, "")))
    .map((s) => s.name);
}

export function buildBloc(wb: WorkbookSnapshot, options: BuildOptions): BuildResult {
  const lang = options.lang;
  const read = readConfig(wb);
  const issues: Issue[] = [...read.issues];
  let roster = read.roster;
  const { config, catalog } = read;
  if (config.sheet === null) {
    roster = inferRoster(wb);
    issues.push(issue("CONFIG_MISSING", "error", OUTPUT_CONFIG_SHEET, "A1", { units: roster.length }));
  }
  const year = config.year ?? inferYear(wb);
  const compareYear = config.compareYear ?? (year !== null ? year - 1 : null);
  const units = readUnits(wb, config, roster, catalog, year, compareYear);
  issues.push(...units.issues);
  const reports = units.reports;
  const figures = year !== null && compareYear !== null ? computeFigures(reports, catalog, year, compareYear) : null;

  // Scores and awards: a unit with any unresolved error is not proposed.
  const scoresRead = readScores(wb, roster);
  issues.push(...scoresRead.issues);
  const scores = scoresRead.scores;
  let awards: AwardResult | null = null;
  if (scores) {
    const decided = decideBlocAwards(scores, config, roster, unitsWithErrors(issues, roster, reports, scores));
    awards = decided.result;
    issues.push(...decided.issues);
  }

  const sorted = sortIssues(issues, wb);
  const { errors, warnings } = countBySeverity(sorted);

  const inputs = inputSheets(wb, { configSheet: config.sheet, unitSheets: reports.map((r) => r.sheet), rosterSheets: roster.map((u) => u.sheetName) });
  const fingerprints = fingerprintSheets(inputs);
  const earlier = readEarlierBuild(wb);
  const stale = compareFingerprints(earlier, fingerprints);

  const builtAt = formatDateTime(options.now, options.utcOffsetMinutes ?? 0);
  const sheets: SheetModel[] = [];
  const summaryName = figures ? outputName(OUTPUT_SHEETS.summary(figures.year), wb) : null;
  const checkName = outputName(OUTPUT_SHEETS.check(), wb);
  if (figures && summaryName) {
    sheets.push(renderSummary({ config, roster, reports, catalog, figures, lang, builtAt, errors, warnings, sheetName: summaryName }));
  }
  sheets.push(
    renderCheck({
      bloc: config.bloc,
      year,
      issues: sorted,
      catalog,
      lang,
      builtAt,
      builtAtIso: options.now,
      fingerprints,
      existingSheets: new Set(wb.sheets.map((s) => s.name)),
      errors,
      warnings,
      sheetName: checkName,
      reviews: earlier?.reviews,
    }),
  );
  // The submission and the minutes only from clean data.
  const docInput = { config, roster, catalog, figures, scores, awards, lang };
  const submission = errors === 0 && figures ? buildSubmission(docInput) : null;
  const minutes = errors === 0 && figures ? buildMinutes(docInput) : null;
  if (submission && figures) {
    sheets.push(renderDocumentSheet(submission, outputName(OUTPUT_SHEETS.submission(figures.year), wb), "submission", awardText(lang).draftNote(builtAt)));
  }
  const plan: WritePlan = {
    sheets,
    remove: earlierOutputs(wb, year),
    activate: errors || !summaryName ? checkName : summaryName,
  };

  const json = { ...toJson(config, roster, reports, figures, sorted, catalog, lang, year, compareYear), awards: awardsJson(awards) };
  return { config, roster, catalog, reports, year, compareYear, figures, issues: sorted, errors, warnings, fingerprints, stale, scores, awards, submission, minutes, plan, json };
}

/** Where CONFIG_MISSING points: the sheet the user should add. */
const OUTPUT_CONFIG_SHEET = "Cấu hình";

function toJson(config: BlocConfig, roster: RosterUnit[], reports: UnitReport[], figures: Figures | null, issues: Issue[], catalog: Catalog, lang: Lang, year: number | null, compareYear: number | null): Omit<BuildJson, "awards"> {
  const sheetOf = new Map(reports.map((r) => [r.unit.code, r.sheet]));
  const values: BuildJson["values"] = {};
  for (const r of reports) {
    const u: Record<string, Record<string, number>> = {};
    for (const [code, byYear] of r.values) {
      const y: Record<string, number> = {};
      for (const [yr, v] of [...byYear].sort((a, b) => a[0] - b[0])) y[String(yr)] = v.value;
      if (Object.keys(y).length) u[code] = y;
    }
    values[r.unit.code] = u;
  }
  const totals: BuildJson["totals"] = {};
  if (figures) {
    for (const [code, byYear] of figures.totals) {
      const y: Record<string, number> = {};
      for (const [yr, v] of [...byYear].sort((a, b) => a[0] - b[0])) y[String(yr)] = v;
      totals[code] = y;
    }
  }
  return {
    schema: 1,
    bloc: config.bloc,
    year,
    compareYear,
    units: roster.map((u) => ({ code: u.code, name: u.name, sheet: sheetOf.get(u.code) ?? u.sheetName })),
    values,
    totals,
    issues: issues.map((i) => ({ code: i.code, severity: i.severity, sheet: i.sheet, cell: i.cell, message: issueMessage(i, lang, catalog) })),
  };
}
