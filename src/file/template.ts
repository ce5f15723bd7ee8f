/** The Node host's side of templates: a TemplatePlan written into an exceljs workbook. */
import ExcelJS from "exceljs";
import { a1 } from "../core/a1";
import { TEMPLATE_FONT, TEMPLATE_STYLES, type Bound, type CellValidation, type SheetTemplate, type StyleSpec, type TemplateCell, type TemplatePlan, type UnitAdditionPlan } from "../core/template/model";

const thin = { style: "thin" as const, color: { argb: "FF9E9E9E" } };

/** A fresh style object per cell: exceljs mutates a cell's style when its numFmt is set. */
export function excelStyle(spec: StyleSpec | undefined, cell: TemplateCell): Partial<ExcelJS.Style> {
  const style: Partial<ExcelJS.Style> = {};
  if (spec) {
    style.font = { name: TEMPLATE_FONT, size: spec.size, bold: spec.bold, italic: spec.italic, ...(spec.color ? { color: { argb: `FF${spec.color}` } } : {}) };
    if (spec.fill) style.fill = { type: "pattern", pattern: "solid", fgColor: { argb: `FF${spec.fill}` } };
    style.alignment = { horizontal: spec.horizontal, vertical: spec.vertical, wrapText: spec.wrap };
    if (spec.border) style.border = { top: thin, left: thin, bottom: thin, right: thin };
  }
  if (cell.format) style.numFmt = cell.format;
  if (cell.locked === false) style.protection = { locked: false };
  return style;
}

function bound(b: Bound): number | string {
  return typeof b === "number" ? b : b.ref;
}

export function excelValidation(v: CellValidation): ExcelJS.DataValidation {
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

function writeCell(cell: ExcelJS.Cell, tc: TemplateCell): void {
  cell.style = excelStyle(tc.style ? TEMPLATE_STYLES[tc.style] : undefined, tc);
  if (tc.formula !== undefined) cell.value = { formula: tc.formula, result: tc.value ?? undefined } as ExcelJS.CellFormulaValue;
  else if (tc.value !== undefined && tc.value !== null) cell.value = tc.value;
  if (tc.validation) cell.dataValidation = excelValidation(tc.validation);
  if (tc.note) cell.note = tc.note;
}

async function writeSheet(ws: ExcelJS.Worksheet, sheet: SheetTemplate): Promise<void> {
  sheet.columnWidths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  sheet.rows.forEach((line, r) => {
    if (!line) return;
    const row = ws.getRow(r + 1);
    if (sheet.rowHeights[r]) row.height = sheet.rowHeights[r];
    line.forEach((tc, c) => tc && writeCell(row.getCell(c + 1), tc));
  });
  for (const m of sheet.merges) ws.mergeCells(m);
  if (sheet.freeze && (sheet.freeze.rows || sheet.freeze.cols)) {
    ws.views = [{ state: "frozen", xSplit: sheet.freeze.cols, ySplit: sheet.freeze.rows, topLeftCell: a1(sheet.freeze.rows, sheet.freeze.cols) }];
  }
  ws.pageSetup = { ...ws.pageSetup, paperSize: 9, orientation: sheet.orientation, fitToPage: true, fitToWidth: 1, fitToHeight: 0 };
  if (sheet.tabColor) ws.properties.tabColor = { argb: `FF${sheet.tabColor}` };
  if (sheet.protection) {
    const p = sheet.protection;
    // No password: the protection guards labels against slips; Review → Unprotect Sheet lifts it.
    await ws.protect("", {
      formatColumns: p.allowFormatColumns,
      formatRows: p.allowFormatRows,
      formatCells: p.allowFormatCells,
      insertRows: p.allowInsertRows,
      selectLockedCells: p.allowSelectLocked,
      selectUnlockedCells: p.allowSelectUnlocked,
    });
  }
}

/** Add one template sheet (a new workbook's, or "Add unit sheet" on an existing one). */
export async function addTemplateSheet(wb: ExcelJS.Workbook, sheet: SheetTemplate): Promise<ExcelJS.Worksheet> {
  const ws = wb.addWorksheet(sheet.name);
  await writeSheet(ws, sheet);
  return ws;
}

/** A new workbook holding exactly the plan's sheets, the plan's sheet active. */
export async function templateWorkbook(plan: TemplatePlan, created = new Date()): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "Bloc Summary";
  wb.created = created;
  wb.modified = created;
  for (const s of plan.sheets) await addTemplateSheet(wb, s);
  const active = Math.max(0, plan.sheets.findIndex((s) => s.name === plan.activate));
  wb.views = [{ x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: active, visibility: "visible" }];
  return wb;
}

/** "Add unit sheet" on a workbook loaded from disk: the roster and scoring cells, then the unit sheet (added last). */
export async function applyUnitAddition(wb: ExcelJS.Workbook, addition: UnitAdditionPlan): Promise<void> {
  for (const w of addition.writes) {
    const ws = wb.getWorksheet(w.sheet);
    if (!ws) throw new Error(`No sheet ${w.sheet}`);
    writeCell(ws.getCell(w.row + 1, w.col + 1), w.cell);
  }
  await addTemplateSheet(wb, addition.sheet);
}
