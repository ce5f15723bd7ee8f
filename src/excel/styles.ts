/**
 * The core's one style table (core/sheet/styles) as Office.js formatting: each host translates the
 * same CellStyle, so the two hosts cannot drift apart.
 */
import { STYLES, type CellStyle, type StyleName } from "../core/sheet/styles";
import { jsonBytes, OPERATION_OVERHEAD_BYTES } from "./payload";

export interface ExcelStyle {
  font?: { bold?: boolean; italic?: boolean; underline?: "Single"; size?: number; name?: string; color?: string };
  fill?: string;
  horizontalAlignment?: "Left" | "Center" | "Right" | "Justify";
  verticalAlignment?: "Top" | "Center" | "Bottom";
  wrapText?: boolean;
  /** Thin borders of this colour around and between the cells (table cells). */
  border?: string;
}

const HORIZONTAL = { left: "Left", center: "Center", right: "Right", justify: "Justify" } as const;
const VERTICAL = { top: "Top", middle: "Center", bottom: "Bottom" } as const;

/** One CellStyle as Office.js range formatting. */
export function excelStyle(s: CellStyle): ExcelStyle {
  const f = s.font;
  const out: ExcelStyle = {
    font: {
      name: f.name,
      size: f.size,
      ...(f.bold ? { bold: true } : {}),
      ...(f.italic ? { italic: true } : {}),
      ...(f.underline ? { underline: "Single" as const } : {}),
      ...(f.color ? { color: `#${f.color}` } : {}),
    },
  };
  if (s.fill) out.fill = `#${s.fill}`;
  if (s.horizontal) out.horizontalAlignment = HORIZONTAL[s.horizontal];
  if (s.vertical) out.verticalAlignment = VERTICAL[s.vertical];
  if (s.wrap) out.wrapText = true;
  if (s.border) out.border = `#${s.border}`;
  return out;
}

export const EXCEL_STYLES = Object.fromEntries(Object.entries(STYLES).map(([name, s]) => [name, excelStyle(s)])) as Record<StyleName, ExcelStyle>;

const EDGES = ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight"] as const;

/** Queue a style's formatting on a range (one rectangle of cells sharing the style). */
export function applyStyle(range: Excel.Range, style: ExcelStyle, size: { rows: number; cols: number }): void {
  const f = range.format;
  const font = style.font;
  if (font?.name !== undefined) f.font.name = font.name;
  if (font?.size !== undefined) f.font.size = font.size;
  if (font?.bold !== undefined) f.font.bold = font.bold;
  if (font?.italic !== undefined) f.font.italic = font.italic;
  if (font?.underline !== undefined) f.font.underline = font.underline;
  if (font?.color !== undefined) f.font.color = font.color;
  if (style.fill !== undefined) f.fill.color = style.fill;
  if (style.horizontalAlignment !== undefined) f.horizontalAlignment = style.horizontalAlignment;
  if (style.verticalAlignment !== undefined) f.verticalAlignment = style.verticalAlignment;
  if (style.wrapText !== undefined) f.wrapText = style.wrapText;
  if (style.border) {
    const edges: string[] = [...EDGES];
    if (size.rows > 1) edges.push("InsideHorizontal");
    if (size.cols > 1) edges.push("InsideVertical");
    for (const index of edges) {
      const b = f.borders.getItem(index as Excel.BorderIndex);
      b.style = "Continuous";
      b.weight = "Thin";
      b.color = style.border;
    }
  }
}

/** Estimated request bytes of applyStyle for one rectangle. */
export function styleBytes(style: ExcelStyle): number {
  const props = Object.keys(style.font ?? {}).length + ["fill", "horizontalAlignment", "verticalAlignment", "wrapText"].filter((k) => k in style).length;
  const borders = style.border ? 6 * 3 : 0;
  return OPERATION_OVERHEAD_BYTES * (1 + props + borders) + jsonBytes(style);
}
