/** Periods in words, Vietnamese and English: titles, sheet names and messages follow the period. */
import type { Period } from "../period";
import type { Lang } from "./format";

const ROMAN = ["I", "II", "III", "IV"];

function quarterOf(p: Period): number | null {
  return /^q[1-4]$/.test(p) ? Number(p[1]) : null;
}

/** "năm 2024", "6 tháng đầu năm 2024", "quý II năm 2024" / "2024", "H1 2024", "Q2 2024". */
export function periodText(period: Period, year: number, lang: Lang): string {
  const q = quarterOf(period);
  if (lang === "vi") {
    if (period === "6m") return `6 tháng đầu năm ${year}`;
    if (period === "9m") return `9 tháng đầu năm ${year}`;
    if (q) return `quý ${ROMAN[q - 1]} năm ${year}`;
    return `năm ${year}`;
  }
  if (period === "6m") return `H1 ${year}`;
  if (period === "9m") return `9M ${year}`;
  if (q) return `Q${q} ${year}`;
  return String(year);
}

/** The period alone: "năm", "6 tháng đầu năm", "quý II" / "full year", "first half", "Q2". */
export function periodName(period: Period, lang: Lang): string {
  const q = quarterOf(period);
  if (lang === "vi") return period === "6m" ? "6 tháng đầu năm" : period === "9m" ? "9 tháng đầu năm" : q ? `quý ${ROMAN[q - 1]}` : "năm";
  return period === "6m" ? "first half (6 months)" : period === "9m" ? "first nine months" : q ? `Q${q}` : "full year";
}

/** The compared period: "năm 2023" for a year, "cùng kỳ năm 2023" for a part of one. */
export function samePeriodText(period: Period, year: number, lang: Lang): string {
  if (period === "year") return periodText(period, year, lang);
  return lang === "vi" ? `cùng kỳ năm ${year}` : `the same period of ${year} (${periodText(period, year, lang)})`;
}

/** Sentence start: "6 tháng đầu năm 2024" → "6 tháng đầu năm 2024", "năm 2024" → "Năm 2024". */
export function capitalize(s: string): string {
  return s ? s[0].toUpperCase() + s.slice(1) : s;
}
