/** A template as the engine would read it once written: the plan's values and formulas as a snapshot. */
import type { CellValue, WorkbookSnapshot } from "../snapshot";
import { sheetFromRows } from "../snapshot";
import type { SheetModel } from "../sheet/model";
import type { TemplatePlan } from "./model";

export function templateSheetSnapshot(sheet: SheetModel) {
  const values: CellValue[][] = sheet.rows.map((line) => (line ?? []).map((c) => (c?.value === undefined ? null : c.value)));
  const formulas = sheet.rows.map((line) => (line ?? []).map((c) => (c?.formula !== undefined ? `=${c.formula}` : null)));
  const numberFormats = sheet.rows.map((line) => (line ?? []).map((c) => c?.format ?? "General"));
  return sheetFromRows(sheet.name, values, { formulas, numberFormats, merges: sheet.merges });
}

export function templateSnapshot(plan: TemplatePlan): WorkbookSnapshot {
  return { sheets: plan.sheets.map(templateSheetSnapshot) };
}
