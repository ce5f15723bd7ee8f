/**
 * "Nhật ký thay đổi" (change log): one row per figure that changed between two builds, newest
 * first. Each build writes the sheet whole, but the rows of earlier builds are carried from the
 * snapshot exactly as they stand (a reviewer's note in the last column included): never rewritten.
 */
import type { Lang } from "../i18n/format";
import { labels } from "../i18n/labels";
import { OUTPUT_SHEETS } from "../outputSheets";
import type { Catalog } from "../model";
import type { Cell, SheetModel } from "../sheet/model";
import { SheetBuilder } from "../sheet/builder";
import { FORMATS, indicatorFormat } from "../sheet/styles";
import { generatedKind, markerText } from "../marker";
import { cellAt, formatAt, isCellError, sheetBounds, type SheetSnapshot, type WorkbookSnapshot } from "../snapshot";
import type { FigureChange } from "./changes";

/** Columns of the log's table; the header row is fixed so the next build finds the old rows. */
export const CHANGE_LOG_COLUMNS = { builtAt: 0, unit: 1, sheet: 2, cell: 3, indicatorCode: 4, indicator: 5, year: 6, before: 7, after: 8, review: 9 } as const;
const WIDTH = 10;
const HEADER_ROW = 3;

export interface ChangeLogInput {
  bloc: string;
  changes: readonly FigureChange[];
  catalog: Catalog;
  lang: Lang;
  /** This build's time as people read it ("26/11/2026 19:05 (UTC+07:00)"). */
  builtAt: string;
  /** The previous build's time, as people read it. */
  previousBuiltAt: string;
  /** The earlier log's rows, carried as they are. */
  carried: readonly (Cell | undefined)[][];
  existingSheets: ReadonlySet<string>;
  sheetName: string;
}

/** The earlier change log's rows (below its header), cell for cell; [] when there is none. */
export function carriedChangeRows(wb: WorkbookSnapshot, existingSheets: ReadonlySet<string>): (Cell | undefined)[][] {
  const logs = wb.sheets.filter((s) => generatedKind(s) === "changes");
  const sheet: SheetSnapshot | undefined = logs.find((s) => s.name === OUTPUT_SHEETS.changeLog()) ?? logs[0];
  if (!sheet) return [];
  const C = CHANGE_LOG_COLUMNS;
  const rows: (Cell | undefined)[][] = [];
  for (let r = HEADER_ROW + 1; r < sheetBounds(sheet).bottom; r++) {
    const line: (Cell | undefined)[] = [];
    let any = false;
    for (let c = 0; c < WIDTH; c++) {
      const v = cellAt(sheet, r, c);
      if (v === null || isCellError(v) || v === "") continue;
      any = true;
      const format = formatAt(sheet, r, c);
      line[c] = { value: v, ...(format !== "General" ? { format } : {}), style: c === C.review ? "review" : typeof v === "number" ? "number" : "text" };
    }
    if (!any) continue;
    // The cell keeps its link while its sheet exists (the snapshot has the text, not the link).
    const sheetName = cellAt(sheet, r, C.sheet);
    const cell = line[C.cell];
    if (cell && typeof sheetName === "string" && existingSheets.has(sheetName) && typeof cell.value === "string") {
      line[C.cell] = { value: cell.value, style: "link", link: { sheet: sheetName, cell: cell.value } };
    }
    rows.push(line);
  }
  return rows;
}

export function renderChangeLog(input: ChangeLogInput): SheetModel {
  const L = labels(input.lang);
  const C = CHANGE_LOG_COLUMNS;
  const b = new SheetBuilder();
  b.title(0, 0, WIDTH, L.changeLogTitle(input.bloc), "title");
  b.title(1, 0, WIDTH, `${L.generatedNote(input.builtAt)} ${markerText("changes")}`, "marker");
  b.title(2, 0, WIDTH, L.changeLogStatus(input.changes.length, input.builtAt, input.previousBuiltAt), input.changes.length ? "warning" : "subtitle");
  L.changeLogHeader.forEach((t, c) => b.text(HEADER_ROW, c, t, "header"));
  let r = HEADER_ROW + 1;
  const missing = L.changeLogMissing;
  for (const ch of input.changes) {
    const ind = input.catalog.byCode.get(ch.indicator.toUpperCase());
    const format = ind ? indicatorFormat(ind) : FORMATS.number;
    const figure = (v: number | null): Cell => (v === null ? { value: missing, style: "text" } : { value: v, format, style: "number" });
    b.text(r, C.builtAt, input.builtAt);
    b.text(r, C.unit, ch.unit);
    b.text(r, C.sheet, ch.sheet);
    b.set(r, C.cell, input.existingSheets.has(ch.sheet) ? { value: ch.cell, style: "link", link: { sheet: ch.sheet, cell: ch.cell } } : { value: ch.cell, style: "text" });
    b.text(r, C.indicatorCode, ch.indicator);
    b.text(r, C.indicator, ind ? (input.lang === "vi" ? ind.name : ind.nameEn) : ch.indicator);
    b.set(r, C.year, { value: ch.year, format: "0", style: "text" });
    b.set(r, C.before, figure(ch.before));
    b.set(r, C.after, figure(ch.after));
    b.set(r, C.review, { style: "review" });
    r++;
  }
  for (const line of input.carried) {
    line.forEach((cell, c) => cell && b.set(r, c, cell));
    r++;
  }
  return b.build(input.sheetName, "changes", {
    columnWidths: [24, 10, 16, 8, 10, 44, 7, 14, 14, 30],
    freeze: { rows: HEADER_ROW + 1, cols: 0 },
    print: { orientation: "landscape", fitToWidth: true },
    charts: [],
    tabColor: "7030A0",
  });
}
