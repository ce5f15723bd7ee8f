/** The core's one style table (core/sheet/styles) as exceljs styles, one shared object per name. */
import type { Style } from "exceljs";
import { STYLES, type CellStyle, type StyleName } from "../core/sheet/styles";

const argb = (rgb: string) => ({ argb: `FF${rgb}` });

export function exceljsStyle(s: CellStyle): Partial<Style> {
  const f = s.font;
  const out: Partial<Style> = {
    font: { name: f.name, size: f.size, ...(f.bold ? { bold: true } : {}), ...(f.italic ? { italic: true } : {}), ...(f.underline ? { underline: true } : {}), ...(f.color ? { color: argb(f.color) } : {}) },
  };
  if (s.fill) out.fill = { type: "pattern", pattern: "solid", fgColor: argb(s.fill) };
  if (s.horizontal || s.vertical || s.wrap) out.alignment = { ...(s.horizontal ? { horizontal: s.horizontal } : {}), ...(s.vertical ? { vertical: s.vertical } : {}), ...(s.wrap ? { wrapText: true } : {}) };
  if (s.border) {
    const thin = { style: "thin" as const, color: argb(s.border) };
    out.border = { top: thin, left: thin, bottom: thin, right: thin };
  }
  return out;
}

export const EXCEL_STYLES = Object.fromEntries(Object.entries(STYLES).map(([n, s]) => [n, exceljsStyle(s)])) as Record<StyleName, Partial<Style>>;
