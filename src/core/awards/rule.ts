/**
 * The award rule of SPEC §6, as one pure function: rank by total score (ties share a rank); the top
 * units up to the flag quota that reach the flag threshold get the Emulation Flag, the next up to the
 * merit quota that reach the merit threshold the Certificate of Merit. A unit with unresolved errors
 * is not proposed; with vote columns a proposal needs more than half of the units' votes; a tie at a
 * boundary is reported and its places left to the bloc's vote, never broken silently.
 */

export type Award = "flag" | "merit";

export interface Candidate {
  code: string;
  /** Total score; null when the scores could not be read (the unit is not ranked). */
  score: number | null;
  /** Votes for each award; null/undefined when there is no vote column (or the cell was rejected). */
  flagVotes?: number | null;
  meritVotes?: number | null;
  /** The unit has unresolved errors (its sheet, its scoring row, or about it). */
  blocked?: boolean;
}

export interface AwardRule {
  flagQuota: number;
  meritQuota: number;
  flagThreshold: number | null;
  meritThreshold: number | null;
  /** Number of voting units (the roster size); a proposal needs votes > voters / 2. */
  voters: number;
  /** Whether the scoring sheet has a vote column for each award. */
  flagVotes: boolean;
  meritVotes: boolean;
}

export const DEFAULT_RULE: AwardRule = { flagQuota: 1, meritQuota: 1, flagThreshold: null, meritThreshold: null, voters: 0, flagVotes: false, meritVotes: false };

export type SkipReason = "noScore" | "errors" | "belowThreshold" | "votes" | "quota" | "tie";

export interface RankedUnit {
  code: string;
  score: number;
  rank: number;
}

export interface Tie {
  award: Award;
  codes: string[];
  score: number;
  /** Places of that award the tie leaves to the bloc's vote. */
  places: number;
}

export interface AwardResult {
  ranking: RankedUnit[];
  flag: string[];
  merit: string[];
  ties: Tie[];
  /** Every unit proposed for nothing, with the reason (the first that kept it from the merit). */
  skipped: { code: string; reason: SkipReason }[];
}

/** Ranks by score, highest first; equal scores share the rank ("1, 2, 2, 4"). Order stable. */
export function rankScores(cands: readonly Candidate[]): RankedUnit[] {
  const scored = cands.filter((c): c is Candidate & { score: number } => c.score !== null && Number.isFinite(c.score));
  const sorted = scored.map((c, i) => ({ c, i })).sort((a, b) => b.c.score - a.c.score || a.i - b.i);
  return sorted.map(({ c }) => ({ code: c.code, score: c.score, rank: 1 + sorted.filter((o) => o.c.score > c.score).length }));
}

interface Pass {
  proposed: string[];
  ties: Tie[];
  /** The units of a tie, so the next award does not give them a place the vote must decide. */
  tied: string[];
  /** Places of the next award taken by the tie's remaining units (pending the vote). */
  spill: number;
  reasons: Map<string, SkipReason>;
}

/** One award: walk the eligible units in rank order, group equal scores, fill the places. */
function fill(
  award: Award,
  ranking: readonly RankedUnit[],
  byCode: Map<string, Candidate>,
  quota: number,
  threshold: number | null,
  rule: AwardRule,
  exclude: ReadonlySet<string>,
): Pass {
  const reasons = new Map<string, SkipReason>();
  const needVotes = award === "flag" ? rule.flagVotes : rule.meritVotes;
  const eligible: RankedUnit[] = [];
  for (const r of ranking) {
    if (exclude.has(r.code)) continue;
    const c = byCode.get(r.code)!;
    const votes = award === "flag" ? c.flagVotes : c.meritVotes;
    if (c.blocked) reasons.set(r.code, "errors");
    else if (threshold !== null && r.score < threshold) reasons.set(r.code, "belowThreshold");
    else if (needVotes && !((votes ?? 0) > rule.voters / 2)) reasons.set(r.code, "votes");
    else eligible.push(r);
  }
  const proposed: string[] = [];
  const ties: Tie[] = [];
  const tied: string[] = [];
  let spill = 0;
  let left = quota;
  for (let i = 0; i < eligible.length;) {
    const group = eligible.filter((e) => e.score === eligible[i].score);
    i += group.length;
    if (left <= 0) {
      group.forEach((g) => reasons.set(g.code, "quota"));
      continue;
    }
    if (group.length <= left) {
      proposed.push(...group.map((g) => g.code));
      left -= group.length;
      continue;
    }
    // More tied units than places: the bloc votes; the losers fall to the next award's places.
    ties.push({ award, codes: group.map((g) => g.code), score: group[0].score, places: left });
    tied.push(...group.map((g) => g.code));
    group.forEach((g) => reasons.set(g.code, "tie"));
    spill = group.length - left;
    left = 0;
  }
  return { proposed, ties, tied, spill, reasons };
}

export function decideAwards(cands: readonly Candidate[], rule: AwardRule = DEFAULT_RULE): AwardResult {
  const ranking = rankScores(cands);
  const byCode = new Map(cands.map((c) => [c.code, c]));
  const flag = fill("flag", ranking, byCode, rule.flagQuota, rule.flagThreshold, rule, new Set());
  // Units tied for the flag keep out of the merit: after the vote the losers take the merit places
  // the tie spills into, so those places are not given to lower-ranked units either.
  const taken = new Set([...flag.proposed, ...flag.tied]);
  let meritQuota = rule.meritQuota;
  const ties = [...flag.ties];
  if (flag.spill > 0 && meritQuota > 0) {
    const tie = flag.ties[flag.ties.length - 1];
    const meritOk = rule.meritThreshold === null || tie.score >= rule.meritThreshold;
    if (meritOk) {
      if (flag.spill > meritQuota) ties.push({ award: "merit", codes: tie.codes, score: tie.score, places: meritQuota });
      meritQuota = Math.max(0, meritQuota - flag.spill);
    }
  }
  const merit = fill("merit", ranking, byCode, meritQuota, rule.meritThreshold, rule, taken);
  ties.push(...merit.ties);

  const proposed = new Set([...flag.proposed, ...merit.proposed]);
  const skipped: AwardResult["skipped"] = [];
  for (const c of cands) {
    if (proposed.has(c.code)) continue;
    const reason: SkipReason =
      c.score === null || !Number.isFinite(c.score) ? "noScore" : flag.tied.includes(c.code) ? "tie" : (merit.reasons.get(c.code) ?? flag.reasons.get(c.code) ?? "quota");
    skipped.push({ code: c.code, reason });
  }
  return { ranking, flag: flag.proposed, merit: merit.proposed, ties, skipped };
}
