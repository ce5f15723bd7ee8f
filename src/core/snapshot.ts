/**
 * What a host hands the engine: every sheet's used range as plain data. Hosts (Office.js, the package reader)
 * convert their own cell representations into this one shape, so the engine never sees a host.
 */

/** An Excel error value such as #REF! or #DIV/0!. */
export interface CellError {
  error: string;
}

/** A cell's value as Excel shows it (a formula's cached result); null for an empty cell. */
export type CellValue = number | string | boolean | null | CellError;

/**
 * The most cells a host reads into one snapshot (all used ranges together): Office.js reads no
 * more in reasonable time and memory, and the file host keeps the same bound so both refuse alike.
 */
export const MAX_WORKBOOK_CELLS = 5_000_000;

export type SheetVisibility = "visible" | "hidden" | "veryHidden";

export interface SheetSnapshot {
  name: string;
  visibility: SheetVisibility;
  /** 0-based row and column of the used range's top-left cell (values[0][0]). */
  top: number;
  left: number;
  /** Rectangular: every row has the same length. Empty sheet → []. */
  values: CellValue[][];
  /** Formula text with its leading "=", or null where the cell holds a constant. Same shape as values. */
  formulas: (string | null)[][];
  /** Number format codes ("General", "#,##0", "@" …). Same shape as values. */
  numberFormats: string[][];
  /** Merged areas as A1 ranges ("A1:F1"). */
  merges: string[];
  /** The sheet's tab is selected (several when grouped), where the host says; absent: not selected or not known. */
  tabSelected?: true;
}

export interface WorkbookSnapshot {
  sheets: SheetSnapshot[];
  /**
   * The workbook counts dates from 1904 (a Mac workbook option): date values are serials in that
   * system, as Excel shows them. Absent: the 1900 system (or the host does not say).
   */
  date1904?: boolean;
}

export function isCellError(v: CellValue): v is CellError {
  return typeof v === "object" && v !== null && "error" in v;
}

/** Value at absolute 0-based (row, col), or null outside the used range. */
export function cellAt(sheet: SheetSnapshot, row: number, col: number): CellValue {
  const r = row - sheet.top;
  const c = col - sheet.left;
  if (r < 0 || c < 0 || r >= sheet.values.length) return null;
  const line = sheet.values[r];
  return c < line.length ? line[c] : null;
}

export function formulaAt(sheet: SheetSnapshot, row: number, col: number): string | null {
  const r = row - sheet.top;
  const c = col - sheet.left;
  if (r < 0 || c < 0 || r >= sheet.formulas.length) return null;
  return sheet.formulas[r][c] ?? null;
}

export function formatAt(sheet: SheetSnapshot, row: number, col: number): string {
  const r = row - sheet.top;
  const c = col - sheet.left;
  if (r < 0 || c < 0 || r >= sheet.numberFormats.length) return "General";
  return sheet.numberFormats[r][c] ?? "General";
}

/**
 * Absolute 0-based bounds (exclusive end) of the used range. An empty sheet's range is the empty
 * range at A1, so anything anchored at its top-left points at a real cell.
 */
export function sheetBounds(sheet: SheetSnapshot): { top: number; left: number; bottom: number; right: number } {
  const rows = sheet.values.length;
  const cols = rows ? sheet.values[0].length : 0;
  if (!rows || !cols) return { top: 0, left: 0, bottom: 0, right: 0 };
  return { top: sheet.top, left: sheet.left, bottom: sheet.top + rows, right: sheet.left + cols };
}

/** Build a snapshot sheet from a grid of values (tests, generated samples). */
export function sheetFromRows(
  name: string,
  rows: CellValue[][],
  opts: { formulas?: (string | null)[][]; numberFormats?: string[][]; merges?: string[]; top?: number; left?: number; visibility?: SheetVisibility } = {},
): SheetSnapshot {
  const width = rows.reduce((m, r) => Math.max(m, r.length), 0);
  const values = rows.map((r) => Array.from({ length: width }, (_, i) => (i < r.length ? r[i] : null)));
  const formulas = values.map((r, ri) => r.map((_, ci) => opts.formulas?.[ri]?.[ci] ?? null));
  const numberFormats = values.map((r, ri) => r.map((_, ci) => opts.numberFormats?.[ri]?.[ci] ?? "General"));
  return {
    name,
    visibility: opts.visibility ?? "visible",
    top: opts.top ?? 0,
    left: opts.left ?? 0,
    values: width ? values : [],
    formulas: width ? formulas : [],
    numberFormats: width ? numberFormats : [],
    merges: opts.merges ?? [],
  };
}
