import { parseNumberText } from "../../src/core/numbers";

type Want = number | "not-number" | "ambiguous";

function read(text: string, integer: boolean): Want {
  const r = parseNumberText(text, { integer });
  return r.ok ? r.value : r.reason;
}

describe("parseNumberText reads number text the way people type it", () => {
  // [text, as a count, as money]
  const table: [string, Want, Want][] = [
    // Vietnamese: "." groups thousands, "," is the decimal mark.
    ["29.288", 29288, 29288],
    ["4.642,37", 4642.37, 4642.37],
    ["1.234.567", 1234567, 1234567],
    ["1.234.567,5", 1234567.5, 1234567.5],
    ["1,5", 1.5, 1.5],
    ["0,5", 0.5, 0.5],
    ["12,34", 12.34, 12.34],
    // English: "," groups thousands, "." is the decimal mark.
    ["4642.37", 4642.37, 4642.37],
    ["1,234,567", 1234567, 1234567],
    ["1,234,567.25", 1234567.25, 1234567.25],
    ["0.5", 0.5, 0.5],
    // One comma before three digits: a count has no decimals, money could be either.
    ["29,288", 29288, "ambiguous"],
    ["7,315", 7315, "ambiguous"],
    // Spaces (also non-breaking) group thousands.
    ["4 642,5", 4642.5, 4642.5],
    ["29 288", 29288, 29288],
    ["1 234 567", 1234567, 1234567],
    ["4\u00a0642,37", 4642.37, 4642.37],
    // Plain numbers, signs and surrounding blanks.
    ["30", 30, 30],
    [" 30 ", 30, 30],
    ["\t152\n", 152, 152],
    ["0", 0, 0],
    ["-3", -3, -3],
    ["−3", -3, -3],
    ["+7", 7, 7],
    ["-1.234", -1234, -1234],
    // Not numbers.
    ["", "not-number", "not-number"],
    ["   ", "not-number", "not-number"],
    ["abc", "not-number", "not-number"],
    ["12abc", "not-number", "not-number"],
    ["1.2.3", "not-number", "not-number"],
    ["12,34,5", "not-number", "not-number"],
    ["1,234,5", "not-number", "not-number"],
    ["1.23.456", "not-number", "not-number"],
    ["1.23,4", "not-number", "not-number"],
    ["1,23.4", "not-number", "not-number"],
    ["1.234,5.6", "not-number", "not-number"],
    ["12 34", "not-number", "not-number"],
    [",5", "not-number", "not-number"],
    ["5,", "not-number", "not-number"],
    [".5", "not-number", "not-number"],
    ["1e5", "not-number", "not-number"],
    ["Infinity", "not-number", "not-number"],
    ["NaN", "not-number", "not-number"],
    ["0x10", "not-number", "not-number"],
    ["-", "not-number", "not-number"],
    ["12%", "not-number", "not-number"],
  ];

  test.each(table)("%j reads as %p for a count and %p for money", (text, asCount, asMoney) => {
    expect(read(text, true)).toEqual(asCount);
    expect(read(text, false)).toEqual(asMoney);
  });

  test("a parsed value says which convention it was read in", () => {
    const conv = (t: string, integer = false) => {
      const r = parseNumberText(t, { integer });
      return r.ok ? r.convention : null;
    };
    expect(conv("29.288")).toBe("vi");
    expect(conv("4.642,37")).toBe("vi");
    expect(conv("1,5")).toBe("vi");
    expect(conv("4642.37")).toBe("en");
    expect(conv("1,234,567")).toBe("en");
    expect(conv("29,288", true)).toBe("en");
    expect(conv("152")).toBe("plain");
  });

  test("whatever the grouping, the value of a grouped text equals the digits without separators", () => {
    for (let n = 1000; n < 5_000_000; n = Math.floor(n * 1.37) + 11) {
      const digits = String(n);
      const vi = digits.replace(/\B(?=(\d{3})+(?!\d))/g, ".");
      const en = digits.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
      const sp = digits.replace(/\B(?=(\d{3})+(?!\d))/g, " ");
      expect(read(vi, true)).toBe(n);
      expect(read(en, true)).toBe(n);
      expect(read(sp, true)).toBe(n);
      expect(read(`${vi},25`, false)).toBeCloseTo(n + 0.25, 9);
      expect(read(`${en}.25`, false)).toBeCloseTo(n + 0.25, 9);
    }
  });
});
