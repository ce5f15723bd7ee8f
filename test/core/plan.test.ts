import { CHECK_TABLE_HEADER_ROW } from "../../src/core/render/check";
/**
 * The write plan (SPEC §5): the summary points at its sources with formulas whose cached values are
 * what Excel would compute; user text is never a formula; the check sheet links every issue to its
 * cell; earlier outputs are recognised by their marker, never by name alone.
 */
import { DEFAULT_CATALOG } from "../../src/core/catalog";
import { issueMessage } from "../../src/core/i18n/messages";
import { ISSUE_CODES, type IssueCode } from "../../src/core/issues";
import type { BuildResult } from "../../src/core/pipeline";
import type { Cell, SheetModel } from "../../src/core/sheet/model";
import type { WorkbookSnapshot } from "../../src/core/snapshot";
import { addr, BlocBuilder, parseAddr, plainSheet } from "../support/snapshots";
import { evaluate } from "./helpers/formula";
import { planToSheet } from "../support/planSheet";
import { briefs, run, viText } from "./helpers/run";

const Y = 2031;
const C = 2030;
const bloc = (seed = 41) => new BlocBuilder({ seed, year: Y, compareYear: C });

function summaryOf(res: BuildResult): SheetModel {
  const s = res.plan.sheets.find((p) => p.kind === "summary");
  if (!s) throw new Error("no summary in the plan");
  return s;
}

function checkOf(res: BuildResult): SheetModel {
  const s = res.plan.sheets.find((p) => p.kind === "check");
  if (!s) throw new Error("no check sheet in the plan");
  return s;
}

function allCells(p: SheetModel): { row: number; col: number; cell: Cell }[] {
  const out: { row: number; col: number; cell: Cell }[] = [];
  p.rows.forEach((line, row) => line?.forEach((cell, col) => cell && out.push({ row, col, cell })));
  return out;
}

/** The summary column of each indicator: found by its code at the start of a header cell. */
function indicatorCols(p: SheetModel): Map<string, number> {
  const m = new Map<string, number>();
  for (const { col, cell } of allCells(p)) {
    if (typeof cell.value !== "string") continue;
    const code = /^([A-Z]+\d+)\n/.exec(cell.value)?.[1];
    if (code && !m.has(code)) m.set(code, col);
  }
  return m;
}

/** The rows of a unit, by its code in a text cell, top to bottom (block II, III, IV, …). */
function unitRows(p: SheetModel, code: string): number[] {
  return allCells(p)
    .filter(({ cell }) => cell.value === code && cell.formula === undefined)
    .map(({ row }) => row)
    .sort((a, b) => a - b);
}

const cellAt = (p: SheetModel, row: number, col: number) => p.rows[row]?.[col];

function expectCachedEqualsEvaluated(res: BuildResult, wb: WorkbookSnapshot): number {
  let n = 0;
  for (const p of res.plan.sheets) {
    for (const { row, col, cell } of allCells(p)) {
      if (cell.formula === undefined) continue;
      const got = evaluate(cell.formula, { wb, plan: p });
      const where = `${p.name}!${addr(row, col)} =${cell.formula}`;
      if (typeof got === "number" && typeof cell.value === "number") expect([where, got]).toEqual([where, expect.closeTo(cell.value, 9)]);
      else expect([where, got]).toEqual([where, cell.value]);
      n++;
    }
  }
  return n;
}

describe("the summary's unit figures are formulas pointing at their source cells", () => {
  const units = [
    { code: "BCA", name: "Thanh tra Bộ Công an", sheet: "BCA" },
    { code: "BTP", name: "Thanh tra Bộ Tư pháp", sheet: "Bộ Tư pháp" },
    { code: "OB", name: "Thanh tra O'Brien", sheet: "O'Brien" },
    { code: "ABC1", name: "Thanh tra ABC1", sheet: "ABC1" },
    { code: "N2031", name: "Thanh tra năm", sheet: "2031" },
  ];
  // How Excel writes a reference to each sheet: quoted when the name is not a plain word or looks
  // like a cell, apostrophes doubled.
  const prefix: Record<string, string> = { BCA: "BCA!", BTP: "'Bộ Tư pháp'!", OB: "'O''Brien'!", ABC1: "'ABC1'!", N2031: "'2031'!" };

  test("for the report year and the compare year, with sheet names quoted as Excel needs", () => {
    const fx = new BlocBuilder({ seed: 42, year: Y, compareYear: C, units });
    const res = run(fx);
    expect(briefs(res)).toEqual([]);
    const p = summaryOf(res);
    expect(p.name).toBe(`Tổng hợp ${Y}`);
    const cols = indicatorCols(p);
    expect([...cols.keys()].sort()).toEqual(DEFAULT_CATALOG.map((i) => i.code).sort());
    for (const u of units) {
      const [rowY, rowC] = unitRows(p, u.code);
      for (const ind of DEFAULT_CATALOG) {
        const cY = cellAt(p, rowY, cols.get(ind.code)!)!;
        const cC = cellAt(p, rowC, cols.get(ind.code)!)!;
        expect(cY.formula).toBe(`${prefix[u.code]}${fx.address(u.code, ind.code, Y)}`);
        expect(cC.formula).toBe(`${prefix[u.code]}${fx.address(u.code, ind.code, C)}`);
        expect(cY.value).toBe(fx.value(u.code, ind.code, Y));
        expect(cC.value).toBe(fx.value(u.code, ind.code, C));
      }
    }
  });

  test("the formulas follow each unit's own layout (header row, columns, order of years)", () => {
    const fx = new BlocBuilder({ seed: 43, year: Y, compareYear: C });
    fx.unitSheet("BTP", { top: 6, left: 3, years: [C, Y], twoRowHeader: true });
    fx.unitSheet("BNV", { codeColumn: false, sections: true, stt: false });
    const res = run(fx);
    const p = summaryOf(res);
    const cols = indicatorCols(p);
    for (const u of fx.units) {
      const [rowY] = unitRows(p, u.code);
      for (const ind of DEFAULT_CATALOG) expect(cellAt(p, rowY, cols.get(ind.code)!)!.formula).toBe(`${u.code}!${fx.address(u.code, ind.code, Y)}`);
    }
  });

  test("money in triệu đồng points at its source and divides by 1000", () => {
    const fx = bloc();
    fx.setUom("BQP", "TT03", "triệu đồng");
    fx.set("BQP", "TT03", Y, 2345678);
    fx.set("BQP", "TT03", C, 2045678);
    const p = summaryOf(run(fx));
    const [rowY] = unitRows(p, "BQP");
    const cell = cellAt(p, rowY, indicatorCols(p).get("TT03")!)!;
    expect(cell.formula).toBe(`BQP!${fx.address("BQP", "TT03", Y)}/1000`);
    expect(cell.value).toBeCloseTo(2345.678, 9);
  });

  test("a number stored as text is written as its parsed value (a formula would point at text)", () => {
    const fx = bloc();
    const n = fx.value("BTP", "XLD01", Y);
    fx.set("BTP", "XLD01", Y, viText(n));
    const p = summaryOf(run(fx));
    const [rowY] = unitRows(p, "BTP");
    const cell = cellAt(p, rowY, indicatorCols(p).get("XLD01")!)!;
    expect(cell.formula).toBeUndefined();
    expect(cell.value).toBe(n);
  });

  test("a number stored as text in a triệu đồng row is written converted to tỷ đồng", () => {
    const fx = bloc();
    fx.setUom("BQP", "TT03", "triệu đồng");
    fx.set("BQP", "TT03", Y, "2.345.678");
    fx.set("BQP", "TT03", C, 2045678);
    const res = run(fx);
    const p = summaryOf(res);
    const [rowY] = unitRows(p, "BQP");
    const cell = cellAt(p, rowY, indicatorCols(p).get("TT03")!)!;
    expect(cell.formula).toBeUndefined();
    expect(cell.value).toBeCloseTo(2345.678, 9);
    expect(res.figures!.totals.get("TT03")!.get(Y)).toBeCloseTo(2345.678 + ["BCA", "BTP", "BNV"].reduce((s, u) => s + fx.value(u, "TT03", Y), 0), 9);
  });

  test("a rejected figure leaves its summary cell empty", () => {
    const fx = bloc();
    fx.set("BTP", "TT01", Y, "abc");
    const p = summaryOf(run(fx));
    const [rowY] = unitRows(p, "BTP");
    const cell = cellAt(p, rowY, indicatorCols(p).get("TT01")!);
    expect(cell?.formula).toBeUndefined();
    expect(cell?.value ?? null).toBeNull();
  });
});

describe("the summary's totals", () => {
  test("are SUM formulas over exactly the unit rows of their block, cached at the engine's totals", () => {
    const fx = bloc();
    const res = run(fx);
    const p = summaryOf(res);
    const cols = indicatorCols(p);
    const rowsY = fx.units.map((u) => unitRows(p, u.code)[0]);
    const rowsC = fx.units.map((u) => unitRows(p, u.code)[1]);
    for (const [rows, year] of [
      [rowsY, Y],
      [rowsC, C],
    ] as const) {
      const first = Math.min(...rows);
      const last = Math.max(...rows);
      expect(last - first + 1).toBe(fx.units.length);
      for (const ind of DEFAULT_CATALOG) {
        const col = cols.get(ind.code)!;
        const sums = allCells(p).filter(({ col: c, cell }) => c === col && cell.formula === `SUM(${addr(first, col)}:${addr(last, col)})`);
        expect([ind.code, year, sums.length]).toEqual([ind.code, year, 1]);
        const cached = sums[0].cell.value as number;
        const expected = fx.units.reduce((s, u) => s + fx.value(u.code, ind.code, year), 0);
        expect(cached).toBe(res.figures!.totals.get(ind.code)!.get(year));
        expect(cached).toBeCloseTo(expected, 9);
      }
    }
  });

  test("every formula cell of every output carries a cached value", () => {
    const fx = bloc();
    fx.set("BTP", "TT01", Y, "abc");
    fx.setValue("BQP", "TT06", C, 0);
    const res = run(fx);
    let n = 0;
    for (const p of res.plan.sheets) {
      for (const { row, col, cell } of allCells(p)) {
        if (cell.formula === undefined) continue;
        n++;
        expect([p.name, addr(row, col), cell.value === undefined || cell.value === null]).toEqual([p.name, addr(row, col), false]);
      }
    }
    expect(n).toBeGreaterThan(fx.units.length * DEFAULT_CATALOG.length * 2);
  });

  test.each([
    ["a clean bloc", (_fx: BlocBuilder) => {}],
    [
      "rejected values, text numbers, converted money and a zero compare year",
      (fx: BlocBuilder) => {
        fx.set("BTP", "TT01", Y, "abc");
        fx.set("BCA", "XLD01", C, viText(fx.value("BCA", "XLD01", C)));
        fx.setUom("BNV", "TT03", "triệu đồng");
        fx.set("BNV", "TT03", Y, 1500250);
        fx.set("BNV", "TT03", C, 1400125);
        for (const u of fx.units) fx.setValue(u.code, "TT04", C, 0);
        fx.setValue("BQP", "TT06", C, 0);
        fx.set("BQP", "GQ01", Y, null);
      },
    ],
    [
      "ties and a missing unit sheet",
      (fx: BlocBuilder) => {
        fx.setValue("BCA", "TCD03", Y, 5);
        fx.setValue("BTP", "TCD03", Y, 5);
        fx.removeSheet("BNV");
      },
    ],
  ])("cached values equal what the formulas compute from the workbook: %s", (_name, setup) => {
    const fx = bloc();
    setup(fx);
    const wb = fx.build();
    const res = run(wb);
    const n = expectCachedEqualsEvaluated(res, wb);
    expect(n).toBeGreaterThan(100);
  });
});

describe("text that came from users is written as text, never as a formula", () => {
  const risky = ["=1+2", "@SUM(A1:A2)", "+84 Bộ", "-Thanh tra", '=HYPERLINK("http://example.invalid","x")'];

  test("unit names, the bloc name and unknown row labels starting with = + - @ are plain values", () => {
    const units = risky.slice(0, 4).map((name, k) => ({ code: `U${k + 1}X`, name, sheet: `U${k + 1}X` }));
    const fx = new BlocBuilder({ seed: 44, year: Y, compareYear: C, units, config: { values: { bloc: risky[4] } } });
    fx.unitSheet("U1X", { extraRows: [{ code: "=2+3", name: "=SUM(E1:E9)", values: { [Y]: 1 } }] });
    const res = run(fx);
    expect(res.issues.map((i) => i.code)).toContain("INDICATOR_UNKNOWN");
    let found = 0;
    for (const p of res.plan.sheets) {
      for (const { cell } of allCells(p)) {
        if (cell.formula !== undefined) for (const t of [...risky, "=2+3", "=SUM(E1:E9)"]) expect(cell.formula).not.toContain(t.slice(1));
        if (typeof cell.value === "string" && risky.includes(cell.value)) {
          found++;
          expect(cell.formula).toBeUndefined();
        }
      }
    }
    // Each unit name appears in the summary's blocks, as a value.
    expect(found).toBeGreaterThanOrEqual(4);
    const p = summaryOf(res);
    for (const u of units) for (const r of unitRows(p, u.code)) expect(p.rows[r].some((c) => c?.value === u.name && c.formula === undefined)).toBe(true);
  });
});

describe("the check sheet", () => {
  function issueRows(p: SheetModel): number[] {
    const codes = new Set<string>(ISSUE_CODES);
    return allCells(p)
      .filter(({ cell }) => typeof cell.value === "string" && codes.has(cell.value))
      .map(({ row }) => row)
      .sort((a, b) => a - b);
  }

  test.each(["vi", "en"] as const)("lists every issue with its severity, code, sheet, a link to its cell and its message (%s)", (lang) => {
    const fx = bloc();
    fx.set("BTP", "TT01", Y, "abc");
    fx.set("BCA", "XLD01", Y, viText(fx.value("BCA", "XLD01", Y)));
    fx.setUom("BQP", "TT03", "triệu đồng");
    fx.set("BQP", "TT03", Y, 1500000);
    fx.set("BQP", "TT03", C, 1400000);
    fx.config({ values: { leader: "XYZ" } });
    fx.removeSheet("BNV");
    const res = run(fx, lang);
    expect(res.issues.length).toBeGreaterThanOrEqual(5);
    const p = checkOf(res);
    expect(p.name).toBe("Kiểm tra");
    const rows = issueRows(p);
    expect(rows).toHaveLength(res.issues.length);
    res.issues.forEach((i, k) => {
      const line = p.rows[rows[k]];
      const texts = line.map((c) => c?.value);
      expect(texts).toContain(i.code);
      expect(texts).toContain(i.sheet);
      expect(texts).toContain(issueMessage(i, lang, res.catalog));
      const links = line.filter((c) => c?.link);
      expect(links).toHaveLength(1);
      expect(links[0]!.link).toEqual({ sheet: i.sheet, cell: i.cell });
      expect(links[0]!.value).toBe(i.cell);
    });
    // Rows come in the engine's order.
    expect(rows.map((r) => p.rows[r].find((c) => typeof c?.value === "string" && (ISSUE_CODES as readonly string[]).includes(c.value as string))!.value)).toEqual(
      res.issues.map((i) => i.code as IssueCode),
    );
  });

  test("an issue on a sheet that does not exist is listed without a link", () => {
    const fx = bloc().withoutConfig();
    const res = run(fx);
    const p = checkOf(res);
    const rows = issueRows(p);
    expect(rows).toHaveLength(1);
    const line = p.rows[rows[0]];
    expect(line.map((c) => c?.value)).toContain("CONFIG_MISSING");
    expect(line.some((c) => c?.link)).toBe(false);
  });

  test("a clean build lists no issue and activates the summary; a build with errors activates the check sheet", () => {
    const clean = run(bloc());
    expect(issueRows(checkOf(clean))).toEqual([]);
    expect(clean.plan.activate).toBe(`Tổng hợp ${Y}`);
    const fx = bloc();
    fx.set("BTP", "TT01", Y, "abc");
    const dirty = run(fx);
    expect(dirty.plan.activate).toBe("Kiểm tra");
  });

  test("carries the fingerprint of the inputs: it changes with a source figure, not with an unrelated sheet", () => {
    const base = run(bloc()).fingerprints.overall;
    expect(run(bloc()).fingerprints.overall).toBe(base);
    expect(run(bloc().addSheet(plainSheet("Ghi chú", [["ghi chú"]]))).fingerprints.overall).toBe(base);
    const fx = bloc();
    fx.setValue("BTP", "GQ01", Y, fx.value("BTP", "GQ01", Y) + 1);
    expect(run(fx).fingerprints.overall).not.toBe(base);
    const p = checkOf(run(bloc()));
    expect(allCells(p).some(({ cell }) => cell.value === base)).toBe(true);
  });
});

describe("rebuilding replaces earlier outputs, recognised by their marker", () => {
  function withOutputs(fx: BlocBuilder, rename: Record<string, string> = {}): { wb: WorkbookSnapshot; names: string[] } {
    const first = run(fx);
    const wb = fx.build();
    const outs = first.plan.sheets.map((p) => planToSheet(p, rename[p.name] ?? p.name));
    return { wb: { sheets: [...wb.sheets, ...outs] }, names: outs.map((s) => s.name) };
  }

  test("plan.remove lists the earlier outputs, the new outputs keep their names, and nothing else changes", () => {
    const fx = bloc();
    fx.set("BTP", "TT01", Y, "abc");
    const before = run(fx);
    const { wb, names } = withOutputs(fx);
    const again = run(wb);
    expect(names).toEqual(expect.arrayContaining([`Tổng hợp ${Y}`, "Kiểm tra"]));
    expect([...again.plan.remove].sort()).toEqual([...names].sort());
    // A workbook built before also gets its change log, before the hidden state sheet.
    const expected = before.plan.sheets.map((s) => s.name);
    expected.splice(expected.length - 1, 0, "Nhật ký thay đổi");
    expect(again.plan.sheets.map((s) => s.name)).toEqual(expected);
    // Earlier outputs are not read as inputs: same issues, same fingerprint.
    expect(briefs(again)).toEqual(briefs(before));
    expect(again.fingerprints.overall).toBe(before.fingerprints.overall);
  });

  test("a reviewer's note on 'Kiểm tra' stays with its issue when the workbook is built again", () => {
    const fx = bloc();
    fx.set("BTP", "TT01", Y, "abc");
    fx.set("BCA", "TT03", Y, -5);
    const first = run(fx);
    const check = first.plan.sheets.find((p) => p.kind === "check")!;
    // The reviewer writes a note beside the BTP issue only.
    const row = check.rows.findIndex((r) => r?.[3]?.value === "BTP");
    expect(row).toBeGreaterThan(0);
    check.rows[row][6] = { value: "Đã báo đơn vị sửa", style: "review" };
    const wb = fx.build();
    const again = run({ sheets: [...wb.sheets, ...first.plan.sheets.map((p) => planToSheet(p, p.name))] });
    const newCheck = again.plan.sheets.find((p) => p.kind === "check")!;
    const notes = newCheck.rows
      .slice(CHECK_TABLE_HEADER_ROW + 1)
      .filter((r) => r?.[6]?.value)
      .map((r) => [r[3]?.value, r[6]?.value]);
    expect(notes).toEqual([["BTP", "Đã báo đơn vị sửa"]]);
  });

  test("an earlier output the user renamed to keep is left alone, and still not read as an input", () => {
    const fx = bloc();
    const { wb } = withOutputs(fx, { [`Tổng hợp ${Y}`]: "Bản tổng hợp cũ" });
    const again = run(wb);
    expect(again.plan.remove).not.toContain("Bản tổng hợp cũ");
    expect(again.plan.remove).toContain("Kiểm tra");
    expect(again.plan.sheets.map((s) => s.name)).toContain(`Tổng hợp ${Y}`);
    // Recognised by its marker: not a unit sheet, not a stray sheet, no issue.
    expect(briefs(again)).toEqual([]);
  });

  test("a user's own sheet with an output's name is never removed, and the output takes another name", () => {
    const fx = bloc();
    fx.addSheet(plainSheet("Kiểm tra", [["Sổ theo dõi kiểm tra của phòng"], ["Ngày", "Nội dung"]]));
    fx.addSheet(plainSheet(`Tổng hợp ${Y}`, [["Bảng tổng hợp tự làm"], ["Đơn vị", "Số cuộc"]]));
    const { wb } = withOutputs(fx);
    const res = run(wb);
    expect(res.plan.remove).not.toContain("Kiểm tra");
    expect(res.plan.remove).not.toContain(`Tổng hợp ${Y}`);
    const outNames = res.plan.sheets.map((s) => s.name);
    expect(outNames).not.toContain("Kiểm tra");
    expect(outNames).not.toContain(`Tổng hợp ${Y}`);
    // The earlier outputs (with suffixed names) are the ones replaced; the change log is new.
    expect([...res.plan.remove].sort()).toEqual(outNames.filter((n) => n !== "Nhật ký thay đổi").sort());
    expect(outNames).toContain(res.plan.activate);
  });

  test("a user's sheet matching an output's name in another case is not removed either", () => {
    const fx = bloc();
    fx.addSheet(plainSheet("KIỂM TRA", [["Sổ tay"]]));
    const res = run(fx);
    expect(res.plan.remove).toEqual([]);
    expect(res.plan.sheets.map((s) => s.name.toLowerCase())).not.toContain("kiểm tra");
  });

  test("the sheets in plan.remove are exactly those carrying a marker", () => {
    const fx = bloc();
    const { wb, names } = withOutputs(fx);
    const marked = wb.sheets.filter((s) => s.values.slice(0, 4).some((r) => r.some((v) => typeof v === "string" && /\[bloc-summary:/.test(v)))).map((s) => s.name);
    expect([...marked].sort()).toEqual([...names].sort());
    expect(marked.length).toBeGreaterThanOrEqual(2);
    expect([...run(wb).plan.remove].sort()).toEqual([...marked].sort());
  });
});

describe("the summary's derived blocks", () => {
  test("the chart reads the share block's unit names and one column per required indicator", () => {
    const fx = bloc();
    const res = run(fx);
    const p = summaryOf(res);
    expect(p.charts).toHaveLength(1);
    const ch = p.charts[0];
    const required = DEFAULT_CATALOG.filter((i) => i.required);
    expect(ch.series).toHaveLength(required.length);
    const [a, b] = ch.categoriesRange.split(":").map(parseAddr);
    expect(b.row - a.row + 1).toBe(fx.units.length);
    for (let r = a.row; r <= b.row; r++) expect(fx.units.map((u) => u.name)).toContain(cellAt(p, r, a.col)?.value);
    const cols = indicatorCols(p);
    required.forEach((ind, k) => {
      const [s, e] = ch.series[k].valuesRange.split(":").map(parseAddr);
      expect([s.col, e.col]).toEqual([cols.get(ind.code), cols.get(ind.code)]);
      expect([s.row, e.row]).toEqual([a.row, b.row]);
    });
  });
});
