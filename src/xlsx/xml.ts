/**
 * A namespace-aware streaming XML reader for the parts of a package: elements are matched by
 * namespace URI and local name, never by prefix (`<x:worksheet>`, `<worksheet>` and
 * `<ns0:worksheet>` are the same element).
 *
 * Our own scanner rather than saxes: a worksheet is most of a workbook's bytes, and saxes (which
 * checks every character of every name) made the reader cost a third to a half of exceljs's whole
 * read; this scanner jumps between markup with indexOf and costs a fraction of that (bench
 * `readVsExceljsRead`). It still refuses what is not well-formed where that could hide damage —
 * unclosed or mismatched tags, text or a second element outside the root, an unknown entity, an
 * undeclared prefix — so a truncated part is an error, never a partly read sheet. A DOCTYPE's
 * entity declarations are not expanded (no OOXML part has one; none can inflate a part).
 */

/** The namespace of the `xml:` prefix, bound in every document (Namespaces in XML 1.0 §3). */
const NS_XML = "http://www.w3.org/XML/1998/namespace";

/** In-scope namespace bindings: prefix ("" for the default) → URI; a frame inherits its parent's by prototype. */
type Scope = Record<string, string>;

export interface XmlTag {
  /** As written: "x:c". */
  name: string;
  local: string;
  /** The namespace URI the prefix (or the default namespace) is bound to; "" for none. */
  uri: string;
  /** The bindings in scope at this element. */
  scope: Scope;
  /** Where its attributes are written: src.slice(from, to). Read them with attr(). */
  src: string;
  from: number;
  to: number;
}

/** The part (or the XML) could not be parsed: not well-formed. */
export class XmlError extends Error {
  constructor(
    readonly part: string,
    readonly detail: string,
  ) {
    super(`${part}: ${detail}`);
    this.name = "XmlError";
  }
}

/** The tag a handler is given is reused once the element is closed: keep its fields, not it. */
export interface XmlHandlers {
  /**
   * true: the element holds text only (a cell's value, a formula); when it holds no markup, its
   * text is passed at once and the element closed, without scanning it piece by piece.
   */
  open?(tag: XmlTag): void | boolean;
  close?(tag: XmlTag): void;
  /** Character data inside the root element, entities decoded (CDATA sections included). */
  text?(text: string): void;
}

const ROOT_SCOPE: Scope = Object.assign(Object.create(null) as Scope, { xml: NS_XML, "": "" });

const ENTITIES: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

function decodeEntities(s: string, fail: (why: string) => never): string {
  return s.replace(/&([^;&\s]*);?/g, (whole, e: string) => {
    if (!whole.endsWith(";")) fail(`"&" not starting an entity: ${whole.slice(0, 20)}`);
    if (e[0] === "#") {
      const code = e[1] === "x" ? parseInt(e.slice(2), 16) : /^\d+$/.test(e.slice(1)) ? parseInt(e.slice(1), 10) : NaN;
      if (!Number.isFinite(code) || code > 0x10ffff || (e[1] === "x" && !/^[0-9A-Fa-f]+$/.test(e.slice(2)))) fail(`bad character reference &${e};`);
      return String.fromCodePoint(code);
    }
    const v = ENTITIES[e];
    if (v === undefined) fail(`unknown entity &${e};`);
    return v;
  });
}

/**
 * A start tag's attributes after its name: each white space, name = quoted value without "<", then
 * ">" or "/>". White space is XML's four characters only (\s would take more).
 */
const ATTRIBUTES = /(?:[ \t\r\n]+[^ \t\r\n=/<>"']+[ \t\r\n]*=[ \t\r\n]*(?:"[^<"]*"|'[^<']*'))*[ \t\r\n]*\/?>/y;

const isSpace = (c: number) => c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0d;

/** Parse `xml` (the text of `part`, named in errors), calling the handlers in document order. Throws XmlError. */
export function parseXml(part: string, xml: string, h: XmlHandlers): void {
  const fail = (why: string): never => {
    throw new XmlError(part, why);
  };
  const n = xml.length;
  // The open elements, outermost first: tag objects are reused by depth (a sheet has an element
  // per cell and value), so a handler must keep what it needs from a tag, not the tag.
  const stack: XmlTag[] = [];
  let depth = 0;
  let rootSeen = false;
  let nextLt = -1;
  let nextAmp = -1;
  let nextXmlns = -1;
  let i = 0;
  // A byte-order mark the decoder left, then the declaration and prolog.
  if (xml.charCodeAt(0) === 0xfeff) i = 1;
  const text = (raw: string) => {
    if (!depth) {
      for (let k = 0; k < raw.length; k++) if (!isSpace(raw.charCodeAt(k))) fail(`text outside the root element: ${raw.trim().slice(0, 20)}`);
      return;
    }
    if (!h.text) return;
    let t = raw.includes("&") ? decodeEntities(raw, fail) : raw;
    if (t.includes("\r")) t = t.replace(/\r\n?/g, "\n");
    h.text(t);
  };
  while (i < n) {
    const lt = xml.indexOf("<", i);
    if (lt < 0) {
      text(xml.slice(i));
      break;
    }
    if (lt > i) text(xml.slice(i, lt));
    const c1 = xml.charCodeAt(lt + 1);
    if (c1 === 0x2f /* / */) {
      const gt = xml.indexOf(">", lt);
      if (gt < 0) fail("unterminated end tag");
      if (!depth) fail(`end tag </${xml.slice(lt + 2, gt).trim()}> without a start tag`);
      const open = stack[--depth];
      let e = lt + 2 + open.name.length;
      if (!xml.startsWith(open.name, lt + 2)) e = -1;
      else while (e < gt && isSpace(xml.charCodeAt(e))) e++;
      if (e !== gt) fail(`end tag </${xml.slice(lt + 2, gt).trim()}> does not match <${open.name}>`);
      h.close?.(open);
      i = gt + 1;
      continue;
    }
    if (c1 === 0x3f /* ? */) {
      const end = xml.indexOf("?>", lt + 2);
      if (end < 0) fail("unterminated processing instruction");
      i = end + 2;
      continue;
    }
    if (c1 === 0x21 /* ! */) {
      if (xml.startsWith("<!--", lt)) {
        const end = xml.indexOf("-->", lt + 4);
        if (end < 0) fail("unterminated comment");
        i = end + 3;
      } else if (xml.startsWith("<![CDATA[", lt)) {
        const end = xml.indexOf("]]>", lt + 9);
        if (end < 0) fail("unterminated CDATA section");
        if (!depth) fail("CDATA outside the root element");
        h.text?.(xml.slice(lt + 9, end));
        i = end + 3;
      } else if (xml.startsWith("<!DOCTYPE", lt) && !rootSeen) {
        // Skipped whole, an internal subset included; its entities are never expanded.
        const bracket = xml.indexOf("[", lt);
        const gt = xml.indexOf(">", lt);
        const end = bracket >= 0 && bracket < gt ? xml.indexOf("]", bracket) : lt;
        const close = end < 0 ? -1 : xml.indexOf(">", end);
        if (close < 0) fail("unterminated DOCTYPE");
        i = close + 1;
      } else fail("unexpected markup <!");
      continue;
    }

    // A start tag. Its attributes are checked here but read only when asked for (attr): a sheet
    // has a start tag per cell, and most of their attributes are never looked at. A plain tag is
    // checked by the quick path; one it does not take (an entity in a value, or not well-formed)
    // by the loop below, which also says what is wrong.
    let j: number;
    // The name is made a string only when it is not the name of the last element at this depth
    // (a row's cells, a sheet's rows): then that one's name, namespace and local name stand.
    let name: string | undefined;
    let nameEnd: number;
    let from: number;
    let to: number;
    let declares: boolean;
    let selfClosing: boolean;
    // The name, then: ">" or "/>" (no attributes), or attributes checked by one native match —
    // test(), not exec(): a sheet has a tag per cell, and a match array per tag is garbage. The next
    // "&" and "xmlns" are looked up once and kept until passed.
    let k = lt + 1;
    for (let c = xml.charCodeAt(k); k < n && !isSpace(c) && c !== 0x3e /* > */ && c !== 0x2f /* / */; c = xml.charCodeAt(++k));
    let end = -1;
    if (k > lt + 1 && k < n) {
      const c = xml.charCodeAt(k);
      if (c === 0x3e) end = k + 1;
      else if (c === 0x2f) end = xml.charCodeAt(k + 1) === 0x3e ? k + 2 : -1;
      else {
        ATTRIBUTES.lastIndex = k;
        if (ATTRIBUTES.test(xml)) end = ATTRIBUTES.lastIndex;
        if (nextAmp < lt) nextAmp = indexOrEnd(xml, "&", lt);
        if (nextAmp < end) end = -1;
      }
    }
    if (end > 0) {
      nameEnd = k;
      from = k;
      selfClosing = xml.charCodeAt(end - 2) === 0x2f;
      to = end - (selfClosing ? 2 : 1);
      if (nextXmlns < lt) nextXmlns = indexOrEnd(xml, "xmlns", lt);
      declares = nextXmlns < end;
      j = end;
    } else {
      j = lt + 1;
      while (j < n) {
        const c = xml.charCodeAt(j);
        if (isSpace(c) || c === 0x3e /* > */ || c === 0x2f /* / */) break;
        j++;
      }
      name = xml.slice(lt + 1, j);
      nameEnd = j;
      if (!name) fail("empty tag name");
      from = j;
      declares = false;
      selfClosing = false;
      for (;;) {
        while (j < n && isSpace(xml.charCodeAt(j))) j++;
        if (j >= n) fail(`unterminated start tag <${name}`);
        const c = xml.charCodeAt(j);
        if (c === 0x3e) break;
        if (c === 0x2f) {
          if (xml.charCodeAt(j + 1) !== 0x3e) fail(`"/" not closing <${name}>`);
          selfClosing = true;
          break;
        }
        // The name runs to "=" or white space.
        let k = j;
        for (; k < n; k++) {
          const ch = xml.charCodeAt(k);
          if (ch === 0x3d /* = */ || isSpace(ch)) break;
          if (ch === 0x3c || ch === 0x3e || ch === 0x22 || ch === 0x27 || ch === 0x2f) fail(`malformed attribute in <${name}>`);
        }
        const attrEnd = k;
        while (k < n && isSpace(xml.charCodeAt(k))) k++;
        if (xml.charCodeAt(k) !== 0x3d) fail(`attribute ${xml.slice(j, attrEnd)} without a value in <${name}>`);
        let q = k + 1;
        while (q < n && isSpace(xml.charCodeAt(q))) q++;
        const quote = xml[q];
        if (quote !== '"' && quote !== "'") fail(`unquoted attribute ${xml.slice(j, attrEnd)} in <${name}>`);
        const endQ = xml.indexOf(quote, q + 1);
        if (endQ < 0) fail(`unterminated attribute ${xml.slice(j, attrEnd)} in <${name}>`);
        // The next "<" and "&" are looked up once and kept until passed (linear over the part).
        if (nextLt <= q) nextLt = indexOrEnd(xml, "<", q + 1);
        if (nextLt < endQ) fail(`"<" in attribute ${xml.slice(j, attrEnd)} of <${name}>`);
        if (nextAmp <= q) nextAmp = indexOrEnd(xml, "&", q + 1);
        if (nextAmp < endQ) decodeEntities(xml.slice(q + 1, endQ), fail);
        if (xml.charCodeAt(j) === 0x78 /* x */ && xml.startsWith("xmlns", j) && (attrEnd === j + 5 || xml.charCodeAt(j + 5) === 0x3a)) declares = true;
        j = endQ + 1;
      }
      to = j;
      j += selfClosing ? 2 : 1;
    }
    if (!depth && rootSeen) fail(`a second root element <${xml.slice(lt + 1, nameEnd)}>`);
    rootSeen = true;
    const parent = depth ? stack[depth - 1].scope : ROOT_SCOPE;
    const scope = declares ? declared(parent, xml, from, to) : parent;
    let tag = stack[depth];
    if (tag === undefined || tag.scope !== scope || tag.name.length !== nameEnd - lt - 1 || !xml.startsWith(tag.name, lt + 1)) {
      name ??= xml.slice(lt + 1, nameEnd);
      const colon = name.indexOf(":");
      const prefix = colon < 0 ? "" : name.slice(0, colon);
      const uri = scope[prefix];
      if (uri === undefined) fail(`undeclared prefix ${prefix}: in <${name}>`);
      if (!tag) tag = stack[depth] = { name, local: name, uri, scope, src: xml, from, to };
      tag.name = name;
      tag.local = colon < 0 ? name : name.slice(colon + 1);
      tag.uri = uri!;
      tag.scope = scope;
    }
    name = tag.name;
    tag.from = from;
    tag.to = to;
    const textOnly = h.open?.(tag) === true;
    if (selfClosing) h.close?.(tag);
    else {
      depth++;
      if (textOnly) {
        // Its text straight to its end tag, "</name>" right at the next "<" (otherwise scanned as usual).
        const end = xml.indexOf("<", j);
        if (end >= 0 && xml.charCodeAt(end + 1) === 0x2f /* / */ && xml.startsWith(name, end + 2) && xml.charCodeAt(end + 2 + name.length) === 0x3e /* > */) {
          if (end > j) text(xml.slice(j, end));
          depth--;
          h.close?.(tag);
          i = end + 3 + name.length;
          continue;
        }
      }
    }
    i = j;
  }
  if (depth) fail(`<${stack[depth - 1].name}> is not closed (the part ends early)`);
  if (!rootSeen) fail("no root element");
}

/**
 * The scope of an element that declares namespaces. Apart from parseXml's loop: a closure there
 * would make V8 allocate the loop body's variables afresh for every tag.
 */
function declared(parent: Scope, xml: string, from: number, to: number): Scope {
  const scope = Object.create(parent) as Scope;
  eachAttribute(xml, from, to, (an, value) => {
    if (an === "xmlns") scope[""] = value();
    else if (an.startsWith("xmlns:")) scope[an.slice(6)] = value();
    return false;
  });
  return scope;
}

const indexOrEnd = (s: string, what: string, from: number) => {
  const at = s.indexOf(what, from);
  return at < 0 ? s.length : at;
};

/** An attribute value as written between its quotes, normalised and decoded (checked at parse time). */
export function attributeValue(src: string, start: number, end: number): string {
  const value = src.slice(start, end);
  if (!NEEDS_NORMALISING.test(value)) return value;
  // Attribute-value normalisation (XML 1.0 §3.3.3): literal white space reads as spaces; a
  // character reference (&#10;) stays what it says, so entities are decoded after.
  const spaced = value.replace(/\r\n|[\t\n\r]/g, " ");
  return spaced.includes("&")
    ? decodeEntities(spaced, (why) => {
        throw new Error(why);
      })
    : spaced;
}

/** What attribute-value normalisation or decoding changes: most values (a cell's "A1", "s") have none. */
const NEEDS_NORMALISING = /[&\t\n\r]/;

/**
 * Each attribute of a (checked) start tag's attribute text, in order: its name as written, and its
 * value on demand; stops when `visit` returns true.
 */
function eachAttribute(src: string, from: number, to: number, visit: (name: string, value: () => string) => boolean): void {
  let j = from;
  while (j < to) {
    while (j < to && isSpace(src.charCodeAt(j))) j++;
    if (j >= to) return;
    const ns = j;
    while (src.charCodeAt(j) !== 0x3d && !isSpace(src.charCodeAt(j))) j++;
    const name = src.slice(ns, j);
    while (src.charCodeAt(j) !== 0x22 && src.charCodeAt(j) !== 0x27) j++;
    const vs = j + 1;
    const ve = src.indexOf(src[j], vs);
    j = ve + 1;
    if (visit(name, () => attributeValue(src, vs, ve))) return;
  }
}

/**
 * An attribute by local name: one without a prefix (as SpreadsheetML's own attributes are, and
 * unprefixed attributes have no namespace) when `uris` is absent, else one whose prefix is bound
 * to any of `uris`.
 */
export function attr(tag: XmlTag, local: string, uris?: readonly string[]): string | undefined {
  if (!uris) {
    const one = [local];
    const out: (string | undefined)[] = [undefined];
    attrs(tag, one, out);
    return out[0];
  }
  let found: string | undefined;
  eachAttribute(tag.src, tag.from, tag.to, (name, value) => {
    const colon = name.indexOf(":");
    if (colon < 0 || name.slice(colon + 1) !== local) return false;
    const prefix = name.slice(0, colon);
    if (prefix === "xmlns" || !uris.includes(tag.scope[prefix])) return false;
    found = value();
    return true;
  });
  return found;
}

/**
 * Several unprefixed attributes in one pass over the tag (a cell's r, s and t): `out[k]` is the
 * value of `locals[k]`, or undefined. No string is made of a name that is not asked for.
 */
export function attrs(tag: XmlTag, locals: readonly string[], out: (string | undefined)[]): void {
  attrSpans(tag, locals, SPAN_AT, SPAN_END);
  for (let k = 0; k < locals.length; k++) out[k] = SPAN_AT[k] < 0 ? undefined : attributeValue(tag.src, SPAN_AT[k], SPAN_END[k]);
}

const SPAN_AT: number[] = [];
const SPAN_END: number[] = [];

/**
 * Where several unprefixed attributes' values are written in tag.src, in one pass over the tag:
 * from `at[k]` to `end[k]` for `locals[k]` (-1 when absent), as written — for values read in place
 * without a string each (a cell's reference). A value that holds anything but what the caller
 * reads in place (an entity, a line break) is read with attrs(), which decodes it.
 */
export function attrSpans(tag: XmlTag, locals: readonly string[], at: number[], end: number[]): void {
  const src = tag.src;
  const to = tag.to;
  for (let k = 0; k < locals.length; k++) at[k] = end[k] = -1;
  let j = tag.from;
  while (j < to) {
    while (j < to && isSpace(src.charCodeAt(j))) j++;
    if (j >= to) return;
    const ns = j;
    while (src.charCodeAt(j) !== 0x3d && !isSpace(src.charCodeAt(j))) j++;
    const len = j - ns;
    while (src.charCodeAt(j) !== 0x22 && src.charCodeAt(j) !== 0x27) j++;
    const vs = j + 1;
    const ve = src.indexOf(src[j], vs);
    for (let k = 0; k < locals.length; k++) {
      const l = locals[k];
      if (len === l.length && src.startsWith(l, ns)) {
        at[k] = vs;
        end[k] = ve;
        break;
      }
    }
    j = ve + 1;
  }
}
