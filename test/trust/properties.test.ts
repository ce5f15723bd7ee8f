/**
 * Properties over random snapshots: odd shapes, merged titles, random text, numbers, Excel errors,
 * booleans, formulas, and sheet names with apostrophes, quotes, diacritics, spaces and 31
 * characters. Whatever the workbook, the engine does not throw, points every issue at a real cell,
 * totals exactly what it accepted, and writes only formulas of its own shape.
 */
import fc from "fast-check";
import { parseA1, parseRange, quoteSheet, rangeA1 } from "../../src/core/a1";
import { buildBloc, type BuildResult } from "../../src/core/pipeline";
import { generatedKind } from "../../src/core/marker";
import { cellAt, sheetBounds, sheetFromRows, type CellValue, type SheetSnapshot, type WorkbookSnapshot } from "../../src/core/snapshot";
import { formulaShapeProblem } from "../support/formulaShape";
import { excelSheetName } from "../support/sheetNames";

const RUNS = Number(process.env.TRUST_RUNS ?? 300);

// ---- cells ------------------------------------------------------------------------------------

const WORDS = [
  "Mã",
  "Chỉ tiêu",
  "Đơn vị tính",
  "ĐVT",
  "Ghi chú",
  "STT",
  "Năm 2023",
  "Năm 2022 (kỳ trước)",
  "2023",
  "Tên đơn vị",
  "Tên sheet",
  "Năm báo cáo",
  "Năm so sánh",
  "Khối trưởng",
  "Khối thi đua",
  "Số Cờ thi đua",
  "TT01",
  "TT02",
  "TT03",
  "TCD01",
  "TCD02",
  "XLD01",
  "GQ01",
  "tỷ đồng",
  "triệu đồng",
  "đồng",
  "1.234",
  "4.642,37",
  "29,288",
  "-5",
  "abc",
  "=1+1",
  "+SUM(A1)",
  "@x",
  "I. CÔNG TÁC THANH TRA",
  "",
  " ",
];
const ERRORS = ["#REF!", "#DIV/0!", "#VALUE!", "#N/A", "#NAME?", "#NUM!", "#NULL!"];

function cellArb(names: string[]): fc.Arbitrary<CellValue> {
  return fc.oneof(
    { weight: 4, arbitrary: fc.constant(null) },
    { weight: 3, arbitrary: fc.constantFrom(...WORDS) },
    { weight: 1, arbitrary: names.length ? fc.constantFrom(...names) : fc.constant("BCA") },
    { weight: 3, arbitrary: fc.integer({ min: -50, max: 40000 }) },
    { weight: 1, arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e15, max: 1e15 }) },
    { weight: 1, arbitrary: fc.constantFrom(2022, 2023, 2024) },
    { weight: 1, arbitrary: fc.boolean() },
    { weight: 1, arbitrary: fc.constantFrom(...ERRORS).map((error) => ({ error })) },
    { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
  );
}

const CODES = ["TT01", "TT02", "TT03", "TT04", "TCD01", "TCD02", "TCD03", "XLD01", "XLD02", "GQ01", "PCTN01", "ZZ9"];
const figureArb: fc.Arbitrary<CellValue> = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 0, max: 30000 }) },
  { weight: 2, arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e9 }) },
  { weight: 1, arbitrary: fc.constantFrom<CellValue>("1.234", "4.642,37", "29,288", "12", "abc", "", null, true, { error: "#REF!" }, -3, 2.5) },
);

/** Rows that make the engine find something: a unit table with figures, config keys, a roster. */
function structuredRows(names: string[]): fc.Arbitrary<CellValue[][]> {
  const unitTable = fc
    .tuple(
      fc.constantFrom<CellValue[]>(
        ["STT", "Mã", "Chỉ tiêu", "Đơn vị tính", "Năm 2023", 2022, "Ghi chú"],
        ["", "Mã", "Chỉ tiêu", "ĐVT", 2022, "Năm 2023 (kỳ báo cáo)"],
        ["", "Code", "Indicator", "Unit", "2023", "2022"],
      ),
      fc.array(
        fc.tuple(
          fc.constantFrom(...CODES),
          fc.constantFrom("", "tỷ đồng", "triệu đồng", "đồng", "USD", "cuộc"),
          figureArb,
          figureArb,
          fc.constantFrom<CellValue>(null, "=1+1", "ghi chú"),
        ),
        { maxLength: 14 },
      ),
    )
    .map(([header, rows]) => [header, ...rows.map(([code, uom, a, b, note], i) => [i + 1, code, `Chỉ tiêu ${code}`, uom, a, b, note])]);
  return fc.oneof(
    { weight: 4, arbitrary: unitTable },
    {
      weight: 2,
      arbitrary: fc.constantFrom<CellValue[][]>(
        [["Mã", "Chỉ tiêu", 2023]],
        [
          ["Năm báo cáo", 2023],
          ["Khối trưởng", names[0] ?? "BCA"],
          ["Số Cờ thi đua", "một"],
        ],
        [["Mã", "Tên đơn vị", "Tên sheet"], ...names.slice(0, 5).map((n, i) => [`U${i}`, `Đơn vị ${n}`, n])],
        [
          ["Mã", "Tên đơn vị"],
          [names[0] ?? "BCA", "Đơn vị"],
          [names[0] ?? "BCA", "Trùng mã"],
        ],
      ),
    },
  );
}

function sheetArb(name: string, names: string[]): fc.Arbitrary<SheetSnapshot> {
  return fc
    .record({
      top: fc.integer({ min: 0, max: 4 }),
      left: fc.integer({ min: 0, max: 3 }),
      rows: fc.array(fc.array(cellArb(names), { maxLength: 8 }), { maxLength: 14 }),
      inserts: fc.array(fc.tuple(fc.nat(14), structuredRows(names)), { maxLength: 3 }),
      title: fc.option(fc.string({ maxLength: 40 }), { nil: undefined }),
      formulaEvery: fc.integer({ min: 0, max: 5 }),
      visibility: fc.constantFrom("visible" as const, "visible" as const, "hidden" as const, "veryHidden" as const),
      mergeSeeds: fc.array(fc.tuple(fc.nat(20), fc.nat(10), fc.nat(3), fc.nat(3)), { maxLength: 3 }),
    })
    .map((s) => {
      const rows = s.rows.map((r) => [...r]);
      for (const [at, block] of s.inserts) rows.splice(Math.min(at, rows.length), 0, ...block.map((r) => [...r]));
      if (s.title !== undefined) rows.unshift([s.title]);
      const width = rows.reduce((m, r) => Math.max(m, r.length), 0);
      // Some numbers are formulas' cached results (the engine must use the result).
      let k = 0;
      const formulas = rows.map((r) => r.map((v) => (typeof v === "number" && s.formulaEvery && ++k % s.formulaEvery === 0 ? `=${v}+0` : null)));
      const merges: string[] = [];
      if (s.title !== undefined && width > 1) merges.push(rangeA1(s.top, s.left, s.top, s.left + width - 1));
      for (const [r, c, h, w] of s.mergeSeeds) {
        if (!rows.length || !width) break;
        const r0 = r % rows.length;
        const c0 = c % width;
        merges.push(rangeA1(s.top + r0, s.left + c0, s.top + Math.min(rows.length - 1, r0 + h), s.left + Math.min(width - 1, c0 + w)));
      }
      return sheetFromRows(name, rows, { top: s.top, left: s.left, formulas, merges, visibility: s.visibility });
    });
}

const workbookArb: fc.Arbitrary<WorkbookSnapshot> = fc
  .uniqueArray(excelSheetName, { maxLength: 6, selector: (n) => n.toLowerCase() })
  .chain((names) => (names.length ? fc.tuple(...names.map((n) => sheetArb(n, names))) : fc.constant([] as SheetSnapshot[])))
  .map((sheets) => ({ sheets }));

const OPTIONS = { lang: "vi" as const, now: "2024-01-15T03:00:00.000Z" };

// ---- helpers -----------------------------------------------------------------------------------

function issueCellIsReal(res: BuildResult, wb: WorkbookSnapshot): string[] {
  const bad: string[] = [];
  const configCells = new Set([...Object.values(res.config.cells), ...res.roster.map((u) => u.cell)]);
  for (const i of res.issues) {
    const sheet = wb.sheets.find((s) => s.name === i.sheet);
    let at;
    try {
      at = parseA1(i.cell);
    } catch {
      bad.push(`${i.code} ${i.sheet}!${i.cell}: not a cell`);
      continue;
    }
    if (!sheet) {
      if (i.cell !== "A1") bad.push(`${i.code} ${i.sheet}!${i.cell}: missing sheet, not A1`);
      continue;
    }
    if (sheet.name === res.config.sheet && configCells.has(i.cell)) continue;
    const b = sheetBounds(sheet);
    // A unit missing from the scoring table is pointed at the first empty row under it: where to add it.
    const bottom = i.code === "SCORE_INVALID" && i.params.reason === "unitMissing" ? b.bottom + 1 : b.bottom;
    const inside = at.row >= b.top && at.row < bottom && at.col >= b.left && at.col < b.right;
    if (!inside && !(b.bottom === b.top && i.cell === "A1")) bad.push(`${i.code} ${i.sheet}!${i.cell}: outside ${JSON.stringify(b)}`);
  }
  return bad;
}

const FIGURE = /^(?:'((?:[^']|'')+)'|([A-Za-z_][A-Za-z0-9_.]*))!([A-Z]{1,3}\d+)(?:\/(\d+))?$/;

// ---- properties --------------------------------------------------------------------------------

describe("buildBloc on random snapshots", () => {
  it("never throws, in either language, and is deterministic", () => {
    fc.assert(
      fc.property(workbookArb, (wb) => {
        const a = buildBloc(wb, OPTIONS);
        const b = buildBloc(wb, { ...OPTIONS, lang: "en" });
        expect(b.json.totals).toEqual(a.json.totals);
        expect(buildBloc(wb, OPTIONS).json).toEqual(a.json);
      }),
      { numRuns: RUNS },
    );
  });

  it("points every issue at a cell inside its sheet (or a config cell, or A1 of a missing sheet)", () => {
    fc.assert(
      fc.property(workbookArb, (wb) => {
        const res = buildBloc(wb, OPTIONS);
        expect(issueCellIsReal(res, wb)).toEqual([]);
      }),
      { numRuns: RUNS },
    );
  });

  it("totals exactly the accepted values, in roster order, and nothing else", () => {
    fc.assert(
      fc.property(workbookArb, (wb) => {
        const res = buildBloc(wb, OPTIONS);
        if (!res.figures) return;
        for (const ind of res.catalog.indicators) {
          for (const y of [res.figures.year, res.figures.compareYear]) {
            const accepted = res.reports.map((r) => r.values.get(ind.code)?.get(y)).filter((v) => v !== undefined);
            const sum = accepted.reduce((s, v) => s + v!.value, 0);
            expect(res.figures.totals.get(ind.code)?.get(y)).toBe(accepted.length ? sum : undefined);
            expect(res.json.totals[ind.code]?.[String(y)]).toBe(accepted.length ? sum : undefined);
            // An accepted value is a number the cell really holds (or its text, parsed), ÷ its divisor.
            for (const v of accepted) {
              const sheet = wb.sheets.find((s) => s.name === v!.sheet)!;
              const { row, col } = parseA1(v!.cell);
              const cell = cellAt(sheet, row, col);
              if (!v!.fromText) expect(cell).toBe(v!.raw);
              else expect(typeof cell).toBe("string");
              expect(v!.value).toBe(v!.raw / v!.divisor);
            }
          }
        }
      }),
      { numRuns: RUNS },
    );
  });

  it("plans only formulas of its own shape, each unit figure pointing at the cell it came from", () => {
    fc.assert(
      fc.property(workbookArb, (wb) => {
        const res = buildBloc(wb, OPTIONS);
        const names = res.plan.sheets.map((s) => s.name.toLowerCase());
        expect(new Set(names).size).toBe(names.length);
        const kept = wb.sheets.filter((s) => !res.plan.remove.includes(s.name)).map((s) => s.name.toLowerCase());
        for (const n of names) expect(kept).not.toContain(n);
        for (const r of res.plan.remove) expect(generatedKind(wb.sheets.find((s) => s.name === r)!)).not.toBeNull();
        for (const s of res.plan.sheets) {
          expect(s.name.length).toBeLessThanOrEqual(31);
          s.rows.forEach((line) =>
            line.forEach((c) => {
              if (!c || c.formula === undefined) return;
              expect(formulaShapeProblem(c.formula)).toBeNull();
              const m = FIGURE.exec(c.formula);
              if (!m) return;
              const sheetName = m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2];
              expect(quoteSheet(sheetName)).toBe(m[1] !== undefined ? `'${m[1]}'` : m[2]);
              const src = wb.sheets.find((x) => x.name === sheetName);
              expect(src).toBeDefined();
              const { row, col } = parseA1(m[3]);
              const raw = cellAt(src!, row, col);
              expect(typeof raw).toBe("number");
              expect(c.value).toBe((raw as number) / (m[4] ? Number(m[4]) : 1));
            }),
          );
          for (const m of s.merges) parseRange(m);
        }
      }),
      { numRuns: RUNS },
    );
  });
});

describe("quoteSheet", () => {
  it("doubles apostrophes inside quotes: O'Brien → 'O''Brien'", () => {
    expect(quoteSheet("O'Brien")).toBe("'O''Brien'");
    expect(quoteSheet("BCA")).toBe("BCA");
    expect(quoteSheet("A1")).toBe("'A1'");
    expect(quoteSheet("TRUE")).toBe("'TRUE'");
    expect(quoteSheet("R1C1")).toBe("'R1C1'");
    expect(quoteSheet("R")).toBe("'R'");
    expect(quoteSheet("c")).toBe("'c'");
    expect(quoteSheet("Cấu hình")).toBe("'Cấu hình'");
  });

  it("gives back the name when unquoted, and quotes anything that is not a plain name", () => {
    fc.assert(
      fc.property(excelSheetName, (n) => {
        const q = quoteSheet(n);
        if (q.startsWith("'")) {
          expect(q.endsWith("'")).toBe(true);
          const inner = q.slice(1, -1);
          expect(inner.replace(/''/g, "")).not.toContain("'");
          expect(inner.replace(/''/g, "'")).toBe(n);
        } else {
          expect(q).toBe(n);
          expect(n).toMatch(/^[A-Za-z_][A-Za-z0-9_.]*$/);
        }
      }),
      { numRuns: 2000 },
    );
  });
});
