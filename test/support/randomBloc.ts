/**
 * Random bloc workbooks (exceljs) with the truth about every figure: where it is, and whether the
 * engine must accept it (as a formula to its cell, or as a parsed text constant) or reject it.
 * Rosters of 1–40 units, tables found anywhere, merged titles, money in other units, formulas with
 * cached results, and — when asked — defects: text numbers, words, negatives, fractions, Excel
 * errors, booleans, blanks, broken relations, unknown and duplicate rows, missing sheets.
 * Sheet names carry apostrophes, diacritics, spaces, cell-like codes and the full 31 characters.
 * Deterministic for a seed.
 */
import ExcelJS from "exceljs";
import { a1 } from "../../src/core/a1";
import { DEFAULT_CATALOG, type Indicator } from "../../src/core/catalog";
import { label } from "../../src/core/text";

export type Rng = () => number;

/** mulberry32: small, fast, good enough to shuffle test data. */
export function rng(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const int = (r: Rng, lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
const pick = <T>(r: Rng, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
const chance = (r: Rng, p: number) => r() < p;
function shuffle<T>(r: Rng, xs: T[]): T[] {
  for (let i = xs.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [xs[i], xs[j]] = [xs[j], xs[i]];
  }
  return xs;
}

/** What the engine must make of one figure. */
export type Expect =
  { kind: "ref"; sheet: string; cell: string; divisor: number; value: number } | { kind: "text"; sheet: string; cell: string; value: number } | { kind: "rejected" };

export interface TruthUnit {
  code: string;
  name: string;
  /** The sheet the unit's figures are on; null when the roster names a sheet that does not exist. */
  sheet: string | null;
  /** indicator code → year → expectation (absent = rejected). */
  figures: Map<string, Map<number, Expect>>;
}

export interface Truth {
  year: number;
  compareYear: number;
  units: TruthUnit[];
  /** Sheets a build must leave exactly as they are. */
  inputSheets: string[];
}

export interface RandomBlocOptions {
  /** Number of units (default: random 1–40). */
  units?: number;
  /** Put defects in (default true). */
  defects?: boolean;
  /** The report year (default: random 2019–2030); the compare year is the one before. */
  year?: number;
}

const NAME_PARTS = [
  "Thanh tra",
  "Bộ",
  "Sở",
  "O'Brien",
  "Đắk Lắk",
  "Hà Nội",
  "Quảng Trị",
  "tỉnh",
  "Cục",
  "Nông nghiệp",
  "Tư pháp",
  "Công Thương",
  "Lê's",
  "Ngân hàng",
  "d'Arc",
  "Xây dựng",
  "Khánh Hòa",
  "Thừa Thiên Huế",
  "Bà Rịa – Vũng Tàu",
  "Ủy ban",
  "quận 1",
  "Hải Phòng",
];
const RESERVED = ["Cấu hình", "Config", "Configuration", "Cấu hình khối", "Chấm điểm", "Scoring", "Scores", "Bảng chấm điểm", "Kiểm tra", "Tổng hợp", "Tờ trình"].map(label);

/** A sheet name Excel accepts: ≤ 31 characters, none of \ / ? * [ ] :, no apostrophe at either end. */
function sheetName(r: Rng, code: string, taken: Set<string>): string {
  for (;;) {
    let n: string;
    const style = int(r, 0, 4);
    if (style === 0)
      n = code; // may look like a cell reference ("AB12"): must be quoted in formulas
    else {
      n = shuffle(r, [...NAME_PARTS])
        .slice(0, int(r, 1, 4))
        .join(" ");
      if (style === 1) n = `${n} ${code}`;
      if (style === 2) n = (n + " " + code + " ĐƠN VỊ BÁO CÁO SỐ LIỆU NĂM").slice(0, 31); // exactly 31 characters
    }
    n = n.slice(0, 31).replace(/^[' ]+|[' .:*\-–—]+$/g, "");
    if (style === 2) n = n.padEnd(31, "Đ");
    const key = label(n);
    if (!n || taken.has(key) || RESERVED.some((x) => key.startsWith(x)) || /\(\d+\)$|copy|bản sao/i.test(n)) {
      code += "X";
      continue;
    }
    taken.add(key);
    return n;
  }
}

function unitCode(r: Rng, i: number, taken: Set<string>): string {
  for (;;) {
    const style = int(r, 0, 2);
    const letters = "ABCDEFGHKLMNPQRSTVX";
    let c = Array.from({ length: int(r, 1, 3) }, () => pick(r, [...letters])).join("");
    c = style === 0 ? `${c}${i + 1}` : style === 1 ? `${c}${pick(r, ["", "TP", "NV"])}${i}` : `U${String(i + 1).padStart(2, "0")}`;
    if (!taken.has(label(c))) {
      taken.add(label(c));
      return c;
    }
  }
}

const SECTIONS: Record<string, string> = { TT01: "I. CÔNG TÁC THANH TRA", TCD01: "II. TIẾP CÔNG DÂN", XLD01: "III. XỬ LÝ ĐƠN", GQ01: "IV. GIẢI QUYẾT KHIẾU NẠI, TỐ CÁO" };

/** Valid figures of one unit and year, relations kept. Money in tỷ đồng with at most 2 decimals. */
function validFigures(r: Rng): Map<string, number> {
  const v = new Map<string, number>();
  const tt01 = int(r, 0, 60);
  v.set("TT01", tt01);
  v.set("TT02", int(r, 0, tt01));
  v.set("TT03", int(r, 0, 300000) / 100);
  for (const c of ["TT04", "TT05", "TT06"]) v.set(c, int(r, 0, 80));
  const tcd01 = int(r, 0, 1200);
  v.set("TCD01", tcd01);
  v.set("TCD02", tcd01 + int(r, 0, 400));
  v.set("TCD03", int(r, 0, Math.min(tcd01, 15)));
  const xld01 = int(r, 0, 12000);
  v.set("XLD01", xld01);
  v.set("XLD02", int(r, 0, xld01));
  v.set("GQ01", int(r, 0, 50));
  v.set("PCTN01", int(r, 0, 200));
  return v;
}

/** Vietnamese thousands grouping: 29288 → "29.288". */
function viGrouped(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ".");
}

type Placed = { value: ExcelJS.CellValue; expect: Expect };

/** One figure as a cell, maybe with a defect, and what the engine must make of it. */
function placeFigure(r: Rng, ind: Indicator, n: number, divisor: number, sheet: string, cell: string, defects: boolean): Placed {
  const raw = n * divisor;
  const ref = (value: ExcelJS.CellValue): Placed => ({ value, expect: { kind: "ref", sheet, cell, divisor, value: raw / divisor } });
  if (defects && chance(r, 0.12)) {
    const d = int(r, 0, 7);
    switch (d) {
      case 0: // a count typed as Vietnamese text: accepted, flagged, not a formula in the summary
        if (ind.kind === "integer") return { value: viGrouped(raw), expect: { kind: "text", sheet, cell, value: raw / divisor } };
        return { value: "không rõ", expect: { kind: "rejected" } };
      case 1:
        return { value: pick(r, ["n/a", "chưa có", "—", "=1+1", "+", "1.2.3,4,5"]), expect: { kind: "rejected" } };
      case 2:
        return { value: -1 - int(r, 0, 50), expect: { kind: "rejected" } };
      case 3:
        if (ind.kind === "integer") return { value: int(r, 0, 50) + 0.5, expect: { kind: "rejected" } };
        return ref(raw);
      case 4:
        return { value: { error: pick(r, ["#REF!", "#DIV/0!", "#VALUE!", "#N/A", "#NAME?"]) } as ExcelJS.CellErrorValue, expect: { kind: "rejected" } };
      case 5:
        return { value: chance(r, 0.5), expect: { kind: "rejected" } };
      case 6: // blank: an error for a required figure, nothing for an optional one; never a figure
        return { value: null, expect: { kind: "rejected" } };
      default:
        return { value: " ", expect: { kind: "rejected" } };
    }
  }
  // A formula with its cached result: the engine uses the result, LibreOffice recomputes it.
  if (chance(r, 0.1) && Number.isInteger(raw) && raw > 1) {
    const a = int(r, 0, raw);
    return ref({ formula: `${a}+${raw - a}`, result: raw } as ExcelJS.CellFormulaValue);
  }
  return ref(raw);
}

export interface RandomBloc {
  workbook: ExcelJS.Workbook;
  truth: Truth;
}

export function randomBloc(seed: number, opts: RandomBlocOptions = {}): RandomBloc {
  const r = rng(seed);
  const defects = opts.defects ?? true;
  const unitCount = opts.units ?? int(r, 1, 40);
  // Drawn either way, so a seed gives the same bloc whether or not the year is imposed.
  const drawnYear = int(r, 2019, 2030);
  const year = opts.year ?? drawnYear;
  const compareYear = year - 1;
  const wb = new ExcelJS.Workbook();
  const codes = new Set<string>();
  const names = new Set<string>(RESERVED);
  const units: TruthUnit[] = [];
  const inputSheets: string[] = [];

  // Config first (its position does not matter to the engine).
  const cfg = wb.addWorksheet(pick(r, ["Cấu hình", "Config", "cau hinh"]));
  inputSheets.push(cfg.name);
  for (let i = 0; i < unitCount; i++) {
    const code = unitCode(r, i, codes);
    const name = `${pick(r, ["Thanh tra", "Cơ quan Thanh tra", "Thanh tra Bộ"])} ${shuffle(r, [...NAME_PARTS])
      .slice(0, 2)
      .join(" ")} ${i + 1}`;
    units.push({ code, name, sheet: sheetName(r, code, names), figures: new Map() });
  }
  const cTop = int(r, 0, 2);
  const cLeft = int(r, 0, 1);
  if (cTop > 0) {
    cfg.getCell(1, cLeft + 1).value = "CẤU HÌNH KHỐI THI ĐUA";
    cfg.mergeCells(1, cLeft + 1, 1, cLeft + 4);
  }
  const kv: [string, ExcelJS.CellValue][] = [
    [pick(r, ["Khối thi đua", "Bloc"]), `Khối Thi đua số ${int(r, 1, 12)} — Miền Trung's`],
    [pick(r, ["Năm báo cáo", "Report year"]), pick(r, [year, `Năm ${year}`, String(year)])],
    [pick(r, ["Năm so sánh", "Compare year"]), compareYear],
    [pick(r, ["Khối trưởng", "Leader"]), units[0].code],
    [pick(r, ["Số Cờ thi đua", "Flag quota"]), defects && chance(r, 0.15) ? "một" : 1],
    ["Địa danh", "Hà Nội"],
  ];
  let row = cTop + 2;
  for (const [k, v] of kv) {
    cfg.getCell(row, cLeft + 1).value = k;
    cfg.getCell(row, cLeft + 2).value = v;
    row++;
  }
  row += 1;
  ["Mã", "Tên đơn vị", "Tên sheet"].forEach((h, i) => (cfg.getCell(row, cLeft + 1 + i).value = h));
  // A roster unit whose sheet is missing: all of its figures are rejected.
  const missing = defects && unitCount > 1 && chance(r, 0.3) ? int(r, 1, unitCount - 1) : -1;
  units.forEach((u, i) => {
    row++;
    cfg.getCell(row, cLeft + 1).value = u.code;
    cfg.getCell(row, cLeft + 2).value = u.name;
    if (i === missing) u.sheet = null;
    // The sheet column may be left blank when the sheet is named by the code.
    cfg.getCell(row, cLeft + 3).value = i === missing ? `${u.code} không có` : u.sheet === u.code && chance(r, 0.5) ? null : u.sheet;
  });

  const inds = [...DEFAULT_CATALOG];
  for (const u of units) {
    for (const ind of inds) u.figures.set(ind.code, new Map());
    if (u.sheet === null) continue;
    const ws = wb.addWorksheet(u.sheet, { state: chance(r, 0.1) ? "hidden" : "visible" });
    inputSheets.push(ws.name);
    const top = int(r, 0, 4);
    const left = int(r, 0, 2);
    const withStt = chance(r, 0.6);
    const omitCompare = defects && chance(r, 0.05);
    const years = shuffle(r, omitCompare ? [year] : [year, compareYear]);
    const yearHeader = (y: number) => pick(r, [y, `Năm ${y}`, y === year ? `Năm ${y} (kỳ báo cáo)` : `${y}`]);
    const cols: string[] = [...(withStt ? ["STT"] : []), pick(r, ["Mã", "Mã chỉ tiêu", "Code"]), pick(r, ["Chỉ tiêu", "Nội dung"]), pick(r, ["Đơn vị tính", "ĐVT"])];
    const yearCol0 = left + cols.length; // 0-based column of the first year
    const header: ExcelJS.CellValue[] = [...cols, ...years.map(yearHeader), "Ghi chú"];
    for (let t = 0; t < top; t++) {
      ws.getCell(t + 1, left + 1).value = t === 0 ? `${u.name.toUpperCase()} — BÁO CÁO KẾT QUẢ CÔNG TÁC` : `(${t})`;
      if (t === 0) ws.mergeCells(t + 1, left + 1, t + 1, left + header.length);
    }
    header.forEach((h, i) => (ws.getCell(top + 1, left + 1 + i).value = h));
    const codeCol = left + (withStt ? 1 : 0);
    let rr = top + 1; // 0-based row of the next line
    const order = chance(r, 0.3) ? shuffle(r, [...inds]) : inds;
    const figs = new Map(years.map((y) => [y, validFigures(r)]));
    if (defects && chance(r, 0.2)) figs.get(year)!.set("TT02", figs.get(year)!.get("TT01")! + 1); // RELATION_VIOLATED: still accepted
    let stt = 0;
    for (const ind of order) {
      if (!ind.required && defects && chance(r, 0.05)) continue; // optional indicator absent (warning)
      if (SECTIONS[ind.code] && order === inds) {
        ws.getCell(rr + 1, codeCol + 2).value = SECTIONS[ind.code];
        rr++;
      }
      if (withStt) ws.getCell(rr + 1, left + 1).value = ++stt;
      ws.getCell(rr + 1, codeCol + 1).value = ind.code;
      ws.getCell(rr + 1, codeCol + 2).value = ind.name;
      let divisor = 1;
      let uom = ind.unit;
      if (ind.kind === "money") {
        const m = pick(r, [
          ["tỷ đồng", 1],
          ["triệu đồng", 1000],
          ["đồng", 1e9],
        ] as const);
        uom = m[0];
        divisor = m[1];
      }
      ws.getCell(rr + 1, codeCol + 3).value = uom;
      years.forEach((y, k) => {
        const col = yearCol0 + k;
        const cell = a1(rr, col);
        const p = placeFigure(r, ind, figs.get(y)!.get(ind.code)!, divisor, ws.name, cell, defects);
        if (p.value !== null) ws.getCell(rr + 1, col + 1).value = p.value;
        if (p.expect.kind !== "rejected") u.figures.get(ind.code)!.set(y, p.expect);
      });
      if (chance(r, 0.2)) ws.getCell(rr + 1, yearCol0 + years.length + 1).value = pick(r, ["Số liệu ước tính", "=SUM(A1:A3)", "@ghi chú", "-"]);
      rr++;
    }
    if (defects && chance(r, 0.15)) {
      // An indicator twice: the first row counts, the second is INDICATOR_DUPLICATE.
      ws.getCell(rr + 1, codeCol + 1).value = "TT01";
      ws.getCell(rr + 1, codeCol + 2).value = "Số cuộc thanh tra (lặp)";
      ws.getCell(rr + 1, yearCol0 + 1).value = 999;
      rr++;
    }
    if (defects && chance(r, 0.15)) {
      ws.getCell(rr + 1, codeCol + 1).value = "ZZ99";
      ws.getCell(rr + 1, codeCol + 2).value = "Chỉ tiêu lạ";
      ws.getCell(rr + 1, yearCol0 + 1).value = 7;
      rr++;
    }
  }
  if (defects && chance(r, 0.3)) {
    // A report sheet nobody listed: SHEET_NOT_IN_ROSTER, never read into the figures.
    const ws = wb.addWorksheet(sheetName(r, "ZLIST", names));
    ws.getCell("A1").value = "Mã";
    ws.getCell("B1").value = "Chỉ tiêu";
    ws.getCell("C1").value = year;
    ws.getCell("A2").value = "TT01";
    ws.getCell("B2").value = "Số cuộc thanh tra đã triển khai";
    ws.getCell("C2").value = 5;
  }
  // Shuffle the tabs: the engine finds sheets by name, never by position.
  if (chance(r, 0.5)) shuffle(r, [...wb.worksheets]).forEach((ws, i) => ((ws as unknown as { orderNo: number }).orderNo = i));
  return { workbook: wb, truth: { year, compareYear, units, inputSheets } };
}

/** Expected bloc total of an indicator in a year: the accepted figures, in roster order. */
export function expectedTotal(truth: Truth, indicator: string, y: number): number | undefined {
  let sum = 0;
  let any = false;
  for (const u of truth.units) {
    const e = u.figures.get(indicator)?.get(y);
    if (e && e.kind !== "rejected") {
      sum += e.value;
      any = true;
    }
  }
  return any ? sum : undefined;
}
