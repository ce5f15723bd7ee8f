/**
 * A sheet's column widths as its file sets them (`<cols><col min max width>` of the worksheet part),
 * found through the package's relationships; for an imported unit sheet, which keeps its widths.
 * Host-neutral. Widths are in characters, Excel's unit; columns the file leaves alone get Excel's
 * default width.
 */
import { NS_REL, Package } from "./opc";
import { attr, parseXml } from "./xml";

export const DEFAULT_COLUMN_WIDTH = 8.43;
/** A `<col>` may span to column XFD (a default for the rest of the sheet): widths stop here. */
const MAX_COLUMNS = 256;

/** Widths from column A; [] when the sheet or its part is not found. */
export function sheetColumnWidths(bytes: Uint8Array, sheetName: string): number[] {
  const pkg = Package.open(bytes);
  const wb = pkg.officeDocument();
  const wbXml = wb ? pkg.text(wb) : undefined;
  if (!wb || wbXml === undefined) return [];
  let relId: string | undefined;
  parseXml(wb, wbXml, {
    open: (t) => {
      if (t.local === "sheet" && attr(t, "name") === sheetName) relId = attr(t, "id", NS_REL);
    },
  });
  const part = relId ? pkg.byId(wb, relId)?.part : undefined;
  const xml = part ? pkg.text(part) : undefined;
  if (!part || xml === undefined) return [];
  const widths: number[] = [];
  parseXml(part, xml, {
    open: (t) => {
      if (t.local !== "col") return;
      const min = Number(attr(t, "min"));
      const max = Math.min(Number(attr(t, "max")), MAX_COLUMNS);
      const width = Number(attr(t, "width"));
      if (!Number.isInteger(min) || !Number.isFinite(max) || !Number.isFinite(width) || min < 1) return;
      for (let c = min; c <= max; c++) widths[c - 1] = width;
    },
  });
  return Array.from(widths, (w) => w ?? DEFAULT_COLUMN_WIDTH);
}
