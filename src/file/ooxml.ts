/** Small helpers for reading and editing an OOXML package (zip of XML parts) with JSZip, shared by charts.ts and package.ts. */
import JSZip from "jszip";
import { parseRels, relsPartName as relsPath, resolveTarget, type Rel } from "../xlsx/opc";

export const NS_RELS = "http://schemas.openxmlformats.org/package/2006/relationships";
export const NS_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
export const XML_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** Text as XML character data or attribute value: escaped, and characters XML 1.0 forbids dropped. */
export function escapeXml(s: string): string {
  return s
    // eslint-disable-next-line no-control-regex -- the control characters XML 1.0 forbids, dropped on purpose
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
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

/** The OPC rules live in src/xlsx/opc.ts; these names stay for the package writer's callers. */
export { resolveTarget, relsPartName as relsPath, type Rel } from "../xlsx/opc";

/** The relationships in a relationships part's XML; none when there is no part. */
export function readRels(xml: string | undefined): Rel[] {
  return xml ? parseRels(xml) : [];
}

export function addRel(xml: string | undefined, type: string, target: string): { xml: string; id: string } {
  const used = new Set(readRels(xml).map((r) => r.id));
  let n = used.size + 1;
  while (used.has(`rId${n}`)) n++;
  const id = `rId${n}`;
  const rel = `<Relationship Id="${id}" Type="${type}" Target="${escapeXml(target)}"/>`;
  if (!xml) return { id, xml: `${XML_DECL}<Relationships xmlns="${NS_RELS}">${rel}</Relationships>` };
  const close = xml.lastIndexOf("</Relationships>");
  if (close < 0) {
    // An empty <Relationships/>.
    return { id, xml: xml.replace(/<Relationships([^>]*)\/>/, `<Relationships$1>${rel}</Relationships>`) };
  }
  return { id, xml: xml.slice(0, close) + rel + xml.slice(close) };
}

export function addOverride(types: string, partName: string, contentType: string): string {
  const override = `<Override PartName="/${escapeXml(partName)}" ContentType="${contentType}"/>`;
  return types.replace(/<\/Types>\s*$/, `${override}</Types>`);
}

/** sheet name → worksheet part ("xl/worksheets/sheet9.xml"), read from the workbook and its rels. */
export async function sheetParts(zip: JSZip): Promise<{ workbookPart: string; parts: Map<string, string> }> {
  const rootRels = readRels(await zip.file("_rels/.rels")?.async("string"));
  const officeDoc = rootRels.find((r) => r.type.endsWith("/officeDocument"));
  const workbookPart = officeDoc ? resolveTarget("", officeDoc.target) : "xl/workbook.xml";
  const workbook = await zip.file(workbookPart)?.async("string");
  if (!workbook) throw new Error(`No workbook part ${workbookPart}`);
  const rels = readRels(await zip.file(relsPath(workbookPart))?.async("string"));
  const parts = new Map<string, string>();
  for (const t of tags(workbook, "sheet")) {
    const a = attributes(t);
    const rel = rels.find((r) => r.id === a["r:id"]);
    if (a.name !== undefined && rel) parts.set(a.name, resolveTarget(workbookPart, rel.target));
  }
  return { workbookPart, parts };
}

export function nextFreeNumber(zip: JSZip, folder: string, stem: string): () => number {
  const re = new RegExp(`^${folder}/${stem}(\\d+)\\.xml$`);
  let max = 0;
  zip.forEach((p) => {
    const m = re.exec(p);
    if (m) max = Math.max(max, Number(m[1]));
  });
  return () => ++max;
}
