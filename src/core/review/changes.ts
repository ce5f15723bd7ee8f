/**
 * What changed since the previous build: each accepted source figure whose value differs from the
 * one the previous build recorded (SPEC §10). Pure: the previous figures come from the state sheet.
 */
import type { UnitReport } from "../model";

/** One accepted figure as a build records it: value in the indicator's unit (tỷ đồng for money). */
export interface FigureRecord {
  unit: string;
  sheet: string;
  cell: string;
  indicator: string;
  year: number;
  value: number;
}

/** A figure that differs from the previous build; null before = new figure, null after = gone. */
export interface FigureChange {
  unit: string;
  sheet: string;
  cell: string;
  indicator: string;
  year: number;
  before: number | null;
  after: number | null;
}

/** The accepted figures of this build, in roster and catalog order. */
export function figureRecords(reports: readonly UnitReport[], years: readonly number[]): FigureRecord[] {
  const out: FigureRecord[] = [];
  // forEach rather than for…of over the maps: no entry pair made per figure (this runs cold, once per build).
  for (const r of reports) {
    r.values.forEach((byYear, indicator) => {
      for (const year of years) {
        const v = byYear.get(year);
        if (v) out.push({ unit: r.unit.code, sheet: v.sheet, cell: v.cell, indicator, year, value: v.value });
      }
    });
  }
  return out;
}

/** Equal up to the rounding a number picks up on its way through a workbook (15–17 digits). */
function same(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}

const key = (unit: string, indicator: string, year: number) => `${unit}\u0000${indicator}\u0000${year}`;

/**
 * Figures that differ between the previous build and this one, for the years both builds read.
 * A unit on either roster only (added, removed) has each of its figures listed as new or gone.
 * Order: this build's roster and catalog order, then the figures that are gone.
 */
export function diffFigures(
  previous: { years: readonly number[]; figures: readonly FigureRecord[] },
  current: { years: readonly number[]; figures: readonly FigureRecord[] },
): FigureChange[] {
  const years = new Set(current.years.filter((y) => previous.years.includes(y)));
  const before = new Map(previous.figures.filter((f) => years.has(f.year)).map((f) => [key(f.unit, f.indicator, f.year), f]));
  const changes: FigureChange[] = [];
  const seen = new Set<string>();
  for (const f of current.figures) {
    if (!years.has(f.year)) continue;
    const k = key(f.unit, f.indicator, f.year);
    seen.add(k);
    const b = before.get(k);
    if (b && same(b.value, f.value)) continue;
    changes.push({ unit: f.unit, sheet: f.sheet, cell: f.cell, indicator: f.indicator, year: f.year, before: b ? b.value : null, after: f.value });
  }
  for (const [k, b] of before) {
    if (!seen.has(k)) changes.push({ unit: b.unit, sheet: b.sheet, cell: b.cell, indicator: b.indicator, year: b.year, before: b.value, after: null });
  }
  return changes;
}
