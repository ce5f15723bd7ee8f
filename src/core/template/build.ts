/**
 * The template of a new bloc workbook (issue "Templates for units"): the config sheet with every
 * key and the roster, one report sheet per unit with every catalog indicator, and the scoring
 * sheet. Labels come from the same tables the readers match against, so what the template writes
 * is what the engine reads back.
 */
import { a1, columnName, quoteSheet } from "../a1";
import { DEFAULT_CATALOG, RELATIONS, type Indicator } from "../catalog";
import type { Lang } from "../i18n/format";
import { configKeyLabel, indicatorPrompt, sectionOf, templateText, type TemplateText } from "../i18n/template";
import type { ConfigKey } from "../model";
import { CONFIG_KEYS } from "../read/config";
import { SheetBuilder } from "../sheet/builder";
import { EXCEL_LIMITS, type Cell, type CellValidation, type PrintSetup, type SheetProtection, type SheetModel } from "../sheet/model";
import { FORMATS, indicatorFormat } from "../sheet/styles";
import type { TemplatePlan } from "./model";
import type { TemplateUnit } from "./unit";

export interface TemplateOptions {
  lang: Lang;
  year: number;
  /** Defaults to year − 1 (written as a formula on the config sheet, so it follows the year). */
  compareYear?: number;
  bloc?: string;
  units: readonly TemplateUnit[];
  catalog?: readonly Indicator[];
}

/** Sheets are protected against slips only: no password, columns and rows may be resized. */
export const TEMPLATE_PROTECTION: SheetProtection = {
  allowFormatColumns: true,
  allowFormatRows: true,
  allowFormatCells: false,
  allowInsertRows: false,
  allowSelectLocked: true,
  allowSelectUnlocked: true,
};

/** Unlocked blank rows under the roster, so units can be added without unprotecting the sheet. */
export const SPARE_ROSTER_ROWS = 20;

/** Where things are on a template's sheets (0-based), for hosts and tests. */
export const CONFIG_LAYOUT = { titleRow: 0, hintRow: 1, firstKeyRow: 3, labelCol: 0, valueCol: 1 } as const;
export const UNIT_LAYOUT = { headerRow: 4, cols: { stt: 0, code: 1, name: 2, uom: 3, year: 4, compareYear: 5, note: 6 } } as const;
export const SCORING_LAYOUT = { headerRow: 3, maxRow: 4, codeCol: 0, nameCol: 1, firstCriterionCol: 2 } as const;

const CONFIG_ORDER = Object.keys(CONFIG_KEYS) as ConfigKey[];

function clip(s: string, n: number): string {
  return s.length <= n ? s : s.slice(0, n - 1) + "…";
}

function prompt(title: string, message: string): CellValidation["prompt"] {
  return { title: clip(title, EXCEL_LIMITS.promptTitle), message: clip(message, EXCEL_LIMITS.promptMessage) };
}

/** Forms print one page wide. */
function formPrint(orientation: PrintSetup["orientation"]): PrintSetup {
  return { orientation, fitToWidth: true };
}

/** Three placeholder units (DV1 "Đơn vị 1" …) when none are given. */
export function defaultUnits(lang: Lang): TemplateUnit[] {
  return [1, 2, 3].map((n) => ({ code: `DV${n}`, name: templateText(lang).placeholderName(n) }));
}

// ——— Validations ———————————————————————————————————————————————————————————————

function countValidation(T: TemplateText, title: string, message: string): CellValidation {
  return { rule: { type: "whole", min: 0 }, prompt: prompt(title, message), error: { title: T.badNumberTitle, message: T.error.count } };
}

function decimalValidation(T: TemplateText, title: string, message: string): CellValidation {
  return { rule: { type: "decimal", min: 0 }, prompt: prompt(title, message), error: { title: T.badNumberTitle, message: T.error.decimal } };
}

function yearValidation(T: TemplateText, title: string): CellValidation {
  return { rule: { type: "whole", min: 1900, max: 2200 }, prompt: prompt(title, T.prompt.year), error: { title: T.badNumberTitle, message: T.error.year } };
}

/** The value cell's validation of an indicator: whole ≥ 0 for counts, decimal ≥ 0 otherwise. */
export function indicatorValidation(ind: Indicator, year: number, lang: Lang, catalog: readonly Indicator[] = DEFAULT_CATALOG): CellValidation {
  const T = templateText(lang);
  const unit = lang === "vi" ? ind.unit : ind.unitEn || ind.unit;
  const codes = new Set(catalog.map((i) => i.code));
  const relation = RELATIONS.filter((r) => r.left === ind.code && codes.has(r.right))
    .map((r) => T.prompt.relation(r.op, r.right))
    .join("; ");
  const title = `${ind.code} — ${T.yearHeader(year)}`;
  const message = indicatorPrompt(lang, { code: ind.code, unit, kind: ind.kind, required: ind.required }, relation);
  return ind.kind === "integer" ? countValidation(T, title, message) : decimalValidation(T, title, message);
}

// ——— Config sheet ————————————————————————————————————————————————————————————————

function configValueCell(key: ConfigKey, opts: TemplateOptions, yearRow: number): Cell {
  const T = templateText(opts.lang);
  const title = configKeyLabel(key, opts.lang);
  const text = (value: string | null): Cell => ({
    value: value || null,
    style: "inputText",
    locked: false,
    validation: { rule: { type: "any" }, prompt: prompt(title, T.keyNotes[key]) },
  });
  switch (key) {
    case "bloc":
      return text(opts.bloc ?? "");
    case "year":
      return { value: opts.year, format: FORMATS.year, style: "input", locked: false, validation: yearValidation(T, title) };
    case "compareYear": {
      const cmp = opts.compareYear ?? opts.year - 1;
      const cell: Cell = { value: cmp, format: FORMATS.year, style: "input", locked: false, validation: yearValidation(T, title) };
      // Follows the report year unless a bloc asks for another year.
      if (cmp === opts.year - 1) return { ...cell, formula: `${a1(yearRow, CONFIG_LAYOUT.valueCol)}-1`, style: "formula" };
      return cell;
    }
    case "flagQuota":
    case "meritQuota":
      return { value: 1, format: FORMATS.year, style: "input", locked: false, validation: countValidation(T, title, T.prompt.quota) };
    case "flagThreshold":
    case "meritThreshold":
      return { value: null, style: "input", locked: false, validation: decimalValidation(T, title, T.prompt.threshold) };
    case "requireConfirmation":
      return text(T.requireNo);
    default:
      return text("");
  }
}

/** The roster's "Xác nhận" cell: free text (who and when, or "x"), with its input prompt. */
function confirmationCell(lang: Lang): Cell {
  const T = templateText(lang);
  return { value: null, style: "inputText", locked: false, validation: { rule: { type: "any" }, prompt: prompt(T.confirmPrompt.title, T.confirmPrompt.message) } };
}

/** A roster row: code, name, sheet and confirmation, all editable. */
export function rosterRow(unit: TemplateUnit, lang: Lang = "vi"): Cell[] {
  return [
    { value: unit.code, style: "inputText", locked: false },
    { value: unit.name || null, style: "inputText", locked: false },
    { value: unit.sheetName ?? unit.code, style: "inputText", locked: false },
    confirmationCell(lang),
  ];
}

export function configSheetTemplate(opts: TemplateOptions): SheetModel {
  const T = templateText(opts.lang);
  const g = new SheetBuilder();
  const { labelCol, valueCol, firstKeyRow } = CONFIG_LAYOUT;
  g.title(CONFIG_LAYOUT.titleRow, 0, 3, T.configTitle, "formTitle", 24);
  g.title(CONFIG_LAYOUT.hintRow, 0, 3, T.configHint, "hint", 45);
  const yearRow = firstKeyRow + CONFIG_ORDER.indexOf("year");
  CONFIG_ORDER.forEach((key, i) => {
    const r = firstKeyRow + i;
    g.set(r, labelCol, { value: configKeyLabel(key, opts.lang), style: "labelBold", note: T.keyNotes[key] });
    g.set(r, valueCol, configValueCell(key, opts, yearRow));
    // Nothing to the right of a value: the reader takes the next non-blank cell as the value.
  });
  const titleRow = firstKeyRow + CONFIG_ORDER.length + 1;
  g.title(titleRow, 0, 3, T.rosterTitle, "formSubtitle");
  const headerRow = titleRow + 1;
  T.rosterHeader.forEach((h, c) => g.set(headerRow, c, { value: h, style: "header", ...(c === 0 ? { note: T.rosterNote } : {}) }));
  opts.units.forEach((u, i) => rosterRow(u, opts.lang).forEach((cell, c) => g.set(headerRow + 1 + i, c, cell)));
  for (let i = 0; i < SPARE_ROSTER_ROWS; i++) {
    const r = headerRow + 1 + opts.units.length + i;
    for (let c = 0; c < 3; c++) g.set(r, c, { locked: false });
    g.set(r, 3, confirmationCell(opts.lang));
  }
  return g.build(T.configSheet, "config", { columnWidths: [30, 62, 18, 30], print: formPrint("portrait"), charts: [], protection: TEMPLATE_PROTECTION, tabColor: "FFC000" });
}

/** Row (0-based) of the roster header on the template's config sheet. */
export function rosterHeaderRow(): number {
  return CONFIG_LAYOUT.firstKeyRow + CONFIG_ORDER.length + 2;
}

// ——— Unit sheets —————————————————————————————————————————————————————————————————

/** One unit's report sheet: header STT | Mã | Chỉ tiêu | Đơn vị tính | Năm y | Năm y−1 | Ghi chú. */
export function unitSheetTemplate(unit: TemplateUnit, year: number, catalog: readonly Indicator[], lang: Lang, compareYear = year - 1): SheetModel {
  const T = templateText(lang);
  const g = new SheetBuilder();
  const C = UNIT_LAYOUT.cols;
  const width = 7;
  g.title(0, 0, width, T.unitTitle(unit.name || unit.code), "formTitle", 22);
  g.title(1, 0, width, T.unitSubtitle(year), "formSubtitle", 34);
  g.title(2, 0, width, T.unitHint, "hint", 30);
  const h = UNIT_LAYOUT.headerRow;
  const H = T.unitHeader;
  const header: [number, string | number][] = [
    [C.stt, H.stt],
    [C.code, H.code],
    [C.name, H.name],
    [C.uom, H.uom],
    [C.year, T.yearHeader(year)],
    [C.compareYear, T.yearHeader(compareYear)],
    [C.note, H.note],
  ];
  for (const [c, v] of header) g.set(h, c, { value: v, style: "header" });
  g.rowHeights[h] = 30;
  let r = h + 1;
  let lastSection: string | null = null;
  catalog.forEach((ind, i) => {
    const section = sectionOf(ind.code, lang);
    if (section && section !== lastSection) {
      for (let c = 0; c < width; c++) g.set(r, c, { value: c === C.name ? section : null, style: "section" });
      r++;
    }
    lastSection = section ?? lastSection;
    const label = ind.required ? "labelBold" : "label";
    g.set(r, C.stt, { value: i + 1, style: "label" });
    g.set(r, C.code, { value: ind.code, style: label });
    g.set(r, C.name, { value: lang === "vi" ? ind.name : ind.nameEn || ind.name, style: label });
    g.set(r, C.uom, { value: lang === "vi" ? ind.unit : ind.unitEn || ind.unit, style: "label" });
    for (const [c, y] of [
      [C.year, year],
      [C.compareYear, compareYear],
    ] as const) {
      g.set(r, c, { value: null, format: indicatorFormat(ind), style: "input", locked: false, validation: indicatorValidation(ind, y, lang, catalog) });
    }
    g.set(r, C.note, { value: null, style: "inputText", locked: false });
    r++;
  });
  return g.build(unit.sheetName ?? unit.code, "unit", {
    columnWidths: [6, 9, 52, 13, 16, 16, 30],
    freeze: { rows: h + 1, cols: 0 },
    print: formPrint("portrait"),
    charts: [],
    protection: TEMPLATE_PROTECTION,
  });
}

// ——— Scoring sheet ———————————————————————————————————————————————————————————————

/** The formula showing a roster cell on another sheet ("" when the roster cell is blank). */
function rosterRef(configSheet: string, row: number, col: number): string {
  return `${quoteSheet(configSheet)}!${a1(row, col)}&""`;
}

export interface ScoringColumns {
  /** The "Điểm tối đa" row (0-based): each criterion's score is bounded by its cell there. */
  maxRow: number;
  code: number;
  name?: number;
  criteria: { col: number; name: string }[];
  bonus?: number;
  penalty?: number;
  flagVotes?: number;
  meritVotes?: number;
}

/** Where a unit stands on the roster (0-based), for the scoring row's formulas. */
export interface RosterPlace {
  sheet: string;
  row: number;
  codeCol: number;
  nameCol: number;
}

/** A scoring row: code and name shown from the roster row, then empty score, bonus and vote cells. */
export function scoringRow(lang: Lang, roster: RosterPlace, unit: TemplateUnit, cols: ScoringColumns, width: number): Cell[] {
  const T = templateText(lang);
  const cells: Cell[] = [];
  cells[cols.code] = { value: unit.code, formula: rosterRef(roster.sheet, roster.row, roster.codeCol), style: "label" };
  if (cols.name !== undefined) cells[cols.name] = { value: unit.name, formula: rosterRef(roster.sheet, roster.row, roster.nameCol), style: "label" };
  const H = T.scoringHeader;
  for (const { col, name } of cols.criteria) {
    const max = { ref: `$${columnName(col)}$${cols.maxRow + 1}` };
    cells[col] = {
      value: null,
      style: "input",
      locked: false,
      validation: { rule: { type: "decimal", min: 0, max }, prompt: prompt(`${unit.code} — ${name}`, T.prompt.score), error: { title: T.badNumberTitle, message: T.error.score } },
    };
  }
  const put = (c: number | undefined, v: CellValidation) => {
    if (c !== undefined) cells[c] = { value: null, style: "input", locked: false, validation: v };
  };
  put(cols.bonus, decimalValidation(T, H.bonus, T.prompt.bonus));
  put(cols.penalty, decimalValidation(T, H.penalty, T.prompt.penalty));
  put(cols.flagVotes, countValidation(T, H.flagVotes, T.prompt.votes));
  put(cols.meritVotes, countValidation(T, H.meritVotes, T.prompt.votes));
  for (let c = 0; c < width; c++) cells[c] ??= { style: "label" };
  return cells;
}

export function scoringSheetTemplate(opts: TemplateOptions, configSheet: string, firstRosterRow: number): SheetModel {
  const T = templateText(opts.lang);
  const g = new SheetBuilder();
  const n = T.criteria.length;
  const first = SCORING_LAYOUT.firstCriterionCol;
  const cols: ScoringColumns = {
    maxRow: SCORING_LAYOUT.maxRow,
    code: SCORING_LAYOUT.codeCol,
    name: SCORING_LAYOUT.nameCol,
    criteria: T.criteria.map(([name], i) => ({ col: first + i, name })),
    bonus: first + n,
    penalty: first + n + 1,
    flagVotes: first + n + 2,
    meritVotes: first + n + 3,
  };
  const width = first + n + 4;
  g.title(0, 0, width, T.scoringTitle(opts.year), "formTitle", 22);
  g.title(1, 0, width, T.scoringHint, "hint", 30);
  const h = SCORING_LAYOUT.headerRow;
  const H = T.scoringHeader;
  g.set(h, SCORING_LAYOUT.codeCol, { value: H.code, style: "header" });
  g.set(h, SCORING_LAYOUT.nameCol, { value: H.name, style: "header" });
  T.criteria.forEach(([name], i) => g.set(h, cols.criteria[i].col, { value: name, style: "header", locked: false, ...(i === 0 ? { note: T.criterionNote } : {}) }));
  g.set(h, first + n, { value: H.bonus, style: "header" });
  g.set(h, first + n + 1, { value: H.penalty, style: "header" });
  g.set(h, first + n + 2, { value: H.flagVotes, style: "header" });
  g.set(h, first + n + 3, { value: H.meritVotes, style: "header" });
  g.rowHeights[h] = 48;
  const m = SCORING_LAYOUT.maxRow;
  for (let c = 0; c < width; c++) g.set(m, c, { style: "labelBold" });
  g.set(m, SCORING_LAYOUT.codeCol, { value: T.maxRow, style: "labelBold" });
  T.criteria.forEach(([name, max], i) => g.set(m, cols.criteria[i].col, { value: max, style: "input", locked: false, validation: decimalValidation(T, name, T.prompt.maxScore) }));
  opts.units.forEach((u, i) => {
    const r = m + 1 + i;
    scoringRow(opts.lang, { sheet: configSheet, row: firstRosterRow + i, codeCol: 0, nameCol: 1 }, u, cols, width).forEach((cell, c) => g.set(r, c, cell));
  });
  return g.build(T.scoringSheet, "scoring", {
    columnWidths: [12, 36, ...T.criteria.map(() => 14), 11, 11, 11, 11],
    freeze: { rows: h + 2, cols: 2 },
    print: formPrint("landscape"),
    charts: [],
    protection: TEMPLATE_PROTECTION,
    tabColor: "70AD47",
  });
}

// ——— The whole workbook ——————————————————————————————————————————————————————————

export function templatePlan(opts: TemplateOptions): TemplatePlan {
  const catalog = opts.catalog ?? DEFAULT_CATALOG;
  const config = configSheetTemplate(opts);
  const units = opts.units.map((u) => unitSheetTemplate(u, opts.year, catalog, opts.lang, opts.compareYear ?? opts.year - 1));
  const scoring = scoringSheetTemplate(opts, config.name, rosterHeaderRow() + 1);
  return { lang: opts.lang, sheets: [config, ...units, scoring], activate: config.name };
}
