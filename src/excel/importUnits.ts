/**
 * Units' files into the open workbook (SPEC §9.2), once the user confirmed the preview. A new unit
 * sheet comes in whole, with its formatting, through Workbook.insertWorksheetsFromBase64 where
 * ExcelApi 1.13 exists. A sheet that replaces the unit's existing one is rewritten in place by
 * applyPlan (values, formulas, number formats, merges, column widths): the same worksheet, so the
 * summary's and the user's formulas pointing at it keep working — deleting it would leave them
 * #REF!. Below 1.13 new sheets are written the same way. A replaced sheet keeps its place; a new
 * one goes after the last unit sheet.
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
  /** The same sheet as values, formulas and formats: for a replacement, and below ExcelApi 1.13. */
  plan: SheetModel;
}

/**
 * Bring every import in; `after` is the sheet new ones follow (the last unit sheet), or null for
 * the end. Returns whether any sheet came in whole (inserted) or all were written.
 */
export async function importUnitSheets(
  context: Excel.RequestContext,
  imports: readonly UnitSheetImport[],
  after: string | null,
  supports: Supports = officeSupports,
): Promise<"inserted" | "written"> {
  let inserted = false;
  let anchor = after;
  for (const imp of imports) {
    if (!imp.replaces && (await insertOne(context, imp, anchor, supports))) inserted = true;
    else await writeOne(context, imp, anchor, supports);
    // The next new sheet follows this one: new sheets keep the order of the files.
    if (!imp.replaces) anchor = imp.target;
  }
  return inserted ? "inserted" : "written";
}

/**
 * A new sheet through insertWorksheetsFromBase64; false (nothing done) where ExcelApi 1.13 is
 * missing. Excel's name for an inserted sheet whose name is taken is not documented, so the sheet
 * is found by the ID the call returns and then renamed.
 */
async function insertOne(context: Excel.RequestContext, imp: UnitSheetImport, after: string | null, supports: Supports): Promise<boolean> {
  if (!supports("ExcelApi", "1.13")) return false;
  const sheets = context.workbook.worksheets;
  const ids = context.workbook.insertWorksheetsFromBase64(imp.base64, {
    sheetNamesToInsert: [imp.sourceSheet],
    ...(after ? { positionType: "After" as const, relativeTo: after } : { positionType: "End" as const }),
  });
  sheets.load("items/id,items/name");
  await context.sync();
  const inserted = sheets.items.find((s) => s.id === ids.value[0]);
  if (!inserted) throw new Error(`The inserted sheet ${ids.value[0]} is not in the workbook`);
  inserted.name = imp.target;
  inserted.activate();
  await context.sync();
  return true;
}

/** A replacement (in place), or a new sheet below ExcelApi 1.13: applyPlan writes it, then it is moved into place. */
async function writeOne(context: Excel.RequestContext, imp: UnitSheetImport, after: string | null, supports: Supports): Promise<void> {
  const sheets = context.workbook.worksheets;
  sheets.load("items/name,items/position");
  await context.sync();
  const at = (name: string | null) => (name ? (sheets.items.find((s) => s.name.toUpperCase() === name.toUpperCase())?.position ?? null) : null);
  const old = at(imp.replaces);
  const anchor = at(after);
  await applyPlan(context, { sheets: [imp.plan], remove: imp.replaces ? [imp.replaces] : [], activate: imp.target }, { supports });
  // The old sheet's place, or right after the anchor (whether applyPlan put the new sheet first,
  // moving the anchor one down, or last), else the end.
  sheets.load("items/name");
  await context.sync();
  const last = sheets.items.length - 1;
  const position = old ?? (anchor !== null ? anchor + 1 : last);
  sheets.getItem(imp.target).position = Math.min(position, last);
  await context.sync();
}
