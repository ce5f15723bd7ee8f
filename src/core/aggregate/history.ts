/**
 * The trend over the years ("Diễn biến qua các năm"): the bloc total of every year the workbook
 * holds, for the period being reported. A year counts only where every unit has it; otherwise an
 * earlier summary sheet's total stands in, or the year is shown as missing for the units that lack
 * it — never a partial sum.
 */
import type { AcceptedValue, Catalog, RosterUnit, UnitReport } from "../model";
import type { EarlierSummary } from "../read/earlierSummaries";
import type { Figures } from "./figures";

export interface HistoryCell {
  /** The bloc total, or null when some unit lacks the figure. */
  value: number | null;
  /** Roster codes of the units whose figure is missing (value null). */
  missing: string[];
  /** The accepted figures that add up to the value (from unit sheets). */
  parts: AcceptedValue[];
}

export interface HistoryYear {
  year: number;
  /** "figures": the report or compare year (section I of the summary); "units": the unit sheets; "summary": an earlier summary sheet. */
  source: "figures" | "units" | "summary";
  /** The earlier summary sheet a "summary" year is read from, and each indicator's cell on it. */
  sheet?: string;
  cells: Map<string, HistoryCell & { cell?: string }>;
}

export interface History {
  years: HistoryYear[];
}

export function computeHistory(roster: readonly RosterUnit[], reports: readonly UnitReport[], catalog: Catalog, figures: Figures, earlier: readonly EarlierSummary[]): History {
  const byUnit = new Map(reports.map((r) => [r.unit.code, r]));
  const years = new Set<number>([figures.year, figures.compareYear]);
  for (const r of reports) for (const y of r.layout.yearCols.keys()) if (y < figures.year) years.add(y);
  for (const e of earlier) years.add(e.year);
  const out: HistoryYear[] = [];
  for (const year of [...years].sort((a, b) => a - b)) {
    const cells = new Map<string, HistoryCell & { cell?: string }>();
    if (year === figures.year || year === figures.compareYear) {
      for (const ind of catalog.indicators) {
        const parts = reports.map((r) => r.values.get(ind.code)?.get(year)).filter((v): v is AcceptedValue => !!v);
        cells.set(ind.code, { value: figures.totals.get(ind.code)?.get(year) ?? null, missing: [], parts });
      }
      out.push({ year, source: "figures", cells });
      continue;
    }
    const everyUnitHasYear = roster.length > 0 && roster.every((u) => byUnit.get(u.code)?.layout.yearCols.has(year));
    const summary = earlier.find((e) => e.year === year);
    if (!everyUnitHasYear && summary) {
      for (const ind of catalog.indicators) {
        const t = summary.totals.get(ind.code);
        cells.set(ind.code, { value: t ? t.value : null, missing: t ? [] : roster.map((u) => u.code), parts: [], cell: t?.cell });
      }
      out.push({ year, source: "summary", sheet: summary.sheet, cells });
      continue;
    }
    for (const ind of catalog.indicators) {
      const parts: AcceptedValue[] = [];
      const missing: string[] = [];
      // Roster order, as the summary's formulas add.
      for (const u of roster) {
        const v = byUnit.get(u.code)?.values.get(ind.code)?.get(year);
        if (v) parts.push(v);
        else missing.push(u.code);
      }
      cells.set(ind.code, { value: missing.length ? null : parts.reduce((s, v) => s + v.value, 0), missing, parts: missing.length ? [] : parts });
    }
    out.push({ year, source: "units", cells });
  }
  return { years: out };
}

/** JSON `history`: indicator → year → the bloc total, or null where a unit lacks it. */
export function historyJson(history: History | null): Record<string, Record<string, number | null>> {
  const out: Record<string, Record<string, number | null>> = {};
  if (!history) return out;
  for (const y of history.years) {
    for (const [code, c] of y.cells) (out[code] ??= {})[String(y.year)] = c.value;
  }
  return out;
}
