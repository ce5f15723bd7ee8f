/**
 * Edits of a package's relationships parts and of [Content_Types].xml as text: an edit adds or
 * removes one element and leaves every other byte as the producer wrote it.
 */
import { parseRels } from "../opc";
import { NS } from "./conformance";
import { escapeXml, literalRe, XML_DECL } from "./xmlText";

/** A relationship added to a relationships part (a new part when `xml` is undefined). */
export function addRel(xml: string | undefined, type: string, target: string): { xml: string; id: string } {
  const used = new Set(xml ? parseRels(xml).map((r) => r.id) : []);
  let n = used.size + 1;
  while (used.has(`rId${n}`)) n++;
  const id = `rId${n}`;
  if (!xml) return { id, xml: `${XML_DECL}<Relationships xmlns="${NS.rels}"><Relationship Id="${id}" Type="${type}" Target="${escapeXml(target)}"/></Relationships>` };
  const p = /<([\w.-]+:)?Relationships[\s>/]/.exec(xml)?.[1] ?? "";
  const rel = `<${p}Relationship Id="${id}" Type="${type}" Target="${escapeXml(target)}"/>`;
  const close = xml.lastIndexOf(`</${p}Relationships>`);
  if (close < 0) return { id, xml: xml.replace(new RegExp(`<${p}Relationships([^>]*?)\\s*/>`), `<${p}Relationships$1>${rel}</${p}Relationships>`) };
  return { id, xml: xml.slice(0, close) + rel + xml.slice(close) };
}

export function removeRel(xml: string, id: string): string {
  return xml.replace(new RegExp(`<(?:[\\w.-]+:)?Relationship\\b[^>]*\\bId="${literalRe(escapeXml(id))}"[^>]*>(?:\\s*</(?:[\\w.-]+:)?Relationship>)?`), "");
}

function typesPrefix(types: string): string {
  return /<([\w.-]+:)?Types[\s>/]/.exec(types)?.[1] ?? "";
}

export function addOverride(types: string, part: string, contentType: string): string {
  const p = typesPrefix(types);
  return types.replace(new RegExp(`</${p}Types>\\s*$`), `<${p}Override PartName="/${escapeXml(part)}" ContentType="${contentType}"/></${p}Types>`);
}

export function removeOverride(types: string, part: string): string {
  return types.replace(new RegExp(`<(?:[\\w.-]+:)?Override\\b[^>]*\\bPartName="${literalRe(escapeXml(`/${part}`))}"[^>]*>`, "i"), "");
}

/** A Default for an extension, unless the types already have one. */
export function ensureDefault(types: string, extension: string, contentType: string): string {
  if (new RegExp(`<(?:[\\w.-]+:)?Default\\b[^>]*\\bExtension="${literalRe(extension)}"`, "i").test(types)) return types;
  const p = typesPrefix(types);
  const at = types.search(new RegExp(`<${p}(?:Default|Override)\\b`));
  const el = `<${p}Default Extension="${extension}" ContentType="${contentType}"/>`;
  return at >= 0 ? types.slice(0, at) + el + types.slice(at) : types.replace(new RegExp(`</${p}Types>\\s*$`), `${el}</${p}Types>`);
}
