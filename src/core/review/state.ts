/**
 * The hidden state sheet "Trạng thái tổng hợp": what the last build accepted (each figure, each
 * unit's confirmation), kept inside the workbook so the next build — by the CLI or in Excel — sees
 * the same history. Written and read here only, so its layout has one owner.
 */
import { OUTPUT_SHEETS } from "../outputSheets";
import type { SheetModel } from "../sheet/model";
import { SheetBuilder } from "../sheet/builder";
import { generatedKind, markerText } from "../marker";
import { cellAt, sheetBounds, type CellValue, type WorkbookSnapshot } from "../snapshot";
import type { FigureRecord } from "./changes";

/** One roster unit as the last build saw it. */
export interface UnitState {
  unit: string;
  /** The confirmation entry, or null when unconfirmed. */
  confirmed: string | null;
  /** The build (ISO) that first saw this very entry: the confirmation is at least that old. */
  confirmedSince: string | null;
  /** The latest build (ISO) whose change log listed a figure of this unit. */
  lastChangedAt: string | null;
}

export interface BuildState {
  builtAt: string;
  /** The period built ("year", "6m", "q2" …): figures of another period are not compared. */
  period: string;
  years: number[];
  units: UnitState[];
  figures: FigureRecord[];
}

/**
 * Version 2 (compact): one row per unit; its figures as JSON in the row's cells from column C on,
 * cut into pieces under Excel's 32,767 characters a cell. Version 1 (a row of seven styled cells
 * per figure: 3.8 MB of sheet XML for 300 units) is still read, so a workbook built before keeps
 * its history.
 */
const FORMAT_VERSION = 2;
const ROWS = { builtAt: 1, years: 2, version: 3, header: 4 } as const;
const COLS = { kind: 0, unit: 1, sheet: 2, cell: 3, indicator: 4, year: 5, value: 6, confirmed: 7, confirmedSince: 8, lastChangedAt: 9 } as const;
/** Version 2's unit row: kind, unit, confirmed, confirmedSince, lastChangedAt, then the figures' pieces. */
const COLS2 = { kind: 0, unit: 1, confirmed: 2, confirmedSince: 3, lastChangedAt: 4, figures: 5 } as const;
const HEADER = ["kind", "unit", "confirmed", "confirmedSince", "lastChangedAt", "figures"];
/** Below Excel's 32,767 characters a cell (Excel specifications and limits). */
const PIECE = 32000;

/** A unit's figures, grouped by sheet: [[sheet, [[cell, indicator, year, value], …]], …]. */
type FigureGroups = [string, [string, string, number, number][]][];

function pieces(text: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length;) {
    let end = Math.min(i + PIECE, text.length);
    // Never between the two halves of a surrogate pair.
    if (end < text.length && /[\uD800-\uDBFF]/.test(text[end - 1])) end--;
    out.push(text.slice(i, end));
    i = end;
  }
  return out;
}

/** The state sheet's plan. Every text is written as text; numbers keep their full precision (JSON round-trips a double). */
export function renderState(state: BuildState, sheetName = OUTPUT_SHEETS.state()): SheetModel {
  const b = new SheetBuilder();
  // No per-cell style: nobody reads this hidden sheet, and every style attribute is bytes to write.
  const put = (r: number, c: number, value: string) => b.set(r, c, { value });
  put(0, 0, `Bloc Summary — số liệu của lần tổng hợp gần nhất, dùng cho "Nhật ký thay đổi". Không sửa sheet này. ${markerText("state")}`);
  put(ROWS.builtAt, 0, "builtAt");
  put(ROWS.builtAt, 1, state.builtAt);
  put(ROWS.builtAt, 2, state.period);
  put(ROWS.years, 0, "years");
  state.years.forEach((y, i) => b.set(ROWS.years, 1 + i, { value: y }));
  put(ROWS.version, 0, "version");
  b.set(ROWS.version, 1, { value: FORMAT_VERSION });
  HEADER.forEach((h, c) => put(ROWS.header, c, h));
  const byUnit = new Map<string, Map<string, [string, string, number, number][]>>();
  for (const f of state.figures) {
    let sheets = byUnit.get(f.unit);
    if (!sheets) byUnit.set(f.unit, (sheets = new Map()));
    let list = sheets.get(f.sheet);
    if (!list) sheets.set(f.sheet, (list = []));
    list.push([f.cell, f.indicator, f.year, f.value]);
  }
  const row = (r: number, kind: string, unit: string, u: UnitState | null) => {
    put(r, COLS2.kind, kind);
    put(r, COLS2.unit, unit);
    if (u?.confirmed != null) put(r, COLS2.confirmed, u.confirmed);
    if (u?.confirmedSince) put(r, COLS2.confirmedSince, u.confirmedSince);
    if (u?.lastChangedAt) put(r, COLS2.lastChangedAt, u.lastChangedAt);
    const sheets = byUnit.get(unit);
    if (!sheets) return;
    byUnit.delete(unit);
    const groups: FigureGroups = [...sheets];
    pieces(JSON.stringify(groups)).forEach((p, k) => put(r, COLS2.figures + k, p));
  };
  let r = ROWS.header + 1;
  for (const u of state.units) row(r++, "unit", u.unit, u);
  // Figures of a unit not on the roster (kept as before, where every figure had its own row).
  for (const unit of [...byUnit.keys()]) row(r++, "figures", unit, null);
  return {
    ...b.build(sheetName, "state", { columnWidths: [8, 10, 24, 26, 26, 40], print: { orientation: "landscape", fitToWidth: true }, charts: [] }),
    visibility: "hidden",
  };
}

const str = (v: CellValue): string => (typeof v === "string" ? v : typeof v === "number" ? String(v) : "");
const isIso = (s: string): boolean => s !== "" && !Number.isNaN(Date.parse(s));

/** The state an earlier build left, or null when there is none (or it is unreadable: then the log starts afresh). */
export function readState(wb: WorkbookSnapshot): BuildState | null {
  const marked = wb.sheets.filter((s) => generatedKind(s) === "state");
  const sheet = marked.find((s) => s.name === OUTPUT_SHEETS.state()) ?? marked[0];
  if (!sheet) return null;
  const at = (r: number, c: number) => cellAt(sheet, r, c);
  const version = at(ROWS.version, 1);
  if (version !== 1 && version !== FORMAT_VERSION) return null;
  const builtAt = str(at(ROWS.builtAt, 1));
  if (!isIso(builtAt)) return null;
  const years: number[] = [];
  for (let c = 1; typeof at(ROWS.years, c) === "number"; c++) years.push(at(ROWS.years, c) as number);
  const units: UnitState[] = [];
  const figures: FigureRecord[] = [];
  const end = sheetBounds(sheet).bottom;
  const unitState = (unit: string, confirmed: string, since: string, changed: string): UnitState => ({
    unit,
    confirmed: confirmed || null,
    confirmedSince: isIso(since) ? since : null,
    lastChangedAt: isIso(changed) ? changed : null,
  });
  for (let r = ROWS.header + 1; r < end; r++) {
    const kind = at(r, COLS.kind);
    const unit = str(at(r, COLS.unit));
    if (!unit) continue;
    if (version === 1) {
      if (kind === "unit") units.push(unitState(unit, str(at(r, COLS.confirmed)), str(at(r, COLS.confirmedSince)), str(at(r, COLS.lastChangedAt))));
      else if (kind === "figure") {
        const year = at(r, COLS.year);
        const value = at(r, COLS.value);
        const indicator = str(at(r, COLS.indicator));
        if (typeof year !== "number" || typeof value !== "number" || !indicator) continue;
        figures.push({ unit, sheet: str(at(r, COLS.sheet)), cell: str(at(r, COLS.cell)), indicator, year, value });
      }
      continue;
    }
    if (kind === "unit") units.push(unitState(unit, str(at(r, COLS2.confirmed)), str(at(r, COLS2.confirmedSince)), str(at(r, COLS2.lastChangedAt))));
    else if (kind !== "figures") continue;
    let text = "";
    for (let c = COLS2.figures; typeof at(r, c) === "string"; c++) text += at(r, c) as string;
    if (!text) continue;
    let groups: unknown;
    try {
      groups = JSON.parse(text);
    } catch {
      return null; // unreadable: the log starts afresh, as for any damaged state sheet
    }
    if (!Array.isArray(groups)) return null;
    for (const g of groups as unknown[]) {
      if (!Array.isArray(g) || typeof g[0] !== "string" || !Array.isArray(g[1])) return null;
      for (const f of g[1] as unknown[]) {
        if (!Array.isArray(f)) return null;
        const [cell, indicator, year, value] = f as unknown[];
        if (typeof cell !== "string" || typeof indicator !== "string" || !indicator || typeof year !== "number" || typeof value !== "number") continue;
        figures.push({ unit, sheet: g[0], cell, indicator, year, value });
      }
    }
  }
  return { builtAt, period: str(at(ROWS.builtAt, 2)) || "year", years, units, figures };
}
