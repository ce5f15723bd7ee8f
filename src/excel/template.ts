/**
 * The Office.js host's side of templates: "Tạo sổ khối" / "Create bloc workbook" applies a whole
 * TemplatePlan to the open (new) workbook; "Thêm sheet đơn vị" / "Add unit sheet" applies a
 * UnitAdditionPlan (one unit sheet and the roster/scoring rows). Nothing here decides layout: every
 * cell, format, validation, lock and note comes from the plan (src/core/template).
 */
import { officeSupports, type Supports } from "./supports";
import { a1, columnName, quoteSheet } from "../core/a1";
import type { Bound, Cell, CellValidation, SheetModel, SheetProtection } from "../core/sheet/model";
import type { TemplatePlan, TemplateWrite, UnitAdditionPlan } from "../core/template/model";
import { applyStyle, EXCEL_STYLES } from "./styles";

// Enum members are written as their string values: the Excel namespace exists only inside Office.


/** Sheets the plan would add that the workbook already has: the host refuses instead of overwriting. */
export class TemplateConflictError extends Error {
  constructor(readonly sheets: string[]) {
    super(`Sheets already exist: ${sheets.join(", ")}`);
  }
}

/** Column width in points for a width in characters (~7 px per character plus 5 px padding, at 96 dpi). */
function columnWidthPoints(chars: number): number {
  return Math.round((chars * 7 + 5) * 0.75 * 100) / 100;
}

function bound(b: Bound): number | string {
  return typeof b === "number" ? b : `=${b.ref}`;
}

/** The plan's rule as Office.js's: whole numbers or decimals, ≥ min or between min and max. */
export function officeRule(v: CellValidation): Excel.DataValidationRule | null {
  if (v.rule.type === "any") return null;
  const basic: Excel.BasicDataValidation =
    v.rule.max === undefined
      ? { operator: "GreaterThanOrEqualTo", formula1: bound(v.rule.min) }
      : { operator: "Between", formula1: bound(v.rule.min), formula2: bound(v.rule.max) };
  return v.rule.type === "whole" ? { wholeNumber: basic } : { decimal: basic };
}

export function officeProtection(p: SheetProtection): Excel.WorksheetProtectionOptions {
  return {
    allowFormatColumns: p.allowFormatColumns,
    allowFormatRows: p.allowFormatRows,
    allowFormatCells: p.allowFormatCells,
    allowInsertRows: p.allowInsertRows,
    selectionMode: p.allowSelectLocked ? "Normal" : p.allowSelectUnlocked ? "Unlocked" : "None",
  };
}

function formatRange(range: Excel.Range, cell: Cell): void {
  if (cell.style) applyStyle(range, EXCEL_STYLES[cell.style], { rows: 1, cols: 1 });
  if (cell.locked === false) range.format.protection.locked = false;
}

function validate(range: Excel.Range, v: CellValidation): void {
  const dv = range.dataValidation;
  dv.clear();
  const rule = officeRule(v);
  if (rule) {
    dv.rule = rule;
    dv.ignoreBlanks = true;
  }
  dv.prompt = { showPrompt: true, title: v.prompt.title, message: v.prompt.message };
  if (v.error) dv.errorAlert = { showAlert: true, style: "Stop", title: v.error.title, message: v.error.message };
}

/** The value or formula to write: text that would read as a formula gets the text format first. */
function content(cell: Cell): { input: string | number | boolean | null; asText: boolean } {
  if (cell.formula !== undefined) return { input: `=${cell.formula}`, asText: false };
  if (cell.value === undefined || cell.value === null) return { input: null, asText: false };
  return { input: cell.value, asText: typeof cell.value === "string" && /^[=+\-@]/.test(cell.value) };
}

/** One cell on a sheet: content, number format, look, lock, validation; the note is queued apart. */
function writeCell(ws: Excel.Worksheet, row: number, col: number, cell: Cell): void {
  const range = ws.getCell(row, col);
  const { input, asText } = content(cell);
  if (asText) range.numberFormat = [["@"]];
  else if (cell.format) range.numberFormat = [[cell.format]];
  if (input !== null) range.formulas = [[input]];
  formatRange(range, cell);
  if (cell.validation) validate(range, cell.validation);
}

function addNote(context: Excel.RequestContext, ws: Excel.Worksheet, sheetName: string, row: number, col: number, text: string, supports: Supports): void {
  if (supports("ExcelApi", "1.18")) ws.notes.add(a1(row, col), text);
  else if (supports("ExcelApi", "1.10")) context.workbook.comments.add(`${quoteSheet(sheetName)}!${a1(row, col)}`, text);
  // Older hosts: the same text is the value cell's input prompt, so nothing is lost but the hover.
}

/** Queue one template sheet on a new worksheet; the caller syncs. */
function writeSheet(context: Excel.RequestContext, ws: Excel.Worksheet, sheet: SheetModel, supports: Supports): void {
  sheet.rows.forEach((line, r) =>
    line?.forEach((cell, c) => {
      if (!cell) return;
      writeCell(ws, r, c, cell);
      if (cell.note) addNote(context, ws, sheet.name, r, c, cell.note, supports);
    }),
  );
  for (const m of sheet.merges) ws.getRange(m).merge(false);
  sheet.columnWidths.forEach((w, c) => (ws.getRange(`${columnName(c)}:${columnName(c)}`).format.columnWidth = columnWidthPoints(w)));
  for (const [r, h] of Object.entries(sheet.rowHeights ?? {})) ws.getRange(`${Number(r) + 1}:${Number(r) + 1}`).format.rowHeight = h;
  const freeze = sheet.freeze;
  if (freeze?.rows && freeze.cols) ws.freezePanes.freezeAt(ws.getRangeByIndexes(0, 0, freeze.rows, freeze.cols));
  else if (freeze?.rows) ws.freezePanes.freezeRows(freeze.rows);
  else if (freeze?.cols) ws.freezePanes.freezeColumns(freeze.cols);
  if (sheet.tabColor) ws.tabColor = `#${sheet.tabColor}`;
  ws.pageLayout.orientation = sheet.print.orientation === "landscape" ? "Landscape" : "Portrait";
  if (sheet.protection) ws.protection.protect(officeProtection(sheet.protection));
}

async function existingNames(context: Excel.RequestContext): Promise<string[]> {
  const sheets = context.workbook.worksheets;
  sheets.load("items/name");
  await context.sync();
  return sheets.items.map((s) => s.name);
}

function conflicts(existing: string[], wanted: string[]): string[] {
  const have = new Set(existing.map((n) => n.toLocaleLowerCase()));
  return wanted.filter((n) => have.has(n.toLocaleLowerCase()));
}

/**
 * "Tạo sổ khối": add the plan's sheets to the open workbook (meant for a new, blank one), in plan
 * order, and show the plan's sheet; a lone blank sheet is removed. Refuses, before writing
 * anything, if a sheet name is taken. Two syncs to look, then one per sheet (bounded request size).
 */
export async function applyTemplatePlan(context: Excel.RequestContext, plan: TemplatePlan, supports: Supports = officeSupports): Promise<void> {
  const existing = await existingNames(context);
  const taken = conflicts(existing, plan.sheets.map((s) => s.name));
  if (taken.length) throw new TemplateConflictError(taken);
  // A new workbook's lone blank "Sheet1" would only be in the way: it goes once ours are in.
  let blank: Excel.Worksheet | null = null;
  if (existing.length === 1) {
    const only = context.workbook.worksheets.getItem(existing[0]);
    const used = only.getUsedRangeOrNullObject(true);
    used.load("address");
    await context.sync();
    if (used.isNullObject) blank = only;
  }
  for (const sheet of plan.sheets) {
    const ws = context.workbook.worksheets.add(sheet.name);
    writeSheet(context, ws, sheet, supports);
    await context.sync();
  }
  context.workbook.worksheets.getItem(plan.activate).activate();
  blank?.delete();
  await context.sync();
}

/**
 * "Thêm sheet đơn vị": add the unit's sheet and write the roster and scoring cells. A protected
 * target sheet (the template protects without a password) is unprotected for the writes and
 * protected again with the template's options.
 */
export async function applyUnitAddition(context: Excel.RequestContext, addition: UnitAdditionPlan, supports: Supports = officeSupports): Promise<void> {
  const taken = conflicts(await existingNames(context), [addition.sheet.name]);
  if (taken.length) throw new TemplateConflictError(taken);

  const bySheet = new Map<string, TemplateWrite[]>();
  for (const w of addition.writes) bySheet.set(w.sheet, [...(bySheet.get(w.sheet) ?? []), w]);
  const targets = [...bySheet.keys()].map((name) => {
    const ws = context.workbook.worksheets.getItem(name);
    ws.protection.load("protected");
    return { name, ws };
  });
  await context.sync();

  const ws = context.workbook.worksheets.add(addition.sheet.name);
  writeSheet(context, ws, addition.sheet, supports);
  for (const t of targets) {
    const wasProtected = t.ws.protection.protected;
    if (wasProtected) t.ws.protection.unprotect();
    for (const w of bySheet.get(t.name)!) {
      writeCell(t.ws, w.row, w.col, w.cell);
      if (w.cell.note) addNote(context, t.ws, t.name, w.row, w.col, w.cell.note, supports);
    }
    if (wasProtected && addition.sheet.protection) t.ws.protection.protect(officeProtection(addition.sheet.protection));
  }
  ws.activate();
  ws.getRange("A1").select();
  await context.sync();
}
