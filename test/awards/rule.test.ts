import { decideAwards, DEFAULT_RULE, rankScores, type AwardRule, type Candidate } from "../../src/core/awards/rule";

const c = (code: string, score: number | null, extra: Partial<Candidate> = {}): Candidate => ({ code, score, ...extra });
const rule = (r: Partial<AwardRule> = {}): AwardRule => ({ ...DEFAULT_RULE, voters: 6, ...r });

interface Case {
  name: string;
  cands: Candidate[];
  rule: AwardRule;
  flag: string[];
  merit: string[];
  ties?: { award: "flag" | "merit"; codes: string[]; places: number }[];
  skipped?: Record<string, string>;
}

const CASES: Case[] = [
  {
    name: "quotas 1/1 without thresholds: the first gets the flag, the second the merit",
    cands: [c("A", 98), c("B", 93.5), c("C", 90)],
    rule: rule(),
    flag: ["A"],
    merit: ["B"],
    skipped: { C: "quota" },
  },
  {
    name: "quotas 2/2: the first two flags, the next two merits",
    cands: [c("E", 80), c("A", 98), c("B", 95), c("C", 93), c("D", 90)],
    rule: rule({ flagQuota: 2, meritQuota: 2 }),
    flag: ["A", "B"],
    merit: ["C", "D"],
  },
  {
    name: "a flag threshold not reached leaves the flag empty; the unit may still get the merit",
    cands: [c("A", 94), c("B", 93), c("C", 89)],
    rule: rule({ flagThreshold: 95, meritThreshold: 90 }),
    flag: [],
    merit: ["A"],
    skipped: { B: "quota", C: "belowThreshold" },
  },
  {
    name: "a merit threshold not reached leaves the merit empty",
    cands: [c("A", 98), c("B", 89)],
    rule: rule({ flagThreshold: 95, meritThreshold: 90 }),
    flag: ["A"],
    merit: [],
    skipped: { B: "belowThreshold" },
  },
  {
    name: "the sample's thresholds 95/90 with quotas 1/1",
    cands: [c("BCA", 98), c("BTP", 93.5), c("BQP", 89.5)],
    rule: rule({ flagThreshold: 95, meritThreshold: 90 }),
    flag: ["BCA"],
    merit: ["BTP"],
  },
  {
    name: "with vote columns a proposal needs more than half of the units' votes",
    cands: [c("A", 98, { flagVotes: 3, meritVotes: 5 }), c("B", 95, { flagVotes: 4, meritVotes: 0 }), c("C", 93, { flagVotes: 0, meritVotes: 1 })],
    rule: rule({ flagVotes: true, meritVotes: true }),
    flag: ["B"],
    merit: ["A"],
    skipped: { C: "votes" },
  },
  {
    name: "exactly half of the votes is not enough",
    cands: [c("A", 98, { flagVotes: 3, meritVotes: 3 }), c("B", 93, { flagVotes: 0, meritVotes: 4 })],
    rule: rule({ flagVotes: true, meritVotes: true }),
    flag: [],
    merit: ["B"],
    skipped: { A: "votes" },
  },
  {
    name: "without vote columns the votes are not asked for",
    cands: [c("A", 98, { flagVotes: 0, meritVotes: 0 }), c("B", 93, { flagVotes: 0 })],
    rule: rule(),
    flag: ["A"],
    merit: ["B"],
  },
  {
    name: "only a flag vote column: the merit goes by score",
    cands: [c("A", 98, { flagVotes: 6 }), c("B", 93, { flagVotes: 0 })],
    rule: rule({ flagVotes: true }),
    flag: ["A"],
    merit: ["B"],
  },
  {
    name: "a tie at the flag boundary: none of the tied units gets it, and the merit place waits for the vote",
    cands: [c("A", 98), c("B", 98), c("C", 90)],
    rule: rule(),
    flag: [],
    merit: [],
    ties: [{ award: "flag", codes: ["A", "B"], places: 1 }],
    skipped: { A: "tie", B: "tie", C: "quota" },
  },
  {
    name: "a flag tie spilling into one of two merit places leaves the other to the next unit",
    cands: [c("A", 98), c("B", 98), c("C", 90)],
    rule: rule({ meritQuota: 2 }),
    flag: [],
    merit: ["C"],
    ties: [{ award: "flag", codes: ["A", "B"], places: 1 }],
  },
  {
    name: "three tied for one flag and one merit: both boundaries are reported",
    cands: [c("A", 98), c("B", 98), c("C", 98), c("D", 80)],
    rule: rule(),
    flag: [],
    merit: [],
    ties: [
      { award: "flag", codes: ["A", "B", "C"], places: 1 },
      { award: "merit", codes: ["A", "B", "C"], places: 1 },
    ],
  },
  {
    name: "a tie at the merit boundary: the flag stands, the merit goes to the vote",
    cands: [c("A", 98), c("B", 93), c("C", 93), c("D", 90)],
    rule: rule(),
    flag: ["A"],
    merit: [],
    ties: [{ award: "merit", codes: ["B", "C"], places: 1 }],
    skipped: { B: "tie", C: "tie", D: "quota" },
  },
  { name: "a tie inside the quota is no boundary tie", cands: [c("A", 98), c("B", 98), c("C", 90)], rule: rule({ flagQuota: 2 }), flag: ["A", "B"], merit: ["C"], ties: [] },
  {
    name: "a unit with errors is skipped and the next takes its place",
    cands: [c("A", 98, { blocked: true }), c("B", 93), c("C", 90)],
    rule: rule(),
    flag: ["B"],
    merit: ["C"],
    skipped: { A: "errors" },
  },
  { name: "a unit without a readable score is not ranked", cands: [c("A", null), c("B", 93), c("C", 90)], rule: rule(), flag: ["B"], merit: ["C"], skipped: { A: "noScore" } },
  { name: "quotas of zero propose nobody", cands: [c("A", 98), c("B", 93)], rule: rule({ flagQuota: 0, meritQuota: 0 }), flag: [], merit: [] },
];

describe("the award rule", () => {
  test.each(CASES.map((k) => [k.name, k] as const))("%s", (_name, k) => {
    const res = decideAwards(k.cands, k.rule);
    expect(res.flag).toEqual(k.flag);
    expect(res.merit).toEqual(k.merit);
    if (k.ties) expect(res.ties.map((t) => ({ award: t.award, codes: t.codes, places: t.places }))).toEqual(k.ties);
    for (const [code, reason] of Object.entries(k.skipped ?? {})) expect(res.skipped.find((s) => s.code === code)?.reason).toBe(reason);
    // Nobody gets two awards; every unit is either proposed or skipped with a reason.
    expect(new Set([...res.flag, ...res.merit]).size).toBe(res.flag.length + res.merit.length);
    expect(res.flag.length + res.merit.length + res.skipped.length).toBe(k.cands.length);
  });

  test("defaults to one flag, one merit and no threshold", () => {
    const res = decideAwards([c("A", 10), c("B", 5), c("C", 1)]);
    expect(res.flag).toEqual(["A"]);
    expect(res.merit).toEqual(["B"]);
  });

  test("ranks by total, ties sharing a rank", () => {
    expect(rankScores([c("A", 90), c("B", 93), c("C", 98), c("D", 93), c("E", null)])).toEqual([
      { code: "C", score: 98, rank: 1 },
      { code: "B", score: 93, rank: 2 },
      { code: "D", score: 93, rank: 2 },
      { code: "A", score: 90, rank: 4 },
    ]);
  });
});
