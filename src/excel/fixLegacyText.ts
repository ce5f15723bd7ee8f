/** The one-click fix for text typed in a TCVN3 or VNI font: write its Unicode form, nothing else. */
import type { Issue } from "../core/issues";
import { cellInput } from "./applyPlan";

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
  const seen = new Set<string>();
  const out: TextFixTarget[] = [];
  for (const i of issues) {
    if (!i.fix || i.fix.kind !== "setText") continue;
    const key = `${i.sheet}\u0001${i.cell}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ sheet: i.sheet, cell: i.cell, value: i.fix.value, text: String(i.params.text ?? "") });
  }
  return out;
}

/**
 * Writes every fix in one sync, as text (applyPlan's cellInput: Excel would otherwise read a text
 * like "1/2" or "=…" as typed input); the cell's formats stay. Returns how many cells were written.
 */
export async function applyTextFixes(context: Excel.RequestContext, fixes: readonly TextFixTarget[]): Promise<number> {
  if (fixes.length === 0) return 0;
  for (const f of fixes) context.workbook.worksheets.getItem(f.sheet).getRange(f.cell).formulas = [[cellInput({ value: f.value })]];
  await context.sync();
  return fixes.length;
}
