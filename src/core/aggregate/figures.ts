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
  for (const ind of catalog.indicators) {
    const byYear = new Map<number, number>();
    for (const y of [year, compareYear]) {
      const sum = sumPresent(reports.map((r) => r.values.get(ind.code)?.get(y)?.value));
      if (sum !== undefined) byYear.set(y, sum);
    }
    totals.set(ind.code, byYear);
  }
  const change = new Map<string, Change>();
  for (const ind of catalog.indicators) change.set(ind.code, changeOf(totals.get(ind.code)!.get(year), totals.get(ind.code)!.get(compareYear)));

  const share = new Map<string, Map<string, number | null>>();
  const rank = new Map<string, Map<string, number | null>>();
  const unitChange = new Map<string, Map<string, Change>>();
  for (const r of reports) {
    share.set(r.unit.code, new Map());
    rank.set(r.unit.code, new Map());
    unitChange.set(r.unit.code, new Map());
  }
  for (const ind of catalog.indicators) {
    const total = totals.get(ind.code)!.get(year);
    const current = reports.map((r) => r.values.get(ind.code)?.get(year)?.value);
    const sorted = current.filter((v): v is number => v !== undefined).sort((a, b) => b - a);
    const rankOf = new Map<number, number>();
    sorted.forEach((v, i) => rankOf.has(v) || rankOf.set(v, i + 1));
    reports.forEach((r, i) => {
      const v = current[i];
      share.get(r.unit.code)!.set(ind.code, v === undefined || !total ? null : v / total);
      rank.get(r.unit.code)!.set(ind.code, v === undefined ? null : rankOf.get(v)!);
      unitChange.get(r.unit.code)!.set(ind.code, changeOf(v, r.values.get(ind.code)?.get(compareYear)?.value));
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
