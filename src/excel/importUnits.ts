/**
 * Units' files into the open workbook (SPEC §9.2), once the user confirmed the preview. Where
 * ExcelApi 1.13 exists, Workbook.insertWorksheetsFromBase64 brings the report sheet in whole, with
 * its formatting; below it, the sheet read by the host-neutral reader is written as values,
 * formulas, number formats, merges and column widths through applyPlan. Either way the sheet lands
 * under its roster name: a replaced sheet keeps its place, a new one goes after the last unit sheet.
 */
import type { SheetModel } from "../core/sheet/model";
import { applyPlan } from "./applyPlan";
import { officeSupports, type Supports } from "./supports";

export interface UnitSheetImport {
  /** The unit's file, Base64 (for insertWorksheetsFromBase64). */
  base64: string;
  /** The report sheet's name in that file. */
  sourceSheet: string;
  /** The roster's sheet name it lands under. */
  target: string;
  /** The workbook's sheet it replaces (same name as target but for case), or null for a new one. */
  replaces: string | null;
  /** The same sheet as values, formulas and formats, for hosts below ExcelApi 1.13. */
  plan: SheetModel;
}

/** A temporary name for a sheet being replaced, free in the workbook. */
const TEMP_PREFIX = "~BS import ";

/**
 * Insert every import; `after` is the sheet new ones follow (the last unit sheet), or null for the
 * end. Returns how the sheets were written.
 */
export async function importUnitSheets(context: Excel.RequestContext, imports: readonly UnitSheetImport[], after: string | null, supports: Supports = officeSupports): Promise<"inserted" | "written"> {
  if (supports("ExcelApi", "1.13")) {
    for (const imp of imports) await insertOne(context, imp, after);
    return "inserted";
  }
  for (const imp of imports) await writeOne(context, imp, after);
  return "written";
}

/**
 * One file through insertWorksheetsFromBase64. Excel's name for the inserted sheet is not
 * documented when it clashes, so the sheet is found by the ID the call returns and renamed; the
 * sheet it replaces steps aside under a temporary name first and is deleted only once the new one
 * stands, so a failure leaves the old sheet (renamed back) and no half sheet.
 */
async function insertOne(context: Excel.RequestContext, imp: UnitSheetImport, after: string | null): Promise<void> {
  const sheets = context.workbook.worksheets;
  let temp: string | null = null;
  if (imp.replaces) {
    sheets.load("items/name");
    await context.sync();
    const taken = new Set(sheets.items.map((s) => s.name.toUpperCase()));
    let k = 1;
    while (taken.has(`${TEMP_PREFIX}${k}`.toUpperCase())) k++;
    temp = `${TEMP_PREFIX}${k}`;
    sheets.getItem(imp.replaces).name = temp;
  }
  const anchor = temp ?? after;
  const ids = context.workbook.insertWorksheetsFromBase64(imp.base64, {
    sheetNamesToInsert: [imp.sourceSheet],
    ...(anchor ? { positionType: "After" as const, relativeTo: anchor } : { positionType: "End" as const }),
  });
  try {
    await context.sync();
  } catch (e) {
    if (temp && imp.replaces) {
      sheets.getItem(temp).name = imp.replaces;
      await context.sync();
    }
    throw e;
  }
  sheets.load("items/id,items/name");
  await context.sync();
  const inserted = sheets.items.find((s) => s.id === ids.value[0]);
  if (!inserted) throw new Error(`The inserted sheet ${ids.value[0]} is not in the workbook`);
  if (temp) sheets.getItem(temp).delete();
  inserted.name = imp.target;
  inserted.activate();
  await context.sync();
}

/** One file below ExcelApi 1.13: applyPlan writes the sheet (replacing the old one), then it is moved into place. */
async function writeOne(context: Excel.RequestContext, imp: UnitSheetImport, after: string | null): Promise<void> {
  const sheets = context.workbook.worksheets;
  sheets.load("items/name,items/position");
  await context.sync();
  const at = (name: string | null) => (name ? (sheets.items.find((s) => s.name.toUpperCase() === name.toUpperCase())?.position ?? null) : null);
  const old = at(imp.replaces);
  const anchor = at(after);
  await applyPlan(context, { sheets: [imp.plan], remove: imp.replaces ? [imp.replaces] : [], activate: imp.target });
  // applyPlan puts its sheets first; the old sheet's place (or the one after the anchor, which
  // moved one down when the new sheet went first), else the end.
  sheets.load("items/name");
  await context.sync();
  const last = sheets.items.length - 1;
  const position = old ?? (anchor !== null ? anchor + 1 : last);
  sheets.getItem(imp.target).position = Math.min(position, last);
  await context.sync();
}
