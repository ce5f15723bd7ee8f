/** Texts of the task pane and the ribbon command, Vietnamese and English: one table per language. */
import type { SkipReason } from "../awards/rule";
import type { AddUnitProblem } from "../template/addUnit";
import type { Lang } from "./format";
import { templateProblemMessage } from "./template";

/** The stages of a build, in the order the pane shows them. */
export const BUILD_STEPS = ["read", "check", "compute", "write"] as const;
export type BuildStep = (typeof BUILD_STEPS)[number];

export const UI = {
  vi: {
    appTitle: "Tổng hợp Khối thi đua",
    language: "Ngôn ngữ",
    langVi: "Tiếng Việt",
    langEn: "English",
    workbook: "Sổ làm việc",
    bloc: "Khối",
    year: "Năm báo cáo",
    compareYear: "Năm so sánh",
    units: (n: number) => `Đơn vị (${n})`,
    noBloc: "(chưa khai báo tên Khối)",
    noYear: "(chưa xác định)",
    noUnits: "Chưa tìm thấy đơn vị nào.",
    reading: "Đang đọc sổ làm việc…",
    status: "Bảng tổng hợp",
    builtAt: (when: string) => `Đã tổng hợp lúc ${when}.`,
    build: "Tổng hợp Khối",
    building: "Đang tổng hợp…",
    recheck: "Kiểm tra lại",
    steps: { read: "Đọc dữ liệu", check: "Kiểm tra", compute: "Tính toán", write: "Ghi kết quả" } satisfies Record<BuildStep, string>,
    stepOf: (k: number, n: number, name: string) => `Bước ${k}/${n}: ${name}`,
    progress: "Tiến độ tổng hợp",
    builtOk: (sheet: string) => `Đã tổng hợp xong; đang mở sheet "${sheet}".`,
    builtWithErrors: (errors: number, sheet: string) => `Đã ghi kết quả nhưng còn ${errors} lỗi; xem sheet "${sheet}" hoặc danh sách dưới đây.`,
    issues: "Lỗi và cảnh báo",
    counts: (errors: number, warnings: number) => `${errors} lỗi, ${warnings} cảnh báo`,
    noIssues: "Không có lỗi hay cảnh báo nào.",
    error: "Lỗi",
    warning: "Cảnh báo",
    goToCell: (sheet: string, cell: string) => `Đến ô ${cell} của sheet ${sheet}`,
    fixTextNumbers: "Sửa số dạng văn bản",
    fixCount: (n: number) => `Sửa số dạng văn bản (${n})`,
    fixTitle: "Ghi các số đang ở dạng văn bản thành số",
    fixIntro: (n: number) => `Các ô sau sẽ được ghi lại thành số (${n} ô). Các ô khác không thay đổi.`,
    fixCell: "Ô",
    fixCurrent: "Hiện tại (văn bản)",
    fixNew: "Giá trị mới (số)",
    fixConfirm: "Ghi thành số",
    cancel: "Hủy",
    fixing: "Đang ghi…",
    fixDone: (n: number) => `Đã ghi ${n} ô thành số và kiểm tra lại. Bấm "Tổng hợp Khối" để cập nhật bảng tổng hợp.`,
    legacyFixCount: (n: number) => `Chuyển sang Unicode (${n})`,
    legacyFixTitle: "Chuyển chữ gõ bằng bảng mã cũ (TCVN3, VNI) sang Unicode",
    legacyFixIntro: (n: number) => `Các ô sau sẽ được ghi lại bằng Unicode (${n} ô). Các ô khác không thay đổi.`,
    legacyFixCurrent: "Hiện tại (bảng mã cũ)",
    legacyFixNew: "Giá trị mới (Unicode)",
    legacyFixConfirm: "Ghi bằng Unicode",
    legacyFixDone: (n: number) => `Đã ghi ${n} ô bằng Unicode và kiểm tra lại.`,
    failed: "Không thực hiện được",
    dismiss: "Đóng",
    // Awards (SPEC §6)
    awards: "Xếp hạng và đề nghị khen thưởng",
    noScoring: "Sổ chưa có sheet \"Chấm điểm\": chưa xếp hạng, chưa đề nghị khen thưởng.",
    colRank: "Hạng",
    colUnit: "Đơn vị",
    colScore: "Tổng điểm",
    flag: "Cờ thi đua",
    merit: "Bằng khen",
    noneProposed: "Không có đơn vị đủ điều kiện.",
    ties: "Bằng điểm cần Khối quyết định",
    tie: (units: string, score: string, award: string, places: number) => `${units} cùng ${score} điểm tại ranh giới ${award} (còn ${places} vị trí): Khối bỏ phiếu.`,
    skipped: "Không đề nghị",
    skipReasons: {
      noScore: "chưa có tổng điểm hợp lệ",
      errors: "còn lỗi chưa sửa",
      belowThreshold: "chưa đạt điểm tối thiểu",
      votes: "chưa được quá nửa số phiếu",
      quota: "hết chỉ tiêu",
      tie: "bằng điểm, chờ Khối bỏ phiếu",
    } satisfies Record<SkipReason, string>,
    // Documents
    documents: "Văn bản",
    downloadSubmission: "Tải tờ trình (.docx)",
    downloadMinutes: "Tải biên bản (.docx)",
    fileName: { submission: (year: number) => `Tờ trình ${year}.docx`, minutes: (year: number) => `Biên bản ${year}.docx` },
    preparing: "Đang tạo tệp…",
    documentsNeedClean: "Tờ trình và biên bản chỉ được lập khi không còn lỗi.",
    downloaded: (file: string) => `Đã tải "${file}".`,
    downloadBlocked: (sheet: string) => `Excel ở đây không cho phép tải tệp. Tờ trình đã được ghi vào sheet "${sheet}" khi tổng hợp: mở sheet đó để in hoặc sao chép.`,
    // Bloc workbook (templates)
    blocWorkbook: "Sổ khối",
    createWorkbook: "Tạo sổ khối",
    createIntro: "Thêm sheet Cấu hình, một sheet cho mỗi đơn vị và sheet Chấm điểm vào sổ đang mở (nên dùng sổ mới).",
    blocName: "Tên Khối",
    templateYear: "Năm báo cáo",
    unitCodes: "Mã đơn vị (cách nhau bằng dấu phẩy)",
    create: "Tạo",
    creating: "Đang tạo…",
    created: (n: number) => `Đã tạo sổ khối: ${n} sheet.`,
    addUnit: "Thêm sheet đơn vị",
    unitCode: "Mã đơn vị",
    unitName: "Tên đơn vị",
    add: "Thêm",
    added: (sheet: string) => `Đã thêm sheet "${sheet}" và dòng của đơn vị vào danh sách.`,
    sheetsExist: (sheets: string) => `Sổ đã có các sheet: ${sheets}. Không ghi đè; hãy mở một sổ mới rồi bấm "Tạo sổ khối".`,
    problems: {
      badYear: (y: string) => `Năm không hợp lệ: "${y}" (cần 4 chữ số, từ 1901 đến 2200).`,
      noUnits: "Hãy nhập ít nhất một mã đơn vị.",
      tooManyUnits: (n: number, max: number) => `Quá nhiều đơn vị: ${n} (tối đa ${max}).`,
      badCode: (c: string) => `Mã đơn vị không hợp lệ: "${c}" (chữ không dấu, số, dấu chấm, gạch dưới; tối đa 16 ký tự).`,
      duplicateCode: (c: string) => `Mã đơn vị bị trùng: "${c}".`,
      reservedCode: (c: string) => `Mã "${c}" trùng tên sheet dành riêng (Cấu hình, Chấm điểm…).`,
      noConfig: "Sổ chưa có sheet Cấu hình: hãy tạo sổ khối trước.",
      noYear: "Chưa xác định được năm báo cáo trên sheet Cấu hình.",
      noRoster: "Không tìm thấy danh sách đơn vị trên sheet Cấu hình.",
      codeTaken: (c: string) => `Mã "${c}" đã có trong danh sách đơn vị.`,
      sheetTaken: (sh: string) => `Sổ đã có sheet "${sh}".`,
      rosterBlocked: (sh: string, row: number) => `Dòng ${row} của sheet "${sh}" không trống: hãy chèn một dòng trống rồi thử lại.`,
    },
    outsideExcel: "Bảng điều khiển này chạy trong Excel. Hãy mở sổ làm việc của Khối trong Excel và bấm \"Tổng hợp Khối\".",
  },
  en: {
    appTitle: "Emulation bloc summary",
    language: "Language",
    langVi: "Tiếng Việt",
    langEn: "English",
    workbook: "Workbook",
    bloc: "Bloc",
    year: "Report year",
    compareYear: "Compare year",
    units: (n: number) => `Units (${n})`,
    noBloc: "(bloc name not set)",
    noYear: "(not found)",
    noUnits: "No unit found yet.",
    reading: "Reading the workbook…",
    status: "Summary",
    builtAt: (when: string) => `Built at ${when}.`,
    build: "Build bloc summary",
    building: "Building…",
    recheck: "Check again",
    steps: { read: "Read", check: "Check", compute: "Compute", write: "Write" } satisfies Record<BuildStep, string>,
    stepOf: (k: number, n: number, name: string) => `Step ${k} of ${n}: ${name}`,
    progress: "Build progress",
    builtOk: (sheet: string) => `Built; opening the "${sheet}" sheet.`,
    builtWithErrors: (errors: number, sheet: string) => `Outputs written, but ${errors} errors remain; see the "${sheet}" sheet or the list below.`,
    issues: "Errors and warnings",
    counts: (errors: number, warnings: number) => `${errors} errors, ${warnings} warnings`,
    noIssues: "No errors or warnings.",
    error: "Error",
    warning: "Warning",
    goToCell: (sheet: string, cell: string) => `Go to cell ${cell} on sheet ${sheet}`,
    fixTextNumbers: "Fix text numbers",
    fixCount: (n: number) => `Fix text numbers (${n})`,
    fixTitle: "Store numbers typed as text as numbers",
    fixIntro: (n: number) => `These cells will be rewritten as numbers (${n} cells). No other cell changes.`,
    fixCell: "Cell",
    fixCurrent: "Now (text)",
    fixNew: "New value (number)",
    fixConfirm: "Store as numbers",
    cancel: "Cancel",
    fixing: "Writing…",
    fixDone: (n: number) => `${n} cells stored as numbers and checked again. Click "Build bloc summary" to update the summary.`,
    legacyFixCount: (n: number) => `Convert to Unicode (${n})`,
    legacyFixTitle: "Convert text typed in legacy encodings (TCVN3, VNI) to Unicode",
    legacyFixIntro: (n: number) => `These cells will be rewritten in Unicode (${n} cells). No other cell changes.`,
    legacyFixCurrent: "Now (legacy encoding)",
    legacyFixNew: "New value (Unicode)",
    legacyFixConfirm: "Store in Unicode",
    legacyFixDone: (n: number) => `${n} cells stored in Unicode and checked again.`,
    failed: "Could not complete",
    dismiss: "Dismiss",
    // Awards (SPEC §6)
    awards: "Ranking and award proposals",
    noScoring: "The workbook has no \"Chấm điểm\" (scoring) sheet: no ranking, no proposal.",
    colRank: "Rank",
    colUnit: "Unit",
    colScore: "Total score",
    flag: "Emulation Flag",
    merit: "Certificate of Merit",
    noneProposed: "No unit qualifies.",
    ties: "Ties for the bloc to resolve",
    tie: (units: string, score: string, award: string, places: number) => `${units} share ${score} points at the ${award} boundary (${places} place(s) left): the bloc votes.`,
    skipped: "Not proposed",
    skipReasons: {
      noScore: "no valid total score",
      errors: "unresolved errors",
      belowThreshold: "below the minimum score",
      votes: "not more than half of the votes",
      quota: "quota filled",
      tie: "tied, pending the bloc's vote",
    } satisfies Record<SkipReason, string>,
    // Documents
    documents: "Documents",
    downloadSubmission: "Download the submission (.docx)",
    downloadMinutes: "Download the minutes (.docx)",
    fileName: { submission: (year: number) => `Submission ${year}.docx`, minutes: (year: number) => `Minutes ${year}.docx` },
    preparing: "Preparing the file…",
    documentsNeedClean: "The submission and the minutes are drawn up only when no error remains.",
    downloaded: (file: string) => `Downloaded "${file}".`,
    downloadBlocked: (sheet: string) => `Excel here does not allow downloads. The build wrote the submission to the "${sheet}" sheet: open it to print or copy.`,
    // Bloc workbook (templates)
    blocWorkbook: "Bloc workbook",
    createWorkbook: "Create bloc workbook",
    createIntro: "Adds the config sheet, one sheet per unit and the scoring sheet to the open workbook (best a new one).",
    blocName: "Bloc name",
    templateYear: "Report year",
    unitCodes: "Unit codes (comma-separated)",
    create: "Create",
    creating: "Creating…",
    created: (n: number) => `Bloc workbook created: ${n} sheets.`,
    addUnit: "Add unit sheet",
    unitCode: "Unit code",
    unitName: "Unit name",
    add: "Add",
    added: (sheet: string) => `Added the "${sheet}" sheet and the unit's row to the roster.`,
    sheetsExist: (sheets: string) => `The workbook already has these sheets: ${sheets}. Nothing was overwritten; open a new workbook and click "Create bloc workbook".`,
    problems: {
      badYear: (y: string) => `Invalid year: "${y}" (4 digits, 1901 to 2200).`,
      noUnits: "Enter at least one unit code.",
      tooManyUnits: (n: number, max: number) => `Too many units: ${n} (at most ${max}).`,
      badCode: (c: string) => `Invalid unit code: "${c}" (letters without diacritics, digits, dot, underscore; at most 16 characters).`,
      duplicateCode: (c: string) => `Duplicate unit code: "${c}".`,
      reservedCode: (c: string) => `Code "${c}" is a reserved sheet name (Config, Scoring…).`,
      noConfig: "The workbook has no config sheet: create the bloc workbook first.",
      noYear: "No report year found on the config sheet.",
      noRoster: "No unit list found on the config sheet.",
      codeTaken: (c: string) => `Code "${c}" is already on the unit list.`,
      sheetTaken: (sh: string) => `The workbook already has a sheet "${sh}".`,
      rosterBlocked: (sh: string, row: number) => `Row ${row} of the "${sh}" sheet is not empty: insert an empty row and try again.`,
    },
    outsideExcel: "This pane runs inside Excel. Open the bloc's workbook in Excel and click \"Build bloc summary\".",
  },
} satisfies Record<Lang, unknown>;

export type UiTexts = (typeof UI)["vi"];

export function uiTexts(lang: Lang): UiTexts {
  return UI[lang];
}

/** Office's display language ("vi-VN", "en-US", …) → the pane's language: Vietnamese for vi*, else English. */
export function langFromLocale(locale: string | null | undefined): Lang {
  return typeof locale === "string" && /^vi(?:[-_]|$)/i.test(locale.trim()) ? "vi" : "en";
}

/** A template or add-unit problem in the pane's words. */
export function templateProblemText(t: UiTexts, p: AddUnitProblem): string {
  const P = t.problems;
  switch (p.kind) {
    case "noConfig":
      return P.noConfig;
    case "noYear":
      return P.noYear;
    case "noRoster":
      return P.noRoster;
    case "codeTaken":
      return P.codeTaken(p.code);
    case "sheetTaken":
      return P.sheetTaken(p.sheet);
    case "rosterBlocked":
      return P.rosterBlocked(p.sheet, p.row + 1);
    default:
      return templateProblemMessage(P, p);
  }
}
