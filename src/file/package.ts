/**
 * The command line's save path (Node side): the generated sheets written into the user's own .xlsx
 * package, or a new workbook, by the host-neutral writer of src/xlsx/write.
 */
import type { SheetModel } from "../core/sheet/model";
import { ZLIB_CODEC } from "./zlibCodec";
import { newWorkbookBytes, writePlanIntoPackageLater, type PackagePlan, type WriteOptions } from "../xlsx/write/package";

/** Node's zlib inflates, deflates (level 1) and checks several times faster than fflate's JavaScript. */
const NODE: WriteOptions = { codec: ZLIB_CODEC };

/**
 * The plan's sheets written into the original package; every other part is kept as stored.
 * `unselectedSheets`: sheets the reader found not selected in these bytes (their heads are not inflated again).
 */
export async function writePlanIntoPackage(original: Buffer, plan: PackagePlan, unselectedSheets?: readonly string[]): Promise<Buffer> {
  const out = await writePlanIntoPackageLater(original, plan, { ...NODE, unselectedSheets });
  return Buffer.from(out.buffer, out.byteOffset, out.byteLength);
}

/** A new workbook of exactly these sheets, `activate` shown on opening (templates, roll-ups). */
export async function writeNewWorkbook(sheets: SheetModel[], activate: string): Promise<Buffer> {
  const out = newWorkbookBytes(sheets, activate, NODE);
  return Buffer.from(out.buffer, out.byteOffset, out.byteLength);
}
