/**
 * Texts of the new-workbook template (Vietnamese and English): sheet titles, notes on the config
 * keys, input prompts and error alerts of the data validations. Excel limits a validation title to
 * 32 characters and a message to 255; test/template checks every text against those limits.
 */
import type { IndicatorKind } from "../catalog";
import type { ConfigKey } from "../model";
import { CONFIG_KEYS } from "../read/config";
import type { Lang } from "./format";

/** English key labels: one alias of CONFIG_KEYS each (the engine reads both languages). */
const CONFIG_LABELS_EN: Record<ConfigKey, string> = {
  bloc: "Bloc",
  year: "Report year",
  compareYear: "Compare year",
  period: "Period",
  leader: "Leader",
  deputy: "Deputy",
  theme: "Theme",
  basis: "Basis",
  covenant: "Covenant",
  flagQuota: "Flag quota",
  meritQuota: "Merit quota",
  flagThreshold: "Flag threshold",
  meritThreshold: "Merit threshold",
  nextLeader: "Next leader",
  nextDeputy: "Next deputy",
  place: "Place",
  signer: "Signer",
  signerTitle: "Signer title",
  abbreviation: "Abbreviation",
  requireConfirmation: "Require confirmation",
};

/** The label a template writes for a config key: the first Vietnamese alias, or the English one. */
export function configKeyLabel(key: ConfigKey, lang: Lang): string {
  return lang === "vi" ? CONFIG_KEYS[key][0] : CONFIG_LABELS_EN[key];
}

const SECTIONS_VI: Record<string, string> = {
  TT: "I. CÔNG TÁC THANH TRA",
  TCD: "II. CÔNG TÁC TIẾP CÔNG DÂN",
  XLD: "III. CÔNG TÁC XỬ LÝ ĐƠN",
  GQ: "IV. GIẢI QUYẾT KHIẾU NẠI, TỐ CÁO",
  PCTN: "V. PHÒNG, CHỐNG THAM NHŨNG",
};
const SECTIONS_EN: Record<string, string> = {
  TT: "I. INSPECTIONS",
  TCD: "II. CITIZEN RECEPTION",
  XLD: "III. APPLICATIONS",
  GQ: "IV. COMPLAINTS AND DENUNCIATIONS",
  PCTN: "V. ANTI-CORRUPTION",
};

export const TEMPLATE_TEXT = {
  vi: {
    configSheet: "Cấu hình",
    scoringSheet: "Chấm điểm",
    configTitle: "CẤU HÌNH KHỐI THI ĐUA",
    configHint:
      "Điền vào các ô tô màu vàng; di chuột vào tên mục để xem hướng dẫn. Các nhãn được khóa để tránh sửa nhầm (không có mật khẩu: Xem lại → Bỏ bảo vệ trang tính nếu cần sửa cấu trúc).",
    keyNotes: {
      bloc: "Tên Khối thi đua, ví dụ: Khối Thi đua số 2. In trên bảng tổng hợp và tờ trình.",
      year: "Năm báo cáo (4 chữ số). Cột số liệu của năm này trên sheet đơn vị là bắt buộc.",
      compareYear: "Năm dùng để so sánh. Mặc định là năm báo cáo trừ 1 (công thức); có thể ghi một năm khác, nhỏ hơn năm báo cáo.",
      period: "Để trống hoặc ghi Năm cho báo cáo cả năm; ghi 6 tháng, 9 tháng, Quý I … Quý IV cho báo cáo sơ kết. Tiêu đề cột số liệu ghi theo kỳ, ví dụ: 6 tháng 2024.",
      leader: "Mã đơn vị Khối trưởng, phải có trong danh sách đơn vị bên dưới. Đơn vị này đứng tên tờ trình.",
      deputy: "Mã đơn vị Khối phó (không bắt buộc), phải có trong danh sách đơn vị bên dưới.",
      theme: "Chủ đề phong trào thi đua của năm, ví dụ: Siết chặt kỷ cương, tăng cường hiệu quả.",
      basis: "Văn bản phát động thi đua làm căn cứ, ví dụ: Kế hoạch số 66/KH-TTCP ngày 12/01/2023 của Thanh tra Chính phủ.",
      covenant: "Bản giao ước thi đua giữa các đơn vị trong Khối (không bắt buộc).",
      flagQuota: "Số đơn vị đề nghị tặng Cờ thi đua của Thanh tra Chính phủ (số nguyên, thường là 1).",
      meritQuota: "Số đơn vị đề nghị tặng Bằng khen của Tổng Thanh tra Chính phủ (số nguyên, thường là 1).",
      flagThreshold: "Tổng điểm tối thiểu để được đề nghị Cờ thi đua. Để trống nếu Khối không quy định điểm sàn.",
      meritThreshold: "Tổng điểm tối thiểu để được đề nghị Bằng khen. Để trống nếu Khối không quy định điểm sàn.",
      nextLeader: "Đơn vị làm Khối trưởng năm sau: mã, tên, hoặc “mã - tên” nếu đơn vị không thuộc danh sách bên dưới.",
      nextDeputy: "Đơn vị làm Khối phó năm sau: mã, tên, hoặc “mã - tên”, ví dụ: BTC - Thanh tra Bộ Tài chính.",
      place: "Địa danh ghi ở đầu tờ trình, ví dụ: Hà Nội.",
      signer: "Họ và tên người ký tờ trình.",
      signerTitle: "Chức vụ của người ký, ví dụ: Chánh Thanh tra Bộ Công an.",
      abbreviation: "Chữ viết tắt của đơn vị Khối trưởng dùng trong số ký hiệu tờ trình, ví dụ: TTBCA (Số: …/TTr-TTBCA).",
      requireConfirmation: "Có: đơn vị chưa ghi cột “Xác nhận” trong danh sách đơn vị là lỗi, chưa lập tờ trình. Không: chỉ hiển thị đơn vị nào đã xác nhận.",
    } satisfies Record<ConfigKey, string>,
    rosterTitle: "DANH SÁCH ĐƠN VỊ TRONG KHỐI",
    rosterHeader: ["Mã", "Tên đơn vị", "Tên sheet", "Xác nhận"] as readonly string[],
    confirmPrompt: {
      title: "Xác nhận số liệu",
      message: "Đơn vị đã kiểm tra và xác nhận số liệu của mình: ghi người và ngày xác nhận (ví dụ: Nguyễn Văn A, 15/01/2024) hoặc “x”. Để trống nếu chưa xác nhận.",
    },
    requireNo: "Không",
    rosterNote:
      "Mỗi đơn vị một dòng. Mã: ngắn, không dấu, không khoảng trắng (ví dụ BCA). Tên sheet: tên sheet số liệu của đơn vị (mặc định là mã). Thêm đơn vị: ghi vào dòng trống kế tiếp và tạo sheet cùng tên.",
    placeholderName: (n: number) => `Đơn vị ${n}`,
    unitTitle: (name: string) => name.toLocaleUpperCase("vi"),
    unitSubtitle: (year: number) => `BÁO CÁO KẾT QUẢ CÔNG TÁC THANH TRA, TIẾP CÔNG DÂN, XỬ LÝ ĐƠN, GIẢI QUYẾT KHIẾU NẠI, TỐ CÁO VÀ PHÒNG, CHỐNG THAM NHŨNG NĂM ${year}`,
    unitHint: "Nhập số liệu vào các ô tô màu vàng. Chỉ tiêu in đậm là bắt buộc: số 0 phải ghi là 0, không để trống. Số tiền tính bằng tỷ đồng.",
    unitHeader: { stt: "STT", code: "Mã", name: "Chỉ tiêu", uom: "Đơn vị tính", note: "Ghi chú" },
    yearHeader: (year: number) => `Năm ${year}`,
    sections: SECTIONS_VI,
    scoringTitle: (year: number) => `BẢNG CHẤM ĐIỂM THI ĐUA NĂM ${year}`,
    scoringHint: "Tên tiêu chí và hàng “Điểm tối đa” là mặc định, Khối sửa cho đúng bảng chấm điểm đã thống nhất. Tổng điểm = tổng các tiêu chí + điểm cộng − điểm trừ.",
    scoringHeader: { code: "Mã đơn vị", name: "Tên đơn vị", bonus: "Điểm cộng", penalty: "Điểm trừ", flagVotes: "Phiếu Cờ", meritVotes: "Phiếu Bằng khen" },
    maxRow: "Điểm tối đa",
    criteria: [
      ["Công tác thanh tra", 30],
      ["Tiếp công dân, xử lý đơn", 25],
      ["Giải quyết khiếu nại, tố cáo", 20],
      ["Phòng, chống tham nhũng, tiêu cực", 15],
      ["Xây dựng ngành, phong trào thi đua", 10],
    ] as [string, number][],
    criterionNote: "Tên tiêu chí có thể sửa, thêm hoặc bớt cột tiêu chí (bỏ bảo vệ trang tính trước).",
    // Data validation texts (title ≤ 32 characters, message ≤ 255).
    badNumberTitle: "Số không hợp lệ",
    prompt: {
      count: (code: string, unit: string, required: boolean, relation: string) =>
        `${code}: số nguyên không âm (${unit}).${relation ? ` ${relation}.` : ""} ${required ? "Bắt buộc: không có thì ghi 0." : "Không bắt buộc; không có thì ghi 0."}`,
      money: (code: string, required: boolean) =>
        `${code}: số tiền không âm, tính bằng tỷ đồng (tối đa 3 chữ số thập phân). ${required ? "Bắt buộc: không có thì ghi 0." : "Không bắt buộc."}`,
      number: (code: string, unit: string, required: boolean) => `${code}: số không âm (${unit}). ${required ? "Bắt buộc." : "Không bắt buộc."}`,
      relation: (op: "<=" | ">=", other: string) => (op === "<=" ? `Không lớn hơn ${other}` : `Không nhỏ hơn ${other}`),
      year: "Năm gồm 4 chữ số, ví dụ 2023.",
      quota: "Số nguyên không âm, thường là 1.",
      threshold: "Số điểm không âm; để trống nếu không có điểm sàn.",
      score: "Điểm từ 0 đến điểm tối đa của tiêu chí (hàng “Điểm tối đa”).",
      maxScore: "Điểm tối đa của tiêu chí (số không âm).",
      bonus: "Điểm cộng (số không âm); để trống nếu không có.",
      penalty: "Điểm trừ (số không âm); để trống nếu không có.",
      votes: "Số phiếu bầu (số nguyên không âm).",
    },
    error: {
      count: "Chỉ nhập số nguyên không âm (0, 1, 2, …), không nhập chữ hay số thập phân.",
      decimal: "Chỉ nhập số không âm, không nhập chữ hay ký hiệu tiền tệ.",
      year: "Năm phải là số nguyên có 4 chữ số, từ 1900 đến 2200.",
      score: "Điểm phải từ 0 đến điểm tối đa của tiêu chí.",
    },
  },
  en: {
    configSheet: "Config",
    scoringSheet: "Scoring",
    configTitle: "EMULATION BLOC CONFIGURATION",
    configHint:
      "Fill in the yellow cells; hover over a key to read its note. Labels are locked against accidental edits (no password: Review → Unprotect Sheet to change the layout).",
    keyNotes: {
      bloc: "Name of the emulation bloc, e.g. Khối Thi đua số 2. Printed on the summary and the submission.",
      year: "Report year (4 digits). The unit sheets must have a column for it.",
      compareYear: "Year to compare with. Defaults to the report year minus 1 (a formula); any earlier year may be typed instead.",
      period: "Blank or Year for the whole year; 6 months, 9 months, Q1 … Q4 for a mid-year review. Figure columns are headed by period, e.g. 6 tháng 2024.",
      leader: "Code of the leader unit; must be on the roster below. The submission is issued in its name.",
      deputy: "Code of the deputy unit (optional); must be on the roster below.",
      theme: "Theme of the year's emulation movement.",
      basis: "The plan the movement follows, e.g. Kế hoạch số 66/KH-TTCP ngày 12/01/2023 của Thanh tra Chính phủ.",
      covenant: "The bloc's emulation covenant (optional).",
      flagQuota: "How many units to propose for the Emulation Flag (whole number, usually 1).",
      meritQuota: "How many units to propose for the Certificate of Merit (whole number, usually 1).",
      flagThreshold: "Minimum total score for the Emulation Flag. Leave blank if the bloc sets none.",
      meritThreshold: "Minimum total score for the Certificate of Merit. Leave blank if the bloc sets none.",
      nextLeader: "Next year's leader: code, name, or “code - name” when it is not on the roster.",
      nextDeputy: "Next year's deputy: code, name, or “code - name”, e.g. BTC - Thanh tra Bộ Tài chính.",
      place: "Place printed at the head of the submission, e.g. Hà Nội.",
      signer: "Full name of the signer of the submission.",
      signerTitle: "Title of the signer.",
      abbreviation: "Abbreviation of the leader unit used in the submission's number, e.g. TTBCA (Số: …/TTr-TTBCA).",
      requireConfirmation: "Yes: a unit with nothing in the roster's “Confirmed” column is an error and no submission is drafted. No: the build only shows which units confirmed.",
    } satisfies Record<ConfigKey, string>,
    rosterTitle: "UNITS OF THE BLOC",
    rosterHeader: ["Code", "Unit name", "Sheet", "Confirmed"] as readonly string[],
    confirmPrompt: {
      title: "Figures confirmed",
      message: "The unit checked and confirmed its figures: write who confirmed and when (e.g. Nguyen Van A, 15/01/2024) or “x”. Leave blank until it confirms.",
    },
    requireNo: "No",
    rosterNote:
      "One unit per row. Code: short, no spaces (e.g. BCA). Sheet: the name of the unit's report sheet (the code by default). To add a unit, fill the next blank row and add a sheet of that name.",
    placeholderName: (n: number) => `Unit ${n}`,
    unitTitle: (name: string) => name.toUpperCase(),
    unitSubtitle: (year: number) => `REPORT ON INSPECTION, CITIZEN RECEPTION, APPLICATIONS, COMPLAINTS, DENUNCIATIONS AND ANTI-CORRUPTION WORK, ${year}`,
    unitHint: "Type the figures in the yellow cells. Bold indicators are required: write 0 for none, never leave them blank. Money in billion VND.",
    unitHeader: { stt: "No.", code: "Code", name: "Indicator", uom: "Unit of measure", note: "Note" },
    yearHeader: (year: number) => `Year ${year}`,
    sections: SECTIONS_EN,
    scoringTitle: (year: number) => `EMULATION SCORES ${year}`,
    scoringHint: "Criteria and the “Maximum” row are defaults: edit them to match the bloc's agreed score sheet. Total = sum of criteria + bonus − penalty.",
    scoringHeader: { code: "Unit code", name: "Unit name", bonus: "Bonus", penalty: "Penalty", flagVotes: "Flag votes", meritVotes: "Merit votes" },
    maxRow: "Maximum",
    criteria: [
      ["Inspections", 30],
      ["Citizen reception, applications", 25],
      ["Complaints and denunciations", 20],
      ["Anti-corruption", 15],
      ["Sector building, emulation", 10],
    ] as [string, number][],
    criterionNote: "Criteria may be renamed, added or removed (unprotect the sheet first).",
    badNumberTitle: "Invalid number",
    prompt: {
      count: (code: string, unit: string, required: boolean, relation: string) =>
        `${code}: a whole number ≥ 0 (${unit}).${relation ? ` ${relation}.` : ""} ${required ? "Required: write 0 for none." : "Optional."}`,
      money: (code: string, required: boolean) => `${code}: an amount ≥ 0 in billion VND (up to 3 decimals). ${required ? "Required: write 0 for none." : "Optional."}`,
      number: (code: string, unit: string, required: boolean) => `${code}: a number ≥ 0 (${unit}). ${required ? "Required." : "Optional."}`,
      relation: (op: "<=" | ">=", other: string) => (op === "<=" ? `At most ${other}` : `At least ${other}`),
      year: "A 4-digit year, e.g. 2023.",
      quota: "A whole number ≥ 0, usually 1.",
      threshold: "A score ≥ 0; leave blank for no threshold.",
      score: "A score from 0 to the criterion's maximum (the “Maximum” row).",
      maxScore: "The criterion's maximum score (≥ 0).",
      bonus: "Bonus points (≥ 0); leave blank for none.",
      penalty: "Penalty points (≥ 0); leave blank for none.",
      votes: "Number of votes (a whole number ≥ 0).",
    },
    error: {
      count: "Only whole numbers ≥ 0 (0, 1, 2, …): no text, no decimals.",
      decimal: "Only numbers ≥ 0: no text, no currency symbols.",
      year: "A year is a 4-digit whole number from 1900 to 2200.",
      score: "A score lies between 0 and the criterion's maximum.",
    },
  },
} satisfies Record<Lang, unknown>;

export type TemplateText = (typeof TEMPLATE_TEXT)["vi"];

export function templateText(lang: Lang): TemplateText {
  return TEMPLATE_TEXT[lang];
}

/** The section heading above the first indicator of a code family (TT, TCD, …), if known. */
export function sectionOf(code: string, lang: Lang): string | null {
  const family = /^[A-Za-z]+/.exec(code)?.[0]?.toUpperCase() ?? "";
  return TEMPLATE_TEXT[lang].sections[family] ?? null;
}

/** Prompt text for an indicator's value cell. */
export function indicatorPrompt(lang: Lang, ind: { code: string; unit: string; kind: IndicatorKind; required: boolean }, relation: string): string {
  const P = TEMPLATE_TEXT[lang].prompt;
  if (ind.kind === "integer") return P.count(ind.code, ind.unit, ind.required, relation);
  if (ind.kind === "money") return P.money(ind.code, ind.required);
  return P.number(ind.code, ind.unit, ind.required);
}

/** Texts of the `template` command. */
export const TEMPLATE_CLI_TEXT = {
  vi: {
    noOut: "Lệnh template cần --out <tệp.xlsx>: nơi ghi sổ mẫu.",
    notXlsx: (f: string) => `Tệp kết quả phải có đuôi .xlsx: ${f}`,
    noInput: (a: string) => `Lệnh template không đọc tệp đầu vào ("${a}"); dùng --out <tệp.xlsx>.`,
    notForTemplate: (o: string) => `Tùy chọn ${o} không dùng với lệnh template.`,
    badYear: (y: string) => `Năm không hợp lệ: "${y}" (cần 4 chữ số, từ 1901 đến 2200).`,
    noUnits: "Danh sách --units trống.",
    tooManyUnits: (n: number, max: number) => `Quá nhiều đơn vị: ${n} (tối đa ${max}).`,
    badCode: (c: string) => `Mã đơn vị không hợp lệ: "${c}" (chỉ chữ không dấu, số, dấu chấm, gạch dưới; tối đa 16 ký tự).`,
    duplicateCode: (c: string) => `Mã đơn vị bị trùng: "${c}".`,
    reservedCode: (c: string) => `Mã đơn vị "${c}" trùng tên sheet dành riêng (Cấu hình, Chấm điểm…).`,
    exists: (f: string) => `Tệp đã tồn tại: ${f}. Sổ mẫu không ghi đè lên tệp có sẵn; chọn tên khác hoặc thêm --force.`,
    wrote: (f: string, units: number, year: number) => `Đã tạo sổ mẫu ${f}: ${units} đơn vị, năm ${year}.`,
  },
  en: {
    noOut: "The template command needs --out <file.xlsx>: where to write the template.",
    notXlsx: (f: string) => `The output file must end in .xlsx: ${f}`,
    noInput: (a: string) => `The template command reads no input file ("${a}"); use --out <file.xlsx>.`,
    notForTemplate: (o: string) => `Option ${o} does not apply to the template command.`,
    badYear: (y: string) => `Invalid year: "${y}" (4 digits, 1901 to 2200).`,
    noUnits: "The --units list is empty.",
    tooManyUnits: (n: number, max: number) => `Too many units: ${n} (at most ${max}).`,
    badCode: (c: string) => `Invalid unit code: "${c}" (letters without diacritics, digits, dot, underscore; at most 16 characters).`,
    duplicateCode: (c: string) => `Duplicate unit code: "${c}".`,
    reservedCode: (c: string) => `Unit code "${c}" is a reserved sheet name (Config, Scoring…).`,
    exists: (f: string) => `File exists: ${f}. The template never overwrites a file; choose another name or add --force.`,
    wrote: (f: string, units: number, year: number) => `Template written to ${f}: ${units} units, year ${year}.`,
  },
} satisfies Record<Lang, unknown>;

/** The texts every template problem needs; the CLI and the pane each word them for their own user. */
export interface TemplateProblemTexts {
  badYear: (y: string) => string;
  noUnits: string;
  tooManyUnits: (count: number, max: number) => string;
  badCode: (c: string) => string;
  duplicateCode: (c: string) => string;
  reservedCode: (c: string) => string;
}
