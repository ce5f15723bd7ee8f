/**
 * A new workbook holding exactly a plan's sheets (the sector roll-up has no user workbook to write
 * into). Until the host-neutral writer lands, exceljs lays the sheets out with the same writeSheet
 * the build uses, so styles and formats are the summary's.
 */
import ExcelJS from "exceljs";
import type { WritePlan } from "../core/plan";
import { saveWorkbook, writeSheet } from "./xlsx";

export async function newWorkbookFromPlan(plan: WritePlan, created = new Date()): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "Bloc Summary";
  wb.created = created;
  wb.modified = created;
  for (const s of plan.sheets) writeSheet(wb.addWorksheet(s.name), s);
  const active = Math.max(
    0,
    plan.sheets.findIndex((s) => s.name === plan.activate),
  );
  wb.views = [{ x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: active, visibility: "visible" }];
  return saveWorkbook(wb);
}
