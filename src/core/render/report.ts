/**
 * The bloc's report of results for a period other than the year (báo cáo sơ kết 6 tháng, 9 tháng,
 * báo cáo quý): Nghị định 30/2020 layout with the submission's kit — header, number, date, title,
 * the results written the Vietnamese way and compared with the same period of the compare year, a
 * table of the main indicators, directions for the rest of the year, recipients and signature.
 * No award is proposed: awards belong to the year-end review (SPEC §11).
 */
import type { Block, DocumentModel } from "../document";
import { awardText } from "../i18n/awards";
import { formatNumber, formatPercent } from "../i18n/format";
import { capitalize, periodText } from "../i18n/period";
import { reportText } from "../i18n/report";
import { isReview, type Period } from "../period";
import {
  blocName,
  body,
  compareSentence,
  dataTable,
  documentHeader,
  heading,
  joinNames,
  leaderName,
  newDocument,
  para,
  recipientsOf,
  reportYear,
  resultsSentence,
  rule,
  signatureBlock,
  type SubmissionInput,
} from "./submission";

/** What follows the period, for the directions section. */
function restOf(period: Period, year: number, t: ReturnType<typeof reportText>): string {
  if (period === "6m") return t.rest["6m"](year);
  if (period === "9m") return t.rest["9m"](year);
  const q = /^q([1-4])$/.exec(period);
  if (q && Number(q[1]) < 4) return t.rest.quarter(Number(q[1]) + 1, year);
  return t.rest.year(year + 1);
}

export function buildPeriodReport(input: SubmissionInput & { period: Period }): DocumentModel {
  const { config, roster, catalog, figures, lang, period } = input;
  const a = awardText(lang);
  const t = reportText(lang);
  const year = reportYear(input);
  const when = periodText(period, year, lang);
  const review = isReview(period);
  const bloc = blocName(config, lang);
  const leader = leaderName(config, roster);
  const blocks: Block[] = [];

  // A fourth quarter is reported once the year has closed.
  blocks.push(documentHeader(leader, a.number("BC", config.abbreviation || config.leader), a.date(config.place, period === "q4" ? year + 1 : year), a));
  blocks.push(para([{ text: t.title, bold: true }], { align: "center", spacingBeforePt: 18 }));
  blocks.push(para([{ text: t.subject(when, bloc, review), bold: true }], { align: "center" }));
  blocks.push(rule(20, 14));
  blocks.push(body(t.intro(config.basis, leader, bloc, year, when, review)));

  blocks.push(heading(t.sectionResults(when)));
  blocks.push(
    body(
      t.units(
        capitalize(when),
        bloc,
        joinNames(
          roster.map((u) => u.name),
          lang,
        ),
        config.theme,
      ),
    ),
  );
  if (figures) {
    const r = resultsSentence(figures, lang, a);
    if (r) blocks.push(body(r));
    const c = compareSentence(figures, lang, a, period);
    if (c) blocks.push(body(c));
    const rows = catalog.indicators
      .filter((ind) => figures.totals.get(ind.code)?.has(figures.year))
      .map((ind, i) => {
        const cur = figures.totals.get(ind.code)!.get(figures.year)!;
        const prev = figures.totals.get(ind.code)?.get(figures.compareYear);
        const pct = figures.change.get(ind.code)?.pct;
        const n = (v: number) => formatNumber(v, lang, { maxDecimals: ind.kind === "money" ? 3 : 0 });
        return [
          String(i + 1),
          lang === "vi" ? ind.name : ind.nameEn,
          lang === "vi" ? ind.unit : ind.unitEn,
          n(cur),
          prev === undefined ? "—" : n(prev),
          pct === null || pct === undefined ? "—" : `${pct > 0 ? "+" : ""}${formatPercent(pct, lang)}`,
        ];
      });
    if (rows.length) {
      blocks.push(body(t.tableIntro));
      blocks.push(
        dataTable(
          [7, 41, 12, 14, 14, 12],
          [t.colStt, t.colIndicator, t.colUnit, capitalize(when), capitalize(periodText(period, figures.compareYear, lang)), t.colChange],
          rows,
          ["center", "left", "center", "right", "right", "right"],
          11,
        ),
      );
    }
  }
  blocks.push(body(t.noAwards));

  blocks.push(heading(t.sectionNext(restOf(period, year, t))));
  blocks.push(body(t.next(bloc, period === "q4" ? year + 1 : year)));
  blocks.push(body(t.closing(when, bloc, review)));
  blocks.push(para("", { spacingAfterPt: 6 }));
  blocks.push(signatureBlock(recipientsOf(a, t.recipientList), config.signerTitle || leader, config.signer));
  return newDocument(`${t.title} — ${t.subject(when, bloc, review)}`, blocks);
}
