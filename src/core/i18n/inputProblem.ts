/**
 * A refused workbook file worded for the user (the command line and the pane alike): what it is,
 * and how to save it as .xlsx. The words are those of the command line's table.
 */
import type { InputProblem, SheetProblem } from "../inputProblem";
import { MAX_WORKBOOK_CELLS } from "../snapshot";
import { CLI_TEXT } from "./cli";
import { formatNumber, type Lang } from "./format";

export function inputProblemText(lang: Lang, file: string, p: InputProblem): string {
  const T = CLI_TEXT[lang];
  switch (p.kind) {
    case "notFound":
      return T.notFound(file);
    case "notAFile":
      return T.notAFile(file);
    case "empty":
      return T.empty(file);
    case "tooBig":
      return T.tooBig(file, p.mb);
    case "tooBigUnzipped":
      return T.tooBigUnzipped(file, p.mb);
    case "encrypted":
      return T.encrypted(file);
    case "xls":
    case "ods":
      return T[p.kind](file, p.noConverter === true);
    case "convertFailed":
      return T.convertFailed(file, p.format, p.detail);
    case "csv":
    case "html":
    case "xml2003":
      return T[p.kind](file);
    case "notXlsx":
      return T.notXlsx(file);
    case "corrupt":
      return p.part ? T.corruptPart(file, p.part) : T.corrupt(file);
    case "noSheets":
      return T.noSheets(file);
    case "sheetUnreadable":
      return T.sheetUnreadable(file, p.sheet, sheetProblemText(T, p.problem));
    case "tooManyCells":
      return T.tooManyCells(p.sheet, p.range, formatNumber(p.cells, lang), formatNumber(MAX_WORKBOOK_CELLS, lang));
  }
}

function sheetProblemText(T: (typeof CLI_TEXT)[Lang], p: SheetProblem): string {
  switch (p.reason) {
    case "noPart":
      return T.sheetNoPart;
    case "missingPart":
      return T.sheetMissingPart(p.part);
    case "damaged":
      return T.sheetDamaged(p.part, p.detail);
    case "notWorksheet":
      return T.sheetNotWorksheet(p.part, p.root);
    case "missingString":
      return T.sheetMissingString(p.cell, p.index);
  }
}
