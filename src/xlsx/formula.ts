/**
 * A shared formula (SpreadsheetML `<f t="shared">`, ECMA-376 Part 1 §18.3.1.40) is written once
 * on its master cell; every other cell of the group holds the master's formula with its relative
 * references moved by the cell's offset from the master, as Excel fills a formula down or across.
 */
import { columnIndex, columnName } from "../core/a1";

const MAX_ROW = 1048576;
const MAX_COL = 16384;

const isWordChar = (ch: string | undefined): boolean => ch !== undefined && /[\p{L}\p{N}_.$\\]/u.test(ch);

const CELL = /^(\$?)([A-Za-z]{1,3})(\$?)(\d+)$/;
const COLUMN = /^(\$?)([A-Za-z]{1,3})$/;
const ROW = /^(\$?)(\d+)$/;

function moveCol(fixed: string, letters: string, d: number): string | null {
  const c = columnIndex(letters) + (fixed ? 0 : d);
  return c < 0 || c >= MAX_COL ? null : fixed + columnName(c);
}

function moveRow(fixed: string, digits: string, d: number): string | null {
  const r = Number(digits) + (fixed ? 0 : d);
  return r < 1 || r > MAX_ROW ? null : fixed + r;
}

function moveCell(word: string, dRow: number, dCol: number): string | null {
  const m = CELL.exec(word)!;
  const c = moveCol(m[1], m[2], dCol);
  const r = moveRow(m[3], m[4], dRow);
  return c === null || r === null ? null : c + r;
}

/**
 * The formula (without its leading "=") as it reads `dRow` rows and `dCol` columns away: relative
 * A1 references move, "$" parts stay; string literals, quoted and unquoted sheet names, function
 * names, defined names and bracketed parts (structured references, external books) are untouched.
 * A reference moved off the sheet becomes #REF!, as in Excel.
 */
export function shiftFormula(formula: string, dRow: number, dCol: number): string {
  if (dRow === 0 && dCol === 0) return formula;
  let out = "";
  let i = 0;
  const n = formula.length;
  const wordAt = (start: number): number => {
    let j = start;
    while (j < n && isWordChar(formula[j])) j++;
    return j;
  };
  while (i < n) {
    const ch = formula[i];
    if (ch === '"' || ch === "'") {
      // A string literal or a quoted sheet name, ending at an unpaired closing quote.
      let j = i + 1;
      while (j < n && !(formula[j] === ch && formula[j + 1] !== ch)) j += formula[j] === ch ? 2 : 1;
      out += formula.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    if (ch === "[") {
      let depth = 0;
      let j = i;
      for (; j < n; j++) {
        if (formula[j] === "[") depth++;
        else if (formula[j] === "]" && --depth === 0) break;
      }
      out += formula.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    if (!isWordChar(ch)) {
      out += ch;
      i++;
      continue;
    }
    const end = wordAt(i);
    const word = formula.slice(i, end);
    const next = formula[end];
    if (next === "!" || next === "(" || next === "[") {
      // A sheet name, a function, a table.
      out += word;
      i = end;
      continue;
    }
    const cell = CELL.exec(word);
    // A column past XFD makes it a name ("ZZZ1"), not a reference.
    if (cell && columnIndex(cell[2]) < MAX_COL) {
      out += moveCell(word, dRow, dCol) ?? "#REF!";
      i = end;
      continue;
    }
    // Whole columns (A:C) and whole rows (3:5) come in pairs around a colon.
    if (next === ":") {
      const end2 = wordAt(end + 1);
      const word2 = formula.slice(end + 1, end2);
      const c1 = COLUMN.exec(word);
      const c2 = COLUMN.exec(word2);
      const r1 = ROW.exec(word);
      const r2 = ROW.exec(word2);
      if ((c1 && c2) || (r1 && r2)) {
        const a = c1 && c2 ? moveCol(c1[1], c1[2], dCol) : moveRow(r1![1], r1![2], dRow);
        const b = c1 && c2 ? moveCol(c2[1], c2[2], dCol) : moveRow(r2![1], r2![2], dRow);
        out += a === null || b === null ? "#REF!" : `${a}:${b}`;
        i = end2;
        continue;
      }
    }
    out += word;
    i = end;
  }
  return out;
}
