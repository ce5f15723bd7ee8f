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
    encrypted: (f: string) => `Tệp ${f} là sổ Excel được mã hóa bằng mật khẩu. Hãy mở trong Excel, bỏ mật khẩu (Tệp › Thông tin › Bảo vệ Sổ làm việc › Mã hóa bằng Mật khẩu) rồi lưu lại thành .xlsx.`,
    xls: (f: string, noConverter: boolean) =>
      `Tệp ${f} là sổ Excel 97–2003 (.xls), định dạng cũ. Hãy mở trong Excel và chọn Tệp › Lưu thành › Sổ làm việc Excel (*.xlsx)${noConverter ? "; hoặc cài LibreOffice để chương trình tự chuyển đổi" : ""}.`,
    ods: (f: string, noConverter: boolean) =>
      `Tệp ${f} là bảng tính OpenDocument (.ods, của LibreOffice/OpenOffice), không phải .xlsx. Hãy mở trong LibreOffice Calc và chọn Tệp › Lưu thành › Excel 2007-365 (.xlsx)${noConverter ? "; hoặc cài LibreOffice để chương trình tự chuyển đổi" : ""}.`,
    csv: (f: string) => `Tệp ${f} là văn bản phân tách bằng dấu phẩy (CSV), không phải sổ Excel: không có sheet, công thức hay định dạng. Hãy mở trong Excel và chọn Tệp › Lưu thành › Sổ làm việc Excel (*.xlsx).`,
    html: (f: string) => `Tệp ${f} là trang HTML (bảng xuất từ trang web), không phải sổ Excel .xlsx. Hãy mở trong Excel và chọn Tệp › Lưu thành › Sổ làm việc Excel (*.xlsx).`,
    xml2003: (f: string) => `Tệp ${f} là bảng tính XML của Excel 2003, không phải .xlsx. Hãy mở trong Excel và chọn Tệp › Lưu thành › Sổ làm việc Excel (*.xlsx).`,
    converted: (f: string, format: string) => `Đã chuyển tệp ${f} (.${format}) sang .xlsx bằng LibreOffice để đọc; tệp gốc không thay đổi.`,
    convertFailed: (f: string, format: string, why: string) => `Không chuyển được tệp ${f} (.${format}) sang .xlsx bằng LibreOffice (${why}). Hãy mở tệp và lưu lại thành .xlsx.`,
    notXlsx: (f: string) => `Tệp ${f} không phải là sổ Excel .xlsx.`,
    corrupt: (f: string) => `Không đọc được sổ Excel ${f}: tệp bị hỏng hoặc không đầy đủ.`,
    corruptPart: (f: string, part: string) => `Không đọc được sổ Excel ${f}: phần ${part} bị hỏng hoặc không đầy đủ.`,
    sheetUnreadable: (f: string, sheet: string, why: string) => `Không đọc được sheet "${sheet}" trong ${f}: ${why}. Sheet này không bị bỏ qua: hãy mở sổ trong Excel, kiểm tra sheet rồi lưu lại.`,
    sheetNoPart: "sổ không chỉ ra phần dữ liệu của sheet",
    sheetMissingPart: (part: string) => `tệp thiếu phần ${part}`,
    sheetDamaged: (part: string, detail: string) => `phần ${part} bị hỏng (${detail})`,
    sheetNotWorksheet: (part: string, root: string) => `phần ${part} không phải trang tính (<${root}>)`,
    sheetMissingString: (cell: string, index: number) => `ô ${cell} trỏ tới chuỗi dùng chung số ${index} mà sổ không có`,
    noSheets: (f: string) => `Sổ Excel ${f} không có sheet nào.`,
    tooManyCells: (sheet: string, range: string, cells: string, limit: string) => `Sheet "${sheet}" có vùng dữ liệu ${range} (${cells} ô), vượt giới hạn ${limit} ô. Hãy xóa các ô thừa ở xa bảng số liệu.`,
    sameAsInput: "Tệp kết quả không được trùng với tệp đầu vào.",
    writeFailed: (f: string, why: string) => `Không ghi được ${f}: ${why}`,
    wrote: (f: string) => `Đã ghi: ${f}`,
    chartSkipped: (sheet: string, why: string) => `Không thêm được biểu đồ vào sheet "${sheet}" (${why}); số liệu vẫn được ghi đầy đủ.`,
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
    encrypted: (f: string) => `File ${f} is a password-encrypted Excel workbook. Open it in Excel, remove the password (File › Info › Protect Workbook › Encrypt with Password) and save it as .xlsx.`,
    xls: (f: string, noConverter: boolean) =>
      `File ${f} is an Excel 97–2003 workbook (.xls), an old format. Open it in Excel and choose File › Save As › Excel Workbook (*.xlsx)${noConverter ? "; or install LibreOffice to have it converted automatically" : ""}.`,
    ods: (f: string, noConverter: boolean) =>
      `File ${f} is an OpenDocument spreadsheet (.ods, from LibreOffice/OpenOffice), not .xlsx. Open it in LibreOffice Calc and choose File › Save As › Excel 2007-365 (.xlsx)${noConverter ? "; or install LibreOffice to have it converted automatically" : ""}.`,
    csv: (f: string) => `File ${f} is comma-separated text (CSV), not an Excel workbook: it has no sheets, formulas or formats. Open it in Excel and choose File › Save As › Excel Workbook (*.xlsx).`,
    html: (f: string) => `File ${f} is an HTML page (a table exported by a web site), not an Excel .xlsx workbook. Open it in Excel and choose File › Save As › Excel Workbook (*.xlsx).`,
    xml2003: (f: string) => `File ${f} is an Excel 2003 XML spreadsheet, not .xlsx. Open it in Excel and choose File › Save As › Excel Workbook (*.xlsx).`,
    converted: (f: string, format: string) => `Converted ${f} (.${format}) to .xlsx with LibreOffice to read it; the original file is unchanged.`,
    convertFailed: (f: string, format: string, why: string) => `LibreOffice could not convert ${f} (.${format}) to .xlsx (${why}). Open the file and save it as .xlsx.`,
    notXlsx: (f: string) => `File ${f} is not an Excel .xlsx workbook.`,
    corrupt: (f: string) => `Cannot read the Excel workbook ${f}: the file is damaged or incomplete.`,
    corruptPart: (f: string, part: string) => `Cannot read the Excel workbook ${f}: its part ${part} is damaged or incomplete.`,
    sheetUnreadable: (f: string, sheet: string, why: string) => `Cannot read sheet "${sheet}" in ${f}: ${why}. The sheet is not skipped: open the workbook in Excel, check the sheet and save it again.`,
    sheetNoPart: "the workbook names no data part for it",
    sheetMissingPart: (part: string) => `the part ${part} is missing from the file`,
    sheetDamaged: (part: string, detail: string) => `its part ${part} is damaged (${detail})`,
    sheetNotWorksheet: (part: string, root: string) => `its part ${part} is not a worksheet (<${root}>)`,
    sheetMissingString: (cell: string, index: number) => `cell ${cell} refers to shared string ${index}, which the workbook does not have`,
    noSheets: (f: string) => `The workbook ${f} has no sheets.`,
    tooManyCells: (sheet: string, range: string, cells: string, limit: string) => `Sheet "${sheet}" has a used range ${range} (${cells} cells), over the limit of ${limit} cells. Clear the stray cells far from the table.`,
    sameAsInput: "The output file must not be the input file.",
    writeFailed: (f: string, why: string) => `Could not write ${f}: ${why}`,
    wrote: (f: string) => `Written: ${f}`,
    chartSkipped: (sheet: string, why: string) => `The chart could not be added to sheet "${sheet}" (${why}); the figures are written in full.`,
    noSubmission: (n: number) => `No submission written: ${n} errors remain; fix them (see the "Kiểm tra" sheet) and run again.`,
  },
} satisfies Record<Lang, unknown>;
