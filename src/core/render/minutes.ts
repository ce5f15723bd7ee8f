/**
 * The minutes of the bloc's review meeting (biên bản họp bình xét): attending units, the scoring
 * table, the votes behind each proposal, the conclusion. Same layout rules as the submission.
 */
import type { Block, DocumentModel } from "../document";
import { awardText } from "../i18n/awards";
import { formatPercent } from "../i18n/format";
import {
  blocName,
  body,
  dataTable,
  documentHeader,
  formatScore,
  heading,
  joinNames,
  leaderName,
  newDocument,
  para,
  reportYear,
  rule,
  signatureBlock,
  unitName,
  type SubmissionInput,
} from "./submission";

export function buildMinutes(input: SubmissionInput): DocumentModel {
  const { config, roster, scores, awards, lang } = input;
  const t = awardText(lang);
  const year = reportYear(input);
  const bloc = blocName(config, lang);
  const leader = leaderName(config, roster);
  const nameOf = (code: string) => roster.find((u) => u.code === code)?.name ?? code;
  const blocks: Block[] = [];

  blocks.push(documentHeader(bloc, t.number("BB", config.abbreviation || config.leader), t.date(config.place, year + 1), t));
  blocks.push(para([{ text: t.minutesTitle, bold: true }], { align: "center", spacingBeforePt: 18 }));
  blocks.push(para([{ text: t.minutesSubject(bloc, year), bold: true }], { align: "center" }));
  blocks.push(rule(20, 14));
  blocks.push(body(t.minutesOpen(config.place, bloc, year)));

  // I. Attendance.
  blocks.push(heading(t.sectionAttend));
  blocks.push(body(t.attendIntro(roster.length)));
  const deputy = config.deputy ? unitName(config.deputy, roster) : "";
  roster.forEach((u, i) => {
    const role = u.code === config.leader ? t.roleLeader : deputy && u.name === deputy ? t.roleDeputy : "";
    blocks.push(body(t.attendLine(i + 1, u.name, role)));
  });
  if (leader) blocks.push(body(t.chair(leader)));

  // II. Scores: every criterion, bonus, penalty, total and rank.
  blocks.push(heading(t.sectionContent));
  if (!scores || !awards) {
    blocks.push(body(t.noScores));
  } else {
    blocks.push(body(t.contentIntro(year)));
    const rankOf = new Map(awards.ranking.map((r) => [r.code, r.rank]));
    // Criteria by short labels in the table, named in full in a legend above it.
    const short = (i: number) => `${t.criterionShort}${i + 1}`;
    blocks.push(body(t.legend(scores.criteria.map((c, i) => `${short(i)} – ${c.name}${c.max !== null ? ` (${formatScore(c.max, lang)})` : ""}`).join("; "))));
    const header = [t.colStt, t.colUnit, ...scores.criteria.map((c, i) => short(i)), t.colBonus, t.colPenalty, t.colTotal, t.colRank];
    const rows = awards.ranking.map((rk, i) => {
      const row = scores.rows.find((r) => r.code === rk.code)!;
      return [
        String(i + 1),
        nameOf(rk.code),
        ...row.criteria.map((v) => (v === null ? "" : formatScore(v, lang))),
        formatScore(row.bonus ?? 0, lang),
        formatScore(row.penalty ?? 0, lang),
        formatScore(rk.score, lang),
        String(rankOf.get(rk.code) ?? ""),
      ];
    });
    const n = scores.criteria.length;
    blocks.push(dataTable([6, 28, ...new Array(n).fill(7), 10, 10, 9, 8], header, rows, ["center", "left", ...new Array(n + 4).fill("center")], 12));
  }

  // III. Votes.
  blocks.push(heading(t.sectionVotes));
  if (scores && awards && (scores.hasFlagVotes || scores.hasMeritVotes)) {
    blocks.push(body(t.votesIntro(roster.length)));
    const lines: string[][] = [];
    const add = (award: "flag" | "merit") => {
      const has = award === "flag" ? scores.hasFlagVotes : scores.hasMeritVotes;
      if (!has) return;
      for (const r of scores.rows) {
        const v = award === "flag" ? r.flagVotes : r.meritVotes;
        if (!v) continue;
        lines.push([
          String(lines.length + 1),
          nameOf(r.code),
          award === "flag" ? t.awardFlag : t.awardMerit,
          `${v}/${roster.length}`,
          roster.length ? formatPercent(v / roster.length, lang) : "",
        ]);
      }
    };
    add("flag");
    add("merit");
    blocks.push(dataTable([8, 44, 18, 16, 14], [t.colStt, t.colUnit, t.colAward, t.colVotes, t.colRatio], lines, ["center", "left", "center", "center", "center"]));
  } else {
    blocks.push(body(t.noVotes));
  }

  // IV. Conclusion.
  blocks.push(heading(t.sectionConclusion));
  if (awards) {
    blocks.push(body(awards.flag.length ? t.conclusionFlag(joinNames(awards.flag.map(nameOf), lang)) : t.conclusionNone(t.awardFlag)));
    blocks.push(body(awards.merit.length ? t.conclusionMerit(joinNames(awards.merit.map(nameOf), lang)) : t.conclusionNone(t.awardMerit)));
    for (const tie of awards.ties) blocks.push(body(t.tie(joinNames(tie.codes.map(nameOf), lang), formatScore(tie.score, lang), tie.places)));
  }
  const nextLeader = unitName(config.nextLeader, roster);
  const nextDeputy = unitName(config.nextDeputy, roster);
  if (nextLeader || nextDeputy) blocks.push(body(t.next(bloc, year + 1, nextLeader, nextDeputy)));
  blocks.push(body(t.minutesEnd));
  blocks.push(para("", { spacingAfterPt: 6 }));
  const sign = signatureBlock([], t.chairSign, config.signer);
  // Secretary left, chair right.
  sign.rows[0].cells[0] = { paragraphs: [para([{ text: t.secretary, bold: true }], { align: "center" })] };
  blocks.push(sign);
  return newDocument(`${t.minutesTitle} — ${t.minutesSubject(bloc, year)}`, blocks);
}
