/** Sheet names of the outputs: fixed, so formulas and people can rely on them (SPEC §5), in either language. */
import type { Period } from "./period";

const ROMAN = ["I", "II", "III", "IV"];

/** The period in a sheet name (no "/", which Excel forbids; short): "" for the year, "6 tháng ", "quý II ". */
export function periodSheetPart(period: Period): string {
  const q = /^q([1-4])$/.exec(period);
  return period === "6m" ? "6 tháng " : period === "9m" ? "9 tháng " : q ? `quý ${ROMAN[Number(q[1]) - 1]} ` : "";
}

export const OUTPUT_SHEETS = {
  summary: (year: number, period: Period = "year") => `Tổng hợp ${periodSheetPart(period)}${year}`,
  check: () => "Kiểm tra",
  submission: (year: number) => `Tờ trình ${year}`,
  /** The change log of shared review (SPEC §10). */
  changeLog: () => "Nhật ký thay đổi",
  /** Hidden: the figures of the last build, for the next build's change log. */
  state: () => "Trạng thái tổng hợp",
  /** For a period other than the year, the bloc's report of results takes the submission's place. */
  report: (year: number, period: Period) => `Báo cáo ${periodSheetPart(period)}${year}`,
  /** The sector roll-up's sheet, in a workbook of its own. */
  rollup: (year: number, period: Period) => `Tổng hợp ngành ${periodSheetPart(period)}${year}`,
};
