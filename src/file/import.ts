/** Writing imported unit sheets into the bloc's own package (the CLI's `import`). */
import type { SheetModel } from "../core/sheet/model";
import { writePlanIntoPackage } from "./package";

/**
 * The bloc package with these unit sheets added, and the sheets they replace removed. Every other
 * part of the user's file is kept as it is (package.ts).
 */
export async function writeImportsIntoPackage(bloc: Buffer, sheets: SheetModel[], replaced: string[]): Promise<Buffer> {
  return writePlanIntoPackage(bloc, { sheets, remove: replaced, activate: sheets[0].name });
}
