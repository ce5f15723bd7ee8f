/**
 * A SpreadsheetML package (.xlsx, .xlsm) read straight into the engine's WorkbookSnapshot, whoever
 * wrote it: a namespace-aware streaming parse (xml.ts) of the parts the snapshot needs — the
 * workbook, the shared strings, the number formats and each worksheet — found through the
 * package's relationships (opc.ts), in transitional or Strict (ISO 29500) namespaces under any
 * prefix. Every other part (comments, drawings, pivots, unknown parts) is ignored. Host-neutral.
 *
 * Same meaning as what Excel shows through Office.js: a cell's value is its cached value (a
 * formula's last result), formulas carry their "=", the used range is the cells with a value or a
 * formula, and a merged area's cells other than its top-left one are empty.
 */
import { a1 } from "../core/a1";
import type { SheetProblem } from "../core/inputProblem";
import { MAX_WORKBOOK_CELLS, type CellValue, type SheetSnapshot, type SheetVisibility, type WorkbookSnapshot } from "../core/snapshot";
import { shiftFormula } from "./formula";
import { NS_REL, Package, relKind } from "./opc";
import { attr, attrSpans, attributeValue, parseXml, XmlError } from "./xml";
import { ZipError, type ReadZipOptions } from "./zip";

export type { SheetProblem };

export const NS_SML_TRANSITIONAL = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
export const NS_SML_STRICT = "http://purl.oclc.org/ooxml/spreadsheetml/main";
const NS_SML: readonly string[] = [NS_SML_TRANSITIONAL, NS_SML_STRICT];

export class TooLargeError extends Error {
  constructor(
    readonly sheet: string,
    readonly range: string,
    readonly cells: number,
  ) {
    super(`Sheet ${sheet}: used range ${range} has ${cells} cells`);
    this.name = "TooLargeError";
  }
}

export class SheetReadError extends Error {
  constructor(
    readonly sheet: string,
    readonly problem: SheetProblem,
  ) {
    super(`Sheet "${sheet}" cannot be read: ${problem.reason}${"part" in problem ? ` (${problem.part})` : ""}${"cell" in problem ? ` at ${problem.cell}` : ""}`);
    this.name = "SheetReadError";
  }
}

export type WorkbookProblem =
  /** The package names no office document, or it is not a workbook (a .docx, a .pptx …). */
  | { kind: "noWorkbook"; contentType?: string }
  /** A part every sheet depends on (workbook, shared strings, styles) is damaged. */
  | { kind: "damagedPart"; part: string; detail: string };

export class WorkbookReadError extends Error {
  constructor(readonly problem: WorkbookProblem) {
    super(`Workbook cannot be read: ${problem.kind}${"part" in problem ? ` (${problem.part})` : ""}`);
    this.name = "WorkbookReadError";
  }
}

export interface ReadOptions extends ReadZipOptions {
  /** The cell budget of all sheets' used ranges together; MAX_WORKBOOK_CELLS (Office.js's bound) by default. */
  maxCells?: number;
}

/**
 * The built-in number formats (ECMA-376 Part 1 §18.8.30) a style may name by id alone. Ids 27–36
 * and 50–81 are East Asian locale formats; they read as General, as exceljs read them before.
 */
const BUILTIN_FORMATS: Record<number, string> = {
  0: "General",
  1: "0",
  2: "0.00",
  3: "#,##0",
  4: "#,##0.00",
  9: "0%",
  10: "0.00%",
  11: "0.00E+00",
  12: "# ?/?",
  13: "# ??/??",
  14: "mm-dd-yy",
  15: "d-mmm-yy",
  16: "d-mmm",
  17: "mmm-yy",
  18: "h:mm AM/PM",
  19: "h:mm:ss AM/PM",
  20: "h:mm",
  21: "h:mm:ss",
  22: "m/d/yy h:mm",
  37: "#,##0 ;(#,##0)",
  38: "#,##0 ;[Red](#,##0)",
  39: "#,##0.00;(#,##0.00)",
  40: "#,##0.00;[Red](#,##0.00)",
  45: "mm:ss",
  46: "[h]:mm:ss",
  47: "mmss.0",
  48: "##0.0E+0",
  49: "@",
};

const isTrue = (v: string | undefined) => v === "1" || v === "true";

/** ST_Xstring escapes (`_x000D_` for a carriage return, `_x005F_` for "_"), as Excel decodes them. */
function decodeXstring(s: string): string {
  return s.includes("_x") ? s.replace(/_x([0-9A-Fa-f]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))) : s;
}

/**
 * An ISO 8601 date-time (`t="d"` cells, ECMA-376 Part 1 §18.17.4) as a serial in the workbook's
 * date system; null when it is not one. Wall-clock time: an offset, if written, is not applied.
 */
export function isoToSerial(iso: string, date1904: boolean): number | null {
  const m = /^(?:(\d{4})-(\d{2})-(\d{2}))?(?:T?(\d{2}):(\d{2})(?::(\d{2}(?:\.\d+)?))?)?(?:Z|[+-]\d{2}:?\d{2})?$/.exec(iso.trim());
  if (!m || (m[1] === undefined && m[4] === undefined)) return null;
  const time = m[4] === undefined ? 0 : (Number(m[4]) * 3600 + Number(m[5]) * 60 + Number(m[6] ?? 0)) / 86400;
  if (m[1] === undefined) return time;
  const day = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / 86400000;
  if (date1904) return day - Date.UTC(1904, 0, 1) / 86400000 + time;
  let serial = day - Date.UTC(1899, 11, 30) / 86400000;
  // Excel's 1900 system counts a 29 February 1900 that never was: serials before 1 March 1900 are one less.
  if (serial < 61) serial -= 1;
  return serial + time;
}

interface WorkbookInfo {
  sheets: { name: string; state: SheetVisibility; relId: string | undefined }[];
  date1904: boolean;
}

function damaged(part: string, e: unknown): WorkbookReadError {
  const detail = e instanceof XmlError ? e.detail : e instanceof Error ? e.message : String(e);
  return new WorkbookReadError({ kind: "damagedPart", part, detail });
}

/** A part's text, its zip or XML damage reported as the workbook's. */
function partText(pkg: Package, part: string): string | undefined {
  try {
    return pkg.text(part);
  } catch (e) {
    if (e instanceof ZipError) throw damaged(part, e);
    throw e;
  }
}

function readWorkbookPart(part: string, xml: string): WorkbookInfo {
  const info: WorkbookInfo = { sheets: [], date1904: false };
  let ns: string | null = null;
  parseXml(part, xml, {
    open(tag) {
      if (ns === null) {
        ns = tag.uri;
        if (tag.local !== "workbook" || !NS_SML.includes(tag.uri)) throw new WorkbookReadError({ kind: "noWorkbook" });
        return;
      }
      if (tag.uri !== ns) return;
      if (tag.local === "sheet") {
        const state = attr(tag, "state");
        info.sheets.push({
          name: attr(tag, "name") ?? "",
          state: state === "hidden" ? "hidden" : state === "veryHidden" ? "veryHidden" : "visible",
          relId: attr(tag, "id", NS_REL),
        });
      } else if (tag.local === "workbookPr") info.date1904 = isTrue(attr(tag, "date1904"));
    },
  });
  return info;
}

/**
 * The text of a string item (`<si>` or `<is>`): its `<t>`, or its runs' `<t>`s joined; phonetic
 * runs (`<rPh>`, the reading of East Asian text) are not part of the value.
 */
class StringItem {
  private depthRPh = 0;
  private inT = false;
  text = "";
  reset(): void {
    this.text = "";
    this.depthRPh = 0;
    this.inT = false;
  }
  open(local: string): void {
    if (local === "rPh") this.depthRPh++;
    else if (local === "t" && this.depthRPh === 0) this.inT = true;
  }
  close(local: string): void {
    if (local === "rPh") this.depthRPh--;
    else if (local === "t") this.inT = false;
  }
  onText(t: string): void {
    if (this.inT) this.text += t;
  }
  value(): string {
    return decodeXstring(this.text);
  }
}

function readSharedStrings(part: string, xml: string): string[] {
  const out: string[] = [];
  const item = new StringItem();
  let ns = "";
  let inSi = false;
  parseXml(part, xml, {
    open(tag) {
      if (!ns) ns = tag.uri || " ";
      if (tag.uri !== ns && !(ns === " " && tag.uri === "")) return;
      if (tag.local === "si") {
        inSi = true;
        item.reset();
      } else if (inSi) item.open(tag.local);
    },
    close(tag) {
      if (tag.local === "si") {
        if (inSi) out.push(item.value());
        inSi = false;
      } else if (inSi) item.close(tag.local);
    },
    text(t) {
      if (inSi) item.onText(t);
    },
  });
  return out;
}

/** Each cell style's (cellXfs index's) number format code. */
function readStyles(part: string, xml: string): string[] {
  const custom = new Map<number, string>();
  const xfIds: number[] = [];
  let inCellXfs = false;
  parseXml(part, xml, {
    open(tag) {
      if (!NS_SML.includes(tag.uri)) return;
      if (tag.local === "numFmt") {
        const id = Number(attr(tag, "numFmtId"));
        const code = attr(tag, "formatCode");
        if (Number.isInteger(id) && code !== undefined) custom.set(id, code);
      } else if (tag.local === "cellXfs") inCellXfs = true;
      else if (tag.local === "xf" && inCellXfs) xfIds.push(Number(attr(tag, "numFmtId") ?? 0));
    },
    close(tag) {
      if (tag.local === "cellXfs") inCellXfs = false;
    },
  });
  return xfIds.map((id) => (id ? (custom.get(id) ?? BUILTIN_FORMATS[id] ?? "General") : "General"));
}

/** What readCellRef read last: a 0-based row and column (one object, not one per cell). */
const cellRef = { row: 0, col: 0 };

/** Whether `r` (from `from` to `to`) is an A1 cell reference; if it is, cellRef holds where. */
function readCellRef(r: string, from = 0, to = r.length): boolean {
  let col = 0;
  let i = from;
  for (; i < to; i++) {
    const c = r.charCodeAt(i) | 0x20; // lower case
    if (c < 97 || c > 122) break;
    col = col * 26 + (c - 96);
  }
  if (i === from || i > from + 3 || i === to) return false;
  let row = 0;
  for (; i < to; i++) {
    const d = r.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return false;
    row = row * 10 + d;
  }
  if (!row) return false;
  cellRef.row = row - 1;
  cellRef.col = col - 1;
  return true;
}

function parseRangeRef(ref: string): { top: number; left: number; bottom: number; right: number } | null {
  const [s, e] = ref.replace(/\$/g, "").split(":");
  if (!readCellRef(s)) return null;
  const a = { ...cellRef };
  if (e !== undefined && !readCellRef(e)) return null;
  const b = cellRef;
  return { top: Math.min(a.row, b.row), left: Math.min(a.col, b.col), bottom: Math.max(a.row, b.row), right: Math.max(a.col, b.col) };
}

/**
 * An attribute value (attrSpans) as a number, as Number() reads its decoded text; NaN when absent.
 * Digits (a row's number, a cell's style, nearly always) are read in place, without a string.
 */
function numberAt(src: string, from: number, to: number): number {
  if (from < 0) return NaN;
  if (from < to && to - from <= 9) {
    let n = 0;
    let i = from;
    for (; i < to; i++) {
      const d = src.charCodeAt(i) - 48;
      if (d < 0 || d > 9) break;
      n = n * 10 + d;
    }
    if (i === to) return n;
  }
  return Number(attributeValue(src, from, to));
}

interface Context {
  strings: string[] | null;
  formats: string[];
  date1904: boolean;
  budget: { cells: number };
  cells: CellList;
}

/**
 * The cells of one sheet as read, in document order, before they are laid out in its grid. One
 * list serves every sheet of a read (its arrays keep their size): growing five arrays anew for
 * each of hundreds of sheets was most of a read's garbage.
 */
interface CellList {
  rows: number[];
  cols: number[];
  values: CellValue[];
  formulas: (string | null)[];
  styles: number[];
}

class SheetProblemError extends Error {
  constructor(readonly problem: SheetProblem) {
    super(problem.reason);
  }
}

const CELL_ATTRS = ["r", "s", "t"] as const;
const ROW_ATTRS = ["r"] as const;
const cellAt: number[] = [-1, -1, -1];
const cellEnd: number[] = [-1, -1, -1];

/** One worksheet part streamed into a snapshot sheet. */
function readWorksheet(name: string, visibility: SheetVisibility, part: string, xml: string, ctx: Context): SheetSnapshot {
  const { rows, cols, values, formulas, styles } = ctx.cells;
  // How many of the list's cells are this sheet's (what lies past them is an earlier sheet's).
  let count = 0;
  const merges: string[] = [];
  const masters = new Map<string, { formula: string; row: number; col: number }>();
  const dependents: { at: number; si: string }[] = [];

  let ns: string | null = null;
  let inSheetData = false;
  // The tab is selected (sheetView@tabSelected): the writer then knows which heads to rewrite.
  let tabSelected = false;
  let row = -1;
  let col = -1;
  // The cell being read.
  let inCell = false;
  let t = "n";
  let s = -1;
  let v: string | null = null;
  let f: string | null = null;
  let fType = "";
  let fSi: string | undefined;
  let inIs = false;
  const inline = new StringItem();
  // 1 <v>, 2 <f>: where text goes.
  let into = 0;

  const finishCell = () => {
    let value: CellValue = null;
    if (t === "inlineStr") value = inIs || inline.text ? inline.value() : v === null ? null : decodeXstring(v);
    else if (v !== null) {
      switch (t) {
        case "s": {
          const idx = Number(v);
          const str = ctx.strings?.[idx];
          if (str === undefined) throw new SheetProblemError({ reason: "missingString", cell: a1(row, col), index: idx });
          value = str;
          break;
        }
        case "str":
          value = decodeXstring(v);
          break;
        case "b":
          value = isTrue(v.trim());
          break;
        case "e":
          value = { error: v.trim() };
          break;
        case "d": {
          const serial = isoToSerial(v, ctx.date1904);
          // Not a date after all: kept as the text it is, so the engine names the cell.
          value = serial ?? v;
          break;
        }
        default: {
          const trimmed = v.trim();
          if (trimmed === "") value = null;
          else {
            const num = Number(trimmed);
            value = Number.isNaN(num) ? v : num;
          }
        }
      }
    }
    let formula: string | null = null;
    if (fType === "shared" && fSi !== undefined) {
      if (f) {
        masters.set(fSi, { formula: f, row, col });
        formula = `=${f}`;
      } else dependents.push({ at: count, si: fSi });
    } else if (f && fType !== "dataTable") formula = `=${f}`;
    if (value === null && formula === null && !(fType === "shared" && !f && fSi !== undefined)) return;
    rows[count] = row;
    cols[count] = col;
    values[count] = value;
    formulas[count] = formula;
    styles[count] = s;
    count++;
  };

  parseXml(part, xml, {
    open(tag) {
      if (ns === null) {
        ns = tag.uri;
        if (tag.local !== "worksheet" || (ns !== "" && !NS_SML.includes(ns))) throw new SheetProblemError({ reason: "notWorksheet", part, root: tag.name });
        return;
      }
      if (tag.uri !== ns) return;
      if (inCell) {
        if (inIs) inline.open(tag.local);
        else if (tag.local === "v") {
          into = 1;
          v = "";
          return true;
        } else if (tag.local === "f") {
          into = 2;
          f = "";
          fType = attr(tag, "t") ?? "normal";
          fSi = attr(tag, "si");
          return true;
        } else if (tag.local === "is") {
          inIs = true;
          inline.reset();
        }
        return;
      }
      switch (tag.local) {
        case "sheetView": {
          const sel = attr(tag, "tabSelected");
          if (sel === "1" || sel === "true") tabSelected = true;
          break;
        }
        case "sheetData":
          inSheetData = true;
          break;
        case "row": {
          if (!inSheetData) break;
          attrSpans(tag, ROW_ATTRS, cellAt, cellEnd);
          const r = numberAt(tag.src, cellAt[0], cellEnd[0]);
          row = Number.isInteger(r) && r > 0 ? r - 1 : row + 1;
          col = -1;
          break;
        }
        case "c": {
          if (!inSheetData) break;
          // The reference and the style read where they are written (no string each), unless
          // they hold what only the decoded value says (an entity).
          attrSpans(tag, CELL_ATTRS, cellAt, cellEnd);
          const src = tag.src;
          const rAt = cellAt[0];
          const sAt = cellAt[1];
          const tAt = cellAt[2];
          const rEnd = cellEnd[0];
          const sEnd = cellEnd[1];
          const tEnd = cellEnd[2];
          if (rAt >= 0 && (readCellRef(src, rAt, rEnd) || readCellRef(attributeValue(src, rAt, rEnd)))) {
            // A cell outside its row's number is where its reference says.
            row = cellRef.row;
            col = cellRef.col;
          } else col++;
          if (row < 0) row = 0;
          inCell = true;
          t = tAt < 0 ? "n" : attributeValue(src, tAt, tEnd);
          s = sAt < 0 ? -1 : numberAt(src, sAt, sEnd);
          v = null;
          f = null;
          fType = "";
          fSi = undefined;
          inIs = false;
          inline.reset();
          break;
        }
        case "mergeCell": {
          const ref = attr(tag, "ref");
          if (ref) merges.push(ref.replace(/\$/g, "").toUpperCase());
          break;
        }
      }
    },
    close(tag) {
      if (tag.uri !== ns) return;
      if (inCell) {
        if (tag.local === "c") {
          inCell = false;
          into = 0;
          finishCell();
        } else if (inIs) {
          if (tag.local === "is") inIs = false;
          else inline.close(tag.local);
        } else if (tag.local === "v" || tag.local === "f") into = 0;
        return;
      }
      if (tag.local === "sheetData") inSheetData = false;
    },
    text(text) {
      if (into === 1) v += text;
      else if (into === 2) f += text;
      else if (inIs) inline.onText(text);
    },
  });

  for (const d of dependents) {
    const m = masters.get(d.si);
    formulas[d.at] = m ? `=${shiftFormula(m.formula, rows[d.at] - m.row, cols[d.at] - m.col)}` : null;
  }
  if (merges.length) clearMergedCells(merges, count, ctx.cells);

  let top = Infinity;
  let left = Infinity;
  let bottom = -1;
  let right = -1;
  for (let i = 0; i < count; i++) {
    if (values[i] === null && formulas[i] === null) continue;
    if (rows[i] < top) top = rows[i];
    if (rows[i] > bottom) bottom = rows[i];
    if (cols[i] < left) left = cols[i];
    if (cols[i] > right) right = cols[i];
  }
  const selected = tabSelected ? { tabSelected } : {};
  if (bottom < 0) return { name, visibility, top: 0, left: 0, values: [], formulas: [], numberFormats: [], merges, ...selected };
  const height = bottom - top + 1;
  const width = right - left + 1;
  const area = height * width;
  ctx.budget.cells -= area;
  // Before allocating: one value at XFD1048576 must not make 17 billion cells.
  if (ctx.budget.cells < 0) throw new TooLargeError(name, `${a1(top, left)}:${a1(bottom, right)}`, area);
  const grid: CellValue[][] = Array.from({ length: height }, () => new Array<CellValue>(width).fill(null));
  const fgrid: (string | null)[][] = Array.from({ length: height }, () => new Array<string | null>(width).fill(null));
  const nfgrid: string[][] = Array.from({ length: height }, () => new Array<string>(width).fill("General"));
  for (let i = 0; i < count; i++) {
    if (values[i] === null && formulas[i] === null) continue;
    const r = rows[i] - top;
    const c = cols[i] - left;
    grid[r][c] = values[i];
    fgrid[r][c] = formulas[i];
    nfgrid[r][c] = styles[i] >= 0 ? (ctx.formats[styles[i]] ?? "General") : "General";
  }
  return { name, visibility, top, left, values: grid, formulas: fgrid, numberFormats: nfgrid, merges, ...selected };
}

/** A merged area shows its top-left cell only: the others are empty, whatever the file holds there. */
function clearMergedCells(merges: string[], count: number, { rows, cols, values, formulas }: CellList): void {
  const areas = merges.map(parseRangeRef).filter((a): a is NonNullable<typeof a> => a !== null);
  for (let i = 0; i < count; i++) {
    const r = rows[i];
    const c = cols[i];
    for (const a of areas) {
      if (r >= a.top && r <= a.bottom && c >= a.left && c <= a.right && (r !== a.top || c !== a.left)) {
        values[i] = null;
        formulas[i] = null;
        break;
      }
    }
  }
}

/** Kinds of sheets the workbook lists that are not worksheets (Office.js's worksheets do not have them either). */
const NOT_WORKSHEETS = new Set(["chartsheet", "dialogsheet"]);
const MS_MACROSHEET = /^http:\/\/schemas\.microsoft\.com\/office\/2006\/relationships\/xl(Intl)?Macrosheet$/;

/**
 * The snapshot of a SpreadsheetML package. Throws ZipError (the container), WorkbookReadError
 * (no workbook, or a part all sheets need is damaged), SheetReadError (a listed sheet cannot be
 * read: never a silently missing sheet) or TooLargeError.
 */
export function readWorkbook(bytes: Uint8Array, opts: ReadOptions = {}): WorkbookSnapshot {
  return readPackage(Package.open(bytes, opts), opts);
}

export function readPackage(pkg: Package, opts: ReadOptions = {}): WorkbookSnapshot {
  const wbPart = pkg.officeDocument();
  if (!wbPart) throw new WorkbookReadError({ kind: "noWorkbook" });
  const wbXml = partText(pkg, wbPart);
  if (wbXml === undefined) throw new WorkbookReadError({ kind: "noWorkbook" });
  let info: WorkbookInfo;
  try {
    info = readWorkbookPart(wbPart, wbXml);
  } catch (e) {
    if (e instanceof WorkbookReadError) throw new WorkbookReadError({ kind: "noWorkbook", contentType: pkg.contentType(wbPart) });
    throw damaged(wbPart, e);
  }

  const shared = pkg.related(wbPart, "sharedStrings")[0]?.part;
  const sstXml = shared === undefined ? undefined : partText(pkg, shared);
  const stylesPart = pkg.related(wbPart, "styles")[0]?.part;
  const stylesXml = stylesPart === undefined ? undefined : partText(pkg, stylesPart);
  let strings: string[] | null = null;
  let formats: string[] = [];
  try {
    if (sstXml !== undefined) strings = readSharedStrings(shared!, sstXml);
  } catch (e) {
    throw damaged(shared!, e);
  }
  try {
    if (stylesXml !== undefined) formats = readStyles(stylesPart!, stylesXml);
  } catch (e) {
    throw damaged(stylesPart!, e);
  }
  const ctx: Context = {
    strings,
    formats,
    date1904: info.date1904,
    budget: { cells: opts.maxCells ?? MAX_WORKBOOK_CELLS },
    cells: { rows: [], cols: [], values: [], formulas: [], styles: [] },
  };

  const sheets: SheetSnapshot[] = [];
  for (const sh of info.sheets) {
    const target = sh.relId === undefined ? null : pkg.byId(wbPart, sh.relId);
    if (!target) throw new SheetReadError(sh.name, { reason: "noPart" });
    const kind = relKind(target.rel.type);
    if ((kind && NOT_WORKSHEETS.has(kind)) || MS_MACROSHEET.test(target.rel.type)) continue;
    const part = target.part;
    let xml: string | undefined;
    try {
      xml = pkg.text(part);
    } catch (e) {
      throw new SheetReadError(sh.name, { reason: "damaged", part, detail: (e as Error).message });
    }
    if (xml === undefined) throw new SheetReadError(sh.name, { reason: "missingPart", part });
    try {
      sheets.push(readWorksheet(sh.name, sh.state, part, xml, ctx));
    } catch (e) {
      if (e instanceof SheetProblemError) throw new SheetReadError(sh.name, e.problem);
      if (e instanceof XmlError) throw new SheetReadError(sh.name, { reason: "damaged", part, detail: e.detail });
      throw e;
    }
  }
  const snapshot: WorkbookSnapshot = { sheets };
  if (info.date1904) snapshot.date1904 = true;
  return snapshot;
}
