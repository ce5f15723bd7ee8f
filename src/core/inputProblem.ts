/**
 * Why a workbook file cannot be used, as data: the file host, the reader (src/xlsx/refusal.ts) and
 * the pane report it, and core/i18n/inputProblem.ts words it in the user's language.
 */

/** Why a sheet the workbook lists could not be read. */
export type SheetProblem =
  /** The workbook names no (or an external) part for it. */
  | { reason: "noPart" }
  /** Its part is not in the package. */
  | { reason: "missingPart"; part: string }
  /** Its part is damaged (zip) or not well-formed XML; `detail` is the parser's or the zip's. */
  | { reason: "damaged"; part: string; detail: string }
  /** Its part is not a worksheet (its root element says what it is). */
  | { reason: "notWorksheet"; part: string; root: string }
  /** A cell refers to a shared string the workbook does not have. */
  | { reason: "missingString"; cell: string; index: number };

/** Formats LibreOffice can turn into .xlsx for us. */
export type ConvertibleFormat = "xls" | "ods";

export type InputProblem =
  | { kind: "notFound" }
  | { kind: "notAFile" }
  | { kind: "empty" }
  | { kind: "tooBig"; mb: number }
  | { kind: "tooBigUnzipped"; mb: number }
  /** An encrypted (password-protected) package. */
  | { kind: "encrypted" }
  /** A legacy .xls or an .ods; `noConverter` when conversion was asked for and LibreOffice is not installed. */
  | { kind: ConvertibleFormat; noConverter?: boolean }
  | { kind: "convertFailed"; format: ConvertibleFormat; detail: string }
  | { kind: "csv" }
  | { kind: "html" }
  | { kind: "xml2003" }
  | { kind: "notXlsx" }
  | { kind: "corrupt"; part?: string }
  | { kind: "noSheets" }
  /** A sheet the workbook lists cannot be read: refused whole, never a silently missing unit. */
  | { kind: "sheetUnreadable"; sheet: string; problem: SheetProblem }
  | { kind: "tooManyCells"; sheet: string; range: string; cells: number };
