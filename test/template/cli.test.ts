import { promises as fs } from "fs";
import os from "os";
import path from "path";
import ExcelJS from "exceljs";
import { runCli, type CliIo } from "../../src/cli/main";
import { DEFAULT_CATALOG } from "../../src/core/catalog";
import type { BuildJson } from "../../src/core/pipeline";

function io(): CliIo & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (s) => stdout.push(s), err: (s) => stderr.push(s), now: () => new Date("2024-01-15T03:00:00Z") };
}

let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "bloc-template-"));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

/** Deterministic figures (mulberry32), so a failure can be replayed. */
function random(seed: number): (lo: number, hi: number) => number {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return (lo, hi) => lo + next() * (hi - lo);
}

/** A unit's figures for one year: within ±20% of its base (no tenfold change), relations kept. */
function yearOf(rnd: (lo: number, hi: number) => number, base: Record<string, number>): Record<string, number> {
  const f: Record<string, number> = {};
  for (const [k, v] of Object.entries(base)) f[k] = k === "TT03" ? Math.round(v * rnd(0.8, 1.2) * 1000) / 1000 : Math.round(v * rnd(0.8, 1.2));
  f.TT02 = Math.min(f.TT02, f.TT01);
  f.TCD02 = Math.max(f.TCD02, f.TCD01);
  f.TCD03 = Math.min(f.TCD03, f.TCD01);
  f.XLD02 = Math.min(f.XLD02, f.XLD01);
  return f;
}

/** One unit's base figures, keeping the catalog's relations. */
function figures(rnd: (lo: number, hi: number) => number, scale = 1): Record<string, number> {
  const int = (lo: number, hi: number) => Math.round(rnd(lo, hi) * scale);
  const f: Record<string, number> = {};
  f.TT01 = int(20, 60);
  f.TT02 = Math.round(f.TT01 * rnd(0.6, 1));
  f.TT03 = Math.round(rnd(10, 2500) * scale * 1000) / 1000;
  f.TT04 = int(10, 30);
  f.TT05 = int(20, 80);
  f.TT06 = int(1, 6);
  f.TCD01 = int(200, 900);
  f.TCD02 = f.TCD01 + int(0, 300);
  f.TCD03 = Math.min(f.TCD01, int(2, 12));
  f.XLD01 = int(2000, 10000);
  f.XLD02 = Math.round(f.XLD01 * rnd(0.2, 0.5));
  f.GQ01 = int(10, 40);
  f.PCTN01 = int(30, 150);
  return f;
}

/** Fill a template as another program would: find each unit sheet's header by its labels. */
async function fillTemplate(file: string, year: number, seed: number): Promise<Record<string, Record<string, Record<number, number>>>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const rnd = random(seed);
  const filled: Record<string, Record<string, Record<number, number>>> = {};
  for (const ws of wb.worksheets) {
    let header = 0;
    const cols: Record<string, number> = {};
    ws.eachRow((row, r) => {
      if (header) return;
      row.eachCell((cell, c) => {
        if (cell.value === "Mã") cols.code = c;
        if (cell.value === `Năm ${year}`) cols.cur = c;
        if (cell.value === `Năm ${year - 1}`) cols.prev = c;
      });
      if (cols.code && cols.cur && cols.prev) header = r;
    });
    if (!header) continue;
    const base = figures(rnd);
    const cur = yearOf(rnd, base);
    const prev = yearOf(rnd, base);
    filled[ws.name] = {};
    for (let r = header + 1; r <= ws.rowCount; r++) {
      const code = ws.getCell(r, cols.code).value;
      if (typeof code !== "string" || !(code in cur)) continue;
      ws.getCell(r, cols.cur).value = cur[code];
      ws.getCell(r, cols.prev).value = prev[code];
      filled[ws.name][code] = { [year]: cur[code], [year - 1]: prev[code] };
    }
  }
  // The config: a leader from the roster; the scores: within each criterion's maximum.
  const config = wb.getWorksheet("Cấu hình")!;
  config.eachRow((row) => {
    if (row.getCell(1).value === "Khối trưởng") row.getCell(2).value = Object.keys(filled)[0];
  });
  const scoring = wb.getWorksheet("Chấm điểm")!;
  scoring.eachRow((row) => {
    const code = row.getCell(1).value as { result?: string } | string | null;
    const c = typeof code === "object" && code ? code.result : code;
    if (!c || !(c in filled)) return;
    for (let k = 3; k <= 7; k++) row.getCell(k).value = Math.round(rnd(0.8, 1) * Number(scoring.getCell(5, k).value) * 2) / 2;
  });
  await wb.xlsx.writeFile(file);
  return filled;
}

describe("npm run cli -- template", () => {
  it("makes a template that, filled in by another program, builds with exit 0 and the sums of what was filled", async () => {
    const file = path.join(dir, "filled.xlsx");
    const t = io();
    expect(await runCli(["template", "--out", file, "--units", "BCA,BTP,BQP,BKHDT,BNV,NHNN", "--year", "2023", "--bloc", "Khối Thi đua số 2"], t)).toBe(0);
    expect(t.stdout.join("\n")).toContain("6 đơn vị");
    const filled = await fillTemplate(file, 2023, 20231);
    expect(Object.keys(filled)).toEqual(["BCA", "BTP", "BQP", "BKHDT", "BNV", "NHNN"]);

    const b = io();
    const code = await runCli(["build", file, "--out", path.join(dir, "filled.summary.xlsx"), "--json"], b);
    const json = JSON.parse(b.stdout.join("\n")) as BuildJson;
    expect(json.issues.filter((i) => i.severity === "error")).toEqual([]);
    expect(code).toBe(0);
    expect(json.issues.map((i) => i.code)).not.toContain("CHANGE_OUTLIER");
    expect(json).toMatchObject({ bloc: "Khối Thi đua số 2", year: 2023, compareYear: 2022 });
    expect(json.units.map((u) => u.code)).toEqual(Object.keys(filled));
    for (const ind of DEFAULT_CATALOG) {
      for (const y of [2023, 2022]) {
        const sum = Object.values(filled).reduce((s, u) => s + u[ind.code][y], 0);
        expect(json.totals[ind.code][String(y)]).toBeCloseTo(sum, 9);
        for (const [unit, values] of Object.entries(filled)) expect(json.values[unit][ind.code][String(y)]).toBe(values[ind.code][y]);
      }
    }
  });

  it("makes a template that, unfilled, builds with exit 1 and VALUE_EMPTY errors exactly at the empty required cells", async () => {
    const file = path.join(dir, "empty.xlsx");
    expect(await runCli(["template", "--out", file, "--year", "2023"], io())).toBe(0);
    const b = io();
    expect(await runCli(["validate", file, "--json"], b)).toBe(1);
    const json = JSON.parse(b.stdout.join("\n")) as BuildJson;
    expect(json.units.map((u) => [u.code, u.name])).toEqual([
      ["DV1", "Đơn vị 1"],
      ["DV2", "Đơn vị 2"],
      ["DV3", "Đơn vị 3"],
    ]);
    // The cells the template left empty, read from the file itself.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const required = new Set(DEFAULT_CATALOG.filter((i) => i.required).map((i) => i.code));
    const expected: string[] = [];
    for (const unit of ["DV1", "DV2", "DV3"]) {
      wb.getWorksheet(unit)!.eachRow((row, r) => {
        if (required.has(String(row.getCell(2).value))) expected.push(`${unit}!E${r}:error`, `${unit}!F${r}:warning`);
      });
    }
    expect(expected).toHaveLength(3 * 6 * 2);
    // Scores are the awards stage's business: only SCORE_* may come from the scoring sheet.
    const issues = json.issues.filter((i) => !(i.sheet === "Chấm điểm" && i.code.startsWith("SCORE_")));
    expect(issues.every((i) => i.code === "VALUE_EMPTY")).toBe(true);
    expect(issues.map((i) => `${i.sheet}!${i.cell}:${i.severity}`).sort()).toEqual(expected.sort());
  });

  it("writes an English template the engine reads as well", async () => {
    const file = path.join(dir, "en.xlsx");
    expect(await runCli(["template", "--out", file, "--lang", "en", "--units", "A,B", "--year", "2024"], io())).toBe(0);
    const b = io();
    expect(await runCli(["validate", file, "--json"], b)).toBe(1);
    const json = JSON.parse(b.stdout.join("\n")) as BuildJson;
    expect(json).toMatchObject({ year: 2024, compareYear: 2023, units: [{ code: "A" }, { code: "B" }] });
    expect(new Set(json.issues.filter((i) => !i.code.startsWith("SCORE_")).map((i) => i.code))).toEqual(new Set(["VALUE_EMPTY"]));
  });

  it("uses the current year when --year is absent", async () => {
    const file = path.join(dir, "now.xlsx");
    expect(await runCli(["template", "--out", file], io())).toBe(0);
    const b = io();
    await runCli(["validate", file, "--json"], b);
    expect(JSON.parse(b.stdout.join("\n"))).toMatchObject({ year: 2024, compareYear: 2023 });
  });

  it.each([
    [["template"], "--out"],
    [["template", "--out", "x.xlsx", "--year", "abc"], "abc"],
    [["template", "--out", "x.xlsx", "--year", "23"], "23"],
    [["template", "--out", "x.xlsx", "--units", "BCA,Bộ Y tế"], "Bộ Y tế"],
    [["template", "--out", "x.xlsx", "--units", "BCA,bca"], "bca"],
    [["template", "--out", "x.xlsx", "--units", ","], "--units"],
    [["template", "--out", "x.txt"], ".xlsx"],
    [["template", "in.xlsx", "--out", "x.xlsx"], "in.xlsx"],
    [["template", "--out", "x.xlsx", "--json"], "--json"],
    [["template", "--out", "x.xlsx", "--lang", "fr"], "fr"],
    [["template", "--out"], "--out"],
  ])("exits 2 and writes nothing on bad arguments: %j", async (argv, mentioned) => {
    const cwd = process.cwd();
    const sub = await fs.mkdtemp(path.join(dir, "bad-"));
    process.chdir(sub);
    try {
      const t = io();
      expect(await runCli(argv, t)).toBe(2);
      expect(t.stderr.join("\n")).toContain(mentioned);
      expect(await fs.readdir(sub)).toEqual([]);
    } finally {
      process.chdir(cwd);
    }
  });

  it("refuses to overwrite an existing file unless --force", async () => {
    const file = path.join(dir, "exists.xlsx");
    await fs.writeFile(file, "precious");
    const t = io();
    expect(await runCli(["template", "--out", file], t)).toBe(2);
    expect(t.stderr.join("\n")).toContain("--force");
    expect(await fs.readFile(file, "utf8")).toBe("precious");
    expect(await runCli(["template", "--out", file, "--force"], io())).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Cấu hình", "DV1", "DV2", "DV3", "Chấm điểm"]);
    expect((await fs.readdir(dir)).filter((f) => f.includes(".tmp-"))).toEqual([]);
  });
});
