/**
 * A unit sheet replaced by `import` keeps the user's references to it working: a formula and a
 * defined name on another sheet that read one of its figures show the corrected figure once the
 * workbook is recalculated (LibreOffice, told to recalculate on load) — no #REF!. Run by
 * `npm run test:libreoffice`.
 */
import ExcelJS from "exceljs";
import { mkdtempSync, rmSync, writeFileSync } from "fs";
import os from "os";
import path from "path";
import { cli } from "../support/cli";
import { recalculate } from "../support/libreoffice";
import { blocReadingBtp } from "../support/blocReadingBtp";
import { FILE_WIDTHS, importScenario, xlsxOf } from "../support/unitFiles";

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), "bs-import-refs-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it("shows the corrected figure through the user's formula and defined name after --replace", async () => {
  const { bytes, before, after } = await blocReadingBtp();
  const bloc = path.join(dir, "khoi.xlsx");
  writeFileSync(bloc, bytes);
  const btp = path.join(dir, "btp.xlsx");
  writeFileSync(btp, await xlsxOf(importScenario().files[1].snapshot, { BTP: FILE_WIDTHS }));
  const out = path.join(dir, "out.xlsx");
  expect((await cli("import", bloc, btp, "--out", out, "--replace")).code).toBe(0);
  const [file] = recalculate([out], path.join(dir, "lo"));
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const notes = wb.getWorksheet("Ghi chép")!;
  expect(before).not.toBe(after);
  expect(notes.getCell("B1").result).toBe(after);
  expect(notes.getCell("C1").result).toBe(after);
  expect(wb.worksheets.map((w) => w.name)).toEqual(["Cấu hình", "BCA", "BTP", "BQP", "Ghi chép"]);
}, 180_000);
