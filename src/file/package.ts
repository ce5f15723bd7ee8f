/**
 * The command line's save path: the user's .xlsx package is kept as it is, and only the generated
 * sheets are written into it. exceljs renders the planned sheets into a fresh workbook (inline
 * strings, so no shared-strings table to merge); their worksheet parts are copied into the original
 * package, the fresh styles are appended to the original's, the earlier outputs are removed with
 * the parts only they use, and the workbook part (sheets, defined names, active tab) is updated.
 * Everything else — the user's sheets, charts, pivot tables, slicers, controls — is untouched, and
 * JSZip keeps the compressed bytes of every part left unchanged.
 *
 * docProps/app.xml (TitlesOfParts) is left as it was: Excel rebuilds it on save and reads nothing
 * from it. xl/calcChain.xml is dropped: Excel rebuilds it.
 */
import ExcelJS from "exceljs";
import zlib from "zlib";
import JSZip from "jszip";
import { mentionsSheet } from "../core/sheetRefs";
import type { WritePlan } from "../core/plan";
import { addChartsToZip, type ChartSkip } from "./charts";
import { addOverride, addRel, attributes, escapeXml, NS_R, readRels, relsPath, resolveTarget, unescapeXml } from "./ooxml";
import { writeSheet } from "./xlsx";

const CT_SHEET = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";
const CT_STYLES = "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml";
const REL_SHEET = `${NS_R}/worksheet`;
const REL_STYLES = `${NS_R}/styles`;
const REL_CALC_CHAIN = `${NS_R}/calcChain`;

export interface PackageOptions {
  onSkip?: (skip: ChartSkip) => void;
}

interface Rendered {
  sheets: string[];
  styles: string;
}

/** The plan's sheets rendered by exceljs into a fresh workbook: each sheet's XML, and the styles part. */
async function renderSheets(plan: WritePlan): Promise<Rendered> {
  const wb = new ExcelJS.Workbook();
  const active = plan.sheets.findIndex((s) => s.name === plan.activate);
  plan.sheets.forEach((s, i) => {
    const ws = wb.addWorksheet(s.name);
    writeSheet(ws, s);
    if (i === active) ws.views = ws.views.length ? ws.views.map((v, j) => (j === 0 ? { ...v, tabSelected: true } : v)) : [{ tabSelected: true } as Partial<ExcelJS.WorksheetView>];
  });
  const buf = await wb.xlsx.writeBuffer({ useSharedStrings: false, zip: { compression: "STORE" } } as Partial<ExcelJS.XlsxWriteOptions>);
  const zip = await JSZip.loadAsync(buf as ArrayBuffer);
  // exceljs 4.4 ignores useSharedStrings: false, so its shared strings are inlined here.
  const sst = await zip.file("xl/sharedStrings.xml")?.async("string");
  const strings = sst ? (sst.match(/<si>[\s\S]*?<\/si>|<si\/>/g) ?? []).map((si) => (si === "<si/>" ? "" : si.slice(4, -5))) : [];
  const inline = (xml: string) =>
    xml.replace(/ t="s"([^>]*)><v>(\d+)<\/v>/g, (_, b: string, i: string) => {
      const si = strings[Number(i)];
      if (si === undefined) throw new Error(`exceljs wrote a shared string ${i} it does not have`);
      return ` t="inlineStr"${b}><is>${si}</is>`;
    });
  const sheets: string[] = [];
  for (let i = 0; i < plan.sheets.length; i++) {
    // exceljs names its parts sheet1.xml … in workbook order.
    // Decoded by Node (JSZip's own UTF-8 decoder is several times slower on a large sheet).
    const xml = (await zip.file(`xl/worksheets/sheet${i + 1}.xml`)?.async("nodebuffer"))?.toString("utf8");
    if (xml === undefined) throw new Error(`exceljs wrote no part for sheet ${plan.sheets[i].name}`);
    if (/\sr:id="/.test(xml)) throw new Error(`The rendered sheet ${plan.sheets[i].name} has relationships`);
    const inlined = inline(xml);
    if (inlined.includes(' t="s"')) throw new Error(`Unexpected shared-string cell in ${plan.sheets[i].name}`);
    sheets.push(inlined);
  }
  const styles = await zip.file("xl/styles.xml")?.async("string");
  if (styles === undefined) throw new Error("exceljs wrote no styles part");
  return { sheets, styles };
}

// ——— styles ———

const STYLE_ORDER = ["numFmts", "fonts", "fills", "borders", "cellStyleXfs", "cellXfs", "cellStyles", "dxfs", "tableStyles", "colors", "extLst"];
const CHILD: Record<string, string> = { numFmts: "numFmt", fonts: "font", fills: "fill", borders: "border", cellStyleXfs: "xf", cellXfs: "xf" };

interface Section {
  start: number;
  end: number;
  open: string;
  inner: string;
}

function rootPrefix(xml: string, local: string): string {
  return new RegExp(`<([\\w.-]+:)?${local}[\\s>/]`).exec(xml)?.[1] ?? "";
}

function findSection(xml: string, p: string, name: string): Section | undefined {
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
function children(inner: string, p: string, child: string): string[] {
  return inner.match(new RegExp(`<${p}${child}(?=[\\s/>])[^>]*?(?:/>|>[\\s\\S]*?</${p}${child}>)`, "g")) ?? [];
}

/** Unprefixed exceljs XML with the original's element prefix. */
function prefixed(xml: string, p: string): string {
  return p ? xml.replace(/<(\/?)([A-Za-z])/g, `<$1${p}$2`) : xml;
}

function setAttr(tag: string, name: string, value: string): string {
  const re = new RegExp(`(\\s${name}\\s*=\\s*)("[^"]*"|'[^']*')`);
  if (re.test(tag)) return tag.replace(re, `$1"${value}"`);
  return tag.replace(/\s*(\/?)>$/, ` ${name}="${value}"$1>`);
}

/** Write a section back with its children, or insert it in schema order where it was missing. */
function putSection(xml: string, p: string, name: string, items: string[]): string {
  const s = findSection(xml, p, name);
  const open = setAttr(s ? s.open : `<${p}${name}>`, "count", String(items.length));
  const el = `${open}${items.join("")}</${p}${name}>`;
  if (s) return xml.slice(0, s.start) + el + xml.slice(s.end);
  for (const later of STYLE_ORDER.slice(STYLE_ORDER.indexOf(name) + 1)) {
    const at = findSection(xml, p, later);
    if (at) return xml.slice(0, at.start) + el + xml.slice(at.start);
  }
  const close = xml.lastIndexOf(`</${p}styleSheet>`);
  if (close >= 0) return xml.slice(0, close) + el + xml.slice(close);
  // An empty <styleSheet …/>.
  return xml.replace(new RegExp(`<${p}styleSheet([^>]*?)\\s*/>`), `<${p}styleSheet$1>${el}</${p}styleSheet>`);
}

/** The start tag of an element string with some numeric attributes remapped. */
function remapTag(el: string, map: (name: string, value: number) => number, names: string[]): string {
  const end = el.indexOf(">");
  const selfClosing = el[end - 1] === "/";
  let tag = el.slice(0, end + 1);
  for (const n of names) {
    const v = Number(attributes(tag)[n] ?? 0);
    tag = setAttr(tag, n, String(map(n, v)));
  }
  if (selfClosing && !tag.endsWith("/>")) tag = tag.replace(/>$/, "/>");
  return tag + el.slice(end + 1);
}

/**
 * Append the fresh workbook's number formats, fonts, fills, borders and cell formats to the
 * original styles (an identical entry already there is reused, so a rebuild adds nothing new).
 * Returns the new styles part and the fresh cellXfs index → merged index.
 */
export function mergeStyles(original: string, fresh: string): { xml: string; xfMap: number[] } {
  const p = rootPrefix(original, "styleSheet");
  let xml = original;
  const get = (src: string, sp: string, name: string) => children(findSection(src, sp, name)?.inner ?? "", sp, CHILD[name]);

  // Number formats: built-in ids stay; custom ones reuse an equal code or take an unused id.
  const origFmts = get(xml, p, "numFmts");
  const codeToId = new Map<string, number>();
  let maxId = 163;
  for (const f of origFmts) {
    const a = attributes(f);
    const id = Number(a.numFmtId);
    if (Number.isFinite(id)) maxId = Math.max(maxId, id);
    if (a.formatCode !== undefined && !codeToId.has(a.formatCode)) codeToId.set(a.formatCode, id);
  }
  const fmtMap = new Map<number, number>();
  const fmts = [...origFmts];
  for (const f of get(fresh, "", "numFmts")) {
    const a = attributes(f);
    const id = Number(a.numFmtId);
    if (id < 164) continue;
    let to = codeToId.get(a.formatCode);
    if (to === undefined) {
      to = ++maxId;
      codeToId.set(a.formatCode, to);
      fmts.push(`<${p}numFmt numFmtId="${to}" formatCode="${escapeXml(a.formatCode)}"/>`);
    }
    fmtMap.set(id, to);
  }
  if (fmts.length > origFmts.length) xml = putSection(xml, p, "numFmts", fmts);

  // Fonts, fills, borders: appended unless an identical one is there.
  const offsets: Record<string, number[]> = {};
  for (const name of ["fonts", "fills", "borders"]) {
    const items = get(xml, p, name);
    const index = new Map<string, number>();
    items.forEach((x, i) => index.has(x) || index.set(x, i));
    const before = items.length;
    offsets[name] = get(fresh, "", name).map((x) => {
      const el = prefixed(x, p);
      let i = index.get(el);
      if (i === undefined) {
        i = items.push(el) - 1;
        index.set(el, i);
      }
      return i;
    });
    if (items.length > before || !findSection(xml, p, name)) xml = putSection(xml, p, name, items);
  }

  // The cell formats refer to cell style format 0 (Normal): make sure there is one.
  if (!get(xml, p, "cellStyleXfs").length) xml = putSection(xml, p, "cellStyleXfs", [`<${p}xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>`]);

  const xfs = get(xml, p, "cellXfs");
  const xfIndex = new Map<string, number>();
  xfs.forEach((x, i) => xfIndex.has(x) || xfIndex.set(x, i));
  const before = xfs.length;
  const attr: Record<string, string> = { fontId: "fonts", fillId: "fills", borderId: "borders" };
  const xfMap = get(fresh, "", "cellXfs").map((x) => {
    const el = prefixed(
      remapTag(
        x,
        (n, v) => (n === "numFmtId" ? (fmtMap.get(v) ?? v) : n === "xfId" ? 0 : (offsets[attr[n]][v] ?? 0)),
        ["numFmtId", "fontId", "fillId", "borderId", "xfId"],
      ),
      p,
    );
    let i = xfIndex.get(el);
    if (i === undefined) {
      i = xfs.push(el) - 1;
      xfIndex.set(el, i);
    }
    return i;
  });
  if (xfs.length > before || !findSection(xml, p, "cellXfs")) xml = putSection(xml, p, "cellXfs", xfs);
  return { xml, xfMap };
}

/**
 * A rendered sheet's style references (cells, rows: s="N"; columns: style="N") through the merged
 * table. One pass over the attribute text alone: exceljs escapes quotes in text and formulas, so
 * ` s="` and ` style="` occur only as attributes, and only on those three elements.
 */
function remapSheetStyles(xml: string, xfMap: number[]): string {
  const to = xfMap.map(String);
  return xml.replace(/ (s|style)="(\d+)"/g, (_, a: string, v: string) => ` ${a}="${to[Number(v)] ?? "0"}"`);
}

// ——— the package ———

/**
 * Compress the written parts with Node's zlib (level 1, as the rest) instead of JSZip's JavaScript
 * deflate, several times slower on the summary's megabytes of XML: the parts go through a small zip
 * written here and come back as already-compressed entries, which JSZip copies as they are.
 * Without zlib.crc32 (Node < 20.15) JSZip compresses them itself.
 */
async function deflateNatively(zip: JSZip, parts: string[]): Promise<void> {
  const crc32 = (zlib as unknown as { crc32?: (b: Buffer) => number }).crc32;
  if (!crc32) return;
  const local: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  const names: string[] = [];
  for (const part of parts) {
    const data = await zip.file(part)?.async("nodebuffer");
    if (!data) continue;
    const deflated = zlib.deflateRawSync(data, { level: 1 });
    const name = Buffer.from(part, "utf8");
    const crc = crc32(data) >>> 0;
    const head = Buffer.alloc(30);
    head.writeUInt32LE(0x04034b50, 0);
    head.writeUInt16LE(20, 4);
    head.writeUInt16LE(0x0800, 6); // UTF-8 name
    head.writeUInt16LE(8, 8); // deflate
    head.writeUInt16LE(0, 10);
    head.writeUInt16LE(0x21, 12); // 1980-01-01
    head.writeUInt32LE(crc, 14);
    head.writeUInt32LE(deflated.length, 18);
    head.writeUInt32LE(data.length, 22);
    head.writeUInt16LE(name.length, 26);
    head.writeUInt16LE(0, 28);
    const cen = Buffer.alloc(46);
    cen.writeUInt32LE(0x02014b50, 0);
    cen.writeUInt16LE(20, 4);
    cen.writeUInt16LE(20, 6);
    head.copy(cen, 8, 6, 26); // flags … uncompressed size
    cen.writeUInt16LE(name.length, 28);
    cen.writeUInt32LE(offset, 42);
    local.push(head, name, deflated);
    central.push(cen, name);
    offset += head.length + name.length + deflated.length;
    names.push(part);
  }
  if (!names.length) return;
  const cd = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(names.length, 8);
  end.writeUInt16LE(names.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  const mini = await JSZip.loadAsync(Buffer.concat([...local, cd, end]));
  for (const part of names) {
    const entry = mini.files[part];
    if (!entry) return;
    entry.date = zip.files[part].date;
    zip.files[part] = entry;
  }
}

function removeRel(rels: string, id: string): string {
  return rels.replace(new RegExp(`<(?:[\\w.-]+:)?Relationship\\b[^>]*\\bId="${id.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}"[^>]*>(?:\\s*</(?:[\\w.-]+:)?Relationship>)?`), "");
}

function removeOverride(types: string, part: string): string {
  const name = escapeXml(`/${part}`).replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return types.replace(new RegExp(`<(?:[\\w.-]+:)?Override\\b[^>]*\\bPartName="${name}"[^>]*>`, "i"), "");
}

/** The part a .rels file belongs to ("" for the package's own). */
function relsSource(relsFile: string): string | null {
  const m = /^(.*?)_rels\/([^/]*)\.rels$/.exec(relsFile);
  return m ? m[1] + m[2] : null;
}

/**
 * Remove parts that only the given roots used: everything reachable from them through
 * relationships, unless some part outside that set still refers to it.
 */
async function removeOrphans(zip: JSZip, roots: string[], types: string): Promise<string> {
  const closure = new Set<string>();
  const queue = [...roots];
  while (queue.length) {
    const part = queue.pop()!;
    if (closure.has(part) || !zip.file(part)) continue;
    closure.add(part);
    for (const r of readRels(await zip.file(relsPath(part))?.async("string"))) if (!r.external) queue.push(resolveTarget(part, r.target));
  }
  const keep = new Set<string>();
  const relFiles = Object.keys(zip.files).filter((f) => f.endsWith(".rels"));
  const pending: string[] = [];
  for (const f of relFiles) {
    const source = relsSource(f);
    if (source === null || closure.has(source)) continue;
    for (const r of readRels(await zip.file(f)?.async("string"))) if (!r.external) pending.push(resolveTarget(source, r.target));
  }
  while (pending.length) {
    const part = pending.pop()!;
    if (!closure.has(part) || keep.has(part) || roots.includes(part)) continue;
    keep.add(part);
    for (const r of readRels(await zip.file(relsPath(part))?.async("string"))) if (!r.external) pending.push(resolveTarget(part, r.target));
  }
  for (const part of closure) {
    if (keep.has(part)) continue;
    zip.remove(part);
    zip.remove(relsPath(part));
    types = removeOverride(types, part);
  }
  // Folders left empty.
  for (const f of Object.keys(zip.files)) {
    if (zip.files[f].dir && !Object.keys(zip.files).some((g) => g !== f && g.startsWith(f))) zip.remove(f);
  }
  return types;
}

const SELECTED = /(<(?:[\w.-]+:)?sheetView\b[^>]*\btabSelected\s*=\s*)("(?:1|true)"|'(?:1|true)')/;

/**
 * A worksheet's XML up to its cells (where sheetViews is), inflating no more of the part than
 * that when JSZip holds it deflated; the whole part otherwise.
 */
async function sheetHead(zip: JSZip, part: string): Promise<string> {
  const file = zip.file(part)!;
  const data = (file as unknown as { _data?: { compression?: { magic?: string }; compressedContent?: Uint8Array } })._data;
  if (data?.compression?.magic === "\x08\x00" && data.compressedContent) {
    for (const size of [4096, 65536]) {
      let head: string;
      try {
        head = zlib.inflateRawSync(data.compressedContent.subarray(0, size), { finishFlush: zlib.constants.Z_SYNC_FLUSH }).toString("utf8");
      } catch {
        break;
      }
      const at = head.search(/<(?:[\w.-]+:)?sheetData[\s/>]/);
      if (at >= 0) return head.slice(0, at);
      if (size >= data.compressedContent.length) return head;
    }
  }
  return file.async("string");
}

/**
 * Write the plan into the original package: see the file comment. The charts are added last, as
 * the sheets are now in the package.
 */
export async function writePlanIntoPackage(original: Buffer, plan: WritePlan, opts: PackageOptions = {}): Promise<Buffer> {
  const [zip, rendered] = await Promise.all([JSZip.loadAsync(original), renderSheets(plan)]);
  const text = async (part: string) => zip.file(part)?.async("string");
  // Every entry JSZip replaces (a written part) gets a new object: those are the ones to compress.
  const loaded = new Map(Object.entries(zip.files));

  const rootRels = readRels(await text("_rels/.rels"));
  const officeDoc = rootRels.find((r) => r.type.endsWith("/officeDocument"));
  const workbookPart = officeDoc ? resolveTarget("", officeDoc.target) : "xl/workbook.xml";
  const wbDir = workbookPart.includes("/") ? workbookPart.slice(0, workbookPart.lastIndexOf("/") + 1) : "";
  let workbook = await text(workbookPart);
  if (workbook === undefined) throw new Error(`No workbook part ${workbookPart}`);
  const wbRelsPart = relsPath(workbookPart);
  let wbRels = (await text(wbRelsPart)) ?? "";
  let types = await text("[Content_Types].xml");
  if (types === undefined) throw new Error("No [Content_Types].xml");

  const p = rootPrefix(workbook, "workbook");
  const rootTag = new RegExp(`<${p}workbook\\b[^>]*>`).exec(workbook)?.[0] ?? "";
  const rPrefix = new RegExp(`xmlns:([\\w.-]+)="${NS_R}"`).exec(rootTag)?.[1];
  const relIdAttr = `${rPrefix ?? "r"}:id`;

  // The sheets as they are.
  const sheetsSec = findSection(workbook, p, "sheets");
  if (!sheetsSec) throw new Error("The workbook has no <sheets>");
  const rels = readRels(wbRels);
  const existing = children(sheetsSec.inner, p, "sheet").map((tag) => {
    const a = attributes(tag);
    const rel = rels.find((r) => r.id === a[relIdAttr]);
    return { tag, name: a.name ?? "", sheetId: Number(a.sheetId) || 0, relId: a[relIdAttr], part: rel ? resolveTarget(workbookPart, rel.target) : undefined };
  });
  const removeNames = new Set(plan.remove);
  const removed = existing.filter((s) => removeNames.has(s.name));
  const kept = existing.filter((s) => !removeNames.has(s.name));
  for (const s of plan.sheets) {
    if (kept.some((k) => k.name.toLowerCase() === s.name.toLowerCase())) throw new Error(`Worksheet name already exists: ${s.name}`);
  }
  const k = plan.sheets.length;
  const newIndex = new Map<number, number>();
  existing.forEach((s, i) => {
    const at = kept.indexOf(s);
    if (at >= 0) newIndex.set(i, k + at);
  });
  const names = [...plan.sheets.map((s) => s.name), ...kept.map((s) => s.name)];
  const active = Math.max(0, names.indexOf(plan.activate));

  // Earlier outputs out: their relationship (the parts go below, with what only they use).
  const roots: string[] = [];
  for (const s of removed) {
    if (s.relId) wbRels = removeRel(wbRels, s.relId);
    if (s.part) roots.push(s.part);
  }
  // The calculation chain lists cells of removed sheets: Excel rebuilds it.
  for (const r of rels.filter((r) => r.type === REL_CALC_CHAIN)) {
    wbRels = removeRel(wbRels, r.id);
    roots.push(resolveTarget(workbookPart, r.target));
  }

  // Styles.
  const stylesRel = rels.find((r) => r.type === REL_STYLES);
  const stylesPart = stylesRel ? resolveTarget(workbookPart, stylesRel.target) : `${wbDir}styles.xml`;
  const originalStyles = stylesRel ? await text(stylesPart) : undefined;
  let sheetXml = rendered.sheets;
  if (originalStyles !== undefined && /<(?:[\w.-]+:)?styleSheet[\s>/]/.test(originalStyles)) {
    const merged = mergeStyles(originalStyles, rendered.styles);
    zip.file(stylesPart, merged.xml);
    sheetXml = rendered.sheets.map((x) => remapSheetStyles(x, merged.xfMap));
  } else {
    // No usable styles part: the fresh one as it is (the user's cells can only use format 0).
    zip.file(stylesPart, rendered.styles);
    if (!stylesRel) wbRels = addRel(wbRels, REL_STYLES, stylesPart.slice(wbDir.length)).xml;
    types = addOverride(removeOverride(types, stylesPart), stylesPart, CT_STYLES);
  }
  // The new sheets: fresh part names and sheet ids, at the front in plan order.
  const used = new Set(Object.keys(zip.files));
  let n = 0;
  let sheetId = Math.max(0, ...existing.map((s) => s.sheetId));
  const newTags: string[] = [];
  for (let i = 0; i < k; i++) {
    let part: string;
    do part = `${wbDir}worksheets/sheet${++n}.xml`;
    while (used.has(part) || roots.includes(part));
    used.add(part);
    zip.file(part, sheetXml[i]);
    types = addOverride(types, part, CT_SHEET);
    const r = addRel(wbRels, REL_SHEET, part.slice(wbDir.length));
    wbRels = r.xml;
    newTags.push(`<${p}sheet name="${escapeXml(plan.sheets[i].name)}" sheetId="${++sheetId}" ${plan.sheets[i].visibility && plan.sheets[i].visibility !== "visible" ? `state="${plan.sheets[i].visibility}" ` : ""}${rPrefix ? "" : `xmlns:r="${NS_R}" `}${relIdAttr}="${r.id}"/>`);
  }
  workbook = workbook.slice(0, sheetsSec.start) + `${sheetsSec.open}${newTags.join("")}${kept.map((s) => s.tag).join("")}</${p}sheets>` + workbook.slice(sheetsSec.end);
  // Defined names: those of removed sheets go, the local ones follow their sheet's new position.
  const dn = findSection(workbook, p, "definedNames");
  if (dn) {
    const goneNames = removed.map((s) => s.name);
    const items = children(dn.inner, p, "definedName").flatMap((el) => {
      const tagEnd = el.indexOf(">") + 1;
      const tag = el.slice(0, tagEnd);
      const formula = unescapeXml(el.slice(tagEnd).replace(new RegExp(`</${p}definedName>$`), ""));
      if (goneNames.some((g) => mentionsSheet(formula, g))) return [];
      const local = attributes(tag).localSheetId;
      if (local === undefined) return [el];
      const to = newIndex.get(Number(local));
      return to === undefined ? [] : [setAttr(tag, "localSheetId", String(to)) + el.slice(tagEnd)];
    });
    workbook = workbook.slice(0, dn.start) + (items.length ? `${dn.open}${items.join("")}</${p}definedNames>` : "") + workbook.slice(dn.end);
  }

  // The active tab: the plan's sheet, scrolled to the first tab.
  const view = new RegExp(`<${p}workbookView\\b[^>]*>`).exec(workbook);
  if (view) {
    let tag = setAttr(view[0], "activeTab", String(active));
    if (/\sfirstSheet=/.test(tag)) tag = setAttr(tag, "firstSheet", "0");
    workbook = workbook.slice(0, view.index) + tag + workbook.slice(view.index + view[0].length);
  } else {
    const at = workbook.indexOf(`<${p}sheets`);
    workbook = workbook.slice(0, at) + `<${p}bookViews><${p}workbookView activeTab="${active}"/></${p}bookViews>` + workbook.slice(at);
  }
  zip.file(workbookPart, workbook);
  zip.file(wbRelsPart, wbRels);
  // Only the new active sheet is selected: a user sheet still selected would group the two. Only
  // the head of each sheet (before its cells) is inflated to look; a selected one is rewritten.
  for (const s of kept) {
    if (!s.part || !zip.file(s.part)) continue;
    if (!SELECTED.test(await sheetHead(zip, s.part))) continue;
    const xml = (await text(s.part))!;
    const at = xml.search(/<(?:[\w.-]+:)?sheetData[\s/>]/);
    const head = at >= 0 ? xml.slice(0, at) : xml;
    zip.file(s.part, head.replace(new RegExp(SELECTED.source, "g"), '$1"0"') + xml.slice(head.length));
  }

  if (roots.length) types = await removeOrphans(zip, roots, types);
  zip.file("[Content_Types].xml", types);
  await addChartsToZip(zip, plan, opts.onSkip);
  await deflateNatively(
    zip,
    Object.keys(zip.files).filter((f) => !zip.files[f].dir && zip.files[f] !== loaded.get(f)),
  );
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE", compressionOptions: { level: 1 } });
}
