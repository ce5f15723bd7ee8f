/** Writing imported unit sheets into the bloc's own package (the CLI's `import`). */
import type { SheetModel } from "../core/sheet/model";
import type { SheetPlace } from "../xlsx/write/package";
import { writePlanIntoPackage } from "./package";

export interface UnitSheetWrite {
  /** The unit's sheet, under the name it takes in the bloc. */
  sheet: SheetModel;
  /** The bloc's sheet it replaces, or null for a new one. */
  replaces: string | null;
}

/**
 * The bloc package with these unit sheets in, as the pane places them (src/excel/importUnits.ts):
 * a replacement in the place of the sheet it replaces, new ones right after `after` (the last unit
 * sheet; null: at the end) in the given order. Every other part of the user's file is kept as it
 * is (package.ts).
 */
export async function writeImportsIntoPackage(bloc: Buffer, imports: UnitSheetWrite[], after: string | null): Promise<Buffer> {
  const place: Record<string, SheetPlace> = {};
  for (const i of imports) place[i.sheet.name] = i.replaces ? { replaces: i.replaces } : { after };
  return writePlanIntoPackage(bloc, {
    sheets: imports.map((i) => i.sheet),
    remove: imports.flatMap((i) => (i.replaces ? [i.replaces] : [])),
    activate: imports[0].sheet.name,
    place,
  });
}
