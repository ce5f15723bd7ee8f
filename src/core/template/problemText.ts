/** Template and add-unit problems in words: one mapping the command line and the pane share. */
import type { TemplateProblemTexts } from "../i18n/template";
import type { UiTexts } from "../i18n/ui";
import type { AddUnitProblem } from "./addUnit";
import type { TemplateProblem } from "./options";

/** A template problem in the given texts: one mapping for the command line and the pane. */
export function templateProblemMessage(T: TemplateProblemTexts, p: TemplateProblem): string {
  switch (p.kind) {
    case "badYear":
      return T.badYear(p.text);
    case "noUnits":
      return T.noUnits;
    case "tooManyUnits":
      return T.tooManyUnits(p.count, p.max);
    case "badCode":
      return T.badCode(p.code);
    case "duplicateCode":
      return T.duplicateCode(p.code);
    case "reservedCode":
      return T.reservedCode(p.code);
  }
}

/** A template or add-unit problem in the pane's words. */
export function templateProblemText(t: UiTexts, p: AddUnitProblem): string {
  const P = t.problems;
  switch (p.kind) {
    case "noConfig":
      return P.noConfig;
    case "noYear":
      return P.noYear;
    case "noRoster":
      return P.noRoster;
    case "codeTaken":
      return P.codeTaken(p.code);
    case "sheetTaken":
      return P.sheetTaken(p.sheet);
    case "rosterBlocked":
      return P.rosterBlocked(p.sheet, p.row + 1);
    default:
      return templateProblemMessage(P, p);
  }
}
