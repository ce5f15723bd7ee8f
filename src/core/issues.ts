/** Every validation code of SPEC §4, in one union; messages live in i18n, never here. */

export const ISSUE_CODES = [
  "CONFIG_MISSING",
  "CONFIG_INVALID",
  "UNIT_SHEET_MISSING",
  "UNIT_DUPLICATE",
  "SHEET_NOT_IN_ROSTER",
  "HEADER_NOT_FOUND",
  "YEAR_COLUMN_MISSING",
  "PERIOD_MISMATCH",
  "INDICATOR_MISSING",
  "INDICATOR_UNKNOWN",
  "INDICATOR_DUPLICATE",
  "VALUE_EMPTY",
  "VALUE_TEXT_NUMBER",
  "VALUE_NOT_NUMBER",
  "VALUE_NEGATIVE",
  "VALUE_NOT_INTEGER",
  "VALUE_FORMULA_ERROR",
  "UNIT_CONVERTED",
  "UNIT_OF_MEASURE_UNKNOWN",
  "RELATION_VIOLATED",
  "CHANGE_OUTLIER",
  "SCORE_INVALID",
  "SCORE_TIE",
  // Shared review (SPEC §10).
  "UNIT_NOT_CONFIRMED",
  "CONFIRMATION_PREDATES_CHANGE",
  "LEGACY_ENCODING",
] as const;

export type IssueCode = (typeof ISSUE_CODES)[number];
export type Severity = "error" | "warning";

/** Parameters a message may use; each code's message picks what it needs. */
export type IssueParams = Record<string, string | number | undefined>;

/** A one-click fix the user may apply: write this number into the issue's cell. */
export interface NumberFix {
  kind: "setNumber";
  value: number;
}

/** A one-click fix: write this text over the cell's (legacy-encoded) text. */
export interface TextFix {
  kind: "setText";
  value: string;
}

export type Fix = NumberFix | TextFix;

export interface Issue {
  code: IssueCode;
  severity: Severity;
  sheet: string;
  /** A1 address of the cell the problem is at ("E7"). */
  cell: string;
  params: IssueParams;
  fix?: Fix;
}

export function issue(code: IssueCode, severity: Severity, sheet: string, cell: string, params: IssueParams = {}, fix?: Fix): Issue {
  return fix ? { code, severity, sheet, cell, params, fix } : { code, severity, sheet, cell, params };
}

export function countBySeverity(issues: readonly Issue[]): { errors: number; warnings: number } {
  let errors = 0;
  let warnings = 0;
  for (const i of issues) {
    if (i.severity === "error") errors++;
    else warnings++;
  }
  return { errors, warnings };
}

/** The first issue at each cell that offers a fix of this kind, in issue order (one write per cell). */
export function fixesOfKind<K extends Fix["kind"]>(issues: readonly Issue[], kind: K): (Issue & { fix: Extract<Fix, { kind: K }> })[] {
  const seen = new Set<string>();
  const out: (Issue & { fix: Extract<Fix, { kind: K }> })[] = [];
  for (const i of issues) {
    if (i.fix?.kind !== kind) continue;
    const key = `${i.sheet}\u0001${i.cell}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(i as Issue & { fix: Extract<Fix, { kind: K }> });
  }
  return out;
}
