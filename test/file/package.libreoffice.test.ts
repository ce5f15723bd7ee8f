/**
 * The CLI's output in the user's package through LibreOffice: it opens the result and recalculates
 * the summary to the values written. Run by `npm run test:libreoffice`; missing LibreOffice fails.
 */
import { mkdtempSync, readFileSync, rmSync } from "fs";
import os from "os";
import path from "path";
import ExcelJS from "exceljs";
import { recalculate } from "../support/libreoffice";
import { buildUserPackage, SUMMARY } from "../support/userPackage";

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), "bs-pkg-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("the CLI writes into the user's package", () => {
  beforeAll(async () => {
    await buildUserPackage(dir);
  }, 60_000);

  it("(d) LibreOffice opens the result and recalculates the summary to the values written", async () => {
    const [recalc] = recalculate([path.join(dir, "out2.xlsx")], path.join(dir, "lo"));
    const ours = new ExcelJS.Workbook();
    await ours.xlsx.load(readFileSync(path.join(dir, "out2.xlsx")) as unknown as ArrayBuffer);
    const theirs = new ExcelJS.Workbook();
    await theirs.xlsx.readFile(recalc);
    const a = ours.getWorksheet(SUMMARY)!;
    const b = theirs.getWorksheet(SUMMARY)!;
    let formulas = 0;
    a.eachRow((row, r) =>
      row.eachCell((cell, c) => {
        if (!cell.formula) return;
        formulas++;
        const mine = cell.result;
        const lo = b.getCell(r, c).result ?? b.getCell(r, c).value;
        if (typeof mine === "number") expect(lo as number).toBeCloseTo(mine, 6);
        else if (mine !== undefined && mine !== null && typeof mine !== "object") expect(String(lo ?? "")).toBe(String(mine));
      }),
    );
    expect(formulas).toBeGreaterThan(20);
  }, 180_000);
});
