/**
 * The two conformance classes of SpreadsheetML (ISO/IEC 29500-1 §2): transitional and Strict. New
 * parts are written in the package's own class: generated in the transitional vocabulary, then, for
 * a Strict package, every namespace and relationship type moved to its Strict name (ISO/IEC 29500-1
 * Annex A lists both sets; the content types are the same in both).
 */

export type Conformance = "transitional" | "strict";

/** Transitional namespace → Strict namespace. The package-level ones (rels, content types) are shared. */
const STRICT_NAMESPACES: readonly [string, string][] = [
  ["http://schemas.openxmlformats.org/spreadsheetml/2006/main", "http://purl.oclc.org/ooxml/spreadsheetml/main"],
  ["http://schemas.openxmlformats.org/officeDocument/2006/relationships", "http://purl.oclc.org/ooxml/officeDocument/relationships"],
  ["http://schemas.openxmlformats.org/drawingml/2006/main", "http://purl.oclc.org/ooxml/drawingml/main"],
  ["http://schemas.openxmlformats.org/drawingml/2006/chart", "http://purl.oclc.org/ooxml/drawingml/chart"],
  ["http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing", "http://purl.oclc.org/ooxml/drawingml/spreadsheetDrawing"],
];

export const NS = {
  main: STRICT_NAMESPACES[0][0],
  r: STRICT_NAMESPACES[1][0],
  a: STRICT_NAMESPACES[2][0],
  c: STRICT_NAMESPACES[3][0],
  xdr: STRICT_NAMESPACES[4][0],
  rels: "http://schemas.openxmlformats.org/package/2006/relationships",
  types: "http://schemas.openxmlformats.org/package/2006/content-types",
  vml: "urn:schemas-microsoft-com:vml",
  office: "urn:schemas-microsoft-com:office:office",
  excel: "urn:schemas-microsoft-com:office:excel",
} as const;

/** A workbook part's class: Strict when its root is in the Strict namespace (or says conformance="strict"). */
export function conformanceOf(workbookXml: string): Conformance {
  const root = /<(?:([\w.-]+):)?workbook\b[^>]*>/.exec(workbookXml);
  if (!root) return "transitional";
  const prefix = root[1];
  const ns = new RegExp(`xmlns${prefix ? `:${prefix}` : ""}\\s*=\\s*["']([^"']*)["']`).exec(root[0])?.[1];
  return ns === STRICT_NAMESPACES[0][1] || /\sconformance\s*=\s*["']strict["']/.test(root[0]) ? "strict" : "transitional";
}

/** A part written in the transitional vocabulary, in the class asked for. */
export function inConformance(xml: string, c: Conformance): string {
  if (c === "transitional") return xml;
  let out = xml;
  for (const [t, s] of STRICT_NAMESPACES) out = out.split(t).join(s);
  return out;
}

/** The relationship type of an office relationship ("worksheet", "styles" …) in the class asked for. */
export function relType(kind: string, c: Conformance): string {
  return inConformance(`${NS.r}/${kind}`, c);
}
