/**
 * Is the summary out of date? The "Kiểm tra" sheet of an earlier build records a fingerprint of
 * every input sheet; comparing it with the inputs as they are now tells which sheets changed since.
 * Pure: reads a snapshot, writes nothing.
 */
import type { Fingerprints, Staleness } from "./fingerprint";
import { isScoringSheetName } from "./read/units";
import { OUTPUT_SHEETS } from "./outputSheets";
import { CHECK_COLUMNS, CHECK_FINGERPRINT_COL, CHECK_META_ROWS, CHECK_TABLE_HEADER_ROW, reviewKey } from "./render/check";
import { generatedKind } from "./marker";
import { cellAt, sheetBounds, type SheetSnapshot, type WorkbookSnapshot } from "./snapshot";
import { label } from "./text";

/**
 * The sheets a build reads, in workbook order: the config sheet, each unit's sheet (read, or named
 * by the roster even when it could not be read, so a broken header shows as "changed" rather than
 * "removed"), and the scoring sheet. Never an output of ours.
 */
export function inputSheets(wb: WorkbookSnapshot, sel: { configSheet: string | null; unitSheets: Iterable<string>; rosterSheets?: Iterable<string> }): SheetSnapshot[] {
  const read = new Set(sel.unitSheets);
  const named = new Set([...(sel.rosterSheets ?? [])].map(label));
  return wb.sheets.filter((s) => generatedKind(s) === null && (s.name === sel.configSheet || read.has(s.name) || named.has(label(s.name)) || isScoringSheetName(s.name)));
}

export interface EarlierBuild {
  builtAt: string | null;
  overall: string | null;
  sheets: { name: string; hash: string }[];
  /** Reviewers' notes on the earlier issue list, by reviewKey(code, sheet, cell). */
  reviews?: Map<string, string>;
}

const HASH = /^[0-9a-f]{16}$/;

/** The fingerprints an earlier build left on its "Kiểm tra" sheet; null when there is none. */
export function readEarlierBuild(wb: WorkbookSnapshot): EarlierBuild | null {
  const checks = wb.sheets.filter((s) => generatedKind(s) === "check");
  const sheet = checks.find((s) => s.name === OUTPUT_SHEETS.check()) ?? checks[0];
  if (!sheet) return null;
  const text = (r: number, c: number) => {
    const v = cellAt(sheet, r, c);
    return typeof v === "string" ? v.trim() : "";
  };
  const overall = text(CHECK_META_ROWS.fingerprint, 2);
  const builtAt = text(CHECK_META_ROWS.builtAt, 2);
  const sheets: { name: string; hash: string }[] = [];
  const end = sheetBounds(sheet).bottom;
  for (let r = CHECK_TABLE_HEADER_ROW + 1; r < end; r++) {
    const name = cellAt(sheet, r, CHECK_FINGERPRINT_COL);
    const hash = text(r, CHECK_FINGERPRINT_COL + 1);
    if (name === null || name === "") break;
    if (HASH.test(hash)) sheets.push({ name: String(name), hash });
  }
  const reviews = new Map<string, string>();
  for (let r = CHECK_TABLE_HEADER_ROW + 1; r < end; r++) {
    const note = text(r, CHECK_COLUMNS.review);
    const code = text(r, CHECK_COLUMNS.code);
    if (note && code) reviews.set(reviewKey(code, text(r, CHECK_COLUMNS.sheet), text(r, CHECK_COLUMNS.cell)), note);
  }
  return { builtAt: builtAt || null, overall: HASH.test(overall) ? overall : null, sheets, reviews };
}

/** Compare the earlier build's fingerprints with the current inputs'; null when there was no earlier build. */
export function compareFingerprints(earlier: EarlierBuild | null, current: Fingerprints): Staleness | null {
  if (!earlier) return null;
  const before = new Map(earlier.sheets.map((s) => [s.name, s.hash]));
  const now = new Map(current.sheets.map((s) => [s.name, s.hash]));
  const changed = current.sheets.filter((s) => before.has(s.name) && before.get(s.name) !== s.hash).map((s) => s.name);
  const added = current.sheets.filter((s) => !before.has(s.name)).map((s) => s.name);
  const removed = earlier.sheets.filter((s) => !now.has(s.name)).map((s) => s.name);
  // Without a readable per-sheet table, the overall fingerprint decides (and anything unreadable is stale).
  const stale = earlier.sheets.length ? changed.length + added.length + removed.length > 0 : earlier.overall !== current.overall;
  return { stale, changed, added, removed, builtAt: earlier.builtAt };
}
