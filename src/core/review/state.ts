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

const FORMAT_VERSION = 1;
const ROWS = { builtAt: 1, years: 2, version: 3, header: 4 } as const;
const COLS = { kind: 0, unit: 1, sheet: 2, cell: 3, indicator: 4, year: 5, value: 6, confirmed: 7, confirmedSince: 8, lastChangedAt: 9 } as const;
const HEADER = ["kind", "unit", "sheet", "cell", "indicator", "year", "value", "confirmed", "confirmedSince", "lastChangedAt"];

/** The state sheet's plan. Every text is written as text; numbers keep their full precision. */
export function renderState(state: BuildState, sheetName = OUTPUT_SHEETS.state()): SheetModel {
  const b = new SheetBuilder();
  b.text(0, 0, `Bloc Summary — số liệu của lần tổng hợp gần nhất, dùng cho "Nhật ký thay đổi". Không sửa sheet này. ${markerText("state")}`);
  b.text(ROWS.builtAt, 0, "builtAt");
  b.text(ROWS.builtAt, 1, state.builtAt);
  b.text(ROWS.builtAt, 2, state.period);
  b.text(ROWS.years, 0, "years");
  state.years.forEach((y, i) => b.set(ROWS.years, 1 + i, { value: y, format: "0" }));
  b.text(ROWS.version, 0, "version");
  b.set(ROWS.version, 1, { value: FORMAT_VERSION, format: "0" });
  HEADER.forEach((h, c) => b.text(ROWS.header, c, h, "header"));
  let r = ROWS.header + 1;
  for (const u of state.units) {
    b.text(r, COLS.kind, "unit");
    b.text(r, COLS.unit, u.unit);
    if (u.confirmed !== null) b.text(r, COLS.confirmed, u.confirmed);
    if (u.confirmedSince) b.text(r, COLS.confirmedSince, u.confirmedSince);
    if (u.lastChangedAt) b.text(r, COLS.lastChangedAt, u.lastChangedAt);
    r++;
  }
  for (const f of state.figures) {
    b.text(r, COLS.kind, "figure");
    b.text(r, COLS.unit, f.unit);
    b.text(r, COLS.sheet, f.sheet);
    b.text(r, COLS.cell, f.cell);
    b.text(r, COLS.indicator, f.indicator);
    b.set(r, COLS.year, { value: f.year, format: "0" });
    b.set(r, COLS.value, { value: f.value });
    r++;
  }
  return {
    ...b.build(sheetName, "state", { columnWidths: [8, 10, 16, 8, 10, 6, 14, 24, 26, 26], print: { orientation: "landscape", fitToWidth: true }, charts: [] }),
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
  if (at(ROWS.version, 1) !== FORMAT_VERSION) return null;
  const builtAt = str(at(ROWS.builtAt, 1));
  if (!isIso(builtAt)) return null;
  const years: number[] = [];
  for (let c = 1; typeof at(ROWS.years, c) === "number"; c++) years.push(at(ROWS.years, c) as number);
  const units: UnitState[] = [];
  const figures: FigureRecord[] = [];
  const end = sheetBounds(sheet).bottom;
  for (let r = ROWS.header + 1; r < end; r++) {
    const kind = at(r, COLS.kind);
    const unit = str(at(r, COLS.unit));
    if (!unit) continue;
    if (kind === "unit") {
      const confirmed = str(at(r, COLS.confirmed));
      const since = str(at(r, COLS.confirmedSince));
      const changed = str(at(r, COLS.lastChangedAt));
      units.push({ unit, confirmed: confirmed || null, confirmedSince: isIso(since) ? since : null, lastChangedAt: isIso(changed) ? changed : null });
    } else if (kind === "figure") {
      const year = at(r, COLS.year);
      const value = at(r, COLS.value);
      const indicator = str(at(r, COLS.indicator));
      if (typeof year !== "number" || typeof value !== "number" || !indicator) continue;
      figures.push({ unit, sheet: str(at(r, COLS.sheet)), cell: str(at(r, COLS.cell)), indicator, year, value });
    }
  }
  return { builtAt, period: str(at(ROWS.builtAt, 2)) || "year", years, units, figures };
}
