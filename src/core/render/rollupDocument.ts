/**
 * The sector roll-up as a document (báo cáo tổng hợp), Nghị định 30/2020 layout with the
 * submission's kit: the sector's totals against the compare year, then each bloc's main figures,
 * and the blocs left out for their errors.
 */
import type { Rollup } from "../aggregate/rollup";
import type { Block, DocumentModel } from "../document";
import { awardText } from "../i18n/awards";
import { formatNumber, formatPercent, type Lang } from "../i18n/format";
import { capitalize, periodText } from "../i18n/period";
import { rollupText } from "../i18n/rollup";
import { body, dataTable, documentHeader, heading, joinNames, newDocument, para, recipientsOf, rule, signatureBlock } from "./submission";

export function buildRollupDocument(r: Rollup, lang: Lang): DocumentModel {
  const a = awardText(lang);
  const T = rollupText(lang);
  const when = periodText(r.period, r.year, lang);
  const cmp = periodText(r.period, r.compareYear, lang);
  const included = r.blocs.filter((b) => b.included);
  const excluded = r.blocs.filter((b) => !b.included);
  const n = (v: number | undefined, money: boolean) => (v === undefined ? "—" : formatNumber(v, lang, { maxDecimals: money ? 3 : 0 }));
  const blocks: Block[] = [];

  // The roll-up is signed where the first bloc signs its papers, in the year after a whole year.
  const place = r.blocs[0]?.result.config.place ?? "";
  blocks.push(documentHeader(T.docIssuer, a.number("BC", ""), a.date(place, r.period === "year" || r.period === "q4" ? r.year + 1 : r.year), a));
  blocks.push(para([{ text: lang === "vi" ? "BÁO CÁO" : "REPORT", bold: true }], { align: "center", spacingBeforePt: 18 }));
  blocks.push(para([{ text: T.docSubject(when), bold: true }], { align: "center" }));
  blocks.push(rule(20, 14));
  blocks.push(body(T.docIntro(r.blocs.length, when)));

  blocks.push(heading(T.docResults(when)));
  const rows = r.indicators
    .filter((ind) => r.totals.get(ind.code)?.has(r.year))
    .map((ind, i) => {
      const money = ind.kind === "money";
      const pct = r.change.get(ind.code)?.pct;
      return [
        String(i + 1),
        lang === "vi" ? ind.name : ind.nameEn,
        lang === "vi" ? ind.unit : ind.unitEn,
        n(r.totals.get(ind.code)!.get(r.year), money),
        n(r.totals.get(ind.code)!.get(r.compareYear), money),
        pct === null || pct === undefined ? "—" : `${pct > 0 ? "+" : ""}${formatPercent(pct, lang)}`,
      ];
    });
  blocks.push(
    dataTable(
      [7, 41, 12, 14, 14, 12],
      [a.colStt, lang === "vi" ? "Chỉ tiêu" : "Indicator", lang === "vi" ? "ĐVT" : "Unit", capitalize(when), capitalize(cmp), lang === "vi" ? "Tăng/giảm" : "Change"],
      rows,
      ["center", "left", "center", "right", "right", "right"],
      11,
    ),
  );

  blocks.push(heading(T.docBlocs));
  const main = r.indicators.filter((ind) => ind.required);
  blocks.push(
    dataTable(
      [6, 30, ...main.map(() => 64 / Math.max(1, main.length))],
      [a.colStt, T.bloc, ...main.map((ind) => ind.code)],
      included.map((b, i) => [String(i + 1), b.bloc, ...main.map((ind) => n(b.totals.get(ind.code)?.get(r.year), ind.kind === "money"))]),
      ["center", "left", ...main.map(() => "right" as const)],
      10,
    ),
  );
  const legend = main.map((ind) => `${ind.code}: ${lang === "vi" ? `${ind.name} (${ind.unit})` : `${ind.nameEn} (${ind.unitEn})`}`).join("; ");
  blocks.push(para([{ text: legend, italic: true, size: 11 }], { align: "justify", spacingAfterPt: 6 }));
  if (excluded.length)
    blocks.push(
      body(
        T.docExcluded(
          joinNames(
            excluded.map((b) => b.bloc),
            lang,
          ),
        ),
      ),
    );
  blocks.push(body(T.docClosing));
  blocks.push(para("", { spacingAfterPt: 6 }));
  blocks.push(signatureBlock(recipientsOf(a, T.docRecipients), T.docSigner, ""));
  return newDocument(`${lang === "vi" ? "BÁO CÁO" : "REPORT"} — ${T.docSubject(when)}`, blocks);
}
