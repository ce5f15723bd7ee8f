/**
 * "Tổng hợp <year>": one header row of indicators serves every block below it, so it can be frozen.
 * Unit figures are formulas pointing at their source cells; totals are SUMs; every formula carries
 * its cached result so a viewer that does not recalculate still shows the numbers.
 */
import { a1, a1RowFixed, quoteSheet, rangeA1 } from "../a1";
import type { Indicator } from "../catalog";
import type { Figures } from "../aggregate/figures";
import type { Lang } from "../i18n/format";
import { labels } from "../i18n/labels";
import type { AcceptedValue, BlocConfig, Catalog, RosterUnit, UnitReport } from "../model";
import { SheetBuilder } from "../sheet/builder";
import type { Cell, ChartModel, SheetModel } from "../sheet/model";
import { FORMATS, indicatorFormat } from "../sheet/styles";
import type { History } from "../aggregate/history";
import { periodText } from "../i18n/period";
import type { Period } from "../period";
import { renderHistoryBlock } from "./history";
import { markerText } from "../marker";

export interface SummaryInput {
  config: BlocConfig;
  roster: readonly RosterUnit[];
  reports: readonly UnitReport[];
  catalog: Catalog;
  figures: Figures;
  lang: Lang;
  builtAt: string;
  errors: number;
  warnings: number;
  sheetName: string;
  /** "4/6 đơn vị đã xác nhận…", or null when the roster does not track confirmation. */
  confirmation?: string | null;
  /** The period reported (the year by default): titles say "6 tháng đầu năm 2024" and so on. */
  period?: Period;
  /** The trend over the years; block VII is written when it holds more than the two years of block I. */
  history?: History | null;
}

const FIRST_IND_COL = 3;

/** The summary cell of one unit figure: a formula at its source, or a constant for parsed text. */
export function figureCell(v: AcceptedValue, format: string): Cell {
  if (v.fromText) return { value: v.value, format, style: "number" };
  const ref = `${quoteSheet(v.sheet)}!${v.cell}`;
  return { formula: v.divisor === 1 ? ref : `${ref}/${v.divisor}`, value: v.value, format, style: "number" };
}

/**
 * The one header row of the summary and of sheets laid out like it (the roll-up): three label
 * columns, then per indicator "code / name / (unit)" — the code on the first line, where a later
 * build finds it again (read/earlierSummaries).
 */
export function headerRow(b: SheetBuilder, row: number, labels: readonly [string, string, string], firstCol: number, inds: readonly Indicator[], lang: Lang): void {
  labels.forEach((text, c) => b.text(row, c, text, "header"));
  inds.forEach((ind, i) => b.text(row, firstCol + i, `${ind.code}\n${lang === "vi" ? ind.name : ind.nameEn}\n(${lang === "vi" ? ind.unit : ind.unitEn})`, "header"));
  b.rowHeights[row] = 78;
}

export function renderSummary(input: SummaryInput): SheetModel {
  const { config, roster, reports, catalog, figures, lang } = input;
  const L = labels(lang);
  const inds = catalog.indicators;
  const lastCol = FIRST_IND_COL + inds.length - 1;
  const width = lastCol + 1;
  const year = figures.year;
  const cmp = figures.compareYear;
  const byUnit = new Map(reports.map((r) => [r.unit.code, r]));
  const period = input.period ?? "year";
  const P = (y: number) => periodText(period, y, lang);
  const b = new SheetBuilder();

  b.title(0, 0, width, L.summaryTitle(config.bloc, P(year)), "title");
  b.title(1, 0, width, `${L.generatedNote(input.builtAt)} ${markerText("summary")}`, "marker");
  const status = input.errors ? L.statusErrors(input.errors, input.warnings) : input.warnings ? L.statusWarnings(input.warnings) : L.statusClean;
  b.title(2, 0, width, input.confirmation ? `${status} ${input.confirmation}` : status, input.errors ? "error" : input.warnings ? "warning" : "subtitle");

  // The one header row.
  const H = 3;
  headerRow(b, H, [L.stt, L.code, L.unitName], FIRST_IND_COL, inds, lang);

  let r = H + 1;
  const section = (text: string) => {
    b.title(r, 0, width, text, "textBold");
    r++;
  };

  // I. Bloc totals: four rows referring to the totals of blocks II and III (filled in below).
  section(L.sectionBloc(P(year), P(cmp)));
  const rowTotalCur = r;
  const rowTotalCmp = r + 1;
  const rowChange = r + 2;
  const rowChangePct = r + 3;
  r += 4;
  r++; // blank line

  // II and III: each unit's figures for the report year and the compare year, with SUM totals.
  const unitBlock = (n: string, y: number): { first: number; last: number; total: number } => {
    section(L.sectionYear(n, P(y)));
    const first = r;
    roster.forEach((u, i) => {
      b.set(r, 0, { value: i + 1, style: "text", format: FORMATS.rank });
      b.text(r, 1, u.code);
      b.text(r, 2, u.name);
      const rep = byUnit.get(u.code);
      inds.forEach((ind, k) => {
        const v = rep?.values.get(ind.code)?.get(y);
        b.set(r, FIRST_IND_COL + k, v ? figureCell(v, indicatorFormat(ind)) : { style: "rejected" });
      });
      r++;
    });
    const last = r - 1;
    b.sumRow(r, L.total, FIRST_IND_COL, inds, first, last, (ind) => figures.totals.get(ind.code)?.get(y));
    const total = r;
    r += 2;
    return { first, last, total };
  };
  const cur = unitBlock("II", year);
  const prev = unitBlock("III", cmp);

  // Fill block I now that the total rows are known.
  b.text(rowTotalCur, 2, L.blocTotal(P(year)), "textBold");
  b.text(rowTotalCmp, 2, L.blocTotal(P(cmp)), "textBold");
  b.text(rowChange, 2, L.change, "text");
  b.text(rowChangePct, 2, L.changePct, "text");
  inds.forEach((ind, k) => {
    const c = FIRST_IND_COL + k;
    const tCur = figures.totals.get(ind.code)?.get(year) ?? 0;
    const tCmp = figures.totals.get(ind.code)?.get(cmp) ?? 0;
    const fmt = indicatorFormat(ind);
    b.set(rowTotalCur, c, { formula: a1(cur.total, c), value: tCur, format: fmt, style: "numberBold" });
    b.set(rowTotalCmp, c, { formula: a1(prev.total, c), value: tCmp, format: fmt, style: "number" });
    b.set(rowChange, c, { formula: `${a1(rowTotalCur, c)}-${a1(rowTotalCmp, c)}`, value: tCur - tCmp, format: fmt, style: "number" });
    b.set(rowChangePct, c, {
      formula: `IF(${a1(rowTotalCmp, c)}=0,"",${a1(rowChange, c)}/${a1(rowTotalCmp, c)})`,
      value: tCmp === 0 ? "" : (tCur - tCmp) / tCmp,
      format: FORMATS.percent,
      style: "percent",
    });
  });

  // IV–VI: per-unit derived blocks, each a formula over blocks II and III.
  const derivedBlock = (title: string, cell: (u: RosterUnit, i: number, ind: Indicator, c: number) => Cell): { first: number; last: number } => {
    section(title);
    const first = r;
    roster.forEach((u, i) => {
      b.set(r, 0, { value: i + 1, style: "text", format: FORMATS.rank });
      b.text(r, 1, u.code);
      b.text(r, 2, u.name);
      inds.forEach((ind, k) => b.set(r, FIRST_IND_COL + k, cell(u, i, ind, FIRST_IND_COL + k)));
      r++;
    });
    const last = r - 1;
    r++;
    return { first, last };
  };
  const val = (u: RosterUnit, ind: Indicator, y: number) => byUnit.get(u.code)?.values.get(ind.code)?.get(y)?.value;

  derivedBlock(L.sectionChange("IV", P(year), P(cmp)), (u, i, ind, c) => {
    const x = a1(cur.first + i, c);
    const p = a1(prev.first + i, c);
    const vx = val(u, ind, year);
    const vp = val(u, ind, cmp);
    return {
      formula: `IF(AND(ISNUMBER(${x}),ISNUMBER(${p})),IF(${p}=0,"",(${x}-${p})/${p}),"")`,
      value: vx === undefined || vp === undefined || vp === 0 ? "" : (vx - vp) / vp,
      format: FORMATS.percent,
      style: "percent",
    };
  });
  const share = derivedBlock(L.sectionShare("V", P(year)), (u, i, ind, c) => {
    const x = a1(cur.first + i, c);
    const t = a1RowFixed(cur.total, c);
    const vx = val(u, ind, year);
    const total = figures.totals.get(ind.code)?.get(year) ?? 0;
    return {
      formula: `IF(AND(ISNUMBER(${x}),${t}<>0),${x}/${t},"")`,
      value: vx === undefined || total === 0 ? "" : vx / total,
      format: FORMATS.percent,
      style: "percent",
    };
  });
  derivedBlock(L.sectionRank("VI", P(year)), (u, i, ind, c) => {
    const x = a1(cur.first + i, c);
    const range = `${a1RowFixed(cur.first, c)}:${a1RowFixed(cur.last, c)}`;
    const rank = figures.rank.get(u.code)?.get(ind.code);
    return { formula: `IF(ISNUMBER(${x}),RANK(${x},${range}),"")`, value: rank ?? "", format: FORMATS.rank, style: "number" };
  });

  // VII. The trend, when the workbook holds more years than block I shows.
  const trendCharts: ChartModel[] = [];
  if (input.history && input.history.years.length > 2) {
    const trend = renderHistoryBlock(b, r, {
      history: input.history,
      indicators: inds,
      firstCol: FIRST_IND_COL,
      width,
      lang,
      period,
      totalRows: [
        { year, row: rowTotalCur },
        { year: cmp, row: rowTotalCmp },
      ],
      formatOf: indicatorFormat,
      numeral: "VII",
    });
    r = trend.row;
    if (trend.chart) {
      trendCharts.push(trend.chart);
      r += trend.chart.heightRows + 1;
    }
  }

  // A chart of the required indicators' shares: comparable scales (0–100 %) across indicators.
  const charted = inds.map((ind, k) => ({ ind, c: FIRST_IND_COL + k })).filter((x) => x.ind.required);
  const charts =
    roster.length && charted.length
      ? [
          {
            title: L.chartTitle(P(year)),
            categoriesRange: rangeA1(share.first, 2, share.last, 2),
            series: charted.map(({ ind, c }) => ({ name: `${ind.code} ${lang === "vi" ? ind.name : ind.nameEn}`, valuesRange: rangeA1(share.first, c, share.last, c) })),
            anchor: a1(r + 1, 2),
            widthCols: Math.min(10, inds.length),
            heightRows: 20,
          },
        ]
      : [];

  return b.build(input.sheetName, "summary", {
    columnWidths: [6, 10, 34, ...inds.map(() => 15)],
    freeze: { rows: H + 1, cols: FIRST_IND_COL },
    print: { orientation: "landscape", fitToWidth: true },
    charts: [...trendCharts, ...charts],
    tabColor: "1F4E79",
  });
}
