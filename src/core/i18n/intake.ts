/** Texts of importing unit files (SPEC §9.2): the pane's preview and the command line, Vietnamese and English. */
import type { ImportAction, ImportDecision, RecognisedBy } from "../intake/decide";
import { CLI_NAME, type CommandHelp } from "./cli";
import { countEn, type Lang } from "./format";

export interface IntakeTexts {
  title: string;
  action: (a: ImportAction) => string;
  by: Record<RecognisedBy, string>;
  noUnit: string;
  /** One line per file: file → unit → sheet → years → action. */
  line: (d: ImportDecision) => string;
  years: string;
  /** The command line's word for an unknown unit (there is no list to choose from; the summary line says what to do). */
  unknownUnitCli: string;
  noFiles: string;
  needsDecision: (n: number) => string;
  unusable: (n: number) => string;
  imported: (n: number, out: string) => string;
  nothingToWrite: string;
}

const joinYears = (ys: number[]) => ys.join(", ");

/** A file's line on the command line; what the file does not have (an unreadable file's unit, sheet, years) is left out. */
function fileLine(d: ImportDecision, T: IntakeTexts): string {
  const parts = [d.file];
  if (d.unit || d.action.kind !== "unreadable") parts.push(d.unit ? `${d.unit.code} (${d.unit.name})` : T.noUnit);
  if (d.sheet) parts.push(`sheet "${d.sheet}"`);
  if (d.years.length) parts.push(`${T.years} ${joinYears(d.years)}`);
  parts.push(cliActionText(d.action, T));
  return parts.join(" → ");
}

/** What importing does, as the command line says it (no list to choose an unknown unit from). */
export function cliActionText(a: ImportAction, T: IntakeTexts): string {
  return a.kind === "unknownUnit" ? T.unknownUnitCli : T.action(a);
}

export const INTAKE_TEXT: Record<Lang, IntakeTexts> = {
  vi: {
    title: "Nhập báo cáo đơn vị",
    action: (a) =>
      ({
        new: () => "Thêm mới",
        replaces: () => `Thay thế (${a.kind === "replaces" ? a.differing : 0} số liệu khác)`,
        identical: () => "Giống hệt — bỏ qua",
        unknownUnit: () => "Không rõ đơn vị — chọn trong danh sách",
        wrongYear: () => `Sai năm — không có cột năm ${a.kind === "wrongYear" ? a.expected : ""}`,
        unreadable: () =>
          a.kind !== "unreadable"
            ? ""
            : a.reason === "noReportSheet"
              ? "Không đọc được — không có sheet báo cáo (Mã | Chỉ tiêu | <năm>)"
              : a.reason === "notOnRoster"
                ? "Không đọc được — mã đơn vị đã chọn không có trong danh sách"
                : `Không đọc được — ${a.detail ?? ""}`,
      })[a.kind](),
    by: { sheetName: "theo tên sheet", code: "theo mã", title: "theo tên trong tiêu đề", chosen: "do người dùng chọn" },
    noUnit: "(chưa rõ đơn vị)",
    line: (d) => fileLine(d, INTAKE_TEXT.vi),
    years: "năm",
    unknownUnitCli: "Không rõ đơn vị — không nhập",
    noFiles: "Thiếu tệp báo cáo của đơn vị cần nhập.",
    needsDecision: (n) =>
      `${n} tệp cần quyết định: tệp không rõ đơn vị (ghi mã hoặc tên đơn vị như trong danh sách ở sheet "Cấu hình" vào tên sheet hoặc tiêu đề của tệp), hoặc sheet sẽ bị thay thế (chạy lại với --replace).`,
    unusable: (n) => `${n} tệp không nhập được (xem ở trên); chưa ghi gì. Bỏ các tệp đó ra hoặc sửa rồi chạy lại.`,
    imported: (n, out) => `Đã nhập ${n} sheet đơn vị vào ${out}.`,
    nothingToWrite: "Không có sheet nào cần nhập; không ghi tệp.",
  },
  en: {
    title: "Import unit reports",
    action: (a) =>
      ({
        new: () => "New",
        replaces: () => `Replaces (${a.kind === "replaces" ? a.differing : 0} figures differ)`,
        identical: () => "Identical — skipped",
        unknownUnit: () => "Unknown unit — choose from the roster",
        wrongYear: () => `Wrong year — no column for ${a.kind === "wrongYear" ? a.expected : ""}`,
        unreadable: () =>
          a.kind !== "unreadable"
            ? ""
            : a.reason === "noReportSheet"
              ? "Unreadable — no report sheet (Code | Indicator | <year>)"
              : a.reason === "notOnRoster"
                ? "Unreadable — the chosen unit code is not on the roster"
                : `Unreadable — ${a.detail ?? ""}`,
      })[a.kind](),
    by: { sheetName: "by sheet name", code: "by code", title: "by its name in the title", chosen: "chosen by the user" },
    noUnit: "(unit unknown)",
    line: (d) => fileLine(d, INTAKE_TEXT.en),
    years: "years",
    unknownUnitCli: "Unknown unit — not imported",
    noFiles: "Missing the unit files to import.",
    needsDecision: (n) =>
      `${countEn(n, "file")} ${n === 1 ? "needs" : "need"} a decision: a file of an unknown unit (put the unit's code or name, as on the roster of "Cấu hình", in its sheet name or title), or a sheet that would be replaced (run again with --replace).`,
    unusable: (n) => `${countEn(n, "file")} cannot be imported (see above); nothing was written. Leave them out or correct them, then run again.`,
    imported: (n, out) => `Imported ${countEn(n, "unit sheet")} into ${out}.`,
    nothingToWrite: "No sheet to import; no file written.",
  },
};

export const IMPORT_HELP: Record<Lang, CommandHelp> = {
  vi: {
    summary: "nhập các tệp báo cáo của đơn vị vào sổ của Khối: mỗi tệp vào sheet đơn vị theo danh sách (cột Tên sheet)",
    usage: [`${CLI_NAME} import <sổ khối.xlsx> <tệp đơn vị.xlsx>... [--out <tệp.xlsx>] [--replace] [--json] [--lang vi|en]`],
    options: [
      ["--out <tệp.xlsx>", "nơi ghi sổ sau khi nhập (mặc định: <sổ khối>.imported.xlsx; sổ gốc không bị sửa)"],
      ["--replace", "thay thế sheet đơn vị đã có khi số liệu trong tệp khác"],
      ["--json", "in kết quả dạng JSON ra stdout (mọi thông báo khác ra stderr)"],
    ],
    exit: "Mã thoát: 0 đã nhập hết; 1 có tệp cần quyết định (không rõ đơn vị, hoặc thay thế khi chưa có --replace); 2 tham số không dùng được hoặc có tệp không nhập được (không ghi gì).",
  },
  en: {
    summary: "imports the units' report files into the bloc's workbook: each file into its unit's sheet (the roster's Sheet column)",
    usage: [`${CLI_NAME} import <bloc.xlsx> <unit file.xlsx>... [--out <file.xlsx>] [--replace] [--json] [--lang vi|en]`],
    options: [
      ["--out <file.xlsx>", "where the workbook is written after importing (default: <bloc>.imported.xlsx; the original is never changed)"],
      ["--replace", "replace a unit's existing sheet when the file's figures differ"],
      ["--json", "print the result as JSON on stdout (every other message goes to stderr)"],
    ],
    exit: "Exit codes: 0 all imported; 1 some files need a decision (unknown unit, or a replacement without --replace); 2 unusable arguments or some file cannot be imported (nothing written).",
  },
};

/** The pane's "Nhập báo cáo đơn vị" panel. */
export const INTAKE_UI = {
  vi: {
    title: "Nhập báo cáo đơn vị",
    intro: "Chọn tệp Excel (.xlsx) các đơn vị gửi. Xem trước việc sẽ làm với từng tệp; chưa có gì được ghi cho đến khi bấm Nhập vào sổ.",
    pick: "Chọn tệp…",
    reading: "Đang đọc tệp…",
    file: "Tệp",
    unit: "Đơn vị",
    sheet: "Sheet báo cáo",
    years: "Năm",
    action: "Việc sẽ làm",
    chooseUnit: "Chọn đơn vị",
    choosePlaceholder: "— chọn đơn vị —",
    replace: "Thay thế",
    confirm: (n: number) => (n ? `Nhập ${n} sheet vào sổ` : "Không có sheet nào để nhập"),
    importing: "Đang nhập…",
    cancel: "Hủy",
    done: (sheets: string[]) => `Đã nhập ${sheets.length} sheet: ${sheets.join(", ")}. Bấm "Tổng hợp Khối" để cập nhật bảng tổng hợp.`,
    unreadableFile: (why: string) => `không phải sổ Excel .xlsx đọc được (${why})`,
  },
  en: {
    title: "Import unit reports",
    intro: "Pick the Excel files (.xlsx) the units sent. Preview what happens to each; nothing is written until you click Import.",
    pick: "Choose files…",
    reading: "Reading the files…",
    file: "File",
    unit: "Unit",
    sheet: "Report sheet",
    years: "Years",
    action: "Action",
    chooseUnit: "Choose the unit",
    choosePlaceholder: "— choose a unit —",
    replace: "Replace",
    confirm: (n: number) => (n ? `Import ${n} sheets into the workbook` : "No sheet to import"),
    importing: "Importing…",
    cancel: "Cancel",
    done: (sheets: string[]) => `Imported ${sheets.length} sheets: ${sheets.join(", ")}. Click "Build bloc summary" to update the summary.`,
    unreadableFile: (why: string) => `not a readable Excel .xlsx workbook (${why})`,
  },
} satisfies Record<Lang, unknown>;
