/** The plan's named styles as exceljs styles: one table, shared objects (exceljs dedupes them on save). */
import type { Style } from "exceljs";
import type { StyleName } from "../core/plan";

const FONT = "Times New Roman";
const thin = { style: "thin" as const, color: { argb: "FF9E9E9E" } };
const box = { top: thin, left: thin, bottom: thin, right: thin };
const fill = (argb: string) => ({ type: "pattern" as const, pattern: "solid" as const, fgColor: { argb } });

export const EXCEL_STYLES: Record<StyleName, Partial<Style>> = {
  title: { font: { name: FONT, size: 14, bold: true, color: { argb: "FF1F4E79" } }, alignment: { horizontal: "left", vertical: "middle" } },
  subtitle: { font: { name: FONT, size: 11, italic: true }, alignment: { horizontal: "left" } },
  marker: { font: { name: FONT, size: 9, italic: true, color: { argb: "FF7F7F7F" } }, alignment: { horizontal: "left" } },
  header: { font: { name: FONT, size: 11, bold: true }, fill: fill("FFDDEBF7"), alignment: { horizontal: "center", vertical: "middle", wrapText: true }, border: box },
  text: { font: { name: FONT, size: 11 }, alignment: { vertical: "top", wrapText: true }, border: box },
  textBold: { font: { name: FONT, size: 11, bold: true }, alignment: { vertical: "top" } },
  number: { font: { name: FONT, size: 11 }, alignment: { horizontal: "right" }, border: box },
  numberBold: { font: { name: FONT, size: 11, bold: true }, alignment: { horizontal: "right" }, border: box },
  total: { font: { name: FONT, size: 11, bold: true }, fill: fill("FFF2F2F2"), alignment: { horizontal: "right" }, border: box },
  percent: { font: { name: FONT, size: 11 }, alignment: { horizontal: "right" }, border: box },
  percentBold: { font: { name: FONT, size: 11, bold: true }, alignment: { horizontal: "right" }, border: box },
  rejected: { fill: fill("FFFCE4D6"), border: box },
  error: { font: { name: FONT, size: 11, bold: true, color: { argb: "FFC00000" } }, alignment: { vertical: "top" }, border: box },
  warning: { font: { name: FONT, size: 11, color: { argb: "FF9C5700" } }, alignment: { vertical: "top" }, border: box },
  link: { font: { name: FONT, size: 11, underline: true, color: { argb: "FF0563C1" } }, alignment: { vertical: "top" }, border: box },
  review: { fill: fill("FFFFF2CC"), border: box },
  docCenterBold: { font: { name: FONT, size: 13, bold: true }, alignment: { horizontal: "center", vertical: "top", wrapText: true } },
  docCenter: { font: { name: FONT, size: 13 }, alignment: { horizontal: "center", vertical: "top", wrapText: true } },
  docItalic: { font: { name: FONT, size: 13, italic: true }, alignment: { horizontal: "center", vertical: "top", wrapText: true } },
  docBody: { font: { name: FONT, size: 13 }, alignment: { horizontal: "justify", vertical: "top", wrapText: true } },
  docTitle: { font: { name: FONT, size: 14, bold: true }, alignment: { horizontal: "center", vertical: "middle", wrapText: true } },
};
