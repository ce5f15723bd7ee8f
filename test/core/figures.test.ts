/** Totals, change, shares and ranks (computed from accepted values only) and the JSON report (SPEC §7). */
import { DEFAULT_CATALOG } from "../../src/core/catalog";
import { BlocBuilder } from "../support/snapshots";
import { briefs, run, viText } from "./helpers/run";

const Y = 2031;
const C = 2030;
const bloc = (seed = 31) => new BlocBuilder({ seed, year: Y, compareYear: C });

function sum(fx: BlocBuilder, ind: string, year: number, units = fx.units.map((u) => u.code)): number {
  return units.reduce((s, u) => s + fx.value(u, ind, year), 0);
}

describe("totals", () => {
  test("each total equals the sum of the units' accepted values, for both years", () => {
    const fx = bloc();
    const res = run(fx);
    expect(res.figures).not.toBeNull();
    for (const ind of DEFAULT_CATALOG) {
      for (const y of [Y, C]) {
        const total = res.figures!.totals.get(ind.code)!.get(y)!;
        if (ind.kind === "money") expect(total).toBeCloseTo(sum(fx, ind.code, y), 9);
        else expect(total).toBe(sum(fx, ind.code, y));
      }
    }
  });

  test("a rejected value is excluded from the total (and the other year is untouched)", () => {
    const fx = bloc();
    fx.set("BTP", "TT01", Y, "abc");
    const res = run(fx);
    const others = fx.units.map((u) => u.code).filter((c) => c !== "BTP");
    expect(res.figures!.totals.get("TT01")!.get(Y)).toBe(sum(fx, "TT01", Y, others));
    expect(res.figures!.totals.get("TT01")!.get(C)).toBe(sum(fx, "TT01", C));
  });

  test("every kind of rejected value is excluded, each from its own total", () => {
    const fx = bloc();
    fx.set("BCA", "TCD01", Y, -5);
    fx.set("BTP", "XLD01", Y, { error: "#DIV/0!" }, { formula: "=1/0" });
    fx.set("BQP", "GQ01", Y, 7.5);
    fx.set("BNV", "TT03", Y, null);
    const res = run(fx);
    expect(res.errors).toBe(4);
    const t = (ind: string) => res.figures!.totals.get(ind)!.get(Y)!;
    expect(t("TCD01")).toBe(sum(fx, "TCD01", Y, ["BTP", "BQP", "BNV"]));
    expect(t("XLD01")).toBe(sum(fx, "XLD01", Y, ["BCA", "BQP", "BNV"]));
    expect(t("GQ01")).toBe(sum(fx, "GQ01", Y, ["BCA", "BTP", "BNV"]));
    expect(t("TT03")).toBeCloseTo(sum(fx, "TT03", Y, ["BCA", "BTP", "BQP"]), 9);
  });

  test("a unit whose sheet is missing adds nothing", () => {
    const fx = bloc();
    fx.removeSheet("BQP");
    const res = run(fx);
    expect(res.figures!.totals.get("XLD01")!.get(Y)).toBe(sum(fx, "XLD01", Y, ["BCA", "BTP", "BNV"]));
  });

  test("text numbers are totalled at their parsed value, converted money at its tỷ đồng value", () => {
    const fx = bloc();
    fx.set("BTP", "XLD01", Y, viText(fx.value("BTP", "XLD01", Y)));
    fx.setUom("BQP", "TT03", "triệu đồng");
    const raw = (y: number) => Math.round(fx.value("BQP", "TT03", y) * 1000);
    fx.set("BQP", "TT03", Y, raw(Y));
    fx.set("BQP", "TT03", C, raw(C));
    const res = run(fx);
    expect(res.figures!.totals.get("XLD01")!.get(Y)).toBe(sum(fx, "XLD01", Y));
    const expected = sum(fx, "TT03", Y, ["BCA", "BTP", "BNV"]) + raw(Y) / 1000;
    expect(res.figures!.totals.get("TT03")!.get(Y)).toBeCloseTo(expected, 9);
  });

  test("a year with no accepted value at all has no total (not a total of 0)", () => {
    const fx = bloc();
    for (const u of fx.units) fx.set(u.code, "TT02", Y, null);
    const res = run(fx);
    expect(briefs(res)).toEqual([]);
    expect(res.figures!.totals.get("TT02")!.has(Y)).toBe(false);
    expect(res.figures!.change.get("TT02")).toEqual({ abs: null, pct: null });
    expect(res.json.totals.TT02).toEqual({ [String(C)]: sum(fx, "TT02", C) });
  });
});

describe("change against the compare year", () => {
  test("change is current − previous and % change is that over previous", () => {
    const fx = bloc();
    const res = run(fx);
    for (const ind of DEFAULT_CATALOG) {
      const cur = sum(fx, ind.code, Y);
      const prev = sum(fx, ind.code, C);
      const ch = res.figures!.change.get(ind.code)!;
      expect(ch.abs).toBeCloseTo(cur - prev, 9);
      expect(ch.pct).toBeCloseTo((cur - prev) / prev, 12);
    }
  });

  test("% change is absent when the compare total is 0 (no division by zero)", () => {
    const fx = bloc();
    for (const u of fx.units) fx.setValue(u.code, "TT06", C, 0);
    const res = run(fx);
    expect(briefs(res)).toEqual([]);
    expect(res.figures!.change.get("TT06")).toEqual({ abs: sum(fx, "TT06", Y), pct: null });
  });

  test("each unit's change is computed from its own two figures", () => {
    const fx = bloc();
    const res = run(fx);
    for (const u of fx.units) {
      for (const ind of DEFAULT_CATALOG) {
        const cur = fx.value(u.code, ind.code, Y);
        const prev = fx.value(u.code, ind.code, C);
        const ch = res.figures!.unitChange.get(u.code)!.get(ind.code)!;
        expect(ch.abs).toBeCloseTo(cur - prev, 9);
        expect(ch.pct).toBeCloseTo((cur - prev) / prev, 12);
      }
    }
  });

  test("a unit's change is absent when one of its two figures was rejected", () => {
    const fx = bloc();
    fx.set("BTP", "GQ01", C, "không rõ");
    const res = run(fx);
    expect(res.figures!.unitChange.get("BTP")!.get("GQ01")).toEqual({ abs: null, pct: null });
  });
});

describe("shares and ranks", () => {
  test("a unit's share is its figure over the bloc total, and the shares add up to 1", () => {
    const fx = bloc();
    const res = run(fx);
    for (const ind of DEFAULT_CATALOG) {
      const total = sum(fx, ind.code, Y);
      let s = 0;
      for (const u of fx.units) {
        const share = res.figures!.share.get(u.code)!.get(ind.code)!;
        expect(share).toBeCloseTo(fx.value(u.code, ind.code, Y) / total, 12);
        s += share;
      }
      expect(s).toBeCloseTo(1, 12);
    }
  });

  test("a unit with a rejected figure has no share and no rank for it", () => {
    const fx = bloc();
    fx.set("BNV", "TCD02", Y, "abc");
    const res = run(fx);
    expect(res.figures!.share.get("BNV")!.get("TCD02")).toBeNull();
    expect(res.figures!.rank.get("BNV")!.get("TCD02")).toBeNull();
    const others = ["BCA", "BTP", "BQP"];
    const s = others.reduce((a, u) => a + res.figures!.share.get(u)!.get("TCD02")!, 0);
    expect(s).toBeCloseTo(1, 12);
    expect(others.map((u) => res.figures!.rank.get(u)!.get("TCD02")).sort()).toEqual([1, 2, 3]);
  });

  test("rank 1 is the largest figure", () => {
    const fx = bloc();
    const res = run(fx);
    for (const ind of DEFAULT_CATALOG) {
      for (const u of fx.units) {
        const mine = fx.value(u.code, ind.code, Y);
        const larger = fx.units.filter((o) => fx.value(o.code, ind.code, Y) > mine).length;
        expect([ind.code, u.code, res.figures!.rank.get(u.code)!.get(ind.code)]).toEqual([ind.code, u.code, larger + 1]);
      }
    }
  });

  test("equal figures share a rank, and the next rank skips (1, 1, 3, 4)", () => {
    const fx = bloc();
    const top = Math.max(...fx.units.map((u) => fx.value(u.code, "TT01", Y))) + 1;
    fx.setValue("BTP", "TT01", Y, top);
    fx.setValue("BNV", "TT01", Y, top);
    fx.setValue("BCA", "TT01", Y, top - 2);
    fx.setValue("BQP", "TT01", Y, top - 3);
    for (const u of fx.units) fx.setValue(u.code, "TT02", Y, Math.min(fx.value(u.code, "TT02", Y), top - 3));
    const res = run(fx);
    expect(briefs(res)).toEqual([]);
    const rank = (u: string) => res.figures!.rank.get(u)!.get("TT01");
    expect(["BTP", "BNV", "BCA", "BQP"].map(rank)).toEqual([1, 1, 3, 4]);
  });

  test("a three-way tie at the bottom shares the last rank", () => {
    const fx = bloc();
    for (const u of ["BTP", "BQP", "BNV"]) fx.setValue(u, "TT04", Y, 2);
    fx.setValue("BCA", "TT04", Y, 8);
    const res = run(fx);
    expect(["BCA", "BTP", "BQP", "BNV"].map((u) => res.figures!.rank.get(u)!.get("TT04"))).toEqual([1, 2, 2, 2]);
  });

  test("shares are absent (not infinite) when the bloc total is 0", () => {
    const fx = bloc();
    for (const u of fx.units) {
      fx.setValue(u.code, "TT06", Y, 0);
      fx.setValue(u.code, "TT06", C, 0);
    }
    const res = run(fx);
    for (const u of fx.units) expect(res.figures!.share.get(u.code)!.get("TT06")).toBeNull();
    for (const u of fx.units) expect(res.figures!.rank.get(u.code)!.get("TT06")).toBe(1);
  });
});

describe("the JSON report (SPEC §7)", () => {
  test("has the documented top-level shape", () => {
    const fx = bloc();
    const res = run(fx);
    const j = res.json;
    expect(j).toEqual(
      expect.objectContaining({
        schema: 1,
        bloc: "Khối Thi đua số 9",
        year: Y,
        compareYear: C,
        units: fx.units.map((u) => ({ code: u.code, name: u.name, sheet: u.code, confirmed: null })),
        issues: [],
      }),
    );
    expect(Object.keys(j).sort()).toEqual(["awards", "bloc", "changes", "compareYear", "history", "issues", "period", "schema", "totals", "units", "values", "year"]);
    expect(j.awards).toEqual(expect.objectContaining({ ranking: expect.any(Array), flag: expect.any(Array), merit: expect.any(Array) }));
  });

  test("survives JSON serialisation unchanged (no Maps, no undefined, no NaN)", () => {
    const fx = bloc();
    fx.set("BTP", "TT01", Y, "abc");
    fx.set("BQP", "XLD01", Y, viText(fx.value("BQP", "XLD01", Y)));
    const j = run(fx).json;
    expect(JSON.parse(JSON.stringify(j))).toEqual(j);
  });

  test("values are keyed by roster codes, then indicator codes, then year strings", () => {
    const units = [
      { code: "BCA", name: "Thanh tra Bộ Công an", sheet: "Bộ Công an" },
      { code: "NHNN", name: "Cơ quan Thanh tra, giám sát ngân hàng", sheet: "Ngân hàng" },
    ];
    const fx = new BlocBuilder({ seed: 32, year: Y, compareYear: C, units });
    const j = run(fx).json;
    expect(Object.keys(j.values)).toEqual(["BCA", "NHNN"]);
    for (const u of units) {
      expect(Object.keys(j.values[u.code]).sort()).toEqual(DEFAULT_CATALOG.map((i) => i.code).sort());
      for (const ind of DEFAULT_CATALOG) {
        expect(Object.keys(j.values[u.code][ind.code])).toEqual([String(C), String(Y)]);
        expect(j.values[u.code][ind.code][String(Y)]).toBe(fx.value(u.code, ind.code, Y));
        expect(j.values[u.code][ind.code][String(C)]).toBe(fx.value(u.code, ind.code, C));
      }
    }
  });

  test("totals are keyed by indicator code and year string and match the figures", () => {
    const fx = bloc();
    const res = run(fx);
    for (const ind of DEFAULT_CATALOG) {
      expect(Object.keys(res.json.totals[ind.code]).sort()).toEqual([String(C), String(Y)]);
      for (const y of [Y, C]) expect(res.json.totals[ind.code][String(y)]).toBe(res.figures!.totals.get(ind.code)!.get(y));
    }
  });

  test("values hold what the engine accepted: parsed text, converted money, and no rejected value", () => {
    const fx = bloc();
    const n = fx.value("BTP", "XLD01", Y);
    fx.set("BTP", "XLD01", Y, viText(n));
    fx.set("BTP", "TT01", Y, "abc");
    fx.setUom("BNV", "TT03", "triệu đồng");
    fx.set("BNV", "TT03", Y, 1234567);
    fx.set("BNV", "TT03", C, 1034567);
    const j = run(fx).json;
    expect(j.values.BTP.XLD01[String(Y)]).toBe(n);
    expect(j.values.BTP.TT01).toEqual({ [String(C)]: fx.value("BTP", "TT01", C) });
    expect(j.values.BNV.TT03[String(Y)]).toBeCloseTo(1234.567, 9);
    expect(j.values.BNV.TT03[String(C)]).toBeCloseTo(1034.567, 9);
  });

  test("each issue has exactly code, severity, sheet, cell and message", () => {
    const fx = bloc();
    fx.set("BTP", "TT01", Y, "abc");
    fx.setUom("BQP", "TT03", "triệu đồng");
    const j = run(fx, "en").json;
    expect(j.issues.length).toBeGreaterThan(0);
    for (const i of j.issues) {
      expect(Object.keys(i).sort()).toEqual(["cell", "code", "message", "severity", "sheet"]);
      expect(["error", "warning"]).toContain(i.severity);
      expect(i.cell).toMatch(/^[A-Z]{1,3}\d+$/);
    }
  });

  test("without a config sheet, units are named by their sheets and the year comes from the year columns", () => {
    const fx = bloc().withoutConfig();
    const j = run(fx).json;
    expect(j.year).toBe(Y);
    expect(j.compareYear).toBe(C);
    expect(j.units.map((u) => u.code)).toEqual(fx.units.map((u) => u.code));
    expect(j.totals.TT01[String(Y)]).toBe(sum(fx, "TT01", Y));
  });
});
