/** Texts of the task pane and the ribbon command, Vietnamese and English: one table per language. */
import type { Lang } from "./format";

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
    failed: "Không thực hiện được",
    dismiss: "Đóng",
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
    failed: "Could not complete",
    dismiss: "Dismiss",
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
