/** Unit report sheets (SPEC §3.2): find the header and the year columns, match rows to indicators. */
import { a1 } from "../a1";
import type { Indicator } from "../catalog";
import { issue, type Issue } from "../issues";
import type { Catalog, PeriodColumn, UnitLayout } from "../model";
import { periodOfHeader, type Period } from "../period";
import { cellAt, isCellError, sheetBounds, type SheetSnapshot, type CellValue } from "../snapshot";
import { label } from "../text";
import { cellText, isBlank, matchColumn, type ColumnAliases } from "../grid";

export const UNIT_COLUMNS = {
  code: ["Mã", "Mã chỉ tiêu", "Mã số", "Code", "Indicator code", "ID"],
  name: ["Chỉ tiêu", "Tên chỉ tiêu", "Nội dung", "Nội dung chỉ tiêu", "Indicator", "Indicator name", "Name", "Item"],
  uom: ["Đơn vị tính", "ĐVT", "Đơn vị", "Unit", "Unit of measure", "UoM"],
  note: ["Ghi chú", "Note", "Notes", "Remarks", "Comment"],
  stt: ["STT", "TT", "No", "No.", "#", "Số thứ tự"],
} as const satisfies ColumnAliases<"code" | "name" | "uom" | "note" | "stt">;

/** How far down a header may sit. */
const HEADER_SCAN_ROWS = 40;

/** A header cell naming a whole year: 2023, "2023", "Năm 2023", "Năm 2023 (kỳ báo cáo)", "Year 2022". */
export function yearOfHeader(v: CellValue): number | null {
  const p = periodOfHeader(v);
  return p && p.period === "year" ? p.year : null;
}

function layoutOfRow(sheet: SheetSnapshot, r: number): { cols: Partial<Record<keyof typeof UNIT_COLUMNS, number>>; periods: PeriodColumn[] } {
  const b = sheetBounds(sheet);
  const cols: Partial<Record<keyof typeof UNIT_COLUMNS, number>> = {};
  const periods: PeriodColumn[] = [];
  for (let c = b.left; c < b.right; c++) {
    const v = cellAt(sheet, r, c);
    const key = matchColumn(v, UNIT_COLUMNS);
    if (key) {
      if (cols[key] === undefined) cols[key] = c;
      continue;
    }
    const p = periodOfHeader(v);
    if (p && !periods.some((x) => x.year === p.year && x.period === p.period)) periods.push({ ...p, col: c, row: r });
  }
  return { cols, periods };
}

/** A unit sheet's header as found, whatever the period read: a layout without the chosen year columns. */
export type UnitHeader = Omit<UnitLayout, "yearCols">;

/**
 * The header row: the first row with an indicator column (code or name) and at least one year
 * column (of any period). A two-row header (labels above, years in the row below) is read as one.
 */
export function locateHeader(sheet: SheetSnapshot): UnitHeader | null {
  const b = sheetBounds(sheet);
  const end = Math.min(b.bottom, b.top + HEADER_SCAN_ROWS);
  for (let r = b.top; r < end; r++) {
    const row = layoutOfRow(sheet, r);
    if (row.cols.code === undefined && row.cols.name === undefined) continue;
    let periods = row.periods;
    let headerRow = r;
    if (!periods.length && r + 1 < b.bottom) {
      const below = layoutOfRow(sheet, r + 1);
      if (below.periods.length && below.cols.code === undefined && below.cols.name === undefined) {
        periods = below.periods;
        headerRow = r + 1;
      }
    }
    if (!periods.length) continue;
    return {
      headerRow,
      codeCol: row.cols.code ?? null,
      nameCol: row.cols.name ?? null,
      uomCol: row.cols.uom ?? null,
      noteCol: row.cols.note ?? null,
      periodCols: periods,
    };
  }
  return null;
}

/** The layout for reading `period`: `yearCols` holds that period's columns (the first of each year). */
export function layoutFor(header: UnitHeader, period: Period): UnitLayout {
  const yearCols = new Map<number, number>();
  for (const p of header.periodCols) if (p.period === period && !yearCols.has(p.year)) yearCols.set(p.year, p.col);
  const { headerRow, codeCol, nameCol, uomCol, noteCol, periodCols } = header;
  return { headerRow, codeCol, nameCol, uomCol, noteCol, yearCols, periodCols };
}

/** The header (see locateHeader) with the columns of the wanted period; `periodCols` holds every year column found. */
export function locateLayout(sheet: SheetSnapshot, period: Period = "year"): UnitLayout | null {
  const header = locateHeader(sheet);
  return header && layoutFor(header, period);
}

/** A header with indicator labels but no year column, for a precise YEAR_COLUMN_MISSING. */
export function locateLabelsOnly(sheet: SheetSnapshot): number | null {
  const b = sheetBounds(sheet);
  const end = Math.min(b.bottom, b.top + HEADER_SCAN_ROWS);
  for (let r = b.top; r < end; r++) {
    const row = layoutOfRow(sheet, r);
    if (row.cols.name !== undefined && (row.cols.code !== undefined || row.cols.uom !== undefined)) return r;
  }
  return null;
}

/** Strip list markers: "1.", "I.", "a)", "-", "•". */
/** Strip list markers: "1.", "I.", "a)", "II.1.", "II.1.a)", "1.2", "-", "•". */
function stripEnumerator(s: string): string {
  return s.replace(/^\s*(?:[-–+•*]|(?:(?:[ivxlc]+|\d+|[a-z])[.)])+\d*|\d+(?:\.\d+)+)\s+/i, "");
}

/** A cell that could be an indicator code ("TT01", "PCTN01", "X-9"), not a note or a numbering. */
function looksLikeCode(s: string): boolean {
  return /^[A-Za-zĐđ]{1,8}[-_.]?\d{1,4}[A-Za-z]?$/.test(s.trim());
}

/** A figure, typed or as text: what makes a row with an unknown name worth reporting. */
function looksLikeFigure(v: CellValue): boolean {
  if (typeof v === "number" || isCellError(v)) return true;
  return typeof v === "string" && /^[\s\d.,\-−+]+$/.test(v) && /\d/.test(v) && !/^\s*\(?\d{1,2}\)?\s*$/.test(v);
}

/** "(1) (2) (3) …", "1 2 3 …", "A B C D 1 2 3": the column-numbering row of a report form. */
function isNumberingRow(sheet: SheetSnapshot, r: number): boolean {
  const b = sheetBounds(sheet);
  let cells = 0;
  for (let c = b.left; c < b.right; c++) {
    const v = cellAt(sheet, r, c);
    if (isBlank(v)) continue;
    cells++;
    if (!/^\(?([A-Za-z]|\d{1,2})\)?$/.test(cellText(v))) return false;
  }
  return cells >= 2;
}

function tokens(s: string): string[] {
  return label(stripEnumerator(s))
    .replace(/[^a-z0-9 ]/g, " ")
    .split(" ")
    .filter(Boolean);
}

/** Match a row's name to an indicator: exact (Vietnamese or English), else the unique close one. */
export function matchByName(name: string, catalog: Catalog): Indicator | null {
  const l = label(stripEnumerator(name)).replace(/\s*\([^)]*\)\s*$/, "");
  if (!l) return null;
  for (const ind of catalog.indicators) if (label(ind.name) === l || label(ind.nameEn) === l) return ind;
  const t = new Set(tokens(name));
  if (!t.size) return null;
  let best: Indicator | null = null;
  let bestScore = 0;
  let second = 0;
  for (const ind of catalog.indicators) {
    for (const n of [ind.name, ind.nameEn]) {
      const u = new Set(tokens(n));
      let inter = 0;
      for (const x of t) if (u.has(x)) inter++;
      const score = inter / (t.size + u.size - inter);
      if (score > bestScore) {
        if (best !== ind) second = bestScore;
        bestScore = score;
        best = ind;
      } else if (score > second && best !== ind) second = score;
    }
  }
  return bestScore >= 0.75 && bestScore - second >= 0.15 ? best : null;
}

export function matchByCode(code: string, catalog: Catalog): Indicator | null {
  return catalog.byCode.get(code.trim().toUpperCase()) ?? null;
}

export interface IndicatorRow {
  indicator: Indicator;
  row: number;
}

/** Rows of the table: matched to indicators, with INDICATOR_UNKNOWN / _DUPLICATE / _MISSING. */
export function readIndicatorRows(sheet: SheetSnapshot, layout: UnitLayout, catalog: Catalog): { rows: IndicatorRow[]; issues: Issue[] } {
  const b = sheetBounds(sheet);
  const issues: Issue[] = [];
  const rows: IndicatorRow[] = [];
  const seen = new Map<string, number>();
  const yearCols = layout.periodCols.map((p) => p.col);
  // Where a row's issue points: its code, else its name (only rows with an issue need it).
  const rowCell = (r: number, code: string) => a1(r, layout.codeCol !== null && code ? layout.codeCol : (layout.nameCol ?? layout.codeCol ?? b.left));
  for (let r = layout.headerRow + 1; r < b.bottom; r++) {
    const codeV = layout.codeCol !== null ? cellAt(sheet, r, layout.codeCol) : null;
    const nameV = layout.nameCol !== null ? cellAt(sheet, r, layout.nameCol) : null;
    if (isBlank(codeV) && isBlank(nameV)) continue;
    if (isNumberingRow(sheet, r)) continue;
    const code = cellText(codeV);
    const ind = (code && matchByCode(code, catalog)) || (!isBlank(nameV) ? matchByName(cellText(nameV), catalog) : null);
    if (!ind) {
      // Headings ("I. Công tác thanh tra"), notes and signature blocks have neither a code nor figures.
      const hasFigures = yearCols.some((c) => looksLikeFigure(cellAt(sheet, r, c)));
      if (hasFigures || looksLikeCode(code)) issues.push(issue("INDICATOR_UNKNOWN", "warning", sheet.name, rowCell(r, code), { label: code || cellText(nameV) }));
      continue;
    }
    const first = seen.get(ind.code);
    if (first !== undefined) {
      issues.push(issue("INDICATOR_DUPLICATE", "error", sheet.name, rowCell(r, code), { indicator: ind.code, first: a1(first, layout.codeCol ?? layout.nameCol ?? b.left) }));
      continue;
    }
    seen.set(ind.code, r);
    rows.push({ indicator: ind, row: r });
  }
  const headerCell = a1(layout.headerRow, layout.codeCol ?? layout.nameCol ?? b.left);
  for (const ind of catalog.indicators) {
    if (seen.has(ind.code)) continue;
    issues.push(issue("INDICATOR_MISSING", ind.required ? "error" : "warning", sheet.name, headerCell, { indicator: ind.code }));
  }
  return { rows, issues };
}
