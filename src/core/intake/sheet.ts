/** A unit's report sheet, as read from its file, as a sheet to write under its roster name. */
import type { Cell, SheetModel } from "../sheet/model";
import { isCellError, type SheetSnapshot } from "../snapshot";

/**
 * A unit sheet of the one sheet model (kind "unit": a user sheet, no output marker). Values, formulas (with their cached results) and number formats, merges and column widths; a
 * user sheet like any other (no marker). A constant error value (a typed "#N/A") is kept as its text.
 */
export function importedSheet(sheet: SheetSnapshot, name: string, columnWidths: number[] = []): SheetModel {
  const rows: (Cell | undefined)[][] = [];
  sheet.values.forEach((line, r) => {
    const row: (Cell | undefined)[] = [];
    line.forEach((v, c) => {
      const formula = sheet.formulas[r]?.[c];
      const format = sheet.numberFormats[r]?.[c];
      if (v === null && !formula && (!format || format === "General")) return;
      const cell: Cell = { value: isCellError(v) ? (formula ? null : v.error) : v };
      if (formula) cell.formula = formula.replace(/^=/, "");
      if (format && format !== "General") cell.format = format;
      row[sheet.left + c] = cell;
    });
    rows[sheet.top + r] = row;
  });
  return {
    name,
    kind: "unit",
    rows,
    merges: [...sheet.merges],
    columnWidths,
    print: { orientation: "portrait", fitToWidth: false },
    charts: [],
  };
}
