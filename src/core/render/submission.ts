/**
 * The award submission (tờ trình, SPEC §6) as a document model, laid out after Nghị định
 * 30/2020/NĐ-CP: A4 portrait, Times New Roman 14 pt, margins 20/20/30/15 mm, the two-column header
 * (issuing unit | national title), number and date, title, subject, addressee, body, recipients and
 * signature. The .docx writer and the "Tờ trình <year>" sheet both lay out this one model.
 */
import type { Figures } from "../aggregate/figures";
import type { AwardResult } from "../awards/rule";
import type { Block, DocumentModel, Paragraph, Run, Table, TableCellModel } from "../document";
import { awardText, type AwardText } from "../i18n/awards";
import { formatNumber, formatPercent, formatWhole, type Lang } from "../i18n/format";
import type { BlocConfig, Catalog, RosterUnit } from "../model";
import { resolveUnit } from "../read/config";
import type { ScoreSheet } from "../read/scores";
import { samePeriodText } from "../i18n/period";
import type { Period } from "../period";

export const DOC_FONT = "Times New Roman";
export const DOC_SIZE = 14;
/** Nghị định 30/2020: top/bottom 20–25 mm, left 30–35 mm, right 15–20 mm. */
export const DOC_MARGINS = { top: 20, bottom: 20, left: 30, right: 15 } as const;
/** Smaller texts of the layout: header lines 13 pt, the national title 12–13 pt, recipients 11–12 pt. */
const SIZE_HEADER = 13;
const SIZE_RECIPIENTS_LABEL = 12;
const SIZE_RECIPIENTS = 11;
const SIZE_TABLE = 13;
const INDENT_MM = 12.7;

export interface SubmissionInput {
  config: BlocConfig;
  roster: readonly RosterUnit[];
  catalog: Catalog;
  figures: Figures | null;
  scores: ScoreSheet | null;
  awards: AwardResult | null;
  lang: Lang;
}

// ---- small builders, shared with the minutes ----

export function para(runs: Run[] | string, opts: Omit<Paragraph, "type" | "runs"> = {}): Paragraph {
  return { type: "paragraph", runs: typeof runs === "string" ? [{ text: runs }] : runs, ...opts };
}

/** A body paragraph: justified, first line indented, 6 pt after. */
export function body(text: string | Run[]): Paragraph {
  return para(text, { align: "justify", firstLineIndentMm: INDENT_MM, spacingAfterPt: 6 });
}

export function heading(text: string): Paragraph {
  return para([{ text, bold: true }], { align: "justify", firstLineIndentMm: INDENT_MM, spacingAfterPt: 6, spacingBeforePt: 6, keepWithNext: true });
}

/** The short horizontal rule under the issuing unit and the motto: underlined non-breaking spaces. */
export function rule(chars: number, size = SIZE_HEADER): Paragraph {
  return para([{ text: "\u00a0".repeat(chars), underline: true, size }], { align: "center", spacingAfterPt: 6 });
}

export function isRule(p: Paragraph): boolean {
  return p.runs.length > 0 && p.runs.every((r) => r.underline && /^[\s\u00a0]+$/.test(r.text));
}

function cell(paragraphs: Paragraph[]): TableCellModel {
  return { paragraphs };
}

/** The header of Nghị định 30: issuing unit and number left, national title and date right. */
export function documentHeader(issuer: string, numberText: string, dateText: string, t: AwardText): Table {
  const org = issuer.toUpperCase();
  return {
    type: "table",
    columns: [40, 60],
    borders: false,
    rows: [
      {
        cells: [
          cell([para([{ text: org, bold: true, size: SIZE_HEADER }], { align: "center" }), rule(Math.max(16, Math.min(36, org.length)))]),
          cell([
            para([{ text: t.nation, bold: true, size: SIZE_HEADER - 1 }], { align: "center" }),
            para([{ text: t.motto, bold: true, size: SIZE_HEADER }], { align: "center" }),
            rule(t.motto.length + 12),
          ]),
        ],
      },
      {
        cells: [
          cell([para([{ text: numberText, size: SIZE_HEADER }], { align: "center" })]),
          cell([para([{ text: dateText, italic: true, size: SIZE_HEADER }], { align: "center" })]),
        ],
      },
    ],
  };
}

/** Recipients left, signature right. */
export function signatureBlock(left: Paragraph[], title: string, signer: string): Table {
  const titleLines = title
    .split(/\n/)
    .filter(Boolean)
    .map((l) => para([{ text: l.toUpperCase(), bold: true }], { align: "center" }));
  return {
    type: "table",
    columns: [45, 55],
    borders: false,
    rows: [
      {
        cells: [cell(left.length ? left : [para("")]), cell([...titleLines, para(""), para(""), para(""), para(""), para([{ text: signer, bold: true }], { align: "center" })])],
      },
    ],
  };
}

export function recipients(t: AwardText): Paragraph[] {
  return recipientsOf(t, t.recipientList);
}

/** "Nơi nhận:" and a document's own list of recipients. */
export function recipientsOf(t: AwardText, list: readonly string[]): Paragraph[] {
  return [para([{ text: t.recipients, bold: true, italic: true, size: SIZE_RECIPIENTS_LABEL }]), ...list.map((l) => para([{ text: l, size: SIZE_RECIPIENTS }]))];
}

/** A bordered table with a bold centred header row. */
export function dataTable(columns: number[], header: string[], rows: string[][], align: ("left" | "center" | "right")[], size = SIZE_TABLE): Table {
  const c = (text: string, a: "left" | "center" | "right", bold = false): TableCellModel => ({ paragraphs: [para([{ text, bold, size }], { align: a })] });
  return {
    type: "table",
    columns,
    borders: true,
    rows: [{ header: true, cells: header.map((h) => c(h, "center", true)) }, ...rows.map((r) => ({ cells: r.map((x, i) => c(x, align[i] ?? "left")) }))],
  };
}

export function newDocument(title: string, blocks: Block[]): DocumentModel {
  return { title, font: DOC_FONT, sizePt: DOC_SIZE, page: { size: "A4", orientation: "portrait", marginsMm: { ...DOC_MARGINS } }, blocks };
}

/** A unit's full name from a code, a name, or "BTC - Thanh tra Bộ Tài chính". */
export function unitName(text: string, roster: readonly RosterUnit[]): string {
  if (!text.trim()) return "";
  return resolveUnit(text, roster).name;
}

/** "A, B và C" / "A, B and C". */
export function joinNames(names: string[], lang: Lang): string {
  if (names.length <= 1) return names.join("");
  return `${names.slice(0, -1).join(", ")} ${lang === "vi" ? "và" : "and"} ${names[names.length - 1]}`;
}

export function formatScore(n: number, lang: Lang): string {
  return formatNumber(n, lang, { maxDecimals: 2 });
}

export function reportYear(input: { config: BlocConfig; figures: Figures | null }): number {
  return input.figures?.year ?? input.config.year ?? 0;
}

export function blocName(config: BlocConfig, lang: Lang): string {
  return config.bloc || (lang === "vi" ? "Khối thi đua" : "the emulation bloc");
}

export function leaderName(config: BlocConfig, roster: readonly RosterUnit[]): string {
  return unitName(config.leader, roster) || config.signerTitle || "";
}

// ---- the bloc's results, written from the figures ----

function total(figures: Figures, code: string, year: number): number | null {
  return figures.totals.get(code)?.get(year) ?? null;
}

export function resultsSentence(figures: Figures, lang: Lang, t: AwardText): string | null {
  const y = figures.year;
  const whole = (code: string) => {
    const v = total(figures, code, y);
    return v === null ? null : formatWhole(v, lang);
  };
  const parts: string[] = [];
  const tt01 = whole("TT01");
  if (tt01 !== null) parts.push(t.inspections(tt01));
  const money = total(figures, "TT03", y);
  if (money !== null) parts.push(t.money(formatWhole(money, lang), Math.abs(money - Math.trunc(money)) > 1e-9));
  const visits = whole("TCD01");
  const people = whole("TCD02");
  if (visits !== null || people !== null) parts.push(t.reception(visits, people));
  const apps = whole("XLD01");
  if (apps !== null) parts.push(t.applications(apps));
  const cases = whole("GQ01");
  if (cases !== null) parts.push(t.cases(cases));
  return parts.length ? t.results(parts) : null;
}

/** "So với năm 2022, …" — or "So với cùng kỳ năm 2023, …" for a part of the year. */
export function compareSentence(figures: Figures, lang: Lang, t: AwardText, period: Period = "year"): string | null {
  const parts: string[] = [];
  for (const code of Object.keys(t.cmpNames)) {
    const pct = figures.change.get(code)?.pct;
    if (pct === null || pct === undefined) continue;
    parts.push(t.change(t.cmpNames[code], pct, formatPercent(Math.abs(pct), lang)));
  }
  return parts.length ? t.compare(samePeriodText(period, figures.compareYear, lang), parts) : null;
}

// ---- the document ----

export function buildSubmission(input: SubmissionInput): DocumentModel {
  const { config, roster, figures, scores, awards, lang } = input;
  const t = awardText(lang);
  const year = reportYear(input);
  const bloc = blocName(config, lang);
  const leader = leaderName(config, roster);
  const nameOf = (code: string) => roster.find((u) => u.code === code)?.name ?? code;
  const abbr = config.abbreviation || config.leader;
  const blocks: Block[] = [];

  blocks.push(documentHeader(leader, t.number("TTr", abbr), t.date(config.place, year + 1), t));
  blocks.push(para([{ text: t.submissionTitle, bold: true }], { align: "center", spacingBeforePt: 18 }));
  blocks.push(para([{ text: t.submissionSubject(year), bold: true }], { align: "center" }));
  blocks.push(rule(20, DOC_SIZE));
  blocks.push(para(t.to, { align: "center", spacingAfterPt: 12 }));

  if (config.basis) blocks.push(body(t.basis(config.basis)));
  if (config.covenant) blocks.push(body(t.covenant(config.covenant)));
  blocks.push(body(t.scoringBasis(bloc, year)));
  blocks.push(body(t.intro(leader, bloc, year)));

  // I. Results.
  blocks.push(heading(t.sectionResults(year)));
  blocks.push(
    body(
      t.units(
        bloc,
        year,
        joinNames(
          roster.map((u) => u.name),
          lang,
        ),
        config.theme,
      ),
    ),
  );
  if (figures) {
    const r = resultsSentence(figures, lang, t);
    if (r) blocks.push(body(r));
    const c = compareSentence(figures, lang, t);
    if (c) blocks.push(body(c));
  }

  // II. Scores.
  blocks.push(heading(t.sectionScores));
  if (!scores || !awards) {
    blocks.push(body(t.noScores));
  } else {
    const maxTotal = scores.criteria.reduce((s, c) => s + (c.max ?? 0), 0);
    blocks.push(body(t.scoresIntro(scores.criteria.length, formatScore(maxTotal, lang))));
    blocks.push(
      dataTable(
        [9, 55, 18, 18],
        [t.colStt, t.colUnit, t.colTotal, t.colRank],
        awards.ranking.map((r, i) => [String(i + 1), nameOf(r.code), formatScore(r.score, lang), String(r.rank)]),
        ["center", "left", "center", "center"],
      ),
    );
  }

  // III. Proposal.
  blocks.push(heading(t.sectionProposal));
  if (awards && scores) {
    const row = (code: string) => scores.rows.find((r) => r.code === code);
    const rankOf = (code: string) => awards.ranking.find((r) => r.code === code);
    const line = (award: "flag" | "merit", codes: string[]) => {
      const out: Paragraph[] = [];
      for (const code of codes) {
        const rk = rankOf(code)!;
        const votes = award === "flag" ? (scores.hasFlagVotes ? row(code)?.flagVotes : null) : scores.hasMeritVotes ? row(code)?.meritVotes : null;
        out.push(body(t.proposed(nameOf(code), formatScore(rk.score, lang), rk.rank, votes === null || votes === undefined ? null : `${votes}/${roster.length}`)));
      }
      for (const tie of awards.ties.filter((x) => x.award === award)) out.push(body(t.tie(joinNames(tie.codes.map(nameOf), lang), formatScore(tie.score, lang), tie.places)));
      if (!out.length) out.push(body(t.noneProposed));
      return out;
    };
    blocks.push(body([{ text: t.flagLine(year), bold: true }]));
    blocks.push(...line("flag", awards.flag));
    blocks.push(body([{ text: t.meritLine(year), bold: true }]));
    blocks.push(...line("merit", awards.merit));
  } else {
    blocks.push(body(t.noScores));
  }

  // IV. Next year's leader and deputy.
  const nextLeader = unitName(config.nextLeader, roster);
  const nextDeputy = unitName(config.nextDeputy, roster);
  if (nextLeader || nextDeputy) {
    blocks.push(heading(t.sectionNext(year + 1)));
    blocks.push(body(t.next(bloc, year + 1, nextLeader, nextDeputy)));
  }
  blocks.push(body(t.closing(leader)));
  blocks.push(para("", { spacingAfterPt: 6 }));
  blocks.push(signatureBlock(recipients(t), config.signerTitle || leader, config.signer));

  return newDocument(`${t.submissionTitle} — ${t.submissionSubject(year)}`, blocks);
}
