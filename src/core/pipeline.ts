/**
 * The one function every host calls: workbook snapshot in; issues, figures, a write plan and the
 * JSON report out. workbook → snapshot → read → validate → aggregate → render → plan.
 */
import { parseA1 } from "./a1";
import { computeFigures, totalsJson, type Figures } from "./aggregate/figures";
import { fingerprintSheets, type Fingerprints, type Staleness } from "./fingerprint";
import { formatDateTime, type Lang } from "./i18n/format";
import { OUTPUT_SHEETS } from "./outputSheets";
import { LABELS, labels } from "./i18n/labels";
import { periodText } from "./i18n/period";
import { carriedChangeRows, renderChangeLog } from "./review/changeLog";
import { diffFigures, figureRecords, type FigureChange } from "./review/changes";
import { confirmationIssues, confirmationSummary } from "./read/confirmation";
import { readState, renderState, type BuildState, type UnitState } from "./review/state";
import { issueMessage } from "./i18n/messages";
import { countBySeverity, issue, type Issue } from "./issues";
import type { BlocConfig, Catalog, RosterUnit, UnitReport } from "./model";
import type { WritePlan } from "./plan";
import type { SheetModel } from "./sheet/model";
import { readConfig } from "./read/config";
import { inferPeriod, inferRoster, inferYear, readUnits, unitSheets } from "./read/units";
import { computeHistory, historyJson, type History } from "./aggregate/history";
import { readEarlierSummaries } from "./read/earlierSummaries";
import { buildPeriodReport } from "./render/report";
import type { Period } from "./period";
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
import { checkLegacyText } from "./validate/legacy";

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
  /** "year", "6m", "9m", "q1" … "q4" (SPEC §11). */
  period: Period;
  /** `confirmed`: the roster's "Xác nhận" entry (who and when, or "x"), null when unconfirmed or untracked. */
  units: { code: string; name: string; sheet: string; confirmed: string | null }[];
  values: Record<string, Record<string, Record<string, number>>>;
  totals: Record<string, Record<string, number>>;
  issues: { code: string; severity: string; sheet: string; cell: string; message: string }[];
  awards: { ranking: { code: string; score: number; rank: number }[]; flag: string[]; merit: string[] };
  /** indicator → year → bloc total of the period, null where some unit lacks it. */
  history: Record<string, Record<string, number | null>>;
  /** Figures that differ from the previous build ([] on a first build); money in tỷ đồng. */
  changes: FigureChange[];
}

/**
 * What checking a bloc finds before any output is made: every issue (so errors and warnings are
 * final), the years, the period and the totals. The sector roll-up needs no more (SPEC §11).
 */
export interface BlocCheck {
  config: BlocConfig;
  roster: RosterUnit[];
  catalog: Catalog;
  reports: UnitReport[];
  /** The report year (the config's, else inferred from the unit sheets); null when none was found. */
  year: number | null;
  /** The year compared against: the config's, else year − 1; null without a year. */
  compareYear: number | null;
  /** The period reported: the config's "Kỳ báo cáo", else the one the unit sheets' headers show. */
  period: Period;
  /** Null when no report year could be determined. */
  figures: Figures | null;
  issues: Issue[];
  errors: number;
  warnings: number;
  /** The scoring sheet as read, or null when the workbook has none. */
  scores: ScoreSheet | null;
  /** The award rule's outcome (SPEC §6), or null without a scoring sheet. */
  awards: AwardResult | null;
  /** Accepted figures that differ from the previous build's (SPEC §10); [] on a first build. */
  changes: FigureChange[];
  /** When the previous build ran (ISO), per the workbook's state sheet; null on a first build. */
  previousBuildAt: string | null;
}

export interface BuildResult extends BlocCheck {
  /** Every year's bloc total of the period ("Diễn biến qua các năm"); null without figures. */
  history: History | null;
  fingerprints: Fingerprints;
  /** Against the earlier build found in the workbook (before this build's outputs); null when none. */
  stale: Staleness | null;
  /**
   * The tờ trình (for the year) or the bloc's report of results (for another period), and the
   * minutes (year only): null while errors remain (nothing is proposed from bad data).
   */
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
/** An earlier summary's bloc-total row, as it reads in either language it may have been built in. */
function summaryTotalLabels(year: number, period: Period): string[] {
  return (["vi", "en"] as const).map((lang) => LABELS[lang].blocTotal(periodText(period, year, lang)));
}

function earlierOutputs(wb: WorkbookSnapshot, year: number | null, period: Period): string[] {
  const mine =
    year === null
      ? []
      : period === "year"
        ? [OUTPUT_SHEETS.summary(year), OUTPUT_SHEETS.submission(year)]
        : [OUTPUT_SHEETS.summary(year, period), OUTPUT_SHEETS.report(year, period)];
  const own = new Set([OUTPUT_SHEETS.check(), OUTPUT_SHEETS.changeLog(), OUTPUT_SHEETS.state(), ...mine].map((n) => n.toLowerCase()));
  return wb.sheets.filter((s) => generatedKind(s) !== null && own.has(s.name.toLowerCase().replace(/ \(bs\d+\)$/, ""))).map((s) => s.name);
}

/**
 * Read, validate and total: every issue the build reports, no outputs (no fingerprints, history,
 * JSON, sheets or documents). The sector roll-up checks many blocs this way.
 */
export function checkBloc(wb: WorkbookSnapshot, options: BuildOptions): BlocCheck {
  return check(wb, options).check;
}

/** The check, with what the build goes on to need of it. */
function check(wb: WorkbookSnapshot, options: BuildOptions) {
  const read = readConfig(wb);
  const issues: Issue[] = [...read.issues];
  let roster = read.roster;
  const { config, catalog } = read;
  const sheets = unitSheets(wb);
  if (config.sheet === null) {
    roster = inferRoster(wb, sheets);
    issues.push(issue("CONFIG_MISSING", "error", OUTPUT_CONFIG_SHEET, "A1", { units: roster.length }));
  }
  const period = config.period ?? inferPeriod(wb, roster, sheets);
  const year = config.year ?? inferYear(wb, period, sheets);
  const compareYear = config.compareYear ?? (year !== null ? year - 1 : null);
  const units = readUnits(wb, config, roster, catalog, year, compareYear, { period, from: config.period ? "config" : "units" }, sheets);
  issues.push(...units.issues);
  const reports = units.reports;
  const figures = year !== null && compareYear !== null ? computeFigures(reports, catalog, year, compareYear) : null;

  // Shared review: confirmations, and what changed since the build recorded in the state sheet.
  const previous = readState(wb);
  const years = [year, compareYear].filter((y): y is number => y !== null);
  const records = figureRecords(reports, years);
  // Figures of another period (6 months against the year) are not the same figures: no comparison.
  const changes = previous && previous.period === period ? diffFigures(previous, { years, figures: records }) : [];
  const unitStates = reviewStates(roster, previous, changes, options.now);
  issues.push(...confirmationIssues(roster, config.requireConfirmation, config.sheet));
  issues.push(...outdatedConfirmations(roster, unitStates, config.sheet, options.utcOffsetMinutes ?? 0));

  // Scores and awards, for the year only (SPEC §11): a unit with any unresolved error is not proposed.
  const scoresRead = period === "year" ? readScores(wb, roster) : { scores: null, issues: [] };
  issues.push(...scoresRead.issues);
  const scores = scoresRead.scores;
  let awards: AwardResult | null = null;
  if (scores) {
    const decided = decideBlocAwards(scores, config, roster, unitsWithErrors(issues, roster, reports, scores));
    awards = decided.result;
    issues.push(...decided.issues);
  }

  const inputs = inputSheets(wb, { configSheet: config.sheet, unitSheets: reports.map((r) => r.sheet), rosterSheets: roster.map((u) => u.sheetName) });
  // Labels, names and titles typed in TCVN3/VNI fonts were matched as Unicode; say where they are.
  issues.push(...checkLegacyText(inputs));

  const sorted = sortIssues(issues, wb);
  const { errors, warnings } = countBySeverity(sorted);
  const result: BlocCheck = {
    config,
    roster,
    catalog,
    reports,
    year,
    compareYear,
    period,
    figures,
    issues: sorted,
    errors,
    warnings,
    scores,
    awards,
    changes,
    previousBuildAt: previous?.builtAt ?? null,
  };
  return { check: result, previous, years, records, unitStates, inputs };
}

export function buildBloc(wb: WorkbookSnapshot, options: BuildOptions): BuildResult {
  const lang = options.lang;
  const { check: checked, previous, years, records, unitStates, inputs } = check(wb, options);
  const { config, roster, catalog, reports, year, compareYear, period, figures, issues: sorted, errors, warnings, scores, awards, changes } = checked;
  const history = figures ? computeHistory(roster, reports, catalog, figures, readEarlierSummaries(wb, catalog, period, figures.year, summaryTotalLabels)) : null;
  const fingerprints = fingerprintSheets(inputs);
  const earlier = readEarlierBuild(wb);
  const stale = compareFingerprints(earlier, fingerprints);

  const builtAt = formatDateTime(options.now, options.utcOffsetMinutes ?? 0);
  const base = toJson(config, roster, reports, figures, sorted, catalog, lang, year, compareYear);
  const json: BuildJson = {
    schema: base.schema,
    bloc: base.bloc,
    year,
    compareYear,
    period,
    units: base.units,
    values: base.values,
    totals: base.totals,
    history: historyJson(history),
    issues: base.issues,
    awards: awardsJson(awards),
    changes,
  };

  const sheets: SheetModel[] = [];
  const summaryName = figures ? outputName(OUTPUT_SHEETS.summary(figures.year, period), wb) : null;
  const checkName = outputName(OUTPUT_SHEETS.check(), wb);
  if (figures && summaryName) {
    sheets.push(
      renderSummary({
        config,
        roster,
        reports,
        catalog,
        figures,
        lang,
        builtAt,
        errors,
        warnings,
        sheetName: summaryName,
        period,
        history,
        confirmation: confirmationLine(roster, lang),
      }),
    );
  }
  sheets.push(
    renderCheck({
      bloc: config.bloc,
      year,
      period,
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
      confirmation: confirmationLine(roster, lang),
    }),
  );
  // The submission and the minutes only from clean data.
  const docInput = { config, roster, catalog, figures, scores, awards, lang };
  // For a period other than the year the document is the bloc's report of results; no minutes.
  const clean = errors === 0 && figures !== null;
  const submission = !clean ? null : period === "year" ? buildSubmission(docInput) : buildPeriodReport({ ...docInput, period });
  const minutes = clean && period === "year" ? buildMinutes(docInput) : null;
  if (submission && figures) {
    const name = period === "year" ? OUTPUT_SHEETS.submission(figures.year) : OUTPUT_SHEETS.report(figures.year, period);
    sheets.push(renderDocumentSheet(submission, outputName(name, wb), "submission", awardText(lang).draftNote(builtAt)));
  }
  const existingSheets = new Set(wb.sheets.map((s) => s.name));
  if (previous) {
    sheets.push(
      renderChangeLog({
        bloc: config.bloc,
        changes,
        catalog,
        lang,
        builtAt,
        previousBuiltAt: formatDateTime(previous.builtAt, options.utcOffsetMinutes ?? 0),
        carried: carriedChangeRows(wb, existingSheets),
        existingSheets,
        sheetName: outputName(OUTPUT_SHEETS.changeLog(), wb),
      }),
    );
  }
  const state: BuildState = { builtAt: options.now, period, years, units: unitStates, figures: records };
  sheets.push(renderState(state, outputName(OUTPUT_SHEETS.state(), wb)));
  const plan: WritePlan = {
    sheets,
    remove: earlierOutputs(wb, year, period),
    activate: errors || !summaryName ? checkName : summaryName,
  };

  return { ...checked, history, fingerprints, stale, json, submission, minutes, plan };
}

/**
 * Each unit's confirmation as this build records it. A confirmation is as old as the first build
 * that saw its very text; a unit's last change is the latest build whose change log listed it.
 */
function reviewStates(roster: readonly RosterUnit[], previous: BuildState | null, changes: readonly FigureChange[], now: string): UnitState[] {
  const before = new Map((previous?.units ?? []).map((u) => [u.unit, u]));
  const changed = new Set(changes.map((c) => c.unit));
  return roster.map((u) => {
    const prev = before.get(u.code);
    const confirmed = u.confirmed ?? null;
    const confirmedSince = confirmed === null ? null : prev && prev.confirmed === confirmed && prev.confirmedSince ? prev.confirmedSince : now;
    return { unit: u.code, confirmed, confirmedSince, lastChangedAt: changed.has(u.code) ? now : (prev?.lastChangedAt ?? null) };
  });
}

/**
 * CONFIRMATION_PREDATES_CHANGE: a unit confirmed, then a later build logged a change to its figures.
 * A confirmation first seen by the same build as the change is taken as made after it.
 */
function outdatedConfirmations(roster: readonly RosterUnit[], states: readonly UnitState[], configSheet: string | null, offset: number): Issue[] {
  if (configSheet === null) return [];
  const out: Issue[] = [];
  roster.forEach((u, i) => {
    const s = states[i];
    if (!s.confirmed || !s.confirmedSince || !s.lastChangedAt) return;
    if (Date.parse(s.confirmedSince) >= Date.parse(s.lastChangedAt)) return;
    out.push(
      issue("CONFIRMATION_PREDATES_CHANGE", "warning", configSheet, u.confirmedCell ?? u.cell, {
        unit: u.code,
        confirmed: s.confirmed,
        changedAt: formatDateTime(s.lastChangedAt, offset),
      }),
    );
  });
  return out;
}

/** "4/6 đơn vị đã xác nhận…" for the outputs; null when the roster has no confirmation column. */
function confirmationLine(roster: readonly RosterUnit[], lang: Lang): string | null {
  const c = confirmationSummary(roster);
  return c.tracked
    ? labels(lang).confirmation(
        c.confirmed,
        c.total,
        c.unconfirmed.map((u) => u.code),
      )
    : null;
}

/** Where CONFIG_MISSING points: the sheet the user should add. */
const OUTPUT_CONFIG_SHEET = "Cấu hình";

function toJson(
  config: BlocConfig,
  roster: RosterUnit[],
  reports: UnitReport[],
  figures: Figures | null,
  issues: Issue[],
  catalog: Catalog,
  lang: Lang,
  year: number | null,
  compareYear: number | null,
): Omit<BuildJson, "awards" | "period" | "history" | "changes"> {
  const sheetOf = new Map(reports.map((r) => [r.unit.code, r.sheet]));
  const values: BuildJson["values"] = {};
  // forEach rather than for…of over the maps: no entry pair made per figure (this runs cold, once per build).
  for (const r of reports) {
    const u: Record<string, Record<string, number>> = {};
    r.values.forEach((byYear, code) => {
      if (!byYear.size) return;
      // Years are integer keys: an object lists them in ascending order whatever the insertion order.
      const y: Record<string, number> = {};
      byYear.forEach((v, yr) => (y[yr] = v.value));
      u[code] = y;
    });
    values[r.unit.code] = u;
  }
  const totals: BuildJson["totals"] = figures ? totalsJson(figures.totals) : {};
  return {
    schema: 1,
    bloc: config.bloc,
    year,
    compareYear,
    units: roster.map((u) => ({ code: u.code, name: u.name, sheet: sheetOf.get(u.code) ?? u.sheetName, confirmed: u.confirmed ?? null })),
    values,
    totals,
    issues: issues.map((i) => ({ code: i.code, severity: i.severity, sheet: i.sheet, cell: i.cell, message: issueMessage(i, lang, catalog) })),
  };
}
