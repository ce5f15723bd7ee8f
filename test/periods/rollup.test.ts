/** The sector roll-up (SPEC §11): totals are the sum of the clean blocs' totals; errors listed; mixed years or periods refused. */
import fs from "fs";
import os from "os";
import path from "path";
import fc from "fast-check";
import ExcelJS from "exceljs";
import { rollupBlocs, type RollupInput } from "../../src/core/aggregate/rollup";
import { buildBloc, checkBloc, type BlocCheck, type BuildResult } from "../../src/core/pipeline";
import { rollupText } from "../../src/core/i18n/rollup";
import { renderRollup } from "../../src/core/render/rollup";
import { buildRollupDocument } from "../../src/core/render/rollupDocument";
import { evaluate } from "../core/helpers/formula";
import { run } from "../core/helpers/run";
import { cli } from "../support/cli";
import { expectedTotal, randomBloc } from "../support/randomBloc";
import { snapshotOfExcelJs } from "../support/readBack";
import { loadWorkbook } from "../../src/file/load";
import { BlocBuilder } from "../support/snapshots";

const NOW = "2024-01-15T03:00:00.000Z";
const ROOT = path.join(__dirname, "..", "..");
const SAMPLES = path.join(ROOT, "examples", "rollup");

async function randomInput(seed: number, year: number, defects: boolean): Promise<{ input: RollupInput & { result: BuildResult }; truth: ReturnType<typeof randomBloc>["truth"] }> {
  const { workbook, truth } = randomBloc(seed, { units: 1 + (seed % 7), defects, year });
  return { input: { file: `bloc-${seed}.xlsx`, result: buildBloc(await snapshotOfExcelJs(workbook), { lang: "vi", now: NOW }) }, truth };
}

describe("roll-up totals", () => {
  it("equal the sum of the clean blocs' totals, which are the accepted figures; blocs with errors are left out", async () => {
    await fc.assert(
      fc.asyncProperty(fc.uniqueArray(fc.integer({ min: 1, max: 100000 }), { minLength: 1, maxLength: 5 }), fc.boolean(), async (seeds, defects) => {
        const blocs = await Promise.all(seeds.map((s) => randomInput(s, 2027, defects && s % 2 === 0)));
        const out = rollupBlocs(blocs.map((b) => b.input));
        if (!("rollup" in out)) throw new Error(`refused: ${out.refusal.kind}`);
        const r = out.rollup;
        expect(r.blocs.map((b) => b.included)).toEqual(blocs.map((b) => b.input.result.errors === 0));
        for (const ind of r.indicators) {
          for (const y of [2027, 2026]) {
            const clean = blocs.filter((b) => b.input.result.errors === 0);
            const fromBuilds = clean.map((b) => b.input.result.json.totals[ind.code]?.[String(y)]).filter((v): v is number => v !== undefined);
            const fromTruth = clean.map((b) => expectedTotal(b.truth, ind.code, y)).filter((v): v is number => v !== undefined);
            const got = r.totals.get(ind.code)!.get(y);
            if (!fromBuilds.length) expect(got).toBeUndefined();
            else {
              expect(got).toBeCloseTo(
                fromBuilds.reduce((s, v) => s + v, 0),
                6,
              );
              expect(got).toBeCloseTo(
                fromTruth.reduce((s, v) => s + v, 0),
                6,
              );
            }
          }
          // Shares of the included blocs add up to the whole; ranks are 1…n.
          const shares = r.share.map((m) => m.get(ind.code)).filter((v): v is number => typeof v === "number");
          if (shares.length) expect(shares.reduce((s, v) => s + v, 0)).toBeCloseTo(1, 9);
          for (const m of r.rank) {
            const k = m.get(ind.code);
            if (k !== null && k !== undefined) expect(k).toBeGreaterThanOrEqual(1);
          }
        }
        // The sheet's formulas give the cached values the roll-up computed.
        const plan = renderRollup(r, "vi", "15/01/2024 10:00 (UTC+07:00)");
        const sheet = plan.sheets[0];
        for (const line of sheet.rows)
          for (const cell of line ?? []) {
            if (!cell?.formula) continue;
            const v = evaluate(cell.formula, { wb: { sheets: [] }, plan: sheet });
            if (typeof v === "number" && typeof cell.value === "number") expect(v).toBeCloseTo(cell.value, 6);
            else expect(v).toEqual(cell.value);
          }
      }),
      { numRuns: 25 },
    );
  });

  it("lists a bloc with errors on the sheet and in the document, outside the totals", () => {
    const good = new BlocBuilder({ year: 2031, seed: 1 });
    const bad = new BlocBuilder({ year: 2031, seed: 2 }).set("BCA", "TT01", 2031, "nhiều");
    const out = rollupBlocs([
      { file: "tot.xlsx", result: run(good) },
      { file: "loi.xlsx", result: run(bad) },
    ]);
    if (!("rollup" in out)) throw new Error("refused");
    expect(out.rollup.totals.get("TT01")!.get(2031)).toBe(run(good).json.totals.TT01["2031"]);
    const texts = renderRollup(out.rollup, "vi", "now")
      .sheets[0].rows.flat()
      .map((c) => c?.value);
    expect(texts).toContain("1/2 Khối có lỗi nên không được cộng vào tổng ngành — xem mục VII.");
    expect(texts).toContain("VII. CÁC KHỐI CÓ LỖI (KHÔNG ĐƯỢC CỘNG VÀO TỔNG NGÀNH)");
    expect(texts).toContain("loi.xlsx");
    expect(texts.some((t) => typeof t === "string" && t.startsWith(`BCA!${bad.address("BCA", "TT01", 2031)}:`))).toBe(true);
    const doc = JSON.stringify(buildRollupDocument(out.rollup, "vi"));
    expect(doc).toContain("Chưa tổng hợp số liệu của Khối Thi đua số 9 do báo cáo còn lỗi");
  });
});

describe("the roll-up's check of a bloc", () => {
  /** The part of a full build the check stands for. */
  const checkedPart = (b: BuildResult): BlocCheck => ({
    config: b.config,
    roster: b.roster,
    catalog: b.catalog,
    reports: b.reports,
    year: b.year,
    compareYear: b.compareYear,
    period: b.period,
    figures: b.figures,
    issues: b.issues,
    errors: b.errors,
    warnings: b.warnings,
    scores: b.scores,
    awards: b.awards,
    changes: b.changes,
    previousBuildAt: b.previousBuildAt,
  });

  it("finds what the full build finds — issues, years, period, totals — over random blocs, with and without defects", async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 100000 }), fc.boolean(), async (seed, defects) => {
        const snapshot = await snapshotOfExcelJs(randomBloc(seed, { units: 1 + (seed % 9), defects }).workbook);
        const checked = checkBloc(snapshot, { lang: "vi", now: NOW, utcOffsetMinutes: 420 });
        expect(checked).toEqual(checkedPart(buildBloc(snapshot, { lang: "vi", now: NOW, utcOffsetMinutes: 420 })));
      }),
      { numRuns: 25 },
    );
  });

  it("finds what the full build finds on the sample workbooks", async () => {
    const files = [
      ...fs.readdirSync(SAMPLES).map((f) => path.join(SAMPLES, f)),
      ...fs
        .readdirSync(path.join(ROOT, "examples"))
        .filter((f) => f.endsWith(".xlsx"))
        .map((f) => path.join(ROOT, "examples", f)),
    ];
    expect(files.length).toBeGreaterThanOrEqual(5);
    for (const file of files) {
      const { snapshot } = await loadWorkbook(file);
      expect(checkBloc(snapshot, { lang: "en", now: NOW })).toEqual(checkedPart(buildBloc(snapshot, { lang: "en", now: NOW })));
    }
  });
});

describe("refusals", () => {
  it("refuses blocs of different years", () => {
    const out = rollupBlocs([
      { file: "a.xlsx", result: run(new BlocBuilder({ year: 2031 })) },
      { file: "b.xlsx", result: run(new BlocBuilder({ year: 2030 })) },
    ]);
    expect("refusal" in out && out.refusal.kind).toBe("mixedYears");
  });

  it("refuses blocs of different periods", () => {
    const half = new BlocBuilder({ year: 2031, unitSheet: { yearLabel: (y) => `6 tháng ${y}` } });
    const out = rollupBlocs([
      { file: "a.xlsx", result: run(new BlocBuilder({ year: 2031 })) },
      { file: "b.xlsx", result: run(half) },
    ]);
    expect("refusal" in out && out.refusal.kind).toBe("mixedPeriods");
  });
});

describe("npm run cli -- rollup", () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "bs-rollup-"));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("rolls up a folder of blocs: the sheet, the document, and the JSON of SPEC §11", async () => {
    const out = path.join(dir, "nganh.xlsx");
    const docx = path.join(dir, "nganh.docx");
    const r = await cli("rollup", SAMPLES, "--out", out, "--docx", docx, "--json");
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(Object.keys(json)).toEqual(["schema", "year", "compareYear", "period", "blocs", "totals"]);
    expect([json.year, json.compareYear, json.period]).toEqual([2023, 2022, "year"]);
    expect(json.blocs.map((b: { bloc: string }) => b.bloc)).toEqual(["Khối Thi đua số 1", "Khối Thi đua số 3", "Khối Thi đua số 4"]);
    // Each bloc's totals are its own build's; the sector's their sum.
    for (const b of json.blocs) {
      const own = await cli("validate", b.file, "--json");
      expect(b.totals).toEqual(JSON.parse(own.stdout).totals);
    }
    for (const ind of Object.keys(json.totals)) {
      const sum = json.blocs.reduce((s: number, b: { totals: Record<string, Record<string, number>> }) => s + (b.totals[ind]?.["2023"] ?? 0), 0);
      expect(json.totals[ind]["2023"]).toBeCloseTo(sum, 9);
    }
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Tổng hợp ngành 2023"]);
    expect(fs.statSync(docx).size).toBeGreaterThan(5000);
  });

  it("exits 1 when a bloc has errors, still writing the roll-up without it", async () => {
    const broken = path.join(dir, "khoi-loi.xlsx");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(SAMPLES, "khoi-thi-dua-1-2023.xlsx"));
    wb.getWorksheet("K1DV1")!.getCell("D5").value = "mười hai";
    await wb.xlsx.writeFile(broken);
    const out = path.join(dir, "nganh.xlsx");
    const r = await cli("rollup", broken, path.join(SAMPLES, "khoi-thi-dua-3-2023.xlsx"), "--out", out, "--json");
    expect(r.code).toBe(1);
    const json = JSON.parse(r.stdout);
    expect(json.blocs.map((b: { included: boolean }) => b.included)).toEqual([false, true]);
    expect(json.blocs[0].issues[0]).toMatchObject({ code: "VALUE_NOT_NUMBER", sheet: "K1DV1", cell: "D5" });
    expect(json.totals.TT01["2023"]).toBe(json.blocs[1].totals.TT01["2023"]);
    expect(fs.existsSync(out)).toBe(true);
  });

  it("refuses blocs of different years with exit 2 and writes nothing", async () => {
    const mid = path.join(ROOT, "examples", "khoi-thi-dua-2-6-thang-2024.xlsx");
    const out = path.join(dir, "nganh.xlsx");
    const r = await cli("rollup", mid, path.join(SAMPLES, "khoi-thi-dua-1-2023.xlsx"), "--out", out);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("không cùng năm báo cáo");
    expect(fs.existsSync(out)).toBe(false);
  });

  it("names a folder that holds no bloc file instead of passing over it, and writes nothing", async () => {
    const empty = path.join(dir, "trong");
    fs.mkdirSync(empty);
    const out = path.join(dir, "nganh.xlsx");
    for (const lang of ["vi", "en"] as const) {
      const r = await cli("rollup", path.join(SAMPLES, "khoi-thi-dua-1-2023.xlsx"), empty, "--out", out, "--lang", lang);
      expect([r.code, r.stdout]).toEqual([2, ""]);
      expect(r.stderr.trim()).toBe(rollupText(lang).emptyFolder(empty));
    }
    expect(fs.existsSync(out)).toBe(false);
  });

  it("refuses a missing --out and an unreadable bloc with exit 2", async () => {
    expect((await cli("rollup", SAMPLES)).code).toBe(2);
    const junk = path.join(dir, "junk.xlsx");
    fs.writeFileSync(junk, "not a workbook");
    const r = await cli("rollup", junk, "--out", path.join(dir, "x.xlsx"));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("junk.xlsx");
  });
});
