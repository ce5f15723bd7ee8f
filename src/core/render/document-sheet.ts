/**
 * A document model laid out on a sheet ("Tờ trình <year>"): a grid of narrow columns as wide as the
 * A4 text area, one merged row per paragraph, tables on the same grid, portrait A4 print setup with
 * the document's margins. A small grey marker row on top lets a rebuild recognise and replace it.
 */
import { rangeA1 } from "../a1";
import type { DocumentModel, Paragraph, Table } from "../document";
import { SheetBuilder, MAX_ROW_HEIGHT } from "../sheet/builder";
import type { OutputKind, SheetModel } from "../sheet/model";
import type { StyleName } from "../sheet/styles";
import { markerText } from "../marker";
import { isRule } from "./submission";

/** Grid columns across the text area, and their width in characters (≈ 165 mm at 13–14 pt). */
export const DOC_GRID = 20;
const COL_WIDTH = 4.6;
const CHARS_PER_COL = 5;
const INDENT = "\u00a0".repeat(6);

function paragraphText(p: Paragraph): string {
  if (isRule(p)) return "────────";
  return p.runs.map((r) => r.text).join("");
}

function paragraphStyle(p: Paragraph, size: number): StyleName {
  if (isRule(p)) return "docCenter";
  const texty = p.runs.filter((r) => r.text.trim());
  const bold = texty.length > 0 && texty.every((r) => r.bold);
  const italic = texty.length > 0 && texty.every((r) => r.italic);
  const centered = p.align === "center";
  if (centered && bold && texty.every((r) => (r.size ?? size) >= 14)) return "docTitle";
  if (centered && bold) return "docCenterBold";
  if (bold) return "textBold";
  if (italic) return "docItalic";
  if (centered) return "docCenter";
  return "docBody";
}

function lineHeight(p: Paragraph, size: number): number {
  const biggest = Math.max(...p.runs.map((r) => r.size ?? size), 8);
  return Math.round(biggest * 1.35);
}

/** Boundaries of a table's columns on the grid: each column at least one grid column wide. */
export function gridSpans(weights: number[], grid = DOC_GRID): number[] {
  const sum = weights.reduce((s, w) => s + w, 0) || 1;
  const spans: number[] = [];
  let cum = 0;
  let prev = 0;
  weights.forEach((w, i) => {
    cum += w;
    const left = weights.length - i - 1;
    const edge = i === weights.length - 1 ? grid : Math.min(grid - left, Math.max(prev + 1, Math.round((cum / sum) * grid)));
    spans.push(edge - prev);
    prev = edge;
  });
  return spans;
}

export function renderDocumentSheet(model: DocumentModel, sheetName: string, kind: OutputKind, note: string): SheetModel {
  const b = new SheetBuilder();
  const size = model.sizePt;
  let r = 0;
  b.title(r, 0, DOC_GRID, `${note} ${markerText(kind)}`, "marker");
  r += 2;

  const writeParagraph = (p: Paragraph, row: number, col: number, span: number): number => {
    const text = (p.firstLineIndentMm ? INDENT : "") + paragraphText(p);
    if (text.trim() || isRule(p)) {
      b.text(row, col, text, paragraphStyle(p, size));
      if (span > 1) b.merges.push(rangeA1(row, col, row, col + span - 1));
    }
    const lines = Math.max(1, Math.ceil(text.length / Math.max(1, span * CHARS_PER_COL)));
    return lines * lineHeight(p, size) + Math.round((p.spacingAfterPt ?? 0) / 2);
  };
  const setHeight = (row: number, h: number) => {
    // A very long paragraph (a list of hundreds of units) is cut at Excel's limit on the sheet;
    // the .docx keeps it whole.
    b.rowHeights[row] = Math.min(MAX_ROW_HEIGHT, Math.max(b.rowHeights[row] ?? 0, h));
  };

  const writeTable = (t: Table) => {
    const spans = gridSpans(t.columns);
    if (!t.borders) {
      // Layout table (header, signature): each cell's paragraphs stacked on rows of their own.
      for (const row of t.rows) {
        const depth = Math.max(...row.cells.map((c) => c.paragraphs.length), 1);
        let col = 0;
        row.cells.forEach((c, k) => {
          const span = spans.slice(k, k + (c.colSpan ?? 1)).reduce((s, x) => s + x, 0);
          c.paragraphs.forEach((p, i) => setHeight(r + i, writeParagraph(p, r + i, col, span)));
          col += span;
        });
        r += depth;
      }
      return;
    }
    for (const row of t.rows) {
      let col = 0;
      let height = 0;
      row.cells.forEach((c, k) => {
        const span = spans.slice(k, k + (c.colSpan ?? 1)).reduce((s, x) => s + x, 0);
        const text = c.paragraphs.map(paragraphText).join("\n");
        const align = c.paragraphs[0]?.align;
        const style: StyleName = row.header ? "header" : align === "center" || align === "right" ? "number" : "text";
        b.text(r, col, text, style);
        // Borders on every cell of the merged area, so the grid shows whole.
        for (let x = col + 1; x < col + span; x++) b.set(r, x, { style });
        if (span > 1) b.merges.push(rangeA1(r, col, r, col + span - 1));
        const lines = text.split("\n").reduce((s, l) => s + Math.max(1, Math.ceil(l.length / (span * CHARS_PER_COL * 1.15))), 0);
        height = Math.max(height, lines * 16 + 4);
        col += span;
      });
      setHeight(r, height);
      r++;
    }
  };

  for (const block of model.blocks) {
    if (block.type === "paragraph") {
      setHeight(r, writeParagraph(block, r, 0, DOC_GRID));
      r++;
    } else {
      writeTable(block);
      r++;
    }
  }

  const m = model.page.marginsMm;
  const inch = (mm: number) => Math.round((mm / 25.4) * 100) / 100;
  return b.build(sheetName, kind, {
    columnWidths: new Array(DOC_GRID).fill(COL_WIDTH),
    print: { orientation: "portrait", fitToWidth: true, margins: { top: inch(m.top), bottom: inch(m.bottom), left: inch(m.left), right: inch(m.right) } },
    charts: [],
    tabColor: "7F6000",
  });
}
