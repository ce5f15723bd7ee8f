/**
 * Makes examples/khoi-thi-dua-2-2023.xlsx: the bloc of the seed report (Khối Thi đua số 2, 2023).
 * The bloc totals for 2023 are the seed's; every per-unit figure and every 2022 figure is INVENTED
 * (the real ones are not public) and the workbook says so. Run: npm run make-sample
 */
import path from "path";
import ExcelJS from "exceljs";
import { BLOC2_UNITS } from "./bloc2";
import { makeMoreSamples } from "./make-more-samples";

const UNITS = BLOC2_UNITS;

/** [code, name, unit of measure, section] in the order of the sector's report form. */
const ROWS: [string, string, string][] = [
  ["TT01", "Số cuộc thanh tra đã triển khai", "cuộc"],
  ["TT02", "Số cuộc thanh tra đã ban hành kết luận", "cuộc"],
  ["TT03", "Kiến nghị xử lý về kinh tế", "tỷ đồng"],
  ["TT04", "Kiến nghị xử lý hành chính — tổ chức", "tổ chức"],
  ["TT05", "Kiến nghị xử lý hành chính — cá nhân", "cá nhân"],
  ["TT06", "Chuyển cơ quan điều tra", "vụ"],
  ["TCD01", "Số lượt tiếp công dân", "lượt"],
  ["TCD02", "Số người được tiếp", "người"],
  ["TCD03", "Số đoàn đông người", "đoàn"],
  ["XLD01", "Số đơn tiếp nhận, xử lý", "đơn"],
  ["XLD02", "Số đơn thuộc thẩm quyền", "đơn"],
  ["GQ01", "Số vụ việc tham mưu giải quyết thuộc thẩm quyền", "vụ việc"],
  ["PCTN01", "Số người được xác minh tài sản, thu nhập", "người"],
];
const SECTIONS: Record<string, string> = {
  TT01: "I. CÔNG TÁC THANH TRA",
  TCD01: "II. CÔNG TÁC TIẾP CÔNG DÂN",
  XLD01: "III. CÔNG TÁC XỬ LÝ ĐƠN",
  GQ01: "IV. GIẢI QUYẾT KHIẾU NẠI, TỐ CÁO",
  PCTN01: "V. PHÒNG, CHỐNG THAM NHŨNG",
};

/** Invented per-unit figures, in UNITS order. 2023 totals: the seed's. */
const Y2023: Record<string, number[]> = {
  TT01: [38, 22, 31, 18, 15, 28],
  TT02: [35, 20, 29, 15, 14, 25],
  TT03: [1250.45, 86.12, 412.8, 530.25, 12.35, 2350.4],
  TT04: [12, 5, 8, 9, 3, 21],
  TT05: [45, 18, 30, 26, 11, 64],
  TT06: [4, 1, 2, 3, 0, 5],
  TCD01: [820, 310, 455, 215, 276, 445],
  TCD02: [1046, 398, 587, 274, 355, 579],
  TCD03: [12, 3, 6, 2, 4, 5],
  XLD01: [9850, 4120, 5230, 2980, 2408, 4700],
  XLD02: [3120, 1250, 1870, 860, 740, 1530],
  GQ01: [35, 16, 24, 12, 11, 20],
  PCTN01: [150, 60, 120, 45, 38, 90],
};
const Y2022: Record<string, number[]> = {
  TT01: [35, 20, 29, 17, 14, 25],
  TT02: [32, 18, 27, 15, 13, 22],
  TT03: [1105.2, 70.5, 380.1, 495.6, 10.8, 2100.9],
  TT04: [10, 4, 7, 8, 3, 18],
  TT05: [40, 15, 28, 22, 10, 58],
  TT06: [3, 1, 2, 2, 1, 4],
  TCD01: [760, 290, 430, 200, 250, 410],
  TCD02: [980, 370, 550, 260, 320, 540],
  TCD03: [10, 2, 5, 2, 3, 4],
  XLD01: [9100, 3900, 4950, 2800, 2300, 4400],
  XLD02: [2900, 1180, 1750, 800, 700, 1400],
  GQ01: [31, 14, 22, 11, 10, 18],
  PCTN01: [140, 55, 110, 40, 35, 85],
};

/** Scores (invented): BCA first, BTP second. Criteria and maxima editable by the bloc. */
const CRITERIA: [string, number][] = [
  ["Công tác thanh tra", 30],
  ["Tiếp công dân, xử lý đơn", 25],
  ["Giải quyết khiếu nại, tố cáo", 20],
  ["Phòng, chống tham nhũng, tiêu cực", 15],
  ["Xây dựng ngành, phong trào thi đua", 10],
];
const SCORES: Record<string, { c: number[]; bonus: number; penalty: number; flagVotes: number; meritVotes: number }> = {
  BCA: { c: [29, 24, 19, 14.5, 9.5], bonus: 2, penalty: 0, flagVotes: 6, meritVotes: 0 },
  BTP: { c: [28, 23, 18.5, 14, 9], bonus: 1, penalty: 0, flagVotes: 0, meritVotes: 5 },
  BQP: { c: [27, 22, 18, 13, 9], bonus: 0.5, penalty: 0, flagVotes: 0, meritVotes: 1 },
  BKHDT: { c: [26, 22, 17, 13, 8.5], bonus: 0, penalty: 0, flagVotes: 0, meritVotes: 0 },
  BNV: { c: [26, 21, 17, 12.5, 8.5], bonus: 0, penalty: 0, flagVotes: 0, meritVotes: 0 },
  NHNN: { c: [27, 22, 17.5, 13, 9], bonus: 0, penalty: 0.5, flagVotes: 0, meritVotes: 0 },
};

const NOTE =
  "Số liệu từng đơn vị và số liệu năm 2022 là số liệu MINH HỌA do nhóm phát triển tự đặt (số liệu thật không công bố); riêng tổng Khối năm 2023 khớp với báo cáo Khối Thi đua số 2 năm 2023.";
const bold = { bold: true, name: "Times New Roman", size: 12 };

function configSheet(wb: ExcelJS.Workbook): void {
  const ws = wb.addWorksheet("Cấu hình");
  ws.getColumn(1).width = 28;
  ws.getColumn(2).width = 60;
  ws.getColumn(3).width = 16;
  ws.mergeCells("A1:C1");
  ws.getCell("A1").value = "CẤU HÌNH KHỐI THI ĐUA";
  ws.getCell("A1").font = { ...bold, size: 14 };
  ws.getCell("A2").value = NOTE;
  ws.mergeCells("A2:C2");
  ws.getCell("A2").alignment = { wrapText: true };
  ws.getRow(2).height = 45;
  const kv: [string, string | number][] = [
    ["Khối thi đua", "Khối Thi đua số 2"],
    ["Năm báo cáo", 2023],
    ["Năm so sánh", 2022],
    ["Khối trưởng", "BCA"],
    ["Khối phó", ""],
    ["Chủ đề thi đua", "Siết chặt kỷ cương, tăng cường hiệu quả"],
    ["Căn cứ", "Kế hoạch số 66/KH-TTCP ngày 12/01/2023 của Thanh tra Chính phủ về phát động phong trào thi đua năm 2023"],
    ["Giao ước thi đua", "Bản Giao ước thi đua năm 2023 giữa các đơn vị trong Khối Thi đua số 2"],
    ["Số Cờ thi đua", 1],
    ["Số Bằng khen", 1],
    ["Điểm sàn Cờ", 95],
    ["Điểm sàn Bằng khen", 90],
    ["Khối trưởng năm sau", "BTP"],
    ["Khối phó năm sau", "BTC - Thanh tra Bộ Tài chính"],
    ["Địa danh", "Hà Nội"],
    ["Người ký", "Trần Đức Tuấn"],
    ["Chức vụ", "Chánh Thanh tra Bộ Công an"],
    ["Ký hiệu", "TTBCA"],
  ];
  kv.forEach(([k, v], i) => {
    const r = 4 + i;
    ws.getCell(r, 1).value = k;
    ws.getCell(r, 1).font = bold;
    if (v !== "") ws.getCell(r, 2).value = v;
  });
  const h = 4 + kv.length + 1;
  ws.getCell(h - 1 + 1, 1).value = null;
  const header = ["Mã", "Tên đơn vị", "Tên sheet"];
  header.forEach((t, i) => {
    ws.getCell(h + 1, i + 1).value = t;
    ws.getCell(h + 1, i + 1).font = bold;
  });
  UNITS.forEach((u, i) => {
    ws.getCell(h + 2 + i, 1).value = u.code;
    ws.getCell(h + 2 + i, 2).value = u.name;
    ws.getCell(h + 2 + i, 3).value = u.code;
  });
}

function unitSheet(wb: ExcelJS.Workbook, unitIndex: number): void {
  const u = UNITS[unitIndex];
  const ws = wb.addWorksheet(u.code);
  // Variety the engine must cope with: year headers as text or numbers, in either order.
  const reversed = u.code === "NHNN";
  const numericYears = u.code === "BQP";
  const years = reversed ? [2022, 2023] : [2023, 2022];
  const yearLabel = (y: number) => (numericYears ? y : y === 2023 ? "Năm 2023 (kỳ báo cáo)" : `Năm ${y}`);
  ws.columns = [{ width: 6 }, { width: 9 }, { width: 52 }, { width: 12 }, { width: 18 }, { width: 18 }, { width: 30 }];
  ws.mergeCells("A1:G1");
  ws.getCell("A1").value = u.name.toUpperCase();
  ws.getCell("A1").font = { ...bold, size: 13 };
  ws.mergeCells("A2:G2");
  ws.getCell("A2").value = "BÁO CÁO KẾT QUẢ CÔNG TÁC THANH TRA, TIẾP CÔNG DÂN, XỬ LÝ ĐƠN, GIẢI QUYẾT KHIẾU NẠI, TỐ CÁO VÀ PHÒNG, CHỐNG THAM NHŨNG NĂM 2023";
  ws.getCell("A2").font = bold;
  ws.getCell("A2").alignment = { wrapText: true, horizontal: "center" };
  ws.getRow(2).height = 32;
  ws.mergeCells("A3:G3");
  ws.getCell("A3").value = `(${NOTE})`;
  ws.getCell("A3").font = { italic: true, size: 9 };
  ws.getCell("A3").alignment = { wrapText: true };
  ws.getRow(3).height = 28;
  const header = ["STT", "Mã", "Chỉ tiêu", "Đơn vị tính", yearLabel(years[0]), yearLabel(years[1]), "Ghi chú"];
  header.forEach((t, i) => {
    const c = ws.getCell(5, i + 1);
    c.value = t;
    c.font = bold;
    c.alignment = { wrapText: true, horizontal: "center", vertical: "middle" };
    c.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFDDEBF7" } };
  });
  let r = 6;
  let n = 0;
  for (const [code, name, uom] of ROWS) {
    if (SECTIONS[code]) {
      ws.getCell(r, 3).value = SECTIONS[code];
      ws.getCell(r, 3).font = bold;
      r++;
    }
    ws.getCell(r, 1).value = ++n;
    ws.getCell(r, 2).value = code;
    ws.getCell(r, 3).value = name;
    ws.getCell(r, 4).value = uom;
    years.forEach((y, k) => {
      const c = ws.getCell(r, 5 + k);
      c.value = (y === 2023 ? Y2023 : Y2022)[code][unitIndex];
      c.numFmt = uom === "tỷ đồng" ? "#,##0.000" : "#,##0";
    });
    r++;
  }
}

function scoringSheet(wb: ExcelJS.Workbook): void {
  const ws = wb.addWorksheet("Chấm điểm");
  ws.mergeCells("A1:K1");
  ws.getCell("A1").value = "BẢNG CHẤM ĐIỂM THI ĐUA NĂM 2023 (điểm minh họa)";
  ws.getCell("A1").font = { ...bold, size: 13 };
  const header = ["Mã đơn vị", "Tên đơn vị", ...CRITERIA.map((c) => c[0]), "Điểm cộng", "Điểm trừ", "Phiếu Cờ", "Phiếu Bằng khen"];
  header.forEach((t, i) => {
    const c = ws.getCell(3, i + 1);
    c.value = t;
    c.font = bold;
    c.alignment = { wrapText: true, horizontal: "center", vertical: "middle" };
  });
  ws.getRow(3).height = 48;
  ws.getCell(4, 1).value = "Điểm tối đa";
  ws.getCell(4, 1).font = bold;
  CRITERIA.forEach((c, i) => (ws.getCell(4, 3 + i).value = c[1]));
  UNITS.forEach((u, i) => {
    const s = SCORES[u.code];
    const r = 5 + i;
    ws.getCell(r, 1).value = u.code;
    ws.getCell(r, 2).value = u.name;
    s.c.forEach((v, k) => (ws.getCell(r, 3 + k).value = v));
    const k = 3 + CRITERIA.length;
    ws.getCell(r, k).value = s.bonus;
    ws.getCell(r, k + 1).value = s.penalty;
    ws.getCell(r, k + 2).value = s.flagVotes;
    ws.getCell(r, k + 3).value = s.meritVotes;
  });
  ws.columns.forEach((col, i) => (col.width = i === 1 ? 36 : 14));
}

export async function makeSample(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "Bloc Summary (sample maker)";
  wb.created = new Date(Date.UTC(2024, 0, 15));
  wb.modified = wb.created;
  configSheet(wb);
  UNITS.forEach((_, i) => unitSheet(wb, i));
  scoringSheet(wb);
  await wb.xlsx.writeFile(file);
}

if (require.main === module) {
  const file = path.join(__dirname, "khoi-thi-dua-2-2023.xlsx");
  makeSample(file)
    .then(() => console.log(`Đã tạo ${file}`))
    // The mid-year workbook and the three blocs of the roll-up come from the sibling script.
    .then(makeMoreSamples)
    .then((files) => files.forEach((f) => console.log(`Đã tạo ${f}`)));
}
