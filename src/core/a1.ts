/** A1 addressing and sheet-name quoting: one place, used by every stage and host. */

export function columnName(col: number): string {
  let n = col + 1;
  let s = "";
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function columnIndex(name: string): number {
  let n = 0;
  for (const ch of name.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** 0-based (row, col) → "B7". */
export function a1(row: number, col: number): string {
  return `${columnName(col)}${row + 1}`;
}

/** 0-based (row, col) → "B$7": the row fixed, for formulas copied along a row. */
export function a1RowFixed(row: number, col: number): string {
  return `${columnName(col)}$${row + 1}`;
}

export interface CellRef {
  row: number;
  col: number;
}

export function parseA1(ref: string): CellRef {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(ref.trim());
  if (!m) throw new Error(`Not an A1 cell reference: ${ref}`);
  return { row: Number(m[2]) - 1, col: columnIndex(m[1]) };
}

export interface RangeRef {
  start: CellRef;
  end: CellRef;
}

export function parseRange(ref: string): RangeRef {
  const [s, e] = ref.split(":");
  const start = parseA1(s);
  const end = e ? parseA1(e) : start;
  return {
    start: { row: Math.min(start.row, end.row), col: Math.min(start.col, end.col) },
    end: { row: Math.max(start.row, end.row), col: Math.max(start.col, end.col) },
  };
}

export function rangeA1(top: number, left: number, bottom: number, right: number): string {
  const s = a1(top, left);
  const e = a1(bottom, right);
  return s === e ? s : `${s}:${e}`;
}

/**
 * A sheet name as it must appear in a formula: quoted unless it is a plain identifier that cannot
 * be read as something else (an A1 cell, a boolean, or anything starting like an R1C1 reference:
 * "C", "R1C1b", "rc2z"), with apostrophes doubled ('O''Brien'!A1). Quoting more is always safe.
 */
export function quoteSheet(name: string): string {
  const plain = /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name);
  const looksLikeA1 = /^[A-Za-z]{1,3}\d+/.test(name);
  const looksLikeR1C1 = /^[rc]([rc\d]|$)/i.test(name);
  if (plain && !looksLikeA1 && !looksLikeR1C1 && !/^(TRUE|FALSE)$/i.test(name)) return name;
  return `'${name.replace(/'/g, "''")}'`;
}

/** "'Sheet name'!B7" */
export function sheetRef(sheet: string, row: number, col: number): string {
  return `${quoteSheet(sheet)}!${a1(row, col)}`;
}
