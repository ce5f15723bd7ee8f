/** A unit a new bloc workbook is made for: what the template and the add-unit plan ask of it. */
export interface TemplateUnit {
  code: string;
  /** Blank: the bloc types it into the roster (the engine then names the unit by its code). */
  name: string;
  /** The unit's report sheet; the code when absent. */
  sheetName?: string;
}
