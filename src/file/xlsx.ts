/** The Node host's workbook side: exceljs ⇄ snapshot, and the write plan applied to an exceljs workbook. */
import ExcelJS from "exceljs";
import { a1, quoteSheet } from "../core/a1";
import type { Bound, Cell, CellValidation, SheetModel } from "../core/sheet/model";
import { MAX_WORKBOOK_CELLS, type CellValue, type SheetSnapshot, type SheetVisibility, type WorkbookSnapshot } from "../core/snapshot";
import { EXCEL_STYLES } from "./styles";

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

/** A formula-safe string literal: "…" with quotes doubled. */
function literal(s: string): string {
  return `"${s.replace(/"/g, '""')}"`;
}

/**
 * One style object per (style, format) pair: exceljs keeps the object by reference, so a cell's
 * format must never be set on a shared style (it would change every cell that shares it).
 */
const styleCache = new Map<string, Partial<ExcelJS.Style>>();
function styleFor(style: keyof typeof EXCEL_STYLES | undefined, format: string | undefined, locked: boolean | undefined): Partial<ExcelJS.Style> {
  const key = `${style ?? ""}|${format ?? ""}|${locked ?? ""}`;
  let s = styleCache.get(key);
  if (!s) {
    s = { ...(style ? EXCEL_STYLES[style] : {}), ...(format ? { numFmt: format } : {}), ...(locked === false ? { protection: { locked: false } } : {}) };
    styleCache.set(key, s);
  }
  return s;
}

function bound(b: Bound): number | string {
  return typeof b === "number" ? b : b.ref;
}

function excelValidation(v: CellValidation): ExcelJS.DataValidation {
  const base = { showInputMessage: true, promptTitle: v.prompt.title, prompt: v.prompt.message };
  if (v.rule.type === "any") return { type: "any", formulae: [], ...base } as unknown as ExcelJS.DataValidation;
  const { min, max } = v.rule;
  return {
    type: v.rule.type,
    allowBlank: true,
    operator: max === undefined ? "greaterThanOrEqual" : "between",
    formulae: max === undefined ? [bound(min)] : [bound(min), bound(max)],
    ...base,
    showErrorMessage: !!v.error,
    errorStyle: "stop",
    errorTitle: v.error?.title,
    error: v.error?.message,
  };
}

/**
 * One planned sheet into an exceljs worksheet (charts are not exceljs's: package.ts adds them to
 * the saved package with charts.ts).
 */
/** One model cell into an exceljs cell. */
export function writeCell(cell: ExcelJS.Cell, pc: Cell): void {
  if (pc.style || pc.format || pc.locked === false) cell.style = styleFor(pc.style, pc.format, pc.locked);
  if (pc.link) {
    // An internal link as a HYPERLINK formula: exceljs would also write an external relationship.
    const target = `#${quoteSheet(pc.link.sheet)}!${pc.link.cell}`;
    cell.value = { formula: `HYPERLINK(${literal(target)},${literal(String(pc.value ?? pc.link.cell))})`, result: String(pc.value ?? pc.link.cell) } as ExcelJS.CellFormulaValue;
  } else if (pc.formula !== undefined) {
    const result = pc.value === null || pc.value === undefined ? undefined : pc.value;
    cell.value = { formula: pc.formula, result } as ExcelJS.CellFormulaValue;
  } else if (pc.value !== undefined && pc.value !== null) {
    // Strings are stored as strings: exceljs never turns "=…" text into a formula.
    cell.value = pc.value;
  }
  if (pc.validation) cell.dataValidation = excelValidation(pc.validation);
  if (pc.note) cell.note = pc.note;
}

/**
 * One sheet model into an exceljs worksheet (charts are not exceljs's: package.ts adds them to
 * the saved package with charts.ts).
 */
export function writeSheet(ws: ExcelJS.Worksheet, plan: SheetModel): void {
  plan.columnWidths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  plan.rows.forEach((line, r) => {
    if (!line) return;
    const row = ws.getRow(r + 1);
    if (plan.rowHeights?.[r]) row.height = plan.rowHeights[r];
    line.forEach((pc, c) => pc && writeCell(row.getCell(c + 1), pc));
  });
  for (const m of plan.merges) ws.mergeCells(m);
  if (plan.freeze && (plan.freeze.rows || plan.freeze.cols)) {
    ws.views = [{ state: "frozen", xSplit: plan.freeze.cols, ySplit: plan.freeze.rows, topLeftCell: a1(plan.freeze.rows, plan.freeze.cols) }];
  }
  ws.pageSetup = {
    ...ws.pageSetup,
    paperSize: 9, // A4
    orientation: plan.print.orientation,
    fitToPage: plan.print.fitToWidth,
    fitToWidth: 1,
    fitToHeight: 0,
    ...(plan.print.margins ? { margins: { ...plan.print.margins, header: 0.3, footer: 0.3 } } : {}),
  };
  if (plan.tabColor) ws.properties.tabColor = { argb: `FF${plan.tabColor}` };
  if (plan.visibility && plan.visibility !== "visible") ws.state = plan.visibility;
  if (plan.protection) {
    const p = plan.protection;
    // No password: the protection guards labels against slips; Review → Unprotect Sheet lifts it.
    void ws.protect("", {
      formatColumns: p.allowFormatColumns,
      formatRows: p.allowFormatRows,
      formatCells: p.allowFormatCells,
      insertRows: p.allowInsertRows,
      selectLockedCells: p.allowSelectLocked,
      selectUnlockedCells: p.allowSelectUnlocked,
    });
  }
}

/**
 * Save a whole exceljs workbook (the `template` command's new file), deflate level 1 like the parts
 * package.ts writes: faster, slightly larger, read the same by Excel.
 */
export async function saveWorkbook(wb: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await wb.xlsx.writeBuffer({ zip: { compression: "DEFLATE", compressionOptions: { level: 1 } } } as Partial<ExcelJS.XlsxWriteOptions>));
}
