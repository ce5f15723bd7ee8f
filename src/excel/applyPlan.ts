/**
 * Write plan → workbook. Every output is built complete under a temporary name; only then are the
 * earlier outputs deleted and the new sheets renamed into place, so a failure half-way leaves the
 * previous outputs as they were.
 *
 * Syncs: 1 (what is there) + write batches (each under ~4 MB of request, usually 1) + 1 (swap).
 * The count grows with the amount of data, not with the number of sheets.
 *
 * Requires ExcelApi 1.7 (getRangeByIndexes, hyperlinks, freeze panes, tab colour, chart series);
 * newer features (events 1.8, page layout 1.9) are used where `supports` says they exist.
 */
import { a1, columnName, parseA1, parseRange } from "../core/a1";
import type { WritePlan } from "../core/plan";
import type { Cell, ChartModel, SheetModel } from "../core/sheet/model";
import type { StyleName } from "../core/sheet/styles";
import { OutputNameTakenError } from "./errors";
import { jsonBytes, OPERATION_OVERHEAD_BYTES } from "./payload";
import { retargetSheetRefs } from "../core/sheetRefs";
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
export function cellInput(cell: Cell | undefined, retarget: (formula: string) => string = (f) => f): CellInput {
  if (!cell) return "";
  if (cell.formula !== undefined && cell.formula !== "") return "=" + retarget(cell.formula.replace(/^=/, ""));
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
function sheetSteps(sp: SheetModel, sheet: number, retarget: (f: string) => string, supports: Supports): Step[] {
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
      const formulas = Array.from({ length: width }, (_, c) => cellInput(row[c], retarget));
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

function pack(steps: Step[], budget: number, setupBytes: number): { steps: Step[]; bytes: number }[] {
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
  return batches;
}

const upper = (s: string): string => s.toLocaleUpperCase();

export async function applyPlan(context: Excel.RequestContext, plan: WritePlan, opts: ApplyOptions = {}): Promise<ApplyReport> {
  const supports = opts.supports ?? officeSupports;
  const budget = opts.maxRequestBytes ?? MAX_REQUEST_BYTES;
  const toggleEvents = supports("ExcelApi", "1.8");
  const suspendCalculation = supports("ExcelApi", "1.6");
  const suspendScreen = supports("ExcelApi", "1.9");
  const quiet = (): void => {
    const app = context.workbook.application;
    if (suspendCalculation) app.suspendApiCalculationUntilNextSync();
    if (suspendScreen) app.suspendScreenUpdatingUntilNextSync();
  };
  const report: ApplyReport = { syncs: 0, writeBatches: 0, batchBytes: [] };
  const sync = async (): Promise<void> => {
    report.syncs++;
    await context.sync();
  };

  // Sync 1: which sheets exist, and whether events are on.
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name");
  if (toggleEvents) context.runtime.load("enableEvents");
  await sync();
  const existing = worksheets.items.map((w) => w.name);
  const eventsBefore = toggleEvents ? context.runtime.enableEvents : true;

  const existingSet = new Set(existing.map(upper));
  const removeSet = new Set((plan.remove ?? []).map(upper));
  const planned = new Set<string>();
  for (const sp of plan.sheets) {
    if (planned.has(upper(sp.name))) throw new Error(`The plan names sheet "${sp.name}" twice`);
    planned.add(upper(sp.name));
    if (existingSet.has(upper(sp.name)) && !removeSet.has(upper(sp.name))) throw new OutputNameTakenError(sp.name);
  }
  const leftovers = existing.filter((n) => TEMP_SHEET.test(n));
  const toRemove = existing.filter((n) => removeSet.has(upper(n)) && !TEMP_SHEET.test(n));
  const temps: string[] = [];
  for (let k = 1; temps.length < plan.sheets.length; k++) if (!existingSet.has(upper(TEMP_SHEET_PREFIX + k))) temps.push(TEMP_SHEET_PREFIX + k);
  const tempOf = new Map(plan.sheets.map((sp, i) => [upper(sp.name), temps[i]]));
  // Formulas reach other outputs by their temporary names; renaming later updates them (as Excel does).
  const retarget = (f: string): string => retargetSheetRefs(f, (name) => tempOf.get(upper(name)));

  const steps = plan.sheets.flatMap((sp, i) => sheetSteps(sp, i, retarget, supports));
  const batches = pack(steps, budget, (leftovers.length + temps.length + 2) * OPERATION_OVERHEAD_BYTES);

  const handles: Excel.Worksheet[] = [];
  let eventsOff = false;
  let phase: "write" | "swap" = "write";
  try {
    for (const [b, batch] of batches.entries()) {
      quiet();
      if (b === 0) {
        if (toggleEvents) {
          context.runtime.enableEvents = false;
          eventsOff = true;
        }
        for (const name of leftovers) worksheets.getItem(name).delete();
        for (const t of temps) handles.push(worksheets.add(t));
      }
      for (const step of batch.steps) step.run(handles[step.sheet]);
      report.batchBytes.push(batch.bytes);
      await sync();
      report.writeBatches++;
    }

    // The swap: everything new is complete.
    phase = "swap";
    quiet();
    for (const name of toRemove) worksheets.getItem(name).delete();
    plan.sheets.forEach((sp, i) => {
      handles[i].name = sp.name;
      handles[i].position = i;
    });
    const shown = plan.sheets.findIndex((sp) => upper(sp.name) === upper(plan.activate));
    if (shown >= 0) handles[shown].activate();
    else if (plan.activate && existingSet.has(upper(plan.activate)) && !removeSet.has(upper(plan.activate))) worksheets.getItem(plan.activate).activate();
    if (eventsOff) context.runtime.enableEvents = eventsBefore;
    await sync();
    eventsOff = false;
    return report;
  } catch (err) {
    try {
      await recover(context, plan, temps, phase, sync);
    } catch {
      // Best effort: the original error is the one to report.
    }
    throw err;
  } finally {
    if (eventsOff) {
      try {
        context.runtime.enableEvents = eventsBefore;
        await sync();
      } catch {
        // Nothing more can be done from here.
      }
    }
  }
}

/**
 * After a failure: before the swap, delete every temporary sheet (the old outputs are untouched).
 * During the swap, settle each output on its own: if its old sheet is still there, drop the new
 * one; if the old one is already gone, finish the rename so the complete new sheet takes its place.
 */
async function recover(context: Excel.RequestContext, plan: WritePlan, temps: string[], phase: "write" | "swap", sync: () => Promise<void>): Promise<void> {
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name");
  await sync();
  const now = new Set(worksheets.items.map((w) => upper(w.name)));
  let queued = false;
  plan.sheets.forEach((sp, i) => {
    if (!now.has(upper(temps[i]))) return;
    const ws = worksheets.getItem(temps[i]);
    if (phase === "swap" && !now.has(upper(sp.name))) ws.name = sp.name;
    else ws.delete();
    queued = true;
  });
  if (queued) await sync();
}
