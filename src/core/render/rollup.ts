/**
 * The sector roll-up sheet: one header row of indicators over blocks like the bloc summary's —
 * I sector totals against the compare year, II and III each included bloc's totals with SUM rows,
 * IV each bloc's change, V its share, VI its rank, VII the blocs left out for their errors. A
 * bloc's totals come from another workbook, so they are written as numbers; everything computed
 * from them is a formula with its cached result.
 */
import { a1, a1RowFixed } from "../a1";
import type { Rollup, RollupBloc } from "../aggregate/rollup";
import type { Indicator } from "../catalog";
import type { Lang } from "../i18n/format";
import { issueMessage } from "../i18n/messages";
import { periodText } from "../i18n/period";
import { rollupText } from "../i18n/rollup";
import { OUTPUT_SHEETS } from "../outputSheets";
import type { WritePlan } from "../plan";
import { SheetBuilder } from "../sheet/builder";
import type { Cell } from "../sheet/model";
import { FORMATS, indicatorFormat as formatOf } from "../sheet/styles";
import { headerRow } from "./summary";

const FIRST_COL = 3;

export function renderRollup(r: Rollup, lang: Lang, builtAt: string): WritePlan {
  const T = rollupText(lang);
  const P = (y: number) => periodText(r.period, y, lang);
  const inds = r.indicators;
  const width = FIRST_COL + inds.length;
  const included = r.blocs.filter((b) => b.included);
  const at = (bl: RollupBloc) => r.blocs.indexOf(bl);
  const excluded = r.blocs.filter((b) => !b.included);
  const b = new SheetBuilder();

  b.title(0, 0, width, T.title(P(r.year)), "title");
  b.title(1, 0, width, T.note(builtAt, r.blocs.length), "marker");
  b.title(2, 0, width, excluded.length ? T.statusErrors(excluded.length, r.blocs.length) : T.statusClean(r.blocs.length), excluded.length ? "error" : "subtitle");
  const H = 3;
  headerRow(b, H, [T.stt, T.bloc, T.file], FIRST_COL, inds, lang);

  let row = H + 1;
  const section = (text: string) => {
    b.title(row, 0, width, text, "textBold");
    row++;
  };
  const blocLabel = (bl: RollupBloc, i: number) => {
    b.set(row, 0, { value: i + 1, style: "text", format: FORMATS.rank });
    b.text(row, 1, bl.bloc);
    b.text(row, 2, bl.file);
  };

  section(T.sectionSector(P(r.year), P(r.compareYear)));
  const [rowCur, rowCmp, rowChange, rowPct] = [row, row + 1, row + 2, row + 3];
  row += 5;

  // II and III: the included blocs' totals, added up by SUM.
  const blocBlock = (n: string, y: number) => {
    section(T.sectionBlocs(n, P(y)));
    const first = row;
    included.forEach((bl, i) => {
      blocLabel(bl, i);
      inds.forEach((ind, k) => {
        const v = bl.totals.get(ind.code)?.get(y);
        b.set(row, FIRST_COL + k, v === undefined ? { style: "rejected" } : { value: v, format: formatOf(ind), style: "number" });
      });
      row++;
    });
    const last = row - 1;
    b.sumRow(row, T.total, FIRST_COL, inds, first, last, (ind) => r.totals.get(ind.code)?.get(y));
    const total = row;
    row += 2;
    return { first, last, total };
  };
  const cur = blocBlock("II", r.year);
  const prev = blocBlock("III", r.compareYear);

  b.text(rowCur, 2, T.sectorTotal(P(r.year)), "textBold");
  b.text(rowCmp, 2, T.sectorTotal(P(r.compareYear)), "textBold");
  b.text(rowChange, 2, T.change);
  b.text(rowPct, 2, T.changePct);
  inds.forEach((ind, k) => {
    const c = FIRST_COL + k;
    const tCur = r.totals.get(ind.code)?.get(r.year) ?? 0;
    const tCmp = r.totals.get(ind.code)?.get(r.compareYear) ?? 0;
    b.set(rowCur, c, { formula: a1(cur.total, c), value: tCur, format: formatOf(ind), style: "numberBold" });
    b.set(rowCmp, c, { formula: a1(prev.total, c), value: tCmp, format: formatOf(ind), style: "number" });
    b.set(rowChange, c, { formula: `${a1(rowCur, c)}-${a1(rowCmp, c)}`, value: tCur - tCmp, format: formatOf(ind), style: "number" });
    b.set(rowPct, c, {
      formula: `IF(${a1(rowCmp, c)}=0,"",${a1(rowChange, c)}/${a1(rowCmp, c)})`,
      value: tCmp === 0 ? "" : (tCur - tCmp) / tCmp,
      format: FORMATS.percent,
      style: "percent",
    });
  });

  // IV–VI: per-bloc formulas over blocks II and III.
  const derived = (title: string, cell: (bl: RollupBloc, i: number, ind: Indicator, c: number) => Cell) => {
    section(title);
    included.forEach((bl, i) => {
      blocLabel(bl, i);
      inds.forEach((ind, k) => b.set(row, FIRST_COL + k, cell(bl, i, ind, FIRST_COL + k)));
      row++;
    });
    row++;
  };
  const num = (x: unknown): x is number => typeof x === "number";
  derived(T.sectionChange("IV", P(r.year), P(r.compareYear)), (bl, i, ind, c) => {
    const [x, p] = [a1(cur.first + i, c), a1(prev.first + i, c)];
    const pct = r.blocChange[at(bl)].get(ind.code)?.pct;
    return { formula: `IF(AND(ISNUMBER(${x}),ISNUMBER(${p})),IF(${p}=0,"",(${x}-${p})/${p}),"")`, value: num(pct) ? pct : "", format: FORMATS.percent, style: "percent" };
  });
  derived(T.sectionShare("V", P(r.year)), (bl, i, ind, c) => {
    const [x, t] = [a1(cur.first + i, c), a1RowFixed(cur.total, c)];
    const share = r.share[at(bl)].get(ind.code);
    return { formula: `IF(AND(ISNUMBER(${x}),${t}<>0),${x}/${t},"")`, value: num(share) ? share : "", format: FORMATS.percent, style: "percent" };
  });
  derived(T.sectionRank("VI", P(r.year)), (bl, i, ind, c) => {
    const x = a1(cur.first + i, c);
    const range = `${a1RowFixed(cur.first, c)}:${a1RowFixed(cur.last, c)}`;
    return { formula: `IF(ISNUMBER(${x}),RANK(${x},${range}),"")`, value: r.rank[at(bl)].get(ind.code) ?? "", format: FORMATS.rank, style: "number" };
  });

  // VII: the blocs left out, said on the sheet.
  section(T.sectionExcluded("VII"));
  if (!excluded.length) b.title(row++, 0, width, T.noneExcluded, "text");
  else {
    b.text(row, FIRST_COL, T.errors, "textBold");
    b.text(row, FIRST_COL + 1, T.firstError, "textBold");
    row++;
  }
  excluded.forEach((bl, i) => {
    blocLabel(bl, i);
    b.set(row, FIRST_COL, { value: bl.errors, format: FORMATS.count, style: "error" });
    const first = bl.result.issues.find((x) => x.severity === "error");
    if (first) b.title(row, FIRST_COL + 1, Math.max(1, inds.length - 1), `${first.sheet}!${first.cell}: ${issueMessage(first, lang, bl.result.catalog)}`, "text");
    row++;
  });

  const name = OUTPUT_SHEETS.rollup(r.year, r.period);
  const sheet = b.build(name, "summary", {
    columnWidths: [6, 30, 24, ...inds.map(() => 15)],
    freeze: { rows: H + 1, cols: FIRST_COL },
    print: { orientation: "landscape", fitToWidth: true },
    charts: [],
    tabColor: "1F4E79",
  });
  return { sheets: [sheet], remove: [], activate: name };
}
