/**
 * A document model (tờ trình, biên bản) as a `docx` package Document. Host-neutral: no Node API, so
 * the command line (Packer.toBuffer, src/file/docx.ts) and the task pane (Packer.toBlob, loaded
 * lazily) build the same Word file.
 */
import {
  AlignmentType,
  BorderStyle,
  convertMillimetersToTwip,
  Document,
  PageOrientation,
  Paragraph as DocxParagraph,
  Table as DocxTable,
  TableBorders,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  UnderlineType,
  VerticalAlign,
  WidthType,
} from "docx";
import type { Block, DocumentModel, Paragraph, Table } from "../core/document";

/** A4 in twips as Word writes it (210 × 297 mm). */
export const A4_TWIPS = { width: 11906, height: 16838 } as const;

const ALIGN = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
  justify: AlignmentType.JUSTIFIED,
} as const;

const pt = (n: number) => Math.round(n * 20);

function paragraph(p: Paragraph, font: string): DocxParagraph {
  return new DocxParagraph({
    alignment: ALIGN[p.align ?? "left"],
    indent: p.firstLineIndentMm ? { firstLine: convertMillimetersToTwip(p.firstLineIndentMm) } : undefined,
    spacing: { before: pt(p.spacingBeforePt ?? 0), after: pt(p.spacingAfterPt ?? 0) },
    keepNext: p.keepWithNext || undefined,
    children: p.runs.map(
      (r) =>
        new TextRun({
          text: r.text,
          bold: r.bold || undefined,
          italics: r.italic || undefined,
          underline: r.underline ? { type: UnderlineType.SINGLE } : undefined,
          size: r.size ? Math.round(r.size * 2) : undefined,
          font,
        }),
    ),
  });
}

function table(t: Table, font: string, contentTwips: number): DocxTable {
  const sum = t.columns.reduce((s, w) => s + w, 0) || 1;
  const widths = t.columns.map((w) => Math.floor((w / sum) * contentTwips));
  const line = { style: BorderStyle.SINGLE, size: 4, color: "000000" };
  return new DocxTable({
    width: { size: contentTwips, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: t.borders ? { top: line, bottom: line, left: line, right: line, insideHorizontal: line, insideVertical: line } : TableBorders.NONE,
    rows: t.rows.map((row) => {
      let col = 0;
      return new TableRow({
        tableHeader: row.header || undefined,
        cantSplit: true,
        children: row.cells.map((c) => {
          const span = Math.max(1, c.colSpan ?? 1);
          const w = widths.slice(col, col + span).reduce((s, x) => s + x, 0);
          col += span;
          return new TableCell({
            width: { size: w, type: WidthType.DXA },
            columnSpan: span > 1 ? span : undefined,
            verticalAlign: t.borders ? VerticalAlign.CENTER : VerticalAlign.TOP,
            margins: { left: 80, right: 80, top: t.borders ? 40 : 0, bottom: t.borders ? 40 : 0 },
            children: (c.paragraphs.length ? c.paragraphs : [{ type: "paragraph", runs: [] } as Paragraph]).map((p) => paragraph(p, font)),
          });
        }),
      });
    }),
  });
}

export function docxDocument(model: DocumentModel): Document {
  const m = model.page.marginsMm;
  const margins = {
    top: convertMillimetersToTwip(m.top),
    bottom: convertMillimetersToTwip(m.bottom),
    left: convertMillimetersToTwip(m.left),
    right: convertMillimetersToTwip(m.right),
  };
  const content = A4_TWIPS.width - margins.left - margins.right;
  const children = model.blocks.map((b: Block) => (b.type === "paragraph" ? paragraph(b, model.font) : table(b, model.font, content)));
  return new Document({
    title: model.title,
    creator: "Bloc Summary",
    styles: { default: { document: { run: { font: model.font, size: Math.round(model.sizePt * 2) } } } },
    sections: [
      {
        properties: {
          page: {
            size: { width: A4_TWIPS.width, height: A4_TWIPS.height, orientation: PageOrientation.PORTRAIT },
            margin: { ...margins, header: convertMillimetersToTwip(10), footer: convertMillimetersToTwip(10) },
          },
        },
        children,
      },
    ],
  });
}
