/**
 * What a host tells the user when Excel (or the workbook) refuses: one key per situation, one text per
 * language. Hosts pick the key; wording lives only here.
 */

import { formatNumber, type Lang } from "./format";

export type HostMessageKey =
  | "itemNotFound"
  | "nameTaken"
  | "alreadyExists"
  | "invalidOperation"
  | "cellEditMode"
  | "accessDenied"
  | "requestTooLarge"
  | "responseTooLarge"
  | "generalException"
  | "workbookTooLarge"
  | "apiNotSupported"
  | "rangeTooLarge"
  | "formulaTooLong"
  | "inactiveWorkbook"
  | "memoryLimit"
  | "workbookBusy"
  | "unknown";

/** Placeholders: {sheet}, {cells}, {total}, {limit}, {detail}, {since}, {minutes}. */
export const HOST_MESSAGES: Record<Lang, Record<HostMessageKey, string>> = {
  vi: {
    itemNotFound: "Không tìm thấy sheet hoặc vùng dữ liệu cần thiết.",
    nameTaken: 'Đã có sheet "{sheet}" nhưng đó không phải kết quả của lần tổng hợp trước. Hãy đổi tên sheet đó rồi chạy lại.',
    alreadyExists: "Trong sổ làm việc đã có một sheet hoặc đối tượng trùng tên.",
    invalidOperation: "Excel không thực hiện được thao tác này ở trạng thái hiện tại của sổ làm việc. Hãy kiểm tra sổ làm việc hoặc sheet có đang được bảo vệ không rồi thử lại.",
    cellEditMode: "Excel đang ở chế độ sửa ô. Hãy nhấn Enter hoặc Esc để thoát rồi thử lại.",
    accessDenied: "Không có quyền ghi vào sổ làm việc này (sổ làm việc đang được bảo vệ hoặc chỉ cho phép đọc).",
    requestTooLarge: "Dữ liệu gửi tới Excel vượt quá giới hạn của một lần ghi. Hãy thử lại; nếu vẫn lỗi, hãy dùng công cụ dòng lệnh cho sổ làm việc này.",
    responseTooLarge: "Dữ liệu đọc từ Excel vượt quá giới hạn của một lần đọc (giới hạn của Excel trên web). Hãy xóa các vùng dữ liệu thừa hoặc dùng Excel trên máy tính.",
    generalException: "Excel gặp lỗi nội bộ khi thực hiện thao tác. Hãy thử lại.",
    workbookTooLarge: 'Sổ làm việc quá lớn để tổng hợp: sheet "{sheet}" có {cells} ô dữ liệu (cả sổ {total} ô, giới hạn {limit} ô). Hãy xóa các vùng dữ liệu thừa rồi thử lại.',
    apiNotSupported: "Phiên bản Excel này chưa hỗ trợ chức năng cần thiết. Hãy cập nhật Office hoặc dùng Excel trên web.",
    rangeTooLarge: "Vùng dữ liệu vượt quá giới hạn Excel cho phép trong một thao tác. Hãy xóa các vùng dữ liệu thừa rồi thử lại.",
    formulaTooLong: "Một công thức dài hơn giới hạn 8.192 ký tự của Excel. Hãy giảm số đơn vị trong một sổ hoặc dùng công cụ dòng lệnh.",
    inactiveWorkbook: "Sổ làm việc không còn đang mở (đã đóng hoặc chuyển sang sổ khác trong khi thực hiện). Hãy mở lại sổ rồi thử lại.",
    memoryLimit: "Excel không đủ bộ nhớ để thực hiện thao tác. Hãy đóng bớt sổ làm việc khác rồi thử lại.",
    workbookBusy:
      "Một lần tổng hợp khác đang chạy trên sổ làm việc này (bắt đầu lúc {since}). Hãy chờ nó xong rồi thử lại; nếu lần đó bị gián đoạn, khóa tự hết hạn sau {minutes} phút.",
    unknown: "Đã xảy ra lỗi không xác định: {detail}",
  },
  en: {
    itemNotFound: "A sheet or range that is needed was not found.",
    nameTaken: 'A sheet named "{sheet}" already exists and is not an earlier output of this add-in. Rename it and run again.',
    alreadyExists: "A sheet or object with the same name already exists in the workbook.",
    invalidOperation: "Excel cannot do this in the workbook's current state. Check whether the workbook or the sheet is protected, then try again.",
    cellEditMode: "Excel is in cell-editing mode. Press Enter or Esc to leave it, then try again.",
    accessDenied: "You cannot write to this workbook (it is protected or read-only).",
    requestTooLarge: "The data sent to Excel exceeds the size of one write. Try again; if it still fails, use the command-line tool for this workbook.",
    responseTooLarge: "The data read from Excel exceeds the size of one read (a limit of Excel on the web). Remove unused ranges or use Excel on the desktop.",
    generalException: "Excel hit an internal error. Try again.",
    workbookTooLarge:
      'The workbook is too large to summarise: sheet "{sheet}" has {cells} cells in use ({total} in the workbook, limit {limit}). Remove unused ranges and try again.',
    apiNotSupported: "This version of Excel lacks a feature the add-in needs. Update Office or use Excel on the web.",
    rangeTooLarge: "A range exceeds what Excel allows in one operation. Remove unused ranges and try again.",
    formulaTooLong: "A formula is longer than Excel's limit of 8,192 characters. Put fewer units in one workbook or use the command-line tool.",
    inactiveWorkbook: "The workbook is no longer open (it was closed, or another workbook took its place, while the add-in worked). Open it again and retry.",
    memoryLimit: "Excel ran out of memory for this operation. Close other workbooks and try again.",
    workbookBusy:
      "Another build of this workbook is running (started at {since}). Wait for it to finish, then try again; if it was interrupted, its lock expires after {minutes} minutes.",
    unknown: "An unexpected error occurred: {detail}",
  },
};

export type HostMessageParams = Partial<Record<"sheet" | "cells" | "total" | "limit" | "detail" | "since" | "minutes", string | number>>;

export function hostMessage(key: HostMessageKey, lang: Lang, params: HostMessageParams = {}): string {
  return HOST_MESSAGES[lang][key].replace(/\{(\w+)\}/g, (whole, name: string) => {
    const v = params[name as keyof HostMessageParams];
    if (v === undefined) return whole;
    return typeof v === "number" ? formatNumber(v, lang) : v;
  });
}
