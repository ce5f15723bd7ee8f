/**
 * The scoring sheet (SPEC §3.3): a header row found by its "Mã đơn vị" label, every column that is
 * not a known one is a criterion, the "Điểm tối đa" row gives each criterion's maximum.
 * Total = Σ criteria + bonus − penalty; a Total column, if any, is recomputed, never trusted.
 */
import { a1 } from "../a1";
import { issue, type Issue } from "../issues";
import type { RosterUnit } from "../model";
import { parseNumberText } from "../numbers";
import { generatedKind } from "../marker";
import { cellAt, sheetBounds, type CellValue, type SheetSnapshot, type WorkbookSnapshot } from "../snapshot";
import { label } from "../text";
import { cellText, findHeader, isBlank, matchColumn, type ColumnAliases } from "../grid";
import { isScoringSheetName } from "./units";

export type ScoreColumn = "code" | "name" | "stt" | "bonus" | "penalty" | "flagVotes" | "meritVotes" | "total" | "rank" | "note";

export const SCORE_COLUMNS: ColumnAliases<ScoreColumn> = {
  code: ["Mã đơn vị", "Mã ĐV", "Unit code", "Mã", "Code"],
  name: ["Tên đơn vị", "Đơn vị", "Unit name", "Unit", "Name"],
  stt: ["STT", "TT", "No", "No.", "#"],
  bonus: ["Điểm cộng", "Điểm thưởng", "Bonus", "Bonus points"],
  penalty: ["Điểm trừ", "Penalty", "Penalty points", "Deduction"],
  flagVotes: ["Phiếu Cờ", "Phiếu Cờ thi đua", "Số phiếu Cờ", "Flag votes"],
  meritVotes: ["Phiếu Bằng khen", "Số phiếu Bằng khen", "Merit votes"],
  total: ["Tổng điểm", "Tổng", "Total", "Total score"],
  rank: ["Xếp hạng", "Thứ hạng", "Rank"],
  note: ["Ghi chú", "Note", "Notes", "Remarks"],
};

const MAX_ROW_LABELS = ["Điểm tối đa", "Điểm chuẩn", "Thang điểm", "Maximum", "Max", "Maximum score"];

export interface Criterion {
  name: string;
  col: number;
  /** Null when the maximum is missing or unreadable (SCORE_INVALID at its cell). */
  max: number | null;
}

export interface ScoreRow {
  code: string;
  name: string;
  /** 0-based row on the scoring sheet; the code cell's address. */
  row: number;
  cell: string;
  /** One per criterion; null where the score was rejected. */
  criteria: (number | null)[];
  bonus: number | null;
  penalty: number | null;
  /** Σ criteria + bonus − penalty, or null when any part was rejected. */
  total: number | null;
  /** Null without a vote column, or when the vote cell was rejected. */
  flagVotes: number | null;
  meritVotes: number | null;
}

export interface ScoreSheet {
  sheet: string;
  headerRow: number;
  maxRow: number | null;
  criteria: Criterion[];
  hasFlagVotes: boolean;
  hasMeritVotes: boolean;
  /** In sheet order, roster units only, each once. */
  rows: ScoreRow[];
}

export interface ScoresRead {
  scores: ScoreSheet | null;
  issues: Issue[];
}

export function findScoringSheet(wb: WorkbookSnapshot): SheetSnapshot | null {
  return wb.sheets.find((s) => isScoringSheetName(s.name) && generatedKind(s) === null) ?? null;
}

type Parsed = { ok: true; value: number } | { ok: false; text: string; blank: boolean };

/** A number typed or as text ("9,5", "9.5"); errors and words refused. */
function parseScore(v: CellValue): Parsed {
  if (typeof v === "number") return Number.isFinite(v) ? { ok: true, value: v } : { ok: false, text: String(v), blank: false };
  if (isBlank(v)) return { ok: false, text: "", blank: true };
  if (typeof v === "string") {
    const p = parseNumberText(v, { integer: false });
    if (p.ok) return { ok: true, value: p.value };
  }
  return { ok: false, text: cellText(v), blank: false };
}

/** Sums of decimal scores without binary noise (9.5 + 0.1 …). */
function round(n: number): number {
  return Math.round(n * 1e6) / 1e6;
}

export function readScores(wb: WorkbookSnapshot, roster: readonly RosterUnit[]): ScoresRead {
  const sheet = findScoringSheet(wb);
  const issues: Issue[] = [];
  if (!sheet) return { scores: null, issues };
  const name = sheet.name;
  const b = sheetBounds(sheet);
  const header = findHeader(sheet, SCORE_COLUMNS, ["code"]);
  if (!header) {
    issues.push(issue("HEADER_NOT_FOUND", "error", name, a1(b.top, b.left), {}));
    return { scores: null, issues };
  }
  const H = header.row;
  const cols = header.cols;
  const known = new Set(Object.values(cols) as number[]);
  const criteria: Criterion[] = [];
  for (let c = b.left; c < b.right; c++) {
    const v = cellAt(sheet, H, c);
    if (known.has(c) || isBlank(v)) continue;
    // A second "Mã"/"Tên" column and the like is not a criterion either.
    if (matchColumn(v, SCORE_COLUMNS) !== undefined) continue;
    criteria.push({ name: cellText(v), col: c, max: null });
  }

  // The maximum row: a row under the header labelled "Điểm tối đa" in a column left of the criteria.
  const firstCrit = criteria.length ? Math.min(...criteria.map((c) => c.col)) : b.right;
  let maxRow: number | null = null;
  for (let r = H + 1; r < b.bottom && maxRow === null; r++) {
    for (let c = b.left; c < Math.max(firstCrit, b.left + 1); c++) {
      if (MAX_ROW_LABELS.some((l) => label(l) === label(cellAt(sheet, r, c)))) {
        maxRow = r;
        break;
      }
    }
  }
  for (const cr of criteria) {
    const at = maxRow === null ? a1(H, cr.col) : a1(maxRow, cr.col);
    const p = maxRow === null ? null : parseScore(cellAt(sheet, maxRow, cr.col));
    if (p && p.ok && p.value > 0) cr.max = p.value;
    else issues.push(issue("SCORE_INVALID", "error", name, at, { reason: "maxMissing", criterion: cr.name, text: p && !p.ok ? p.text : undefined }));
  }

  const byCode = new Map(roster.map((u) => [label(u.code), u]));
  const byName = new Map(roster.map((u) => [label(u.name), u]));
  const seen = new Map<string, string>();
  const rows: ScoreRow[] = [];
  const codeCol = cols.code!;
  const voters = roster.length;
  let lastRow = H + (maxRow !== null ? maxRow - H : 0);

  for (let r = H + 1; r < b.bottom; r++) {
    if (r === maxRow) continue;
    const codeV = cellAt(sheet, r, codeCol);
    const nameV = cols.name !== undefined ? cellAt(sheet, r, cols.name) : null;
    const anyScore = criteria.some((c) => !isBlank(cellAt(sheet, r, c.col)));
    if (isBlank(codeV) && !anyScore) continue;
    lastRow = r;
    const cell = a1(r, codeCol);
    const unit = byCode.get(label(codeV)) ?? (isBlank(codeV) ? byName.get(label(nameV)) : undefined);
    if (!unit) {
      issues.push(issue("SCORE_INVALID", "error", name, cell, { reason: "unitUnknown", unit: cellText(codeV) || cellText(nameV) }));
      continue;
    }
    const first = seen.get(unit.code);
    if (first) {
      issues.push(issue("SCORE_INVALID", "error", name, cell, { reason: "duplicate", unit: unit.code, first }));
      continue;
    }
    seen.set(unit.code, cell);
    const bad = (col: number, params: Record<string, string | number | undefined>) =>
      issues.push(issue("SCORE_INVALID", "error", name, a1(r, col), { unit: unit.code, ...params }));

    const scores = criteria.map((cr) => {
      const p = parseScore(cellAt(sheet, r, cr.col));
      if (!p.ok) {
        bad(cr.col, p.blank ? { reason: "missing", criterion: cr.name } : { reason: "notNumber", criterion: cr.name, text: p.text });
        return null;
      }
      if (p.value < 0) {
        bad(cr.col, { reason: "negative", criterion: cr.name, value: p.value });
        return null;
      }
      if (cr.max !== null && p.value > cr.max) {
        bad(cr.col, { reason: "aboveMax", criterion: cr.name, value: p.value, max: cr.max });
        return null;
      }
      return p.value;
    });
    // Bonus and penalty: blank means none.
    const points = (col: number | undefined): number | null => {
      if (col === undefined) return 0;
      const p = parseScore(cellAt(sheet, r, col));
      const crit = cellText(cellAt(sheet, H, col));
      if (!p.ok) {
        if (p.blank) return 0;
        bad(col, { reason: "notNumber", criterion: crit, text: p.text });
        return null;
      }
      if (p.value < 0) {
        bad(col, { reason: "negative", criterion: crit, value: p.value });
        return null;
      }
      return p.value;
    };
    const bonus = points(cols.bonus);
    const penalty = points(cols.penalty);
    // Votes: blank means none; a count from 0 to the number of units.
    const votes = (col: number | undefined): number | null => {
      if (col === undefined) return null;
      const p = parseScore(cellAt(sheet, r, col));
      if (!p.ok && p.blank) return 0;
      if (!p.ok || !Number.isInteger(p.value) || p.value < 0 || (voters > 0 && p.value > voters)) {
        bad(col, { reason: "votes", criterion: cellText(cellAt(sheet, H, col)), text: p.ok ? String(p.value) : p.text, max: voters });
        return null;
      }
      return p.value;
    };
    const flagVotes = votes(cols.flagVotes);
    const meritVotes = votes(cols.meritVotes);
    const complete = scores.every((s) => s !== null) && bonus !== null && penalty !== null;
    const total = complete ? round((scores as number[]).reduce((s, x) => s + x, 0) + bonus! - penalty!) : null;
    rows.push({ code: unit.code, name: unit.name, row: r, cell, criteria: scores, bonus, penalty, total, flagVotes, meritVotes });
  }

  for (const u of roster) {
    if (!seen.has(u.code)) issues.push(issue("SCORE_INVALID", "error", name, a1(lastRow + 1, codeCol), { reason: "unitMissing", unit: u.code }));
  }
  return {
    scores: { sheet: name, headerRow: H, maxRow, criteria, hasFlagVotes: cols.flagVotes !== undefined, hasMeritVotes: cols.meritVotes !== undefined, rows },
    issues,
  };
}
