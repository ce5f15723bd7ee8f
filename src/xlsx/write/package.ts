/**
 * Writing generated sheets into a SpreadsheetML package, host-neutral (bytes in, bytes out).
 *
 * Into the user's own package (the command line's build): only the generated sheets are written.
 * Their cell formats are merged into the user's styles part (equal entries reused), the earlier
 * outputs are removed with the parts only they used, and the workbook part's sheet list, defined
 * names and active tab are edited in place. Every other part — the user's sheets, charts, pivot
 * tables, unknown parts — is copied as stored, byte for byte. New parts are written in the
 * package's own conformance class (transitional or Strict).
 *
 * A new workbook (templates, roll-ups) is the same writer run over an empty package.
 *
 * docProps/app.xml (TitlesOfParts) is left as it was: Excel rebuilds it on save and reads nothing
 * from it. The calculation chain is dropped: Excel rebuilds it.
 */
import type { WritePlan } from "../../core/plan";
import type { Cell, SheetModel } from "../../core/sheet/model";
import { parseRels, relativeTarget, relKind, relsPartName, resolveTarget, type Rel } from "../opc";
import { chartXml, drawingXml } from "./charts";
import { conformanceOf, inConformance, relType, type Conformance } from "./conformance";
import { removeOrphans } from "./orphans";
import type { ZipCodec } from "../zip";
import { Parts } from "./parts";
import { addOverride, addRel, ensureDefault, removeOverride, removeRel } from "./relations";
import { commentsXml, notesVml, sheetNotes, worksheetBytes, type SheetLinks } from "./sheet";
import { mergeStyles, StyleRegistry } from "./styles";
import {
  emptyWorkbookParts,
  forceFullCalcOnLoad,
  listedSheets,
  putActiveTab,
  putDefinedNames,
  putSheets,
  workbookSyntax,
  type ListedSheet,
  type NewSheet,
  type SheetEntry,
} from "./workbook";
import { attributes, tags } from "./xmlText";

const CT = {
  sheet: "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml",
  styles: "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml",
  comments: "application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml",
  vml: "application/vnd.openxmlformats-officedocument.vmlDrawing",
  drawing: "application/vnd.openxmlformats-officedocument.drawing+xml",
  chart: "application/vnd.openxmlformats-officedocument.drawingml.chart+xml",
} as const;

/** The first free "<folder><stem>N.<ext>" part name of the package. */
function freeName(parts: Parts, taken: Set<string>, folder: string, stem: string, ext = "xml"): string {
  for (let n = 1; ; n++) {
    const name = `${folder}${stem}${n}.${ext}`;
    if (!parts.has(name) && !taken.has(name.toLowerCase())) {
      taken.add(name.toLowerCase());
      return name;
    }
  }
}

/** The shape-id blocks VML drawings of the package already use (o:idmap data="1,2"). */
function usedVmlBlocks(parts: Parts): Set<number> {
  const used = new Set<number>();
  for (const name of parts.names()) {
    if (!name.toLowerCase().endsWith(".vml")) continue;
    const xml = parts.text(name) ?? "";
    for (const t of tags(xml, "idmap")) for (const n of (attributes(t).data ?? "").split(",")) if (Number(n)) used.add(Number(n));
  }
  return used;
}

interface Context {
  parts: Parts;
  types: string;
  conformance: Conformance;
  taken: Set<string>;
  vmlBlocks: Set<number>;
  /** A cell's format index in the package's styles part. */
  xf: (cell: Cell) => number;
}

/** One new sheet's parts (the worksheet, its notes and charts) written; returns the worksheet part. */
function writeSheet(ctx: Context, wbDir: string, model: SheetModel, selected: boolean): string {
  const { parts, conformance } = ctx;
  const part = freeName(parts, ctx.taken, `${wbDir}worksheets/`, "sheet");
  const put = (name: string, xml: string) => parts.set(name, inConformance(xml, conformance));
  let rels: string | undefined;
  const links: SheetLinks = {};
  const link = (source: string, relsXml: string | undefined, kind: string, target: string) => addRel(relsXml, relType(kind, conformance), relativeTarget(source, target));

  const charts = model.charts.filter((c) => c.series.length > 0);
  if (charts.length) {
    const drawing = freeName(parts, ctx.taken, `${wbDir}drawings/`, "drawing");
    let drawingRels: string | undefined;
    const ids: string[] = [];
    for (const chart of charts) {
      const chartPart = freeName(parts, ctx.taken, `${wbDir}charts/`, "chart");
      put(chartPart, chartXml(model, chart));
      ctx.types = addOverride(ctx.types, chartPart, CT.chart);
      const r = link(drawing, drawingRels, "chart", chartPart);
      drawingRels = r.xml;
      ids.push(r.id);
    }
    put(drawing, drawingXml(charts, ids));
    put(relsPartName(drawing), drawingRels!);
    ctx.types = addOverride(ctx.types, drawing, CT.drawing);
    const r = link(part, rels, "drawing", drawing);
    rels = r.xml;
    links.drawing = r.id;
  }

  const notes = sheetNotes(model);
  if (notes.length) {
    const comments = freeName(parts, ctx.taken, wbDir, "comments");
    put(comments, commentsXml(notes));
    ctx.types = addOverride(ctx.types, comments, CT.comments);
    rels = link(part, rels, "comments", comments).xml;
    const vml = freeName(parts, ctx.taken, `${wbDir}drawings/`, "vmlDrawing", "vml");
    let block = 1;
    while (ctx.vmlBlocks.has(block)) block++;
    ctx.vmlBlocks.add(block);
    parts.set(vml, notesVml(notes, block));
    ctx.types = ensureDefault(ctx.types, "vml", CT.vml);
    const r = link(part, rels, "vmlDrawing", vml);
    rels = r.xml;
    links.legacyDrawing = r.id;
  }

  parts.set(
    part,
    worksheetBytes(model, { xf: ctx.xf, selected, links }, (xml) => inConformance(xml, conformance)),
  );
  if (rels) put(relsPartName(part), rels);
  ctx.types = addOverride(ctx.types, part, CT.sheet);
  return part;
}

/**
 * Where a plan's sheet goes in the tab order; a sheet with no place goes to the front, in plan
 * order (the outputs). `replaces`: the place of that sheet of `plan.remove` — a corrected unit
 * sheet keeps its tab, and names local to the old sheet move to it (give it the old sheet's name
 * and every reference to it keeps resolving). `after`: right after that sheet as the workbook
 * listed it (or after its replacement), in plan order; at the end when null or not in the workbook.
 */
export type SheetPlace = { replaces: string } | { after: string | null };

/** A plan for a package: the core's plan and, for sheets not written to the front, their places. */
export interface PackagePlan extends WritePlan {
  /** By sheet name (as in `sheets`). */
  place?: Readonly<Record<string, SheetPlace>>;
}

/** Excel compares sheet names without case. */
const sameSheet = (a: string, b: string) => a.toLocaleUpperCase() === b.toLocaleUpperCase();

/** The plan sheet that takes a removed sheet's place (-1: none, the sheet is gone for good). */
function successorOf(plan: PackagePlan, old: ListedSheet): number {
  const explicit = plan.sheets.findIndex((m) => {
    const p = plan.place?.[m.name];
    return !!p && "replaces" in p && p.replaces === old.name;
  });
  // A rebuilt output follows the earlier output of its name.
  return explicit >= 0 ? explicit : plan.sheets.findIndex((m) => !plan.place?.[m.name] && sameSheet(m.name, old.name));
}

/**
 * The new sheet list: indexes into `plan.sheets` for new sheets, the listed sheets that stay as
 * they are. Front sheets first, then the workbook's own list — a replaced sheet's slot holding its
 * replacement, each `after` sheet behind its anchor — then the sheets placed at the end.
 */
function tabOrder(plan: PackagePlan, existing: ListedSheet[], removed: ListedSheet[]): (number | ListedSheet)[] {
  const front: number[] = [];
  const end: number[] = [];
  const inSlot = new Map<ListedSheet, number>();
  const behind = new Map<ListedSheet, number[]>();
  plan.sheets.forEach((m, i) => {
    const p = plan.place?.[m.name];
    if (!p) front.push(i);
    else if ("replaces" in p) {
      const old = removed.find((s) => s.name === p.replaces);
      if (!old) throw new Error(`Sheet ${m.name} replaces ${p.replaces}, which the plan does not remove`);
      inSlot.set(old, i);
    } else {
      const anchor = p.after === null ? undefined : existing.find((s) => sameSheet(s.name, p.after!));
      if (anchor) behind.set(anchor, [...(behind.get(anchor) ?? []), i]);
      else end.push(i);
    }
  });
  const listed = existing.flatMap((s) => {
    const self = removed.includes(s) ? (inSlot.has(s) ? [inSlot.get(s)!] : []) : [s];
    return [...self, ...(behind.get(s) ?? [])];
  });
  return [...front, ...listed, ...end];
}

/** The plan written into the package held by `parts` (edited in place). */
function writePlan(parts: Parts, plan: PackagePlan, unselectedSheets: readonly string[] = []): void {
  let types = parts.text("[Content_Types].xml");
  if (types === undefined) throw new Error("No [Content_Types].xml");
  const rootRels = parseRels(parts.text("_rels/.rels") ?? "");
  const officeDoc = rootRels.find((r) => relKind(r.type) === "officeDocument" && !r.external);
  const workbookPart = officeDoc ? resolveTarget("", officeDoc.target) : "xl/workbook.xml";
  const wbDir = workbookPart.includes("/") ? workbookPart.slice(0, workbookPart.lastIndexOf("/") + 1) : "";
  let workbook = parts.text(workbookPart);
  if (workbook === undefined) throw new Error(`No workbook part ${workbookPart}`);
  const conformance = conformanceOf(workbook);
  const wbRelsPart = relsPartName(workbookPart);
  let wbRels = parts.text(wbRelsPart) ?? "";
  const rels: Rel[] = wbRels ? parseRels(wbRels) : [];
  const partOf = (relId: string | undefined) => {
    const r = rels.find((x) => x.id === relId);
    return r && !r.external ? resolveTarget(workbookPart, r.target) : undefined;
  };

  const syntax = workbookSyntax(workbook);
  const existing = listedSheets(workbook, syntax);
  const removeNames = new Set(plan.remove);
  const removed = existing.filter((s) => removeNames.has(s.name));
  const kept = existing.filter((s) => !removeNames.has(s.name));
  for (const s of plan.sheets) {
    if (kept.some((k) => k.name.toLowerCase() === s.name.toLowerCase())) throw new Error(`Worksheet name already exists: ${s.name}`);
  }
  const order = tabOrder(plan, existing, removed);

  // Earlier outputs out: their relationships (the parts go below, with what only they use).
  const roots: string[] = [];
  for (const s of removed) {
    if (s.relId) wbRels = removeRel(wbRels, s.relId);
    const part = partOf(s.relId);
    if (part) roots.push(part);
  }
  // The calculation chain lists cells of removed sheets: Excel rebuilds it.
  for (const r of rels.filter((r) => relKind(r.type) === "calcChain")) {
    wbRels = removeRel(wbRels, r.id);
    roots.push(resolveTarget(workbookPart, r.target));
  }
  // Removed parts first, so that the new sheets may reuse their names.
  if (roots.length) types = removeOrphans(parts, roots, types);

  // Styles: the formats the new sheets use, merged into the package's styles part.
  const registry = new StyleRegistry().collect(plan.sheets);
  const stylesRel = rels.find((r) => relKind(r.type) === "styles" && !r.external);
  const stylesPart = stylesRel ? resolveTarget(workbookPart, stylesRel.target) : `${wbDir}styles.xml`;
  const original = stylesRel ? parts.text(stylesPart) : undefined;
  let xfMap: number[];
  if (original !== undefined && /<(?:[\w.-]+:)?styleSheet[\s>/]/.test(original)) {
    const merged = mergeStyles(original, registry.stylesXml());
    parts.set(stylesPart, merged.xml);
    xfMap = merged.xfMap;
  } else {
    // No usable styles part: the fresh one as it is (the user's cells can only use format 0).
    parts.set(stylesPart, inConformance(registry.stylesXml(), conformance));
    if (!stylesRel) wbRels = addRel(wbRels, relType("styles", conformance), stylesPart.slice(wbDir.length)).xml;
    types = addOverride(removeOverride(types, stylesPart), stylesPart, CT.styles);
    xfMap = [];
  }
  const xf = (cell: Cell) => {
    const i = registry.xf(cell);
    return i === 0 ? 0 : (xfMap[i] ?? i);
  };

  // The new sheets: fresh part names and sheet ids (placed in the sheet list below).
  const ctx: Context = { parts, types, conformance, taken: new Set(), vmlBlocks: usedVmlBlocks(parts), xf };
  const added: Omit<NewSheet, "sheetId">[] = [];
  for (const model of plan.sheets) {
    const part = writeSheet(ctx, wbDir, model, model.name === plan.activate);
    const r = addRel(wbRels, relType("worksheet", conformance), part.slice(wbDir.length));
    wbRels = r.xml;
    added.push({ name: model.name, relId: r.id, visibility: model.visibility });
  }
  types = ctx.types;

  // The workbook part.
  const firstId = Math.max(0, ...existing.map((s) => s.sheetId)) + 1;
  const entries: SheetEntry[] = order.map((o) => (typeof o === "number" ? { added: { ...added[o], sheetId: firstId + o } } : { kept: o }));
  workbook = putSheets(workbook, syntax, entries);
  workbook = putDefinedNames(
    workbook,
    syntax,
    (old) => {
      const s = existing[old];
      if (!s) return undefined;
      const at = order.indexOf(s);
      if (at >= 0) return at;
      // A replaced sheet's local names (print area …) follow its successor.
      const successor = successorOf(plan, s);
      return successor >= 0 ? order.indexOf(successor) : undefined;
    },
    removed.filter((s) => successorOf(plan, s) < 0).map((s) => s.name),
  );
  const names = entries.map((e) => ("added" in e ? e.added.name : e.kept.name));
  workbook = putActiveTab(workbook, syntax, Math.max(0, names.indexOf(plan.activate)));
  if (removed.length) workbook = forceFullCalcOnLoad(workbook, syntax);
  parts.set(workbookPart, workbook);
  parts.set(wbRelsPart, wbRels);

  // Only the new active sheet is selected: a user sheet still selected would group the two. Only
  // the head of each sheet (before its cells) is inflated to look; a selected one is rewritten.
  const selected = /(<(?:[\w.-]+:)?sheetView\b[^>]*\btabSelected\s*=\s*)("(?:1|true)"|'(?:1|true)')/;
  const cells = /<(?:[\w.-]+:)?sheetData[\s/>]/;
  // Sheets a reader of the same bytes found not selected need no look (chartsheets, which it does not read, still do).
  const unselected = new Set(unselectedSheets.map((n) => n.toLocaleUpperCase()));
  for (const s of kept) {
    if (unselected.has(s.name.toLocaleUpperCase())) continue;
    const part = partOf(s.relId);
    if (!part || !parts.has(part)) continue;
    if (!selected.test(parts.head(part, cells) ?? "")) continue;
    const xml = parts.text(part)!;
    const at = xml.search(cells);
    const head = at >= 0 ? xml.slice(0, at) : xml;
    parts.set(part, head.replace(new RegExp(selected.source, "g"), '$1"0"') + xml.slice(head.length));
  }
  parts.set("[Content_Types].xml", types);
}

export interface WriteOptions {
  /** The host's inflate, deflate (level 1) and CRC-32 (Node's zlib: several times fflate's speed); fflate's otherwise. */
  codec?: ZipCodec;
  /**
   * User sheets a reader of these same bytes found not selected (no SheetSnapshot.tabSelected): their
   * heads are not inflated to look. Every other kept sheet's head is.
   */
  unselectedSheets?: readonly string[];
}

/** The plan written into the user's package; every part the plan does not concern is kept as stored. */
export function writePlanIntoPackageBytes(original: Uint8Array, plan: PackagePlan, opts: WriteOptions = {}): Uint8Array {
  const parts = Parts.open(original, opts.codec);
  writePlan(parts, plan, opts.unselectedSheets);
  return parts.toZip();
}

/**
 * The same, where the codec deflates elsewhere (deflateRawLater): a big sheet is compressed while
 * the next ones are written.
 */
export function writePlanIntoPackageLater(original: Uint8Array, plan: PackagePlan, opts: WriteOptions = {}): Promise<Uint8Array> {
  const parts = Parts.open(original, opts.codec, { ahead: true });
  writePlan(parts, plan, opts.unselectedSheets);
  return parts.toZipLater();
}

/** A new workbook holding exactly these sheets, `activate` shown when it opens. */
export function newWorkbookBytes(sheets: SheetModel[], activate: string, opts: WriteOptions = {}): Uint8Array {
  const parts = new Parts(opts.codec);
  for (const [name, xml] of Object.entries(emptyWorkbookParts())) parts.set(name, xml);
  writePlan(parts, { sheets, remove: [], activate });
  return parts.toZip();
}
