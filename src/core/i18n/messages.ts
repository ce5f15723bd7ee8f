/** Every message a user reads about an issue, in Vietnamese and English: one table per language. */
import type { Catalog } from "../model";
import type { Issue, IssueCode, IssueParams } from "../issues";
import { formatNumber, type Lang } from "./format";
import { isPeriod, type Period } from "../period";
import { periodName, periodText } from "./period";

const asPeriod = (v: unknown): Period => (isPeriod(v) ? v : "year");

type Render = (p: IssueParams, h: Helpers) => string;
interface Helpers {
  ind: (code: unknown) => string;
  num: (n: unknown) => string;
}

const CONFIG_KEY_NAMES: Record<Lang, Record<string, string>> = {
  vi: {
    year: "Năm báo cáo",
    compareYear: "Năm so sánh",
    period: "Kỳ báo cáo",
    flagQuota: "Số Cờ thi đua",
    meritQuota: "Số Bằng khen",
    flagThreshold: "Điểm sàn Cờ",
    meritThreshold: "Điểm sàn Bằng khen",
    leader: "Khối trưởng",
    deputy: "Khối phó",
    roster: "Danh sách đơn vị",
    indicatorKind: "Kiểu chỉ tiêu",
    indicatorRequired: "Bắt buộc",
    requireConfirmation: "Yêu cầu xác nhận",
  },
  en: {
    year: "Report year",
    compareYear: "Compare year",
    period: "Period",
    flagQuota: "Flag quota",
    meritQuota: "Merit quota",
    flagThreshold: "Flag threshold",
    meritThreshold: "Merit threshold",
    leader: "Leader",
    deputy: "Deputy",
    roster: "Unit roster",
    indicatorKind: "Indicator kind",
    indicatorRequired: "Required",
    requireConfirmation: "Require confirmation",
  },
};

const CONFIG_REASONS: Record<Lang, Record<string, string>> = {
  vi: {
    missing: "chưa có giá trị",
    year: "không phải là một năm (ví dụ 2023)",
    compareNotBefore: "phải nhỏ hơn năm báo cáo",
    period: "không phải là kỳ báo cáo (năm, 6 tháng, 9 tháng, quý I, quý II, quý III hoặc quý IV)",
    quota: "phải là số nguyên không âm",
    threshold: "phải là số không âm",
    notOnRoster: "không có trong danh sách đơn vị (cột Mã)",
    rosterMissing: "không tìm thấy bảng danh sách đơn vị có tiêu đề Mã | Tên đơn vị | Tên sheet",
    rosterEmpty: "danh sách đơn vị không có đơn vị nào",
    codeMissing: "một dòng trong danh sách đơn vị thiếu mã đơn vị",
    kind: "phải là một trong: số nguyên, tiền, số",
    yesNo: "phải là Có hoặc Không",
  },
  en: {
    missing: "has no value",
    year: "is not a year (e.g. 2023)",
    compareNotBefore: "must be earlier than the report year",
    period: "is not a period (year, 6 months, 9 months, Q1, Q2, Q3 or Q4)",
    quota: "must be a whole number, zero or more",
    threshold: "must be a number, zero or more",
    notOnRoster: "is not on the unit roster (Code column)",
    rosterMissing: "no unit roster headed Code | Unit name | Sheet was found",
    rosterEmpty: "the unit roster lists no unit",
    codeMissing: "a roster row has no unit code",
    kind: "must be one of: integer, money, number",
    yesNo: "must be Yes or No",
  },
};

/**
 * The two readings of an ambiguous money text ("4,642": 4642 or 4.642). Only one separator followed
 * by three digits is ambiguous (numbers.ts), so both readings are plain to compute here.
 */
function readings(text: unknown): { whole: number; decimal: number; digits: string } {
  const t = String(text).trim();
  const digits = t.replace(/[.,]/g, "");
  return { whole: Number(digits), decimal: Number(t.replace(",", ".")), digits };
}

const VI: Record<IssueCode, Render> = {
  CONFIG_MISSING: (p) => `Không có sheet "Cấu hình". Đã tự nhận ${p.units ?? 0} sheet đơn vị theo tên sheet; hãy thêm sheet Cấu hình để khai báo khối, năm và danh sách đơn vị.`,
  CONFIG_INVALID: (p) => {
    const key = CONFIG_KEY_NAMES.vi[String(p.key)] ?? String(p.key);
    const why = CONFIG_REASONS.vi[String(p.reason)] ?? String(p.reason);
    return p.value ? `${key}: "${p.value}" ${why}.` : `${key}: ${why}.`;
  },
  UNIT_SHEET_MISSING: (p) => `Đơn vị ${p.unit} không có sheet "${p.sheetName}".`,
  UNIT_DUPLICATE: (p) =>
    p.reason === "code"
      ? `Mã đơn vị ${p.unit} xuất hiện hai lần trong danh sách (lần đầu ở ô ${p.other}).`
      : `Đơn vị ${p.unit} có hai sheet: "${p.other}" và "${p.sheetName}". Xóa hoặc đổi tên sheet thừa.`,
  SHEET_NOT_IN_ROSTER: () => `Sheet này giống báo cáo của một đơn vị nhưng không có trong danh sách đơn vị; số liệu của nó không được tổng hợp.`,
  HEADER_NOT_FOUND: () => `Không tìm thấy dòng tiêu đề (Mã | Chỉ tiêu | Đơn vị tính | <năm> …).`,
  YEAR_COLUMN_MISSING: (p) => `Không có cột số liệu ${periodText(asPeriod(p.period), Number(p.year), "vi")}.`,
  PERIOD_MISMATCH: (p) =>
    `Cột "${p.header}" là số liệu ${periodName(asPeriod(p.found), "vi")}, khác kỳ báo cáo của Khối (${periodName(asPeriod(p.expected), "vi")}${p.from === "units" ? ", theo sheet của các đơn vị khác" : ", theo sheet Cấu hình"}); cột này không được tổng hợp. Sửa tiêu đề cột hoặc "Kỳ báo cáo" ở sheet Cấu hình.`,
  INDICATOR_MISSING: (p, h) => `Thiếu chỉ tiêu ${h.ind(p.indicator)}.`,
  INDICATOR_UNKNOWN: (p) => `Dòng "${p.label}" không khớp với chỉ tiêu nào; dòng này không được tổng hợp.`,
  INDICATOR_DUPLICATE: (p, h) => `Chỉ tiêu ${h.ind(p.indicator)} xuất hiện hai lần (lần đầu ở ô ${p.first}); chỉ dòng đầu được tổng hợp.`,
  VALUE_EMPTY: (p, h) => `Chưa nhập số liệu năm ${p.year} của chỉ tiêu ${h.ind(p.indicator)} (nếu bằng 0, hãy ghi 0).`,
  VALUE_TEXT_NUMBER: (p, h) =>
    `Số liệu năm ${p.year} của ${h.ind(p.indicator)} đang ở dạng văn bản ("${p.text}"); đọc được là ${h.num(p.value)}. Bấm "Sửa số dạng văn bản" để ghi thành số.`,
  VALUE_NOT_NUMBER: (p, h) =>
    p.reason === "ambiguous"
      ? `"${p.text}" (${h.ind(p.indicator)}, năm ${p.year}) có thể hiểu theo hai cách: ${h.num(readings(p.text).whole)} (số nguyên) hoặc ${h.num(readings(p.text).decimal)} (số thập phân). Hãy nhập ô dạng số (không phải văn bản), hoặc ghi ${readings(p.text).digits} nếu là số nguyên.`
      : `"${p.text}" (${h.ind(p.indicator)}, năm ${p.year}) không phải là số.`,
  VALUE_NEGATIVE: (p, h) => `Số liệu âm (${h.num(p.value)}) ở ${h.ind(p.indicator)}, năm ${p.year}.`,
  VALUE_NOT_INTEGER: (p, h) => `${h.ind(p.indicator)} là số đếm nhưng năm ${p.year} ghi ${h.num(p.value)} (số lẻ).`,
  VALUE_FORMULA_ERROR: (p, h) => `Công thức báo lỗi ${p.error} ở ${h.ind(p.indicator)}, năm ${p.year}.`,
  UNIT_CONVERTED: (p, h) => `${h.ind(p.indicator)} ghi theo "${p.unit}"; đã quy đổi sang tỷ đồng (chia cho ${h.num(p.divisor)}).`,
  UNIT_OF_MEASURE_UNKNOWN: (p, h) => `Không quy đổi được đơn vị tính "${p.unit}" của ${h.ind(p.indicator)} sang tỷ đồng; số liệu dòng này không được tổng hợp.`,
  RELATION_VIOLATED: (p, h) =>
    `Năm ${p.year}: ${h.ind(p.left)} = ${h.num(p.leftValue)} phải ${p.op === "<=" ? "không lớn hơn" : "không nhỏ hơn"} ${h.ind(p.right)} = ${h.num(p.rightValue)} (ô ${p.rightCell}).`,
  CHANGE_OUTLIER: (p, h) =>
    `${h.ind(p.indicator)} thay đổi bất thường: năm ${p.year} là ${h.num(p.value)}, năm ${p.compareYear} là ${h.num(p.previous)}. Kiểm tra lại có nhập nhầm không.`,
  SCORE_INVALID: (p) =>
    ({
      missing: `Chưa chấm điểm "${p.criterion}" cho đơn vị ${p.unit}.`,
      notNumber: `Điểm "${p.text}" ("${p.criterion}", đơn vị ${p.unit}) không phải là số.`,
      negative: `Điểm âm ở "${p.criterion}", đơn vị ${p.unit}.`,
      aboveMax: `Điểm ${p.value} ở "${p.criterion}" (đơn vị ${p.unit}) vượt điểm tối đa ${p.max}.`,
      maxMissing: `Thiếu điểm tối đa của tiêu chí "${p.criterion}" (dòng "Điểm tối đa").`,
      unitUnknown: `Mã đơn vị "${p.unit}" trên bảng chấm điểm không có trong danh sách đơn vị.`,
      unitMissing: `Đơn vị ${p.unit} chưa có dòng trên bảng chấm điểm.`,
      duplicate: `Đơn vị ${p.unit} có hai dòng trên bảng chấm điểm (dòng đầu ở ô ${p.first}); dòng này không được tính.`,
      votes: `Số phiếu "${p.text}" ("${p.criterion}", đơn vị ${p.unit}) phải là số nguyên từ 0 đến ${p.max} (số đơn vị trong Khối).`,
    })[String(p.reason)] ?? `Điểm không hợp lệ (${p.unit}).`,
  UNIT_NOT_CONFIRMED: (p) =>
    p.column === "absent"
      ? `Đơn vị ${p.unit} chưa xác nhận số liệu: thêm cột "Xác nhận" vào danh sách đơn vị và ghi người, ngày xác nhận (hoặc "x"). Cấu hình yêu cầu mọi đơn vị xác nhận trước khi trình.`
      : `Đơn vị ${p.unit} chưa xác nhận số liệu (cột "Xác nhận": ghi người, ngày xác nhận hoặc "x"). Cấu hình yêu cầu mọi đơn vị xác nhận trước khi trình.`,
  CONFIRMATION_PREDATES_CHANGE: (p) =>
    `Đơn vị ${p.unit} xác nhận ("${p.confirmed}") trước khi số liệu thay đổi (lần tổng hợp ${p.changedAt}, xem sheet "Nhật ký thay đổi"); cần xác nhận lại.`,
  SCORE_TIE: (p, h) =>
    `Các đơn vị ${p.units} bằng điểm (${h.num(p.score)} điểm) tại ranh giới xét ${p.award === "flag" ? "Cờ thi đua" : "Bằng khen"}; Khối cần bỏ phiếu để quyết định.`,
  LEGACY_ENCODING: (p) => `Chữ trong ô được gõ bằng bảng mã cũ ${p.encoding} ("${p.text}"); đọc được là "${p.converted}". Bấm "Chuyển sang Unicode" để ghi lại ô này bằng Unicode.`,
};

const EN: Record<IssueCode, Render> = {
  CONFIG_MISSING: (p) =>
    `There is no "Cấu hình" (Config) sheet. ${p.units ?? 0} unit sheets were taken by their sheet names; add a Config sheet to declare the bloc, the year and the roster.`,
  CONFIG_INVALID: (p) => {
    const key = CONFIG_KEY_NAMES.en[String(p.key)] ?? String(p.key);
    const why = CONFIG_REASONS.en[String(p.reason)] ?? String(p.reason);
    return p.value ? `${key}: "${p.value}" ${why}.` : `${key}: ${why}.`;
  },
  UNIT_SHEET_MISSING: (p) => `Unit ${p.unit} has no sheet "${p.sheetName}".`,
  UNIT_DUPLICATE: (p) =>
    p.reason === "code"
      ? `Unit code ${p.unit} appears twice in the roster (first at ${p.other}).`
      : `Unit ${p.unit} has two sheets: "${p.other}" and "${p.sheetName}". Delete or rename the extra one.`,
  SHEET_NOT_IN_ROSTER: () => `This sheet looks like a unit report but its unit is not on the roster; its figures are not totalled.`,
  HEADER_NOT_FOUND: () => `No header row found (Code | Indicator | Unit | <year> …).`,
  YEAR_COLUMN_MISSING: (p) => `No column for ${periodText(asPeriod(p.period), Number(p.year), "en")}.`,
  PERIOD_MISMATCH: (p) =>
    `Column "${p.header}" holds ${periodName(asPeriod(p.found), "en")} figures, not the bloc's period (${periodName(asPeriod(p.expected), "en")}${p.from === "units" ? ", as on the other units' sheets" : ", as on the Config sheet"}); it is not totalled. Correct the column header or the "Kỳ báo cáo" (Period) on the Config sheet.`,
  INDICATOR_MISSING: (p, h) => `Indicator ${h.ind(p.indicator)} is missing.`,
  INDICATOR_UNKNOWN: (p) => `Row "${p.label}" matches no indicator; it is not totalled.`,
  INDICATOR_DUPLICATE: (p, h) => `Indicator ${h.ind(p.indicator)} appears twice (first at ${p.first}); only the first row is totalled.`,
  VALUE_EMPTY: (p, h) => `No ${p.year} figure for ${h.ind(p.indicator)} (write 0 for zero).`,
  VALUE_TEXT_NUMBER: (p, h) =>
    `The ${p.year} figure for ${h.ind(p.indicator)} is stored as text ("${p.text}"); it reads as ${h.num(p.value)}. Click "Fix text numbers" to store it as a number.`,
  VALUE_NOT_NUMBER: (p, h) =>
    p.reason === "ambiguous"
      ? `"${p.text}" (${h.ind(p.indicator)}, ${p.year}) can be read two ways: ${h.num(readings(p.text).whole)} (a whole number) or ${h.num(readings(p.text).decimal)} (a decimal). Enter the cell as a number (not text), or write ${readings(p.text).digits} if it is a whole number.`
      : `"${p.text}" (${h.ind(p.indicator)}, ${p.year}) is not a number.`,
  VALUE_NEGATIVE: (p, h) => `Negative figure (${h.num(p.value)}) for ${h.ind(p.indicator)}, ${p.year}.`,
  VALUE_NOT_INTEGER: (p, h) => `${h.ind(p.indicator)} counts things but ${p.year} holds ${h.num(p.value)} (a fraction).`,
  VALUE_FORMULA_ERROR: (p, h) => `The formula shows ${p.error} for ${h.ind(p.indicator)}, ${p.year}.`,
  UNIT_CONVERTED: (p, h) => `${h.ind(p.indicator)} is in "${p.unit}"; converted to billion VND (divided by ${h.num(p.divisor)}).`,
  UNIT_OF_MEASURE_UNKNOWN: (p, h) => `Unit of measure "${p.unit}" of ${h.ind(p.indicator)} cannot be converted to billion VND; this row is not totalled.`,
  RELATION_VIOLATED: (p, h) =>
    `${p.year}: ${h.ind(p.left)} = ${h.num(p.leftValue)} must be ${p.op === "<=" ? "at most" : "at least"} ${h.ind(p.right)} = ${h.num(p.rightValue)} (cell ${p.rightCell}).`,
  CHANGE_OUTLIER: (p, h) => `${h.ind(p.indicator)} changed unusually: ${h.num(p.value)} in ${p.year} against ${h.num(p.previous)} in ${p.compareYear}. Check for a typo.`,
  SCORE_INVALID: (p) =>
    ({
      missing: `No score for "${p.criterion}", unit ${p.unit}.`,
      notNumber: `Score "${p.text}" ("${p.criterion}", unit ${p.unit}) is not a number.`,
      negative: `Negative score for "${p.criterion}", unit ${p.unit}.`,
      aboveMax: `Score ${p.value} for "${p.criterion}" (unit ${p.unit}) is above its maximum ${p.max}.`,
      maxMissing: `Criterion "${p.criterion}" has no maximum (row "Điểm tối đa").`,
      unitUnknown: `Unit code "${p.unit}" on the scoring sheet is not on the roster.`,
      unitMissing: `Unit ${p.unit} has no row on the scoring sheet.`,
      duplicate: `Unit ${p.unit} has two rows on the scoring sheet (the first at ${p.first}); this one is not counted.`,
      votes: `Vote count "${p.text}" ("${p.criterion}", unit ${p.unit}) must be a whole number from 0 to ${p.max} (the number of units in the bloc).`,
    })[String(p.reason)] ?? `Invalid score (${p.unit}).`,
  UNIT_NOT_CONFIRMED: (p) =>
    p.column === "absent"
      ? `Unit ${p.unit} has not confirmed its figures: add a "Confirmed" column to the roster and write who confirmed and when (or "x"). The config requires every unit to confirm before submission.`
      : `Unit ${p.unit} has not confirmed its figures ("Confirmed" column: who and when, or "x"). The config requires every unit to confirm before submission.`,
  CONFIRMATION_PREDATES_CHANGE: (p) =>
    `Unit ${p.unit} confirmed ("${p.confirmed}") before its figures changed (build of ${p.changedAt}, see the "Nhật ký thay đổi" change log sheet); it should confirm again.`,
  SCORE_TIE: (p, h) =>
    `Units ${p.units} are tied (${h.num(p.score)} points) at the ${p.award === "flag" ? "Emulation Flag" : "Certificate of Merit"} boundary; the bloc must vote.`,
  LEGACY_ENCODING: (p) =>
    `The text in this cell is in the legacy ${p.encoding} encoding ("${p.text}"); it reads as "${p.converted}". Click "Convert to Unicode" to store it in Unicode.`,
};

const TABLES: Record<Lang, Record<IssueCode, Render>> = { vi: VI, en: EN };

/** Where the command line has no pane button to point at, its own wording. */
const CLI_WORDING: Record<Lang, Partial<Record<IssueCode, Render>>> = {
  vi: {
    VALUE_TEXT_NUMBER: (p, h) => `Số liệu năm ${p.year} của ${h.ind(p.indicator)} đang ở dạng văn bản ("${p.text}"); đọc được là ${h.num(p.value)}. Hãy ghi lại ô này dạng số.`,
    LEGACY_ENCODING: (p) =>
      `Chữ trong ô được gõ bằng bảng mã cũ ${p.encoding} ("${p.text}"); đọc được là "${p.converted}". Hãy ghi lại ô này bằng Unicode (hoặc bấm "Chuyển sang Unicode" trong add-in).`,
  },
  en: {
    VALUE_TEXT_NUMBER: (p, h) => `The ${p.year} figure for ${h.ind(p.indicator)} is stored as text ("${p.text}"); it reads as ${h.num(p.value)}. Store the cell as a number.`,
    LEGACY_ENCODING: (p) =>
      `The text in this cell is in the legacy ${p.encoding} encoding ("${p.text}"); it reads as "${p.converted}". Store it in Unicode (or click "Convert to Unicode" in the add-in).`,
  },
};

/** @param where "cli" for the command line's own wording where it differs from the pane's. */
export function issueMessage(i: Issue, lang: Lang, catalog?: Catalog, where: "pane" | "cli" = "pane"): string {
  const h: Helpers = {
    ind: (code) => {
      const ind = catalog?.byCode.get(String(code).toUpperCase());
      return ind ? `${ind.code} (${lang === "vi" ? ind.name : ind.nameEn})` : String(code);
    },
    num: (n) => (typeof n === "number" ? formatNumber(n, lang, { maxDecimals: 3 }) : String(n)),
  };
  const render = (where === "cli" ? CLI_WORDING[lang][i.code] : undefined) ?? TABLES[lang][i.code];
  return render(i.params, h);
}

export const SEVERITY_LABEL: Record<Lang, Record<"error" | "warning", string>> = {
  vi: { error: "Lỗi", warning: "Cảnh báo" },
  en: { error: "Error", warning: "Warning" },
};
