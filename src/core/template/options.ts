/** What a template may be asked for: unit codes that make good sheet names, a plausible year. */
import { isConfigSheetName } from "../read/config";
import { isScoringSheetName } from "../read/units";
import { label } from "../text";
import type { TemplateUnit } from "./unit";

/** A code as the readers recognise one ("BCA", "BKHDT", "NHNN"): also a valid sheet name. */
export const UNIT_CODE_PATTERN = /^[A-Za-z0-9_.]{1,16}$/;

export const YEAR_RANGE = { min: 1901, max: 2200 } as const;

/** Beyond this many units a bloc is something else; it also bounds the file a typo could produce. */
export const MAX_UNITS = 200;

export type TemplateProblem =
  | { kind: "badYear"; text: string }
  | { kind: "noUnits" }
  | { kind: "tooManyUnits"; count: number; max: number }
  | { kind: "badCode"; code: string }
  | { kind: "duplicateCode"; code: string }
  | { kind: "reservedCode"; code: string };

export function parseYear(text: string): number | null {
  const t = text.trim();
  if (!/^\d{4}$/.test(t)) return null;
  const y = Number(t);
  return y >= YEAR_RANGE.min && y <= YEAR_RANGE.max ? y : null;
}

/** "BCA,BTP, BQP" → units named by their codes (names left for the bloc to type). */
export function parseUnitCodes(text: string): TemplateUnit[] {
  return text
    .split(/[,;]/)
    .map((s) => s.trim())
    .filter((s, i, all) => s !== "" || all.length === 1)
    .map((code) => ({ code, name: "" }));
}

/** Every problem with the units, in their order; empty when the template can be made. */
export function checkUnits(units: readonly TemplateUnit[]): TemplateProblem[] {
  const problems: TemplateProblem[] = [];
  if (!units.length || (units.length === 1 && !units[0].code)) return [{ kind: "noUnits" }];
  if (units.length > MAX_UNITS) problems.push({ kind: "tooManyUnits", count: units.length, max: MAX_UNITS });
  const seen = new Set<string>();
  for (const u of units) {
    if (!UNIT_CODE_PATTERN.test(u.code)) problems.push({ kind: "badCode", code: u.code });
    else if (isConfigSheetName(u.code) || isScoringSheetName(u.code) || label(u.code) === "history") problems.push({ kind: "reservedCode", code: u.code });
    else if (seen.has(label(u.code))) problems.push({ kind: "duplicateCode", code: u.code });
    seen.add(label(u.code));
  }
  return problems;
}
