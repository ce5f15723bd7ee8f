/**
 * The template plan: a whole new bloc workbook (or one more unit sheet) as sheet models — cells,
 * number formats, data validations, input shading, locking, protection, widths and notes — so that
 * both hosts write the same workbook without deciding anything.
 */
import type { Lang } from "../i18n/format";
import type { Cell, SheetModel } from "../sheet/model";

export interface TemplatePlan {
  lang: Lang;
  /** In workbook order. */
  sheets: SheetModel[];
  /** The sheet shown when the workbook opens. */
  activate: string;
}

/** A cell write on an existing sheet (0-based row and column). */
export interface TemplateWrite {
  sheet: string;
  row: number;
  col: number;
  cell: Cell;
}

/**
 * "Add unit sheet" on an existing bloc workbook: one unit sheet to add, and the cells that append
 * the unit to the roster (and to the scoring sheet, when there is one).
 */
export interface UnitAdditionPlan {
  sheet: SheetModel;
  writes: TemplateWrite[];
}
