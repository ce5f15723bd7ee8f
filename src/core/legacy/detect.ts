/**
 * Legacy Vietnamese text (TCVN3/ABC, VNI) recognised and converted to Unicode. Such text is only
 * ever Windows-1252 characters, so anything with a letter beyond Latin-1 is Unicode already. For
 * the rest, a text is called legacy only when some of its words are not Vietnamese syllables as
 * they stand but every word is one once converted — Unicode text ("Công an", "Bé") is never
 * touched, and neither are English words, numbers or symbols ("café", "© 2023", "25°C").
 */
import { TCVN3_LETTERS, TCVN3_OTHERS, VNI_MARKS, VNI_SINGLES } from "./tables";

export type LegacyEncoding = "TCVN3" | "VNI";

export interface LegacyText {
  encoding: LegacyEncoding;
  /** The text in Unicode (NFC). */
  text: string;
}

const split = (s: string) => s.split(" ");

const TCVN3 = new Map<string, string>();
for (const [family, chars] of TCVN3_LETTERS) {
  const letters = split(family);
  split(chars).forEach((c, k) => c !== "_" && TCVN3.set(c, letters[k]));
}
for (const [legacy, unicode] of TCVN3_OTHERS) TCVN3.set(legacy, unicode);

/** VNI: base letter + mark → letter (lowercase keys; case follows the base letter). */
const VNI_PAIRS = new Map<string, string>();
for (const [base, family, marks] of VNI_MARKS) {
  const letters = split(family);
  split(marks).forEach((m, k) => m !== "_" && VNI_PAIRS.set(base + m, letters[k]));
}
const VNI_ONE = new Map<string, string>(VNI_SINGLES);

const isUpper = (c: string) => c !== c.toLowerCase() && c === c.toUpperCase();

export function tcvn3ToUnicode(s: string): string {
  let out = "";
  for (const c of s) out += TCVN3.get(c) ?? c;
  out = out.normalize("NFC");
  // ".VnTimeH" text draws every letter as a capital: written in capitals, it is read as capitals.
  const ascii = s.match(/[A-Za-z]/g) ?? [];
  return ascii.length >= 2 && ascii.every(isUpper) ? out.toUpperCase() : out;
}

export function vniToUnicode(s: string): string {
  let out = "";
  const chars = [...s];
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i];
    const lower = c.toLowerCase();
    const next = chars[i + 1];
    const pair = next !== undefined ? VNI_PAIRS.get(lower + next.toLowerCase()) : undefined;
    if (pair !== undefined) {
      out += isUpper(c) ? pair.toUpperCase() : pair;
      i++;
      continue;
    }
    const one = VNI_ONE.get(lower);
    out += one === undefined ? c : isUpper(c) ? one.toUpperCase() : one;
  }
  return out.normalize("NFC");
}

const TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/;
const ONSETS = ["ngh", "ng", "gh", "gi", "ch", "kh", "nh", "ph", "qu", "th", "tr", ..."bcdđghklmnprstvx", ""];
const STOPS = ["c", "ch", "p", "t"];
/**
 * Vietnamese rhymes: each vowel nucleus with the final consonants it takes (none for the vowel
 * clusters that end in a semivowel; "!" where a final is required). Stricter than "any vowel, any
 * final", so that a wrong reading of legacy text ("Tỉng", "Boọ") is told from the right one
 * ("Tổng", "Bộ").
 */
const RHYMES: Record<string, string> = {
  a: "c ch m n ng nh p t",
  ă: "! c m n ng p t",
  â: "! c m n ng p t",
  e: "c m n ng p t",
  ê: "ch m n nh p t",
  i: "ch m n nh p t",
  o: "c m n ng p t",
  ô: "c m n ng p t",
  ơ: "m n p t",
  u: "c m n ng p t",
  ư: "c m n ng t",
  y: "",
  oo: "! c ng",
  iê: "! c m n ng p t",
  yê: "! c m n ng p t",
  uô: "! c m n ng t",
  ươ: "! c m n ng p t",
  oa: "c ch m n ng nh p t",
  oă: "! c m n ng t",
  oe: "m n t",
  uâ: "! n ng t",
  uê: "ch n nh",
  uy: "ch n nh p t",
  uyê: "! n t",
  ...Object.fromEntries("ai ao au ay âu ây eo êu ia iu oi ôi ơi ua ui ưa ưi ưu ya iêu yêu oai oay oao oeo uây uôi ươi ươu uya uyu uơ".split(" ").map((n) => [n, ""])),
};

/**
 * Which vowel of a nucleus may carry the tone: the first of a falling diphthong ("tài", "của"),
 * the second of iê/uô/ươ ("tiếp", "được"), either of oa/oe/uy/uê (old and new style: "hoà", "hòa").
 */
const TONE_AT: Record<string, readonly number[]> = {
  ...Object.fromEntries("oa oe uy uê".split(" ").map((n) => [n, [0, 1]])),
  ...Object.fromEntries("oo iê yê uô ươ uâ oă uơ iêu yêu oai oay oao oeo uây uôi ươi ươu uyu uya".split(" ").map((n) => [n, [1]])),
  uyê: [2],
};

/** The word's letters without tone, and which letter carries the tone (-1: none; -2: more than one). */
function lettersAndTone(word: string): { letters: string[]; tone: number; mark: string } {
  const letters: string[] = [];
  let tone = -1;
  let mark = "";
  for (const c of word.toLowerCase().normalize("NFD")) {
    if (TONE_MARKS.test(c)) {
      if (tone !== -1 || !letters.length) return { letters, tone: -2, mark };
      tone = letters.length - 1;
      mark = c;
    } else if (/[\u0300-\u036f]/.test(c) && letters.length) letters[letters.length - 1] = (letters[letters.length - 1] + c).normalize("NFC");
    else letters.push(c);
  }
  return { letters, tone, mark };
}

/**
 * Is this one word a Vietnamese syllable: an onset, a rhyme, at most one tone on the vowel that
 * takes it, and a final stop only with a rising or heavy tone?
 */
export function isVietnameseSyllable(word: string): boolean {
  const { letters, tone, mark } = lettersAndTone(word);
  if (tone === -2) return false;
  const base = letters.join("");
  for (const onset of ONSETS) {
    if (!base.startsWith(onset)) continue;
    const rest = base.slice(onset.length);
    for (const nucleus in RHYMES) {
      if (!rest.startsWith(nucleus)) continue;
      const coda = rest.slice(nucleus.length);
      const finals = RHYMES[nucleus].split(" ");
      if (coda ? !finals.includes(coda) : finals[0] === "!") continue;
      if (STOPS.includes(coda) && !(mark === "\u0301" || mark === "\u0323")) continue;
      if (tone >= 0 && !(TONE_AT[nucleus] ?? [0]).includes(tone - [...onset].length)) continue;
      return true;
    }
  }
  return false;
}

/** Letters of Unicode Vietnamese beyond Latin-1 (and combining marks): never in legacy text. */
const BEYOND_LATIN1 = /[\u0100-\u036f\u1e00-\u1eff]/;
const LATIN1_HIGH = /[\u00a1-\u00ff]/;
/** A word: ASCII letters and the Latin-1 characters legacy fonts use for letters. */
const WORD = /[A-Za-z\u00a1-\u00ff]+/g;

const CONVERTERS: [LegacyEncoding, (s: string) => string][] = [
  ["TCVN3", tcvn3ToUnicode],
  ["VNI", vniToUnicode],
];

/** The same labels and names repeat on every unit's sheet: remember the answers, up to a bound. */
const cache = new Map<string, LegacyText | null>();
const CACHE_MAX = 20000;

/** The text's encoding and its Unicode form when it is TCVN3 or VNI text; null otherwise. */
export function detectLegacy(s: string): LegacyText | null {
  if (!LATIN1_HIGH.test(s) || BEYOND_LATIN1.test(s)) return null;
  let known = cache.get(s);
  if (known === undefined) {
    known = detect(s);
    if (cache.size >= CACHE_MAX) cache.clear();
    cache.set(s, known);
  }
  return known;
}

function detect(s: string): LegacyText | null {
  const words = (s.match(WORD) ?? []).filter((w) => LATIN1_HIGH.test(w));
  const invalid = words.filter((w) => !isVietnameseSyllable(w));
  if (!invalid.length) return null;
  // What is not Vietnamese as it stands must include a word with letters, not only symbols ("©" is TCVN3 "â").
  if (!invalid.some((w) => /[A-Za-z]/.test(w))) return null;
  const fits = CONVERTERS.filter(([, convert]) => words.every((w) => isVietnameseSyllable(convert(w))));
  // Both readings Vietnamese: ambiguous, left as it is.
  if (fits.length !== 1) return null;
  const [encoding, convert] = fits[0];
  return { encoding, text: convert(s) };
}

/** The Unicode form of a text: converted when it is legacy text, as it is otherwise. */
export function toUnicode(s: string): string {
  return detectLegacy(s)?.text ?? s;
}
