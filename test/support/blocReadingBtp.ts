/** The import scenario's bloc with references into BTP (apart from unitFiles.ts: it needs TextEncoder at load). */
import { a1 } from "../../src/core/a1";
import { sheetFromRows } from "../../src/core/snapshot";
import { Parts } from "../../src/xlsx/write/parts";
import { importScenario, xlsxOf } from "./unitFiles";

/**
 * The scenario's bloc with a sheet of the user's after the unit sheets, "Ghi chép", whose formula
 * reads BTP's first figure that BTP's file corrects, and a defined name "SoBTP" on that cell — to
 * see a replaced unit sheet's references survive an import. Returns the .xlsx and that cell.
 */
export async function blocReadingBtp(): Promise<{ bytes: Buffer; cell: string; before: number; after: number }> {
  const { bloc, files } = importScenario();
  const old = bloc.sheets.find((s) => s.name === "BTP")!;
  const corrected = files[1].snapshot.sheets[0];
  let found: { cell: string; before: number; after: number } | undefined;
  old.values.forEach((line, r) =>
    line.forEach((v, c) => {
      const w = corrected.values[r]?.[c];
      if (!found && typeof v === "number" && typeof w === "number" && v !== w) found = { cell: a1(old.top + r, old.left + c), before: v, after: w };
    }),
  );
  if (!found) throw new Error("BTP's file corrects no figure");
  const notes = sheetFromRows("Ghi chép", [["BTP", found.before, found.before]], { formulas: [[null, `='BTP'!${found.cell}`, "=SoBTP"]] });
  const parts = Parts.open(new Uint8Array(await xlsxOf({ sheets: [...bloc.sheets, notes] })));
  const abs = found.cell.replace(/^([A-Z]+)(\d+)$/, "$$$1$$$2");
  parts.set(
    "xl/workbook.xml",
    parts.text("xl/workbook.xml")!.replace(/<definedNames\/>|(?=<calcPr)/, `<definedNames><definedName name="SoBTP">&apos;BTP&apos;!${abs}</definedName></definedNames>`),
  );
  return { bytes: Buffer.from(parts.toZip()), ...found };
}
