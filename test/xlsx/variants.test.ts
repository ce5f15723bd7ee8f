/**
 * The sample as other producers write it (XML-level variants made in test/support/variants.ts):
 * each reads with the sample's exact values, and the engine gives the sample's exact figures,
 * totals and issues — through the reader and through the command line.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "fs";
import os from "os";
import path from "path";
import { buildBloc } from "../../src/core/pipeline";
import type { WorkbookSnapshot } from "../../src/core/snapshot";
import { readWorkbook } from "../../src/xlsx/read";
import { cli } from "../support/cliRun";
import { packParts, sampleParts, SAMPLE, VARIANTS } from "../support/variants";

const NOW = "2024-01-15T03:00:00.000Z";
const original = readWorkbook(readFileSync(SAMPLE));
const originalJson = buildBloc(original, { lang: "vi", now: NOW }).json;

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), "bs-variants-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The original snapshot with the cells a variant sets on purpose. */
function expected(formulas: Record<string, Record<string, string>>, formats: Record<string, Record<string, string>>): WorkbookSnapshot {
  const copy: WorkbookSnapshot = JSON.parse(JSON.stringify(original));
  const put = (grid: "formulas" | "numberFormats", bySheet: Record<string, Record<string, string>>) => {
    for (const [sheet, cells] of Object.entries(bySheet)) {
      const s = copy.sheets.find((x) => x.name === sheet)!;
      for (const [ref, v] of Object.entries(cells)) {
        const m = /^([A-Z]+)(\d+)$/.exec(ref)!;
        (s[grid] as (string | null)[][])[Number(m[2]) - 1 - s.top][m[1].charCodeAt(0) - 65 - s.left] = v;
      }
    }
  };
  put("formulas", formulas);
  put("numberFormats", formats);
  return copy;
}

describe("the sample written as other producers write it", () => {
  it("has the variants it promises", () => {
    expect(VARIANTS.length).toBeGreaterThanOrEqual(20);
    expect(original.sheets.map((s) => s.name)).toEqual(["Cấu hình", "BCA", "BTP", "BQP", "BKHDT", "BNV", "NHNN", "Chấm điểm"]);
  });

  it.each(VARIANTS.map((v) => [v.name, v] as const))("%s: the same snapshot and the same figures", async (_, v) => {
    const parts = sampleParts();
    v.make(parts);
    const bytes = packParts(parts);
    const snap = readWorkbook(bytes);
    const formulas = v.formulas?.(sampleParts()) ?? {};
    const { date1904, ...rest } = snap;
    expect(rest).toEqual(expected(formulas, v.formats ?? {}));
    expect(date1904 === true).toBe(v.date1904 === true);
    if (v.formulas) expect(Object.values(formulas).flatMap((c) => Object.keys(c)).length).toBeGreaterThan(20);
    expect(buildBloc(snap, { lang: "vi", now: NOW }).json).toEqual(originalJson);

    // The command line reads it the same: exit 0, the sample's figures.
    const file = path.join(dir, `${VARIANTS.indexOf(v)}.xlsx`);
    writeFileSync(file, bytes);
    const r = await cli(["validate", file, "--json"]);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out.join("\n"));
    expect({ values: json.values, totals: json.totals, units: json.units }).toEqual({ values: originalJson.values, totals: originalJson.totals, units: originalJson.units });
  });
});
