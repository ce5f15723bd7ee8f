/**
 * Namespace-aware XML reading over saxes: elements are matched by namespace URI and local name,
 * never by their prefix (`<x:worksheet>`, `<worksheet>` and `<ns0:worksheet>` are the same element).
 */
import { SaxesParser, type SaxesAttributeNS, type SaxesTagNS } from "saxes";

export type XmlTag = SaxesTagNS;

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

export interface XmlHandlers {
  open?(tag: XmlTag): void;
  close?(tag: XmlTag): void;
  text?(text: string): void;
}

/** Parse `xml` (the text of `part`, named in errors), calling the handlers. Throws XmlError. */
export function parseXml(part: string, xml: string, h: XmlHandlers): void {
  const parser = new SaxesParser({ xmlns: true, position: false });
  if (h.open) parser.on("opentag", h.open);
  if (h.close) parser.on("closetag", h.close);
  if (h.text) {
    parser.on("text", h.text);
    parser.on("cdata", h.text);
  }
  try {
    parser.write(xml).close();
  } catch (e) {
    if (e instanceof XmlError) throw e;
    throw new XmlError(part, e instanceof Error ? e.message : String(e));
  }
}

/**
 * An attribute by local name: one without a namespace (as SpreadsheetML's own attributes are) when
 * `uris` is absent, else one in any of `uris`.
 */
export function attr(tag: XmlTag, local: string, uris?: readonly string[]): string | undefined {
  const attrs = tag.attributes as Record<string, SaxesAttributeNS>;
  if (!uris) {
    const a = attrs[local];
    return a && a.uri === "" ? a.value : undefined;
  }
  for (const k in attrs) {
    const a = attrs[k];
    if (a.local === local && uris.includes(a.uri)) return a.value;
  }
  return undefined;
}
