/**
 * Notes (Excel's legacy comments) on the user's own sheets of a package: read them, and write a
 * copy of the package with notes added or rewritten (`build --annotate`). A note lives in the sheet's
 * comments part (§18.7) and is shown through a VML drawing (Part 4 §14), which Excel requires; the
 * sheet points at that drawing with <legacyDrawing>. Everything not touched is copied byte for byte.
 */
import type { CellNote, NoteAction } from "../core/review/annotations";
import { freePartName, NS_REL, NS_REL_STRICT, NS_REL_TRANSITIONAL, Package, partKey, relativeTarget, relsPartName } from "./opc";
import { addOverride, addRel, ensureDefault } from "./write/relations";
import { escapeXml, unescapeXml } from "./write/xmlText";
import { attr, parseXml } from "./xml";
import { writeZip, type ZipInput } from "./zip";

const AUTHOR = "Bloc Summary";
const CT_COMMENTS = "application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml";
const CT_VML = "application/vnd.openxmlformats-officedocument.vmlDrawing";
const REL_TYPE = (ns: string, kind: string) => `${ns}/${kind}`;

interface SheetRef {
  name: string;
  part: string;
}

function sheetsOf(pkg: Package): SheetRef[] {
  const wb = pkg.officeDocument();
  const xml = wb ? pkg.text(wb) : undefined;
  if (!wb || xml === undefined) return [];
  const out: SheetRef[] = [];
  parseXml(wb, xml, {
    open(tag) {
      if (tag.local !== "sheet") return;
      const name = attr(tag, "name");
      const id = attr(tag, "id", NS_REL);
      const rel = name !== undefined && id !== undefined ? pkg.byId(wb, id) : null;
      if (name !== undefined && rel) out.push({ name, part: rel.part });
    },
  });
  return out;
}

/** Each <comment> element of a comments part: its cell, its text, and its exact source. */
function commentElements(xml: string): { ref: string; text: string; raw: string }[] {
  const out: { ref: string; text: string; raw: string }[] = [];
  for (const m of xml.matchAll(/<((?:[\w.-]+:)?)comment\b[^>]*?(?:\/>|>[\s\S]*?<\/\1comment>)/g)) {
    const ref = /\sref\s*=\s*"([^"]*)"/.exec(m[0])?.[1] ?? "";
    // The note's text: every <t> run, in order (rich-text runs included).
    const text = [...m[0].matchAll(/<((?:[\w.-]+:)?)t(?:\s[^>]*)?>([\s\S]*?)<\/\1t>/g)].map((t) => unescapeXml(t[2])).join("");
    out.push({ ref: ref.toUpperCase(), text, raw: m[0] });
  }
  return out;
}

/** Every note on every sheet of the package. */
export function readNotes(bytes: Uint8Array): CellNote[] {
  const pkg = Package.open(bytes);
  const out: CellNote[] = [];
  for (const s of sheetsOf(pkg)) {
    const part = pkg.related(s.part, "comments")[0]?.part;
    const xml = part ? pkg.text(part) : undefined;
    if (xml === undefined) continue;
    for (const c of commentElements(xml)) out.push({ sheet: s.name, cell: c.ref, text: c.text });
  }
  return out;
}

function cellIndex(ref: string): { row: number; col: number } {
  const m = /^([A-Z]+)(\d+)$/.exec(ref.toUpperCase());
  if (!m) throw new Error(`Not a cell: ${ref}`);
  let col = 0;
  for (const ch of m[1]) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]) - 1, col: col - 1 };
}

function commentXml(ref: string, authorId: number, text: string, p: string): string {
  return `<${p}comment ref="${ref}" authorId="${authorId}"><${p}text><${p}r><${p}t xml:space="preserve">${escapeXml(text)}</${p}t></${p}r></${p}text></${p}comment>`;
}

/** One VML note shape, hidden until its cell is hovered (as Excel writes them). */
function vmlShape(id: number, ref: string): string {
  const { row, col } = cellIndex(ref);
  return (
    `<v:shape id="_x0000_s${id}" type="#_x0000_t202" style="position:absolute;margin-left:60pt;margin-top:2pt;width:200pt;height:70pt;z-index:${id};visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto">` +
    `<v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/><v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox>` +
    `<x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>${col + 1}, 15, ${row}, 2, ${col + 4}, 15, ${row + 4}, 16</x:Anchor><x:AutoFill>False</x:AutoFill><x:Row>${row}</x:Row><x:Column>${col}</x:Column></x:ClientData></v:shape>`
  );
}

function newVml(block: number, shapes: string): string {
  return (
    `<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">` +
    `<o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="${block}"/></o:shapelayout>` +
    `<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>` +
    `${shapes}</xml>`
  );
}

/** A part name not in the package: `${dir}${stem}${n}.${ext}`. */
/** Elements a <legacyDrawing> must come before (CT_Worksheet's order). */
const AFTER_LEGACY = ["legacyDrawingHF", "drawingHF", "picture", "oleObjects", "controls", "webPublishItems", "tableParts", "extLst"];

function insertLegacyDrawing(sheetXml: string, id: string, relNs: string): string {
  const root = /<((?:[\w.-]+:)?)worksheet\b/.exec(sheetXml);
  const p = root?.[1] ?? "";
  const el = `<${p}legacyDrawing xmlns:r="${relNs}" r:id="${id}"/>`;
  let at = -1;
  for (const name of AFTER_LEGACY) {
    const m = new RegExp(`<${p.replace(".", "\\.")}${name}[\\s/>]`).exec(sheetXml);
    if (m && (at < 0 || m.index < at)) at = m.index;
  }
  if (at < 0) at = sheetXml.lastIndexOf(`</${p}worksheet>`);
  return sheetXml.slice(0, at) + el + sheetXml.slice(at);
}

/**
 * The package with the note actions applied: notes added (a comments part and its VML drawing made
 * where the sheet has none) or our own notes rewritten. Sheets are named as in the workbook.
 */
export function writeNotes(bytes: Uint8Array, actions: readonly NoteAction[]): Uint8Array {
  const pkg = Package.open(bytes);
  const changed = new Map<string, string>();
  const taken = new Set(pkg.zip.entries.map((e) => partKey(e.name)));
  const text = (part: string) => changed.get(part) ?? pkg.text(part);
  const sheets = sheetsOf(pkg);
  let types = pkg.text("[Content_Types].xml") ?? "";
  // VML shape ids: a fresh block of 1024 per new drawing, after every block in use.
  let block = 0;
  for (const e of pkg.zip.entries)
    if (/\.vml$/i.test(e.name)) for (const m of (pkg.text(e.name) ?? "").matchAll(/data="([\d,\s]+)"/g)) for (const d of m[1].split(",")) block = Math.max(block, Number(d) || 0);

  const bySheet = new Map<string, NoteAction[]>();
  for (const a of actions) bySheet.set(a.sheet, [...(bySheet.get(a.sheet) ?? []), a]);
  for (const [name, list] of bySheet) {
    const sheet = sheets.find((s) => s.name === name);
    if (!sheet) throw new Error(`No sheet "${name}" in the workbook`);
    const sheetXml = text(sheet.part)!;
    const relNs = sheetXml.includes(NS_REL_STRICT) ? NS_REL_STRICT : NS_REL_TRANSITIONAL;
    const relsName = relsPartName(sheet.part);
    let relsXml = text(relsName);
    let sheetOut = sheetXml;

    // The comments part: ours to extend, or a new one.
    let commentsPart = pkg.related(sheet.part, "comments")[0]?.part;
    let comments = commentsPart ? text(commentsPart)! : undefined;
    if (!commentsPart || comments === undefined) {
      commentsPart = freePartName(taken, sheet.part.replace(/[^/]*$/, "").replace(/worksheets\/$/, ""), "comments", "xml");
      comments = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<comments xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><authors></authors><commentList></commentList></comments>`;
      relsXml = addRel(relsXml, REL_TYPE(relNs, "comments"), relativeTarget(sheet.part, commentsPart)).xml;
      types = addOverride(types, commentsPart, CT_COMMENTS);
    }
    const p = /<((?:[\w.-]+:)?)comments\b/.exec(comments)?.[1] ?? "";
    const authors = [...comments.matchAll(new RegExp(`<${p}author>([\\s\\S]*?)</${p}author>|<${p}author/>`, "g"))].map((m) => unescapeXml(m[1] ?? ""));
    let authorId = authors.indexOf(AUTHOR);
    if (authorId < 0) {
      authorId = authors.length;
      const el = `<${p}author>${AUTHOR}</${p}author>`;
      comments = comments.includes(`<${p}authors/>`)
        ? comments.replace(`<${p}authors/>`, `<${p}authors>${el}</${p}authors>`)
        : comments.replace(`</${p}authors>`, `${el}</${p}authors>`);
    }
    const existing = commentElements(comments);
    const added: string[] = [];
    for (const a of list) {
      const ref = a.cell.toUpperCase();
      const el = commentXml(ref, authorId, a.text, p);
      const old = existing.find((c) => c.ref === ref);
      if (a.kind === "setNote" && old) comments = comments.replace(old.raw, el);
      else {
        comments = comments.includes(`<${p}commentList/>`)
          ? comments.replace(`<${p}commentList/>`, `<${p}commentList>${el}</${p}commentList>`)
          : comments.replace(`</${p}commentList>`, `${el}</${p}commentList>`);
        added.push(ref);
      }
    }
    changed.set(commentsPart, comments);

    // The VML drawing that shows the added notes.
    if (added.length) {
      const vmlPart = pkg.related(sheet.part, "vmlDrawing")[0]?.part;
      const vml = vmlPart ? text(vmlPart) : undefined;
      if (vmlPart && vml !== undefined) {
        let next = Math.max(0, ...[...vml.matchAll(/_x0000_s(\d+)/g)].map((m) => Number(m[1]))) + 1;
        changed.set(
          vmlPart,
          vml.replace(/<\/xml>\s*$/, (m) => `${added.map((ref) => vmlShape(next++, ref)).join("")}${m}`),
        );
      } else {
        block++;
        const part = freePartName(taken, "xl/drawings/", "vmlDrawing", "vml");
        changed.set(part, newVml(block, added.map((ref, i) => vmlShape(block * 1024 + 1 + i, ref)).join("")));
        const r = addRel(relsXml, REL_TYPE(relNs, "vmlDrawing"), relativeTarget(sheet.part, part));
        relsXml = r.xml;
        sheetOut = insertLegacyDrawing(sheetOut, r.id, relNs);
        types = ensureDefault(types, "vml", CT_VML);
      }
    }
    if (relsXml !== undefined) changed.set(relsName, relsXml);
    if (sheetOut !== sheetXml) changed.set(sheet.part, sheetOut);
  }
  if (changed.size) changed.set("[Content_Types].xml", types);

  const inputs: ZipInput[] = pkg.zip.entries.map((e) => (changed.has(e.name) ? { name: e.name, data: changed.get(e.name)! } : { name: e.name, copy: e }));
  const present = new Set(pkg.zip.entries.map((e) => e.name));
  for (const [name, data] of changed) if (!present.has(name)) inputs.push({ name, data });
  return writeZip(inputs);
}
