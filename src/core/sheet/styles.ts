/**
 * The one style table of generated sheets, host-neutral: each host translates a CellStyle into its
 * own formatting (Office.js range formats, SpreadsheetML fonts/fills/borders/cellXfs). The number
 * format and the lock travel on the cell (Cell.format, Cell.locked), as in Excel's own cell formats.
 */
import type { Indicator } from "../catalog";

export type StyleName =
  // Outputs.
  | "title"
  | "subtitle"
  | "marker"
  | "header"
  | "text"
  | "textBold"
  | "number"
  | "numberBold"
  | "total"
  | "percent"
  | "percentBold"
  | "rejected"
  | "error"
  | "warning"
  | "link"
  | "review"
  // The submission laid out like the document.
  | "docCenterBold"
  | "docCenter"
  | "docItalic"
  | "docBody"
  | "docTitle"
  // Input forms (the sheets of a new bloc workbook).
  | "formTitle"
  | "formSubtitle"
  | "hint"
  | "label"
  | "labelBold"
  | "section"
  | "input"
  | "inputText"
  | "formula";

export interface CellStyle {
  font: { name: string; size: number; bold?: boolean; italic?: boolean; underline?: boolean; color?: string };
  /** Solid fill, RGB hex without "#". */
  fill?: string;
  /** A thin border around the cell in this colour (RGB hex); none when absent. */
  border?: string;
  horizontal?: "left" | "center" | "right" | "justify";
  vertical?: "top" | "middle" | "bottom";
  wrap?: boolean;
}

/** Times New Roman: the font of Vietnamese administrative documents (Nghị định 30/2020/NĐ-CP), on every sheet. */
export const FONT = "Times New Roman";
export const BORDER_COLOR = "9E9E9E";
/** Input cells are light yellow: the convention of Vietnamese report forms for "fill in here". */
export const INPUT_FILL = "FFF2CC";

export const FORMATS = {
  count: "#,##0",
  money: "#,##0.000",
  number: "#,##0.###",
  percent: "0.0%",
  rank: "0",
  year: "0",
  /** An index with the first year = 100. */
  index: "0.0",
} as const;

/** The number format of an indicator's figures, wherever they are shown. */
export function indicatorFormat(ind: Pick<Indicator, "kind">): string {
  return ind.kind === "integer" ? FORMATS.count : ind.kind === "money" ? FORMATS.money : FORMATS.number;
}

const font = (size: number, more: Omit<CellStyle["font"], "name" | "size"> = {}): CellStyle["font"] => ({ name: FONT, size, ...more });
const boxed = { border: BORDER_COLOR } as const;
/** Excel's built-in "Bad" and "Neutral" looks: people already read them as error and warning. */
const BAD = { color: "9C0006", fill: "FFC7CE" } as const;
const NEUTRAL = { color: "9C5700", fill: "FFEB9C" } as const;

export const STYLES: Record<StyleName, CellStyle> = {
  title: { font: font(14, { bold: true, color: "1F4E79" }), horizontal: "left", vertical: "middle" },
  subtitle: { font: font(11, { italic: true, color: "404040" }), horizontal: "left" },
  marker: { font: font(9, { italic: true, color: "808080" }), horizontal: "left" },
  header: { font: font(11, { bold: true }), fill: "DDEBF7", horizontal: "center", vertical: "middle", wrap: true, ...boxed },
  text: { font: font(11), vertical: "top", wrap: true, ...boxed },
  textBold: { font: font(11, { bold: true }), vertical: "top", wrap: true, ...boxed },
  number: { font: font(11), horizontal: "right", ...boxed },
  numberBold: { font: font(11, { bold: true }), horizontal: "right", ...boxed },
  total: { font: font(11, { bold: true }), fill: "F2F2F2", horizontal: "right", ...boxed },
  percent: { font: font(11), horizontal: "right", ...boxed },
  percentBold: { font: font(11, { bold: true }), horizontal: "right", ...boxed },
  rejected: { font: font(11, { color: BAD.color }), fill: BAD.fill, ...boxed },
  error: { font: font(11, { bold: true, color: BAD.color }), fill: BAD.fill, vertical: "top", ...boxed },
  warning: { font: font(11, { color: NEUTRAL.color }), fill: NEUTRAL.fill, vertical: "top", ...boxed },
  link: { font: font(11, { underline: true, color: "0563C1" }), vertical: "top", ...boxed },
  review: { font: font(11), fill: INPUT_FILL, vertical: "top", wrap: true, ...boxed },
  docCenterBold: { font: font(13, { bold: true }), horizontal: "center", vertical: "top", wrap: true },
  docCenter: { font: font(13), horizontal: "center", vertical: "top", wrap: true },
  docItalic: { font: font(13, { italic: true }), horizontal: "center", vertical: "top", wrap: true },
  docBody: { font: font(13), horizontal: "justify", vertical: "top", wrap: true },
  docTitle: { font: font(14, { bold: true }), horizontal: "center", vertical: "middle", wrap: true },
  formTitle: { font: font(14, { bold: true, color: "1F4E79" }), horizontal: "center", vertical: "middle", wrap: true },
  formSubtitle: { font: font(12, { bold: true }), horizontal: "center", vertical: "middle", wrap: true },
  hint: { font: font(10, { italic: true, color: "595959" }), horizontal: "left", vertical: "top", wrap: true },
  label: { font: font(11), vertical: "top", wrap: true, ...boxed },
  labelBold: { font: font(11, { bold: true }), vertical: "top", wrap: true, ...boxed },
  section: { font: font(11, { bold: true }), fill: "F2F2F2", vertical: "top", ...boxed },
  input: { font: font(11), fill: INPUT_FILL, horizontal: "right", vertical: "top", ...boxed },
  inputText: { font: font(11), fill: INPUT_FILL, horizontal: "left", vertical: "top", wrap: true, ...boxed },
  formula: { font: font(11, { italic: true }), fill: INPUT_FILL, horizontal: "right", vertical: "top", ...boxed },
};
