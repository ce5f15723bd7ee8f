/** Shared formulas: the master's formula moved to each cell of the group, as Excel fills it. */
import { shiftFormula } from "../../src/xlsx/formula";

describe("shiftFormula", () => {
  it.each([
    ["A1+B2", 1, 0, "A2+B3"],
    ["A1+B2", 0, 2, "C1+D2"],
    ["$A1+A$1+$A$1", 3, 3, "$A4+D$1+$A$1"],
    ["SUM(A1:B2)", 1, 1, "SUM(B2:C3)"],
    ["SUM(A:A)+SUM($B:C)", 5, 1, "SUM(B:B)+SUM($B:D)"],
    ["SUM(1:1)+SUM(2:$3)", 2, 9, "SUM(3:3)+SUM(4:$3)"],
    ["Sheet2!A1+'Năm 2023'!B$2", 1, 1, "Sheet2!B2+'Năm 2023'!C$2"],
    ["ĐơnVị!A1", 1, 0, "ĐơnVị!A2"],
    ['"A1"&A1&"say ""B2"""', 1, 0, '"A1"&A2&"say ""B2"""'],
    ["LOG10(A1)+ATAN2(B1,C1)", 1, 0, "LOG10(A2)+ATAN2(B2,C2)"],
    ["Tbl[[#This Row],[A1]]+[1]Sheet1!A1", 1, 0, "Tbl[[#This Row],[A1]]+[1]Sheet1!A2"],
    ["1.5E+3*A1+1E3", 1, 0, "1.5E+3*A2+1E3"],
    ["tax_2023+A1_x+ZZZ1", 1, 1, "tax_2023+A1_x+ZZZ1"],
    ["IF(A1>0,TRUE,FALSE)", 1, 0, "IF(A2>0,TRUE,FALSE)"],
    ["a1+xfd1", 1, 0, "A2+XFD2"],
  ])("%s moved (%i, %i) → %s", (f, dr, dc, out) => {
    expect(shiftFormula(f, dr, dc)).toBe(out);
  });

  it("turns a reference moved off the sheet into #REF!, as Excel does", () => {
    expect(shiftFormula("A1+B1", -1, 0)).toBe("#REF!+#REF!");
    expect(shiftFormula("XFD1", 0, 1)).toBe("#REF!");
    expect(shiftFormula("SUM(A:B)", 0, -1)).toBe("SUM(#REF!)");
  });

  it("leaves the formula as it is when the cell is the master", () => {
    const f = "SUM('x'!A1:B2)";
    expect(shiftFormula(f, 0, 0)).toBe(f);
  });
});
