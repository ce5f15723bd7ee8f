/**
 * String-level helpers for the parts the writer edits or writes: escaping, the attributes of a start
 * tag, and the root's children found by a scan that follows nesting. Editing a part as text keeps
 * every byte the writer does not mean to change (prefixes, namespaces, unknown elements).
 */

export const XML_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

// eslint-disable-next-line no-control-regex -- the same characters escapeXml drops or escapes
const NEEDS_ESCAPE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF\uD800-\uDFFF&<>"']/;
// eslint-disable-next-line no-control-regex -- the control characters XML 1.0 forbids, dropped on purpose
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const ENTITY: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" };
// eslint-disable-next-line no-control-regex -- as NEEDS_ESCAPE, without the quotes
const TEXT_NEEDS_ESCAPE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF\uD800-\uDFFF&<>]/;

/** Text as XML character data or attribute value: escaped, and characters XML 1.0 forbids dropped. */
export function escapeXml(s: string): string {
  // Most text needs nothing: one scan, no copy (a big sheet escapes ~10⁵ strings). Otherwise one
  // pass for the forbidden characters and one for the five entities.
  if (!NEEDS_ESCAPE.test(s)) return s;
  return s.replace(FORBIDDEN, "").replace(/[&<>"']/g, (c) => ENTITY[c]);
}

/**
 * Text as element content: quotes need no escaping there (XML 1.0 §2.4), and a summary's formulas
 * are full of them ('DV021'!E5), so they are written as they are, as Excel writes them.
 */
export function escapeText(s: string): string {
  if (!TEXT_NEEDS_ESCAPE.test(s)) return s;
  return s.replace(FORBIDDEN, "").replace(/[&<>]/g, (c) => ENTITY[c]);
}

export function unescapeXml(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_, e: string) => {
    if (e[0] === "#") return String.fromCodePoint(e[1] === "x" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
    return { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" }[e] as string;
  });
}

/** The attributes of one start tag, unescaped. */
export function attributes(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of tag.matchAll(/([\w:.-]+)\s*=\s*("([^"]*)"|'([^']*)')/g)) out[m[1]] = unescapeXml(m[3] ?? m[4] ?? "");
  return out;
}

/** Every start (or empty) tag with this local name, whatever its prefix. */
export function tags(xml: string, local: string): string[] {
  return [...xml.matchAll(new RegExp(`<(?:[\\w.-]+:)?${local}(?=[\\s/>])[^>]*>`, "g"))].map((m) => m[0]);
}

export interface TopChild {
  name: string;
  start: number;
}

/**
 * The root element's children (local name and offset), by a scan that follows nesting: a name
 * searched for with a regular expression could also occur deeper (an extLst inside a cfRule).
 */
export function topLevelChildren(xml: string): { children: TopChild[]; rootClose: number } {
  const children: TopChild[] = [];
  let depth = 0;
  let rootClose = -1;
  let i = 0;
  while ((i = xml.indexOf("<", i)) >= 0) {
    if (xml.startsWith("<?", i)) i = xml.indexOf("?>", i) + 2;
    else if (xml.startsWith("<!--", i)) i = xml.indexOf("-->", i) + 3;
    else if (xml.startsWith("<![CDATA[", i)) i = xml.indexOf("]]>", i) + 3;
    else if (xml.startsWith("<!", i)) i = xml.indexOf(">", i) + 1;
    else if (xml[i + 1] === "/") {
      depth--;
      if (depth === 0) rootClose = i;
      i = xml.indexOf(">", i) + 1;
    } else {
      // A start tag; attribute values may hold ">", so skip quoted text.
      let j = i + 1;
      let quote = "";
      for (; j < xml.length; j++) {
        const ch = xml[j];
        if (quote) {
          if (ch === quote) quote = "";
        } else if (ch === '"' || ch === "'") quote = ch;
        else if (ch === ">") break;
      }
      const name = /^<([\w:.-]+)/.exec(xml.slice(i, i + 200))?.[1] ?? "";
      if (depth === 1) children.push({ name: name.replace(/^[\w.-]+:/, ""), start: i });
      if (xml[j - 1] !== "/") depth++;
      i = j + 1;
      // The cells are most of a sheet and never nest a sheetData: jump to its end tag (its text is
      // escaped, so "</sheetData>" cannot occur inside it).
      if (depth === 2 && name === "sheetData") {
        const end = xml.indexOf("</sheetData>", i);
        if (end >= 0) i = end;
      }
    }
    if (i <= 0) throw new Error("Malformed XML");
  }
  if (rootClose < 0) throw new Error("Malformed XML: no closing root tag");
  return { children, rootClose };
}

/** The tag with one attribute set (replaced where present, added otherwise). */
export function setAttr(tag: string, name: string, value: string): string {
  const re = new RegExp(`(\\s${name.replace(/[.]/g, "\\.")}\\s*=\\s*)("[^"]*"|'[^']*')`);
  if (re.test(tag)) return tag.replace(re, `$1"${value}"`);
  return tag.replace(/\s*(\/?)>$/, ` ${name}="${value}"$1>`);
}

/** A regular expression source matching the text literally. */
export function literalRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

export interface Section {
  start: number;
  end: number;
  open: string;
  inner: string;
}

export function rootPrefix(xml: string, local: string): string {
  return new RegExp(`<([\\w.-]+:)?${local}[\\s>/]`).exec(xml)?.[1] ?? "";
}

export function findSection(xml: string, p: string, name: string): Section | undefined {
  const m = new RegExp(`<${p}${name}(?=[\\s/>])[^>]*>`).exec(xml);
  if (!m) return undefined;
  const start = m.index;
  const openEnd = start + m[0].length;
  if (m[0].endsWith("/>")) return { start, end: openEnd, open: m[0].slice(0, -2).trimEnd() + ">", inner: "" };
  const close = `</${p}${name}>`;
  const c = xml.indexOf(close, openEnd);
  if (c < 0) throw new Error(`Malformed XML: no ${close}`);
  return { start, end: c + close.length, open: m[0], inner: xml.slice(openEnd, c) };
}

/** The child elements of a section (their element never nests itself). */
export function children(inner: string, p: string, child: string): string[] {
  return inner.match(new RegExp(`<${p}${child}(?=[\\s/>])[^>]*?(?:/>|>[\\s\\S]*?</${p}${child}>)`, "g")) ?? [];
}

/** Unprefixed XML written here, with the prefix the edited part uses for its main namespace. */
export function prefixed(xml: string, p: string): string {
  return p ? xml.replace(/<(\/?)([A-Za-z])/g, `<$1${p}$2`) : xml;
}
