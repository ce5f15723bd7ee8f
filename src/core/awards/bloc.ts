/** From the scoring sheet and the validation issues to the bloc's award result and its SCORE_TIE warnings. */
import { issue, type Issue } from "../issues";
import type { BlocConfig, RosterUnit, UnitReport } from "../model";
import type { ScoreSheet } from "../read/scores";
import { parseA1 } from "../a1";
import { label } from "../text";
import { decideAwards, type AwardResult, type Candidate } from "./rule";

/**
 * Units with unresolved errors: an error on the unit's own sheet, on its scoring row, or about it
 * (a parameter naming the unit, such as UNIT_SHEET_MISSING on the config sheet).
 */
export function unitsWithErrors(issues: readonly Issue[], roster: readonly RosterUnit[], reports: readonly UnitReport[], scores: ScoreSheet | null): Set<string> {
  const out = new Set<string>();
  const sheetOf = new Map<string, string>();
  for (const u of roster) sheetOf.set(label(u.sheetName), u.code);
  for (const r of reports) sheetOf.set(label(r.sheet), r.unit.code);
  const rowOf = new Map<number, string>();
  if (scores) for (const r of scores.rows) rowOf.set(r.row, r.code);
  const codes = new Map(roster.map((u) => [label(u.code), u.code]));
  for (const i of issues) {
    if (i.severity !== "error") continue;
    const bySheet = sheetOf.get(label(i.sheet));
    if (bySheet) out.add(bySheet);
    if (scores && i.sheet === scores.sheet) {
      try {
        const code = rowOf.get(parseA1(i.cell).row);
        if (code) out.add(code);
      } catch {
        /* not a cell address */
      }
    }
    const about = typeof i.params.unit === "string" ? codes.get(label(i.params.unit)) : undefined;
    if (about) out.add(about);
  }
  return out;
}

export interface BlocAwards {
  result: AwardResult;
  /** SCORE_TIE warnings, at the code cell of the first tied unit. */
  issues: Issue[];
}

export function decideBlocAwards(scores: ScoreSheet, config: BlocConfig, roster: readonly RosterUnit[], blocked: ReadonlySet<string>): BlocAwards {
  const cands: Candidate[] = scores.rows.map((r) => ({
    code: r.code,
    score: r.total,
    flagVotes: r.flagVotes,
    meritVotes: r.meritVotes,
    blocked: blocked.has(r.code),
  }));
  const result = decideAwards(cands, {
    flagQuota: config.flagQuota,
    meritQuota: config.meritQuota,
    flagThreshold: config.flagThreshold,
    meritThreshold: config.meritThreshold,
    voters: roster.length,
    flagVotes: scores.hasFlagVotes,
    meritVotes: scores.hasMeritVotes,
  });
  const cellOf = new Map(scores.rows.map((r) => [r.code, r.cell]));
  const issues = result.ties.map((t) =>
    issue("SCORE_TIE", "warning", scores.sheet, cellOf.get(t.codes[0]) ?? "A1", { units: t.codes.join(", "), score: t.score, award: t.award, places: t.places }),
  );
  return { result, issues };
}

/** The JSON of SPEC §7. */
export function awardsJson(result: AwardResult | null): { ranking: { code: string; score: number; rank: number }[]; flag: string[]; merit: string[] } {
  if (!result) return { ranking: [], flag: [], merit: [] };
  return { ranking: result.ranking.map((r) => ({ code: r.code, score: r.score, rank: r.rank })), flag: [...result.flag], merit: [...result.merit] };
}
