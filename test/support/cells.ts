/** Every cell of a worksheet as plain data, for before/after comparisons. */
import ExcelJS from "exceljs";

/** exceljs's value types by number (its enum has no reverse mapping at run time). */
export function typeName(type: ExcelJS.ValueType): string {
  return Object.entries(ExcelJS.ValueType).find(([, v]) => v === type)?.[0] ?? String(type);
}

export interface CellDump {
  type: string;
  value: unknown;
  formula: string | null;
}

export function dumpSheet(ws: ExcelJS.Worksheet): Record<string, CellDump> {
  const out: Record<string, CellDump> = {};
  ws.eachRow({ includeEmpty: false }, (row) =>
    row.eachCell({ includeEmpty: false }, (cell) => {
      const formula = cell.type === ExcelJS.ValueType.Formula ? cell.formula : null;
      const v = cell.value as unknown;
      const value = v && typeof v === "object" && "formula" in (v as object) ? ((v as { result?: unknown }).result ?? null) : v;
      out[cell.address] = { type: typeName(cell.type), value: value instanceof Date ? value.toISOString() : value, formula };
    }),
  );
  return out;
}

export function dumpWorkbook(wb: ExcelJS.Workbook, only?: (name: string) => boolean): Record<string, Record<string, CellDump>> {
  const out: Record<string, Record<string, CellDump>> = {};
  for (const ws of wb.worksheets) if (!only || only(ws.name)) out[ws.name] = dumpSheet(ws);
  return out;
}

export async function readXlsx(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}
