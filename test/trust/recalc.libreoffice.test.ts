/**
 * Independent recalculation: LibreOffice recomputes every formula the engine wrote, and every
 * cached result must match; every unit figure must point at the cell it came from.
 */
import { copyFileSync, mkdtempSync, rmSync } from "fs";
import os from "os";
import path from "path";
import ExcelJS from "exceljs";
import { runCli } from "../../src/cli/main";
import { generatedKind } from "../../src/core/marker";
import { snapshotOfFile } from "../support/readBack";
import { recalculate } from "../support/libreoffice";
import { expectedTotal, randomBloc, type Truth } from "../support/randomBloc";

const SAMPLE = path.join(__dirname, "../../examples/khoi-thi-dua-2-2023.xlsx");
/** Sizes cover one unit, a typical bloc, and the largest roster. */
const SEEDS: { seed: number; units?: number }[] = [{ seed: 11, units: 1 }, { seed: 23 }, { seed: 37, units: 40 }, { seed: 41 }, { seed: 59, units: 7 }, { seed: 73 }];

type Norm = number | string | boolean;

/** A cell's shown value: a formula's cached result, "" for empty, "#ERR" for errors. */
function shown(cell: ExcelJS.Cell): Norm {
  let v = cell.value as unknown;
  if (v && typeof v === "object" && ("formula" in v || "sharedFormula" in v)) v = (v as { result?: unknown }).result;
  if (v === null || v === undefined) return "";
  if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") return v;
  if (typeof v === "object" && v !== null && "error" in v) return `#ERR${String((v as { error: unknown }).error)}`;
  if (typeof v === "object" && v !== null && "richText" in v) return (v as { richText: { text: string }[] }).richText.map((t) => t.text).join("");
  return String(v);
}

function near(a: number, b: number): boolean {
  return a === b || Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}

function same(a: Norm, b: Norm): boolean {
  if (typeof a === "number" && typeof b === "number") return near(a, b);
  return a === b;
}

const FIGURE_FORMULA = /^(?:'((?:[^']|'')+)'|([^'!]+))!\$?([A-Z]{1,3})\$?(\d+)(?:\/(\d+))?$/;

function parseFigureFormula(f: string): { sheet: string; cell: string; divisor: number } | null {
  const m = FIGURE_FORMULA.exec(f);
  if (!m) return null;
  return { sheet: m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2], cell: `${m[3]}${m[4]}`, divisor: m[5] ? Number(m[5]) : 1 };
}

async function read(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

interface Case {
  name: string;
  input: string;
  out: string;
  truth?: Truth;
  json?: BuildJsonLike;
}
interface BuildJsonLike {
  year: number;
  compareYear: number;
  units: { code: string; sheet: string }[];
  values: Record<string, Record<string, Record<string, number>>>;
  totals: Record<string, Record<string, number>>;
}

let dir: string;
let cases: Case[];
let control: { file: string; recalculated: string };
let recalculated: Map<string, string>;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), "bs-recalc-"));
  cases = [{ name: "sample", input: path.join(dir, "sample.xlsx"), out: path.join(dir, "sample.out.xlsx") }];
  copyFileSync(SAMPLE, cases[0].input);
  for (const s of SEEDS) {
    const { workbook, truth } = randomBloc(s.seed, { units: s.units });
    const c = { name: `random-${s.seed}`, input: path.join(dir, `random-${s.seed}.xlsx`), out: path.join(dir, `random-${s.seed}.out.xlsx`), truth };
    await workbook.xlsx.writeFile(c.input);
    cases.push(c);
  }
  for (const c of cases) {
    const out: string[] = [];
    const code = await runCli(["build", c.input, "--out", c.out, "--json"], { out: (s) => out.push(s), err: () => undefined, now: () => new Date("2024-01-15T03:00:00Z") });
    expect([0, 1]).toContain(code);
    c.json = JSON.parse(out.join("\n"));
  }
  // The control: a cached result that is wrong on purpose. LibreOffice must correct it.
  const ctl = new ExcelJS.Workbook();
  const ws = ctl.addWorksheet("O'Brien Đắk Lắk");
  ws.getCell("A1").value = 2;
  ws.getCell("A2").value = 3;
  ws.getCell("A3").value = { formula: "A1+A2", result: 999 } as ExcelJS.CellFormulaValue;
  ws.getCell("A4").value = { formula: "'O''Brien Đắk Lắk'!A1*10", result: 999 } as ExcelJS.CellFormulaValue;
  control = { file: path.join(dir, "control.xlsx"), recalculated: "" };
  await ctl.xlsx.writeFile(control.file);

  const outs = recalculate([control.file, ...cases.map((c) => c.out)], path.join(dir, "lo"));
  control.recalculated = outs[0];
  recalculated = new Map(cases.map((c, i) => [c.name, outs[i + 1]]));
}, 180_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("LibreOffice recalculation", () => {
  it("really recalculates: a wrong cached result in the control file comes back corrected", async () => {
    const wb = await read(control.recalculated);
    const ws = wb.worksheets[0];
    expect(shown(ws.getCell("A3"))).toBe(5);
    expect(shown(ws.getCell("A4"))).toBe(20);
  });

  it("agrees with every cached result on every generated sheet, for the sample and random blocs", async () => {
    for (const c of cases) {
      const mine = await read(c.out);
      const theirs = await read(recalculated.get(c.name)!);
      const generated = snapshotOfFile(c.out).sheets.filter((s) => generatedKind(s) !== null);
      expect(generated.length).toBeGreaterThanOrEqual(c.json!.year ? 2 : 1);
      let formulas = 0;
      const mismatches: string[] = [];
      for (const s of generated) {
        const a = mine.getWorksheet(s.name)!;
        const b = theirs.getWorksheet(s.name);
        expect(b).toBeDefined();
        a.eachRow({ includeEmpty: false }, (row) =>
          row.eachCell({ includeEmpty: false }, (cell) => {
            const other = b!.getCell(cell.address);
            if (cell.type === ExcelJS.ValueType.Formula) {
              formulas++;
              if (other.type !== ExcelJS.ValueType.Formula) mismatches.push(`${c.name} ${s.name}!${cell.address}: LibreOffice has no formula`);
              else if (!same(shown(cell), shown(other)))
                mismatches.push(`${c.name} ${s.name}!${cell.address} =${cell.formula}: engine ${JSON.stringify(shown(cell))}, LibreOffice ${JSON.stringify(shown(other))}`);
            } else if (!same(shown(cell), shown(other))) {
              mismatches.push(`${c.name} ${s.name}!${cell.address}: constant ${JSON.stringify(shown(cell))} became ${JSON.stringify(shown(other))}`);
            }
          }),
        );
      }
      expect(mismatches).toEqual([]);
      expect(formulas).toBeGreaterThan(0);
    }
  });

  it("points every unit figure on the summary at its source cell, whose value (÷ divisor) is the figure", async () => {
    for (const c of cases) {
      const json = c.json!;
      const mine = await read(c.out);
      const theirs = await read(recalculated.get(c.name)!);
      const summarySheet = snapshotOfFile(c.out).sheets.find((s) => generatedKind(s) === "summary");
      expect(summarySheet).toBeDefined();
      const ws = mine.getWorksheet(summarySheet!.name)!;
      // Indicator columns from the header row (code on the first line of each header cell).
      const indCols = new Map<number, string>();
      ws.getRow(4).eachCell((cell, col) => {
        if (col >= 4) indCols.set(col, String(shown(cell)).split("\n")[0]);
      });
      const unitSheet = new Map(json.units.map((u) => [u.code, u.sheet]));
      const seen = new Map<string, number>();
      let checked = 0;
      ws.eachRow((row) => {
        const code = shown(row.getCell(2));
        if (typeof code !== "string" || !unitSheet.has(code)) return;
        const block = seen.get(code) ?? 0;
        seen.set(code, block + 1);
        if (block > 1) return; // blocks IV–VI are derived from II and III (checked by recalculation)
        const year = block === 0 ? json.year : json.compareYear;
        for (const [col, ind] of indCols) {
          const cell = row.getCell(col);
          const figure = shown(cell);
          const accepted = json.values[code]?.[ind]?.[String(year)];
          const where = `${c.name} ${code} ${ind} ${year}`;
          if (accepted === undefined) {
            expect([where, figure]).toEqual([where, ""]);
            continue;
          }
          expect([where, near(Number(figure), accepted)]).toEqual([where, true]);
          const truth = c.truth?.units
            .find((u) => u.code === code)
            ?.figures.get(ind)
            ?.get(year);
          if (c.truth) expect([where, truth?.kind]).toEqual([where, cell.type === ExcelJS.ValueType.Formula ? "ref" : "text"]);
          if (cell.type !== ExcelJS.ValueType.Formula) continue;
          const ref = parseFigureFormula(cell.formula);
          expect([where, ref]).not.toEqual([where, null]);
          expect([where, ref!.sheet]).toEqual([where, unitSheet.get(code)]);
          if (truth?.kind === "ref") expect([where, ref]).toEqual([where, { sheet: truth.sheet, cell: truth.cell, divisor: truth.divisor }]);
          // The source cell, as LibreOffice computed it, divided as the formula says, is the figure.
          const src = shown(theirs.getWorksheet(ref!.sheet)!.getCell(ref!.cell));
          expect([where, typeof src === "number" && near(src / ref!.divisor, accepted)]).toEqual([where, true]);
          // The row names the indicator; the column's header names the year.
          const source = mine.getWorksheet(ref!.sheet)!;
          const srcRow = source.getCell(ref!.cell).row;
          const srcCol = source.getCell(ref!.cell).col;
          const rowTexts: string[] = [];
          source.getRow(Number(srcRow)).eachCell((x) => rowTexts.push(String(shown(x)).trim().toUpperCase()));
          expect([where, rowTexts]).toEqual([where, expect.arrayContaining([ind])]);
          const colTexts: string[] = [];
          for (let r = 1; r < Number(srcRow); r++) colTexts.push(String(shown(source.getCell(r, Number(srcCol)))));
          expect([where, colTexts.some((t) => t.includes(String(year)))]).toEqual([where, true]);
          checked++;
        }
      });
      expect(checked).toBeGreaterThan(0);
    }
  });

  it("totals the accepted figures and nothing else (random blocs against their truth)", () => {
    for (const c of cases.filter((x) => x.truth)) {
      const { truth, json } = c as Required<Case>;
      for (const ind of Object.keys(json.totals)) {
        for (const y of [truth.year, truth.compareYear]) {
          const want = expectedTotal(truth, ind, y);
          const got = json.totals[ind][String(y)];
          expect([c.name, ind, y, got === undefined ? undefined : near(got, want ?? NaN)]).toEqual([c.name, ind, y, want === undefined ? undefined : true]);
        }
      }
      for (const u of truth.units) {
        for (const [ind, byYear] of u.figures) {
          for (const y of [truth.year, truth.compareYear]) {
            const e = byYear.get(y);
            const got = json.values[u.code]?.[ind]?.[String(y)];
            expect([c.name, u.code, ind, y, got === undefined ? "rejected" : "accepted"]).toEqual([c.name, u.code, ind, y, e && e.kind !== "rejected" ? "accepted" : "rejected"]);
          }
        }
      }
    }
  });
});
