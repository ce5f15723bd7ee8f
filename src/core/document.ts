/**
 * The document model of a generated Word document (the tờ trình, the minutes): plain data that the
 * .docx writer and the sheet renderer both lay out. Sizes in points and millimetres.
 */

export interface Run {
  text: string;
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  /** Font size in points; the document's default when absent. */
  size?: number;
}

export interface Paragraph {
  type: "paragraph";
  runs: Run[];
  align?: "left" | "center" | "right" | "justify";
  /** First-line indent in millimetres. */
  firstLineIndentMm?: number;
  spacingAfterPt?: number;
  spacingBeforePt?: number;
  keepWithNext?: boolean;
}

export interface TableCellModel {
  paragraphs: Paragraph[];
  /** Relative width (the table splits its width in proportion). */
  width?: number;
  colSpan?: number;
}

export interface Table {
  type: "table";
  /** Column widths as relative weights. */
  columns: number[];
  rows: { cells: TableCellModel[]; header?: boolean }[];
  borders: boolean;
}

export type Block = Paragraph | Table;

export interface DocumentModel {
  title: string;
  font: string;
  sizePt: number;
  page: { size: "A4"; orientation: "portrait"; marginsMm: { top: number; bottom: number; left: number; right: number } };
  blocks: Block[];
}
