/**
 * The two legacy Vietnamese encodings still met in old workbooks, as data. Text typed in their
 * fonts is stored by Excel as the Windows-1252 characters of the font's bytes, so each table maps
 * those characters (not bytes) to Unicode.
 *
 * References, checked against each other: TCVN 5712:1993 (VN3, the ".Vn" / ABC fonts), the table
 * "Bảng đối chiếu encoding các bộ chữ hiện hành với Unicode" (VPS, VISCII, VNI, TCVN3 and UTF-8
 * side by side) and "Unicode & Vietnamese Legacy Character Encodings" (dothanhlong.org), which
 * agree on every letter below. Written out here as data, letter by letter.
 */

/** Tones in the order the tables list them: level, grave, hook, tilde, acute, dot below. */
export const TONES = ["", "\u0300", "\u0309", "\u0303", "\u0301", "\u0323"] as const;

/**
 * TCVN3 (ABC): one character per letter. Only lowercase toned letters exist; the ".VnTimeH"
 * fonts draw the same codes as capitals, so capitals with a tone are these same characters.
 * Each entry: the Unicode letter family (level, grave, hook, tilde, acute, dot) and its six
 * TCVN3 characters ("" where the level letter is plain ASCII).
 */
export const TCVN3_LETTERS: readonly [family: string, chars: string][] = [
  ["a à ả ã á ạ", "_ µ ¶ · ¸ ¹"],
  ["ă ằ ẳ ẵ ắ ặ", "¨ » ¼ ½ ¾ Æ"],
  ["â ầ ẩ ẫ ấ ậ", "© Ç È É Ê Ë"],
  ["e è ẻ ẽ é ẹ", "_ Ì Î Ï Ð Ñ"],
  ["ê ề ể ễ ế ệ", "ª Ò Ó Ô Õ Ö"],
  ["i ì ỉ ĩ í ị", "_ × Ø Ü Ý Þ"],
  ["o ò ỏ õ ó ọ", "_ ß á â ã ä"],
  ["ô ồ ổ ỗ ố ộ", "« å æ ç è é"],
  ["ơ ờ ở ỡ ớ ợ", "¬ ê ë ì í î"],
  ["u ù ủ ũ ú ụ", "_ ï ñ ò ó ô"],
  ["ư ừ ử ữ ứ ự", "\u00ad õ ö ÷ ø ù"],
  ["y ỳ ỷ ỹ ý ỵ", "_ ú û ü ý þ"],
];

/** TCVN3's capitals without a tone and đ/Đ. */
export const TCVN3_OTHERS: readonly [legacy: string, unicode: string][] = [
  ["¡", "Ă"],
  ["¢", "Â"],
  ["£", "Ê"],
  ["¤", "Ô"],
  ["¥", "Ơ"],
  ["¦", "Ư"],
  ["§", "Đ"],
  ["®", "đ"],
];

/**
 * VNI (Windows): a base letter followed by one mark character (a few letters are one character).
 * Lowercase marks; the uppercase forms (Ù Ø Û Õ Ï, Â Á À Å Ã Ä, Ê É È Ú Ü Ë) follow the same
 * pattern and are derived by upper-casing. Each entry: base letter, the Unicode family (level,
 * grave, hook, tilde, acute, dot) and its six VNI mark strings.
 */
export const VNI_MARKS: readonly [base: string, family: string, marks: string][] = [
  ["a", "a à ả ã á ạ", "_ ø û õ ù ï"],
  ["a", "ă ằ ẳ ẵ ắ ặ", "ê è ú ü é ë"],
  ["a", "â ầ ẩ ẫ ấ ậ", "â à å ã á ä"],
  ["e", "e è ẻ ẽ é ẹ", "_ ø û õ ù ï"],
  ["e", "ê ề ể ễ ế ệ", "â à å ã á ä"],
  ["o", "o ò ỏ õ ó ọ", "_ ø û õ ù ï"],
  ["o", "ô ồ ổ ỗ ố ộ", "â à å ã á ä"],
  ["ô", "ơ ờ ở ỡ ớ ợ", "_ ø û õ ù ï"],
  ["u", "u ù ủ ũ ú ụ", "_ ø û õ ù ï"],
  ["ö", "ư ừ ử ữ ứ ự", "_ ø û õ ù ï"],
  ["y", "y ỳ ỷ ỹ ý", "_ ø û õ ù"],
];

/** VNI letters written as one character (lowercase; the capitals are their upper case). */
export const VNI_SINGLES: readonly [legacy: string, unicode: string][] = [
  ["ì", "ì"],
  ["æ", "ỉ"],
  ["ó", "ĩ"],
  ["í", "í"],
  ["ò", "ị"],
  ["î", "ỵ"],
  ["ô", "ơ"],
  ["ö", "ư"],
  ["ñ", "đ"],
];
