/**
 * A tiny evaluator for the formulas the summary plan writes (references to other sheets, ranges,
 * SUM, IF, AND, ISNUMBER, RANK, arithmetic with ^ and comparisons), written for the tests so the cached
 * values of a plan can be checked against what Excel would compute from the source workbook.
 */
import type { SheetModel } from "../../../src/core/sheet/model";
import type { CellValue, WorkbookSnapshot } from "../../../src/core/snapshot";
import { parseAddr } from "../../support/snapshots";

type Scalar = number | string | boolean | null;
interface RangeVal {
  kind: "range";
  sheet: string | null;
  top: number;
  left: number;
  bottom: number;
  right: number;
}
type Val = Scalar | RangeVal;

type Tok = { t: "num"; v: number } | { t: "str"; v: string } | { t: "ref"; sheet: string | null; ref: string } | { t: "name"; v: string } | { t: "op"; v: string };

function tokenize(src: string): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  while (i < src.length) {
    const ch = src[i];
    if (ch === " ") {
      i++;
      continue;
    }
    if (ch === '"') {
      let j = i + 1;
      let s = "";
      while (j < src.length) {
        if (src[j] === '"' && src[j + 1] === '"') {
          s += '"';
          j += 2;
        } else if (src[j] === '"') break;
        else s += src[j++];
      }
      out.push({ t: "str", v: s });
      i = j + 1;
      continue;
    }
    if (ch === "'") {
      let j = i + 1;
      let s = "";
      while (j < src.length) {
        if (src[j] === "'" && src[j + 1] === "'") {
          s += "'";
          j += 2;
        } else if (src[j] === "'") break;
        else s += src[j++];
      }
      if (src[j + 1] !== "!") throw new Error(`quoted name without "!" in ${src}`);
      const m = /^\$?[A-Z]{1,3}\$?\d+/.exec(src.slice(j + 2));
      if (!m) throw new Error(`bad reference after sheet in ${src}`);
      out.push({ t: "ref", sheet: s, ref: m[0].replace(/\$/g, "") });
      i = j + 2 + m[0].length;
      continue;
    }
    const num = /^\d+(\.\d+)?/.exec(src.slice(i));
    if (num) {
      out.push({ t: "num", v: Number(num[0]) });
      i += num[0].length;
      continue;
    }
    const sheetRef = /^([A-Za-z_][A-Za-z0-9_.]*)!(\$?[A-Z]{1,3}\$?\d+)/.exec(src.slice(i));
    if (sheetRef) {
      out.push({ t: "ref", sheet: sheetRef[1], ref: sheetRef[2].replace(/\$/g, "") });
      i += sheetRef[0].length;
      continue;
    }
    const ref = /^\$?[A-Z]{1,3}\$?\d+(?![A-Za-z(])/.exec(src.slice(i));
    if (ref) {
      out.push({ t: "ref", sheet: null, ref: ref[0].replace(/\$/g, "") });
      i += ref[0].length;
      continue;
    }
    const name = /^[A-Za-z_][A-Za-z0-9_.]*/.exec(src.slice(i));
    if (name) {
      out.push({ t: "name", v: name[0].toUpperCase() });
      i += name[0].length;
      continue;
    }
    const op = /^(<=|>=|<>|[-+*/^=<>(),:])/.exec(src.slice(i));
    if (op) {
      out.push({ t: "op", v: op[0] });
      i += op[0].length;
      continue;
    }
    throw new Error(`cannot read formula ${src} at ${i}`);
  }
  return out;
}

export class FormulaError extends Error {}

export interface EvalContext {
  wb: WorkbookSnapshot;
  plan: SheetModel;
}

/** Evaluate the formula of one plan cell (or of any formula text, as if written on the plan sheet). */
export function evaluate(formula: string, ctx: EvalContext, memo = new Map<string, Scalar>(), stack = new Set<string>()): Scalar {
  const toks = tokenize(formula);
  let p = 0;
  const peek = () => toks[p];
  const isOp = (v: string) => peek()?.t === "op" && (peek() as { v: string }).v === v;
  const eat = (v: string) => {
    if (!isOp(v)) throw new Error(`expected ${v} in ${formula}`);
    p++;
  };

  const planCell = (row: number, col: number): Scalar => {
    const key = `${row},${col}`;
    if (memo.has(key)) return memo.get(key)!;
    const cell = ctx.plan.rows[row]?.[col];
    let v: Scalar;
    if (cell?.formula !== undefined) {
      if (stack.has(key)) throw new FormulaError(`circular reference at ${key}`);
      stack.add(key);
      v = evaluate(cell.formula, ctx, memo, stack);
      stack.delete(key);
    } else v = cell?.value ?? null;
    memo.set(key, v);
    return v;
  };
  const sourceCell = (sheet: string, row: number, col: number): Scalar => {
    const s = ctx.wb.sheets.find((x) => x.name === sheet);
    if (!s) throw new FormulaError(`#REF! (no sheet ${sheet})`);
    const v: CellValue = s.values[row - s.top]?.[col - s.left] ?? null;
    if (v !== null && typeof v === "object") throw new FormulaError(v.error);
    return v;
  };
  const cellValue = (sheet: string | null, row: number, col: number): Scalar => (sheet === null || sheet === ctx.plan.name ? planCell(row, col) : sourceCell(sheet, row, col));
  const scalar = (v: Val): Scalar => {
    if (v !== null && typeof v === "object") {
      if (v.top !== v.bottom || v.left !== v.right) throw new FormulaError("#VALUE! (range as scalar)");
      return cellValue(v.sheet, v.top, v.left);
    }
    return v;
  };
  const num = (v: Val): number => {
    const s = scalar(v);
    if (s === null) return 0;
    if (typeof s === "number") return s;
    if (typeof s === "boolean") return s ? 1 : 0;
    throw new FormulaError(`#VALUE! (text "${s}" in arithmetic)`);
  };
  const rangeValues = (v: Val): Scalar[] => {
    if (v === null || typeof v !== "object") return [v];
    const out: Scalar[] = [];
    for (let r = v.top; r <= v.bottom; r++) for (let c = v.left; c <= v.right; c++) out.push(cellValue(v.sheet, r, c));
    return out;
  };

  const primary = (): Val => {
    const t = peek();
    if (!t) throw new Error(`unexpected end of ${formula}`);
    if (t.t === "num") {
      p++;
      return t.v;
    }
    if (t.t === "str") {
      p++;
      return t.v;
    }
    if (t.t === "ref") {
      p++;
      const a = parseAddr(t.ref);
      if (isOp(":")) {
        p++;
        const e = peek();
        if (!e || e.t !== "ref") throw new Error(`bad range in ${formula}`);
        p++;
        const b = parseAddr(e.ref);
        return { kind: "range", sheet: t.sheet, top: Math.min(a.row, b.row), left: Math.min(a.col, b.col), bottom: Math.max(a.row, b.row), right: Math.max(a.col, b.col) };
      }
      return { kind: "range", sheet: t.sheet, top: a.row, left: a.col, bottom: a.row, right: a.col };
    }
    if (t.t === "name") {
      p++;
      if (t.v === "TRUE" || t.v === "FALSE") return t.v === "TRUE";
      eat("(");
      const args: (() => Val)[] = [];
      // Arguments are parsed eagerly but evaluated lazily (IF must not evaluate its other branch).
      const starts: number[] = [];
      const ends: number[] = [];
      if (!isOp(")")) {
        for (;;) {
          starts.push(p);
          skipArg();
          ends.push(p);
          if (isOp(",")) {
            p++;
            continue;
          }
          break;
        }
      }
      eat(")");
      const after = p;
      for (let k = 0; k < starts.length; k++) {
        const s = starts[k];
        args.push(() => {
          const save = p;
          p = s;
          const v = expr();
          p = save;
          return v;
        });
      }
      p = after;
      return call(t.v, args);
    }
    if (t.t === "op" && t.v === "(") {
      p++;
      const v = expr();
      eat(")");
      return v;
    }
    if (t.t === "op" && t.v === "-") {
      p++;
      return -num(primary());
    }
    throw new Error(`unexpected token in ${formula}`);
  };
  const skipArg = () => {
    let depth = 0;
    while (p < toks.length) {
      const t = toks[p];
      if (t.t === "op" && t.v === "(") depth++;
      if (t.t === "op" && t.v === ")") {
        if (depth === 0) return;
        depth--;
      }
      if (t.t === "op" && t.v === "," && depth === 0) return;
      p++;
    }
  };
  const call = (name: string, args: (() => Val)[]): Scalar => {
    switch (name) {
      case "SUM": {
        let s = 0;
        for (const a of args) for (const v of rangeValues(a())) if (typeof v === "number") s += v;
        return s;
      }
      case "IF": {
        const c = scalar(args[0]());
        const truthy =
          typeof c === "string"
            ? (() => {
                throw new FormulaError("#VALUE!");
              })()
            : !!c;
        return truthy ? scalar(args[1]()) : args.length > 2 ? scalar(args[2]()) : false;
      }
      case "AND":
        return args.every((a) => {
          const v = scalar(a());
          if (typeof v === "string") throw new FormulaError("#VALUE!");
          return !!v;
        });
      case "ISNUMBER": {
        const v = scalar(args[0]());
        return typeof v === "number";
      }
      case "RANK": {
        const x = num(args[0]());
        const list = rangeValues(args[1]()).filter((v): v is number => typeof v === "number");
        if (!list.includes(x)) throw new FormulaError("#N/A");
        return 1 + list.filter((v) => v > x).length;
      }
      default:
        throw new Error(`function ${name} not supported by the test evaluator`);
    }
  };
  // Excel's "^" binds tighter than * and /, left to right.
  const unary = (): Val => {
    let v: Val = primary();
    while (isOp("^")) {
      p++;
      v = Math.pow(num(v), num(primary()));
    }
    return v;
  };
  const term = (): Val => {
    let v = unary();
    while (isOp("*") || isOp("/")) {
      const op = (peek() as { v: string }).v;
      p++;
      const r = unary();
      if (op === "*") v = num(v) * num(r);
      else {
        const d = num(r);
        if (d === 0) throw new FormulaError("#DIV/0!");
        v = num(v) / d;
      }
    }
    return v;
  };
  const additive = (): Val => {
    let v = term();
    while (isOp("+") || isOp("-")) {
      const op = (peek() as { v: string }).v;
      p++;
      const r = term();
      v = op === "+" ? num(v) + num(r) : num(v) - num(r);
    }
    return v;
  };
  const expr = (): Val => {
    const l = additive();
    for (const op of ["<=", ">=", "<>", "=", "<", ">"]) {
      if (isOp(op)) {
        p++;
        const a = scalar(l) ?? 0;
        const b = scalar(additive()) ?? 0;
        switch (op) {
          case "=":
            return a === b;
          case "<>":
            return a !== b;
          case "<":
            return a < b;
          case ">":
            return a > b;
          case "<=":
            return a <= b;
          default:
            return a >= b;
        }
      }
    }
    return l;
  };
  const result = expr();
  if (p !== toks.length) throw new Error(`trailing tokens in ${formula}`);
  return scalar(result);
}
