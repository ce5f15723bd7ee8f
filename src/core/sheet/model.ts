/**
 * The one sheet model: every sheet the add-in generates — the outputs (summary, check, submission),
 * the sheets of a new bloc workbook (config, unit, scoring) and the sheets later features add — as
 * plain data. Hosts translate it (Office.js calls, SpreadsheetML parts) and decide nothing about
 * layout or looks; the looks are named styles of the one table in ./styles.
 */
import type { SheetVisibility } from "../snapshot";
import type { StyleName } from "./styles";

/** A bound of a validation: a constant, or an absolute reference to a cell of the same sheet ("$C$5"). */
export type Bound = number | { ref: string };

export type ValidationRule =
  /** Whole numbers in [min, max] (max open when absent): counts, years, quotas, votes. */
  | { type: "whole"; min: Bound; max?: Bound }
  /** Decimals in [min, max]: money, scores, thresholds. */
  | { type: "decimal"; min: Bound; max?: Bound }
  /** Anything: the validation only carries the input prompt (text keys of the config). */
  | { type: "any" };

export interface CellValidation {
  rule: ValidationRule;
  /** Shown when the cell is selected. Excel: title ≤ 32 characters, message ≤ 255. */
  prompt: { title: string; message: string };
  /** Shown (and the entry refused) when a typed value breaks the rule; absent for "any". */
  error?: { title: string; message: string };
}

export interface Cell {
  /** The constant, or the cached result of the formula. Strings are always written as text. */
  value?: number | string | boolean | null;
  /** Formula without the leading "=". */
  formula?: string;
  /** Number format code. */
  format?: string;
  style?: StyleName;
  /** Internal hyperlink target: a sheet name and cell ("E7"). */
  link?: { sheet: string; cell: string };
  /** False for cells people fill in; every other cell stays locked when the sheet is protected. */
  locked?: boolean;
  validation?: CellValidation;
  /** A note attached to the cell (Excel's "Note", the legacy comment). */
  note?: string;
}

export interface ChartModel {
  /** Clustered columns (the default) or lines with markers (a trend over the years). */
  kind?: "column" | "line";
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

/** What a protected sheet still lets people do. No password: protection guards against slips, not people. */
export interface SheetProtection {
  allowFormatColumns: boolean;
  allowFormatRows: boolean;
  allowFormatCells: boolean;
  allowInsertRows: boolean;
  allowSelectLocked: boolean;
  allowSelectUnlocked: boolean;
}

export interface PrintSetup {
  orientation: "portrait" | "landscape";
  /** One page wide, as many pages tall as needed. */
  fitToWidth: boolean;
  /** Inches. */
  margins?: { top: number; bottom: number; left: number; right: number };
}

/**
 * The outputs a build replaces (SPEC §5); "changes" is the change log ("Nhật ký thay đổi"),
 * "state" the hidden record of the last build's figures (SPEC §10).
 */
export type OutputKind = "summary" | "check" | "submission" | "changes" | "state";
/** The sheets of a new bloc workbook. */
export type TemplateKind = "config" | "unit" | "scoring";
export type SheetKind = OutputKind | TemplateKind;

export interface SheetModel {
  name: string;
  kind: SheetKind;
  /** Dense grid from A1: rows[r][c], 0-based; undefined / missing entries are empty cells. */
  rows: (Cell | undefined)[][];
  merges: string[];
  /** Column widths in characters, from column A. */
  columnWidths: number[];
  /** Row heights in points where they differ from the default (row index → points). */
  rowHeights?: Record<number, number>;
  freeze?: { rows: number; cols: number };
  print: PrintSetup;
  charts: ChartModel[];
  /** Absent: the sheet is not protected. */
  protection?: SheetProtection;
  /** RGB hex without "#". */
  tabColor?: string;
  /** Absent: visible. */
  visibility?: SheetVisibility;
}

/** Validation limits of Excel (OOXML): longer texts make the file unreadable to Excel. */
export const EXCEL_LIMITS = { promptTitle: 32, promptMessage: 255, errorTitle: 32, errorMessage: 255, sheetName: 31 } as const;
