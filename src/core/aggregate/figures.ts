/** Totals, change, shares and ranks: computed from accepted values only. */
import type { Catalog, UnitReport } from "../model";

export interface Change {
  /** current − previous, or null when either total is missing. */
  abs: number | null;
  /** (current − previous) / previous, or null when previous is 0 or missing. */
  pct: number | null;
}

export interface Figures {
  year: number;
  compareYear: number;
  /** indicator → year → sum of accepted values (absent: no unit had one). */
  totals: Map<string, Map<number, number>>;
  change: Map<string, Change>;
  /** unit code → indicator → share of the report year's total (0..1), or null. */
  share: Map<string, Map<string, number | null>>;
  /** unit code → indicator → rank in the report year (1 = largest; ties share a rank). */
  rank: Map<string, Map<string, number | null>>;
  /** unit code → indicator → change against the compare year. */
  unitChange: Map<string, Map<string, Change>>;
}

export function changeOf(current: number | undefined, previous: number | undefined): Change {
  if (current === undefined || previous === undefined) return { abs: null, pct: null };
  return { abs: current - previous, pct: previous === 0 ? null : (current - previous) / previous };
}

/** The sum of the values present, added in the order given; undefined when none is. */
export function sumPresent(values: readonly (number | undefined)[]): number | undefined {
  let sum = 0;
  let any = false;
  for (const v of values) {
    if (v === undefined) continue;
    sum += v;
    any = true;
  }
  return any ? sum : undefined;
}

/** Sum in the order the summary's SUM formula adds (roster order), so cached results match. */
export function computeFigures(reports: readonly UnitReport[], catalog: Catalog, year: number, compareYear: number): Figures {
  const totals = new Map<string, Map<number, number>>();
  const change = new Map<string, Change>();
  const share = new Map<string, Map<string, number | null>>();
  const rank = new Map<string, Map<string, number | null>>();
  const unitChange = new Map<string, Map<string, Change>>();
  for (const r of reports) {
    share.set(r.unit.code, new Map());
    rank.set(r.unit.code, new Map());
    unitChange.set(r.unit.code, new Map());
  }
  for (const ind of catalog.indicators) {
    // Each unit's two figures, looked up once for the totals, the shares, the ranks and the changes.
    const byYear = reports.map((r) => r.values.get(ind.code));
    const current = byYear.map((m) => m?.get(year)?.value);
    const previous = byYear.map((m) => m?.get(compareYear)?.value);
    const total = sumPresent(current);
    const totalBefore = sumPresent(previous);
    const sums = new Map<number, number>();
    if (total !== undefined) sums.set(year, total);
    if (totalBefore !== undefined) sums.set(compareYear, totalBefore);
    totals.set(ind.code, sums);
    change.set(ind.code, changeOf(total, totalBefore));

    const sorted = current.filter((v): v is number => v !== undefined).sort((a, b) => b - a);
    const rankOf = new Map<number, number>();
    sorted.forEach((v, i) => rankOf.has(v) || rankOf.set(v, i + 1));
    reports.forEach((r, i) => {
      const v = current[i];
      share.get(r.unit.code)!.set(ind.code, v === undefined || !total ? null : v / total);
      rank.get(r.unit.code)!.set(ind.code, v === undefined ? null : rankOf.get(v)!);
      unitChange.get(r.unit.code)!.set(ind.code, changeOf(v, previous[i]));
    });
  }
  return { year, compareYear, totals, change, share, rank, unitChange };
}

/** Totals keyed like `build`'s JSON: indicator → year (as a string) → number. */
export function totalsJson(totals: Map<string, Map<number, number>>): Record<string, Record<string, number>> {
  const out: Record<string, Record<string, number>> = {};
  for (const [code, byYear] of totals) {
    // Years are integer keys: an object lists them in ascending order whatever the insertion order.
    const y: Record<string, number> = {};
    for (const [yr, v] of byYear) y[yr] = v;
    out[code] = y;
  }
  return out;
}
