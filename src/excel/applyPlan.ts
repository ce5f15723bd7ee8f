/**
 * Write plan → workbook: every output written complete in as few batches as the request limit
 * allows (one for any ordinary bloc), earlier outputs rewritten in place (see applyPlan).
 *
 * Requires ExcelApi 1.7 (getRangeByIndexes, hyperlinks, freeze panes, tab colour, chart series,
 * Worksheet.copy); newer features (events 1.8, page layout and screen updating 1.9) are used where
 * `supports` says they exist.
 */
import type { WritePlan } from "../core/plan";
import { OutputNameTakenError } from "./errors";
import { OPERATION_OVERHEAD_BYTES } from "./payload";
import { capabilities, sheetSteps, type Step } from "./sheetWriter";
import { officeSupports, type Supports } from "./supports";

export const TEMP_SHEET_PREFIX = "~BS tmp ";
const TEMP_SHEET = /^~BS tmp \d+$/;

/** Excel on the web refuses requests over 5 MB; stay well below with the estimate. */
export const MAX_REQUEST_BYTES = 4_000_000;
export interface ApplyOptions {
  supports?: Supports;
  maxRequestBytes?: number;
}

export interface ApplyReport {
  syncs: number;
  writeBatches: number;
  /** Estimated request bytes of each write batch. */
  batchBytes: number[];
}

function pack(steps: Step[], budget: number, setupBytes: number): Step[][] {
  const batches: { steps: Step[]; bytes: number }[] = [{ steps: [], bytes: setupBytes }];
  for (const s of steps) {
    if (s.bytes > budget) throw new Error(`One write of ${s.bytes} bytes exceeds the request budget of ${budget}`);
    let last = batches[batches.length - 1];
    if (last.bytes + s.bytes > budget && last.steps.length) {
      last = { steps: [], bytes: OPERATION_OVERHEAD_BYTES };
      batches.push(last);
    }
    last.steps.push(s);
    last.bytes += s.bytes;
  }
  return batches.map((b) => b.steps);
}

const upper = (s: string): string => s.toLocaleUpperCase();

/** What applyPlan must know of the workbook before it writes; the build gathers it while it reads. */
export interface WorkbookState {
  /** Every sheet, in order. */
  sheets: string[];
  /** Chart names per sheet (upper-cased sheet name): an output rewritten in place loses its old charts. */
  charts: Record<string, string[]>;
  /** runtime.enableEvents before the build (true where ExcelApi 1.8 is missing). */
  eventsEnabled: boolean;
}

/**
 * Queue the reads of WorkbookState for these sheets alongside other work; the returned function
 * answers after the next sync. Sheets missing from the workbook are skipped.
 */
export function queueStateRead(context: Excel.RequestContext, sheets: readonly string[], supports: Supports): () => Omit<WorkbookState, "sheets"> {
  const events = supports("ExcelApi", "1.8");
  if (events) context.runtime.load("enableEvents");
  const charts = sheets.map((name) => {
    const ws = context.workbook.worksheets.getItemOrNullObject(name);
    const collection = ws.charts;
    collection.load("items/name");
    return { name, ws, collection };
  });
  return () => ({
    eventsEnabled: events ? context.runtime.enableEvents : true,
    charts: Object.fromEntries(charts.filter((c) => !c.ws.isNullObject).map((c) => [upper(c.name), c.collection.items.map((x) => x.name)])),
  });
}

/** One sync: the state applyPlan needs, for callers that did not gather it while reading. */
async function readState(context: Excel.RequestContext, plan: WritePlan, supports: Supports): Promise<WorkbookState> {
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name");
  const rest = queueStateRead(context, plan.remove ?? [], supports);
  await context.sync();
  return { sheets: worksheets.items.map((w) => w.name), ...rest() };
}

/** Office.js errors that mean "this request was too large and nothing of it ran". */
function isOversize(e: unknown, bytes: number): boolean {
  const code = (e as { code?: string } | null)?.code;
  if (code === "RequestPayloadSizeLimitExceeded") return true;
  // Excel on the web has answered oversize batches with a bare GeneralException ("An internal
  // error has occurred": office-js issues #1012 and #1314);
  // only a large batch is retried on it, so a genuine failure of a small one is reported at once.
  return code === "GeneralException" && bytes >= LARGE_BATCH_BYTES;
}
const LARGE_BATCH_BYTES = 1_000_000;

export interface ApplyExtras {
  /** Gathered during the build's read (saves a sync); read here when absent. */
  state?: WorkbookState;
  /** Queued as the last operation of the last write batch (the build's lock release). */
  finally?: (context: Excel.RequestContext) => void;
}

/**
 * Writes the plan. An earlier output that the plan writes again is rewritten **in place** — the
 * same worksheet, cleared and filled — so a user's formula, defined name or chart pointing at it
 * keeps pointing at the same cells (deleting it and renaming a new sheet would leave them #REF!).
 * Before anything is touched, every sheet the plan replaces or removes is copied (Worksheet.copy,
 * ExcelApi 1.7) to a hidden backup; the backups go in the same batch once everything is written.
 * A failure puts each backup back under its name and deletes the sheets this build added, so a
 * failed build leaves the previous outputs (as copies: references to them break only then).
 *
 * Syncs: 1 to look (none when `extras.state` is given) + the write batches (one for any ordinary
 * bloc; more only for very large plans, each under the request limit).
 */
export async function applyPlan(context: Excel.RequestContext, plan: WritePlan, opts: ApplyOptions = {}, extras: ApplyExtras = {}): Promise<ApplyReport> {
  const supports = opts.supports ?? officeSupports;
  const budget = opts.maxRequestBytes ?? MAX_REQUEST_BYTES;
  const can = capabilities(supports);
  const toggleEvents = supports("ExcelApi", "1.8");
  const suspendCalculation = supports("ExcelApi", "1.6");
  const suspendScreen = supports("ExcelApi", "1.9");
  const report: ApplyReport = { syncs: 0, writeBatches: 0, batchBytes: [] };
  const sync = async (): Promise<void> => {
    report.syncs++;
    await context.sync();
  };
  const quiet = (): void => {
    const app = context.workbook.application;
    if (suspendCalculation) app.suspendApiCalculationUntilNextSync();
    if (suspendScreen) app.suspendScreenUpdatingUntilNextSync();
  };

  let state = extras.state;
  if (!state) {
    state = await readState(context, plan, supports);
    report.syncs++;
  }
  const existing = state.sheets;
  const existingSet = new Set(existing.map(upper));
  const removeSet = new Set((plan.remove ?? []).map(upper));
  const planned = new Set<string>();
  for (const sp of plan.sheets) {
    if (planned.has(upper(sp.name))) throw new Error(`The plan names sheet "${sp.name}" twice`);
    planned.add(upper(sp.name));
    if (existingSet.has(upper(sp.name)) && !removeSet.has(upper(sp.name))) throw new OutputNameTakenError(sp.name);
  }
  const leftovers = existing.filter((n) => TEMP_SHEET.test(n));
  const replaced = existing.filter((n) => removeSet.has(upper(n)) && !TEMP_SHEET.test(n));
  const backupNames: string[] = [];
  for (let k = 1; backupNames.length < replaced.length; k++) if (!existingSet.has(upper(TEMP_SHEET_PREFIX + k))) backupNames.push(TEMP_SHEET_PREFIX + k);
  const inPlace = new Set(replaced.filter((n) => planned.has(upper(n))).map(upper));

  const steps = plan.sheets.flatMap((sp, i) => [...(inPlace.has(upper(sp.name)) ? [resetStep(i, state.charts[upper(sp.name)] ?? [])] : []), ...sheetSteps(context, sp, i, can)]);
  const worksheets = context.workbook.worksheets;
  const handles: Excel.Worksheet[] = [];
  const eventsBefore = state.eventsEnabled;
  let eventsOff = false;

  const setup = (): void => {
    if (toggleEvents) {
      context.runtime.enableEvents = false;
      eventsOff = true;
    }
    for (const name of leftovers) {
      const ws = worksheets.getItem(name);
      ws.visibility = "Hidden"; // a very hidden sheet cannot be deleted (Worksheet.delete)
      ws.delete();
    }
    replaced.forEach((name, k) => {
      const copy = worksheets.getItem(name).copy("End");
      copy.name = backupNames[k];
      copy.visibility = "Hidden";
    });
    // Every output exists under its final name before any formula is written, so formulas that
    // reach another output resolve directly.
    plan.sheets.forEach((sp) => handles.push(inPlace.has(upper(sp.name)) ? worksheets.getItem(sp.name) : worksheets.add(sp.name)));
  };
  const teardown = (): void => {
    for (const name of replaced) if (!inPlace.has(upper(name))) worksheets.getItem(name).delete();
    plan.sheets.forEach((_sp, i) => void (handles[i].position = i));
    const shown = plan.sheets.findIndex((sp) => upper(sp.name) === upper(plan.activate));
    if (shown >= 0) handles[shown].activate();
    else if (plan.activate && existingSet.has(upper(plan.activate)) && !removeSet.has(upper(plan.activate))) worksheets.getItem(plan.activate).activate();
    // A hidden output (the review state sheet) is hidden last, once another sheet is active.
    plan.sheets.forEach((sp, i) => {
      if (sp.visibility === "hidden") handles[i].visibility = "Hidden";
      else if (sp.visibility === "veryHidden") handles[i].visibility = "VeryHidden";
    });
    for (const name of backupNames) worksheets.getItem(name).delete();
    if (toggleEvents && eventsOff) context.runtime.enableEvents = eventsBefore;
    extras.finally?.(context);
  };

  const runBatch = async (batch: Step[], first: boolean, last: boolean): Promise<void> => {
    const bytes = batch.reduce((n, s) => n + s.bytes, 0) + (first ? (leftovers.length + 2 * replaced.length + plan.sheets.length + 2) * OPERATION_OVERHEAD_BYTES : 0);
    quiet();
    if (first) setup();
    // Later batches reach each output by its (final) name: a proxy made by worksheets.add() stays
    // usable past its sync only through the reference Excel's response hands back (without it the
    // client library says "The object path 'worksheets.add()' isn't working …", as payload.test.ts
    // saw); a name needs nothing from the response.
    else plan.sheets.forEach((sp, i) => void (handles[i] = worksheets.getItem(sp.name)));
    for (const step of batch) step.run(handles[step.sheet]);
    if (last) teardown();
    try {
      await sync();
    } catch (e) {
      if (!isOversize(e, bytes) || batch.length < 2) throw e;
      // Nothing of an oversize request ran: send it again in halves.
      const mid = Math.ceil(batch.length / 2);
      if (first) handles.length = 0;
      await runBatch(batch.slice(0, mid), first, false);
      await runBatch(batch.slice(mid), false, last);
      return;
    }
    report.batchBytes.push(bytes);
    report.writeBatches++;
  };

  try {
    const batches = pack(steps, budget, (leftovers.length + 2 * replaced.length + plan.sheets.length + 2) * OPERATION_OVERHEAD_BYTES);
    for (const [b, batch] of batches.entries()) await runBatch(batch, b === 0, b === batches.length - 1);
    eventsOff = false;
    return report;
  } catch (err) {
    try {
      await recover(context, plan, existing, replaced, backupNames, inPlace, sync);
    } catch {
      // Best effort: the original error is the one to report.
    }
    throw err;
  } finally {
    if (toggleEvents && eventsOff) {
      try {
        context.runtime.enableEvents = eventsBefore;
        await sync();
      } catch {
        // Nothing more can be done from here.
      }
    }
  }
}

/** Empties an earlier output for its rewrite, keeping the worksheet (and what points at it). */
function resetStep(sheet: number, charts: readonly string[]): Step {
  return {
    sheet,
    bytes: (8 + charts.length) * OPERATION_OVERHEAD_BYTES,
    run: (ws) => {
      ws.visibility = "Visible";
      for (const chart of charts) ws.charts.getItem(chart).delete();
      const all = ws.getRange();
      all.unmerge();
      all.clear("All");
      all.format.useStandardWidth = true;
      all.format.useStandardHeight = true;
      ws.freezePanes.unfreeze();
      ws.tabColor = "";
    },
  };
}

/**
 * After a failure: every backup goes back under its sheet's name (the half-written sheet, if any,
 * is deleted first), and the sheets this build added are deleted. Sheets neither added nor backed
 * up were never touched.
 */
async function recover(
  context: Excel.RequestContext,
  plan: WritePlan,
  before: string[],
  replaced: string[],
  backups: string[],
  inPlace: Set<string>,
  sync: () => Promise<void>,
): Promise<void> {
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name");
  await sync();
  const now = new Set(worksheets.items.map((w) => upper(w.name)));
  let queued = false;
  for (const sp of plan.sheets) {
    if (inPlace.has(upper(sp.name)) || !now.has(upper(sp.name))) continue;
    worksheets.getItem(sp.name).delete();
    queued = true;
  }
  // Back where they were, in the order they were, so every other sheet keeps its place too.
  const restored = replaced.map((name, k) => ({ name, backup: backups[k], at: before.indexOf(name) })).sort((a, b) => a.at - b.at);
  for (const r of restored) {
    if (!now.has(upper(r.backup))) continue;
    if (now.has(upper(r.name))) worksheets.getItem(r.name).delete();
    const ws = worksheets.getItem(r.backup);
    ws.name = r.name;
    ws.visibility = "Visible";
    ws.position = r.at;
    queued = true;
  }
  if (queued) await sync();
}
