/**
 * Earlier years' "Tổng hợp <year>" sheets in the workbook (outputs of earlier builds): their bloc
 * totals, read from the cached values, feed the trend when the unit sheets no longer carry a year.
 */
import { a1 } from "../a1";
import { OUTPUT_SHEETS } from "../outputSheets";
import type { Catalog } from "../model";
import type { Period } from "../period";
import { generatedKind } from "../marker";
import { cellAt, sheetBounds, type SheetSnapshot, type WorkbookSnapshot } from "../snapshot";
import { label } from "../text";

export interface EarlierSummary {
  year: number;
  sheet: string;
  /** indicator code → the bloc total and the cell it stands in. */
  totals: Map<string, { value: number; cell: string }>;
}

/** How far down the header row and the total row may sit on an earlier summary. */
const SCAN_ROWS = 12;

/**
 * The labels the bloc-total row of a summary of `year` bears, in every language it may have been
 * built in. The caller words them (i18n sits above the readers, so a reader never imports it).
 */
export type TotalRowLabels = (year: number, period: Period) => readonly string[];

function readTotals(sheet: SheetSnapshot, year: number, period: Period, catalog: Catalog, totalRowLabels: TotalRowLabels): EarlierSummary | null {
  const b = sheetBounds(sheet);
  const end = Math.min(b.bottom, b.top + SCAN_ROWS);
  // The header row: cells that start with an indicator code ("TT01\nSố cuộc thanh tra …").
  let header: Map<number, string> | null = null;
  for (let r = b.top; r < end && !header; r++) {
    const cols = new Map<number, string>();
    for (let c = b.left; c < b.right; c++) {
      const v = cellAt(sheet, r, c);
      const code = typeof v === "string" ? v.split("\n")[0].trim().toUpperCase() : "";
      if (catalog.byCode.has(code)) cols.set(c, catalog.byCode.get(code)!.code);
    }
    if (cols.size) header = cols;
  }
  if (!header) return null;
  // The row of the report year's bloc total, in whichever language the sheet was built.
  const wanted = new Set(totalRowLabels(year, period).map(label));
  for (let r = b.top; r < b.bottom; r++) {
    let hit = false;
    for (let c = b.left; c < Math.min(b.right, b.left + 4) && !hit; c++) hit = wanted.has(label(cellAt(sheet, r, c)));
    if (!hit) continue;
    const totals = new Map<string, { value: number; cell: string }>();
    for (const [c, code] of header) {
      const v = cellAt(sheet, r, c);
      if (typeof v === "number" && Number.isFinite(v)) totals.set(code, { value: v, cell: a1(r, c) });
    }
    return { year, sheet: sheet.name, totals };
  }
  return null;
}

/** Every marked summary of an earlier year of the same period, latest sheet first per year. */
export function readEarlierSummaries(wb: WorkbookSnapshot, catalog: Catalog, period: Period, year: number, totalRowLabels: TotalRowLabels): EarlierSummary[] {
  const out: EarlierSummary[] = [];
  for (const s of wb.sheets) {
    if (generatedKind(s) !== "summary") continue;
    const m = /^(.*?)(\d{4})(?: \(BS\d+\))?$/.exec(s.name);
    if (!m) continue;
    const y = Number(m[2]);
    if (y >= year || OUTPUT_SHEETS.summary(y, period) !== `${m[1]}${m[2]}` || out.some((e) => e.year === y)) continue;
    const read = readTotals(s, y, period, catalog, totalRowLabels);
    if (read) out.push(read);
  }
  return out.sort((a, b) => a.year - b.year);
}
