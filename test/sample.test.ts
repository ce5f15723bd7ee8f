/**
 * The bundled sample (examples/khoi-thi-dua-2-2023.xlsx): the only test that knows the sample's
 * numbers — the 2023 bloc totals of the seed report.
 */
import fs from "fs";
import os from "os";
import path from "path";
import ExcelJS from "exceljs";
import type { BuildJson } from "../src/core/pipeline";
import { cli } from "./support/cli";

const SAMPLE = path.join(__dirname, "..", "examples", "khoi-thi-dua-2-2023.xlsx");

describe("the sample bloc workbook", () => {
  let dir: string;
  let run: Awaited<ReturnType<typeof cli>>;
  let json: BuildJson;
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "bs-sample-"));
    run = await cli("build", SAMPLE, "--out", path.join(dir, "out.xlsx"), "--json");
    json = JSON.parse(run.stdout);
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("builds with exit 0 and no issue", () => {
    expect(run.code).toBe(0);
    expect(json.issues).toEqual([]);
  });

  it("has the seed's bloc, year, leader and six units", () => {
    expect(json.bloc).toBe("Khối Thi đua số 2");
    expect(json.year).toBe(2023);
    expect(json.compareYear).toBe(2022);
    expect(json.units.map((u) => u.code)).toEqual(["BCA", "BTP", "BQP", "BKHDT", "BNV", "NHNN"]);
    expect(json.units[0].name).toBe("Thanh tra Bộ Công an");
  });

  it("totals 2023 exactly as the seed report", () => {
    expect(json.totals.TT01["2023"]).toBe(152);
    expect(json.totals.TT03["2023"]).toBeGreaterThan(4642);
    expect(json.totals.TT03["2023"]).toBeLessThan(4643);
    expect(json.totals.TCD01["2023"]).toBe(2521);
    expect(json.totals.TCD02["2023"]).toBe(3239);
    expect(json.totals.XLD01["2023"]).toBe(29288);
    expect(json.totals.GQ01["2023"]).toBe(118);
  });

  it("writes a summary whose bloc totals carry cached results", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(dir, "out.xlsx"));
    const ws = wb.getWorksheet("Tổng hợp 2023")!;
    expect(ws).toBeDefined();
    // Row 6 is "Tổng Khối năm 2023"; column D is TT01.
    expect(String(ws.getCell("C6").value)).toBe("Tổng Khối năm 2023");
    const d6 = ws.getCell("D6").value as ExcelJS.CellFormulaValue;
    expect(d6.formula).toMatch(/^D\d+$/);
    expect(d6.result).toBe(152);
  });
});
