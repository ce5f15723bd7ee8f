/**
 * Generated sheets carry a marker in their first rows, so a rebuild recognises and replaces them
 * by what they are, not by name alone, and never takes a user's sheet for an output.
 */
import type { OutputKind } from "./sheet/model";
import { cellAt, sheetBounds, type SheetSnapshot } from "./snapshot";

const MARKER = /\[bloc-summary:(summary|check|submission|minutes|changes|state)\]/;

export function markerText(kind: OutputKind): string {
  return `[bloc-summary:${kind}]`;
}

/** The output kind a sheet was generated as, or null for a user's sheet. */
export function generatedKind(sheet: SheetSnapshot): OutputKind | null {
  const b = sheetBounds(sheet);
  for (let r = b.top; r < Math.min(b.bottom, b.top + 4); r++) {
    for (let c = b.left; c < Math.min(b.right, b.left + 12); c++) {
      const v = cellAt(sheet, r, c);
      if (typeof v === "string") {
        const m = MARKER.exec(v);
        if (m) return m[1] as OutputKind;
      }
    }
  }
  return null;
}
