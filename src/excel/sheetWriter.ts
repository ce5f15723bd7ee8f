/**
 * The one writer of generated sheets in the Office.js host: a SheetModel (core/sheet/model) —
 * an output or a template sheet — as Office.js operations, grouped in steps whose request size is
 * estimated so callers can pack them into batches. applyPlan (outputs) and the template writes
 * (src/excel/template.ts) both use it; the looks come from the core's one style table (./styles).
 */
import { a1, columnName, parseA1, parseRange, quoteSheet } from "../core/a1";
import type { Bound, Cell, CellValidation, ChartModel, SheetModel, SheetProtection } from "../core/sheet/model";
import type { StyleName } from "../core/sheet/styles";
import { jsonBytes, OPERATION_OVERHEAD_BYTES } from "./payload";
import { applyStyle, EXCEL_STYLES, styleBytes } from "./styles";
import type { Supports } from "./supports";

/**
 * What this Excel can write besides cells and styles, decided once per write.
 * - validation: Range.dataValidation is ExcelApi 1.8; without it the cells take any input.
 * - noteKind: a note (Worksheet.notes, 1.18) — what the file host writes too — else a threaded
 *   comment (Workbook.comments, 1.10), else none.
 * - printSetup: Worksheet.pageLayout is 1.9; without it Excel's default page setup stays.
 */
export interface Capabilities {
  validation: boolean;
  noteKind: NoteKind;
  printSetup: boolean;
}
export type NoteKind = "note" | "comment" | "none";

export function capabilities(supports: Supports): Capabilities {
  return {
    validation: supports("ExcelApi", "1.8"),
    noteKind: supports("ExcelApi", "1.18") ? "note" : supports("ExcelApi", "1.10") ? "comment" : "none",
    printSetup: supports("ExcelApi", "1.9"),
  };
}

function bound(b: Bound): number | string {
  return typeof b === "number" ? b : `=${b.ref}`;
}

/** The model's rule as Office.js's: whole numbers or decimals, ≥ min or between min and max. */
export function officeRule(v: CellValidation): Excel.DataValidationRule | null {
  if (v.rule.type === "any") return null;
  const basic: Excel.BasicDataValidation =
    v.rule.max === undefined
      ? { operator: "GreaterThanOrEqualTo", formula1: bound(v.rule.min) }
      : { operator: "Between", formula1: bound(v.rule.min), formula2: bound(v.rule.max) };
  return v.rule.type === "whole" ? { wholeNumber: basic } : { decimal: basic };
}

export function officeProtection(p: SheetProtection): Excel.WorksheetProtectionOptions {
  return {
    allowFormatColumns: p.allowFormatColumns,
    allowFormatRows: p.allowFormatRows,
    allowFormatCells: p.allowFormatCells,
    allowInsertRows: p.allowInsertRows,
    selectionMode: p.allowSelectLocked ? "Normal" : p.allowSelectUnlocked ? "Unlocked" : "None",
  };
}

function validate(dv: Excel.DataValidation, v: CellValidation): void {
  dv.clear();
  const rule = officeRule(v);
  if (rule) {
    dv.rule = rule;
    dv.ignoreBlanks = true;
  }
  dv.prompt = { showPrompt: true, title: v.prompt.title, message: v.prompt.message };
  if (v.error) dv.errorAlert = { showAlert: true, style: "Stop", title: v.error.title, message: v.error.message };
}

function addNote(context: Excel.RequestContext, ws: Excel.Worksheet, sheetName: string, row: number, col: number, text: string, kind: NoteKind): void {
  if (kind === "note") ws.notes.add(a1(row, col), text);
  else if (kind === "comment") context.workbook.comments.add(`${quoteSheet(sheetName)}!${a1(row, col)}`, text);
  // "none": the text is also in the guide (docs/template.md); the cell keeps its input prompt where 1.8 exists.
}

/** A cell's lock, validation and note. */
function cellExtras(context: Excel.RequestContext, ws: Excel.Worksheet, sheetName: string, row: number, col: number, cell: Cell, can: Capabilities): void {
  const range = ws.getCell(row, col);
  if (cell.locked === false) range.format.protection.locked = false;
  if (cell.validation && can.validation) validate(range.dataValidation, cell.validation);
  if (cell.note) addNote(context, ws, sheetName, row, col, cell.note, can.noteKind);
}

/** One cell of the model written on an existing sheet (a template's roster row): content, format, look, lock, validation, note. */
export function writeCell(context: Excel.RequestContext, ws: Excel.Worksheet, sheetName: string, row: number, col: number, cell: Cell, can: Capabilities): void {
  const range = ws.getCell(row, col);
  if (cell.formula !== undefined || (cell.value !== undefined && cell.value !== null)) range.formulas = [[cellInput(cell)]];
  if (cell.format) range.numberFormat = [[cell.format]];
  if (cell.style) applyStyle(range, EXCEL_STYLES[cell.style], { rows: 1, cols: 1 });
  cellExtras(context, ws, sheetName, row, col, cell, can);
}

/** One band of cell rows: small enough that bands pack batches tightly. */
const BAND_BYTES = 1_000_000;
const OPS_PER_STEP = 200;
/** Plan margins are in inches, as SpreadsheetML writes them. */
const INCH_TO_POINTS = 72;

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

export interface Step {
  sheet: number;
  bytes: number;
  run: (ws: Excel.Worksheet) => void;
}

export function chunks<T>(items: T[], size: number): T[][] {
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
    for (let c = 0; c < row.length;) {
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
      const c = ws.charts.add(chart.kind === "line" ? "LineMarkers" : "ColumnClustered", ws.getRange(chart.series[0].valuesRange), seriesBy);
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

/**
 * Every write one sheet of the model needs, in the order they must happen: an output or a template
 * sheet alike. `sheet` is the index of the worksheet handle each step runs on.
 */
export function sheetSteps(context: Excel.RequestContext, sp: SheetModel, sheet: number, can: Capabilities): Step[] {
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
      // The step also carries two operations: a full band stays within BAND_BYTES with them.
      if (band && band.bytes + bytes + 2 * OPERATION_OVERHEAD_BYTES > BAND_BYTES) flush();
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
  for (let c = 0; c < sp.columnWidths.length;) {
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
  for (let i = 0; i < heights.length;) {
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

  // What people fill in: unlocked, validated where Excel can (1.8), with its note.
  const extras: { run: (ws: Excel.Worksheet) => void; bytes: number }[] = [];
  sp.rows.forEach((line, r) =>
    (line ?? []).forEach((cell, c) => {
      if (!cell || (cell.locked !== false && !cell.validation && !cell.note)) return;
      extras.push({
        run: (ws) => cellExtras(context, ws, sp.name, r, c, cell, can),
        bytes: 6 * OPERATION_OVERHEAD_BYTES + jsonBytes([cell.validation ?? null, cell.note ?? null]),
      });
    }),
  );
  for (const group of chunks(extras, OPS_PER_STEP)) {
    steps.push({ sheet, bytes: group.reduce((n, e) => n + e.bytes, 0), run: (ws) => group.forEach((e) => e.run(ws)) });
  }

  const color = sp.tabColor ? tabColor(sp.tabColor) : null;
  steps.push({
    sheet,
    bytes: 12 * OPERATION_OVERHEAD_BYTES,
    run: (ws) => {
      const f = sp.freeze;
      if (f && f.rows > 0 && f.cols > 0) ws.freezePanes.freezeAt(ws.getRange(rectAddress(0, 0, f.rows - 1, f.cols - 1)));
      else if (f && f.rows > 0) ws.freezePanes.freezeRows(f.rows);
      else if (f && f.cols > 0) ws.freezePanes.freezeColumns(f.cols);
      if (color) ws.tabColor = color;
      if (can.printSetup) {
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
  // Last: a protected sheet refuses further formatting.
  const protection = sp.protection;
  if (protection) steps.push({ sheet, bytes: 3 * OPERATION_OVERHEAD_BYTES, run: (ws) => ws.protection.protect(officeProtection(protection)) });
  return steps;
}
