/**
 * The sector roll-up (SPEC §11): many blocs' builds in, one row per bloc out — its totals per
 * indicator, the sector's totals, each bloc's share and rank, the change against the compare year.
 * A bloc with errors is listed and left out of every total; blocs of different years or periods
 * are refused, never added up.
 */
import type { Indicator } from "../catalog";
import type { Issue } from "../issues";
import type { BlocConfig, Catalog } from "../model";
import type { Period } from "../period";
import { changeOf, sumPresent, type Change, type Figures } from "./figures";

/**
 * What the roll-up reads of one bloc's build: the part of the pipeline's BuildResult it needs,
 * declared here so that aggregate never looks up at the pipeline (a BuildResult fits it).
 */
export interface RollupSource {
  config: BlocConfig;
  catalog: Catalog;
  period: Period;
  figures: Figures | null;
  issues: readonly Issue[];
  errors: number;
  warnings: number;
}

export interface RollupInput {
  /** The bloc's workbook, as the user named it. */
  file: string;
  result: RollupSource;
}

export interface RollupBloc {
  file: string;
  /** The bloc's name from its config (the file name when the config has none). */
  bloc: string;
  errors: number;
  warnings: number;
  /** False when the bloc has errors: listed, not added up. */
  included: boolean;
  /** indicator → year → the bloc's total (as its own build's JSON `totals`). */
  totals: Map<string, Map<number, number>>;
  result: RollupSource;
}

export type RollupRefusal =
  | { kind: "noBlocs" }
  | { kind: "mixedYears"; blocs: { file: string; year: number | null; compareYear: number | null }[] }
  | { kind: "mixedPeriods"; blocs: { file: string; period: Period }[] };

export interface Rollup {
  year: number;
  compareYear: number;
  period: Period;
  indicators: Indicator[];
  blocs: RollupBloc[];
  /** indicator → year → sum over the included blocs (absent when no included bloc has one). */
  totals: Map<string, Map<number, number>>;
  change: Map<string, Change>;
  /** Per bloc (in `blocs` order): indicator → share of the sector's report-year total (0..1), or null. */
  share: Map<string, number | null>[];
  /** Per bloc: indicator → rank among the included blocs (1 = largest; ties share a rank), or null. */
  rank: Map<string, number | null>[];
  /** Per bloc: indicator → change against the compare year. */
  blocChange: Map<string, Change>[];
}

/** Indicators of every bloc, the first bloc's definition of a code winning: the default catalog's order first. */
function unionCatalog(catalogs: readonly Catalog[]): Indicator[] {
  const out = new Map<string, Indicator>();
  for (const c of catalogs) for (const ind of c.indicators) if (!out.has(ind.code)) out.set(ind.code, ind);
  return [...out.values()];
}

export function rollupBlocs(inputs: readonly RollupInput[], fileName: (file: string) => string = (f) => f): { rollup: Rollup } | { refusal: RollupRefusal } {
  if (!inputs.length) return { refusal: { kind: "noBlocs" } };
  // Years and periods must agree among every bloc that has them; a bloc without a year has errors anyway.
  const dated = inputs.filter((i) => i.result.figures !== null);
  const years = new Set(dated.map((i) => `${i.result.figures!.year}/${i.result.figures!.compareYear}`));
  if (years.size > 1) {
    return { refusal: { kind: "mixedYears", blocs: dated.map((i) => ({ file: i.file, year: i.result.figures!.year, compareYear: i.result.figures!.compareYear })) } };
  }
  const periods = new Set(inputs.map((i) => i.result.period));
  if (periods.size > 1) return { refusal: { kind: "mixedPeriods", blocs: inputs.map((i) => ({ file: i.file, period: i.result.period })) } };
  if (!dated.length) return { refusal: { kind: "mixedYears", blocs: inputs.map((i) => ({ file: i.file, year: null, compareYear: null })) } };

  const { year, compareYear } = dated[0].result.figures!;
  const period = inputs[0].result.period;
  const indicators = unionCatalog(inputs.map((i) => i.result.catalog));
  const blocs: RollupBloc[] = inputs.map((i) => ({
    file: i.file,
    bloc: i.result.config.bloc || fileName(i.file),
    errors: i.result.errors,
    warnings: i.result.warnings,
    included: i.result.errors === 0 && i.result.figures !== null,
    totals: i.result.figures?.totals ?? new Map(),
    result: i.result,
  }));
  const included = blocs.filter((b) => b.included);

  // Sums in bloc order, as the sheet's SUM formulas add, so cached results match.
  const totals = new Map<string, Map<number, number>>();
  for (const ind of indicators) {
    const byYear = new Map<number, number>();
    for (const y of [year, compareYear]) {
      const sum = sumPresent(included.map((b) => b.totals.get(ind.code)?.get(y)));
      if (sum !== undefined) byYear.set(y, sum);
    }
    totals.set(ind.code, byYear);
  }
  const change = new Map(indicators.map((ind) => [ind.code, changeOf(totals.get(ind.code)!.get(year), totals.get(ind.code)!.get(compareYear))]));

  const share = blocs.map(() => new Map<string, number | null>());
  const rank = blocs.map(() => new Map<string, number | null>());
  const blocChange = blocs.map(() => new Map<string, Change>());
  for (const ind of indicators) {
    const total = totals.get(ind.code)!.get(year);
    const sorted = included
      .map((b) => b.totals.get(ind.code)?.get(year))
      .filter((v): v is number => v !== undefined)
      .sort((a, b) => b - a);
    const rankOf = new Map<number, number>();
    sorted.forEach((v, i) => rankOf.has(v) || rankOf.set(v, i + 1));
    blocs.forEach((b, i) => {
      const v = b.included ? b.totals.get(ind.code)?.get(year) : undefined;
      share[i].set(ind.code, v === undefined || !total ? null : v / total);
      rank[i].set(ind.code, v === undefined ? null : rankOf.get(v)!);
      blocChange[i].set(ind.code, changeOf(b.totals.get(ind.code)?.get(year), b.totals.get(ind.code)?.get(compareYear)));
    });
  }
  return { rollup: { year, compareYear, period, indicators, blocs, totals, change, share, rank, blocChange } };
}
