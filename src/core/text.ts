/** Label matching: case-, diacritics- and whitespace-insensitive (SPEC §3), legacy text as Unicode. */
import { toUnicode } from "./legacy/detect";

export function fold(s: string): string {
  return toUnicode(s)
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .replace(/[\s\u00a0]+/g, " ")
    .trim();
}

/** Labels repeat on every sheet ("Mã", "Chỉ tiêu" …): remember the folded forms, up to a bound. */
const labelCache = new Map<string, string>();
const LABEL_CACHE_MAX = 20000;

/** fold() and drop punctuation at the ends (":" after a key, "*" after a required label). */
export function label(s: unknown): string {
  if (typeof s !== "string" && typeof s !== "number") return "";
  const key = String(s);
  let l = labelCache.get(key);
  if (l === undefined) {
    l = fold(key).replace(/^[\s:*.\-–—]+|[\s:*.\-–—]+$/g, "");
    if (labelCache.size >= LABEL_CACHE_MAX) labelCache.clear();
    labelCache.set(key, l);
  }
  return l;
}

/** Does the label equal one of the given aliases (already folded by label())? */
export function labelIs(s: unknown, aliases: readonly string[]): boolean {
  const l = label(s);
  return l !== "" && aliases.some((a) => label(a) === l);
}
