/** Texts of the command line, Vietnamese and English: messages, the issue listing and --help. */
import { countEn, type Lang } from "./format";

/** The name the tool is run by (package.json "bin"). */
export const CLI_NAME = "bloc-summary";

/** --help of one command: a one-line summary, usage lines, and its options with what they do. */
export interface CommandHelp {
  summary: string;
  usage: string[];
  options: [flag: string, meaning: string][];
  notes?: string[];
  /** The command's own exit codes, said instead of the tool's general line where they differ. */
  exit?: string;
}

export const CLI_TEXT = {
  vi: {
    unknownCommand: (c: string) => `Lệnh không hợp lệ: "${c}".`,
    noCommand: (names: string) => `Thiếu lệnh (${names}).`,
    unknownOption: (o: string) => `Tùy chọn không hợp lệ: "${o}".`,
    notForCommand: (o: string, c: string) => `Tùy chọn ${o} không dùng với lệnh ${c}.`,
    missingValue: (o: string) => `Tùy chọn ${o} cần một giá trị.`,
    noValueExpected: (o: string) => `Tùy chọn ${o} không nhận giá trị.`,
    tooManyArguments: (a: string) => `Thừa tham số: "${a}".`,
    seeHelp: (c?: string) => `Xem hướng dẫn: ${CLI_NAME}${c ? ` ${c}` : ""} --help`,
    badLang: (l: string) => `Ngôn ngữ không hỗ trợ: "${l}" (chỉ có vi hoặc en).`,
    noInput: "Thiếu đường dẫn tới sổ Excel (.xlsx).",
    notFound: (f: string) => `Không tìm thấy tệp: ${f}`,
    notAFile: (f: string) => `Không phải là tệp: ${f}`,
    empty: (f: string) => `Tệp rỗng: ${f}`,
    tooBig: (f: string, mb: number) => `Tệp ${f} lớn hơn giới hạn ${mb} MB.`,
    tooBigUnzipped: (f: string, mb: number) => `Tệp ${f} khi giải nén lớn hơn giới hạn ${mb} MB, không thể đọc an toàn.`,
    encrypted: (f: string) =>
      `Tệp ${f} là sổ Excel được mã hóa bằng mật khẩu. Hãy mở trong Excel, bỏ mật khẩu (Tệp › Thông tin › Bảo vệ Sổ làm việc › Mã hóa bằng Mật khẩu) rồi lưu lại thành .xlsx.`,
    xls: (f: string, noConverter: boolean) =>
      `Tệp ${f} là sổ Excel 97–2003 (.xls), định dạng cũ. Hãy mở trong Excel và chọn Tệp › Lưu thành › Sổ làm việc Excel (*.xlsx)${noConverter ? "; hoặc cài LibreOffice để chương trình tự chuyển đổi" : ""}.`,
    ods: (f: string, noConverter: boolean) =>
      `Tệp ${f} là bảng tính OpenDocument (.ods, của LibreOffice/OpenOffice), không phải .xlsx. Hãy mở trong LibreOffice Calc và chọn Tệp › Lưu thành › Excel 2007-365 (.xlsx)${noConverter ? "; hoặc cài LibreOffice để chương trình tự chuyển đổi" : ""}.`,
    csv: (f: string) =>
      `Tệp ${f} là văn bản phân tách bằng dấu phẩy (CSV), không phải sổ Excel: không có sheet, công thức hay định dạng. Hãy mở trong Excel và chọn Tệp › Lưu thành › Sổ làm việc Excel (*.xlsx).`,
    html: (f: string) => `Tệp ${f} là trang HTML (bảng xuất từ trang web), không phải sổ Excel .xlsx. Hãy mở trong Excel và chọn Tệp › Lưu thành › Sổ làm việc Excel (*.xlsx).`,
    xml2003: (f: string) => `Tệp ${f} là bảng tính XML của Excel 2003, không phải .xlsx. Hãy mở trong Excel và chọn Tệp › Lưu thành › Sổ làm việc Excel (*.xlsx).`,
    converted: (f: string, format: string) => `Đã chuyển tệp ${f} (.${format}) sang .xlsx bằng LibreOffice để đọc; tệp gốc không thay đổi.`,
    convertFailed: (f: string, format: string, why: string) => `Không chuyển được tệp ${f} (.${format}) sang .xlsx bằng LibreOffice (${why}). Hãy mở tệp và lưu lại thành .xlsx.`,
    notXlsx: (f: string) => `Tệp ${f} không phải là sổ Excel .xlsx.`,
    corrupt: (f: string) => `Không đọc được sổ Excel ${f}: tệp bị hỏng hoặc không đầy đủ.`,
    corruptPart: (f: string, part: string) => `Không đọc được sổ Excel ${f}: phần ${part} bị hỏng hoặc không đầy đủ.`,
    sheetUnreadable: (f: string, sheet: string, why: string) =>
      `Không đọc được sheet "${sheet}" trong ${f}: ${why}. Sheet này không bị bỏ qua: hãy mở sổ trong Excel, kiểm tra sheet rồi lưu lại.`,
    sheetNoPart: "sổ không chỉ ra phần dữ liệu của sheet",
    sheetMissingPart: (part: string) => `tệp thiếu phần ${part}`,
    sheetDamaged: (part: string, detail: string) => `phần ${part} bị hỏng (${detail})`,
    sheetNotWorksheet: (part: string, root: string) => `phần ${part} không phải trang tính (<${root}>)`,
    sheetMissingString: (cell: string, index: number) => `ô ${cell} trỏ tới chuỗi dùng chung số ${index} mà sổ không có`,
    noSheets: (f: string) => `Sổ Excel ${f} không có sheet nào.`,
    tooManyCells: (sheet: string, range: string, cells: string, limit: string) =>
      `Sheet "${sheet}" có vùng dữ liệu ${range} (${cells} ô), vượt giới hạn ${limit} ô. Hãy xóa các ô thừa ở xa bảng số liệu.`,
    sameAsInput: (option: string, f: string) => `Tệp của ${option} trùng với tệp đầu vào: ${f}. Tệp đầu vào không bao giờ bị ghi đè; hãy chọn tên khác.`,
    sameOutputs: (f: string) => `Hai tệp kết quả trùng nhau: ${f}`,
    folderMissing: (option: string, dir: string) => `Thư mục của ${option} không tồn tại: ${dir}`,
    wrongExtension: (option: string, ext: string, f: string) => `Tệp của ${option} phải có đuôi ${ext}: ${f}`,
    writeFailed: (f: string, why: string) => `Không ghi được ${f}: ${why}`,
    wrote: (f: string) => `Đã ghi: ${f}`,
    changes: (n: number) => (n ? `${n} số liệu thay đổi từ lần tổng hợp trước (xem sheet "Nhật ký thay đổi"):` : "Không có số liệu nào thay đổi từ lần tổng hợp trước."),
    change: (unit: string, sheet: string, cell: string, indicator: string, year: number, before: string, after: string) =>
      `  ${unit} ${sheet}!${cell} ${indicator} năm ${year}: ${before} → ${after}`,
    changeNone: "(không có)",
    annotated: (file: string, posted: number, resolved: number, skipped: string[]) =>
      `Bản sao có ghi chú lỗi tại ô: ${file} (${posted} ghi chú mới, ${resolved} đánh dấu đã xử lý${skipped.length ? `; bỏ qua ô có ghi chú của người khác: ${skipped.join(", ")}` : ""}).`,
    noSubmission: (n: number) => `Không tạo tờ trình vì còn ${n} lỗi; sửa các lỗi trong sheet "Kiểm tra" rồi chạy lại.`,
    /** The issue listing of plain `validate` / `build`. */
    listMore: (n: number) => `… và ${n} lỗi/cảnh báo khác`,
    listSeeCheck: `; xem sheet "Kiểm tra" (hoặc chạy lại với --all).`,
    listSeeAll: "; chạy lại với --all để xem hết, hoặc --json.",
  },
  en: {
    unknownCommand: (c: string) => `Unknown command: "${c}".`,
    noCommand: (names: string) => `No command given (${names}).`,
    unknownOption: (o: string) => `Unknown option: "${o}".`,
    notForCommand: (o: string, c: string) => `Option ${o} does not apply to the ${c} command.`,
    missingValue: (o: string) => `Option ${o} needs a value.`,
    noValueExpected: (o: string) => `Option ${o} takes no value.`,
    tooManyArguments: (a: string) => `Unexpected argument: "${a}".`,
    seeHelp: (c?: string) => `See: ${CLI_NAME}${c ? ` ${c}` : ""} --help`,
    badLang: (l: string) => `Unsupported language: "${l}" (vi or en).`,
    noInput: "Missing the path of the Excel workbook (.xlsx).",
    notFound: (f: string) => `File not found: ${f}`,
    notAFile: (f: string) => `Not a file: ${f}`,
    empty: (f: string) => `Empty file: ${f}`,
    tooBig: (f: string, mb: number) => `File ${f} is larger than the ${mb} MB limit.`,
    tooBigUnzipped: (f: string, mb: number) => `File ${f} unpacks to more than the ${mb} MB limit and cannot be read safely.`,
    encrypted: (f: string) =>
      `File ${f} is a password-encrypted Excel workbook. Open it in Excel, remove the password (File › Info › Protect Workbook › Encrypt with Password) and save it as .xlsx.`,
    xls: (f: string, noConverter: boolean) =>
      `File ${f} is an Excel 97–2003 workbook (.xls), an old format. Open it in Excel and choose File › Save As › Excel Workbook (*.xlsx)${noConverter ? "; or install LibreOffice to have it converted automatically" : ""}.`,
    ods: (f: string, noConverter: boolean) =>
      `File ${f} is an OpenDocument spreadsheet (.ods, from LibreOffice/OpenOffice), not .xlsx. Open it in LibreOffice Calc and choose File › Save As › Excel 2007-365 (.xlsx)${noConverter ? "; or install LibreOffice to have it converted automatically" : ""}.`,
    csv: (f: string) =>
      `File ${f} is comma-separated text (CSV), not an Excel workbook: it has no sheets, formulas or formats. Open it in Excel and choose File › Save As › Excel Workbook (*.xlsx).`,
    html: (f: string) =>
      `File ${f} is an HTML page (a table exported by a web site), not an Excel .xlsx workbook. Open it in Excel and choose File › Save As › Excel Workbook (*.xlsx).`,
    xml2003: (f: string) => `File ${f} is an Excel 2003 XML spreadsheet, not .xlsx. Open it in Excel and choose File › Save As › Excel Workbook (*.xlsx).`,
    converted: (f: string, format: string) => `Converted ${f} (.${format}) to .xlsx with LibreOffice to read it; the original file is unchanged.`,
    convertFailed: (f: string, format: string, why: string) => `LibreOffice could not convert ${f} (.${format}) to .xlsx (${why}). Open the file and save it as .xlsx.`,
    notXlsx: (f: string) => `File ${f} is not an Excel .xlsx workbook.`,
    corrupt: (f: string) => `Cannot read the Excel workbook ${f}: the file is damaged or incomplete.`,
    corruptPart: (f: string, part: string) => `Cannot read the Excel workbook ${f}: its part ${part} is damaged or incomplete.`,
    sheetUnreadable: (f: string, sheet: string, why: string) =>
      `Cannot read sheet "${sheet}" in ${f}: ${why}. The sheet is not skipped: open the workbook in Excel, check the sheet and save it again.`,
    sheetNoPart: "the workbook names no data part for it",
    sheetMissingPart: (part: string) => `the part ${part} is missing from the file`,
    sheetDamaged: (part: string, detail: string) => `its part ${part} is damaged (${detail})`,
    sheetNotWorksheet: (part: string, root: string) => `its part ${part} is not a worksheet (<${root}>)`,
    sheetMissingString: (cell: string, index: number) => `cell ${cell} refers to shared string ${index}, which the workbook does not have`,
    noSheets: (f: string) => `The workbook ${f} has no sheets.`,
    tooManyCells: (sheet: string, range: string, cells: string, limit: string) =>
      `Sheet "${sheet}" has a used range ${range} (${cells} cells), over the limit of ${limit} cells. Clear the stray cells far from the table.`,
    sameAsInput: (option: string, f: string) => `The file for ${option} is the input file: ${f}. The input is never overwritten; choose another name.`,
    sameOutputs: (f: string) => `Two outputs are the same file: ${f}`,
    folderMissing: (option: string, dir: string) => `The folder for ${option} does not exist: ${dir}`,
    wrongExtension: (option: string, ext: string, f: string) => `The file for ${option} must end in ${ext}: ${f}`,
    writeFailed: (f: string, why: string) => `Could not write ${f}: ${why}`,
    wrote: (f: string) => `Written: ${f}`,
    changes: (n: number) => (n ? `${countEn(n, "figure")} changed since the last build (see the "Nhật ký thay đổi" change log sheet):` : "No figure changed since the last build."),
    change: (unit: string, sheet: string, cell: string, indicator: string, year: number, before: string, after: string) =>
      `  ${unit} ${sheet}!${cell} ${indicator} ${year}: ${before} → ${after}`,
    changeNone: "(none)",
    annotated: (file: string, posted: number, resolved: number, skipped: string[]) =>
      `Copy with the errors as notes at their cells: ${file} (${posted} new, ${resolved} marked resolved${skipped.length ? `; skipped cells with someone else's note: ${skipped.join(", ")}` : ""}).`,
    noSubmission: (n: number) => `No submission written: ${countEn(n, "error")} ${n === 1 ? "remains" : "remain"}; fix them (see the "Kiểm tra" sheet) and run again.`,
    listMore: (n: number) => `… and ${n} more`,
    listSeeCheck: `; see the "Kiểm tra" sheet (or run again with --all).`,
    listSeeAll: "; run again with --all to see them all, or --json.",
  },
} satisfies Record<Lang, unknown>;

/** The closing words of `npm run demo`. */
export const DEMO_TEXT = {
  vi: {
    done: (out: string, docx: string) =>
      `Mở ${out} trong Excel: sheet "Tổng hợp 2023" (tổng hợp, so sánh), "Kiểm tra" (danh sách lỗi), "Tờ trình 2023" (dự thảo tờ trình); tờ trình dạng Word: ${docx}.`,
    /** The other samples, all figures invented: a mid-year review with a trend, and three blocs to roll up. */
    others: (mid: string, blocs: string) =>
      `Mẫu khác (số liệu minh họa):\n` +
      `  Sơ kết 6 tháng đầu năm 2024, có diễn biến 2021–2024: npm run cli -- build ${mid} --out so-ket.xlsx --docx so-ket.docx\n` +
      `  Tổng hợp ngành từ ba Khối năm 2023: npm run cli -- rollup ${blocs} --out nganh.xlsx --docx nganh.docx`,
  },
  en: {
    done: (out: string, docx: string) =>
      `Open ${out} in Excel: sheets "Tổng hợp 2023" (summary, comparison), "Kiểm tra" (the issues), "Tờ trình 2023" (draft submission); the submission as Word: ${docx}.`,
    others: (mid: string, blocs: string) =>
      `Other samples (invented figures):\n` +
      `  6-month review of 2024 with the 2021–2024 trend: npm run cli -- build ${mid} --out review.xlsx --docx review.docx --lang en\n` +
      `  Sector roll-up of three blocs, 2023: npm run cli -- rollup ${blocs} --out sector.xlsx --docx sector.docx --lang en`,
  },
} satisfies Record<Lang, unknown>;

/** --help of the tool itself; the command list comes from the command table. */
export const CLI_HELP = {
  vi: {
    title: `${CLI_NAME} — kiểm tra, tổng hợp, so sánh số liệu Khối thi đua ngành Thanh tra và dự thảo tờ trình khen thưởng.`,
    usage: `Cách dùng: ${CLI_NAME} <lệnh> [tùy chọn]     (trong thư mục dự án: npx ${CLI_NAME} … hoặc npm run cli -- …)`,
    commands: "Lệnh:",
    options: "Tùy chọn:",
    global: "Tùy chọn chung:",
    lang: "ngôn ngữ của thông báo và tài liệu (mặc định: vi)",
    help: "hướng dẫn này; <lệnh> --help (hoặc help <lệnh>): hướng dẫn của lệnh",
    exit: "Mã thoát: 0 xong, không có lỗi; 1 số liệu có lỗi; 2 tệp hoặc tham số không dùng được (không ghi gì).",
  },
  en: {
    title: `${CLI_NAME} — checks, totals and compares the figures of an emulation bloc of Vietnam's inspectorates and drafts its award submission.`,
    usage: `Usage: ${CLI_NAME} <command> [options]     (in the project folder: npx ${CLI_NAME} … or npm run cli -- …)`,
    commands: "Commands:",
    options: "Options:",
    global: "Common options:",
    lang: "language of messages and documents (default: vi)",
    help: "this help; <command> --help (or help <command>): help on a command",
    exit: "Exit codes: 0 done, no errors; 1 the figures have errors; 2 unusable file or arguments (nothing written).",
  },
} satisfies Record<Lang, unknown>;

export const BUILD_HELP: Record<Lang, CommandHelp> = {
  vi: {
    summary: 'kiểm tra và tổng hợp sổ của Khối: ghi "Tổng hợp <năm>", "Kiểm tra", "Tờ trình <năm>" (và tờ trình .docx)',
    usage: [`${CLI_NAME} build <sổ.xlsx> [--out <tệp.xlsx>] [--docx <tệp.docx>] [--minutes <tệp.docx>] [--annotate <bản-sao.xlsx>] [--json] [--all] [--lang vi|en]`],
    options: [
      ["--out <tệp.xlsx>", "nơi ghi sổ kết quả (mặc định: <sổ>.summary.xlsx cạnh sổ đầu vào; sổ đầu vào không bao giờ bị sửa)"],
      ["--docx <tệp.docx>", "ghi thêm tờ trình dạng Word (chỉ khi số liệu không còn lỗi)"],
      ["--minutes <tệp.docx>", "ghi thêm biên bản họp Khối dạng Word (chỉ khi số liệu không còn lỗi)"],
      ["--annotate <bản-sao.xlsx>", "ghi một bản sao của sổ đầu vào, mỗi lỗi là một ghi chú tại ô của nó (sổ đầu vào không bị sửa)"],
      ["--json", "in kết quả dạng JSON ra stdout (mọi thông báo khác ra stderr)"],
      ["--all", "liệt kê mọi lỗi và cảnh báo (mặc định: những cái đầu tiên)"],
    ],
    exit: 'Mã thoát: 0 xong, không có lỗi; 1 số liệu có lỗi (bảng tổng hợp và sheet "Kiểm tra" vẫn được ghi, tờ trình thì không); 2 tệp hoặc tham số không dùng được (không ghi gì).',
  },
  en: {
    summary: 'checks and totals the bloc\'s workbook: writes "Tổng hợp <year>", "Kiểm tra", "Tờ trình <year>" (and the submission as .docx)',
    usage: [`${CLI_NAME} build <workbook.xlsx> [--out <file.xlsx>] [--docx <file.docx>] [--minutes <file.docx>] [--annotate <copy.xlsx>] [--json] [--all] [--lang vi|en]`],
    options: [
      ["--out <file.xlsx>", "where to write the built workbook (default: <workbook>.summary.xlsx beside the input; the input is never changed)"],
      ["--docx <file.docx>", "also write the submission as a Word document (only when the figures have no errors)"],
      ["--minutes <file.docx>", "also write the bloc meeting's minutes as a Word document (only when the figures have no errors)"],
      ["--annotate <copy.xlsx>", "write a copy of the input workbook with each error as a note at its cell (the input is never changed)"],
      ["--json", "print the result as JSON on stdout (every other message goes to stderr)"],
      ["--all", "list every error and warning (default: the first ones)"],
    ],
    exit: 'Exit codes: 0 done, no errors; 1 the figures have errors (the summary and the "Kiểm tra" sheet are still written, the submission is not); 2 unusable file or arguments (nothing written).',
  },
};

export const VALIDATE_HELP: Record<Lang, CommandHelp> = {
  vi: {
    summary: "chỉ kiểm tra sổ của Khối, không ghi tệp nào; cho biết bảng tổng hợp trong sổ còn đúng với số liệu không",
    usage: [`${CLI_NAME} validate <sổ.xlsx> [--json] [--all] [--lang vi|en]`],
    options: [
      ["--json", "in kết quả dạng JSON ra stdout (mọi thông báo khác ra stderr)"],
      ["--all", "liệt kê mọi lỗi và cảnh báo (mặc định: những cái đầu tiên)"],
    ],
  },
  en: {
    summary: "only checks the bloc's workbook, writes nothing; says whether the summary in it still matches the figures",
    usage: [`${CLI_NAME} validate <workbook.xlsx> [--json] [--all] [--lang vi|en]`],
    options: [
      ["--json", "print the result as JSON on stdout (every other message goes to stderr)"],
      ["--all", "list every error and warning (default: the first ones)"],
    ],
  },
};

export const TEMPLATE_HELP: Record<Lang, CommandHelp> = {
  vi: {
    summary: "tạo sổ Excel mới cho một Khối: sheet Cấu hình, một sheet mẫu cho mỗi đơn vị, sheet Chấm điểm",
    usage: [`${CLI_NAME} template --out <tệp.xlsx> [--units <mã,mã,...>] [--year <năm>] [--bloc "<tên khối>"] [--lang vi|en] [--force]`],
    options: [
      ["--out <tệp.xlsx>", "nơi ghi sổ mẫu (bắt buộc)"],
      ["--units <mã,mã,...>", "mã các đơn vị (mặc định: DV1, DV2, DV3)"],
      ["--year <năm>", "năm báo cáo (mặc định: năm nay)"],
      ["--bloc <tên>", "tên Khối thi đua"],
      ["--force", "ghi đè nếu tệp đã có"],
    ],
    exit: "Mã thoát: 0 đã ghi sổ mẫu; 2 tham số không dùng được, hoặc tệp đã có mà không có --force (không ghi gì).",
  },
  en: {
    summary: "creates a new workbook for a bloc: a Config sheet, one report sheet per unit, a Scoring sheet",
    usage: [`${CLI_NAME} template --out <file.xlsx> [--units <code,code,...>] [--year <yyyy>] [--bloc "<bloc name>"] [--lang vi|en] [--force]`],
    options: [
      ["--out <file.xlsx>", "where to write the template (required)"],
      ["--units <code,code,...>", "the units' codes (default: DV1, DV2, DV3)"],
      ["--year <yyyy>", "the report year (default: this year)"],
      ["--bloc <name>", "the bloc's name"],
      ["--force", "overwrite an existing file"],
    ],
    exit: "Exit codes: 0 template written; 2 unusable arguments, or the file exists and --force is not given (nothing written).",
  },
};
