/**
 * Makes the samples beside the bloc of the seed report (make-sample.ts):
 * - examples/khoi-thi-dua-2-6-thang-2024.xlsx — Khối Thi đua số 2's mid-year review (Kỳ báo cáo:
 *   6 tháng), with the first six months of 2021–2024 so the summary shows the trend;
 * - examples/rollup/khoi-*.xlsx — three blocs of 2023 for the sector roll-up (`npm run cli --
 *   rollup examples/rollup --out …`).
 * EVERY FIGURE HERE IS INVENTED (a seeded generator), and every sheet says so.
 * Run: npx tsx examples/make-more-samples.ts
 */
import { promises as fs } from "fs";
import path from "path";
import ExcelJS from "exceljs";
import { DEFAULT_CATALOG } from "../src/core/catalog";
// The tests' seeded generator: the same invented figures on every run.
import { rng } from "../test/support/randomBloc";
import { BLOC2_UNITS } from "./bloc2";

const NOTE = "SỐ LIỆU MINH HỌA do nhóm phát triển tự đặt (không phải số liệu thật của các đơn vị) — chỉ để chạy thử Bloc Summary.";
const bold = { bold: true, name: "Times New Roman", size: 12 };

interface BlocSpec {
  file: string;
  bloc: string;
  year: number;
  /** The config's "Kỳ báo cáo" (blank for the year) and the column header of a year. */
  period: string;
  header: (y: number) => string;
  /** Figure columns, newest first. */
  years: number[];
  units: { code: string; name: string }[];
  leader: string;
  place: string;
  signer: string;
  signerTitle: string;
  /** Scale of the figures (a mid-year review holds about half a year's work). */
  scale: number;
  seed: number;
}

/** Typical yearly size of each indicator for one unit (invented). */
const BASE: Record<string, number> = {
  TT01: 25,
  TT02: 22,
  TT03: 400,
  TT04: 8,
  TT05: 30,
  TT06: 2,
  TCD01: 400,
  TCD02: 520,
  TCD03: 5,
  XLD01: 4500,
  XLD02: 1500,
  GQ01: 18,
  PCTN01: 80,
};

/** One unit's figures for one year, the catalog's relations kept (TT02 ≤ TT01, TCD02 ≥ TCD01 …). */
function figures(r: () => number, scale: number, growth: number): Record<string, number> {
  const f: Record<string, number> = {};
  for (const ind of DEFAULT_CATALOG) {
    const v = BASE[ind.code] * scale * growth * (0.6 + 0.8 * r());
    f[ind.code] = ind.kind === "money" ? Math.round(v * 100) / 100 : Math.round(v);
  }
  f.TT02 = Math.min(f.TT02, f.TT01);
  f.TCD02 = Math.max(f.TCD02, f.TCD01);
  f.TCD03 = Math.min(f.TCD03, f.TCD01);
  f.XLD02 = Math.min(f.XLD02, f.XLD01);
  return f;
}

async function blocWorkbook(spec: BlocSpec): Promise<void> {
  const r = rng(spec.seed);
  const wb = new ExcelJS.Workbook();
  wb.creator = "Bloc Summary (sample maker)";
  wb.created = new Date(Date.UTC(spec.year, 6, 15));
  wb.modified = wb.created;

  const cfg = wb.addWorksheet("Cấu hình");
  cfg.getColumn(1).width = 24;
  cfg.getColumn(2).width = 60;
  cfg.getColumn(3).width = 14;
  cfg.getCell("A1").value = "CẤU HÌNH KHỐI THI ĐUA";
  cfg.getCell("A1").font = { ...bold, size: 14 };
  cfg.getCell("A2").value = NOTE;
  cfg.getCell("A2").font = { italic: true, color: { argb: "FFC00000" } };
  const kv: [string, string | number][] = [
    ["Khối thi đua", spec.bloc],
    ["Năm báo cáo", spec.year],
    ["Năm so sánh", spec.year - 1],
    ["Kỳ báo cáo", spec.period],
    ["Khối trưởng", spec.leader],
    ["Địa danh", spec.place],
    ["Người ký", spec.signer],
    ["Chức vụ", spec.signerTitle],
  ];
  kv.forEach(([k, v], i) => {
    cfg.getCell(4 + i, 1).value = k;
    cfg.getCell(4 + i, 1).font = bold;
    if (v !== "") cfg.getCell(4 + i, 2).value = v;
  });
  const h = 4 + kv.length + 1;
  ["Mã", "Tên đơn vị", "Tên sheet"].forEach((t, i) => {
    cfg.getCell(h, i + 1).value = t;
    cfg.getCell(h, i + 1).font = bold;
  });
  spec.units.forEach((u, i) => {
    cfg.getCell(h + 1 + i, 1).value = u.code;
    cfg.getCell(h + 1 + i, 2).value = u.name;
    cfg.getCell(h + 1 + i, 3).value = u.code;
  });

  for (const u of spec.units) {
    const ws = wb.addWorksheet(u.code);
    ws.columns = [{ width: 9 }, { width: 52 }, { width: 12 }, ...spec.years.map(() => ({ width: 16 })), { width: 20 }];
    ws.getCell("A1").value = u.name.toUpperCase();
    ws.getCell("A1").font = { ...bold, size: 13 };
    ws.getCell("A2").value = `(${NOTE})`;
    ws.getCell("A2").font = { italic: true, size: 9, color: { argb: "FFC00000" } };
    const header = ["Mã", "Chỉ tiêu", "Đơn vị tính", ...spec.years.map(spec.header), "Ghi chú"];
    header.forEach((t, i) => {
      const c = ws.getCell(4, i + 1);
      c.value = t;
      c.font = bold;
      c.alignment = { wrapText: true, horizontal: "center" };
    });
    // Older years a little smaller: a bloc that grows about 5 % a year.
    const byYear = spec.years.map((y) => figures(r, spec.scale, Math.pow(1.05, y - spec.year)));
    DEFAULT_CATALOG.forEach((ind, k) => {
      const row = 5 + k;
      ws.getCell(row, 1).value = ind.code;
      ws.getCell(row, 2).value = ind.name;
      ws.getCell(row, 3).value = ind.unit;
      byYear.forEach((f, j) => {
        const c = ws.getCell(row, 4 + j);
        c.value = f[ind.code];
        c.numFmt = ind.kind === "money" ? "#,##0.00" : "#,##0";
      });
    });
  }
  await fs.mkdir(path.dirname(spec.file), { recursive: true });
  await wb.xlsx.writeFile(spec.file);
}

export const MORE_SAMPLES: BlocSpec[] = [
  {
    file: path.join(__dirname, "khoi-thi-dua-2-6-thang-2024.xlsx"),
    bloc: "Khối Thi đua số 2",
    year: 2024,
    period: "6 tháng",
    header: (y) => `6 tháng ${y}`,
    years: [2024, 2023, 2022, 2021],
    units: BLOC2_UNITS,
    leader: "BTP",
    place: "Hà Nội",
    signer: "",
    signerTitle: "Chánh Thanh tra Bộ Tư pháp",
    scale: 0.5,
    seed: 602024,
  },
  ...[
    {
      n: 1,
      units: ["Thanh tra Bộ Tài chính", "Thanh tra Bộ Công Thương", "Thanh tra Bộ Xây dựng", "Thanh tra Bộ Giao thông vận tải", "Thanh tra Bộ Nông nghiệp và Phát triển nông thôn"],
    },
    { n: 3, units: ["Thanh tra Bộ Y tế", "Thanh tra Bộ Giáo dục và Đào tạo", "Thanh tra Bộ Lao động – Thương binh và Xã hội", "Thanh tra Bộ Văn hóa, Thể thao và Du lịch"] },
    {
      n: 4,
      units: [
        "Thanh tra Bộ Tài nguyên và Môi trường",
        "Thanh tra Bộ Thông tin và Truyền thông",
        "Thanh tra Bộ Khoa học và Công nghệ",
        "Thanh tra Bộ Ngoại giao",
        "Thanh tra Ủy ban Dân tộc",
        "Thanh tra Bộ Nội vụ",
      ],
    },
  ].map(({ n, units }): BlocSpec => ({
    file: path.join(__dirname, "rollup", `khoi-thi-dua-${n}-2023.xlsx`),
    bloc: `Khối Thi đua số ${n}`,
    year: 2023,
    period: "",
    header: (y) => `Năm ${y}`,
    years: [2023, 2022],
    units: units.map((name, i) => ({ code: `K${n}DV${i + 1}`, name })),
    leader: `K${n}DV1`,
    place: "Hà Nội",
    signer: "",
    signerTitle: "",
    scale: 1,
    seed: 2023 + n,
  })),
];

export async function makeMoreSamples(): Promise<string[]> {
  for (const s of MORE_SAMPLES) await blocWorkbook(s);
  return MORE_SAMPLES.map((s) => s.file);
}

if (require.main === module) {
  makeMoreSamples().then((files) => files.forEach((f) => console.log(`Đã tạo ${f}`)));
}
