/**
 * Number text as people type it (SPEC §4): Vietnamese "29.288" / "4.642,37" and English "29,288" /
 * "4642.37". An ambiguous text is refused, never guessed.
 */

export type NumberText = { ok: true; value: number; convention: "plain" | "vi" | "en" } | { ok: false; reason: "not-number" | "ambiguous" };

const NOT: NumberText = { ok: false, reason: "not-number" };

function digits(s: string): number {
  return Number(s);
}

/**
 * @param integer the indicator counts things: a single "," followed by three digits can then only
 *   group thousands (a count has no decimals), so "12,345" is 12345; for money it is ambiguous.
 */
export function parseNumberText(raw: string, opts: { integer: boolean }): NumberText {
  let s = raw.replace(/[\u00a0\u202f\u2009]/g, " ").trim();
  if (!s) return NOT;
  let sign = 1;
  if (/^[-−–+]/.test(s)) {
    if (s[0] !== "+") sign = -1;
    s = s.slice(1).trim();
  }
  // Spaces group thousands: "29 288", "4 642,37".
  if (/\s/.test(s)) {
    const m = /^(\d{1,3}(?: \d{3})+)([.,]\d+)?$/.exec(s);
    if (!m) return NOT;
    const int = m[1].replace(/ /g, "");
    const frac = m[2] ? "." + m[2].slice(1) : "";
    return { ok: true, value: sign * digits(int + frac), convention: m[2]?.[0] === "," ? "vi" : m[2] ? "en" : "plain" };
  }
  if (!/^[\d.,]+$/.test(s) || !/^\d/.test(s) || !/\d$/.test(s)) return NOT;
  const dots = (s.match(/\./g) || []).length;
  const commas = (s.match(/,/g) || []).length;
  if (dots === 0 && commas === 0) return { ok: true, value: sign * digits(s), convention: "plain" };

  if (dots && commas) {
    const lastDot = s.lastIndexOf(".");
    const lastComma = s.lastIndexOf(",");
    const decimal = lastDot > lastComma ? "." : ",";
    const group = decimal === "." ? "," : ".";
    const [intPart, fracPart, ...rest] = s.split(decimal);
    if (rest.length) return NOT;
    const g = group === "." ? "\\." : ",";
    if (!new RegExp(`^\\d{1,3}(?:${g}\\d{3})+$`).test(intPart)) return NOT;
    return { ok: true, value: sign * digits(intPart.split(group).join("") + "." + fracPart), convention: decimal === "," ? "vi" : "en" };
  }

  const sep = dots ? "." : ",";
  const count = dots || commas;
  const grouped = new RegExp(`^[1-9]\\d{0,2}(?:${sep === "." ? "\\." : ","}\\d{3})+$`).test(s);
  if (count > 1) {
    if (!grouped) return NOT;
    return { ok: true, value: sign * digits(s.split(sep).join("")), convention: sep === "." ? "vi" : "en" };
  }
  if (grouped) {
    // One separator followed by exactly three digits.
    if (sep === ".") return { ok: true, value: sign * digits(s.replace(".", "")), convention: "vi" };
    if (opts.integer) return { ok: true, value: sign * digits(s.replace(",", "")), convention: "en" };
    return { ok: false, reason: "ambiguous" };
  }
  // One separator that cannot group thousands: it is the decimal mark.
  return { ok: true, value: sign * digits(s.replace(",", ".")), convention: sep === "," ? "vi" : "en" };
}
