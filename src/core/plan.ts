/**
 * The write plan: what the outputs look like, as plain data. Hosts turn it into Office.js calls or
 * exceljs cells; neither decides anything about layout.
 */

/** Named cell styles; each host maps a name to its own formatting API (one table per host). */
export type StyleName =
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
  | "docCenterBold"
  | "docCenter"
  | "docItalic"
  | "docBody"
  | "docTitle";

export interface PlannedCell {
  /** The constant, or the cached result of the formula. */
  value?: number | string | boolean | null;
  /** Formula without the leading "=". */
  formula?: string;
  /** Number format code. */
  format?: string;
  style?: StyleName;
  /** Internal hyperlink target: a sheet name and cell ("E7"). */
  link?: { sheet: string; cell: string };
}

export interface ChartPlan {
  title: string;
  /** Category labels and series data as A1 ranges on the same sheet. */
  categoriesRange: string;
  /** Each series: its name and its values range. */
  series: { name: string; valuesRange: string }[];
  /** Where the chart goes: top-left cell and size in columns and rows. */
  anchor: string;
  widthCols: number;
  heightRows: number;
}

export type OutputKind = "summary" | "check" | "submission";

export interface SheetPlan {
  name: string;
  /** An output of a build, or a unit's report sheet brought in by an import (a user sheet, no marker). */
  kind: OutputKind | "unit";
  /** Dense grid from A1: rows[r][c]; undefined / missing entries are empty cells. */
  rows: (PlannedCell | undefined)[][];
  merges: string[];
  /** Column widths in characters, from column A. */
  columnWidths: number[];
  /** Row heights in points where they differ from the default (row index → points). */
  rowHeights?: Record<number, number>;
  freeze?: { rows: number; cols: number };
  print: { orientation: "portrait" | "landscape"; fitToWidth: boolean; margins?: { top: number; bottom: number; left: number; right: number } };
  charts: ChartPlan[];
  tabColor?: string;
}

export interface WritePlan {
  /** In workbook order: these sheets replace any earlier outputs of the same kind. */
  sheets: SheetPlan[];
  /** Earlier outputs (recognised by their marker) that the new sheets replace. */
  remove: string[];
  /** The sheet to show when the build ends. */
  activate: string;
}
