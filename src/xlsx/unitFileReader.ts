/**
 * What the pane's "Nhập báo cáo đơn vị" needs of the reader, in one module: the pane loads it on
 * first use (a chunk of its own, src/taskpane/index.tsx), so its first bundle does not carry it.
 */
import type { WorkbookSnapshot } from "../core/snapshot";
import { sheetColumnWidths } from "./columns";
import { refusalProblem, readSpreadsheet } from "./refusal";

export const unitFileReader = {
  /** A unit's file read, or refused naming its format or damage (WorkbookRefusal). */
  read: (bytes: Uint8Array): WorkbookSnapshot => readSpreadsheet(bytes),
  problem: refusalProblem,
  columnWidths: sheetColumnWidths,
};
