/** Texts of the command line, Vietnamese and English. */
import type { Lang } from "./format";

export const CLI_TEXT = {
  vi: {
    usage: `Cách dùng:
  npm run cli -- build <sổ.xlsx> [--out <tệp.xlsx>] [--docx <tệp.docx>] [--minutes <tệp.docx>] [--json] [--lang vi|en]
  npm run cli -- validate <sổ.xlsx> [--json] [--lang vi|en]
  npm run cli -- template --out <tệp.xlsx> [--units <mã,mã,...>] [--year <năm>] [--bloc "<tên khối>"] [--lang vi|en] [--force]`,
    unknownCommand: (c: string) => `Lệnh không hợp lệ: "${c}".`,
    unknownOption: (o: string) => `Tùy chọn không hợp lệ: "${o}".`,
    missingValue: (o: string) => `Tùy chọn ${o} cần một giá trị.`,
    badLang: (l: string) => `Ngôn ngữ không hỗ trợ: "${l}" (chỉ có vi hoặc en).`,
    noInput: "Thiếu đường dẫn tới sổ Excel (.xlsx).",
    notFound: (f: string) => `Không tìm thấy tệp: ${f}`,
    notAFile: (f: string) => `Không phải là tệp: ${f}`,
    empty: (f: string) => `Tệp rỗng: ${f}`,
    tooBig: (f: string, mb: number) => `Tệp ${f} lớn hơn giới hạn ${mb} MB.`,
    tooBigUnzipped: (f: string, mb: number) => `Tệp ${f} khi giải nén lớn hơn giới hạn ${mb} MB, không thể đọc an toàn.`,
    encrypted: (f: string) => `Tệp ${f} được bảo vệ bằng mật khẩu hoặc là định dạng .xls cũ. Hãy mở trong Excel, bỏ mật khẩu và lưu lại thành .xlsx.`,
    notXlsx: (f: string) => `Tệp ${f} không phải là sổ Excel .xlsx.`,
    corrupt: (f: string) => `Không đọc được sổ Excel ${f}: tệp bị hỏng hoặc không đầy đủ.`,
    noSheets: (f: string) => `Sổ Excel ${f} không có sheet nào.`,
    tooManyCells: (sheet: string, range: string, cells: string, limit: string) => `Sheet "${sheet}" có vùng dữ liệu ${range} (${cells} ô), vượt giới hạn ${limit} ô. Hãy xóa các ô thừa ở xa bảng số liệu.`,
    sameAsInput: "Tệp kết quả không được trùng với tệp đầu vào.",
    writeFailed: (f: string, why: string) => `Không ghi được ${f}: ${why}`,
    wrote: (f: string) => `Đã ghi: ${f}`,
    noSubmission: (n: number) => `Không tạo tờ trình vì còn ${n} lỗi; sửa các lỗi trong sheet "Kiểm tra" rồi chạy lại.`,
  },
  en: {
    usage: `Usage:
  npm run cli -- build <workbook.xlsx> [--out <file.xlsx>] [--docx <file.docx>] [--minutes <file.docx>] [--json] [--lang vi|en]
  npm run cli -- validate <workbook.xlsx> [--json] [--lang vi|en]
  npm run cli -- template --out <file.xlsx> [--units <code,code,...>] [--year <yyyy>] [--bloc "<bloc name>"] [--lang vi|en] [--force]`,
    unknownCommand: (c: string) => `Unknown command: "${c}".`,
    unknownOption: (o: string) => `Unknown option: "${o}".`,
    missingValue: (o: string) => `Option ${o} needs a value.`,
    badLang: (l: string) => `Unsupported language: "${l}" (vi or en).`,
    noInput: "Missing the path of the Excel workbook (.xlsx).",
    notFound: (f: string) => `File not found: ${f}`,
    notAFile: (f: string) => `Not a file: ${f}`,
    empty: (f: string) => `Empty file: ${f}`,
    tooBig: (f: string, mb: number) => `File ${f} is larger than the ${mb} MB limit.`,
    tooBigUnzipped: (f: string, mb: number) => `File ${f} unpacks to more than the ${mb} MB limit and cannot be read safely.`,
    encrypted: (f: string) => `File ${f} is password-protected or an old .xls file. Open it in Excel, remove the password and save it as .xlsx.`,
    notXlsx: (f: string) => `File ${f} is not an Excel .xlsx workbook.`,
    corrupt: (f: string) => `Cannot read the Excel workbook ${f}: the file is damaged or incomplete.`,
    noSheets: (f: string) => `The workbook ${f} has no sheets.`,
    tooManyCells: (sheet: string, range: string, cells: string, limit: string) => `Sheet "${sheet}" has a used range ${range} (${cells} cells), over the limit of ${limit} cells. Clear the stray cells far from the table.`,
    sameAsInput: "The output file must not be the input file.",
    writeFailed: (f: string, why: string) => `Could not write ${f}: ${why}`,
    wrote: (f: string) => `Written: ${f}`,
    noSubmission: (n: number) => `No submission written: ${n} errors remain; fix them (see the "Kiểm tra" sheet) and run again.`,
  },
} satisfies Record<Lang, unknown>;
