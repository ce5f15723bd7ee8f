/**
 * Units confirming their figures (SPEC §10): the roster's "Xác nhận" / "Confirmed" column holds who
 * and when, or "x". Reading an entry and the issues it raises; pure.
 */
import { issue, type Issue } from "../issues";
import type { RosterUnit } from "../model";
import { isCellError, type CellValue } from "../snapshot";
import { label } from "../text";

/** Header labels of the roster's confirmation column (matched by text.label). */
export const CONFIRMATION_COLUMN = ["Xác nhận", "Đã xác nhận", "Xác nhận số liệu", "Người xác nhận", "Confirmed", "Confirmation", "Confirmed by"] as const;

/** Entries that say "not (yet) confirmed" rather than who confirmed: a careful reader's "chưa" is no. */
const NOT_CONFIRMED = new Set(
  ["chua", "chua xac nhan", "khong", "khong xac nhan", "no", "n", "not yet", "not confirmed", "unconfirmed", "false", "0", "-", "—", "?"].map((s) => label(s) || s),
);

/** Does a number format show a date? (d, m or y outside quotes and brackets.) */
function isDateFormat(format: string): boolean {
  const bare = format.replace(/"[^"]*"|\[[^\]]*\]|\\./g, "");
  return /[dy]/i.test(bare);
}

function pad(n: number): string {
  return String(n).padStart(2, "0");
}

/** An Excel date serial as "dd/mm/yyyy" (with "hh:mm" when it has a time). 1900 date system. */
function serialDate(serial: number): string {
  const ms = Math.round((serial - 25569) * 86400000);
  const d = new Date(ms);
  const date = `${pad(d.getUTCDate())}/${pad(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}`;
  return d.getUTCHours() || d.getUTCMinutes() ? `${date} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}` : date;
}

/** The entry as text (who and when, "x", a date), or null for blank, "chưa", "không", an error. */
export function confirmationText(v: CellValue, format = "General"): string | null {
  if (v === null || isCellError(v)) return null;
  if (typeof v === "boolean") return v ? "x" : null;
  if (typeof v === "number") {
    if (isDateFormat(format) && v > 0 && v < 2958466) return serialDate(v);
    return NOT_CONFIRMED.has(label(v)) ? null : String(v);
  }
  const t = v.trim().replace(/\s+/g, " ");
  if (!t) return null;
  const l = label(t);
  return NOT_CONFIRMED.has(l) || NOT_CONFIRMED.has(t) ? null : t;
}

/** "4/6": how many roster units confirmed, and which did not. */
export function confirmationSummary(roster: readonly RosterUnit[]): { tracked: boolean; confirmed: number; total: number; unconfirmed: RosterUnit[] } {
  const tracked = roster.some((u) => u.confirmed !== undefined);
  const unconfirmed = roster.filter((u) => !u.confirmed);
  return { tracked, confirmed: roster.length - unconfirmed.length, total: roster.length, unconfirmed };
}

/**
 * UNIT_NOT_CONFIRMED for each unconfirmed unit when the config requires confirmation: at the unit's
 * confirmation cell, or its code cell when the roster has no confirmation column.
 */
export function confirmationIssues(roster: readonly RosterUnit[], required: boolean, configSheet: string | null): Issue[] {
  if (!required || configSheet === null) return [];
  return roster
    .filter((u) => !u.confirmed)
    .map((u) => issue("UNIT_NOT_CONFIRMED", "error", configSheet, u.confirmedCell ?? u.cell, { unit: u.code, name: u.name, column: u.confirmedCell ? "present" : "absent" }));
}
