/** The one-click fix for text typed in a TCVN3 or VNI font: write its Unicode form, nothing else. */
import { fixesOfKind, type Issue } from "../core/issues";
import { cellInput } from "./sheetWriter";

export interface TextFixTarget {
  sheet: string;
  /** A1 address of one cell ("B4"). */
  cell: string;
  /** The Unicode text to write. */
  value: string;
  /** The legacy text the cell holds now, for the confirmation list. */
  text: string;
}

/** The LEGACY_ENCODING fixes the issues offer, one per cell, in issue order. */
export function legacyTextCells(issues: readonly Issue[]): TextFixTarget[] {
  return fixesOfKind(issues, "setText").map((i) => ({ sheet: i.sheet, cell: i.cell, value: i.fix.value, text: String(i.params.text ?? "") }));
}

/**
 * Writes every fix in one sync, as text (the sheet writer's cellInput: Excel would otherwise read a text
 * like "1/2" or "=…" as typed input); the cell's formats stay. Returns how many cells were written.
 */
export async function applyTextFixes(context: Excel.RequestContext, fixes: readonly TextFixTarget[]): Promise<number> {
  if (fixes.length === 0) return 0;
  for (const f of fixes) context.workbook.worksheets.getItem(f.sheet).getRange(f.cell).formulas = [[cellInput({ value: f.value })]];
  await context.sync();
  return fixes.length;
}
