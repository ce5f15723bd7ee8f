import { hash, sheetFingerprint } from "../../src/core/fingerprint";
import { sheetFromRows, type CellValue } from "../../src/core/snapshot";

/**
 * The fingerprint's text, spelt out: `name␁r,c=value|formula␁…` for every non-empty cell. Builds
 * recorded in users' workbooks hold hashes of this text, so a rebuild must hash it the same way.
 */
function fingerprintText(name: string, rows: CellValue[][], formulas: (string | null)[][], top: number, left: number): string {
  let text = name;
  rows.forEach((row, r) =>
    row.forEach((v, c) => {
      if (v === null || v === "") return;
      const value = typeof v === "object" ? `#${v.error}` : `${typeof v === "number" ? "n" : typeof v === "boolean" ? "b" : "s"}${v}`;
      const f = formulas[r][c];
      text += `\u0001${top + r},${left + c}=${value}${f ? `|${f}` : ""}`;
    }),
  );
  return text;
}

describe("sheetFingerprint", () => {
  it("hashes the text of the sheet's cells, whatever kind of value each holds", () => {
    const values: CellValue[] = [
      0,
      -0,
      7,
      10,
      -42,
      123456789012345,
      -9007199254740991,
      2 ** 53,
      1e21,
      2.5,
      -0.125,
      NaN,
      -Infinity,
      true,
      false,
      "Chỉ tiêu",
      " x ",
      { error: "#REF!" },
      null,
      "",
    ];
    const rows = [values, [...values].reverse()];
    const formulas = rows.map((row) => row.map((_, c) => (c % 3 === 0 ? `SUM(A${c + 1}:B2)` : null)));
    const sheet = sheetFromRows("Đơn vị 'A'", rows, { formulas, top: 120, left: 9 });
    expect(sheetFingerprint(sheet)).toBe(hash(fingerprintText(sheet.name, rows, formulas, 120, 9)));
  });

  it("changes when one cell changes, and not for an empty string where nothing was", () => {
    const base = sheetFingerprint(sheetFromRows("BTP", [[1, "a", null]]));
    expect(sheetFingerprint(sheetFromRows("BTP", [[11, "a", null]]))).not.toBe(base);
    expect(sheetFingerprint(sheetFromRows("BTP", [[1, "a", ""]]))).toBe(base);
  });
});
