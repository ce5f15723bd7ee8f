/** The browser's side of the .docx writer: a document model → a Blob to download. Loaded with import(). */
import { Packer } from "docx";
import type { DocumentModel } from "../core/document";
import { docxDocument } from "./document";

export const DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

export async function docxBlob(model: DocumentModel): Promise<Blob> {
  const blob = await Packer.toBlob(docxDocument(model));
  return blob.type === DOCX_MIME ? blob : new Blob([blob], { type: DOCX_MIME });
}
