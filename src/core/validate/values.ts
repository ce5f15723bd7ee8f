/**
 * One figure at a time: a table of rules, first match wins, so a rejected value is reported once,
 * at its own cell (SPEC §4).
 */
import { a1 } from "../a1";
import { MONEY_UNITS, type Indicator } from "../catalog";
import { issue, type Issue, type IssueCode } from "../issues";
import type { AcceptedValue } from "../model";
import { parseNumberText } from "../numbers";
import { isCellError, type CellValue } from "../snapshot";
import { label } from "../text";
import { cellText, isBlank } from "../grid";

export interface ValueContext {
  sheet: string;
  row: number;
  col: number;
  indicator: Indicator;
  year: number;
  /** The report year's values are the ones that must be there; the compare year's are softer. */
  isReportYear: boolean;
  divisor: number;
  hasFormula: boolean;
}

export type ValueOutcome = { accepted: AcceptedValue | null; issue: Issue | null };

type Step = { n: number; fromText: boolean };
type Rule = (v: CellValue, ctx: ValueContext, step: Step | null) => { code: IssueCode; severity?: "error" | "warning"; params?: Record<string, string | number> } | null;

const isCount = (ind: Indicator) => ind.kind === "integer";

/** Rules on the cell before it is a number. */
const RAW_RULES: Rule[] = [
  (v) => (isCellError(v) ? { code: "VALUE_FORMULA_ERROR", params: { error: v.error } } : null),
  (v) => (typeof v === "boolean" ? { code: "VALUE_NOT_NUMBER", params: { text: String(v).toUpperCase() } } : null),
];

/** Rules on the number (typed, or parsed from text). */
const NUMBER_RULES: Rule[] = [
  (_v, _c, s) => (s!.n < 0 ? { code: "VALUE_NEGATIVE", params: { value: s!.n } } : null),
  (_v, c, s) => (isCount(c.indicator) && Math.abs(s!.n - Math.round(s!.n)) > 1e-9 ? { code: "VALUE_NOT_INTEGER", params: { value: s!.n } } : null),
];

/** A rejected value: its issue at the cell. (Not a closure inside checkValue: that runs for every cell.) */
function fail(ctx: ValueContext, cell: string, code: IssueCode, params: Record<string, string | number> = {}, severity: "error" | "warning" = "error"): ValueOutcome {
  return { accepted: null, issue: issue(code, severity, ctx.sheet, cell, { indicator: ctx.indicator.code, year: ctx.year, ...params }) };
}

/**
 * The first rule of the table that fires. Indexed, not for…of: this runs for every figure of a
 * build, mostly before V8 optimises it, and an unoptimised for…of makes an iterator result a step.
 */
function firstHit(rules: readonly Rule[], v: CellValue, ctx: ValueContext, step: Step | null): ReturnType<Rule> {
  for (let i = 0; i < rules.length; i++) {
    const hit = rules[i](v, ctx, step);
    if (hit) return hit;
  }
  return null;
}

export function checkValue(v: CellValue, ctx: ValueContext): ValueOutcome {
  const cell = a1(ctx.row, ctx.col);
  const raw = firstHit(RAW_RULES, v, ctx, null);
  if (raw) return fail(ctx, cell, raw.code, raw.params);
  if (isBlank(v)) {
    if (!ctx.indicator.required) return { accepted: null, issue: null };
    return fail(ctx, cell, "VALUE_EMPTY", {}, ctx.isReportYear ? "error" : "warning");
  }
  let step: Step;
  if (typeof v === "number") step = { n: v, fromText: false };
  else {
    const text = cellText(v);
    const parsed = parseNumberText(text, { integer: isCount(ctx.indicator) });
    if (!parsed.ok) return fail(ctx, cell, "VALUE_NOT_NUMBER", { text, reason: parsed.reason });
    step = { n: parsed.value, fromText: true };
  }
  const hit = firstHit(NUMBER_RULES, v, ctx, step);
  if (hit) return fail(ctx, cell, hit.code, hit.params);
  const accepted: AcceptedValue = {
    value: step.n / ctx.divisor,
    sheet: ctx.sheet,
    cell,
    raw: step.n,
    divisor: ctx.divisor,
    fromText: step.fromText,
  };
  if (!step.fromText) return { accepted, issue: null };
  const text = cellText(v);
  const fix = ctx.hasFormula ? undefined : { kind: "setNumber" as const, value: step.n };
  return { accepted, issue: issue("VALUE_TEXT_NUMBER", "error", ctx.sheet, cell, { indicator: ctx.indicator.code, year: ctx.year, text, value: step.n }, fix) };
}

/**
 * The divisor that turns a money row's unit of measure into tỷ đồng; null when it cannot be
 * converted. Rows of other kinds keep their numbers as they are.
 */
export function moneyDivisor(uom: CellValue): number | null {
  const l = label(uom);
  if (!l) return 1;
  return moneyDivisors().get(l) ?? null;
}

/** Folded unit label → divisor, the first unit naming a label winning (made once: the table is constant). */
let divisorByLabel: Map<string, number> | null = null;
function moneyDivisors(): Map<string, number> {
  if (!divisorByLabel) {
    divisorByLabel = new Map();
    for (const u of MONEY_UNITS) for (const x of u.labels) if (!divisorByLabel.has(label(x))) divisorByLabel.set(label(x), Math.round(1 / u.factor));
  }
  return divisorByLabel;
}
