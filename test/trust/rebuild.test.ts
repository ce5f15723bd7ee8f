/**
 * Re-running replaces the outputs and nothing else: the sources stay cell for cell as they were,
 * a second build gives the same workbook, and a user's sheet is never taken for an output.
 */
import { copyFileSync, mkdtempSync, rmSync } from "fs";
import os from "os";
import path from "path";
import { generatedKind } from "../../src/core/marker";
import { snapshotOfFile } from "../support/readBack";
import { dumpWorkbook, readXlsx } from "../support/cells";
import { cli } from "../support/cliRun";
import { randomBloc } from "../support/randomBloc";

const SAMPLE = path.join(__dirname, "../../examples/khoi-thi-dua-2-2023.xlsx");
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), "bs-rebuild-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function generatedNames(file: string): Promise<{ all: string[]; generated: string[] }> {
  const wb = await readXlsx(file);
  const snap = snapshotOfFile(file);
  return { all: wb.worksheets.map((w) => w.name), generated: snap.sheets.filter((s) => generatedKind(s) !== null).map((s) => s.name) };
}

describe("rebuilding", () => {
  it("replaces the outputs of an earlier build: same sheets, same figures, same cells, no copies", async () => {
    const input = path.join(dir, "sample.xlsx");
    copyFileSync(SAMPLE, input);
    const once = path.join(dir, "once.xlsx");
    const twice = path.join(dir, "twice.xlsx");
    const r1 = await cli(["build", input, "--out", once, "--json"]);
    const r2 = await cli(["build", once, "--out", twice, "--json"]);
    expect([r1.code, r2.code]).toEqual([0, 0]);
    expect(JSON.parse(r2.out.join("\n"))).toEqual(JSON.parse(r1.out.join("\n")));
    const a = await generatedNames(once);
    const b = await generatedNames(twice);
    // A workbook built before also gets its change log (shared review, SPEC §10).
    expect(b.all.filter((n) => n !== "Nhật ký thay đổi")).toEqual(a.all);
    expect(a.generated).toEqual(["Tổng hợp 2023", "Kiểm tra", "Tờ trình 2023", "Trạng thái tổng hợp"]);
    expect(b.generated).toEqual(["Tổng hợp 2023", "Kiểm tra", "Tờ trình 2023", "Nhật ký thay đổi", "Trạng thái tổng hợp"]);
    expect(b.all.filter((n) => /\(\d+\)|\(BS\d+\)/.test(n))).toEqual([]);
    // Same clock, same inputs: the rebuilt workbook is cell for cell the first one, plus its log.
    const notLog = (n: string) => n !== "Nhật ký thay đổi";
    expect(dumpWorkbook(await readXlsx(twice), notLog)).toEqual(dumpWorkbook(await readXlsx(once)));
  });

  it.each([11, 37, 59])("leaves every cell of every input sheet as it was (random bloc %i)", async (seed) => {
    const { workbook } = randomBloc(seed);
    const input = path.join(dir, `r${seed}.xlsx`);
    await workbook.xlsx.writeFile(input);
    const out = path.join(dir, `r${seed}.out.xlsx`);
    const out2 = path.join(dir, `r${seed}.out2.xlsx`);
    expect([0, 1]).toContain((await cli(["build", input, "--out", out])).code);
    expect([0, 1]).toContain((await cli(["build", out, "--out", out2])).code);
    const before = dumpWorkbook(await readXlsx(input));
    const { generated } = await generatedNames(out2);
    const isInput = (n: string) => !generated.includes(n);
    expect(dumpWorkbook(await readXlsx(out), isInput)).toEqual(before);
    expect(dumpWorkbook(await readXlsx(out2), isInput)).toEqual(before);
    expect((await generatedNames(out2)).all.filter((n) => n !== "Nhật ký thay đổi")).toEqual((await generatedNames(out)).all);
  });

  it("leaves every source cell of the sample as it was: formulas, shared and array formulas, dates", async () => {
    const input = path.join(dir, "formulas.xlsx");
    const wb = await readXlsx(SAMPLE);
    // A source figure computed by a formula, and a note that looks like one.
    wb.getWorksheet("BCA")!.getCell("E7").value = { formula: "30+8", result: 38 } as import("exceljs").CellFormulaValue;
    wb.getWorksheet("BCA")!.getCell("G7").value = "=1+1";
    // A filled-down (shared) formula, an array formula and a date beside the table.
    const ws = wb.getWorksheet("BCA")!;
    ws.getCell("H7").value = { formula: "E7*2", result: 76, shareType: "shared", ref: "H7:H9" } as import("exceljs").CellFormulaValue;
    ws.getCell("H8").value = { sharedFormula: "H7", result: 70 } as import("exceljs").CellSharedFormulaValue;
    ws.getCell("H9").value = { sharedFormula: "H7", result: 2500.9 } as import("exceljs").CellSharedFormulaValue;
    ws.getCell("I7").value = { formula: "SUM(E7:E9*1)", result: 1323.45, shareType: "array", ref: "I7" } as import("exceljs").CellFormulaValue;
    ws.getCell("J7").value = new Date(Date.UTC(2023, 11, 31));
    await wb.xlsx.writeFile(input);
    const out = path.join(dir, "formulas.out.xlsx");
    expect((await cli(["build", input, "--out", out])).code).toBe(0);
    const after = await readXlsx(out);
    const names = (await readXlsx(input)).worksheets.map((w) => w.name);
    expect(dumpWorkbook(after, (n) => names.includes(n))).toEqual(dumpWorkbook(await readXlsx(input)));
    expect(after.getWorksheet("BCA")!.getCell("E7").formula).toBe("30+8");
    expect(after.getWorksheet("BCA")!.getCell("H9").formula).toBe("E9*2");
  });

  it("never deletes a user's own sheet named like an output: the output takes another name", async () => {
    const input = path.join(dir, "user-sheets.xlsx");
    const wb = await readXlsx(SAMPLE);
    const mine = wb.addWorksheet("Tổng hợp 2023");
    mine.getCell("A1").value = "Bảng tổng hợp tự làm của tôi";
    mine.getCell("B2").value = 42;
    const check = wb.addWorksheet("kiểm tra");
    check.getCell("A1").value = "Ghi chép riêng";
    await wb.xlsx.writeFile(input);
    const userSheets = dumpWorkbook(await readXlsx(input), (n) => n === "Tổng hợp 2023" || n === "kiểm tra");

    const once = path.join(dir, "user-once.xlsx");
    const twice = path.join(dir, "user-twice.xlsx");
    expect((await cli(["build", input, "--out", once])).code).toBe(0);
    expect((await cli(["build", once, "--out", twice])).code).toBe(0);
    for (const f of [once, twice]) {
      const { all, generated } = await generatedNames(f);
      const log = f === twice ? ["Nhật ký thay đổi"] : [];
      expect(generated).toEqual(["Tổng hợp 2023 (BS2)", "Kiểm tra (BS2)", "Tờ trình 2023", ...log, "Trạng thái tổng hợp"]);
      expect(all).toEqual(expect.arrayContaining(["Tổng hợp 2023", "kiểm tra"]));
      expect(all.filter((n) => /BS3|\(2\)/.test(n))).toEqual([]);
      expect(dumpWorkbook(await readXlsx(f), (n) => n === "Tổng hợp 2023" || n === "kiểm tra")).toEqual(userSheets);
    }
  });
});
