/**
 * Legacy Vietnamese text for tests, written here independently of src/core/legacy: each vowel
 * with each tone as the reference tables list it (level, grave, hook, tilde, acute, dot below),
 * and encoders that turn Unicode text into what a TCVN3 or VNI font would have stored.
 */

export const TONE_MARKS = ["", "\u0300", "\u0309", "\u0303", "\u0301", "\u0323"];

/** Each vowel letter (Unicode, level tone) and its six TCVN3 forms. */
export const TCVN3_ROWS: [string, string[]][] = [
  ["a", ["a", "µ", "¶", "·", "¸", "¹"]],
  ["ă", ["¨", "»", "¼", "½", "¾", "Æ"]],
  ["â", ["©", "Ç", "È", "É", "Ê", "Ë"]],
  ["e", ["e", "Ì", "Î", "Ï", "Ð", "Ñ"]],
  ["ê", ["ª", "Ò", "Ó", "Ô", "Õ", "Ö"]],
  ["i", ["i", "×", "Ø", "Ü", "Ý", "Þ"]],
  ["o", ["o", "ß", "á", "â", "ã", "ä"]],
  ["ô", ["«", "å", "æ", "ç", "è", "é"]],
  ["ơ", ["¬", "ê", "ë", "ì", "í", "î"]],
  ["u", ["u", "ï", "ñ", "ò", "ó", "ô"]],
  ["ư", ["\u00ad", "õ", "ö", "÷", "ø", "ù"]],
  ["y", ["y", "ú", "û", "ü", "ý", "þ"]],
];

/** Each vowel letter and its six VNI forms (base letter + mark). */
export const VNI_ROWS: [string, string[]][] = [
  ["a", ["a", "aø", "aû", "aõ", "aù", "aï"]],
  ["ă", ["aê", "aè", "aú", "aü", "aé", "aë"]],
  ["â", ["aâ", "aà", "aå", "aã", "aá", "aä"]],
  ["e", ["e", "eø", "eû", "eõ", "eù", "eï"]],
  ["ê", ["eâ", "eà", "eå", "eã", "eá", "eä"]],
  ["i", ["i", "ì", "æ", "ó", "í", "ò"]],
  ["o", ["o", "oø", "oû", "oõ", "où", "oï"]],
  ["ô", ["oâ", "oà", "oå", "oã", "oá", "oä"]],
  ["ơ", ["ô", "ôø", "ôû", "ôõ", "ôù", "ôï"]],
  ["u", ["u", "uø", "uû", "uõ", "uù", "uï"]],
  ["ư", ["ö", "öø", "öû", "öõ", "öù", "öï"]],
  ["y", ["y", "yø", "yû", "yõ", "yù", "î"]],
];

/** A vowel with a tone, composed by Unicode itself. */
export const toned = (vowel: string, tone: number) => (vowel + TONE_MARKS[tone]).normalize("NFC");

function encoder(rows: [string, string[]][], extra: Record<string, string>, upper: (legacy: string) => string | null) {
  const map = new Map<string, string>(Object.entries(extra));
  for (const [vowel, forms] of rows)
    forms.forEach((f, t) => {
      map.set(toned(vowel, t), f);
      const u = upper(f);
      if (u !== null) map.set(toned(vowel, t).toUpperCase(), u);
    });
  return (s: string) => [...s.normalize("NFC")].map((c) => map.get(c) ?? c).join("");
}

/** Unicode → TCVN3 (capitals with a tone have no code of their own: they are written as lowercase). */
export const encodeTcvn3 = encoder(TCVN3_ROWS, { đ: "®", Đ: "§", Ă: "¡", Â: "¢", Ê: "£", Ô: "¤", Ơ: "¥", Ư: "¦", A: "A", E: "E", I: "I", O: "O", U: "U", Y: "Y" }, (f) =>
  /^[a-z]$/.test(f) ? f.toUpperCase() : f,
);

/** Unicode → VNI (capitals: the base and the mark in upper case). */
export const encodeVni = encoder(VNI_ROWS, { đ: "ñ", Đ: "Ñ" }, (f) => f.toUpperCase());
