/**
 * Synthetic blocs of any size, for the benchmark: a config sheet, N unit sheets with every catalog
 * indicator and valid figures, as a snapshot (for the engine) or an exceljs workbook (for the CLI).
 */
import ExcelJS from "exceljs";
import { DEFAULT_CATALOG } from "../src/core/catalog";
import { sheetFromRows, type CellValue, type WorkbookSnapshot } from "../src/core/snapshot";

/** A small deterministic generator, so runs are comparable. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
}

export function syntheticRows(units: number, year = 2023): { config: CellValue[][]; sheets: { name: string; rows: CellValue[][] }[] } {
  const rand = rng(units);
  const codes = Array.from({ length: units }, (_, i) => `DV${String(i + 1).padStart(3, "0")}`);
  const config: CellValue[][] = [
    ["CẤU HÌNH KHỐI THI ĐUA"],
    [],
    ["Khối thi đua", `Khối thử nghiệm ${units} đơn vị`],
    ["Năm báo cáo", year],
    ["Khối trưởng", codes[0]],
    [],
    ["Mã", "Tên đơn vị", "Tên sheet"],
    ...codes.map((c, i) => [c, `Thanh tra đơn vị số ${i + 1}`, c] as CellValue[]),
  ];
  const sheets = codes.map((code) => {
    const rows: CellValue[][] = [[`BÁO CÁO CỦA ${code}`], [], ["STT", "Mã", "Chỉ tiêu", "Đơn vị tính", `Năm ${year}`, `Năm ${year - 1}`, "Ghi chú"]];
    const base = new Map<string, number>();
    DEFAULT_CATALOG.forEach((ind, i) => {
      // Respect the relations: "≤" indicators are a part of their reference, "≥" a multiple.
      const ref = { TT02: "TT01", TCD03: "TCD01", XLD02: "XLD01" }[ind.code];
      let cur = ind.kind === "money" ? Math.round(rand() * 100000) / 100 : Math.floor(10 + rand() * 500);
      if (ref) cur = Math.floor((base.get(ref) ?? 0) * 0.8);
      if (ind.code === "TCD02") cur = Math.floor((base.get("TCD01") ?? 0) * 1.3);
      base.set(ind.code, cur);
      const prev = ind.kind === "money" ? Math.round(cur * 90) / 100 : Math.floor(cur * 0.9);
      rows.push([i + 1, ind.code, ind.name, ind.unit, cur, prev, null]);
    });
    return { name: code, rows };
  });
  return { config, sheets };
}

export function syntheticSnapshot(units: number): WorkbookSnapshot {
  const { config, sheets } = syntheticRows(units);
  return { sheets: [sheetFromRows("Cấu hình", config), ...sheets.map((s) => sheetFromRows(s.name, s.rows))] };
}

export function syntheticWorkbook(units: number): ExcelJS.Workbook {
  const { config, sheets } = syntheticRows(units);
  const wb = new ExcelJS.Workbook();
  const put = (name: string, rows: CellValue[][]) => {
    const ws = wb.addWorksheet(name);
    rows.forEach((r) => ws.addRow(r.map((v) => (v === null ? undefined : v))));
  };
  put("Cấu hình", config);
  sheets.forEach((s) => put(s.name, s.rows));
  return wb;
}
