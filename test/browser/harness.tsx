/**
 * The real task pane over the strict Excel fake, for the browser test: the App, the BlocSession and
 * the excel host's functions are production code; only Excel.run is the fake's run. The workbook is
 * a snapshot served as JSON (?workbook=sample|defect); ?lang=en and ?theme=dark pick the start state.
 */
import { createRoot } from "react-dom/client";
import type { WorkbookSnapshot } from "../../src/core/snapshot";
import { applyPlan } from "../../src/excel/applyPlan";
import { officeErrorMessage } from "../../src/excel/errors";
import { applyNumberFixes } from "../../src/excel/fixTextNumbers";
import { readSnapshot } from "../../src/excel/readSnapshot";
import { BlocSession, type RunBatch } from "../../src/excel/session";
import { annotateIssues } from "../../src/excel/comments";
import { IntakeSession } from "../../src/excel/intake";
import { selectCell } from "../../src/excel/select";
import { applyTemplatePlan, applyUnitAddition } from "../../src/excel/template";
import { App } from "../../src/taskpane/App";
import { API_LEVELS, fakeFromSnapshot, type FakeExcel } from "../support/excelFake";

declare global {
  interface Window {
    __harness?: { fake: FakeExcel; workbook: () => WorkbookSnapshot; error?: string };
  }
}

// The fake measures batch sizes with Node's Buffer.byteLength; the browser has TextEncoder.
const g = globalThis as unknown as { Buffer?: { byteLength: (s: string) => number } };
g.Buffer ??= { byteLength: (s: string) => new TextEncoder().encode(s).length };

async function main(): Promise<void> {
  const params = new URLSearchParams(location.search);
  const name = params.get("workbook") ?? "sample";
  const response = await fetch(`/fixtures/${encodeURIComponent(name)}.json`);
  if (!response.ok) throw new Error(`fixture ${name}: HTTP ${response.status}`);
  const snapshot = (await response.json()) as WorkbookSnapshot;
  // ?level=1.7 runs the pane over an Excel of that capability level (default: everything).
  const level = API_LEVELS.find((l) => l === params.get("level")) ?? "1.18";
  const fake = fakeFromSnapshot(snapshot, { apiLevel: level });
  const run: RunBatch = (batch) => fake.run(batch);
  const session = new BlocSession(
    run,
    { readSnapshot, applyPlan, selectCell, applyNumberFixes, applyTemplatePlan, applyUnitAddition, annotateIssues, officeErrorMessage },
    {
      // A fixed clock (?now=ISO) and zone: the screenshots stay the same from run to run.
      now: () => new Date(params.get("now") ?? "2024-01-15T02:30:00.000Z"),
      utcOffsetMinutes: () => 420,
      supports: fake.supports,
    },
  );
  window.__harness = { fake, workbook: () => ({ sheets: fake.sheetNames().map((n) => fake.cellsOf(n)) }) };
  const container = document.getElementById("container");
  if (!container) throw new Error("no #container");
  // The import panel as the pane wires it (src/taskpane/index.tsx): the reader loaded on first use.
  const intake = new IntakeSession(run, {
    loadReader: () => import(/* webpackChunkName: "reader" */ "../../src/xlsx/unitFileReader").then((m) => m.unitFileReader),
    supports: fake.supports,
  });
  createRoot(container).render(
    <App host={session} initialLang={params.get("lang") === "en" ? "en" : "vi"} dark={params.get("theme") === "dark"} utcOffsetMinutes={420} intake={intake} />,
  );
}

main().catch((e: unknown) => {
  document.body.setAttribute("data-harness-error", e instanceof Error ? e.message : String(e));
  throw e;
});
