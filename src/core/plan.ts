/**
 * The write plan: which generated sheets a build writes, as plain data (each one a SheetModel).
 * Hosts turn it into Office.js calls or SpreadsheetML parts; neither decides anything about layout.
 */
import type { SheetModel } from "./sheet/model";

export interface WritePlan {
  /** In workbook order: these sheets replace any earlier outputs of the same kind. */
  sheets: SheetModel[];
  /** Earlier outputs (recognised by their marker) that the new sheets replace. */
  remove: string[];
  /** The sheet to show when the build ends. */
  activate: string;
}
