/** From the roster to each unit's accepted figures, with every structural and value issue. */
import { a1 } from "../a1";
import { issue, type Issue } from "../issues";
import type { BlocConfig, Catalog, RosterUnit, UnitLayout, UnitReport } from "../model";
import { generatedKind } from "../marker";
import { cellAt, formulaAt, sheetBounds, type SheetSnapshot, type WorkbookSnapshot } from "../snapshot";
import { label } from "../text";
import { checkOutliers } from "../validate/outliers";
import { checkRelations } from "../validate/relations";
import { checkValue, moneyDivisor } from "../validate/values";
import { isConfigSheetName } from "./config";
import { cellText } from "../grid";
import { layoutFor, locateHeader, locateLabelsOnly, locateLayout, readIndicatorRows, type UnitHeader } from "./unitSheet";
import type { Period } from "../period";

export const SCORING_SHEET_NAMES = ["Chấm điểm", "Scoring", "Scores", "Bảng chấm điểm"];

export function isScoringSheetName(name: string): boolean {
  const l = label(name);
  return SCORING_SHEET_NAMES.some((n) => label(n) === l);
}

/** Sheets that are neither the config, the scoring sheet, nor one of our outputs. */
export function candidateSheets(wb: WorkbookSnapshot): SheetSnapshot[] {
  return wb.sheets.filter((s) => !isConfigSheetName(s.name) && !isScoringSheetName(s.name) && generatedKind(s) === null);
}

/**
 * The candidate sheets of one workbook, each one's header located once: inferring the roster, the
 * period and the year and reading the units all ask for the same layouts (locating is a scan of
 * the sheet's top rows). Made per build, never kept: the workbook changes between builds.
 */
export interface UnitSheets {
  sheets: SheetSnapshot[];
  /** The sheet's layout for reading `period`; null when it has no unit header. */
  layout(sheet: SheetSnapshot, period?: Period): UnitLayout | null;
}

export function unitSheets(wb: WorkbookSnapshot): UnitSheets {
  const headers = new Map<SheetSnapshot, UnitHeader | null>();
  return {
    sheets: candidateSheets(wb),
    layout(sheet, period = "year") {
      let header = headers.get(sheet);
      if (header === undefined) headers.set(sheet, (header = locateHeader(sheet)));
      return header && layoutFor(header, period);
    },
  };
}

/** "BCA (2)", "BCA - Copy": Excel's names for a copied sheet. */
function copyOf(name: string): string | null {
  const m = /^(.*?)\s*(?:\(\d+\)|-\s*(?:copy|bản sao)(?:\s*\(\d+\))?)$/i.exec(name.trim());
  return m && m[1] ? m[1] : null;
}

/** Without a config sheet: every sheet that reads like a unit report is a unit, named by its sheet. */
export function inferRoster(wb: WorkbookSnapshot, units: UnitSheets = unitSheets(wb)): RosterUnit[] {
  return units.sheets.filter((s) => units.layout(s) !== null).map((s) => ({ code: s.name, name: s.name, sheetName: s.name, cell: "A1" }));
}

/** The latest year any unit sheet has a column for (fallback when the config gives none). */
export function inferYear(wb: WorkbookSnapshot, period: Period = "year", units: UnitSheets = unitSheets(wb)): number | null {
  let best: number | null = null;
  for (const s of units.sheets) {
    const l = units.layout(s, period);
    if (l) for (const y of l.yearCols.keys()) best = best === null ? y : Math.max(best, y);
  }
  return best;
}

/**
 * Without "Kỳ báo cáo" in the config, the unit sheets say: each sheet's period is that of its
 * latest year column, and the period most roster sheets have wins (the first seen on a tie). The
 * sheets that differ then get PERIOD_MISMATCH at their header cells.
 */
export function inferPeriod(wb: WorkbookSnapshot, roster: readonly RosterUnit[], units: UnitSheets = unitSheets(wb)): Period {
  const wanted = new Set(roster.map((u) => label(u.sheetName)));
  const votes = new Map<Period, number>();
  for (const s of units.sheets) {
    if (wanted.size && !wanted.has(label(s.name))) continue;
    const cols = units.layout(s)?.periodCols ?? [];
    if (!cols.length) continue;
    const latest = cols.reduce((a, b) => (b.year > a.year ? b : a));
    votes.set(latest.period, (votes.get(latest.period) ?? 0) + 1);
  }
  let best: Period = "year";
  let most = 0;
  for (const [p, n] of votes) if (n > most) [best, most] = [p, n];
  return best;
}

/** The period being read and where it came from (for the message of a column that differs). */
export interface PeriodChoice {
  period: Period;
  from: "config" | "units";
}

export interface UnitsRead {
  reports: UnitReport[];
  issues: Issue[];
}

export function readUnits(
  wb: WorkbookSnapshot,
  config: BlocConfig,
  roster: readonly RosterUnit[],
  catalog: Catalog,
  year: number | null,
  compareYear: number | null,
  period: PeriodChoice = { period: "year", from: "config" },
  units: UnitSheets = unitSheets(wb),
): UnitsRead {
  const issues: Issue[] = [];
  const reports: UnitReport[] = [];
  const candidates = units.sheets;
  const used = new Set<SheetSnapshot>();
  const configSheet = config.sheet ?? "";

  // Indexes by folded name, so matching stays linear in the number of sheets.
  const byName = new Map<string, SheetSnapshot>();
  const byLabel = new Map<string, SheetSnapshot[]>();
  const copiesOf = new Map<string, SheetSnapshot[]>();
  for (const s of candidates) {
    if (!byName.has(s.name)) byName.set(s.name, s);
    const l = label(s.name);
    byLabel.set(l, [...(byLabel.get(l) ?? []), s]);
    const base = copyOf(s.name);
    if (base !== null) copiesOf.set(label(base), [...(copiesOf.get(label(base)) ?? []), s]);
  }

  const rosterSheets = new Set(roster.map((u) => label(u.sheetName)));
  for (const unit of roster) {
    const sheet = byName.get(unit.sheetName) ?? byLabel.get(label(unit.sheetName))?.[0];
    if (!sheet) {
      issues.push(issue("UNIT_SHEET_MISSING", "error", configSheet, unit.cell, { unit: unit.code, sheetName: unit.sheetName }));
      continue;
    }
    used.add(sheet);
    const twins = [...(byLabel.get(label(sheet.name)) ?? []), ...(copiesOf.get(label(sheet.name)) ?? [])];
    for (const other of twins) {
      if (other === sheet || used.has(other) || rosterSheets.has(label(other.name)) || !units.layout(other)) continue;
      used.add(other);
      issues.push(issue("UNIT_DUPLICATE", "error", other.name, "A1", { unit: unit.code, reason: "sheet", other: sheet.name, sheetName: other.name }));
    }
    const read = readUnitSheet(sheet, unit, catalog, year, compareYear, period, units.layout(sheet, period.period));
    issues.push(...read.issues);
    if (read.report) reports.push(read.report);
  }

  for (const s of candidates) {
    if (used.has(s) || s.visibility === "veryHidden") continue;
    const layout = units.layout(s);
    if (layout) issues.push(issue("SHEET_NOT_IN_ROSTER", "warning", s.name, a1(layout.headerRow, layout.codeCol ?? layout.nameCol ?? sheetBounds(s).left), {}));
  }
  return { reports, issues };
}

export function readUnitSheet(
  sheet: SheetSnapshot,
  unit: RosterUnit,
  catalog: Catalog,
  year: number | null,
  compareYear: number | null,
  choice: PeriodChoice = { period: "year", from: "config" },
  layout: UnitLayout | null = locateLayout(sheet, choice.period),
): { report: UnitReport | null; issues: Issue[] } {
  const issues: Issue[] = [];
  const { period } = choice;
  if (!layout) {
    const labels = locateLabelsOnly(sheet);
    if (labels !== null && year !== null) issues.push(issue("YEAR_COLUMN_MISSING", "error", sheet.name, a1(labels, sheetBounds(sheet).left), { year, period }));
    else issues.push(issue("HEADER_NOT_FOUND", "error", sheet.name, a1(sheetBounds(sheet).top, sheetBounds(sheet).left), {}));
    return { report: null, issues };
  }
  // A column of another period is never read as this one's: an error at its header cell.
  for (const p of layout.periodCols) {
    if (p.period === period) continue;
    issues.push(
      issue("PERIOD_MISMATCH", "error", sheet.name, a1(p.row, p.col), {
        header: cellText(cellAt(sheet, p.row, p.col)),
        found: p.period,
        expected: period,
        from: choice.from,
        year: p.year,
      }),
    );
  }
  const headerCell = a1(layout.headerRow, layout.nameCol ?? layout.codeCol ?? sheetBounds(sheet).left);
  const years: number[] = [];
  if (year !== null) {
    if (layout.yearCols.has(year)) years.push(year);
    else issues.push(issue("YEAR_COLUMN_MISSING", "error", sheet.name, headerCell, { year, period }));
  }
  if (compareYear !== null) {
    if (layout.yearCols.has(compareYear)) years.push(compareYear);
    else issues.push(issue("YEAR_COLUMN_MISSING", "warning", sheet.name, headerCell, { year: compareYear, period }));
  }
  // Earlier years on the sheet feed the trend ("Diễn biến qua các năm"): read, never required.
  const earlier = [...layout.yearCols.keys()].filter((y) => year !== null && y < year && y !== compareYear).sort((a, b) => a - b);
  const readYears = [...years, ...earlier];
  const { rows, issues: rowIssues } = readIndicatorRows(sheet, layout, catalog);
  issues.push(...rowIssues);

  const report: UnitReport = { unit, sheet: sheet.name, layout, rows: new Map(), values: new Map() };
  for (const { indicator, row } of rows) {
    report.rows.set(indicator.code, row);
    let divisor = 1;
    if (indicator.kind === "money" && layout.uomCol !== null) {
      const uom = cellAt(sheet, row, layout.uomCol);
      const d = moneyDivisor(uom);
      const at = a1(row, layout.uomCol);
      if (d === null) {
        issues.push(issue("UNIT_OF_MEASURE_UNKNOWN", "error", sheet.name, at, { indicator: indicator.code, unit: cellText(uom) }));
        continue;
      }
      if (d !== 1) issues.push(issue("UNIT_CONVERTED", "warning", sheet.name, at, { indicator: indicator.code, unit: cellText(uom), divisor: d }));
      divisor = d;
    }
    const byYear = new Map<number, import("../model").AcceptedValue>();
    for (const y of readYears) {
      const col = layout.yearCols.get(y)!;
      const out = checkValue(cellAt(sheet, row, col), {
        sheet: sheet.name,
        row,
        col,
        indicator,
        year: y,
        isReportYear: y === year,
        divisor,
        hasFormula: formulaAt(sheet, row, col) !== null,
      });
      if (out.issue) {
        // An earlier year's problem is a warning (the figure is left out of the trend), and its
        // blank is shown as missing on the trend rather than reported cell by cell.
        if (years.includes(y)) issues.push(out.issue);
        else if (out.issue.code !== "VALUE_EMPTY") issues.push({ ...out.issue, severity: "warning" });
      }
      if (out.accepted) byYear.set(y, out.accepted);
    }
    report.values.set(indicator.code, byYear);
  }
  issues.push(...checkRelations(report, years));
  if (year !== null && compareYear !== null) issues.push(...checkOutliers(report, year, compareYear));
  return { report, issues };
}
