/**
 * Generated sheets carry a marker in their first rows, so a rebuild recognises and replaces them
 * by what they are, not by name alone, and never takes a user's sheet for an output.
 */
import type { OutputKind } from "./sheet/model";
import type { SheetSnapshot } from "./snapshot";

const MARKER_START = "[bloc-summary:";
const MARKER = /\[bloc-summary:(summary|check|submission|minutes|changes|state)\]/;
/** Where a marker may sit: the first rows and columns of the used range. */
const MARKER_ROWS = 4;
const MARKER_COLS = 12;

export function markerText(kind: OutputKind): string {
  return `${MARKER_START}${kind}]`;
}

/**
 * The output kind a sheet was generated as, or null for a user's sheet. Asked of every sheet by
 * several stages of a build: the values are read directly, and only a text holding the marker's
 * start is matched.
 */
export function generatedKind(sheet: SheetSnapshot): OutputKind | null {
  const rows = Math.min(sheet.values.length, MARKER_ROWS);
  for (let r = 0; r < rows; r++) {
    const line = sheet.values[r];
    const cols = Math.min(line.length, MARKER_COLS);
    for (let c = 0; c < cols; c++) {
      const v = line[c];
      if (typeof v !== "string" || !v.includes(MARKER_START)) continue;
      const m = MARKER.exec(v);
      if (m) return m[1] as OutputKind;
    }
  }
  return null;
}
