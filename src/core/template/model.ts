/**
 * The template plan: a whole new bloc workbook (or one more unit sheet) as plain data — cells,
 * number formats, data validations, input shading, locking, protection, widths and notes — so that
 * the file host (exceljs) and the Office.js host write the same workbook without deciding anything.
 */
import type { Lang } from "../i18n/format";

/** Named looks of template cells; TEMPLATE_STYLES says what each looks like, for every host. */
export type TemplateStyle = "title" | "subtitle" | "hint" | "header" | "label" | "labelBold" | "section" | "input" | "inputText" | "formula";

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

export interface TemplateCell {
  value?: string | number | null;
  /** Formula without the leading "="; `value` is its result when the workbook is opened. */
  formula?: string;
  /** Number format code. */
  format?: string;
  style?: TemplateStyle;
  /** False for cells people fill in; every other cell stays locked when the sheet is protected. */
  locked?: boolean;
  validation?: CellValidation;
  /** A note (comment) attached to the cell. */
  note?: string;
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

export type TemplateSheetRole = "config" | "unit" | "scoring";

export interface SheetTemplate {
  name: string;
  role: TemplateSheetRole;
  /** Dense grid from A1: rows[r][c], 0-based; missing entries are empty, locked cells. */
  rows: (TemplateCell | undefined)[][];
  merges: string[];
  /** Column widths in characters, from column A. */
  columnWidths: number[];
  rowHeights: Record<number, number>;
  freeze?: { rows: number; cols: number };
  protection: SheetProtection | null;
  tabColor?: string;
  orientation: "portrait" | "landscape";
}

export interface TemplatePlan {
  lang: Lang;
  /** In workbook order. */
  sheets: SheetTemplate[];
  /** The sheet shown when the workbook opens. */
  activate: string;
}

/** A cell write on an existing sheet (0-based row and column). */
export interface TemplateWrite {
  sheet: string;
  row: number;
  col: number;
  cell: TemplateCell;
}

/**
 * "Add unit sheet" on an existing bloc workbook: one unit sheet to add, and the cells that append
 * the unit to the roster (and to the scoring sheet, when there is one).
 */
export interface UnitAdditionPlan {
  sheet: SheetTemplate;
  writes: TemplateWrite[];
}

export interface StyleSpec {
  bold?: boolean;
  italic?: boolean;
  size: number;
  /** RGB hex without "#". */
  color?: string;
  fill?: string;
  horizontal?: "left" | "center" | "right";
  vertical?: "top" | "middle";
  wrap?: boolean;
  border?: boolean;
}

export const TEMPLATE_FONT = "Times New Roman";

/** Input cells are light yellow: the convention of Vietnamese report forms for "fill in here". */
export const INPUT_FILL = "FFF2CC";

export const TEMPLATE_STYLES: Record<TemplateStyle, StyleSpec> = {
  title: { bold: true, size: 14, color: "1F4E79", horizontal: "center", vertical: "middle", wrap: true },
  subtitle: { bold: true, size: 12, horizontal: "center", vertical: "middle", wrap: true },
  hint: { italic: true, size: 10, color: "595959", horizontal: "left", vertical: "top", wrap: true },
  header: { bold: true, size: 11, fill: "DDEBF7", horizontal: "center", vertical: "middle", wrap: true, border: true },
  label: { size: 11, vertical: "top", wrap: true, border: true },
  labelBold: { bold: true, size: 11, vertical: "top", wrap: true, border: true },
  section: { bold: true, size: 11, fill: "F2F2F2", vertical: "top", border: true },
  input: { size: 11, fill: INPUT_FILL, horizontal: "right", vertical: "top", border: true },
  inputText: { size: 11, fill: INPUT_FILL, horizontal: "left", vertical: "top", wrap: true, border: true },
  formula: { size: 11, fill: INPUT_FILL, italic: true, horizontal: "right", vertical: "top", border: true },
};

/** Validation limits of Excel (OOXML): longer texts make the file unreadable to Excel. */
export const EXCEL_LIMITS = { promptTitle: 32, promptMessage: 255, errorTitle: 32, errorMessage: 255, sheetName: 31 } as const;
