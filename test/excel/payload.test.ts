/**
 * @jest-environment jsdom
 *
 * The request-size estimator (src/excel/payload.ts, used by applyPlan to keep each write batch
 * under Excel on the web's 5 MB) against the real request: Microsoft's own client library
 * (@microsoft/office-js, dist/excel-web-16.00.debug.js) is loaded into jsdom, a RequestContext is
 * pointed at a URL, and OfficeExtension.HttpUtility.setCustomSendRequestFunc catches the body each
 * context.sync() would POST — the JSON Excel on the web receives. The responses are empty results,
 * enough for write batches.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { buildBloc } from "../../src/core/pipeline";
import { applyPlan, MAX_REQUEST_BYTES, type WorkbookState } from "../../src/excel/applyPlan";
import { utf8Length } from "../../src/excel/payload";
import { syntheticSnapshot } from "../../bench/synthetic";

interface OfficeWindow {
  eval(code: string): unknown;
  Excel: { RequestContext: new (url: string) => Excel.RequestContext };
  OfficeExtension: { HttpUtility: { setCustomSendRequestFunc(f: (req: { body: unknown }) => Promise<unknown>): void } };
}

const LIBRARY = join(__dirname, "../../node_modules/@microsoft/office-js/dist/excel-web-16.00.debug.js");

function officeJs(): { context: () => Excel.RequestContext; bodies: number[] } {
  const w = window as unknown as OfficeWindow;
  if (!w.Excel) w.eval(readFileSync(LIBRARY, "utf8"));
  const bodies: number[] = [];
  w.OfficeExtension.HttpUtility.setCustomSendRequestFunc(async (req) => {
    bodies.push(utf8Length(typeof req.body === "string" ? req.body : JSON.stringify(req.body)));
    return { statusCode: 200, headers: {}, body: JSON.stringify({ Results: [] }) };
  });
  return { context: () => new w.Excel.RequestContext("https://excel.invalid/"), bodies };
}

describe("the request-size estimate against the request Office.js really sends", () => {
  it.each([6, 60, 300])("is within the 5 MB / 4 MB margin of the real request for a build of %i units (split at 1 MB here)", async (units) => {
    const { context, bodies } = officeJs();
    const plan = buildBloc(syntheticSnapshot(units), { lang: "vi", now: "2031-12-15T03:00:00.000Z" }).plan;
    const state: WorkbookState = { sheets: ["Cấu hình"], charts: {}, eventsEnabled: true };
    const report = await applyPlan(context(), plan, { supports: () => true, maxRequestBytes: 1_000_000 }, { state });
    expect(bodies).toHaveLength(report.writeBatches);
    const ratios = bodies.map((real, i) => real / report.batchBytes[i]);
    // A batch the estimate lets through (≤ MAX_REQUEST_BYTES) must really be under 5 MB.
    for (const r of ratios) expect(r).toBeLessThanOrEqual((5 * 1024 * 1024) / MAX_REQUEST_BYTES);
    // …and is no wild overestimate either (that would split builds into needless syncs).
    for (const r of ratios) expect(r).toBeGreaterThan(0.75);
  });
});
