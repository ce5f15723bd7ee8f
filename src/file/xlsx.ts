/** The Node host's workbook writing with exceljs: the write plan applied to an exceljs workbook (reading is src/xlsx/read.ts). */
import ExcelJS from "exceljs";
import { a1, quoteSheet } from "../core/a1";
import type { SheetPlan } from "../core/plan";
import { EXCEL_STYLES } from "./styles";

/** A formula-safe string literal: "…" with quotes doubled. */
function literal(s: string): string {
  return `"${s.replace(/"/g, '""')}"`;
}

/**
 * One style object per (style, format) pair: exceljs keeps the object by reference, so a cell's
 * format must never be set on a shared style (it would change every cell that shares it).
 */
const styleCache = new Map<string, Partial<ExcelJS.Style>>();
function styleFor(style: keyof typeof EXCEL_STYLES | undefined, format: string | undefined): Partial<ExcelJS.Style> {
  const key = `${style ?? ""}|${format ?? ""}`;
  let s = styleCache.get(key);
  if (!s) {
    s = { ...(style ? EXCEL_STYLES[style] : {}), ...(format ? { numFmt: format } : {}) };
    styleCache.set(key, s);
  }
  return s;
}

/**
 * One planned sheet into an exceljs worksheet (charts are not exceljs's: package.ts adds them to
 * the saved package with charts.ts).
 */
export function writeSheet(ws: ExcelJS.Worksheet, plan: SheetPlan): void {
  plan.columnWidths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  plan.rows.forEach((line, r) => {
    if (!line) return;
    const row = ws.getRow(r + 1);
    if (plan.rowHeights?.[r]) row.height = plan.rowHeights[r];
    line.forEach((pc, c) => {
      if (!pc) return;
      const cell = row.getCell(c + 1);
      if (pc.style || pc.format) cell.style = styleFor(pc.style, pc.format);
      if (pc.link) {
        // An internal link as a HYPERLINK formula: exceljs would also write an external relationship.
        const target = `#${quoteSheet(pc.link.sheet)}!${pc.link.cell}`;
        cell.value = { formula: `HYPERLINK(${literal(target)},${literal(String(pc.value ?? pc.link.cell))})`, result: String(pc.value ?? pc.link.cell) } as ExcelJS.CellFormulaValue;
      } else if (pc.formula !== undefined) {
        const result = pc.value === null || pc.value === undefined ? undefined : pc.value;
        cell.value = { formula: pc.formula, result } as ExcelJS.CellFormulaValue;
      } else if (pc.value !== undefined && pc.value !== null) {
        // Strings are stored as strings: exceljs never turns "=…" text into a formula.
        cell.value = pc.value;
      }
    });
  });
  for (const m of plan.merges) ws.mergeCells(m);
  if (plan.freeze && (plan.freeze.rows || plan.freeze.cols)) {
    ws.views = [{ state: "frozen", xSplit: plan.freeze.cols, ySplit: plan.freeze.rows, topLeftCell: a1(plan.freeze.rows, plan.freeze.cols) }];
  }
  ws.pageSetup = {
    ...ws.pageSetup,
    paperSize: 9, // A4
    orientation: plan.print.orientation,
    fitToPage: plan.print.fitToWidth,
    fitToWidth: 1,
    fitToHeight: 0,
    ...(plan.print.margins ? { margins: { ...plan.print.margins, header: 0.3, footer: 0.3 } } : {}),
  };
  if (plan.tabColor) ws.properties.tabColor = { argb: `FF${plan.tabColor}` };
}

/**
 * Save a whole exceljs workbook (the `template` command's new file), deflate level 1 like the parts
 * package.ts writes: faster, slightly larger, read the same by Excel.
 */
export async function saveWorkbook(wb: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await wb.xlsx.writeBuffer({ zip: { compression: "DEFLATE", compressionOptions: { level: 1 } } } as Partial<ExcelJS.XlsxWriteOptions>));
}
