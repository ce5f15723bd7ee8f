/**
 * The command line's save path (Node side): the generated sheets written into the user's own .xlsx
 * package, or a new workbook, by the host-neutral writer of src/xlsx/write.
 */
import zlib from "zlib";
import type { SheetModel } from "../core/sheet/model";
import { newWorkbookBytes, writePlanIntoPackageBytes, type PackagePlan, type WriteOptions } from "../xlsx/write/package";

/** Node's zlib deflates the new parts several times faster than fflate's JavaScript (level 1 in both). */
const NODE: WriteOptions = { deflate: (data) => zlib.deflateRawSync(data, { level: 1 }) };

/** The plan's sheets written into the original package; every other part is kept as stored. */
export async function writePlanIntoPackage(original: Buffer, plan: PackagePlan): Promise<Buffer> {
  const out = writePlanIntoPackageBytes(original, plan, NODE);
  return Buffer.from(out.buffer, out.byteOffset, out.byteLength);
}

/** A new workbook of exactly these sheets, `activate` shown on opening (templates, roll-ups). */
export async function writeNewWorkbook(sheets: SheetModel[], activate: string): Promise<Buffer> {
  const out = newWorkbookBytes(sheets, activate, NODE);
  return Buffer.from(out.buffer, out.byteOffset, out.byteLength);
}
