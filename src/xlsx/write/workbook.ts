/**
 * The workbook part's edits for a build: the sheet list (new sheets placed, replaced ones out), the
 * defined names, the active tab and the recalculation on open — each a local edit of the text, so
 * the rest of the part (extensions, pivot caches, file version …) stays as the producer wrote it.
 */
import { quoteSheet } from "../../core/a1";
import type { SheetVisibility } from "../../core/snapshot";
import { retargetSheetRefs } from "../../core/sheetRefs";
import { NS } from "./conformance";
import { attributes, children, escapeXml, findSection, literalRe, rootPrefix, setAttr, topLevelChildren, unescapeXml, XML_DECL } from "./xmlText";

export interface ListedSheet {
  /** The <sheet> element as written. */
  tag: string;
  name: string;
  sheetId: number;
  relId?: string;
}

export interface NewSheet {
  name: string;
  relId: string;
  sheetId: number;
  visibility?: SheetVisibility;
}

/** One sheet of the new sheet list: a new one, or a listed one kept as it was written. */
export type SheetEntry = { added: NewSheet } | { kept: ListedSheet };

/** How the workbook part names things: its element prefix and the qualified name of r:id. */
export interface WorkbookSyntax {
  p: string;
  relIdAttr: string;
  /** The r: namespace as the part declares it (transitional or Strict). */
  rNamespace: string;
  declaresR: boolean;
}

export function workbookSyntax(xml: string): WorkbookSyntax {
  const p = rootPrefix(xml, "workbook");
  const root = new RegExp(`<${p}workbook\\b[^>]*>`).exec(xml)?.[0] ?? "";
  const decl =
    /xmlns:([\w.-]+)\s*=\s*"(http:\/\/schemas\.openxmlformats\.org\/officeDocument\/2006\/relationships|http:\/\/purl\.oclc\.org\/ooxml\/officeDocument\/relationships)"/.exec(
      root,
    );
  return { p, relIdAttr: `${decl?.[1] ?? "r"}:id`, rNamespace: decl?.[2] ?? NS.r, declaresR: !!decl };
}

export function listedSheets(xml: string, syntax: WorkbookSyntax): ListedSheet[] {
  const sec = findSection(xml, syntax.p, "sheets");
  if (!sec) throw new Error("The workbook has no <sheets>");
  return children(sec.inner, syntax.p, "sheet").map((tag) => {
    const a = attributes(tag);
    return { tag, name: a.name ?? "", sheetId: Number(a.sheetId) || 0, relId: a[syntax.relIdAttr] };
  });
}

/** The sheet list in the given order: new sheets written, kept ones as they were written. */
export function putSheets(xml: string, syntax: WorkbookSyntax, order: SheetEntry[]): string {
  const { p, relIdAttr, declaresR, rNamespace } = syntax;
  const sec = findSection(xml, p, "sheets")!;
  const tags = order.map((e) => {
    if ("kept" in e) return e.kept.tag;
    const s = e.added;
    const state = s.visibility && s.visibility !== "visible" ? ` state="${s.visibility}"` : "";
    return `<${p}sheet name="${escapeXml(s.name)}" sheetId="${s.sheetId}"${state} ${declaresR ? "" : `xmlns:r="${rNamespace}" `}${relIdAttr}="${s.relId}"/>`;
  });
  return xml.slice(0, sec.start) + `${sec.open}${tags.join("")}</${p}sheets>` + xml.slice(sec.end);
}

/** A sheet name no workbook has (sheet names cannot hold "[" or "]"), marking references to drop. */
const GONE = "[gone]";
const GONE_REF = new RegExp(`${literalRe(quoteSheet(GONE))}!(?:\\$?[A-Z]{1,3}\\$?\\d+(?::\\$?[A-Z]{1,3}\\$?\\d+)?|\\$?[A-Z]{1,3}:\\$?[A-Z]{1,3}|\\$?\\d+:\\$?\\d+)`, "g");

/** References into sheets that no longer exist, as Excel writes them after deleting a sheet: #REF!. */
function dropRefs(formula: string, gone: string[]): string {
  const upper = new Set(gone.map((g) => g.toLocaleUpperCase()));
  return retargetSheetRefs(formula, (name) => (upper.has(name.toLocaleUpperCase()) ? GONE : undefined)).replace(GONE_REF, "#REF!");
}

/**
 * Defined names after the sheet list changed. `position` maps each old sheet index to its new one
 * (undefined: the sheet is gone). A name referring to a replaced output keeps its text — the new
 * output has the same name, so it points at the same place of the new output; a name local to a
 * replaced output moves to its successor. References into a sheet that is gone for good become
 * #REF!, and names local to it go, as Excel does when a sheet is deleted.
 */
export function putDefinedNames(xml: string, syntax: WorkbookSyntax, position: (old: number) => number | undefined, goneForGood: string[]): string {
  const { p } = syntax;
  const dn = findSection(xml, p, "definedNames");
  if (!dn) return xml;
  const items = children(dn.inner, p, "definedName").flatMap((el) => {
    const tagEnd = el.indexOf(">") + 1;
    const tag = el.slice(0, tagEnd);
    let body = el.slice(tagEnd);
    if (goneForGood.length && !tag.endsWith("/>")) {
      const close = body.lastIndexOf("<");
      body = escapeXml(dropRefs(unescapeXml(body.slice(0, close)), goneForGood)) + body.slice(close);
    }
    const local = attributes(tag).localSheetId;
    if (local === undefined) return [tag + body];
    const to = position(Number(local));
    return to === undefined ? [] : [setAttr(tag, "localSheetId", String(to)) + body];
  });
  return xml.slice(0, dn.start) + (items.length ? `${dn.open}${items.join("")}</${p}definedNames>` : "") + xml.slice(dn.end);
}

/** The active tab: the given sheet, the tab bar scrolled to the first tab. */
export function putActiveTab(xml: string, syntax: WorkbookSyntax, active: number): string {
  const { p } = syntax;
  const view = new RegExp(`<${p}workbookView\\b[^>]*>`).exec(xml);
  if (view) {
    let tag = setAttr(view[0], "activeTab", String(active));
    if (/\sfirstSheet=/.test(tag)) tag = setAttr(tag, "firstSheet", "0");
    return xml.slice(0, view.index) + tag + xml.slice(view.index + view[0].length);
  }
  const at = xml.indexOf(`<${p}sheets`);
  return xml.slice(0, at) + `<${p}bookViews><${p}workbookView activeTab="${active}"/></${p}bookViews>` + xml.slice(at);
}

/** CT_Workbook children after calcPr: a new calcPr goes before the first of them. */
const AFTER_CALC_PR = new Set(["oleSize", "customWorkbookViews", "pivotCaches", "smartTagPr", "smartTagTypes", "webPublishing", "fileRecoveryPr", "webPublishObjects", "extLst"]);

/**
 * Recalculate everything when the workbook is opened (ISO/IEC 29500-1 §18.2.2 fullCalcOnLoad): the
 * user's formulas that read a replaced output hold cached values of the old one.
 */
export function forceFullCalcOnLoad(xml: string, syntax: WorkbookSyntax): string {
  const { p } = syntax;
  const calc = new RegExp(`<${p}calcPr\\b[^>]*>`).exec(xml);
  if (calc) return xml.slice(0, calc.index) + setAttr(calc[0], "fullCalcOnLoad", "1") + xml.slice(calc.index + calc[0].length);
  const { children: kids, rootClose } = topLevelChildren(xml);
  const at = kids.find((c) => AFTER_CALC_PR.has(c.name))?.start ?? rootClose;
  return xml.slice(0, at) + `<${p}calcPr fullCalcOnLoad="1"/>` + xml.slice(at);
}

/** The parts of a workbook with no sheets yet (a new workbook is the writer run over it). */
export function emptyWorkbookParts(): Record<string, string> {
  return {
    "[Content_Types].xml":
      `${XML_DECL}<Types xmlns="${NS.types}">` +
      `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
      `<Default Extension="xml" ContentType="application/xml"/>` +
      `<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
      `</Types>`,
    "_rels/.rels": `${XML_DECL}<Relationships xmlns="${NS.rels}"><Relationship Id="rId1" Type="${NS.r}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    "xl/workbook.xml": `${XML_DECL}<workbook xmlns="${NS.main}" xmlns:r="${NS.r}"><bookViews><workbookView activeTab="0"/></bookViews><sheets/></workbook>`,
    "xl/_rels/workbook.xml.rels": `${XML_DECL}<Relationships xmlns="${NS.rels}"></Relationships>`,
  };
}
