import { HOST_MESSAGES } from "../../src/core/i18n/hostMessages";
import { officeErrorKey, officeErrorMessage, OutputNameTakenError, WorkbookTooLargeError } from "../../src/excel/errors";
import { FakeOfficeError } from "../support/excelFake";

describe("officeErrorMessage", () => {
  it.each([
    ["ItemNotFound", "itemNotFound"],
    ["InvalidOperation", "invalidOperation"],
    ["InvalidOperationInCellEditMode", "cellEditMode"],
    ["AccessDenied", "accessDenied"],
    ["RequestPayloadSizeLimitExceeded", "requestTooLarge"],
    ["PayloadTooLarge", "requestTooLarge"],
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
    expect(officeErrorMessage(e, "vi")).toContain("sheet “Nhật ký” có 5.200.000 ô dữ liệu (cả sổ 5.300.000 ô, giới hạn 5.000.000 ô)");
    expect(officeErrorMessage(e, "en")).toContain("sheet “Nhật ký” has 5,200,000 cells in use (5,300,000 in the workbook, limit 5,000,000)");
  });

  it("names the sheet whose name an output would take", () => {
    expect(officeErrorMessage(new OutputNameTakenError("Kiểm tra"), "vi")).toContain("Đã có sheet “Kiểm tra”");
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
