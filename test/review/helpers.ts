/** Helpers of the shared-review tests: edit a snapshot's cells, and "write" a plan into a snapshot. */
import { buildBloc, type BuildResult } from "../../src/core/pipeline";
import type { SheetModel } from "../../src/core/sheet/model";
import { findHeader } from "../../src/core/grid";
import { ROSTER_COLUMNS, findConfigSheet } from "../../src/core/read/config";
import { sheetBounds, type CellValue, type SheetSnapshot, type WorkbookSnapshot } from "../../src/core/snapshot";

/** Put a value at absolute (row, col), growing the sheet's rectangle as needed. */
export function putCell(sheet: SheetSnapshot, row: number, col: number, value: CellValue, format = "General"): SheetSnapshot {
  const b = sheetBounds(sheet);
  const top = Math.min(b.top, row);
  const left = Math.min(b.left, col);
  const bottom = Math.max(b.bottom, row + 1);
  const right = Math.max(b.right, col + 1);
  const grid = <T>(src: T[][], blank: T) =>
    Array.from({ length: bottom - top }, (_, r) =>
      Array.from({ length: right - left }, (_, c) => {
        const sr = r + top - sheet.top;
        const sc = c + left - sheet.left;
        return sr >= 0 && sc >= 0 && sr < src.length && sc < (src[sr]?.length ?? 0) ? src[sr][sc] : blank;
      }),
    );
  const values = grid<CellValue>(sheet.values, null);
  const formulas = grid<string | null>(sheet.formulas, null);
  const numberFormats = grid<string>(sheet.numberFormats, "General");
  values[row - top][col - left] = value;
  formulas[row - top][col - left] = null;
  numberFormats[row - top][col - left] = format;
  return { ...sheet, top, left, values, formulas, numberFormats };
}

/** The workbook with one sheet replaced by `f(sheet)`. */
export function withSheet(wb: WorkbookSnapshot, name: string, f: (s: SheetSnapshot) => SheetSnapshot): WorkbookSnapshot {
  return { sheets: wb.sheets.map((s) => (s.name === name ? f(s) : s)) };
}

/**
 * The roster gains a confirmation column headed `header`, filled from `entries` by unit code; with
 * `require`, the key "Yêu cầu xác nhận" (or the given label) is added below the roster.
 */
export function withConfirmation(
  wb: WorkbookSnapshot,
  header: string | null,
  entries: Record<string, CellValue | { value: CellValue; format: string }>,
  require?: { label?: string; value: CellValue },
): WorkbookSnapshot {
  const cfg = findConfigSheet(wb)!;
  const h = findHeader(cfg, ROSTER_COLUMNS, ["code", "name"])!;
  let s = cfg;
  const col = Math.max(...Object.values(h.cols).filter((c): c is number => c !== undefined)) + 1;
  let last = h.row;
  if (header !== null) s = putCell(s, h.row, col, header);
  for (let r = h.row + 1; r < sheetBounds(cfg).bottom; r++) {
    const code = cfg.values[r - cfg.top]?.[h.cols.code! - cfg.left];
    if (typeof code !== "string" || !code) break;
    last = r;
    const e = entries[code];
    if (e === undefined || header === null) continue;
    s = typeof e === "object" && e !== null && "format" in e ? putCell(s, r, col, e.value, e.format) : putCell(s, r, col, e as CellValue);
  }
  if (require) {
    s = putCell(s, last + 3, h.cols.code!, require.label ?? "Yêu cầu xác nhận");
    s = putCell(s, last + 3, h.cols.code! + 1, require.value);
  }
  return withSheet(wb, cfg.name, () => s);
}

/** A planned sheet as a host leaves it in the workbook: values, formulas, formats, visibility. */
export function planToSheet(p: SheetModel): SheetSnapshot {
  const width = p.rows.reduce((m, r) => Math.max(m, r?.length ?? 0), 0);
  const height = width ? p.rows.length : 0;
  const at = <T>(f: (r: number, c: number) => T) => Array.from({ length: height }, (_, r) => Array.from({ length: width }, (_, c) => f(r, c)));
  return {
    name: p.name,
    visibility: p.visibility ?? "visible",
    top: 0,
    left: 0,
    values: at((r, c) => p.rows[r]?.[c]?.value ?? null),
    formulas: at((r, c) => (p.rows[r]?.[c]?.formula ? `=${p.rows[r]![c]!.formula}` : null)),
    numberFormats: at((r, c) => p.rows[r]?.[c]?.format ?? "General"),
    merges: p.merges,
  };
}

/** The workbook after a host applied the plan: earlier outputs gone, new ones first. */
export function applied(wb: WorkbookSnapshot, res: BuildResult): WorkbookSnapshot {
  const gone = new Set(res.plan.remove);
  return { sheets: [...res.plan.sheets.map(planToSheet), ...wb.sheets.filter((s) => !gone.has(s.name))] };
}

/** Build at `now` and return the result with the workbook as it is afterwards. */
export function buildAt(wb: WorkbookSnapshot, now: string, lang: "vi" | "en" = "vi"): { res: BuildResult; after: WorkbookSnapshot } {
  const res = buildBloc(wb, { lang, now, utcOffsetMinutes: 420 });
  return { res, after: applied(wb, res) };
}
