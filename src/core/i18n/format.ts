/** Numbers and dates the Vietnamese way ("4.642,37", "29.288") or the English way. */

export type Lang = "vi" | "en";

/** "1 error", "2 errors": an English count with its noun (Vietnamese nouns do not change). */
export function countEn(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

export function isLang(s: unknown): s is Lang {
  return s === "vi" || s === "en";
}

/**
 * Group thousands and show at most `maxDecimals` decimals (trailing zeros dropped unless
 * `minDecimals` asks for them).
 */
export function formatNumber(n: number, lang: Lang, opts: { maxDecimals?: number; minDecimals?: number } = {}): string {
  const max = opts.maxDecimals ?? 3;
  const min = Math.min(opts.minDecimals ?? 0, max);
  const group = lang === "vi" ? "." : ",";
  const dec = lang === "vi" ? "," : ".";
  const fixed = Math.abs(n).toFixed(max);
  let [int, frac = ""] = fixed.split(".");
  frac = frac.replace(/0+$/, "");
  // The sign of what is shown: a number that rounds to zero has none ("0", not "-0").
  const neg = n < 0 && /[1-9]/.test(int + frac);
  while (frac.length < min) frac += "0";
  int = int.replace(/\B(?=(\d{3})+(?!\d))/g, group);
  return (neg ? "-" : "") + int + (frac ? dec + frac : "");
}

/** A whole number with thousands grouped, decimals cut off toward zero ("hơn 4.642 tỷ đồng"). */
export function formatWhole(n: number, lang: Lang): string {
  return formatNumber(Math.trunc(n), lang, { maxDecimals: 0 });
}

export function formatPercent(ratio: number, lang: Lang, decimals = 1): string {
  return formatNumber(ratio * 100, lang, { maxDecimals: decimals, minDecimals: decimals }) + "%";
}

function pad(n: number): string {
  return String(n).padStart(2, "0");
}

/** "26/11/2026 19:05 (UTC+07:00)": day/month/year in both languages, in the user's time zone. */
export function formatDateTime(iso: string, utcOffsetMinutes = 0): string {
  const d = new Date(Date.parse(iso) + utcOffsetMinutes * 60000);
  const sign = utcOffsetMinutes < 0 ? "-" : "+";
  const off = Math.abs(utcOffsetMinutes);
  const zone = `UTC${sign}${pad(Math.floor(off / 60))}:${pad(off % 60)}`;
  return `${pad(d.getUTCDate())}/${pad(d.getUTCMonth() + 1)}/${d.getUTCFullYear()} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())} (${zone})`;
}
