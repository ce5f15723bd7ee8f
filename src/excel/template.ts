/**
 * The Office.js host's side of templates: "Tạo sổ khối" / "Create bloc workbook" applies a whole
 * TemplatePlan to the open (new) workbook; "Thêm sheet đơn vị" / "Add unit sheet" applies a
 * UnitAdditionPlan (one unit sheet and the roster/scoring rows). Nothing here decides layout: every
 * cell, format, validation, lock and note comes from the plan (src/core/template).
 */
import { officeSupports, type Supports } from "./supports";
import type { SheetModel, SheetProtection } from "../core/sheet/model";
import type { TemplatePlan, TemplateWrite, UnitAdditionPlan } from "../core/template/model";
import { capabilities, officeProtection, sheetSteps, writeCell, type Capabilities, type NoteKind } from "./sheetWriter";

export { officeProtection, officeRule } from "./sheetWriter";

// Enum members are written as their string values: the Excel namespace exists only inside Office.

/** Sheets the plan would add that the workbook already has: the host refuses instead of overwriting. */
export class TemplateConflictError extends Error {
  constructor(readonly sheets: string[]) {
    super(`Sheets already exist: ${sheets.join(", ")}`);
  }
}

const LOWER_NOTE_KIND: Record<NoteKind, NoteKind | null> = { note: "comment", comment: "none", none: null };

/** Office.js's answers for "this Excel cannot do that", which a lower note kind may avoid. */
function isUnsupported(e: unknown): boolean {
  const code = (e as { code?: string } | null)?.code;
  return code === "NotImplemented" || code === "ApiNotAvailable" || code === "ApiNotFound" || code === "UnsupportedOperation";
}

/** Queue one template sheet on a new worksheet with the one sheet writer; the caller syncs. */
function writeSheet(context: Excel.RequestContext, ws: Excel.Worksheet, sheet: SheetModel, can: Capabilities): void {
  for (const step of sheetSteps(context, sheet, 0, can)) step.run(ws);
}

function conflicts(existing: string[], wanted: string[]): string[] {
  const have = new Set(existing.map((n) => n.toLocaleLowerCase()));
  return wanted.filter((n) => have.has(n.toLocaleLowerCase()));
}

/** Delete the sheets a failed write added (those that exist now); one sync, best effort. */
async function removeAdded(context: Excel.RequestContext, names: readonly string[]): Promise<void> {
  try {
    const sheets = context.workbook.worksheets;
    sheets.load("items/name");
    await context.sync();
    const now = new Set(sheets.items.map((s) => s.name.toLocaleLowerCase()));
    const added = names.filter((n) => now.has(n.toLocaleLowerCase()));
    for (const n of added) sheets.getItem(n).delete();
    if (added.length) await context.sync();
  } catch {
    // The original failure is the one to report.
  }
}

/**
 * Run a template write with the best note kind, and again one kind lower when Excel cannot do it:
 * a build that reports ExcelApi 1.10 but answers comments.add with NotImplemented (office-js #1847)
 * gets its write rolled back and run again without comments.
 */
async function withNoteFallback(supports: Supports, write: (can: Capabilities) => Promise<void>): Promise<void> {
  let can = capabilities(supports);
  for (;;) {
    try {
      await write(can);
      return;
    } catch (e) {
      const lower = LOWER_NOTE_KIND[can.noteKind];
      if (!isUnsupported(e) || lower === null) throw e;
      can = { ...can, noteKind: lower };
    }
  }
}

/**
 * "Tạo sổ khối": add the plan's sheets to the open workbook (meant for a new, blank one), in plan
 * order, and show the plan's sheet; a lone blank sheet is removed. Refuses, before writing
 * anything, if a sheet name is taken. All or nothing: one sync to look, then one per sheet (bounded
 * request size); if any fails, every sheet it added is deleted again and the workbook is as it was.
 */
export async function applyTemplatePlan(context: Excel.RequestContext, plan: TemplatePlan, supports: Supports = officeSupports): Promise<void> {
  const sheets = context.workbook.worksheets;
  sheets.load("items/name");
  await context.sync();
  const existing = sheets.items.map((s) => s.name);
  const taken = conflicts(
    existing,
    plan.sheets.map((s) => s.name),
  );
  if (taken.length) throw new TemplateConflictError(taken);
  // A new workbook's lone blank "Sheet1" would only be in the way: it goes once ours are in.
  const only = existing.length === 1 ? sheets.getItem(existing[0]) : null;
  const used = only?.getUsedRangeOrNullObject(true).load("address");
  await withNoteFallback(supports, async (can) => {
    try {
      for (const sheet of plan.sheets) {
        writeSheet(context, sheets.add(sheet.name), sheet, can);
        await context.sync();
      }
      sheets.getItem(plan.activate).activate();
      if (only && used?.isNullObject) only.delete();
      await context.sync();
    } catch (e) {
      await removeAdded(
        context,
        plan.sheets.map((s) => s.name),
      );
      throw e;
    }
  });
}

/**
 * "Thêm sheet đơn vị": add the unit's sheet and write the roster and scoring cells, in one sync
 * after one look. A protected target sheet (the template protects without a password) is
 * unprotected for the writes and protected again with the template's options. All or nothing: on a
 * failure the new sheet is deleted, the cells written get back their earlier formulas and formats,
 * and each target is protected again as it was.
 */
export async function applyUnitAddition(context: Excel.RequestContext, addition: UnitAdditionPlan, supports: Supports = officeSupports): Promise<void> {
  const sheets = context.workbook.worksheets;
  sheets.load("items/name");
  const bySheet = new Map<string, TemplateWrite[]>();
  for (const w of addition.writes) bySheet.set(w.sheet, [...(bySheet.get(w.sheet) ?? []), w]);
  const targets = [...bySheet.entries()].map(([name, writes]) => {
    const ws = sheets.getItem(name);
    ws.protection.load("protected");
    const before = writes.map((w) => ws.getCell(w.row, w.col).load("formulas,numberFormat"));
    return { name, ws, writes, before };
  });
  await context.sync();
  const taken = conflicts(
    sheets.items.map((s) => s.name),
    [addition.sheet.name],
  );
  if (taken.length) throw new TemplateConflictError(taken);
  const wasProtected = targets.map((t) => t.ws.protection.protected);

  await withNoteFallback(supports, async (can) => {
    try {
      const ws = sheets.add(addition.sheet.name);
      writeSheet(context, ws, addition.sheet, can);
      targets.forEach((t, i) => {
        if (wasProtected[i]) t.ws.protection.unprotect();
        for (const w of t.writes) writeCell(context, t.ws, t.name, w.row, w.col, w.cell, can);
        if (wasProtected[i] && addition.sheet.protection) t.ws.protection.protect(officeProtection(addition.sheet.protection));
      });
      ws.activate();
      ws.getRange("A1").select();
      await context.sync();
    } catch (e) {
      await undoAddition(context, addition.sheet.name, targets, wasProtected, addition.sheet.protection ?? undefined);
      throw e;
    }
  });
}

async function undoAddition(
  context: Excel.RequestContext,
  added: string,
  targets: { ws: Excel.Worksheet; writes: TemplateWrite[]; before: Excel.Range[] }[],
  wasProtected: boolean[],
  protection: SheetProtection | undefined,
): Promise<void> {
  await removeAdded(context, [added]);
  try {
    for (const t of targets) t.ws.protection.load("protected");
    await context.sync();
    targets.forEach((t, i) => {
      if (t.ws.protection.protected) t.ws.protection.unprotect();
      t.writes.forEach((w, k) => {
        const cell = t.ws.getCell(w.row, w.col);
        cell.numberFormat = t.before[k].numberFormat;
        cell.formulas = t.before[k].formulas;
      });
      if (wasProtected[i] && protection) t.ws.protection.protect(officeProtection(protection));
    });
    await context.sync();
  } catch {
    // The original failure is the one to report.
  }
}
