/** The Node host's workbook writing with exceljs: the write plan applied to an exceljs workbook (reading is src/xlsx/read.ts). */
import ExcelJS from "exceljs";
import { a1, quoteSheet } from "../core/a1";
import type { Bound, Cell, CellValidation, SheetModel } from "../core/sheet/model";
import { EXCEL_STYLES } from "./styles";

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
