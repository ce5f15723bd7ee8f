/** The hidden state sheet: compact version 2 round-trips; version 1 (workbooks built before) is still read. */
import { readState, renderState, type BuildState } from "../../src/core/review/state";
import { OUTPUT_SHEETS } from "../../src/core/outputSheets";
import { markerText } from "../../src/core/marker";
import { sheetFromRows, type CellValue } from "../../src/core/snapshot";
import type { SheetModel } from "../../src/core/sheet/model";

const asSnapshot = (m: SheetModel) => ({
  sheets: [
    sheetFromRows(
      m.name,
      m.rows.map((r) => Array.from(r, (c) => (c?.value ?? null) as CellValue)),
      { visibility: "hidden" },
    ),
  ],
});

function state(units: number, perUnit: number): BuildState {
  const s: BuildState = { builtAt: "2026-12-01T10:00:00.000Z", period: "6m", years: [2023, 2022], units: [], figures: [] };
  for (let u = 0; u < units; u++) {
    const unit = `DV${String(u + 1).padStart(3, "0")}`;
    s.units.push({
      unit,
      confirmed: u % 2 ? `Nguyễn Văn ${u}` : null,
      confirmedSince: u % 2 ? "2026-11-30T08:00:00.000Z" : null,
      lastChangedAt: u % 3 ? null : "2026-11-29T08:00:00.000Z",
    });
    for (let i = 0; i < perUnit; i++) {
      // Values that only survive as full doubles; a second sheet per unit for some figures.
      s.figures.push({ unit, sheet: i % 5 ? unit : `${unit} (phụ lục "2")`, cell: `D${i + 5}`, indicator: `TT${i}`, year: 2023 - (i % 2), value: (i + 0.1) * 0.3 + u / 7 });
    }
  }
  return s;
}

const sorted = (s: BuildState) => ({ ...s, figures: [...s.figures].sort((a, b) => (a.unit + a.sheet + a.cell + a.year).localeCompare(b.unit + b.sheet + b.cell + b.year)) });

describe("state sheet", () => {
  it("round-trips every unit and figure, numbers to the last bit", () => {
    const s = state(12, 40);
    expect(sorted(readState(asSnapshot(renderState(s)))!)).toEqual(sorted(s));
  });

  it("writes one row per unit, without per-cell styles", () => {
    const m = renderState(state(30, 26));
    expect(m.rows.length).toBe(5 + 30);
    expect(m.rows.flat().filter((c) => c?.style !== undefined)).toEqual([]);
  });

  it("cuts a unit's figures into pieces Excel can hold (≤ 32,767 characters a cell) and reads them back", () => {
    const s = state(2, 1500);
    const m = renderState(s);
    const texts = m.rows.flat().flatMap((c) => (typeof c?.value === "string" ? [c.value] : []));
    expect(Math.max(...texts.map((t) => t.length))).toBeLessThanOrEqual(32767);
    expect(m.rows[5].length).toBeGreaterThan(6); // more than one piece
    expect(sorted(readState(asSnapshot(m))!)).toEqual(sorted(s));
  });

  it("keeps figures of a unit no longer on the roster", () => {
    const s = state(3, 4);
    s.units.pop();
    expect(sorted(readState(asSnapshot(renderState(s)))!)).toEqual(sorted(s));
  });

  it("reads a version 1 sheet (one row per figure) left by an earlier build", () => {
    const rows: CellValue[][] = [
      [`Bloc Summary — … ${markerText("state")}`],
      ["builtAt", "2026-11-01T10:00:00.000Z", "year"],
      ["years", 2023, 2022],
      ["version", 1],
      ["kind", "unit", "sheet", "cell", "indicator", "year", "value", "confirmed", "confirmedSince", "lastChangedAt"],
      ["unit", "DV001", null, null, null, null, null, "Trần Thị B", "2026-10-01T10:00:00.000Z", null],
      ["figure", "DV001", "DV001", "D5", "TT01", 2023, 12.5],
      ["figure", "DV001", "DV001", "D6", "TT03", 2022, 0.1 + 0.2],
    ];
    const got = readState({ sheets: [sheetFromRows(OUTPUT_SHEETS.state(), rows, { visibility: "hidden" })] });
    expect(got).toEqual({
      builtAt: "2026-11-01T10:00:00.000Z",
      period: "year",
      years: [2023, 2022],
      units: [{ unit: "DV001", confirmed: "Trần Thị B", confirmedSince: "2026-10-01T10:00:00.000Z", lastChangedAt: null }],
      figures: [
        { unit: "DV001", sheet: "DV001", cell: "D5", indicator: "TT01", year: 2023, value: 12.5 },
        { unit: "DV001", sheet: "DV001", cell: "D6", indicator: "TT03", year: 2022, value: 0.1 + 0.2 },
      ],
    });
  });

  it("treats damaged figures text as no state (the log starts afresh)", () => {
    const m = renderState(state(2, 3));
    m.rows[5][5] = { value: '[["DV001",[[' };
    expect(readState(asSnapshot(m))).toBeNull();
  });
});
