/** Finding things on a sheet: header rows and labelled cells, wherever they are. */
import { type SheetSnapshot, type CellValue, cellAt, sheetBounds, isCellError } from "./snapshot";
import { label } from "./text";

export function isBlank(v: CellValue): boolean {
  return v === null || (typeof v === "string" && v.trim() === "");
}

/** A cell as text for labels and names (numbers as typed, errors as their code). */
export function cellText(v: CellValue): string {
  if (v === null) return "";
  if (isCellError(v)) return v.error;
  return String(v).trim();
}

export type ColumnAliases<K extends string> = Record<K, readonly string[]>;

export interface HeaderMatch<K extends string> {
  row: number;
  cols: Partial<Record<K, number>>;
}

/** Folded alias lists, computed once per table of aliases. */
const foldedCache = new WeakMap<object, Map<string, string>>();
function aliasIndex<K extends string>(aliases: ColumnAliases<K>): Map<string, K> {
  let m = foldedCache.get(aliases) as Map<string, K> | undefined;
  if (!m) {
    m = new Map();
    for (const key of Object.keys(aliases) as K[]) for (const a of aliases[key]) m.set(label(a), key);
    foldedCache.set(aliases, m as Map<string, string>);
  }
  return m;
}

/** Which column key a header label names, if any. */
export function matchColumn<K extends string>(v: CellValue, aliases: ColumnAliases<K>): K | undefined {
  return aliasIndex(aliases).get(label(v));
}

/**
 * The first row (from `from`) holding every `required` column label; the columns of every key
 * found on that row. Labels are matched by text.label (case, diacritics, spaces, end punctuation).
 */
export function findHeader<K extends string>(
  sheet: SheetSnapshot,
  aliases: ColumnAliases<K>,
  required: readonly NoInfer<K>[],
  from = sheet.top,
  to?: number,
): HeaderMatch<K> | null {
  const b = sheetBounds(sheet);
  const end = Math.min(to ?? b.bottom, b.bottom);
  for (let r = Math.max(from, b.top); r < end; r++) {
    const cols: Partial<Record<K, number>> = {};
    for (let c = b.left; c < b.right; c++) {
      const key = matchColumn(cellAt(sheet, r, c), aliases);
      if (key !== undefined && cols[key] === undefined) cols[key] = c;
    }
    if (required.every((k) => cols[k] !== undefined)) return { row: r, cols };
  }
  return null;
}

/** The first non-blank cell right of (row, col), with its column. */
export function valueRightOf(sheet: SheetSnapshot, row: number, col: number): { col: number; value: CellValue } | null {
  const b = sheetBounds(sheet);
  for (let c = col + 1; c < b.right; c++) {
    const v = cellAt(sheet, row, c);
    if (!isBlank(v)) return { col: c, value: v };
  }
  return null;
}
