/**
 * The shape every formula the engine writes must have: references, numbers, operators and a few
 * functions. User text can only ever sit inside a string literal or a quoted sheet name — if any
 * formula had another shape, user text could have become code.
 */
const FUNCTIONS = new Set(["SUM", "IF", "AND", "ISNUMBER", "RANK", "HYPERLINK"]);

/** Null when the formula has an engine shape; else what is wrong with it. */
export function formulaShapeProblem(formula: string): string | null {
  let f = formula.replace(/^=/, "");
  // String literals ("…" with "" inside) and quoted sheet names ('…' with '' inside) are opaque.
  f = f.replace(/"(?:[^"]|"")*"/g, '""').replace(/'(?:[^']|'')+'!/g, "S!");
  if (/["']/.test(f.replace(/""/g, ""))) return `unbalanced quote in ${formula}`;
  for (const m of f.matchAll(/([A-Za-z_][A-Za-z0-9_.]*)\s*\(/g)) if (!FUNCTIONS.has(m[1].toUpperCase())) return `function ${m[1]} in ${formula}`;
  const rest = f
    .replace(/([A-Za-z_][A-Za-z0-9_.]*)\s*\(/g, "(")
    .replace(/(?:[A-Za-z_][A-Za-z0-9_.]*|S)!/g, "")
    .replace(/\$?[A-Z]{1,3}\$?\d+/g, "R")
    .replace(/\d+(?:\.\d+)?/g, "N")
    .replace(/""/g, "T");
  return /^[RNT()+\-*/^=<>,:&%]*$/.test(rest.replace(/\s+/g, "")) ? null : `unexpected text in ${formula}: ${rest}`;
}
