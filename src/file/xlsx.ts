/** The Node host's workbook side: exceljs → snapshot (writing is src/xlsx/write's). */
import ExcelJS from "exceljs";
import { a1 } from "../core/a1";
import { MAX_WORKBOOK_CELLS, type CellValue, type SheetSnapshot, type SheetVisibility, type WorkbookSnapshot } from "../core/snapshot";

export class TooLargeError extends Error {
  constructor(
    readonly sheet: string,
    readonly range: string,
    readonly cells: number,
  ) {
    super(`Sheet ${sheet}: used range ${range} has ${cells} cells`);
  }
}

const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

function toCellValue(cell: ExcelJS.Cell): { value: CellValue; formula: string | null } {
  const v = cell.value as unknown;
  if (cell.type === ExcelJS.ValueType.Merge) return { value: null, formula: null };
  if (v === null || v === undefined) return { value: null, formula: null };
  if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") return { value: v, formula: null };
  if (v instanceof Date) return { value: (v.getTime() - EXCEL_EPOCH) / 86400000, formula: null };
  const o = v as Record<string, unknown>;
  if ("error" in o) return { value: { error: String(o.error) }, formula: null };
  if ("formula" in o || "sharedFormula" in o) {
    const f = cell.formula;
    // cell.result, not value.result: exceljs's value getter drops falsy results (0, "", false).
    const res = cell.result as unknown;
    let value: CellValue = null;
    if (typeof res === "number" || typeof res === "string" || typeof res === "boolean") value = res;
    else if (res instanceof Date) value = (res.getTime() - EXCEL_EPOCH) / 86400000;
    else if (res && typeof res === "object" && "error" in (res as object)) value = { error: String((res as { error: unknown }).error) };
    return { value, formula: f ? `=${f}` : null };
  }
  if ("richText" in o) return { value: (o.richText as { text: string }[]).map((t) => t.text).join(""), formula: null };
  if ("hyperlink" in o) return { value: String(o.text ?? ""), formula: null };
  return { value: cell.text ?? null, formula: null };
}

function visibility(ws: ExcelJS.Worksheet): SheetVisibility {
  return ws.state === "hidden" ? "hidden" : ws.state === "veryHidden" ? "veryHidden" : "visible";
}

/** A worksheet's used range (cells with a value or a formula) as a snapshot sheet. */
export function sheetSnapshot(ws: ExcelJS.Worksheet, budget: { cells: number }): SheetSnapshot {
  let top = Infinity;
  let left = Infinity;
  let bottom = -1;
  let right = -1;
  const cells: { r: number; c: number; value: CellValue; formula: string | null; fmt: string }[] = [];
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      const { value, formula } = toCellValue(cell);
      if (value === null && formula === null) return;
      const r = rowNumber - 1;
      const c = colNumber - 1;
      top = Math.min(top, r);
      left = Math.min(left, c);
      bottom = Math.max(bottom, r);
      right = Math.max(right, c);
      cells.push({ r, c, value, formula, fmt: cell.numFmt || "General" });
    });
  });
  const merges = Object.values((ws as unknown as { _merges: Record<string, { range: string }> })._merges ?? {}).map((m) => m.range);
  if (bottom < 0) return { name: ws.name, visibility: visibility(ws), top: 0, left: 0, values: [], formulas: [], numberFormats: [], merges };
  const rows = bottom - top + 1;
  const cols = right - left + 1;
  const area = rows * cols;
  budget.cells -= area;
  if (budget.cells < 0) throw new TooLargeError(ws.name, `${a1(top, left)}:${a1(bottom, right)}`, area);
  const values: CellValue[][] = Array.from({ length: rows }, () => new Array<CellValue>(cols).fill(null));
  const formulas: (string | null)[][] = Array.from({ length: rows }, () => new Array<string | null>(cols).fill(null));
  const numberFormats: string[][] = Array.from({ length: rows }, () => new Array<string>(cols).fill("General"));
  for (const x of cells) {
    values[x.r - top][x.c - left] = x.value;
    formulas[x.r - top][x.c - left] = x.formula;
    numberFormats[x.r - top][x.c - left] = x.fmt;
  }
  return { name: ws.name, visibility: visibility(ws), top, left, values, formulas, numberFormats, merges };
}

export function workbookSnapshot(wb: ExcelJS.Workbook): WorkbookSnapshot {
  const budget = { cells: MAX_WORKBOOK_CELLS };
  return { sheets: wb.worksheets.map((ws) => sheetSnapshot(ws, budget)) };
}
