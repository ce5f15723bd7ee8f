/**
 * Every StyleName of the plan as Office.js formatting: the one table of the excel host (the file
 * host keeps its own for exceljs).
 */
import type { StyleName } from "../core/plan";
import { jsonBytes, OPERATION_OVERHEAD_BYTES } from "./payload";

export interface ExcelStyle {
  font?: { bold?: boolean; italic?: boolean; underline?: "Single"; size?: number; name?: string; color?: string };
  fill?: string;
  horizontalAlignment?: "Left" | "Center" | "Right" | "Justify";
  verticalAlignment?: "Top" | "Center" | "Bottom";
  wrapText?: boolean;
  /** Thin borders around and between the cells (table cells). */
  grid?: boolean;
}

const DOC_FONT = "Times New Roman";
const GRID_COLOR = "#808080";

export const EXCEL_STYLES: Record<StyleName, ExcelStyle> = {
  title: { font: { bold: true, size: 14, color: "#1F3864" } },
  subtitle: { font: { italic: true, size: 11, color: "#404040" } },
  marker: { font: { italic: true, size: 9, color: "#808080" } },
  header: { font: { bold: true }, fill: "#DDEBF7", horizontalAlignment: "Center", verticalAlignment: "Center", wrapText: true, grid: true },
  text: { verticalAlignment: "Top", wrapText: true, grid: true },
  textBold: { font: { bold: true }, verticalAlignment: "Top", wrapText: true, grid: true },
  number: { horizontalAlignment: "Right", grid: true },
  numberBold: { font: { bold: true }, horizontalAlignment: "Right", grid: true },
  total: { font: { bold: true }, fill: "#F2F2F2", horizontalAlignment: "Right", grid: true },
  percent: { horizontalAlignment: "Right", grid: true },
  percentBold: { font: { bold: true }, horizontalAlignment: "Right", grid: true },
  rejected: { font: { color: "#9C0006" }, fill: "#FFC7CE", grid: true },
  error: { font: { bold: true, color: "#9C0006" }, fill: "#FFC7CE", grid: true },
  warning: { font: { color: "#9C5700" }, fill: "#FFEB9C", grid: true },
  link: { font: { color: "#0563C1", underline: "Single" }, grid: true },
  review: { fill: "#FFF2CC", verticalAlignment: "Top", wrapText: true, grid: true },
  docCenterBold: { font: { name: DOC_FONT, size: 13, bold: true }, horizontalAlignment: "Center", verticalAlignment: "Top", wrapText: true },
  docCenter: { font: { name: DOC_FONT, size: 13 }, horizontalAlignment: "Center", verticalAlignment: "Top", wrapText: true },
  docItalic: { font: { name: DOC_FONT, size: 13, italic: true }, horizontalAlignment: "Center", verticalAlignment: "Top", wrapText: true },
  docBody: { font: { name: DOC_FONT, size: 13 }, horizontalAlignment: "Justify", verticalAlignment: "Top", wrapText: true },
  docTitle: { font: { name: DOC_FONT, size: 14, bold: true }, horizontalAlignment: "Center", verticalAlignment: "Center", wrapText: true },
};

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
  if (style.grid) {
    const edges: string[] = [...EDGES];
    if (size.rows > 1) edges.push("InsideHorizontal");
    if (size.cols > 1) edges.push("InsideVertical");
    for (const index of edges) {
      const b = f.borders.getItem(index as Excel.BorderIndex);
      b.style = "Continuous";
      b.weight = "Thin";
      b.color = GRID_COLOR;
    }
  }
}

/** Estimated request bytes of applyStyle for one rectangle. */
export function styleBytes(style: ExcelStyle): number {
  const props = Object.keys(style.font ?? {}).length + ["fill", "horizontalAlignment", "verticalAlignment", "wrapText"].filter((k) => k in style).length;
  const borders = style.grid ? 6 * 3 : 0;
  return OPERATION_OVERHEAD_BYTES * (1 + props + borders) + jsonBytes(style);
}
