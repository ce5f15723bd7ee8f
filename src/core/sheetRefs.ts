/**
 * Sheet references inside formulas: the file host drops defined names of removed sheets. One
 * scanner, so every reader of a formula reads it alike.
 */
import { quoteSheet } from "./a1";

const isNameChar = (ch: string | undefined): boolean => ch !== undefined && /[\p{L}\p{N}_.]/u.test(ch);

/**
 * Rewrite the sheet part of every reference ("Sheet!A1", "'My sheet'!A1") for which `rename`
 * returns a new name; string literals ("…") are left untouched.
 */
export function retargetSheetRefs(formula: string, rename: (sheet: string) => string | undefined): string {
  const ref = (name: string, original: string): string => {
    const to = rename(name);
    return to === undefined ? original : quoteSheet(to);
  };
  let out = "";
  let i = 0;
  while (i < formula.length) {
    const ch = formula[i];
    if (ch === '"' || ch === "'") {
      // A string literal or a quoted sheet name: both end at an unpaired closing quote.
      let j = i + 1;
      let text = "";
      while (j < formula.length) {
        if (formula[j] === ch) {
          if (formula[j + 1] === ch) {
            text += ch;
            j += 2;
            continue;
          }
          break;
        }
        text += formula[j++];
      }
      const original = formula.slice(i, j + 1);
      if (ch === "'" && formula[j + 1] === "!") {
        out += ref(text, original) + "!";
        i = j + 2;
      } else {
        out += original;
        i = j + 1;
      }
      continue;
    }
    if (isNameChar(ch) && !isNameChar(formula[i - 1])) {
      let j = i;
      while (isNameChar(formula[j])) j++;
      const word = formula.slice(i, j);
      if (formula[j] === "!") {
        out += ref(word, word) + "!";
        i = j + 1;
      } else {
        out += word;
        i = j;
      }
      continue;
    }
    out += ch;
    i++;
  }
  return out;
}

/** Does the formula refer to this sheet? Names compare case-insensitively, as Excel's do. */
export function mentionsSheet(formula: string, sheet: string): boolean {
  const wanted = sheet.toLocaleUpperCase();
  let found = false;
  retargetSheetRefs(formula, (name) => {
    if (name.toLocaleUpperCase() === wanted) found = true;
    return undefined;
  });
  return found;
}
