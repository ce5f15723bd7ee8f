/** The sample bloc built by the command line, with the summary's planned chart to check it against. */
import os from "os";
import path from "path";
import { mkdtempSync } from "fs";
import { cli } from "./cli";
import { loadWorkbook } from "../../src/file/load";
import { buildBloc } from "../../src/core/pipeline";
import type { WritePlan } from "../../src/core/plan";
import type { ChartModel, SheetModel } from "../../src/core/sheet/model";

export const SAMPLE = path.join(__dirname, "../../examples/khoi-thi-dua-2-2023.xlsx");

export interface BuiltChart {
  /** A fresh temporary folder holding `out`; the caller removes it. */
  dir: string;
  out: string;
  plan: WritePlan;
  summary: SheetModel;
  chart: ChartModel;
}

export async function buildSampleChart(): Promise<BuiltChart> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "bs-chart-"));
  const out = path.join(dir, "out.xlsx");
  const run = await cli("build", SAMPLE, "--out", out);
  expect(run.code).toBe(0);
  expect(run.stderr).toBe("");
  const loaded = await loadWorkbook(SAMPLE);
  const plan = buildBloc(loaded.snapshot, { lang: "vi", now: "2026-11-26T05:00:00.000Z", utcOffsetMinutes: 0 }).plan;
  const summary = plan.sheets.find((s) => s.kind === "summary")!;
  expect(summary.name).toBe("Tổng hợp 2023");
  expect(summary.charts).toHaveLength(1);
  return { dir, out, plan, summary, chart: summary.charts[0] };
}
