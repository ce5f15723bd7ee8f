import { retargetSheetRefs } from "../../src/excel/sheetRefs";

const temps: Record<string, string> = { "TỔNG HỢP 2023": "~BS tmp 1", SUMMARY: "~BS tmp 2" };
const rename = (name: string): string | undefined => temps[name.toLocaleUpperCase()];

describe("retargetSheetRefs", () => {
  it("points quoted and unquoted references at the temporary names", () => {
    expect(retargetSheetRefs("'Tổng hợp 2023'!C6+Summary!B2", rename)).toBe("'~BS tmp 1'!C6+'~BS tmp 2'!B2");
  });

  it("matches sheet names case-insensitively, as Excel does", () => {
    expect(retargetSheetRefs("SUM(summary!B2:B9)", rename)).toBe("SUM('~BS tmp 2'!B2:B9)");
  });

  it("leaves other sheets, string literals and look-alike names alone", () => {
    expect(retargetSheetRefs("BCA!E7&\"Summary!B2\"&MySummary!A1&'O''Brien'!A1", rename)).toBe("BCA!E7&\"Summary!B2\"&MySummary!A1&'O''Brien'!A1");
  });
});
