/** The config sheet (SPEC §3.1): key/value rows, the roster, and the optional indicator table. */
import { a1 } from "../a1";
import { DEFAULT_CATALOG, KIND_LABELS, type Indicator, type IndicatorKind } from "../catalog";
import { issue, type Issue } from "../issues";
import type { BlocConfig, Catalog, ConfigKey, RosterUnit } from "../model";
import { cellAt, formatAt, sheetBounds, type SheetSnapshot, type WorkbookSnapshot, type CellValue } from "../snapshot";
import { parseNumberText } from "../numbers";
import { toUnicode } from "../legacy/detect";
import { parsePeriod } from "../period";
import { label } from "../text";
import { CONFIRMATION_COLUMN, confirmationText } from "./confirmation";
import { cellText, findHeader, isBlank, matchColumn, valueRightOf, type ColumnAliases } from "../grid";

export const CONFIG_SHEET_NAMES = ["Cấu hình", "Config", "Configuration", "Cấu hình khối"];

/** Each key's labels, Vietnamese and English, and what kind of value it takes. */
export const CONFIG_KEYS: ColumnAliases<ConfigKey> = {
  bloc: ["Khối thi đua", "Tên khối", "Bloc", "Emulation bloc", "Bloc name"],
  year: ["Năm báo cáo", "Năm", "Report year", "Year"],
  compareYear: ["Năm so sánh", "Compare year", "Comparison year"],
  period: ["Kỳ báo cáo", "Kỳ", "Period", "Reporting period", "Report period"],
  leader: ["Khối trưởng", "Leader", "Bloc leader"],
  deputy: ["Khối phó", "Deputy", "Deputy leader"],
  theme: ["Chủ đề thi đua", "Chủ đề", "Theme", "Emulation theme"],
  basis: ["Căn cứ", "Kế hoạch", "Basis", "Plan"],
  covenant: ["Giao ước thi đua", "Giao ước", "Covenant"],
  flagQuota: ["Số Cờ thi đua", "Số cờ", "Flag quota", "Flags"],
  meritQuota: ["Số Bằng khen", "Merit quota", "Certificates of merit", "Merits"],
  flagThreshold: ["Điểm sàn Cờ", "Điểm sàn cờ thi đua", "Flag threshold"],
  meritThreshold: ["Điểm sàn Bằng khen", "Merit threshold"],
  nextLeader: ["Khối trưởng năm sau", "Next leader"],
  nextDeputy: ["Khối phó năm sau", "Next deputy"],
  place: ["Địa danh", "Place"],
  signer: ["Người ký", "Signer"],
  signerTitle: ["Chức vụ", "Chức vụ người ký", "Title", "Signer title"],
  abbreviation: ["Ký hiệu", "Viết tắt", "Tên viết tắt", "Abbreviation"],
  requireConfirmation: ["Yêu cầu xác nhận", "Bắt buộc xác nhận", "Require confirmation", "Confirmation required"],
};

export const ROSTER_COLUMNS = {
  code: ["Mã", "Mã đơn vị", "Code", "Unit code"],
  name: ["Tên đơn vị", "Đơn vị", "Unit name", "Unit", "Name"],
  sheet: ["Tên sheet", "Sheet", "Sheet name", "Trang tính"],
  confirmed: CONFIRMATION_COLUMN,
} as const satisfies ColumnAliases<"code" | "name" | "sheet" | "confirmed">;

const INDICATOR_COLUMNS = {
  code: ["Mã chỉ tiêu", "Indicator code"],
  name: ["Chỉ tiêu", "Tên chỉ tiêu", "Indicator", "Indicator name"],
  unit: ["Đơn vị tính", "ĐVT", "Unit of measure", "Unit"],
  kind: ["Kiểu", "Loại", "Kind", "Type"],
  required: ["Bắt buộc", "Required"],
} as const satisfies ColumnAliases<"code" | "name" | "unit" | "kind" | "required">;

export function isConfigSheetName(name: string): boolean {
  const l = label(name);
  return CONFIG_SHEET_NAMES.some((n) => label(n) === l);
}

export function findConfigSheet(wb: WorkbookSnapshot): SheetSnapshot | null {
  return wb.sheets.find((s) => isConfigSheetName(s.name)) ?? null;
}

export function emptyConfig(sheet: string | null): BlocConfig {
  return {
    sheet,
    bloc: "",
    year: null,
    compareYear: null,
    period: null,
    leader: "",
    deputy: "",
    theme: "",
    basis: "",
    covenant: "",
    flagQuota: 1,
    meritQuota: 1,
    flagThreshold: null,
    meritThreshold: null,
    nextLeader: "",
    nextDeputy: "",
    place: "",
    signer: "",
    signerTitle: "",
    abbreviation: "",
    requireConfirmation: false,
    cells: {},
  };
}

export interface ConfigRead {
  config: BlocConfig;
  roster: RosterUnit[];
  catalog: Catalog;
  issues: Issue[];
  /** Rows of the sheet taken by tables (not key/value rows). */
}

/** A config number, typed or as text read by the product's one number rule (numbers.ts). */
function asNumber(v: CellValue): number | null {
  if (typeof v === "number") return v;
  if (typeof v !== "string") return null;
  const p = parseNumberText(v, { integer: false });
  return p.ok ? p.value : null;
}

function asYear(v: CellValue): number | null {
  const n = typeof v === "string" ? /^\s*(?:năm|nam|year)?\s*(\d{4})\s*$/i.exec(v)?.[1] : v;
  const y = asNumber(n === undefined ? null : (n as CellValue));
  return y !== null && Number.isInteger(y) && y >= 1900 && y <= 2200 ? y : null;
}

export function makeCatalog(indicators: readonly Indicator[]): Catalog {
  return { indicators: [...indicators], byCode: new Map(indicators.map((i) => [i.code.toUpperCase(), i])) };
}

function kindOf(v: CellValue): IndicatorKind | null {
  const l = label(v);
  for (const k of Object.keys(KIND_LABELS) as IndicatorKind[]) if (KIND_LABELS[k].some((a) => label(a) === l)) return k;
  return null;
}

function yesNo(v: CellValue): boolean | null {
  if (typeof v === "boolean") return v;
  const l = label(v);
  if (["co", "x", "yes", "y", "true", "1", "bat buoc", "required"].includes(l)) return true;
  if (["khong", "no", "n", "false", "0", ""].includes(l)) return false;
  return null;
}

/** A unit named by code, by name, or both ("BTC - Thanh tra Bộ Tài chính", "Thanh tra Bộ Tài chính (BTC)"). */
export function resolveUnit(text: string, roster: readonly RosterUnit[]): { code: string; name: string; onRoster: boolean } {
  const t = text.trim();
  const byCode = (c: string) => roster.find((u) => label(u.code) === label(c));
  const byName = (n: string) => roster.find((u) => label(u.name) === label(n));
  const hit = byCode(t) ?? byName(t);
  if (hit) return { code: hit.code, name: hit.name, onRoster: true };
  const dash = /^([A-Za-z0-9_.]{1,16})\s*[-–—:]\s*(.+)$/.exec(t);
  if (dash) return { code: dash[1], name: dash[2].trim(), onRoster: !!byCode(dash[1]) };
  const paren = /^(.+?)\s*\(([A-Za-z0-9_.]{1,16})\)$/.exec(t);
  if (paren) return { code: paren[2], name: paren[1].trim(), onRoster: !!byCode(paren[2]) };
  return { code: /^[A-Za-z0-9_.]{1,16}$/.test(t) ? t : "", name: t, onRoster: false };
}

export function readConfig(wb: WorkbookSnapshot): ConfigRead {
  const sheet = findConfigSheet(wb);
  const issues: Issue[] = [];
  if (!sheet) {
    return { config: emptyConfig(null), roster: [], catalog: makeCatalog(DEFAULT_CATALOG), issues };
  }
  const config = emptyConfig(sheet.name);
  const b = sheetBounds(sheet);
  const name = sheet.name;
  const invalid = (cell: string, key: string, reason: string, value?: CellValue) =>
    issues.push(issue("CONFIG_INVALID", "error", name, cell, { key, reason, value: value === undefined ? undefined : cellText(value) }));

  // Tables first, so their header labels are not taken for keys.
  const rosterHeader = findHeader(sheet, ROSTER_COLUMNS, ["code", "name"]);
  const indicatorHeader = findHeader(sheet, INDICATOR_COLUMNS, ["code", "name"]);
  const tableRows = new Set<number>();
  const tableEnd = (start: number, col: number, otherCol: number | undefined) => {
    let r = start + 1;
    while (r < b.bottom && !(isBlank(cellAt(sheet, r, col)) && (otherCol === undefined || isBlank(cellAt(sheet, r, otherCol))))) r++;
    return r;
  };

  // Key/value rows: a key label, its value in the next non-blank cell to the right.
  const keyLabels: { key: ConfigKey; row: number; col: number }[] = [];
  const rosterEnd = rosterHeader ? tableEnd(rosterHeader.row, rosterHeader.cols.code!, rosterHeader.cols.name) : -1;
  const indicatorEnd = indicatorHeader ? tableEnd(indicatorHeader.row, indicatorHeader.cols.code!, indicatorHeader.cols.name) : -1;
  if (rosterHeader) for (let r = rosterHeader.row; r < rosterEnd; r++) tableRows.add(r);
  if (indicatorHeader) for (let r = indicatorHeader.row; r < indicatorEnd; r++) tableRows.add(r);
  for (let r = b.top; r < b.bottom; r++) {
    if (tableRows.has(r)) continue;
    for (let c = b.left; c < b.right; c++) {
      const key = matchColumn(cellAt(sheet, r, c), CONFIG_KEYS);
      if (key && !keyLabels.some((k) => k.key === key)) {
        keyLabels.push({ key, row: r, col: c });
        break;
      }
    }
  }
  const raw: Partial<Record<ConfigKey, { value: CellValue; cell: string; labelCell: string }>> = {};
  for (const k of keyLabels) {
    const right = valueRightOf(sheet, k.row, k.col);
    const cell = right ? a1(k.row, right.col) : a1(k.row, k.col + 1);
    raw[k.key] = { value: right ? right.value : null, cell, labelCell: a1(k.row, k.col) };
    config.cells[k.key] = cell;
  }
  // Names and titles go into the documents: legacy (TCVN3/VNI) text is taken in Unicode (LEGACY_ENCODING says where).
  const text = (k: ConfigKey) => (raw[k] ? toUnicode(cellText(raw[k]!.value)) : "");

  config.bloc = text("bloc");
  for (const k of ["theme", "basis", "covenant", "place", "signer", "signerTitle", "abbreviation"] as const) config[k] = text(k);

  // Years.
  const year = raw.year;
  if (!year || isBlank(year.value)) invalid(year ? year.cell : a1(b.top, b.left), "year", "missing");
  else if (asYear(year.value) === null) invalid(year.cell, "year", "year", year.value);
  else config.year = asYear(year.value);
  const cmp = raw.compareYear;
  if (cmp && !isBlank(cmp.value)) {
    const y = asYear(cmp.value);
    if (y === null) invalid(cmp.cell, "compareYear", "year", cmp.value);
    else if (config.year !== null && y >= config.year) invalid(cmp.cell, "compareYear", "compareNotBefore", cmp.value);
    else config.compareYear = y;
  }
  if (config.compareYear === null && config.year !== null) config.compareYear = config.year - 1;
  const period = raw.period;
  if (period && !isBlank(period.value)) {
    const p = parsePeriod(period.value);
    if (p === null) invalid(period.cell, "period", "period", period.value);
    else config.period = p;
  }

  // Quotas and thresholds.
  for (const k of ["flagQuota", "meritQuota"] as const) {
    const v = raw[k];
    if (!v || isBlank(v.value)) continue;
    const n = asNumber(v.value);
    if (n === null || !Number.isInteger(n) || n < 0) invalid(v.cell, k, "quota", v.value);
    else config[k] = n;
  }
  for (const k of ["flagThreshold", "meritThreshold"] as const) {
    const v = raw[k];
    if (!v || isBlank(v.value)) continue;
    const n = asNumber(v.value);
    if (n === null || n < 0) invalid(v.cell, k, "threshold", v.value);
    else config[k] = n;
  }

  const req = raw.requireConfirmation;
  if (req && !isBlank(req.value)) {
    const yes = yesNo(req.value);
    if (yes === null) invalid(req.cell, "requireConfirmation", "yesNo", req.value);
    else config.requireConfirmation = yes;
  }

  // Roster.
  const roster: RosterUnit[] = [];
  if (!rosterHeader) {
    invalid(a1(b.top, b.left), "roster", "rosterMissing");
  } else {
    const { code: codeCol, name: nameCol, sheet: sheetCol, confirmed: confirmedCol } = rosterHeader.cols;
    const seenCodes = new Map<string, string>();
    const seenSheets = new Map<string, string>();
    for (let r = rosterHeader.row + 1; r < rosterEnd; r++) {
      const code = cellText(cellAt(sheet, r, codeCol!));
      const unitName = nameCol !== undefined ? toUnicode(cellText(cellAt(sheet, r, nameCol))) : "";
      const cell = a1(r, codeCol!);
      if (!code) {
        invalid(cell, "roster", "codeMissing", unitName);
        continue;
      }
      const sheetName = (sheetCol !== undefined ? cellText(cellAt(sheet, r, sheetCol)) : "") || code;
      const firstCode = seenCodes.get(label(code));
      if (firstCode) {
        issues.push(issue("UNIT_DUPLICATE", "error", name, cell, { unit: code, reason: "code", other: firstCode }));
        continue;
      }
      const firstSheet = seenSheets.get(label(sheetName));
      if (firstSheet) {
        issues.push(issue("UNIT_DUPLICATE", "error", name, sheetCol !== undefined ? a1(r, sheetCol) : cell, { unit: code, reason: "sheet", other: firstSheet, sheetName }));
        continue;
      }
      seenCodes.set(label(code), cell);
      seenSheets.set(label(sheetName), code);
      const unit: RosterUnit = { code, name: unitName || code, sheetName, cell };
      if (confirmedCol !== undefined) {
        unit.confirmed = confirmationText(cellAt(sheet, r, confirmedCol), formatAt(sheet, r, confirmedCol));
        unit.confirmedCell = a1(r, confirmedCol);
      }
      roster.push(unit);
    }
    if (!roster.length && !issues.some((i) => i.code === "UNIT_DUPLICATE")) invalid(a1(rosterHeader.row, codeCol!), "roster", "rosterEmpty");
  }

  // Units named in the config.
  for (const k of ["leader", "deputy"] as const) {
    const v = raw[k];
    if (!v || isBlank(v.value)) continue;
    const u = resolveUnit(cellText(v.value), roster);
    if (!u.onRoster && roster.length) invalid(v.cell, k, "notOnRoster", v.value);
    config[k] = u.onRoster ? u.code : cellText(v.value);
  }
  config.nextLeader = text("nextLeader");
  config.nextDeputy = text("nextDeputy");

  // Indicator table: adds to or overrides the default catalog.
  const indicators = DEFAULT_CATALOG.map((i) => ({ ...i }));
  if (indicatorHeader) {
    const cols = indicatorHeader.cols;
    for (let r = indicatorHeader.row + 1; r < indicatorEnd; r++) {
      const code = cellText(cellAt(sheet, r, cols.code!)).toUpperCase();
      if (!code) continue;
      const base = indicators.find((i) => i.code.toUpperCase() === code);
      const nm = cellText(cellAt(sheet, r, cols.name!));
      const unit = cols.unit !== undefined ? cellText(cellAt(sheet, r, cols.unit)) : "";
      const kindCell = cols.kind !== undefined ? cellAt(sheet, r, cols.kind) : null;
      const reqCell = cols.required !== undefined ? cellAt(sheet, r, cols.required) : null;
      const kind = isBlank(kindCell) ? (base?.kind ?? "number") : kindOf(kindCell);
      if (kind === null) {
        invalid(a1(r, cols.kind!), "indicatorKind", "kind", kindCell);
        continue;
      }
      const required = isBlank(reqCell) ? (base?.required ?? false) : yesNo(reqCell);
      if (required === null) {
        invalid(a1(r, cols.required!), "indicatorRequired", "yesNo", reqCell);
        continue;
      }
      const merged: Indicator = {
        code: base?.code ?? code,
        name: nm || base?.name || code,
        nameEn: base && (!nm || label(nm) === label(base.name)) ? base.nameEn : nm || code,
        unit: unit || base?.unit || "",
        unitEn: base && (!unit || label(unit) === label(base.unit)) ? base.unitEn : unit,
        kind,
        required,
      };
      if (base) Object.assign(base, merged);
      else indicators.push(merged);
    }
  }
  return { config, roster, catalog: makeCatalog(indicators), issues };
}
