/** A1 addressing, sheet-name quoting and number/date formatting: the small pieces every output uses. */
import { a1, columnIndex, columnName, parseA1, parseRange, quoteSheet, rangeA1 } from "../../src/core/a1";
import { formatDateTime, formatNumber, formatPercent, formatWhole } from "../../src/core/i18n/format";
import { addr, colName } from "../support/snapshots";

describe("A1 addressing", () => {
  test("column names and indexes are inverse, through Z, AA, AZ, ZZ and XFD", () => {
    for (let c = 0; c < 16384; c += 7) {
      expect(columnName(c)).toBe(colName(c));
      expect(columnIndex(columnName(c))).toBe(c);
    }
    expect(columnName(16383)).toBe("XFD");
    expect(columnName(25)).toBe("Z");
    expect(columnName(26)).toBe("AA");
  });

  test("a1 and parseA1 are inverse, and $ signs are ignored", () => {
    for (const [r, c] of [
      [0, 0],
      [6, 4],
      [1048575, 16383],
      [99, 27],
    ]) {
      expect(a1(r, c)).toBe(addr(r, c));
      expect(parseA1(a1(r, c))).toEqual({ row: r, col: c });
    }
    expect(parseA1("$E$7")).toEqual({ row: 6, col: 4 });
    expect(() => parseA1("7E")).toThrow();
  });

  test("ranges are normalised top-left to bottom-right, and a one-cell range is one address", () => {
    expect(parseRange("F9:B2")).toEqual({ start: { row: 1, col: 1 }, end: { row: 8, col: 5 } });
    expect(rangeA1(3, 2, 3, 2)).toBe("C4");
    expect(rangeA1(3, 2, 9, 4)).toBe("C4:E10");
  });
});

describe("sheet names in formulas", () => {
  test.each([
    ["BCA", "BCA"],
    ["Sheet_1", "Sheet_1"],
    ["Sheet.1", "Sheet.1"],
    ["Bộ Tư pháp", "'Bộ Tư pháp'"],
    ["O'Brien", "'O''Brien'"],
    ["It's Mr O'Brien's", "'It''s Mr O''Brien''s'"],
    ["Sheet 1", "'Sheet 1'"],
    ["Sheet-1", "'Sheet-1'"],
    ["2031", "'2031'"],
    ["1Sheet", "'1Sheet'"],
    ["A1", "'A1'"],
    ["xfd1", "'xfd1'"],
    ["TT01", "'TT01'"],
    ["R1C1", "'R1C1'"],
    ["RC", "'RC'"],
    ["TRUE", "'TRUE'"],
    ["false", "'false'"],
  ])("%j is written %s", (name, quoted) => {
    expect(quoteSheet(name)).toBe(quoted);
  });
});

describe("numbers the Vietnamese and the English way", () => {
  test.each([
    [4642.37, "vi", "4.642,37"],
    [4642.37, "en", "4,642.37"],
    [29288, "vi", "29.288"],
    [29288, "en", "29,288"],
    [1234567.891, "vi", "1.234.567,891"],
    [0.5, "vi", "0,5"],
    [-1234.5, "vi", "-1.234,5"],
    [999, "vi", "999"],
    [1000, "vi", "1.000"],
    [12.3456, "en", "12.346"],
  ] as const)("%p in %s is %j", (n, lang, text) => {
    expect(formatNumber(n, lang)).toBe(text);
  });

  test("decimals can be forced and limited", () => {
    expect(formatNumber(4642.3, "vi", { minDecimals: 2, maxDecimals: 2 })).toBe("4.642,30");
    expect(formatNumber(4642.375, "en", { maxDecimals: 0 })).toBe("4,642");
  });

  test('a whole number cuts decimals toward zero ("hơn 4.642 tỷ đồng" for 4.642,9)', () => {
    expect(formatWhole(7315.99, "vi")).toBe("7.315");
    expect(formatWhole(7315.99, "en")).toBe("7,315");
  });

  test("percentages keep one decimal by default", () => {
    expect(formatPercent(0.123, "vi")).toBe("12,3%");
    expect(formatPercent(0.123, "en")).toBe("12.3%");
    expect(formatPercent(-0.05, "vi")).toBe("-5,0%");
    expect(formatPercent(1, "en", 0)).toBe("100%");
  });
});

describe("build times are written day/month/year in the user's time zone", () => {
  test("Vietnam (UTC+7) moves past midnight into the next day", () => {
    expect(formatDateTime("2031-12-31T18:30:00.000Z", 420)).toBe("01/01/2032 01:30 (UTC+07:00)");
  });
  test("UTC and a negative offset", () => {
    expect(formatDateTime("2031-03-05T08:05:00.000Z", 0)).toBe("05/03/2031 08:05 (UTC+00:00)");
    expect(formatDateTime("2031-03-05T08:05:00.000Z", -330)).toBe("05/03/2031 02:35 (UTC-05:30)");
  });
});
