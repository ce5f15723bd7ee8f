/** The Node host's .docx writer: a document model (tờ trình, biên bản) → the bytes of a Word file. */
import { Packer } from "docx";
import type { DocumentModel } from "../core/document";
import { docxDocument } from "../docx/document";

/** The .docx bytes of a document model. */
export async function writeDocx(model: DocumentModel): Promise<Buffer> {
  return Packer.toBuffer(docxDocument(model));
}
