/**
 * Fingerprints of the input sheets: a rebuild can tell whether the summary is out of date, and
 * which sheets changed. Pure (no Node crypto): two FNV-1a 32-bit hashes side by side.
 */
import { isCellError, type SheetSnapshot } from "./snapshot";

const FNV_PRIME = 0x01000193;
/** The separators and kind letters of a sheet's fingerprint text. */
const CH = { start: 1, comma: 44, equals: 61, hash: 35, bar: 124, s: 115 } as const;
const SEEDS = [0x811c9dc5, 0x050c5d1f] as const;

/**
 * Two FNV-1a 32-bit hashes fed piece by piece: the hash of the pieces' concatenation, without
 * building it (a bloc's sheets are hundreds of thousands of pieces).
 */
class Fnv2 {
  private a: number = SEEDS[0];
  private b: number = SEEDS[1];

  /** One UTF-16 code unit. */
  addCode(ch: number): this {
    this.a = Math.imul(this.a ^ ch, FNV_PRIME) >>> 0;
    this.b = Math.imul(this.b ^ ch, FNV_PRIME) >>> 0;
    return this;
  }

  /** A non-negative safe integer's decimal digits, as String(n) writes them. */
  addDigits(n: number): this {
    if (n >= 10) this.addDigits(Math.floor(n / 10));
    return this.addCode(48 + (n % 10));
  }

  add(str: string): this {
    let a = this.a;
    let b = this.b;
    for (let i = 0; i < str.length; i++) {
      const ch = str.charCodeAt(i);
      a = Math.imul(a ^ ch, FNV_PRIME) >>> 0;
      b = Math.imul(b ^ ch, FNV_PRIME) >>> 0;
    }
    this.a = a;
    this.b = b;
    return this;
  }

  digest(): string {
    return this.a.toString(16).padStart(8, "0") + this.b.toString(16).padStart(8, "0");
  }
}

export function hash(str: string): string {
  return new Fnv2().add(str).digest();
}

/**
 * What a sheet holds that matters to the build: its name, and every non-empty cell's address,
 * value and formula, as `name␁r,c=value|formula␁…` (the hash of that text). Formats and layout do
 * not change figures, so they do not count.
 */
export function sheetFingerprint(sheet: SheetSnapshot): string {
  const h = new Fnv2().add(sheet.name);
  // The text is fed piece by piece, the addresses as their digits: no string made per cell (a
  // bloc's sheets are tens of thousands of cells, and their garbage costs more than the hashing).
  for (let r = 0; r < sheet.values.length; r++) {
    const row = sheet.values[r];
    const formulas = sheet.formulas[r];
    for (let c = 0; c < row.length; c++) {
      const v = row[c];
      if (v === null || v === "") continue;
      h.addCode(CH.start)
        .addDigits(sheet.top + r)
        .addCode(CH.comma)
        .addDigits(sheet.left + c)
        .addCode(CH.equals);
      if (isCellError(v)) h.addCode(CH.hash).add(v.error);
      else if (typeof v === "string") h.addCode(CH.s).add(v);
      else h.add(typeof v === "number" ? "n" : "b").add(String(v));
      const f = formulas?.[c];
      if (f) h.addCode(CH.bar).add(f);
    }
  }
  return h.digest();
}

export interface Fingerprints {
  /** One hash over every input sheet. */
  overall: string;
  /** Each input sheet's own hash, in workbook order. */
  sheets: { name: string; hash: string }[];
}

export function fingerprintSheets(sheets: readonly SheetSnapshot[]): Fingerprints {
  const list = sheets.map((s) => ({ name: s.name, hash: sheetFingerprint(s) }));
  return { overall: hash(list.map((s) => `${s.name}:${s.hash}`).join("\n")), sheets: list };
}

/** What changed in the inputs since an earlier build, by their fingerprints. */
export interface Staleness {
  /** The inputs differ from those the earlier build summarised. */
  stale: boolean;
  /** Input sheets whose content changed since that build. */
  changed: string[];
  /** Input sheets that the earlier build did not read. */
  added: string[];
  /** Sheets the earlier build read that are no longer inputs. */
  removed: string[];
  /** When the earlier build ran (ISO), if recorded. */
  builtAt: string | null;
}
