/** History (SPEC §11): "Diễn biến qua các năm" — every year present for all units, gaps shown, earlier summaries read. */
import { DEFAULT_CATALOG } from "../../src/core/catalog";
import type { SheetModel } from "../../src/core/sheet/model";
import { applyPlan } from "../../src/excel/applyPlan";
import { chartXml } from "../../src/xlsx/write/charts";
import { evaluate } from "../core/helpers/formula";
import { fakeFromSnapshot } from "../support/excelFake";
import { run } from "../core/helpers/run";
import { planToSheet } from "../support/planSheet";
import { BlocBuilder, mulberry32 } from "../support/snapshots";

/** A bloc whose unit sheets carry `years` (newest first), every figure a random whole number. */
function multiYear(
  years: number[],
  seed = 5,
  has: (unit: string, y: number) => boolean = () => true,
): { fx: BlocBuilder; value: (unit: string, ind: string, y: number) => number } {
  const fx = new BlocBuilder({ year: years[0], seed, unitSheet: { years } });
  const rand = mulberry32(seed);
  const extra = new Map<string, number>();
  for (const u of fx.units)
    for (const y of years.slice(2).filter((y) => has(u.code, y)))
      for (const ind of DEFAULT_CATALOG) {
        const v = Math.floor(rand() * 500) + (ind.code === "TCD02" ? 500 : 0);
        extra.set(`${u.code}|${ind.code}|${y}`, v);
        fx.set(u.code, ind.code, y, v);
      }
  const value = (unit: string, ind: string, y: number) => extra.get(`${unit}|${ind}|${y}`) ?? fx.value(unit, ind, y);
  return { fx, value };
}

const summaryOf = (sheets: SheetModel[]) => sheets.find((s) => s.kind === "summary")!;
const rowOf = (p: SheetModel, text: string) => p.rows.findIndex((r) => r?.some((c) => c?.value === text));

describe("a five-year workbook", () => {
  const years = [2031, 2030, 2029, 2028, 2027];
  const { fx, value } = multiYear(years);
  const res = run(fx);
  const total = (ind: string, y: number) => fx.units.reduce((s, u) => s + value(u.code, ind, y), 0);

  test("gives every year's bloc total in JSON history, equal to the sum of the units' figures", () => {
    expect(res.errors).toBe(0);
    for (const ind of ["TT01", "TT03", "TCD01", "XLD01", "GQ01"]) {
      expect(Object.keys(res.json.history[ind])).toEqual(["2027", "2028", "2029", "2030", "2031"]);
      for (const y of years) expect(res.json.history[ind][String(y)]).toBeCloseTo(total(ind, y), 9);
    }
  });

  test("writes block VII with totals, change, average growth and an index whose formulas give their cached values", () => {
    const p = summaryOf(res.plan.sheets);
    const head = rowOf(p, "VII. DIỄN BIẾN QUA CÁC NĂM (TỔNG KHỐI)");
    expect(head).toBeGreaterThan(0);
    const wb = fx.build();
    let n = 0;
    for (let r = head; r < p.rows.length; r++)
      for (const cell of p.rows[r] ?? []) {
        if (!cell?.formula) continue;
        const got = evaluate(cell.formula, { wb, plan: p });
        if (typeof got === "number" && typeof cell.value === "number") expect(got).toBeCloseTo(cell.value, 9);
        else expect(got).toEqual(cell.value);
        n++;
      }
    expect(n).toBeGreaterThan(100);
    // An earlier year's total is a SUM of the units' source cells, so Trace Precedents leads to them.
    const r2028 = rowOf(p, "Năm 2028");
    expect(p.rows[r2028][3]!.formula).toMatch(new RegExp(`^SUM\\(${fx.units.map((u) => `${u.code}![A-Z]+\\d+`).join(",")}\\)$`));
    const growth = rowOf(p, "Tăng trưởng bình quân năm 2027–2031");
    const tt01 = p.rows[growth][3]!.value as number;
    expect(tt01).toBeCloseTo(Math.pow(total("TT01", 2031) / total("TT01", 2027), 1 / 4) - 1, 9);
  });

  test("draws the trend as a line chart of the index", () => {
    const chart = summaryOf(res.plan.sheets).charts.find((c) => c.kind === "line")!;
    expect(chart.title).toBe("Diễn biến các chỉ tiêu chính qua các năm (năm 2027 = 100)");
    expect(chart.series.map((s) => s.name.split(" ")[0])).toEqual(DEFAULT_CATALOG.filter((i) => i.required).map((i) => i.code));
  });
});

describe("a year missing for some units", () => {
  test("is shown as missing, naming the units, and never summed in part", () => {
    const lacking = "BTP";
    const { fx } = multiYear([2031, 2030, 2029], 5, (u) => u !== lacking);
    fx.unitSheet(lacking, { years: [2031, 2030] });
    const res = run(fx);
    for (const ind of ["TT01", "XLD01"]) expect(res.json.history[ind]["2029"]).toBeNull();
    const p = summaryOf(res.plan.sheets);
    const r = rowOf(p, "Năm 2029");
    expect(p.rows[r][3]).toMatchObject({ value: `thiếu số liệu: ${lacking}`, style: "warning" });
    expect(p.rows[r][3]!.formula).toBeUndefined();
    // The change into and out of the gap is blank rather than computed from a partial total.
    const changes = p.rows.findIndex((row) => row?.[0]?.value === "Tăng (+) / giảm (−) so với năm liền trước trong bảng");
    const r2030 = p.rows.findIndex((row, i) => i > changes && row?.[2]?.value === "Năm 2030");
    expect(p.rows[r2030][3]!.formula).toContain("ISNUMBER");
    expect(p.rows[r2030][3]!.value).toBe("");
  });

  test("a single blank figure leaves only that indicator's year out", () => {
    const { fx } = multiYear([2031, 2030, 2029]);
    fx.set(fx.units[0].code, "TT01", 2029, null);
    const res = run(fx);
    expect(res.json.history.TT01["2029"]).toBeNull();
    expect(res.json.history.XLD01["2029"]).not.toBeNull();
    // A blank in an earlier year is no error: the trend says it.
    expect(res.issues.filter((i) => i.code === "VALUE_EMPTY")).toEqual([]);
  });

  test("a wrong figure in an earlier year is a warning at its cell and leaves the year out", () => {
    const { fx } = multiYear([2031, 2030, 2029]);
    fx.set(fx.units[0].code, "TT01", 2029, "mười");
    const res = run(fx);
    const bad = res.issues.find((i) => i.code === "VALUE_NOT_NUMBER")!;
    expect([bad.severity, bad.cell]).toEqual(["warning", fx.address(fx.units[0].code, "TT01", 2029)]);
    expect(res.errors).toBe(0);
    expect(res.json.history.TT01["2029"]).toBeNull();
  });
});

describe("earlier summary sheets", () => {
  test("fill the years the unit sheets no longer carry, read from their cached totals", () => {
    const old = new BlocBuilder({ year: 2029, seed: 3 });
    const oldRes = run(old);
    const oldSummary = summaryOf(oldRes.plan.sheets);
    const fx = new BlocBuilder({ year: 2031, seed: 4 }).addSheet(planToSheet(oldSummary));
    const res = run(fx);
    expect(Object.keys(res.json.history.TT01)).toEqual(["2029", "2030", "2031"]);
    expect(res.json.history.TT01["2029"]).toBe(oldRes.json.totals.TT01["2029"]);
    const p = summaryOf(res.plan.sheets);
    const r = p.rows.findIndex((row) => typeof row?.[2]?.value === "string" && (row[2].value as string).startsWith("Năm 2029"));
    expect(p.rows[r][2]!.value).toBe('Năm 2029 (theo sheet "Tổng hợp 2029")');
    expect(p.rows[r][3]!.formula).toMatch(/^'Tổng hợp 2029'!D\d+$/);
    // The earlier summary is read, never replaced.
    expect(res.plan.remove).not.toContain("Tổng hợp 2029");
  });

  test("an English earlier summary is read too", () => {
    const old = new BlocBuilder({ year: 2029, seed: 3 });
    const oldRes = run(old, "en");
    const fx = new BlocBuilder({ year: 2031, seed: 4 }).addSheet(planToSheet(summaryOf(oldRes.plan.sheets)));
    expect(run(fx).json.history.XLD01["2029"]).toBe(oldRes.json.totals.XLD01["2029"]);
  });
});

describe("a bloc with only the two years", () => {
  test("has no block VII (block I says it all) but still a JSON history", () => {
    const fx = new BlocBuilder({ year: 2031 });
    const res = run(fx);
    expect(rowOf(summaryOf(res.plan.sheets), "VII. DIỄN BIẾN QUA CÁC NĂM (TỔNG KHỐI)")).toBe(-1);
    expect(Object.keys(res.json.history.TT01)).toEqual(["2030", "2031"]);
  });
});

describe("the trend in the Excel host", () => {
  it("is drawn as a line chart with markers, next to the share columns, on the strict fake", async () => {
    const { fx } = multiYear([2031, 2030, 2029]);
    const wb = fx.build();
    const res = run(wb);
    const fake = fakeFromSnapshot(wb);
    await fake.run((context) => applyPlan(context, res.plan, { supports: () => true }));
    const charts = fake.sheet("Tổng hợp 2031").charts as { type: string; title: string; series: unknown[] }[];
    expect(charts.map((c) => c.type)).toEqual(["LineMarkers", "ColumnClustered"]);
    expect(charts[0].title).toBe("Diễn biến các chỉ tiêu chính qua các năm (năm 2029 = 100)");
    expect(charts[0].series).toHaveLength(DEFAULT_CATALOG.filter((i) => i.required).length);
  });
});

describe("the trend in the file host", () => {
  it("is a DrawingML line chart: markers, straight segments, no column-only elements", () => {
    const { fx } = multiYear([2031, 2030, 2029]);
    const sheet = summaryOf(run(fx).plan.sheets);
    const chart = sheet.charts.find((c) => c.kind === "line")!;
    const xml = chartXml(sheet, chart);
    expect(xml).toContain('<c:lineChart><c:grouping val="standard"/>');
    expect(xml).not.toContain("<c:barChart>");
    expect(xml).not.toContain("invertIfNegative");
    expect(xml.match(/<c:smooth val="0"\/><\/c:ser>/g)).toHaveLength(chart.series.length);
    // The value axis shows the index as a number, not as a percentage.
    expect(xml).toContain('<c:numFmt formatCode="0" sourceLinked="0"/>');
  });
});
