/** A summary that no longer matches its sources is recognised, and the changed sheets are named. */
import { copyFileSync, mkdtempSync, rmSync } from "fs";
import os from "os";
import path from "path";
import { fingerprintSheets } from "../../src/core/fingerprint";
import { buildBloc } from "../../src/core/pipeline";
import { compareFingerprints, readEarlierBuild } from "../../src/core/stale";
import { snapshotOfExcelJs } from "../support/readBack";
import { cli } from "../support/cliRun";
import { readXlsx } from "../support/cells";

const SAMPLE = path.join(__dirname, "../../examples/khoi-thi-dua-2-2023.xlsx");
let dir: string;
let built: string;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), "bs-stale-"));
  copyFileSync(SAMPLE, path.join(dir, "bloc.xlsx"));
  built = path.join(dir, "bloc.built.xlsx");
  expect((await cli(["build", path.join(dir, "bloc.xlsx"), "--out", built])).code).toBe(0);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function editAndSave(from: string, to: string, edit: (wb: import("exceljs").Workbook) => void): Promise<void> {
  const wb = await readXlsx(from);
  edit(wb);
  await wb.xlsx.writeFile(to);
}

describe("stale-summary detection", () => {
  it("says nothing is out of date right after a build", async () => {
    const r = await cli(["validate", built, "--json"]);
    expect(JSON.parse(r.out.join("\n")).stale).toEqual({ stale: false, changed: [], added: [], removed: [] });
    expect(r.err.join("\n")).toMatch(/Bảng tổng hợp còn khớp với số liệu nguồn/);
  });

  it("names the one sheet whose source cell changed after the build (vi and en)", async () => {
    const edited = path.join(dir, "edited.xlsx");
    await editAndSave(built, edited, (wb) => {
      wb.getWorksheet("BTP")!.getCell("E7").value = 23; // TT01 2023 was 22
    });
    const json = JSON.parse((await cli(["validate", edited, "--json"])).out.join("\n"));
    expect(json.stale).toEqual({ stale: true, changed: ["BTP"], added: [], removed: [] });
    const vi = await cli(["validate", edited]);
    expect(vi.out.join("\n")).toMatch(/Bảng tổng hợp đã CŨ/);
    expect(vi.out.join("\n")).toMatch(/Sheet đã thay đổi: "BTP"/);
    const en = await cli(["validate", edited, "--lang", "en"]);
    expect(en.out.join("\n")).toMatch(/OUT OF DATE/);
    expect(en.out.join("\n")).toMatch(/Sheets changed: "BTP"/);
  });

  it("is not fooled by formatting: a new number format on a source cell changes nothing", async () => {
    const edited = path.join(dir, "formatted.xlsx");
    await editAndSave(built, edited, (wb) => {
      wb.getWorksheet("BQP")!.getCell("E7").numFmt = "0.00";
    });
    expect(JSON.parse((await cli(["validate", edited, "--json"])).out.join("\n")).stale.stale).toBe(false);
  });

  it("notices a changed config sheet and a removed unit sheet", async () => {
    const edited = path.join(dir, "removed.xlsx");
    await editAndSave(built, edited, (wb) => {
      wb.removeWorksheet(wb.getWorksheet("BNV")!.id);
      wb.getWorksheet("Cấu hình")!.getCell("B4").value = "Khối Thi đua số 2 (sửa)";
    });
    const json = JSON.parse((await cli(["validate", edited, "--json"])).out.join("\n"));
    expect(json.stale).toEqual({ stale: true, changed: ["Cấu hình"], added: [], removed: ["BNV"] });
  });

  it('calls a unit sheet whose header was broken "changed", not "removed" (it is still the roster\'s sheet)', async () => {
    const edited = path.join(dir, "broken-header.xlsx");
    await editAndSave(built, edited, (wb) => {
      const ws = wb.getWorksheet("BKHDT")!;
      ws.getCell("B5").value = "?";
      ws.getCell("C5").value = "?";
    });
    const json = JSON.parse((await cli(["validate", edited, "--json"])).out.join("\n"));
    expect(json.stale).toEqual({ stale: true, changed: ["BKHDT"], added: [], removed: [] });
  });

  it("reports no earlier build for a workbook that was never built (JSON stale: null)", async () => {
    const r = await cli(["validate", path.join(dir, "bloc.xlsx"), "--json"]);
    expect(JSON.parse(r.out.join("\n")).stale).toBeNull();
    expect(r.err.join("\n")).toMatch(/Chưa có bảng tổng hợp/);
  });

  it("is fresh again after a rebuild of the edited workbook", async () => {
    const edited = path.join(dir, "edited.xlsx");
    const rebuilt = path.join(dir, "rebuilt.xlsx");
    expect((await cli(["build", edited, "--out", rebuilt])).code).toBe(0);
    expect(JSON.parse((await cli(["validate", rebuilt, "--json"])).out.join("\n")).stale.stale).toBe(false);
  });

  it("computes staleness in buildBloc from the workbook as it was, before the new outputs", async () => {
    const wb = await readXlsx(built);
    wb.getWorksheet("NHNN")!.getCell("F7").value = 1;
    const snap = await snapshotOfExcelJs(wb);
    const res = buildBloc(snap, { lang: "vi", now: "2024-02-01T00:00:00Z" });
    expect(res.stale).toMatchObject({ stale: true, changed: ["NHNN"], builtAt: "2024-01-15T03:00:00.000Z" });
    expect(readEarlierBuild(snap)?.sheets.map((s) => s.name)).toEqual(["Cấu hình", "BCA", "BTP", "BQP", "BKHDT", "BNV", "NHNN", "Chấm điểm"]);
  });

  it("compares fingerprints sheet by sheet (pure)", () => {
    const sheet = (name: string, v: number) => ({
      name,
      visibility: "visible" as const,
      top: 0,
      left: 0,
      values: [[v]],
      formulas: [[null]],
      numberFormats: [["General"]],
      merges: [],
    });
    const before = fingerprintSheets([sheet("A", 1), sheet("B", 2), sheet("C", 3)]);
    const now = fingerprintSheets([sheet("A", 1), sheet("B", 5), sheet("D", 4)]);
    expect(compareFingerprints({ builtAt: null, overall: before.overall, sheets: before.sheets }, now)).toEqual({
      stale: true,
      changed: ["B"],
      added: ["D"],
      removed: ["C"],
      builtAt: null,
    });
    expect(compareFingerprints({ builtAt: null, overall: before.overall, sheets: before.sheets }, before)?.stale).toBe(false);
    // Without the per-sheet table, the overall fingerprint decides.
    expect(compareFingerprints({ builtAt: null, overall: before.overall, sheets: [] }, now)?.stale).toBe(true);
    expect(compareFingerprints({ builtAt: null, overall: before.overall, sheets: [] }, before)?.stale).toBe(false);
    expect(compareFingerprints(null, now)).toBeNull();
  });
});
