import { mentionsSheet, retargetSheetRefs } from "../../src/core/sheetRefs";

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

describe("mentionsSheet", () => {
  it("finds quoted and plain references, in any case", () => {
    expect(mentionsSheet("'Tổng hợp 2023'!$A$1:$F$9", "Tổng hợp 2023")).toBe(true);
    expect(mentionsSheet("SUM(summary!B2:B9)", "Summary")).toBe(true);
    expect(mentionsSheet("'O''Brien'!A1", "O'Brien")).toBe(true);
  });

  it("ignores look-alike names, other sheets and string literals", () => {
    expect(mentionsSheet("MySummary!A1+BCA!E7", "Summary")).toBe(false);
    expect(mentionsSheet('"Summary!B2"', "Summary")).toBe(false);
    expect(mentionsSheet("'Summary 2'!A1", "Summary")).toBe(false);
  });
});
