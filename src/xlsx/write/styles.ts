/**
 * Cell formats of generated sheets: the core's named styles (core/sheet/styles) with a cell's number
 * format and lock, as SpreadsheetML fonts, fills, borders, number formats and cell formats (xf). A
 * fresh styles part holds exactly the formats the sheets use; merged into a user's styles part,
 * an entry equal to one already there is reused, so a rebuild adds nothing.
 */
import type { Cell, SheetModel } from "../../core/sheet/model";
import { STYLES, FONT, type CellStyle, type StyleName } from "../../core/sheet/styles";
import { NS } from "./conformance";
import { attributes, children, escapeXml, findSection, prefixed, rootPrefix, setAttr, XML_DECL } from "./xmlText";

/** The built-in number formats of SpreadsheetML (ISO/IEC 29500-1 §18.8.30) our formats may be. */
const BUILT_IN_FORMATS: Record<string, number> = { General: 0, "0": 1, "0.00": 2, "#,##0": 3, "#,##0.00": 4, "0%": 9, "0.00%": 10, "@": 49 };
const FIRST_CUSTOM_FORMAT = 164;

function fontXml(f: CellStyle["font"]): string {
  return (
    `<font>${f.bold ? "<b/>" : ""}${f.italic ? "<i/>" : ""}${f.underline ? "<u/>" : ""}<sz val="${f.size}"/>` +
    `${f.color ? `<color rgb="FF${f.color}"/>` : ""}<name val="${escapeXml(f.name)}"/><family val="1"/></font>`
  );
}

function fillXml(rgb: string | undefined): string {
  return rgb ? `<fill><patternFill patternType="solid"><fgColor rgb="FF${rgb}"/><bgColor indexed="64"/></patternFill></fill>` : `<fill><patternFill patternType="none"/></fill>`;
}

function borderXml(rgb: string | undefined): string {
  if (!rgb) return "<border><left/><right/><top/><bottom/><diagonal/></border>";
  const edge = (e: string) => `<${e} style="thin"><color rgb="FF${rgb}"/></${e}>`;
  return `<border>${edge("left")}${edge("right")}${edge("top")}${edge("bottom")}<diagonal/></border>`;
}

const VERTICAL = { top: "top", middle: "center", bottom: "bottom" } as const;

/** Unique strings in insertion order, each with its index. */
class Table {
  readonly items: string[] = [];
  private readonly index = new Map<string, number>();
  constructor(first: string[] = []) {
    for (const x of first) this.id(x);
  }
  id(x: string): number {
    let i = this.index.get(x);
    if (i === undefined) {
      i = this.items.push(x) - 1;
      this.index.set(x, i);
    }
    return i;
  }
}

/**
 * The cell formats generated sheets use, collected cell by cell: `xf(cell)` is the cell's index in
 * the fresh styles part (0: no format, the workbook's Normal).
 */
export class StyleRegistry {
  private readonly fonts = new Table([fontXml({ name: FONT, size: 11 })]);
  /** The first two fills are reserved by the format (none, gray125). */
  private readonly fills = new Table([fillXml(undefined), `<fill><patternFill patternType="gray125"/></fill>`]);
  private readonly borders = new Table([borderXml(undefined)]);
  private readonly formats = new Map<string, number>();
  private readonly xfs = new Table([`<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>`]);
  /**
   * style → format → [locked, unlocked] index (-1: not yet). Nested rather than one joined key: a
   * build asks for every cell's format twice, and a joined key per cell is garbage to collect.
   */
  private readonly byStyle = new Map<string, Map<string, number[]>>();

  /** The last format asked for: neighbouring cells mostly share one, and a hit needs no lookup. */
  private last = { style: "", format: "", unlocked: 0, xf: 0 };

  xf(cell: Pick<Cell, "style" | "format" | "locked">): number {
    if (!cell.style && !cell.format && cell.locked !== false) return 0;
    const style = cell.style ?? "";
    const format = cell.format ?? "";
    const unlocked = cell.locked === false ? 1 : 0;
    const last = this.last;
    if (style === last.style && format === last.format && unlocked === last.unlocked) return last.xf;
    let byFormat = this.byStyle.get(style);
    if (!byFormat) this.byStyle.set(style, (byFormat = new Map()));
    let slots = byFormat.get(format);
    if (!slots) byFormat.set(format, (slots = [-1, -1]));
    let i = slots[unlocked];
    if (i < 0) {
      i = this.xfs.id(this.xfXml(cell.style, cell.format, cell.locked === false));
      slots[unlocked] = i;
    }
    this.last = { style, format, unlocked, xf: i };
    return i;
  }

  /** Every cell of the sheets, so that the styles part can be written before the sheets. */
  collect(sheets: readonly SheetModel[]): this {
    for (const s of sheets) {
      for (const line of s.rows) {
        if (!line) continue;
        for (let c = 0; c < line.length; c++) if (line[c]) this.xf(line[c]!);
      }
    }
    return this;
  }

  private formatId(code: string): number {
    const builtIn = BUILT_IN_FORMATS[code];
    if (builtIn !== undefined) return builtIn;
    let id = this.formats.get(code);
    if (id === undefined) {
      id = FIRST_CUSTOM_FORMAT + this.formats.size;
      this.formats.set(code, id);
    }
    return id;
  }

  private xfXml(name: StyleName | undefined, format: string | undefined, unlocked: boolean): string {
    const s = name ? STYLES[name] : undefined;
    const numFmtId = format ? this.formatId(format) : 0;
    const fontId = s ? this.fonts.id(fontXml(s.font)) : 0;
    const fillId = s?.fill ? this.fills.id(fillXml(s.fill)) : 0;
    const borderId = s?.border ? this.borders.id(borderXml(s.border)) : 0;
    const align =
      s && (s.horizontal || s.vertical || s.wrap)
        ? `<alignment${s.horizontal ? ` horizontal="${s.horizontal}"` : ""}${s.vertical ? ` vertical="${VERTICAL[s.vertical]}"` : ""}${s.wrap ? ` wrapText="1"` : ""}/>`
        : "";
    const protection = unlocked ? `<protection locked="0"/>` : "";
    const applies =
      (numFmtId ? ` applyNumberFormat="1"` : "") +
      (fontId ? ` applyFont="1"` : "") +
      (fillId ? ` applyFill="1"` : "") +
      (borderId ? ` applyBorder="1"` : "") +
      (align ? ` applyAlignment="1"` : "") +
      (protection ? ` applyProtection="1"` : "");
    const body = align + protection;
    return `<xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="${borderId}" xfId="0"${applies}${body ? `>${body}</xf>` : "/>"}`;
  }

  /** A whole styles part holding these formats (transitional vocabulary, unprefixed). */
  stylesXml(): string {
    const section = (name: string, items: string[]) => `<${name} count="${items.length}">${items.join("")}</${name}>`;
    const fmts = [...this.formats].map(([code, id]) => `<numFmt numFmtId="${id}" formatCode="${escapeXml(code)}"/>`);
    return (
      XML_DECL +
      `<styleSheet xmlns="${NS.main}">` +
      (fmts.length ? section("numFmts", fmts) : "") +
      section("fonts", this.fonts.items) +
      section("fills", this.fills.items) +
      section("borders", this.borders.items) +
      section("cellStyleXfs", [`<xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>`]) +
      section("cellXfs", this.xfs.items) +
      section("cellStyles", [`<cellStyle name="Normal" xfId="0" builtinId="0"/>`]) +
      `</styleSheet>`
    );
  }
}

const STYLE_ORDER = ["numFmts", "fonts", "fills", "borders", "cellStyleXfs", "cellXfs", "cellStyles", "dxfs", "tableStyles", "colors", "extLst"];
const CHILD: Record<string, string> = { numFmts: "numFmt", fonts: "font", fills: "fill", borders: "border", cellStyleXfs: "xf", cellXfs: "xf" };

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
 * Append the fresh styles part's number formats, fonts, fills, borders and cell formats to the
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
      remapTag(x, (n, v) => (n === "numFmtId" ? (fmtMap.get(v) ?? v) : n === "xfId" ? 0 : (offsets[attr[n]][v] ?? 0)), ["numFmtId", "fontId", "fillId", "borderId", "xfId"]),
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
