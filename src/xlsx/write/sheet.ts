/**
 * One sheet model as a worksheet part (ISO/IEC 29500-1 §18.3, elements in the order CT_Worksheet
 * requires), and its notes as a comments part with the VML drawing Excel shows them through
 * (§18.7; VML per Part 4 §14, which Excel still requires for notes). Written in the transitional
 * vocabulary: conformance.ts moves a part to Strict where the package is Strict.
 *
 * Strings are inline (no shared-strings table to merge into the user's); a formula carries its
 * cached result so that a reader that does not calculate sees the values.
 */
import { a1, columnName, quoteSheet } from "../../core/a1";
import type { Bound, Cell, CellValidation, SheetModel } from "../../core/sheet/model";
import { NS } from "./conformance";
import { escapeText, escapeXml, XML_DECL } from "./xmlText";

/** Relationship ids the sheet refers to, given by the package writer. */
export interface SheetLinks {
  drawing?: string;
  legacyDrawing?: string;
}

export interface SheetXmlOptions {
  /** The cell's format index in the package's styles part (0: none). */
  xf: (cell: Cell) => number;
  /** The active sheet when the workbook opens. */
  selected: boolean;
  links: SheetLinks;
}

/** Default page margins in inches (Excel's "Normal"). */
const MARGINS = { left: 0.7, right: 0.7, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 };

/** A formula-safe string literal: "…" with quotes doubled. */
function literal(s: string): string {
  return `"${s.replace(/"/g, '""')}"`;
}

function inline(s: string): string {
  return `<is><t xml:space="preserve">${escapeText(s)}</t></is>`;
}

/** A formula's cached result: its type attribute, then its <v> (none for a blank or an error). */
function cachedType(v: Cell["value"]): string {
  return typeof v === "boolean" ? ` t="b"` : typeof v === "string" ? ` t="str"` : "";
}

function cachedValue(v: Cell["value"]): string {
  if (typeof v === "number") return Number.isFinite(v) ? `<v>${v}</v>` : "";
  if (typeof v === "boolean") return `<v>${v ? 1 : 0}</v>`;
  if (typeof v === "string") return `<v>${escapeText(v)}</v>`;
  return "";
}

/** The style attributes of the first formats, made once: a summary has tens of thousands of cells and a handful of formats. */
const STYLE_ATTRS = Array.from({ length: 64 }, (_, i) => (i ? ` s="${i}"` : ""));

/** One cell; "" when it has neither content nor format. */
export function cellXml(ref: string, cell: Cell, xf: number): string {
  const s = xf < STYLE_ATTRS.length ? STYLE_ATTRS[xf] : ` s="${xf}"`;
  if (cell.link) {
    // An internal link as a HYPERLINK formula: it needs no relationship, and the pane's host writes
    // the same target as the cell's document reference.
    const text = String(cell.value ?? cell.link.cell);
    const target = `#${quoteSheet(cell.link.sheet)}!${cell.link.cell}`;
    return `<c r="${ref}"${s} t="str"><f>${escapeText(`HYPERLINK(${literal(target)},${literal(text)})`)}</f><v>${escapeText(text)}</v></c>`;
  }
  const f = cell.formula;
  if (f !== undefined && f !== "") {
    const body = f.charCodeAt(0) === 0x3d /* = */ ? f.slice(1) : f;
    return `<c r="${ref}"${s}${cachedType(cell.value)}><f>${escapeText(body)}</f>${cachedValue(cell.value)}</c>`;
  }
  const v = cell.value;
  if (typeof v === "number" && Number.isFinite(v)) return `<c r="${ref}"${s}><v>${String(v)}</v></c>`;
  if (typeof v === "boolean") return `<c r="${ref}"${s} t="b"><v>${v ? 1 : 0}</v></c>`;
  // Text is always text: an inline string is never read as a formula or a number.
  if (typeof v === "string" && v !== "") return `<c r="${ref}"${s} t="inlineStr">${inline(v)}</c>`;
  return s ? `<c r="${ref}"${s}/>` : "";
}

function sheetView(model: SheetModel, selected: boolean): string {
  const f = model.freeze;
  const attrs = `${selected ? ` tabSelected="1"` : ""} workbookViewId="0"`;
  if (!f || (!f.rows && !f.cols)) return `<sheetViews><sheetView${attrs}/></sheetViews>`;
  const pane = f.rows && f.cols ? "bottomRight" : f.rows ? "bottomLeft" : "topRight";
  const split = `${f.cols ? ` xSplit="${f.cols}"` : ""}${f.rows ? ` ySplit="${f.rows}"` : ""}`;
  return `<sheetViews><sheetView${attrs}><pane${split} topLeftCell="${a1(f.rows, f.cols)}" activePane="${pane}" state="frozen"/><selection pane="${pane}"/></sheetView></sheetViews>`;
}

function bound(b: Bound): string {
  return escapeText(typeof b === "number" ? String(b) : b.ref);
}

function validationXml(v: CellValidation, sqref: string[]): string {
  const prompt = ` showInputMessage="1" promptTitle="${escapeXml(v.prompt.title)}" prompt="${escapeXml(v.prompt.message)}"`;
  const error = v.error ? ` showErrorMessage="1" errorStyle="stop" errorTitle="${escapeXml(v.error.title)}" error="${escapeXml(v.error.message)}"` : "";
  const where = ` sqref="${sqref.join(" ")}"`;
  if (v.rule.type === "any") return `<dataValidation allowBlank="1"${prompt}${error}${where}/>`;
  const { min, max } = v.rule;
  const op = max === undefined ? "greaterThanOrEqual" : "between";
  const formulas = `<formula1>${bound(min)}</formula1>${max === undefined ? "" : `<formula2>${bound(max)}</formula2>`}`;
  return `<dataValidation type="${v.rule.type}" operator="${op}" allowBlank="1"${prompt}${error}${where}>${formulas}</dataValidation>`;
}

/**
 * Where a worksheet part is written, piece by piece: a string (tests, small parts) or UTF-8 bytes
 * encoded as the rows come. A summary of hundreds of units is megabytes of XML; held as pieces and
 * then as one string (two bytes a character once any Vietnamese letter is in it), it was most of a
 * build's memory and garbage collection.
 */
export interface XmlSink {
  /** Markup that may name a namespace (the head and tail of the part, outside the cells). */
  markup(s: string): void;
  /** Cell data: rows, never holding a namespace name. */
  data(s: string): void;
}

/** The worksheet part of a sheet model, written to `sink`. */
export function writeWorksheet(model: SheetModel, opts: SheetXmlOptions, sink: XmlSink): void {
  const out: string[] = [XML_DECL, `<worksheet xmlns="${NS.main}" xmlns:r="${NS.r}">`];
  const props = (model.tabColor ? `<tabColor rgb="FF${model.tabColor}"/>` : "") + (model.print.fitToWidth ? `<pageSetUpPr fitToPage="1"/>` : "");
  if (props) out.push(`<sheetPr>${props}</sheetPr>`);
  const height = model.rows.length;
  const width = model.rows.reduce((w, l) => Math.max(w, l?.length ?? 0), model.columnWidths.length);
  out.push(`<dimension ref="${height && width ? `A1:${a1(height - 1, width - 1)}` : "A1"}"/>`);
  out.push(sheetView(model, opts.selected));
  out.push(`<sheetFormatPr defaultRowHeight="15"/>`);
  if (model.columnWidths.length) {
    out.push("<cols>");
    model.columnWidths.forEach((w, c) => out.push(`<col min="${c + 1}" max="${c + 1}" width="${w}" customWidth="1"/>`));
    out.push("</cols>");
  }
  out.push("<sheetData>");
  sink.markup(out.join(""));

  const validations = new Map<string, { v: CellValidation; refs: string[] }>();
  const heights = model.rowHeights ?? {};
  // Column letters once per sheet, not once per cell.
  const letters = Array.from({ length: width }, (_, c) => columnName(c));
  for (let r = 0; r < model.rows.length; r++) {
    const line = model.rows[r] ?? [];
    const rowNumber = String(r + 1);
    const h = heights[r];
    // Each piece goes to the sink as it is made (no row string built first); the row's start tag
    // only once it has a cell, or a height of its own.
    const start = `<row r="${rowNumber}"${h ? ` ht="${h}" customHeight="1"` : ""}>`;
    let open = false;
    for (let c = 0; c < line.length; c++) {
      const cell = line[c];
      if (!cell) continue;
      const ref = letters[c] + rowNumber;
      const xml = cellXml(ref, cell, opts.xf(cell));
      if (xml) {
        if (!open) sink.data(start);
        open = true;
        sink.data(xml);
      }
      if (cell.validation) {
        const key = JSON.stringify(cell.validation);
        const g = validations.get(key);
        if (g) g.refs.push(ref);
        else validations.set(key, { v: cell.validation, refs: [ref] });
      }
    }
    if (open) sink.data("</row>");
    else if (h) sink.data(`${start}</row>`);
  }

  const tail: string[] = ["</sheetData>"];
  const p = model.protection;
  if (p) {
    // An attribute set to 1 protects (forbids) the action; no password (ISO/IEC 29500-1 §18.3.1.85).
    const forbid = (allowed: boolean) => (allowed ? "0" : "1");
    tail.push(
      `<sheetProtection sheet="1" objects="1" scenarios="1" formatCells="${forbid(p.allowFormatCells)}" formatColumns="${forbid(p.allowFormatColumns)}"` +
        ` formatRows="${forbid(p.allowFormatRows)}" insertRows="${forbid(p.allowInsertRows)}" selectLockedCells="${forbid(p.allowSelectLocked)}" selectUnlockedCells="${forbid(p.allowSelectUnlocked)}"/>`,
    );
  }
  if (model.merges.length) tail.push(`<mergeCells count="${model.merges.length}">${model.merges.map((m) => `<mergeCell ref="${m}"/>`).join("")}</mergeCells>`);
  if (validations.size) tail.push(`<dataValidations count="${validations.size}">${[...validations.values()].map((g) => validationXml(g.v, g.refs)).join("")}</dataValidations>`);
  const m = { ...MARGINS, ...model.print.margins };
  tail.push(`<pageMargins left="${m.left}" right="${m.right}" top="${m.top}" bottom="${m.bottom}" header="${m.header}" footer="${m.footer}"/>`);
  // Paper 9 is A4; fit to one page wide, as many tall as needed.
  tail.push(`<pageSetup paperSize="9" orientation="${model.print.orientation}"${model.print.fitToWidth ? ` fitToWidth="1" fitToHeight="0"` : ""}/>`);
  if (opts.links.drawing) tail.push(`<drawing r:id="${opts.links.drawing}"/>`);
  if (opts.links.legacyDrawing) tail.push(`<legacyDrawing r:id="${opts.links.legacyDrawing}"/>`);
  tail.push("</worksheet>");
  sink.markup(tail.join(""));
}

/** The worksheet part of a sheet model, as one string. */
export function worksheetXml(model: SheetModel, opts: SheetXmlOptions): string {
  const out: string[] = [];
  const push = (s: string) => void out.push(s);
  writeWorksheet(model, opts, { markup: push, data: push });
  return out.join("");
}

/** Characters of data gathered before they are encoded: few, large encodes; little held as text. */
const CHUNK_CHARS = 1 << 16;

/**
 * The worksheet part of a sheet model as UTF-8 bytes, its markup passed through `markup` (the
 * conformance class's namespaces), its cell data encoded as it comes.
 */
export function worksheetBytes(model: SheetModel, opts: SheetXmlOptions, markup: (xml: string) => string): Uint8Array {
  const encoder = new TextEncoder();
  const chunks: Uint8Array[] = [];
  let pending: string[] = [];
  let chars = 0;
  const flush = () => {
    if (pending.length) chunks.push(encoder.encode(pending.join("")));
    pending = [];
    chars = 0;
  };
  writeWorksheet(model, opts, {
    markup: (s) => {
      flush();
      chunks.push(encoder.encode(markup(s)));
    },
    data: (s) => {
      pending.push(s);
      chars += s.length;
      if (chars >= CHUNK_CHARS) flush();
    },
  });
  flush();
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/** The notes of a sheet, in reading order: [row, col, text]. */
export function sheetNotes(model: SheetModel): [number, number, string][] {
  const notes: [number, number, string][] = [];
  model.rows.forEach((line, r) => (line ?? []).forEach((cell, c) => cell?.note && notes.push([r, c, cell.note])));
  return notes;
}

export const NOTE_AUTHOR = "Bloc Summary";

/** The comments part of a sheet's notes. */
export function commentsXml(notes: [number, number, string][]): string {
  const list = notes.map(([r, c, text]) => `<comment ref="${a1(r, c)}" authorId="0"><text><r><t xml:space="preserve">${escapeText(text)}</t></r></text></comment>`);
  return `${XML_DECL}<comments xmlns="${NS.main}"><authors><author>${NOTE_AUTHOR}</author></authors><commentList>${list.join("")}</commentList></comments>`;
}

/**
 * The VML drawing that shows the notes (hidden until the cell is hovered). `block` is the
 * drawing's shape-id block, unique in the package: shapes are numbered 1024 × block + n.
 */
export function notesVml(notes: [number, number, string][], block: number): string {
  const shapes = notes.map(([r, c], i) => {
    // Anchor: column, x offset, row, y offset of the top-left and bottom-right corners.
    const anchor = `${c + 1}, 15, ${Math.max(0, r - 1)}, 10, ${c + 3}, 15, ${r + 3}, 4`;
    return (
      `<v:shape id="_x0000_s${block * 1024 + i + 1}" type="#_x0000_t202" style="position:absolute;margin-left:59.25pt;margin-top:1.5pt;width:150pt;height:80pt;z-index:${i + 1};visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto">` +
      `<v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/>` +
      `<v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox>` +
      `<x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>${anchor}</x:Anchor><x:AutoFill>False</x:AutoFill><x:Row>${r}</x:Row><x:Column>${c}</x:Column></x:ClientData>` +
      `</v:shape>`
    );
  });
  return (
    `<xml xmlns:v="${NS.vml}" xmlns:o="${NS.office}" xmlns:x="${NS.excel}">` +
    `<o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="${block}"/></o:shapelayout>` +
    `<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>` +
    shapes.join("") +
    `</xml>`
  );
}
