/**
 * Workbook → snapshot, in a fixed number of syncs: 1) the sheet list, 2) each used range's size,
 * 3) every cell's values, formulas, formats and types. The count depends on how many cells there
 * are, never on how many sheets: a workbook whose cells fit one response (the normal case, whatever
 * its sheet count) takes exactly 3 syncs.
 *
 * Merged areas are not read: the engine finds headers and titles by their labels, never by merged
 * cells (SPEC §3), and Range.getMergedAreasOrNullObject (ExcelApi 1.13) fails on a range with more
 * than 512 merged areas — which a heavily merged Vietnamese report form has. `merges` is always [].
 */
import { parseRange, rangeA1 } from "../core/a1";
import { MAX_WORKBOOK_CELLS, type CellValue, type SheetSnapshot, type SheetVisibility, type WorkbookSnapshot } from "../core/snapshot";
import { WorkbookTooLargeError } from "./errors";
import type { Supports } from "./supports";

/**
 * Cells read per sync. Four arrays per cell come back (values, formulas, formats, types): 25–50
 * bytes for ordinary cells, so 80,000 cells stay under Excel on the web's 5 MB response limit;
 * a response that still overflows (long texts) is re-read in halves.
 */
export const CELLS_PER_READ = 80_000;

export interface ReadOptions {
  /** Requirement sets (nothing above the 1.7 floor is used today; kept for every host function alike). */
  supports?: Supports;
  maxCells?: number;
  cellsPerRead?: number;
  /** Other work folded into the read's syncs (the build's lock and write state). */
  alongside?: ReadAlongside;
}

/** Work queued with the read's syncs, so a build needs no syncs of its own to prepare. */
export interface ReadAlongside {
  /** Queued with the sheet list (sync 1). */
  withSheetList?(context: Excel.RequestContext): void;
  /** After sync 1: queued with the used-range sizes (sync 2); may throw to stop the read there. */
  withSizes?(context: Excel.RequestContext, sheets: string[]): void;
  /** Queued with the first read of cells (sync 3); may throw after it (`afterCells`). */
  withCells?(context: Excel.RequestContext): void;
  afterCells?(): void;
}

const VISIBILITY: Record<string, SheetVisibility> = { Visible: "visible", Hidden: "hidden", VeryHidden: "veryHidden" };

/** "'My sheet'!B2:F20" → the A1 part; sheet names never contain "!" in the cell part. */
function localAddress(address: string): string {
  return address.slice(address.lastIndexOf("!") + 1);
}

const LAST_ROW = 1048576;
const LAST_COLUMN = "XFD";

/** A used range's address as a rectangle, including Excel's whole-column ("A:XFD") and whole-row ("1:1048576") forms. */
function usedRect(address: string): ReturnType<typeof parseRange> {
  const local = localAddress(address).replace(/\$/g, "");
  const columns = /^([A-Z]{1,3}):([A-Z]{1,3})$/i.exec(local);
  if (columns) return parseRange(`${columns[1]}1:${columns[2]}${LAST_ROW}`);
  const rows = /^(\d+):(\d+)$/.exec(local);
  if (rows) return parseRange(`A${rows[1]}:${LAST_COLUMN}${rows[2]}`);
  return parseRange(local);
}

function toCellValue(value: unknown, type: string): CellValue {
  switch (type) {
    case "Empty":
      return null;
    case "Error":
      return { error: String(value) };
    case "Double":
    case "Integer":
      return typeof value === "number" ? value : Number(value);
    case "Boolean":
      return typeof value === "boolean" ? value : String(value).toUpperCase() === "TRUE";
    default:
      return typeof value === "number" || typeof value === "boolean" ? value : value === null || value === undefined ? null : String(value);
  }
}

/**
 * A cell holds a formula when `formulas` starts with "=" — except text typed as '=… , which Excel
 * reports with the same text in values and formulas (and the apostrophe dropped).
 */
function toFormula(formula: unknown, value: unknown, type: string): string | null {
  if (typeof formula !== "string" || !formula.startsWith("=")) return null;
  return type === "String" && value === formula ? null : formula;
}

interface UsedSheet {
  index: number;
  sheet: Excel.Worksheet;
  used: Excel.Range;
  top: number;
  left: number;
  rows: number;
  cols: number;
}

/** A band of rows of one sheet's used range, read in one response. */
interface Piece {
  at: UsedSheet;
  firstRow: number;
  rowCount: number;
}

interface Loaded {
  piece: Piece;
  range: Excel.Range;
}

export async function readSnapshot(context: Excel.RequestContext, opts: ReadOptions = {}): Promise<WorkbookSnapshot> {
  const maxCells = opts.maxCells ?? MAX_WORKBOOK_CELLS;
  const perRead = Math.max(1, opts.cellsPerRead ?? CELLS_PER_READ);
  const alongside = opts.alongside ?? {};

  // Sync 1: which sheets.
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name,items/visibility");
  alongside.withSheetList?.(context);
  await context.sync();
  const sheets = worksheets.items;
  alongside.withSizes?.(
    context,
    sheets.map((ws) => ws.name),
  );

  // Sync 2: how big each used range is (values only: formatting far below the data does not count).
  const usedRanges = sheets.map((ws) => ws.getUsedRangeOrNullObject(true).load("address,cellCount"));
  await context.sync();

  let total = 0;
  let largest = { name: "", cells: 0 };
  const used: UsedSheet[] = [];
  usedRanges.forEach((u, index) => {
    if (u.isNullObject) return;
    const r = usedRect(u.address);
    // cellCount is -1 past 2^31-1 cells (Range.cellCount, Excel JavaScript API reference).
    const cells = u.cellCount >= 0 ? u.cellCount : (r.end.row - r.start.row + 1) * (r.end.col - r.start.col + 1);
    total += cells;
    if (cells > largest.cells) largest = { name: sheets[index].name, cells };
    used.push({ index, sheet: sheets[index], used: u, top: r.start.row, left: r.start.col, rows: r.end.row - r.start.row + 1, cols: r.end.col - r.start.col + 1 });
  });
  if (total > maxCells) throw new WorkbookTooLargeError(largest.name, largest.cells, total, maxCells);

  // Sync 3 (and more only for very large workbooks): the cells.
  const pieces: Piece[] = [];
  for (const at of used) {
    const band = Math.max(1, Math.floor(perRead / at.cols));
    for (let r = 0; r < at.rows; r += band) pieces.push({ at, firstRow: r, rowCount: Math.min(band, at.rows - r) });
  }
  const batches: Piece[][] = [];
  let batch: Piece[] = [];
  let cells = 0;
  for (const p of pieces) {
    const n = p.rowCount * p.at.cols;
    if (batch.length && cells + n > perRead) {
      batches.push(batch);
      batch = [];
      cells = 0;
    }
    batch.push(p);
    cells += n;
  }
  if (batch.length) batches.push(batch);

  const loaded: Loaded[] = [];
  alongside.withCells?.(context);
  if (batches.length === 0) await context.sync();
  for (const b of batches) loaded.push(...(await readPieces(context, b)));
  alongside.afterCells?.();

  const grids = new Map<number, { values: CellValue[][]; formulas: (string | null)[][]; numberFormats: string[][]; merges: string[] }>();
  for (const at of used) grids.set(at.index, { values: new Array(at.rows), formulas: new Array(at.rows), numberFormats: new Array(at.rows), merges: [] });
  for (const { piece, range } of loaded) {
    const g = grids.get(piece.at.index)!;
    const values = range.values;
    const formulas = range.formulas;
    const formats = range.numberFormat;
    const types = range.valueTypes;
    for (let r = 0; r < piece.rowCount; r++) {
      const row = piece.firstRow + r;
      g.values[row] = values[r].map((v, c) => toCellValue(v, types[r][c]));
      g.formulas[row] = formulas[r].map((f, c) => toFormula(f, values[r][c], types[r][c]));
      g.numberFormats[row] = formats[r].map((f) => (typeof f === "string" ? f : String(f)));
    }
  }

  return {
    sheets: sheets.map((ws, index): SheetSnapshot => {
      const at = used.find((u) => u.index === index);
      const g = grids.get(index);
      const base = { name: ws.name, visibility: VISIBILITY[ws.visibility] ?? "visible" };
      if (!at || !g) return { ...base, top: 0, left: 0, values: [], formulas: [], numberFormats: [], merges: [] };
      return { ...base, top: at.top, left: at.left, values: g.values, formulas: g.formulas, numberFormats: g.numberFormats, merges: g.merges };
    }),
  };
}

const isResponseTooLarge = (e: unknown): boolean => (e as { code?: string } | null)?.code === "ResponsePayloadSizeLimitExceeded";

/** Load pieces in one sync; if Excel says the response is too large, read them in halves. */
async function readPieces(context: Excel.RequestContext, pieces: Piece[]): Promise<Loaded[]> {
  const loaded = pieces.map((piece): Loaded => {
    const { at } = piece;
    const whole = piece.firstRow === 0 && piece.rowCount === at.rows;
    const range = whole ? at.used : at.sheet.getRange(rangeA1(at.top + piece.firstRow, at.left, at.top + piece.firstRow + piece.rowCount - 1, at.left + at.cols - 1));
    range.load("values,formulas,numberFormat,valueTypes");
    return { piece, range };
  });
  try {
    await context.sync();
    return loaded;
  } catch (e) {
    if (!isResponseTooLarge(e)) throw e;
    if (pieces.length > 1) {
      const mid = Math.ceil(pieces.length / 2);
      return [...(await readPieces(context, pieces.slice(0, mid))), ...(await readPieces(context, pieces.slice(mid)))];
    }
    const p = pieces[0];
    if (p.rowCount < 2) throw e;
    const half = Math.ceil(p.rowCount / 2);
    return [...(await readPieces(context, [{ ...p, rowCount: half }])), ...(await readPieces(context, [{ ...p, firstRow: p.firstRow + half, rowCount: p.rowCount - half }]))];
  }
}
