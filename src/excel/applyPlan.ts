/**
 * Write plan → workbook: every output written complete in as few batches as the request limit
 * allows (one for any ordinary bloc), earlier outputs rewritten in place (see applyPlan).
 *
 * Requires ExcelApi 1.7 (getRangeByIndexes, hyperlinks, freeze panes, tab colour, chart series,
 * Worksheet.copy); newer features (events 1.8, page layout and screen updating 1.9) are used where
 * `supports` says they exist.
 */
import { a1, columnName, parseA1, parseRange } from "../core/a1";
import type { WritePlan } from "../core/plan";
import type { Cell, ChartModel, SheetModel } from "../core/sheet/model";
import type { StyleName } from "../core/sheet/styles";
import { OutputNameTakenError } from "./errors";
import { jsonBytes, OPERATION_OVERHEAD_BYTES } from "./payload";
import { applyStyle, EXCEL_STYLES, styleBytes } from "./styles";
import { officeSupports, type Supports } from "./supports";

export const TEMP_SHEET_PREFIX = "~BS tmp ";
const TEMP_SHEET = /^~BS tmp \d+$/;

/** Excel on the web refuses requests over 5 MB; stay well below with the estimate. */
export const MAX_REQUEST_BYTES = 4_000_000;
/** One band of cell rows: small enough that bands pack batches tightly. */
const BAND_BYTES = 1_000_000;
const OPS_PER_STEP = 200;
/** Plan margins are in inches, as the file host hands them to exceljs. */
const INCH_TO_POINTS = 72;

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

/** Column width in points for a width in characters (~7 px per character plus 5 px padding, at 96 dpi). */
export function columnWidthPoints(chars: number): number {
  return Math.round((chars * 7 + 5) * 0.75 * 100) / 100;
}

type CellInput = string | number | boolean;

/**
 * What to write for a planned cell through `Range.formulas`. Excel treats written strings as typed
 * input ("=…" becomes a formula, "1.234" a number, "1/2" a date), so every text gets a leading
 * apostrophe: Excel stores the text as it is and drops the apostrophe.
 */
export function cellInput(cell: Cell | undefined): CellInput {
  if (!cell) return "";
  if (cell.formula !== undefined && cell.formula !== "") return "=" + cell.formula.replace(/^=/, "");
  const v = cell.value;
  if (v === null || v === undefined) return "";
  if (typeof v === "number") return Number.isFinite(v) ? v : "";
  if (typeof v === "boolean") return v;
  return v === "" ? "" : "'" + v;
}

/** "#1F4E79", "1F4E79" or ARGB "FF1F4E79" → "#1F4E79"; anything else → null. */
function tabColor(c: string): string | null {
  const hex = c.replace(/^#/, "");
  if (/^[0-9a-f]{8}$/i.test(hex)) return "#" + hex.slice(2).toUpperCase();
  if (/^[0-9a-f]{6}$/i.test(hex)) return "#" + hex.toUpperCase();
  return null;
}

/** A hyperlink target inside the workbook, sheet always quoted: "'Sheet'!E7". */
function documentReference(sheet: string, cell: string): string {
  return `'${sheet.replace(/'/g, "''")}'!${cell}`;
}

interface Step {
  sheet: number;
  bytes: number;
  run: (ws: Excel.Worksheet) => void;
}

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

interface StyleRect {
  style: StyleName;
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** Cells sharing a style, as few rectangles as a row-run-then-stack pass finds. */
function styleRects(rows: SheetModel["rows"]): StyleRect[] {
  const done: StyleRect[] = [];
  let open = new Map<string, StyleRect>();
  rows.forEach((line, r) => {
    const next = new Map<string, StyleRect>();
    const row = line ?? [];
    for (let c = 0; c < row.length; ) {
      const style = row[c]?.style;
      if (!style) {
        c++;
        continue;
      }
      let end = c;
      while (end + 1 < row.length && row[end + 1]?.style === style) end++;
      const key = `${c}:${end}:${style}`;
      const above = open.get(key);
      if (above) {
        above.bottom = r;
        open.delete(key);
        next.set(key, above);
      } else next.set(key, { style, top: r, left: c, bottom: r, right: end });
      c = end + 1;
    }
    done.push(...open.values());
    open = next;
  });
  done.push(...open.values());
  return done;
}

function rectAddress(t: number, l: number, b: number, r: number): string {
  const s = a1(t, l);
  const e = a1(b, r);
  return s === e ? s : `${s}:${e}`;
}

function chartStep(chart: ChartModel, sheet: number): Step | null {
  if (chart.series.length === 0) return null;
  const first = parseRange(chart.series[0].valuesRange);
  // Series run down columns unless the values lie along one row: said explicitly, never "Auto".
  const seriesBy = first.start.row === first.end.row && first.start.col !== first.end.col ? "Rows" : "Columns";
  const anchor = parseA1(chart.anchor);
  const end = a1(anchor.row + Math.max(1, chart.heightRows) - 1, anchor.col + Math.max(1, chart.widthCols) - 1);
  return {
    sheet,
    bytes: OPERATION_OVERHEAD_BYTES * (6 + 4 * chart.series.length) + jsonBytes(chart),
    run: (ws) => {
      const c = ws.charts.add("ColumnClustered", ws.getRange(chart.series[0].valuesRange), seriesBy);
      c.title.text = chart.title;
      c.legend.position = "Bottom";
      chart.series.forEach((s, i) => {
        const series = i === 0 ? c.series.getItemAt(0) : c.series.add(s.name);
        if (i === 0) series.name = s.name;
        else series.setValues(ws.getRange(s.valuesRange));
        series.setXAxisValues(ws.getRange(chart.categoriesRange));
      });
      c.setPosition(chart.anchor, end);
    },
  };
}

/** Every write one planned sheet needs, in the order they must happen. */
function sheetSteps(sp: SheetModel, sheet: number, supports: Supports): Step[] {
  const steps: Step[] = [];
  const width = sp.rows.reduce((m, r) => Math.max(m, r?.length ?? 0), 0);

  // Values and formulas, then number formats (after, so a "@" format never turns a formula into text).
  if (width > 0) {
    let band: { first: number; formulas: CellInput[][]; formats: string[][]; bytes: number; formatted: boolean } | null = null;
    const flush = (): void => {
      if (!band) return;
      const b = band;
      steps.push({
        sheet,
        bytes: b.bytes + 2 * OPERATION_OVERHEAD_BYTES,
        run: (ws) => {
          const range = ws.getRangeByIndexes(b.first, 0, b.formulas.length, width);
          range.formulas = b.formulas;
          if (b.formatted) range.numberFormat = b.formats;
        },
      });
      band = null;
    };
    sp.rows.forEach((line, r) => {
      const row = line ?? [];
      const formulas = Array.from({ length: width }, (_, c) => cellInput(row[c]));
      const formats = Array.from({ length: width }, (_, c) => row[c]?.format ?? "General");
      // Each row also costs a comma in each 2D array.
      const bytes = jsonBytes(formulas) + jsonBytes(formats) + 2;
      if (band && band.bytes + bytes > BAND_BYTES) flush();
      band ??= { first: r, formulas: [], formats: [], bytes: 0, formatted: false };
      band.formulas.push(formulas);
      band.formats.push(formats);
      band.bytes += bytes;
      band.formatted ||= formats.some((f) => f !== "General");
    });
    flush();
  }

  for (const group of chunks(sp.merges, OPS_PER_STEP)) {
    steps.push({ sheet, bytes: group.length * OPERATION_OVERHEAD_BYTES + jsonBytes(group), run: (ws) => group.forEach((m) => ws.getRange(m).merge(false)) });
  }

  // Links before styles: the plan's "link" style wins over whatever Excel applies with a hyperlink.
  const links: { address: string; reference: string }[] = [];
  sp.rows.forEach((line, r) =>
    (line ?? []).forEach((cell, c) => {
      if (cell?.link) links.push({ address: a1(r, c), reference: documentReference(cell.link.sheet, cell.link.cell) });
    }),
  );
  for (const group of chunks(links, OPS_PER_STEP)) {
    steps.push({
      sheet,
      bytes: group.length * OPERATION_OVERHEAD_BYTES + jsonBytes(group),
      run: (ws) => group.forEach((l) => void (ws.getRange(l.address).hyperlink = { documentReference: l.reference })),
    });
  }

  for (const rect of styleRects(sp.rows)) {
    const style = EXCEL_STYLES[rect.style];
    if (!style) continue;
    steps.push({
      sheet,
      bytes: styleBytes(style),
      run: (ws) =>
        applyStyle(ws.getRange(rectAddress(rect.top, rect.left, rect.bottom, rect.right)), style, {
          rows: rect.bottom - rect.top + 1,
          cols: rect.right - rect.left + 1,
        }),
    });
  }

  const dims: ((ws: Excel.Worksheet) => void)[] = [];
  for (let c = 0; c < sp.columnWidths.length; ) {
    let end = c;
    while (end + 1 < sp.columnWidths.length && sp.columnWidths[end + 1] === sp.columnWidths[c]) end++;
    const points = columnWidthPoints(sp.columnWidths[c]);
    const address = `${columnName(c)}:${columnName(end)}`;
    dims.push((ws) => void (ws.getRange(address).format.columnWidth = points));
    c = end + 1;
  }
  const heights = Object.entries(sp.rowHeights ?? {})
    .map(([r, h]) => [Number(r), h] as const)
    .sort((x, y) => x[0] - y[0]);
  for (let i = 0; i < heights.length; ) {
    let j = i;
    while (j + 1 < heights.length && heights[j + 1][0] === heights[j][0] + 1 && heights[j + 1][1] === heights[i][1]) j++;
    const address = `${heights[i][0] + 1}:${heights[j][0] + 1}`;
    const points = heights[i][1];
    dims.push((ws) => void (ws.getRange(address).format.rowHeight = points));
    i = j + 1;
  }
  for (const group of chunks(dims, OPS_PER_STEP)) {
    steps.push({ sheet, bytes: group.length * (OPERATION_OVERHEAD_BYTES + 40), run: (ws) => group.forEach((f) => f(ws)) });
  }

  const color = sp.tabColor ? tabColor(sp.tabColor) : null;
  const layout = supports("ExcelApi", "1.9");
  steps.push({
    sheet,
    bytes: 12 * OPERATION_OVERHEAD_BYTES,
    run: (ws) => {
      const f = sp.freeze;
      if (f && f.rows > 0 && f.cols > 0) ws.freezePanes.freezeAt(ws.getRange(rectAddress(0, 0, f.rows - 1, f.cols - 1)));
      else if (f && f.rows > 0) ws.freezePanes.freezeRows(f.rows);
      else if (f && f.cols > 0) ws.freezePanes.freezeColumns(f.cols);
      if (color) ws.tabColor = color;
      if (layout) {
        const p = ws.pageLayout;
        p.orientation = sp.print.orientation === "landscape" ? "Landscape" : "Portrait";
        p.paperSize = "A4";
        if (sp.print.fitToWidth) p.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
        const m = sp.print.margins;
        if (m) {
          p.topMargin = m.top * INCH_TO_POINTS;
          p.bottomMargin = m.bottom * INCH_TO_POINTS;
          p.leftMargin = m.left * INCH_TO_POINTS;
          p.rightMargin = m.right * INCH_TO_POINTS;
        }
      }
    },
  });

  for (const chart of sp.charts) {
    const step = chartStep(chart, sheet);
    if (step) steps.push(step);
  }
  return steps;
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

  const steps = plan.sheets.flatMap((sp, i) => [...(inPlace.has(upper(sp.name)) ? [resetStep(i, state.charts[upper(sp.name)] ?? [])] : []), ...sheetSteps(sp, i, supports)]);
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
async function recover(context: Excel.RequestContext, plan: WritePlan, before: string[], replaced: string[], backups: string[], inPlace: Set<string>, sync: () => Promise<void>): Promise<void> {
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
