/** The Node host's side of templates: a TemplatePlan written into an exceljs workbook. */
import ExcelJS from "exceljs";
import type { SheetModel } from "../core/sheet/model";
import type { TemplatePlan, UnitAdditionPlan } from "../core/template/model";
import { writeCell, writeSheet } from "./xlsx";

/** Add one template sheet (a new workbook's, or "Add unit sheet" on an existing one). */
export async function addTemplateSheet(wb: ExcelJS.Workbook, sheet: SheetModel): Promise<ExcelJS.Worksheet> {
  const ws = wb.addWorksheet(sheet.name);
  writeSheet(ws, sheet);
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
