/**
 * Periods, history and the roll-up through LibreOffice: every formula of the new blocks (the trend,
 * the sector sheet) recalculated by LibreOffice gives the cached value we wrote; the period report
 * and the roll-up document convert to a PDF of plausible length, page 1 rendered for review.
 * Run by `npm run test:libreoffice`; a missing tool fails, never skips.
 */
import { execFileSync } from "child_process";
import { promises as fs, mkdtempSync, rmSync } from "fs";
import os from "os";
import path from "path";
import ExcelJS from "exceljs";
import { writeDocx } from "../../src/file/docx";
import { run } from "../core/helpers/run";
import { cli } from "../support/cli";
import { recalculate, requireSoffice, SOFFICE } from "../support/libreoffice";
import { BlocBuilder } from "../support/snapshots";

const ROOT = path.join(__dirname, "..", "..");
const MID_YEAR = path.join(ROOT, "examples", "khoi-thi-dua-2-6-thang-2024.xlsx");
const BLOCS = path.join(ROOT, "examples", "rollup");
const OUTPUT = path.join(__dirname, "../output");

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), "bs-periods-lo-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

type Shown = number | string | boolean;
function shown(cell: ExcelJS.Cell): Shown {
  let v = cell.value as unknown;
  if (v && typeof v === "object" && "formula" in v) v = (v as { result?: unknown }).result;
  if (v === null || v === undefined) return "";
  if (typeof v === "object" && "error" in (v as object)) return `#ERR${String((v as { error: unknown }).error)}`;
  return v as Shown;
}

/** Every formula cell of `sheet`: our cached value against LibreOffice's recalculated one. */
async function compareFormulas(ours: string, theirs: string, sheet: string): Promise<number> {
  const a = new ExcelJS.Workbook();
  await a.xlsx.readFile(ours);
  const b = new ExcelJS.Workbook();
  await b.xlsx.readFile(theirs);
  const wa = a.getWorksheet(sheet)!;
  const wb = b.getWorksheet(sheet)!;
  let n = 0;
  wa.eachRow((row) =>
    row.eachCell((cell) => {
      if (cell.type !== ExcelJS.ValueType.Formula) return;
      const mine = shown(cell);
      const lo = shown(wb.getCell(cell.address));
      const where = `${sheet}!${cell.address} =${cell.formula}`;
      if (typeof mine === "number" && typeof lo === "number") expect([where, lo]).toEqual([where, expect.closeTo(mine, 6)]);
      else expect([where, lo]).toEqual([where, mine]);
      n++;
    }),
  );
  return n;
}

describe("LibreOffice recalculates the new formulas to our cached values", () => {
  test("the mid-year summary with its four-year trend, and the sector roll-up", async () => {
    const mid = path.join(dir, "mid.xlsx");
    const sector = path.join(dir, "sector.xlsx");
    expect((await cli("build", MID_YEAR, "--out", mid)).code).toBe(0);
    expect((await cli("rollup", BLOCS, "--out", sector)).code).toBe(0);
    const [midLo, sectorLo] = recalculate([mid, sector], path.join(dir, "lo"));
    const trend = await compareFormulas(mid, midLo, "Tổng hợp 6 tháng 2024");
    const rolled = await compareFormulas(sector, sectorLo, "Tổng hợp ngành 2023");
    // The trend block alone has totals, changes, growth and index rows for 13 indicators.
    expect(trend).toBeGreaterThan(400);
    expect(rolled).toBeGreaterThan(100);
  }, 240000);
});

describe("documents per period in LibreOffice", () => {
  test("the 6-month review, a quarter's report and the sector roll-up convert to PDF and render page 1", async () => {
    requireSoffice("to render the documents", "libreoffice-writer-nogui poppler-utils");
    const half = run(new BlocBuilder({ year: 2031, unitSheet: { yearLabel: (y) => `6 tháng ${y}` } })).submission!;
    const quarter = run(new BlocBuilder({ year: 2031, unitSheet: { yearLabel: (y) => `Quý III/${y}` } })).submission!;
    await fs.writeFile(path.join(dir, "so-ket-6-thang.docx"), await writeDocx(half));
    await fs.writeFile(path.join(dir, "bao-cao-quy.docx"), await writeDocx(quarter));
    expect((await cli("rollup", BLOCS, "--out", path.join(dir, "n.xlsx"), "--docx", path.join(dir, "tong-hop-nganh.docx"))).code).toBe(0);
    const names = ["so-ket-6-thang", "bao-cao-quy", "tong-hop-nganh"];
    const profile = path.join(os.tmpdir(), `lo-${process.pid}-${Math.random().toString(36).slice(2, 8)}`);
    try {
      execFileSync(SOFFICE, [`-env:UserInstallation=file://${profile}`, "--headless", "--convert-to", "pdf", "--outdir", dir, ...names.map((n) => path.join(dir, `${n}.docx`))], {
        stdio: "pipe",
        timeout: 180000,
      });
    } finally {
      await fs.rm(profile, { recursive: true, force: true });
    }
    await fs.mkdir(OUTPUT, { recursive: true });
    for (const name of names) {
      const pdf = await fs.readFile(path.join(dir, `${name}.pdf`));
      const pages = (pdf.toString("latin1").match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length;
      expect([name, pages >= 1 && pages <= 3]).toEqual([name, true]);
      execFileSync("pdftoppm", ["-png", "-r", "60", "-f", "1", "-l", "1", "-singlefile", path.join(dir, `${name}.pdf`), path.join(OUTPUT, `${name}-page1`)], { stdio: "pipe" });
      const png = await fs.readFile(path.join(OUTPUT, `${name}-page1.png`));
      expect(png.subarray(1, 4).toString()).toBe("PNG");
    }
  }, 300000);
});
