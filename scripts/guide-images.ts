/**
 * Makes the pictures of the user guide (docs/huong-dan-su-dung.md, docs/user-guide.md) under
 * docs/images/: the bundled sample's input sheets, its outputs, and the "Kiểm tra" sheet of a copy
 * with typical mistakes.
 *
 *   npm run guide-images
 *
 * Needs LibreOffice (soffice) and poppler (pdftoppm). Each picture is one sheet of a workbook built
 * by the command line (the other sheets hidden, so LibreOffice prints only that one) or the first
 * page of a .docx, converted to PDF and rendered with pdftoppm, cropped to the part worth showing.
 * The clock is fixed (15/01/2024 09:30, UTC+07:00) so the pictures match the pane's screenshots.
 */
process.env.TZ = "Asia/Ho_Chi_Minh";

import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { runCli } from "../src/cli/main";

const ROOT = path.resolve(__dirname, "..");
const SAMPLE = path.join(ROOT, "examples", "khoi-thi-dua-2-2023.xlsx");
const OUT_DIR = path.join(ROOT, "docs", "images");
const SOFFICE = process.env.SOFFICE ?? "soffice";
const NOW = new Date("2024-01-15T02:30:00Z");
const MAX_BYTES = 300 * 1024;

/** Where a picture comes from and which part of the page to keep (pixels at its resolution). */
interface Shot {
  file: string;
  source: "input" | "clean" | "defects" | "docx" | "template";
  /** Sheet to print (xlsx sources), the range of it to print, and at which scale (%). */
  sheet?: string;
  area?: string;
  scale?: number;
  /** Column widths (characters) to set before printing, by column number: long messages on one line. */
  widths?: Record<number, number>;
  /** 1-based PDF page. */
  page?: number;
  dpi: number;
  crop?: { x: number; y: number; w: number; h: number };
}

const SHOTS: Shot[] = [
  { file: "so-cau-hinh.png", source: "input", sheet: "Cấu hình", area: "A1:C30", scale: 75, dpi: 80, crop: { x: 15, y: 15, w: 720, h: 420 } },
  { file: "so-sheet-don-vi.png", source: "input", sheet: "BTP", area: "A1:G23", scale: 75, dpi: 80, crop: { x: 15, y: 15, w: 880, h: 330 } },
  { file: "so-cham-diem.png", source: "input", sheet: "Chấm điểm", area: "A1:K10", scale: 62, dpi: 80, crop: { x: 15, y: 15, w: 900, h: 170 } },
  { file: "so-mau-trong.png", source: "template", sheet: "BCA", area: "A1:G26", scale: 75, dpi: 80, crop: { x: 15, y: 15, w: 850, h: 345 } },
  { file: "ket-qua-tong-hop.png", source: "clean", sheet: "Tổng hợp 2023", area: "A1:J32", scale: 75, dpi: 80, crop: { x: 15, y: 15, w: 835, h: 600 } },
  { file: "ket-qua-kiem-tra.png", source: "defects", sheet: "Kiểm tra", area: "A1:G12", scale: 60, dpi: 120, widths: { 6: 100, 7: 20 }, crop: { x: 25, y: 25, w: 1350, h: 215 } },
  { file: "ket-qua-to-trinh.png", source: "docx", page: 1, dpi: 90 },
  { file: "ket-qua-to-trinh-de-nghi.png", source: "docx", page: 2, dpi: 90, crop: { x: 0, y: 40, w: 745, h: 590 } },
];

/** The sample with the mistakes the guide explains: text numbers, an ambiguous figure, a broken relation, money in triệu đồng. */
async function withDefects(target: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(SAMPLE);
  const set = (sheet: string, cell: string, value: ExcelJS.CellValue) => {
    const ws = wb.getWorksheet(sheet);
    if (!ws) throw new Error(`The sample has no sheet ${sheet}`);
    ws.getCell(cell).value = value;
  };
  const get = (sheet: string, cell: string) => wb.getWorksheet(sheet)?.getCell(cell).value;
  // Columns of the sample's unit sheets: B code, D unit of measure, E 2023, F 2022.
  set("BTP", "E14", "310"); // TCD01 typed as text
  set("BTP", "E18", "4.120"); // XLD01 typed as text, Vietnamese thousands
  set("BQP", "E9", "4,642"); // TT03 (money): 4.642 or 4642? never guessed
  set("BNV", "E15", 250); // TCD02 below TCD01 (276)
  set("NHNN", "F12", 80); // TT06 from 4 to 80 (this sheet has 2022 before 2023): more than tenfold
  set("BKHDT", "D9", "triệu đồng"); // TT03 in triệu đồng: the figures × 1000, converted back
  for (const cell of ["E9", "F9"]) set("BKHDT", cell, Math.round(Number(get("BKHDT", cell)) * 1000));
  await wb.xlsx.writeFile(target);
}

async function cli(argv: string[]): Promise<number> {
  const quiet = () => undefined;
  return runCli(argv, { out: quiet, err: quiet, now: () => NOW });
}

/** A copy of the workbook in which only `sheet` is visible and active, so the PDF holds only it. */
async function onlySheet(file: string, shot: Shot, target: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const keep = wb.getWorksheet(shot.sheet!);
  if (!keep) throw new Error(`${path.basename(file)} has no sheet "${shot.sheet}"`);
  // Printed at a readable scale rather than fitted to the page, on one landscape page.
  keep.pageSetup = {
    ...keep.pageSetup,
    printArea: shot.area,
    fitToPage: false,
    scale: shot.scale ?? 100,
    orientation: "landscape",
    paperSize: 9,
    margins: { left: 0.3, right: 0.3, top: 0.3, bottom: 0.3, header: 0, footer: 0 },
  };
  for (const [col, width] of Object.entries(shot.widths ?? {})) keep.getColumn(Number(col)).width = width;
  for (const ws of wb.worksheets) ws.state = ws === keep ? "visible" : "hidden";
  wb.views = [{ x: 0, y: 0, width: 10000, height: 20000, firstSheet: 0, activeTab: wb.worksheets.indexOf(keep), visibility: "visible" }];
  await wb.xlsx.writeFile(target);
}

/** A throw-away LibreOffice profile with Vietnamese as its locale, so numbers read "4.642,37" as in a Vietnamese Excel. */
function makeProfile(dir: string): void {
  mkdirSync(path.join(dir, "user"), { recursive: true });
  const xcu = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Setup/L10N"><prop oor:name="ooSetupSystemLocale" oor:op="fuse"><value>vi-VN</value></prop></item>
</oor:items>
`;
  writeFileSync(path.join(dir, "user", "registrymodifications.xcu"), xcu);
}

function toPdf(file: string, outDir: string, profile: string): string {
  execFileSync(SOFFICE, [`-env:UserInstallation=file://${profile}`, "--headless", "--convert-to", "pdf", "--outdir", outDir, file], { stdio: "ignore", timeout: 180_000 });
  const pdf = path.join(outDir, path.basename(file).replace(/\.[^.]+$/, ".pdf"));
  statSync(pdf);
  return pdf;
}

function render(pdf: string, shot: Shot, target: string): void {
  const page = String(shot.page ?? 1);
  const args = ["-png", "-r", String(shot.dpi), "-f", page, "-l", page, "-singlefile"];
  if (shot.crop) args.push("-x", String(shot.crop.x), "-y", String(shot.crop.y), "-W", String(shot.crop.w), "-H", String(shot.crop.h));
  execFileSync("pdftoppm", [...args, pdf, target.replace(/\.png$/, "")], { stdio: "ignore" });
  const size = statSync(target).size;
  if (size > MAX_BYTES) throw new Error(`${path.basename(target)} is ${Math.round(size / 1024)} KB, over ${MAX_BYTES / 1024} KB: crop it or lower its resolution`);
}

async function main(): Promise<void> {
  const tmp = mkdtempSync(path.join(os.tmpdir(), "guide-images-"));
  const profile = path.join(tmp, "lo-profile");
  makeProfile(profile);
  try {
    const files = {
      input: SAMPLE,
      clean: path.join(tmp, "clean.summary.xlsx"),
      defects: path.join(tmp, "defects.summary.xlsx"),
      docx: path.join(tmp, "to-trinh.docx"),
      template: path.join(tmp, "template.xlsx"),
    };
    if ((await cli(["build", SAMPLE, "--out", files.clean, "--docx", files.docx])) !== 0) throw new Error("The sample did not build cleanly");
    const defectsIn = path.join(tmp, "defects.xlsx");
    await withDefects(defectsIn);
    if ((await cli(["build", defectsIn, "--out", files.defects])) !== 1) throw new Error("The copy with mistakes should build with errors (exit 1)");
    const templateArgs = ["template", "--out", files.template, "--units", "BCA,BTP,BQP", "--year", "2024", "--bloc", "Khối Thi đua số 2"];
    if ((await cli(templateArgs)) !== 0) throw new Error("The template was not written");

    mkdirSync(OUT_DIR, { recursive: true });
    for (const shot of SHOTS) {
      const work = path.join(tmp, shot.file.replace(/\.png$/, ""));
      mkdirSync(work);
      let doc = files[shot.source];
      if (shot.sheet) {
        const single = path.join(work, "sheet.xlsx");
        await onlySheet(doc, shot, single);
        doc = single;
      }
      const pdf = toPdf(doc, work, profile);
      const png = path.join(work, shot.file);
      render(pdf, shot, png);
      copyFileSync(png, path.join(OUT_DIR, shot.file));
      process.stdout.write(`docs/images/${shot.file}\n`);
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

if (require.main === module) {
  main().catch((e) => {
    process.stderr.write(`${(e as Error).message}\n`);
    process.exitCode = 1;
  });
}
