import { HOST_MESSAGES } from "../../src/core/i18n/hostMessages";
import { officeErrorKey, officeErrorMessage, OutputNameTakenError, WorkbookTooLargeError } from "../../src/excel/errors";
import { WorkbookBusyError } from "../../src/excel/lock";
import { FakeOfficeError } from "../support/excelFake";

describe("officeErrorMessage", () => {
  it.each([
    ["ItemNotFound", "itemNotFound"],
    ["InvalidOperation", "invalidOperation"],
    ["InvalidOperationInCellEditMode", "cellEditMode"],
    ["AccessDenied", "accessDenied"],
    ["RequestPayloadSizeLimitExceeded", "requestTooLarge"],
    ["ApiNotAvailable", "apiNotSupported"],
    ["RangeExceedsLimit", "rangeTooLarge"],
    ["FormulaLengthExceedsLimit", "formulaTooLong"],
    ["InactiveWorkbook", "inactiveWorkbook"],
    ["MemoryLimitReached", "memoryLimit"],
    ["ResponsePayloadSizeLimitExceeded", "responseTooLarge"],
    ["GeneralException", "generalException"],
    ["ItemAlreadyExists", "alreadyExists"],
  ])("maps the Office error %s to %s", (code, key) => {
    expect(officeErrorKey(new FakeOfficeError(code, "x"))).toBe(key);
  });

  it("says in Vietnamese that a sheet or range was not found", () => {
    expect(officeErrorMessage(new FakeOfficeError("ItemNotFound", "x"), "vi")).toBe("Không tìm thấy sheet hoặc vùng dữ liệu cần thiết.");
    expect(officeErrorMessage(new FakeOfficeError("ItemNotFound", "x"), "en")).toBe("A sheet or range that is needed was not found.");
  });

  it("reads the code from debugInfo when the top-level code is generic", () => {
    const e = Object.assign(new Error("wrapped"), { code: "Unknown", debugInfo: { code: "AccessDenied" } });
    expect(officeErrorKey(e)).toBe("accessDenied");
  });

  it("names the largest sheet and its cell count, with numbers grouped the local way", () => {
    const e = new WorkbookTooLargeError("Nhật ký", 5_200_000, 5_300_000, 5_000_000);
    expect(officeErrorMessage(e, "vi")).toContain('sheet "Nhật ký" có 5.200.000 ô dữ liệu (cả sổ 5.300.000 ô, giới hạn 5.000.000 ô)');
    expect(officeErrorMessage(e, "en")).toContain('sheet "Nhật ký" has 5,200,000 cells in use (5,300,000 in the workbook, limit 5,000,000)');
  });

  it("names the sheet whose name an output would take", () => {
    expect(officeErrorMessage(new OutputNameTakenError("Kiểm tra"), "vi")).toContain('Đã có sheet "Kiểm tra"');
  });

  it("does not take Microsoft Graph's PayloadTooLarge for an Office.js code: it is passed on as unknown", () => {
    expect(officeErrorKey(new FakeOfficeError("PayloadTooLarge", "x"))).toBe("unknown");
  });

  it("says in both languages that a second build is running, since when, and when its lock expires", () => {
    const holder = { token: "t", started: new Date(2031, 11, 15, 14, 5).getTime(), expires: 0, source: "ribbon" };
    expect(officeErrorMessage(new WorkbookBusyError(holder), "vi")).toBe(
      "Một lần tổng hợp khác đang chạy trên sổ làm việc này (bắt đầu lúc 14:05). Hãy chờ nó xong rồi thử lại; nếu lần đó bị gián đoạn, khóa tự hết hạn sau 5 phút.",
    );
    expect(officeErrorMessage(new WorkbookBusyError(holder), "en")).toBe(
      "Another build of this workbook is running (started at 14:05). Wait for it to finish, then try again; if it was interrupted, its lock expires after 5 minutes.",
    );
  });

  it("passes on the text of an unknown error", () => {
    expect(officeErrorMessage(new Error("mất kết nối"), "vi")).toBe("Đã xảy ra lỗi không xác định: mất kết nối");
    expect(officeErrorMessage("weird", "en")).toBe("An unexpected error occurred: weird");
  });

  it("has a text for every key in both languages and no placeholder left unfilled in plain messages", () => {
    expect(Object.keys(HOST_MESSAGES.vi).sort()).toEqual(Object.keys(HOST_MESSAGES.en).sort());
    for (const lang of ["vi", "en"] as const) for (const text of Object.values(HOST_MESSAGES[lang])) expect(text.trim()).not.toBe("");
  });
});
