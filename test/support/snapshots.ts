/**
 * Builders of test workbooks (WorkbookSnapshot) for the core engine.
 *
 * A `BlocBuilder` describes a bloc: a config sheet (Vietnamese, unaccented or English keys, a
 * roster, an optional indicator table) and one report sheet per unit, laid out however a test
 * needs (title rows, merged titles, blank rows, an STT column, years in any order and label form,
 * rows by code or by name only, a two-row header, section headings, extra columns …).
 *
 * Every unit reports every catalog indicator with valid, seeded pseudo-random values that satisfy
 * the relations of SPEC §3.4 and never change tenfold between years, so a clean build has no
 * issue at all, and a test injects exactly the defect it is about with `set` / `setCell`.
 * `address(unit, indicator, year)` gives the A1 address of a figure, wherever the layout put it.
 */
import { DEFAULT_CATALOG, type Indicator } from "../../src/core/catalog";
import { sheetFromRows, type CellValue, type SheetSnapshot, type WorkbookSnapshot } from "../../src/core/snapshot";

// ---------------------------------------------------------------------------------------------
// A1 addressing, written here independently of the engine's own a1.ts.

export function colName(col: number): string {
  let n = col + 1;
  let s = "";
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function addr(row: number, col: number): string {
  return `${colName(col)}${row + 1}`;
}

export function parseAddr(ref: string): { row: number; col: number } {
  const m = /^([A-Z]+)(\d+)$/.exec(ref);
  if (!m) throw new Error(`bad address ${ref}`);
  let col = 0;
  for (const ch of m[1]) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]) - 1, col: col - 1 };
}

/** Vietnamese text without diacritics, case kept ("Số cuộc" → "So cuoc"). */
export function unaccent(s: string): string {
  return s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D");
}

// ---------------------------------------------------------------------------------------------
// Seeded values.

export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * One unit's figures for one year. Ranges keep max/min below 10 so two independent years never
 * look like a tenfold change, and the relations TT02 ≤ TT01, TCD02 ≥ TCD01, TCD03 ≤ TCD01,
 * XLD02 ≤ XLD01 hold. Money (TT03) is in tỷ đồng with two decimals and at least 1000, so its
 * Vietnamese text form has both a thousands dot and a decimal comma.
 */
export function validYearValues(rand: () => number, catalog: readonly Indicator[] = DEFAULT_CATALOG): Record<string, number> {
  const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
  const v: Record<string, number> = {};
  v.TT01 = int(20, 80);
  v.TT02 = int(Math.ceil(v.TT01 / 2), v.TT01);
  v.TT03 = Math.round((1000 + rand() * 2000) * 100) / 100;
  v.TT04 = int(1, 9);
  v.TT05 = int(5, 45);
  v.TT06 = int(1, 9);
  v.TCD01 = int(100, 600);
  v.TCD02 = int(v.TCD01, v.TCD01 + 200);
  v.TCD03 = int(1, 9);
  v.XLD01 = int(1000, 5000);
  v.XLD02 = int(Math.ceil(v.XLD01 * 0.6), Math.floor(v.XLD01 * 0.9));
  v.GQ01 = int(5, 40);
  v.PCTN01 = int(10, 90);
  for (const ind of catalog) if (!(ind.code in v)) v[ind.code] = int(10, 90);
  return v;
}

// ---------------------------------------------------------------------------------------------
// Units, labels.

export interface UnitDef {
  code: string;
  name: string;
  /** The sheet the roster names; the code when absent. */
  sheet?: string;
}

export const UNITS: readonly UnitDef[] = [
  { code: "BCA", name: "Thanh tra Bộ Công an" },
  { code: "BTP", name: "Thanh tra Bộ Tư pháp" },
  { code: "BQP", name: "Thanh tra Bộ Quốc phòng" },
  { code: "BNV", name: "Thanh tra Bộ Nội vụ" },
];

export type LabelStyle = "vi" | "ascii" | "en";

const HEADER_LABELS: Record<LabelStyle, { stt: string; code: string; name: string; uom: string; note: string; figures: string }> = {
  vi: { stt: "STT", code: "Mã", name: "Chỉ tiêu", uom: "Đơn vị tính", note: "Ghi chú", figures: "Số liệu" },
  ascii: { stt: "STT", code: "Ma", name: "Chi tieu", uom: "Don vi tinh", note: "Ghi chu", figures: "So lieu" },
  en: { stt: "No.", code: "Code", name: "Indicator", uom: "Unit", note: "Note", figures: "Figures" },
};

const SECTIONS: Record<LabelStyle, Record<string, string>> = {
  vi: {
    TT: "I. CÔNG TÁC THANH TRA",
    TCD: "II. CÔNG TÁC TIẾP CÔNG DÂN",
    XLD: "III. CÔNG TÁC XỬ LÝ ĐƠN",
    GQ: "IV. GIẢI QUYẾT KHIẾU NẠI, TỐ CÁO",
    PCTN: "V. PHÒNG, CHỐNG THAM NHŨNG",
  },
  ascii: {
    TT: "I. CONG TAC THANH TRA",
    TCD: "II. CONG TAC TIEP CONG DAN",
    XLD: "III. CONG TAC XU LY DON",
    GQ: "IV. GIAI QUYET KHIEU NAI, TO CAO",
    PCTN: "V. PHONG, CHONG THAM NHUNG",
  },
  en: { TT: "I. INSPECTION WORK", TCD: "II. RECEIVING CITIZENS", XLD: "III. HANDLING PETITIONS", GQ: "IV. SETTLING COMPLAINTS AND DENUNCIATIONS", PCTN: "V. ANTI-CORRUPTION" },
};
const ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII"];

function sectionOf(code: string): string {
  return code.replace(/\d+$/, "");
}

export function indicatorName(ind: Indicator, style: LabelStyle): string {
  return style === "en" ? ind.nameEn : style === "ascii" ? unaccent(ind.name) : ind.name;
}

export function indicatorUnit(ind: Indicator, style: LabelStyle): string {
  return style === "en" ? ind.unitEn : style === "ascii" ? unaccent(ind.unit) : ind.unit;
}

// ---------------------------------------------------------------------------------------------
// Config sheet.

export type ConfigField =
  | "bloc"
  | "year"
  | "compareYear"
  | "leader"
  | "deputy"
  | "theme"
  | "basis"
  | "flagQuota"
  | "meritQuota"
  | "flagThreshold"
  | "meritThreshold"
  | "nextLeader"
  | "nextDeputy"
  | "place"
  | "signer"
  | "signerTitle";

export const CONFIG_FIELDS: readonly ConfigField[] = [
  "bloc",
  "year",
  "compareYear",
  "leader",
  "deputy",
  "theme",
  "basis",
  "flagQuota",
  "meritQuota",
  "flagThreshold",
  "meritThreshold",
  "nextLeader",
  "nextDeputy",
  "place",
  "signer",
  "signerTitle",
];

export const CONFIG_KEY_LABELS: Record<LabelStyle, Record<ConfigField, string>> = {
  vi: {
    bloc: "Khối thi đua",
    year: "Năm báo cáo",
    compareYear: "Năm so sánh",
    leader: "Khối trưởng",
    deputy: "Khối phó",
    theme: "Chủ đề thi đua",
    basis: "Căn cứ",
    flagQuota: "Số Cờ thi đua",
    meritQuota: "Số Bằng khen",
    flagThreshold: "Điểm sàn Cờ",
    meritThreshold: "Điểm sàn Bằng khen",
    nextLeader: "Khối trưởng năm sau",
    nextDeputy: "Khối phó năm sau",
    place: "Địa danh",
    signer: "Người ký",
    signerTitle: "Chức vụ",
  },
  ascii: {} as Record<ConfigField, string>,
  en: {
    bloc: "Bloc",
    year: "Report year",
    compareYear: "Compare year",
    leader: "Leader",
    deputy: "Deputy",
    theme: "Theme",
    basis: "Basis",
    flagQuota: "Flag quota",
    meritQuota: "Merit quota",
    flagThreshold: "Flag threshold",
    meritThreshold: "Merit threshold",
    nextLeader: "Next leader",
    nextDeputy: "Next deputy",
    place: "Place",
    signer: "Signer",
    signerTitle: "Title",
  },
};
for (const f of CONFIG_FIELDS) CONFIG_KEY_LABELS.ascii[f] = unaccent(CONFIG_KEY_LABELS.vi[f]);

const ROSTER_LABELS: Record<LabelStyle, [string, string, string]> = {
  vi: ["Mã", "Tên đơn vị", "Tên sheet"],
  ascii: ["Ma", "Ten don vi", "Ten sheet"],
  en: ["Code", "Unit name", "Sheet"],
};

const INDICATOR_TABLE_LABELS: Record<LabelStyle, string[]> = {
  vi: ["Mã chỉ tiêu", "Chỉ tiêu", "Đơn vị tính", "Kiểu", "Bắt buộc"],
  ascii: ["Ma chi tieu", "Chi tieu", "Don vi tinh", "Kieu", "Bat buoc"],
  en: ["Indicator code", "Indicator", "Unit of measure", "Kind", "Required"],
};

export interface RosterRow {
  code: CellValue;
  name: CellValue;
  sheet?: CellValue;
}

export interface ConfigOptions {
  /** Default "Cấu hình" ("Config" for English keys). */
  sheetName?: string;
  keys?: LabelStyle;
  titleRows?: string[];
  /** Values by key: a value replaces the default; null leaves the key row out. */
  values?: Partial<Record<ConfigField, CellValue>>;
  /** Roster rows; default one row per unit. */
  roster?: RosterRow[];
  /** Write the "Tên sheet" column (default true). */
  rosterSheetColumn?: boolean;
  /** Rows of the indicator table (code, name, unit, kind, required), written under its header. */
  indicatorTable?: CellValue[][];
  /** Blank columns left of the keys. */
  left?: number;
  /** Rewrite each key label ("Năm báo cáo" → "Năm báo cáo:", upper case …). */
  keyLabel?: (label: string) => string;
  /** Roster header labels in place of the style's. */
  rosterHeader?: [string, string, string];
}

// ---------------------------------------------------------------------------------------------
// Unit sheets.

export interface ExtraRow {
  code?: CellValue;
  name?: CellValue;
  uom?: CellValue;
  values?: Record<number, CellValue>;
}

export interface UnitSheetOptions {
  /** The sheet name; default the roster's sheet (the unit code). */
  sheet?: string;
  labels?: LabelStyle;
  /** Header labels in place of the style's ("ĐVT", "Nội dung", "TT" …). */
  headerLabels?: Partial<Record<"stt" | "code" | "name" | "uom" | "note" | "figures", string>>;
  /** Rows above the header, one text each (in the first column). */
  titleRows?: string[];
  /** Merge each title row across the table's width. */
  mergeTitles?: boolean;
  /** Blank rows between the titles and the header. */
  blankRows?: number;
  /** A blank row between indicator rows after every group. */
  blankBetweenSections?: boolean;
  stt?: boolean;
  codeColumn?: boolean;
  nameColumn?: boolean;
  uomColumn?: boolean;
  noteColumn?: boolean;
  /** Headers of extra columns written right of the note column. */
  extraColumns?: string[];
  /** Headers of extra columns written between the unit of measure and the years. */
  extraColumnsBeforeYears?: string[];
  /** Year columns in this order; default [year, compareYear]. */
  years?: number[];
  /** A year header; default the number itself. */
  yearLabel?: (year: number, isReportYear: boolean) => CellValue;
  /** Labels on one row, years on the row below. */
  twoRowHeader?: boolean;
  /** A heading row ("I. CÔNG TÁC THANH TRA") before each group of indicators, without values. */
  sections?: boolean;
  /** List markers before names: "1. ", "2. " … */
  markers?: boolean;
  /** Indicators to write, in this order; default the whole catalog. */
  indicators?: string[];
  /** Rows after the indicators. */
  extraRows?: ExtraRow[];
  /** Rows between the header and the first indicator, cell by cell from the first column ("(1) (2) (3) …"). */
  rowsUnderHeader?: CellValue[][];
  /** Rows written after everything else, cell by cell from the first column (a signature block …). */
  footerRows?: CellValue[][];
  /** A unit of measure per indicator code, in place of the catalog's. */
  uom?: Record<string, CellValue>;
  /** 0-based top-left of the used range. */
  top?: number;
  left?: number;
}

export interface UnitSheetLayout {
  sheet: string;
  top: number;
  left: number;
  /** Absolute 0-based rows: the label row and the row of the year headers (equal unless two rows). */
  labelRow: number;
  yearRow: number;
  cols: { stt?: number; code?: number; name?: number; uom?: number; note?: number; extras: number[] };
  yearCols: Map<number, number>;
  /** indicator code → absolute row. */
  rows: Map<string, number>;
  /** Absolute rows of ExtraRow entries, in order. */
  extraRows: number[];
  /** Absolute rows of section headings. */
  sectionRows: number[];
  width: number;
}

interface CellOverride {
  value: CellValue;
  formula?: string | null;
  format?: string;
}

type Grid = { values: CellValue[][]; formulas: (string | null)[][]; formats: string[][] };

function put(grid: Grid, r: number, c: number, o: CellOverride): void {
  while (grid.values.length <= r) {
    grid.values.push([]);
    grid.formulas.push([]);
    grid.formats.push([]);
  }
  grid.values[r][c] = o.value;
  if (o.formula !== undefined) grid.formulas[r][c] = o.formula;
  if (o.format !== undefined) grid.formats[r][c] = o.format;
}

function toSheet(name: string, grid: Grid, top: number, left: number, merges: string[]): SheetSnapshot {
  const width = grid.values.reduce((m, r) => Math.max(m, r.length), 0);
  const fill = <T>(rows: T[][], blank: T) => rows.map((r) => Array.from({ length: width }, (_, i) => (r[i] === undefined ? blank : r[i])));
  return sheetFromRows(name, fill(grid.values, null), { formulas: fill(grid.formulas, null), numberFormats: fill(grid.formats, "General"), merges, top, left });
}

// ---------------------------------------------------------------------------------------------
// The builder.

export interface BlocOptions {
  seed?: number;
  year?: number;
  compareYear?: number;
  units?: readonly UnitDef[];
  /** Defaults for every unit sheet. */
  unitSheet?: UnitSheetOptions;
  config?: ConfigOptions;
  /** No config sheet at all. */
  noConfig?: boolean;
  catalog?: readonly Indicator[];
}

export class BlocBuilder {
  readonly year: number;
  readonly compareYear: number;
  readonly units: UnitDef[];
  readonly catalog: Indicator[];
  private readonly values = new Map<string, Map<number, Record<string, number>>>();
  private defaults: UnitSheetOptions;
  private readonly perUnit = new Map<string, UnitSheetOptions>();
  private configOpts: ConfigOptions;
  private noConfig: boolean;
  private readonly figureOverrides: { unit: string; ind: string; year: number; o: CellOverride }[] = [];
  private readonly uomOverrides: { unit: string; ind: string; value: CellValue }[] = [];
  private readonly cellOverrides: { sheet: string; ref: string; o: CellOverride }[] = [];
  private readonly extraSheets: (SheetSnapshot | ((b: BlocBuilder) => SheetSnapshot))[] = [];
  private readonly removed = new Set<string>();
  private readonly replaced = new Map<string, SheetSnapshot>();

  constructor(opts: BlocOptions = {}) {
    this.year = opts.year ?? 2031;
    this.compareYear = opts.compareYear ?? this.year - 1;
    this.units = (opts.units ?? UNITS).map((u) => ({ ...u }));
    this.catalog = (opts.catalog ?? DEFAULT_CATALOG).map((i) => ({ ...i }));
    this.defaults = {
      labels: "vi",
      titleRows: undefined,
      mergeTitles: true,
      blankRows: 1,
      stt: true,
      codeColumn: true,
      nameColumn: true,
      uomColumn: true,
      noteColumn: true,
      ...opts.unitSheet,
    };
    this.configOpts = opts.config ?? {};
    this.noConfig = !!opts.noConfig;
    const rand = mulberry32(opts.seed ?? 20240601);
    for (const u of this.units) {
      const byYear = new Map<number, Record<string, number>>();
      for (const y of [this.year, this.compareYear]) byYear.set(y, validYearValues(rand, this.catalog));
      this.values.set(u.code, byYear);
    }
  }

  // ---- what the workbook holds -----------------------------------------------------------

  /** The valid figure generated for (unit, indicator, year) — as written unless overridden by set(). */
  value(unit: string, ind: string, year: number): number {
    const v = this.values.get(unit)?.get(year)?.[ind];
    if (v === undefined) throw new Error(`no value for ${unit}/${ind}/${year}`);
    return v;
  }

  /** Change a generated figure (the cell holds the new number; value() returns it). */
  setValue(unit: string, ind: string, year: number, n: number): this {
    const rec = this.values.get(unit)?.get(year);
    if (!rec) throw new Error(`unknown unit/year ${unit}/${year}`);
    rec[ind] = n;
    return this;
  }

  unit(code: string): UnitDef {
    const u = this.units.find((x) => x.code === code);
    if (!u) throw new Error(`unknown unit ${code}`);
    return u;
  }

  sheetName(code: string): string {
    return this.options(code).sheet ?? this.unit(code).sheet ?? code;
  }

  // ---- options ---------------------------------------------------------------------------

  /** Options for one unit's sheet (merged over the defaults). */
  unitSheet(code: string, opts: UnitSheetOptions): this {
    this.perUnit.set(code, { ...this.perUnit.get(code), ...opts });
    return this;
  }

  /** Options for every unit's sheet. */
  allUnitSheets(opts: UnitSheetOptions): this {
    this.defaults = { ...this.defaults, ...opts };
    return this;
  }

  config(opts: ConfigOptions): this {
    this.configOpts = { ...this.configOpts, ...opts, values: { ...this.configOpts.values, ...opts.values } };
    return this;
  }

  withoutConfig(): this {
    this.noConfig = true;
    return this;
  }

  options(code: string): UnitSheetOptions {
    return { ...this.defaults, ...this.perUnit.get(code) };
  }

  // ---- defects ---------------------------------------------------------------------------

  /** Put anything in a figure's cell (text, an error, a blank, a formula's cached result). */
  set(unit: string, ind: string, year: number, value: CellValue, opts: { formula?: string | null; format?: string } = {}): this {
    this.figureOverrides.push({ unit, ind, year, o: { value, ...opts } });
    return this;
  }

  /** The unit of measure written on an indicator's row. */
  setUom(unit: string, ind: string, value: CellValue): this {
    this.uomOverrides.push({ unit, ind, value });
    return this;
  }

  /** Any cell of any sheet (the config sheet included). */
  setCell(sheet: string, ref: string, value: CellValue, opts: { formula?: string | null; format?: string } = {}): this {
    this.cellOverrides.push({ sheet, ref, o: { value, ...opts } });
    return this;
  }

  addSheet(sheet: SheetSnapshot | ((b: BlocBuilder) => SheetSnapshot)): this {
    this.extraSheets.push(sheet);
    return this;
  }

  /** Excel's "Move or Copy… → Create a copy" of a unit's sheet, under a new name. */
  copyUnitSheet(code: string, newName: string): this {
    return this.addSheet((b) => ({ ...b.unitSheetSnapshot(code), name: newName }));
  }

  removeSheet(name: string): this {
    this.removed.add(name);
    return this;
  }

  /** Put another sheet in place of the named one (same position in the workbook). */
  replaceSheet(name: string, sheet: SheetSnapshot): this {
    this.replaced.set(name, sheet);
    return this;
  }

  // ---- addresses -------------------------------------------------------------------------

  layout(code: string): UnitSheetLayout {
    return this.planUnit(code).layout;
  }

  /** A1 address of (unit, indicator, year) on the unit's sheet. */
  address(unit: string, ind: string, year: number): string {
    const l = this.layout(unit);
    const row = l.rows.get(ind);
    const col = l.yearCols.get(year);
    if (row === undefined || col === undefined) throw new Error(`no cell for ${unit}/${ind}/${year}`);
    return addr(row, col);
  }

  /** A1 of the unit of measure on an indicator's row. */
  uomAddress(unit: string, ind: string): string {
    const l = this.layout(unit);
    return addr(l.rows.get(ind)!, l.cols.uom!);
  }

  /** A1 of the cell that identifies an indicator's row: its code, else its name. */
  rowAddress(unit: string, ind: string): string {
    const l = this.layout(unit);
    return addr(l.rows.get(ind)!, l.cols.code ?? l.cols.name!);
  }

  /** A1 of an extra row's code (else name) cell, or of its value in a year. */
  extraRowAddress(unit: string, index: number, year?: number): string {
    const l = this.layout(unit);
    const row = l.extraRows[index];
    return addr(row, year === undefined ? (l.cols.code ?? l.cols.name!) : l.yearCols.get(year)!);
  }

  /** A1 of a cell of the config sheet: a key's value. */
  configCell(field: ConfigField): string {
    const c = this.planConfig();
    const at = c.keyCells.get(field);
    if (!at) throw new Error(`config has no ${field} row`);
    return at;
  }

  /** A1 of the roster's code cell on row `index` (0-based among roster rows), or of a unit by code. */
  rosterCell(which: number | string): string {
    const c = this.planConfig();
    const i = typeof which === "number" ? which : c.rosterCodes.findIndex((x) => x === which);
    if (i < 0 || i >= c.rosterCells.length) throw new Error(`no roster row ${which}`);
    return c.rosterCells[i];
  }

  rosterSheetCell(which: number | string): string {
    const c = this.planConfig();
    const i = typeof which === "number" ? which : c.rosterCodes.findIndex((x) => x === which);
    return c.rosterSheetCells[i];
  }

  configSheetName(): string {
    return this.configOpts.sheetName ?? (this.configOpts.keys === "en" ? "Config" : "Cấu hình");
  }

  // ---- building --------------------------------------------------------------------------

  build(): WorkbookSnapshot {
    const sheets: SheetSnapshot[] = [];
    if (!this.noConfig) sheets.push(this.applyCellOverrides(this.planConfig().sheet));
    for (const u of this.units) sheets.push(this.unitSheetSnapshot(u.code));
    for (const s of this.extraSheets) sheets.push(this.applyCellOverrides(typeof s === "function" ? s(this) : s));
    return { sheets: sheets.filter((s) => !this.removed.has(s.name)).map((s) => this.replaced.get(s.name) ?? s) };
  }

  unitSheetSnapshot(code: string): SheetSnapshot {
    return this.applyCellOverrides(this.planUnit(code).sheet);
  }

  private applyCellOverrides(sheet: SheetSnapshot): SheetSnapshot {
    const mine = this.cellOverrides.filter((o) => o.sheet === sheet.name);
    if (!mine.length) return sheet;
    let s = sheet;
    for (const o of mine) s = withCell(s, o.ref, o.o.value, { formula: o.o.formula, format: o.o.format });
    return s;
  }

  private planConfig(): { sheet: SheetSnapshot; keyCells: Map<ConfigField, string>; rosterCells: string[]; rosterSheetCells: string[]; rosterCodes: CellValue[] } {
    const o = this.configOpts;
    const style = o.keys ?? "vi";
    const left = o.left ?? 0;
    const grid: Grid = { values: [], formulas: [], formats: [] };
    const keyCells = new Map<ConfigField, string>();
    let r = 0;
    const row = (cells: CellValue[]) => {
      cells.forEach((v, i) => put(grid, r, left + i, { value: v }));
      if (!cells.length) put(grid, r, left, { value: null });
      r++;
    };
    for (const t of o.titleRows ?? [style === "en" ? "BLOC CONFIGURATION" : "CẤU HÌNH TỔNG HỢP KHỐI"]) row([t]);
    row([]);
    const leader = this.units[0]?.code ?? "";
    const deputy = this.units[1]?.code ?? "";
    const defaults: Record<ConfigField, CellValue> = {
      bloc: "Khối Thi đua số 9",
      year: this.year,
      compareYear: this.compareYear,
      leader,
      deputy,
      theme: "Đoàn kết, kỷ cương, đổi mới, hiệu quả",
      basis: "Kế hoạch số 01/KH-TTCP của Thanh tra Chính phủ",
      flagQuota: 1,
      meritQuota: 1,
      flagThreshold: 95,
      meritThreshold: 90,
      nextLeader: this.units[1]?.code ?? "",
      nextDeputy: this.units[2]?.code ?? "",
      place: "Hà Nội",
      signer: "Nguyễn Văn A",
      signerTitle: "Chánh Thanh tra",
    };
    for (const f of CONFIG_FIELDS) {
      const v = o.values && f in o.values ? o.values[f]! : defaults[f];
      if (o.values && f in o.values && o.values[f] === null) continue;
      keyCells.set(f, addr(r, left + 1));
      const label = CONFIG_KEY_LABELS[style][f];
      row([o.keyLabel ? o.keyLabel(label) : label, v]);
    }
    row([]);
    const withSheet = o.rosterSheetColumn ?? true;
    const rl = o.rosterHeader ?? ROSTER_LABELS[style];
    row(withSheet ? rl : rl.slice(0, 2));
    const rosterRows: RosterRow[] = o.roster ?? this.units.map((u) => ({ code: u.code, name: u.name, sheet: u.sheet ?? u.code }));
    const rosterCells: string[] = [];
    const rosterSheetCells: string[] = [];
    for (const rr of rosterRows) {
      rosterCells.push(addr(r, left));
      rosterSheetCells.push(addr(r, left + 2));
      row(withSheet ? [rr.code, rr.name, rr.sheet ?? null] : [rr.code, rr.name]);
    }
    if (o.indicatorTable) {
      row([]);
      row(INDICATOR_TABLE_LABELS[style]);
      for (const t of o.indicatorTable) row(t);
    }
    const name = this.configSheetName();
    return { sheet: toSheet(name, grid, 0, 0, []), keyCells, rosterCells, rosterSheetCells, rosterCodes: rosterRows.map((x) => x.code) };
  }

  private planUnit(code: string): { sheet: SheetSnapshot; layout: UnitSheetLayout } {
    const u = this.unit(code);
    const o = this.options(code);
    const style = o.labels ?? "vi";
    const L = { ...HEADER_LABELS[style], ...o.headerLabels };
    const top = o.top ?? 0;
    const left = o.left ?? 0;
    const years = o.years ?? [this.year, this.compareYear];
    const yearLabel = o.yearLabel ?? ((y: number) => y);

    // Columns, relative to `left`.
    let c = 0;
    const cols: UnitSheetLayout["cols"] = { extras: [] };
    if (o.stt) cols.stt = c++;
    if (o.codeColumn !== false) cols.code = c++;
    if (o.nameColumn !== false) cols.name = c++;
    if (o.uomColumn !== false) cols.uom = c++;
    for (const _ of o.extraColumnsBeforeYears ?? []) cols.extras.push(c++);
    const yearCols = new Map<number, number>();
    for (const y of years) yearCols.set(y, c++);
    if (o.noteColumn !== false) cols.note = c++;
    const trailingExtras: number[] = [];
    for (const _ of o.extraColumns ?? []) trailingExtras.push(c++);
    cols.extras.push(...trailingExtras);
    const width = c;

    const grid: Grid = { values: [], formulas: [], formats: [] };
    const merges: string[] = [];
    let r = 0;
    const titles = o.titleRows ?? [u.name.toUpperCase(), style === "en" ? `REPORT OF WORK RESULTS` : `BÁO CÁO KẾT QUẢ CÔNG TÁC`];
    for (const t of titles) {
      put(grid, r, 0, { value: t });
      if (o.mergeTitles && width > 1) merges.push(`${addr(top + r, left)}:${addr(top + r, left + width - 1)}`);
      r++;
    }
    for (let k = 0; k < (o.blankRows ?? 0); k++) put(grid, r++, 0, { value: null });

    // Header.
    const labelRow = r;
    const headerCells: [number | undefined, CellValue][] = [
      [cols.stt, L.stt],
      [cols.code, L.code],
      [cols.name, L.name],
      [cols.uom, L.uom],
      [cols.note, L.note],
    ];
    for (const [col, text] of headerCells) if (col !== undefined) put(grid, labelRow, col, { value: text });
    (o.extraColumnsBeforeYears ?? []).forEach((t, i) => put(grid, labelRow, cols.extras[i], { value: t }));
    (o.extraColumns ?? []).forEach((t, i) => put(grid, labelRow, trailingExtras[i], { value: t }));
    let yearRow = labelRow;
    if (o.twoRowHeader) {
      yearRow = labelRow + 1;
      const firstYearCol = Math.min(...yearCols.values());
      put(grid, labelRow, firstYearCol, { value: L.figures });
      if (yearCols.size > 1) merges.push(`${addr(top + labelRow, left + firstYearCol)}:${addr(top + labelRow, left + Math.max(...yearCols.values()))}`);
      put(grid, yearRow, 0, { value: null });
    }
    for (const [y, col] of yearCols) put(grid, yearRow, col, { value: yearLabel(y, y === this.year) });
    r = yearRow + 1;
    for (const f of o.rowsUnderHeader ?? []) {
      f.forEach((v, i) => put(grid, r, i, { value: v }));
      if (!f.length) put(grid, r, 0, { value: null });
      r++;
    }

    // Indicator rows.
    const wanted = o.indicators ?? this.catalog.map((i) => i.code);
    const rows = new Map<string, number>();
    const sectionRows: number[] = [];
    let lastSection = "";
    let sectionNo = 0;
    let n = 0;
    wanted.forEach((indCode) => {
      const ind = this.catalog.find((i) => i.code === indCode);
      if (!ind) throw new Error(`unknown indicator ${indCode}`);
      const sec = sectionOf(ind.code);
      if (sec !== lastSection) {
        if (lastSection && o.blankBetweenSections) put(grid, r++, 0, { value: null });
        if (o.sections) {
          if (cols.stt !== undefined) put(grid, r, cols.stt, { value: ROMAN[sectionNo] });
          const heading = SECTIONS[style][sec] ?? `${ROMAN[sectionNo]}. ${sec}`;
          put(grid, r, cols.name ?? cols.code ?? 0, { value: cols.stt !== undefined ? heading.replace(/^[IVX]+\.\s*/, "") : heading });
          sectionRows.push(top + r);
          r++;
        }
        sectionNo++;
        lastSection = sec;
      }
      n++;
      if (cols.stt !== undefined) put(grid, r, cols.stt, { value: n });
      if (cols.code !== undefined) put(grid, r, cols.code, { value: ind.code });
      if (cols.name !== undefined) put(grid, r, cols.name, { value: `${o.markers ? `${n}. ` : ""}${indicatorName(ind, style)}` });
      if (cols.uom !== undefined) put(grid, r, cols.uom, { value: o.uom?.[ind.code] !== undefined ? o.uom[ind.code] : indicatorUnit(ind, style) });
      for (const [y, col] of yearCols) {
        const v = this.values.get(code)?.get(y)?.[ind.code];
        put(grid, r, col, { value: v === undefined ? null : v, format: ind.kind === "money" ? "#,##0.00" : "#,##0" });
      }
      if (cols.note !== undefined) put(grid, r, cols.note, { value: null });
      rows.set(ind.code, top + r);
      r++;
    });
    const extraRows: number[] = [];
    for (const e of o.extraRows ?? []) {
      if (cols.code !== undefined && e.code !== undefined) put(grid, r, cols.code, { value: e.code });
      if (cols.name !== undefined && e.name !== undefined) put(grid, r, cols.name, { value: e.name });
      if (cols.uom !== undefined && e.uom !== undefined) put(grid, r, cols.uom, { value: e.uom });
      for (const [y, v] of Object.entries(e.values ?? {})) {
        const col = yearCols.get(Number(y));
        if (col !== undefined) put(grid, r, col, { value: v });
      }
      put(grid, r, 0, { value: grid.values[r]?.[0] ?? null });
      extraRows.push(top + r);
      r++;
    }

    for (const f of o.footerRows ?? []) {
      f.forEach((v, i) => put(grid, r, i, { value: v }));
      if (!f.length) put(grid, r, 0, { value: null });
      r++;
    }

    const layout: UnitSheetLayout = {
      sheet: o.sheet ?? u.sheet ?? u.code,
      top,
      left,
      labelRow: top + labelRow,
      yearRow: top + yearRow,
      cols: {
        stt: cols.stt === undefined ? undefined : left + cols.stt,
        code: cols.code === undefined ? undefined : left + cols.code,
        name: cols.name === undefined ? undefined : left + cols.name,
        uom: cols.uom === undefined ? undefined : left + cols.uom,
        note: cols.note === undefined ? undefined : left + cols.note,
        extras: cols.extras.map((x) => left + x),
      },
      yearCols: new Map([...yearCols].map(([y, col]) => [y, left + col])),
      rows,
      extraRows,
      sectionRows,
      width,
    };

    // Overrides on figures and units of measure.
    for (const f of this.figureOverrides.filter((x) => x.unit === code)) {
      const row = rows.get(f.ind);
      const col = yearCols.get(f.year);
      if (row === undefined || col === undefined) throw new Error(`no cell for ${code}/${f.ind}/${f.year}`);
      put(grid, row - top, col, f.o);
    }
    for (const f of this.uomOverrides.filter((x) => x.unit === code)) {
      const row = rows.get(f.ind);
      if (row === undefined || cols.uom === undefined) throw new Error(`no unit-of-measure cell for ${code}/${f.ind}`);
      put(grid, row - top, cols.uom, { value: f.value });
    }
    return { sheet: toSheet(layout.sheet, grid, top, left, merges), layout };
  }
}

// ---------------------------------------------------------------------------------------------
// Free helpers on snapshots.

/** A copy of the sheet with one cell (absolute A1) replaced; the used range grows if needed. */
export function withCell(sheet: SheetSnapshot, ref: string, value: CellValue, opts: { formula?: string | null; format?: string } = {}): SheetSnapshot {
  const { row, col } = parseAddr(ref);
  const top = Math.min(sheet.top, row);
  const left = sheet.values.length ? Math.min(sheet.left, col) : col;
  const oldTop = sheet.values.length ? sheet.top : row;
  const oldLeft = sheet.values.length ? sheet.left : col;
  const grid: Grid = { values: [], formulas: [], formats: [] };
  sheet.values.forEach((line, r) =>
    line.forEach((v, c) =>
      put(grid, oldTop - top + r, oldLeft - left + c, { value: v, formula: sheet.formulas[r]?.[c] ?? null, format: sheet.numberFormats[r]?.[c] ?? "General" }),
    ),
  );
  put(grid, row - top, col - left, { value, formula: opts.formula ?? null, format: opts.format });
  return toSheet(sheet.name, grid, top, left, sheet.merges);
}

/** The value at an A1 address of a sheet of the workbook. */
export function valueAt(wb: WorkbookSnapshot, sheet: string, ref: string): CellValue {
  const s = wb.sheets.find((x) => x.name === sheet);
  if (!s) throw new Error(`no sheet ${sheet}`);
  const { row, col } = parseAddr(ref);
  const r = row - s.top;
  const c = col - s.left;
  return s.values[r]?.[c] ?? null;
}

/** A plain sheet from rows (a thin wrapper kept here so tests import one module). */
export function plainSheet(name: string, rows: CellValue[][], opts: { merges?: string[]; top?: number; left?: number } = {}): SheetSnapshot {
  return sheetFromRows(name, rows, opts);
}
