import { readScores } from "../../src/core/read/scores";
import type { RosterUnit } from "../../src/core/model";
import { sheetFromRows, type CellValue, type WorkbookSnapshot } from "../../src/core/snapshot";

const roster: RosterUnit[] = ["BCA", "BTP", "BQP"].map((code, i) => ({ code, name: `Thanh tra ${code}`, sheetName: code, cell: `A${20 + i}` }));

const HEADER: CellValue[] = ["Mã đơn vị", "Tên đơn vị", "Tiêu chí 1", "Tiêu chí 2", "Điểm cộng", "Điểm trừ", "Phiếu Cờ", "Phiếu Bằng khen"];
const MAX: CellValue[] = ["Điểm tối đa", null, 60, 40];

/** Title on row 1, header on row 3, maxima on row 4, units from row 5. */
function wb(rows: CellValue[][], opts: { header?: CellValue[]; max?: CellValue[] | null; name?: string } = {}): WorkbookSnapshot {
  const body: CellValue[][] = [["BẢNG CHẤM ĐIỂM"], [], opts.header ?? HEADER];
  if (opts.max !== null) body.push(opts.max ?? MAX);
  body.push(...rows);
  return { sheets: [sheetFromRows(opts.name ?? "Chấm điểm", body)] };
}

const ok: CellValue[][] = [
  ["BCA", "Thanh tra Bộ Công an", 58, 38, 2, 0, 3, 0],
  ["BTP", "Thanh tra Bộ Tư pháp", 55, 37.5, 1, 0, 0, 2],
  ["BQP", "Thanh tra Bộ Quốc phòng", 54, 36, 0, 0.5, 0, 1],
];

const invalid = (w: WorkbookSnapshot) =>
  readScores(w, roster)
    .issues.filter((i) => i.code === "SCORE_INVALID")
    .map((i) => ({ cell: i.cell, reason: i.params.reason }));

describe("the scoring sheet", () => {
  test("reads criteria by header, maxima from the 'Điểm tối đa' row, and totals Σ criteria + bonus − penalty", () => {
    const { scores, issues } = readScores(wb(ok), roster);
    expect(issues).toEqual([]);
    expect(scores!.criteria).toEqual([
      { name: "Tiêu chí 1", col: 2, max: 60 },
      { name: "Tiêu chí 2", col: 3, max: 40 },
    ]);
    expect(scores!.rows.map((r) => [r.code, r.total, r.flagVotes, r.meritVotes])).toEqual([
      ["BCA", 98, 3, 0],
      ["BTP", 93.5, 0, 2],
      ["BQP", 89.5, 0, 1],
    ]);
    expect(scores!.hasFlagVotes && scores!.hasMeritVotes).toBe(true);
  });

  test("is found under its English name with English headers", () => {
    const w = wb(ok, { name: "Scoring", header: ["Unit code", "Unit name", "C1", "C2", "Bonus", "Penalty", "Flag votes", "Merit votes"], max: ["Maximum", null, 60, 40] });
    expect(readScores(w, roster).scores!.rows.map((r) => r.total)).toEqual([98, 93.5, 89.5]);
  });

  test("accepts Vietnamese number text such as '9,5'", () => {
    const rows = ok.map((r) => [...r]);
    rows[1][3] = "37,5";
    const { scores, issues } = readScores(wb(rows), roster);
    expect(issues).toEqual([]);
    expect(scores!.rows[1].total).toBe(93.5);
  });

  test("recomputes a Total column instead of trusting it", () => {
    const header = [...HEADER, "Tổng điểm"];
    const rows = ok.map((r) => [...r, 100]);
    const { scores, issues } = readScores(wb(rows, { header }), roster);
    expect(issues).toEqual([]);
    expect(scores!.criteria.map((c) => c.name)).toEqual(["Tiêu chí 1", "Tiêu chí 2"]);
    expect(scores!.rows[0].total).toBe(98);
  });

  test("takes neither a rank nor a notes column for a criterion", () => {
    const header = [...HEADER, "Xếp hạng", "Ghi chú"];
    const rows = ok.map((r, i) => [...r, i + 1, "đã chấm chéo"]);
    const { scores, issues } = readScores(wb(rows, { header }), roster);
    expect(issues).toEqual([]);
    expect(scores!.criteria).toHaveLength(2);
  });

  test("flags a missing score at its cell", () => {
    const rows = ok.map((r) => [...r]);
    rows[0][2] = null;
    expect(invalid(wb(rows))).toEqual([{ cell: "C5", reason: "missing" }]);
    expect(readScores(wb(rows), roster).scores!.rows[0].total).toBeNull();
  });

  test("flags a score that is not a number at its cell", () => {
    const rows = ok.map((r) => [...r]);
    rows[1][3] = "khá";
    expect(invalid(wb(rows))).toEqual([{ cell: "D6", reason: "notNumber" }]);
  });

  test("flags a negative score at its cell", () => {
    const rows = ok.map((r) => [...r]);
    rows[2][2] = -1;
    expect(invalid(wb(rows))).toEqual([{ cell: "C7", reason: "negative" }]);
  });

  test("flags a score above its maximum at its cell", () => {
    const rows = ok.map((r) => [...r]);
    rows[0][3] = 41;
    expect(invalid(wb(rows))).toEqual([{ cell: "D5", reason: "aboveMax" }]);
  });

  test("flags a missing maximum at its cell in the 'Điểm tối đa' row", () => {
    expect(invalid(wb(ok, { max: ["Điểm tối đa", null, 60, null] }))).toEqual([{ cell: "D4", reason: "maxMissing" }]);
  });

  test("without a 'Điểm tối đa' row every criterion's maximum is missing, at its header", () => {
    expect(invalid(wb(ok, { max: null }))).toEqual([
      { cell: "C3", reason: "maxMissing" },
      { cell: "D3", reason: "maxMissing" },
    ]);
  });

  test("flags a unit code that is not on the roster at its cell", () => {
    const rows = [...ok, ["BXX", "Thanh tra Bộ X", 50, 30, 0, 0, 0, 0]];
    expect(invalid(wb(rows))).toEqual([{ cell: "A8", reason: "unitUnknown" }]);
  });

  test("flags a roster unit without a row, below the last row", () => {
    expect(invalid(wb(ok.slice(0, 2)))).toEqual([{ cell: "A7", reason: "unitMissing" }]);
    expect(readScores(wb(ok.slice(0, 2)), roster).issues[0].params.unit).toBe("BQP");
  });

  test("flags a unit's second row", () => {
    const rows = [...ok, ["BTP", "Thanh tra Bộ Tư pháp", 1, 1, 0, 0, 0, 0]];
    expect(invalid(wb(rows))).toEqual([{ cell: "A8", reason: "duplicate" }]);
  });

  test("flags a vote count that is not a whole number up to the number of units", () => {
    const rows = ok.map((r) => [...r]);
    rows[0][6] = 4;
    rows[1][7] = 2.5;
    expect(invalid(wb(rows))).toEqual([
      { cell: "G5", reason: "votes" },
      { cell: "H6", reason: "votes" },
    ]);
  });

  test("reads blank bonus, penalty and vote cells as zero", () => {
    const rows = ok.map((r) => r.slice(0, 4));
    const { scores, issues } = readScores(wb(rows), roster);
    expect(issues).toEqual([]);
    expect(scores!.rows[0]).toMatchObject({ bonus: 0, penalty: 0, flagVotes: 0, meritVotes: 0, total: 96 });
  });

  test("without vote columns the votes are null", () => {
    const header = HEADER.slice(0, 6);
    const { scores } = readScores(
      wb(
        ok.map((r) => r.slice(0, 6)),
        { header },
      ),
      roster,
    );
    expect(scores!.hasFlagVotes || scores!.hasMeritVotes).toBe(false);
    expect(scores!.rows[0].flagVotes).toBeNull();
  });

  test("a workbook without a scoring sheet has no scores and no issue", () => {
    expect(readScores({ sheets: [sheetFromRows("BCA", [["x"]])] }, roster)).toEqual({ scores: null, issues: [] });
  });
});
