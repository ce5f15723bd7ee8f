/**
 * Reporting periods (SPEC §11): the whole year (default), the first six or nine months, or a
 * quarter. A period is compared with the same period of the compare year, so figures stay keyed
 * by year and the period says which part of each year they cover.
 */
import { label } from "./text";

export const PERIODS = ["year", "6m", "9m", "q1", "q2", "q3", "q4"] as const;
export type Period = (typeof PERIODS)[number];

const ROMAN = ["i", "ii", "iii", "iv"];

/** A quarter written as 1–4 or I–IV. */
function quarter(s: string): Period | null {
  const n = /^[1-4]$/.test(s) ? Number(s) : ROMAN.indexOf(s) + 1;
  return n >= 1 && n <= 4 ? (`q${n}` as Period) : null;
}

/**
 * The period a folded text names, with the year when it carries one. Accepts the Vietnamese forms
 * ("6 tháng", "6 tháng đầu năm", "sáu tháng", "6T", "9 tháng", "quý II", "quý 2"), the English ones
 * ("H1", "first half", "6 months", "9M", "Q2", "quarter 2", "second quarter") and "năm" / "year".
 */
function parse(text: string): { period: Period; year: number | null } | null {
  // "Năm 2023 (số liệu chính thức)": a remark in brackets may say anything once the rest is a period.
  return parseFolded(label(text)) ?? parseFolded(label(text).replace(/\(.*?\)/g, " "));
}

function parseFolded(folded: string): { period: Period; year: number | null } | null {
  let s = folded
    .replace(/[()[\],;:–—-]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  let year: number | null = null;
  const years = s.match(/(?<!\d)(?:19|20|21)\d{2}(?!\d)/g);
  if (years) {
    if (years.length > 1) return null;
    year = Number(years[0]);
    s = s.replace(years[0], " ");
  }
  // "6T/2024", "Q2/2024", "2024/Q2": the slash only separates the period from the year.
  s = s
    .replace(/\//g, " ")
    .replace(/\bnam\b|\byear\b|\bof\b|\bfy\b/g, (w) => ` ${w} `)
    .replace(/\s+/g, " ")
    .trim();
  // Words that may surround a period without changing it.
  const filler = /\b(ky bao cao|ky truoc|cung ky|so lieu|thuc hien|ket qua|results?|actual|reported|value|gia tri|bao cao)\b/g;
  s = s.replace(filler, " ").replace(/\s+/g, " ").trim();
  const rules: [RegExp, (m: RegExpExecArray) => Period | null][] = [
    [/^(?:ca )?(?:nam|year|fy|full year|whole year|annual)?$/, () => "year"],
    [/^(?:(?:6|sau) ?(?:thang|t)|h1|6m|6 months?|six months|first half|half year|first half year)(?: dau)?(?: nam| year| of)?$/, () => "6m"],
    [/^(?:(?:9|chin) ?(?:thang|t)|9m|9 months?|nine months)(?: dau)?(?: nam| year| of)?$/, () => "9m"],
    [/^(?:quy|q|quarter) ?([1-4]|i{1,3}|iv)(?: nam| year| of)?$/, (m) => quarter(m[1])],
    [/^(first|second|third|fourth) quarter(?: of)?$/, (m) => quarter(String(["first", "second", "third", "fourth"].indexOf(m[1]) + 1))],
  ];
  for (const [re, make] of rules) {
    const m = re.exec(s);
    if (m) {
      const p = make(m);
      return p ? { period: p, year } : null;
    }
  }
  return null;
}

/** The config's "Kỳ báo cáo" / "Period" value; null when it names no period. */
export function parsePeriod(v: unknown): Period | null {
  if (typeof v !== "string" && typeof v !== "number") return null;
  const p = parse(String(v));
  return p && p.year === null ? p.period : null;
}

/**
 * A unit sheet's column header naming a year and its period: 2023, "Năm 2023", "6 tháng 2024",
 * "6T/2024", "6 tháng đầu năm 2024", "Quý II/2024", "Q2/2024", "9 tháng 2024", "H1 2024" …
 */
export function periodOfHeader(v: unknown): { period: Period; year: number } | null {
  if (typeof v === "number") return Number.isInteger(v) && v >= 1900 && v <= 2200 ? { period: "year", year: v } : null;
  if (typeof v !== "string") return null;
  // A header names its year in digits: a text without one (a title, a label) needs no parsing,
  // and titles differ from sheet to sheet, so the cache below would not spare their parsing.
  if (!MAY_HOLD_YEAR.test(v)) return null;
  // Every header cell of every sheet is asked, and the same labels repeat: remember, up to a bound.
  let hit = headerCache.get(v);
  if (hit === undefined) {
    const p = parse(v);
    hit = p && p.year !== null ? { period: p.period, year: p.year } : null;
    if (headerCache.size >= HEADER_CACHE_MAX) headerCache.clear();
    headerCache.set(v, hit);
  }
  return hit && { ...hit };
}

/** What parse's year pattern needs, on the raw text (folding changes no digit). */
const MAY_HOLD_YEAR = /(?:19|20|21)\d{2}/;
const headerCache = new Map<string, { period: Period; year: number } | null>();
const HEADER_CACHE_MAX = 20000;

export function isPeriod(v: unknown): v is Period {
  return typeof v === "string" && (PERIODS as readonly string[]).includes(v);
}

/** Six and nine months are a review (sơ kết); a quarter reports its results. */
export function isReview(period: Period): boolean {
  return period === "6m" || period === "9m";
}
