/**
 * Fingerprints of the input sheets: a rebuild can tell whether the summary is out of date, and
 * which sheets changed. Pure (no Node crypto): two FNV-1a 32-bit hashes side by side.
 */
import { isCellError, type SheetSnapshot } from "./snapshot";

function fnv(str: string, seed: number): number {
  let h = seed >>> 0;
  for (let i = 0; i < str.length; i++) {
    h ^= str.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

export function hash(str: string): string {
  return fnv(str, 0x811c9dc5).toString(16).padStart(8, "0") + fnv(str, 0x050c5d1f).toString(16).padStart(8, "0");
}

/**
 * What a sheet holds that matters to the build: its name, and every non-empty cell's address,
 * value and formula. Formats and layout do not change figures, so they do not count.
 */
export function sheetFingerprint(sheet: SheetSnapshot): string {
  const parts: string[] = [sheet.name];
  sheet.values.forEach((row, r) =>
    row.forEach((v, c) => {
      if (v === null || v === "") return;
      const f = sheet.formulas[r]?.[c];
      const val = isCellError(v) ? `#${v.error}` : typeof v === "number" ? `n${v}` : typeof v === "boolean" ? `b${v}` : `s${v}`;
      parts.push(`${sheet.top + r},${sheet.left + c}=${val}${f ? `|${f}` : ""}`);
    }),
  );
  return hash(parts.join("\u0001"));
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
