/** The one-click fix for numbers stored as text: write the parsed numbers, nothing else. */

export interface NumberFixTarget {
  sheet: string;
  /** A1 address of one cell ("E7"). */
  cell: string;
  value: number;
  /**
   * The cell's number format when known (the snapshot has it). A cell formatted as text ("@")
   * would store the number as text again, so such a cell is set to "General" first.
   */
  numberFormat?: string;
}

/** Writes every fix in one sync; returns how many cells were written. */
export async function applyNumberFixes(context: Excel.RequestContext, fixes: readonly NumberFixTarget[]): Promise<number> {
  for (const f of fixes) if (!Number.isFinite(f.value)) throw new RangeError(`Not a finite number for ${f.sheet}!${f.cell}: ${f.value}`);
  if (fixes.length === 0) return 0;
  const bySheet = new Map<string, NumberFixTarget[]>();
  for (const f of fixes) bySheet.set(f.sheet, [...(bySheet.get(f.sheet) ?? []), f]);
  for (const [sheet, list] of bySheet) {
    const ws = context.workbook.worksheets.getItem(sheet);
    for (const f of list) {
      const range = ws.getRange(f.cell);
      if (f.numberFormat === "@") range.numberFormat = [["General"]];
      range.values = [[f.value]];
    }
  }
  await context.sync();
  return fixes.length;
}
