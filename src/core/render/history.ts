/**
 * Block VII of the summary, "Diễn biến qua các năm": the bloc total per year, the change against
 * the year before it, the average annual growth, and an index (first year = 100) drawn as a line
 * chart. Every total is a formula: block I's cells for the report and compare years, a SUM of the
 * units' source cells for an earlier year on the unit sheets, the earlier summary's cell otherwise.
 * A year some unit lacks is written as text naming those units, so nothing is summed in part.
 */
import { a1, a1RowFixed, quoteSheet, rangeA1 } from "../a1";
import type { Indicator } from "../catalog";
import type { History } from "../aggregate/history";
import type { Lang } from "../i18n/format";
import { labels } from "../i18n/labels";
import { capitalize, periodText } from "../i18n/period";
import type { AcceptedValue } from "../model";
import type { Period } from "../period";
import type { SheetBuilder } from "../sheet/builder";
import type { Cell, ChartModel } from "../sheet/model";
import { FORMATS } from "../sheet/styles";

export interface HistoryBlockInput {
  history: History;
  indicators: readonly Indicator[];
  firstCol: number;
  width: number;
  lang: Lang;
  period: Period;
  /** Rows of block I holding the report year's and the compare year's bloc totals. */
  totalRows: { year: number; row: number }[];
  formatOf: (ind: Indicator) => string;
  numeral: string;
}

/** One source figure inside a SUM: its cell (converted), or the parsed constant of a text number. */
function term(v: AcceptedValue): string {
  if (v.fromText) return String(v.value);
  const ref = `${quoteSheet(v.sheet)}!${v.cell}`;
  return v.divisor === 1 ? ref : `${ref}/${v.divisor}`;
}

const isNum = (x: unknown): x is number => typeof x === "number" && Number.isFinite(x);

/** Writes block VII from `row`; returns the next free row and the chart. */
export function renderHistoryBlock(b: SheetBuilder, row: number, input: HistoryBlockInput): { row: number; chart: ChartModel | null } {
  const { history, indicators: inds, firstCol, width, lang, period } = input;
  const L = labels(lang);
  const when = (y: number) => capitalize(periodText(period, y, lang));
  let r = row;
  const heading = (text: string, style: "textBold" | "text" = "textBold") => {
    b.title(r, 0, width, text, style);
    r++;
  };
  const rowLabel = (y: number, note?: string) => {
    b.text(r, 2, note ? `${when(y)} (${note})` : when(y), "text");
  };

  heading(L.sectionHistory(input.numeral));
  heading(L.historyTotals, "text");
  const totalRow = new Map<number, number>();
  const cached = new Map<string, number | string>();
  for (const y of history.years) {
    totalRow.set(y.year, r);
    rowLabel(y.year, y.source === "summary" && y.sheet ? L.historyFromSheet(y.sheet) : undefined);
    inds.forEach((ind, k) => {
      const c = firstCol + k;
      const cell = y.cells.get(ind.code);
      const fmt = input.formatOf(ind);
      let planned: Cell;
      if (!cell || cell.value === null) {
        planned = { value: L.historyMissing(cell?.missing.join(", ") ?? ""), style: "warning" };
      } else if (y.source === "figures") {
        const at = input.totalRows.find((t) => t.year === y.year)!.row;
        planned = { formula: a1(at, c), value: cell.value, format: fmt, style: "number" };
      } else if (y.source === "summary") {
        planned = { formula: `${quoteSheet(y.sheet!)}!${cell.cell}`, value: cell.value, format: fmt, style: "number" };
      } else {
        planned = { formula: cell.parts.length ? `SUM(${cell.parts.map(term).join(",")})` : "0", value: cell.value, format: fmt, style: "number" };
      }
      b.set(r, c, planned);
      cached.set(`${y.year}|${c}`, planned.value as number | string);
    });
    r++;
  }
  const years = history.years.map((y) => y.year);
  const val = (y: number, c: number) => cached.get(`${y}|${c}`);

  // Change against the year before it in the table, as a difference and as a rate.
  const pairs = years.slice(1).map((y, i) => ({ y, prev: years[i] }));
  heading(L.historyChange, "text");
  for (const { y, prev } of pairs) {
    rowLabel(y);
    inds.forEach((ind, k) => {
      const c = firstCol + k;
      const [x, p] = [a1(totalRow.get(y)!, c), a1(totalRow.get(prev)!, c)];
      const [vx, vp] = [val(y, c), val(prev, c)];
      b.set(r, c, { formula: `IF(AND(ISNUMBER(${x}),ISNUMBER(${p})),${x}-${p},"")`, value: isNum(vx) && isNum(vp) ? vx - vp : "", format: input.formatOf(ind), style: "number" });
    });
    r++;
  }
  heading(L.historyChangePct, "text");
  for (const { y, prev } of pairs) {
    rowLabel(y);
    inds.forEach((_ind, k) => {
      const c = firstCol + k;
      const [x, p] = [a1(totalRow.get(y)!, c), a1(totalRow.get(prev)!, c)];
      const [vx, vp] = [val(y, c), val(prev, c)];
      b.set(r, c, {
        formula: `IF(AND(ISNUMBER(${x}),ISNUMBER(${p})),IF(${p}=0,"",(${x}-${p})/${p}),"")`,
        value: isNum(vx) && isNum(vp) && vp !== 0 ? (vx - vp) / vp : "",
        format: FORMATS.percent,
        style: "percent",
      });
    });
    r++;
  }

  // Average annual growth from the first year of the table to the report year.
  const first = years[0];
  const last = years[years.length - 1];
  b.text(r, 2, L.historyGrowth(first, last), "textBold");
  inds.forEach((_ind, k) => {
    const c = firstCol + k;
    const [f, l] = [a1(totalRow.get(first)!, c), a1(totalRow.get(last)!, c)];
    const [vf, vl] = [val(first, c), val(last, c)];
    b.set(r, c, {
      formula: `IF(AND(ISNUMBER(${f}),ISNUMBER(${l})),IF(${f}>0,(${l}/${f})^(1/${last - first})-1,""),"")`,
      value: isNum(vf) && isNum(vl) && vf > 0 ? Math.pow(vl / vf, 1 / (last - first)) - 1 : "",
      format: FORMATS.percent,
      style: "percentBold",
    });
  });
  r += 2;

  // The index the chart draws: indicators of very different sizes on one scale.
  heading(L.historyIndex(first), "text");
  const indexFirst = r;
  for (const y of years) {
    rowLabel(y);
    inds.forEach((_ind, k) => {
      const c = firstCol + k;
      const [x, base] = [a1(totalRow.get(y)!, c), a1RowFixed(totalRow.get(first)!, c)];
      const [vx, vb] = [val(y, c), val(first, c)];
      b.set(r, c, {
        formula: `IF(AND(ISNUMBER(${x}),ISNUMBER(${base})),IF(${base}=0,"",${x}/${base}*100),"")`,
        value: isNum(vx) && isNum(vb) && vb !== 0 ? (vx / vb) * 100 : "",
        format: FORMATS.index,
        style: "number",
      });
    });
    r++;
  }
  const indexLast = r - 1;
  const charted = inds.map((ind, k) => ({ ind, c: firstCol + k })).filter((x) => x.ind.required);
  const chart: ChartModel | null = charted.length
    ? {
        kind: "line",
        title: L.historyChartTitle(first),
        categoriesRange: rangeA1(indexFirst, 2, indexLast, 2),
        series: charted.map(({ ind, c }) => ({ name: `${ind.code} ${lang === "vi" ? ind.name : ind.nameEn}`, valuesRange: rangeA1(indexFirst, c, indexLast, c) })),
        anchor: a1(r + 1, 2),
        widthCols: Math.min(10, inds.length),
        heightRows: 20,
      }
    : null;
  return { row: r + 1, chart };
}
