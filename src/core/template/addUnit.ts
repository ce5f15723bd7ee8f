/**
 * "Thêm sheet đơn vị" / "Add unit sheet" on an existing bloc workbook: from its snapshot, the unit
 * sheet to add and the cells that append the unit to the roster and to the scoring sheet. Pure: the
 * host only applies the result.
 */
import type { Lang } from "../i18n/format";
import { findConfigSheet, readConfig, ROSTER_COLUMNS } from "../read/config";
import { findHeader, isBlank } from "../grid";
import { findScoringSheet, readScores, SCORE_COLUMNS } from "../read/scores";
import { inferYear } from "../read/units";
import type { RosterUnit } from "../model";
import { cellAt, sheetBounds, type SheetSnapshot, type WorkbookSnapshot } from "../snapshot";
import { label } from "../text";
import { rosterRow, scoringRow, unitSheetTemplate, type RosterPlace, type ScoringColumns } from "./build";
import type { TemplateUnit } from "./unit";
import type { TemplateWrite, UnitAdditionPlan } from "./model";
import { checkUnits, type TemplateProblem } from "./options";

export type AddUnitProblem =
  | TemplateProblem
  | { kind: "noConfig" }
  | { kind: "noYear" }
  | { kind: "noRoster" }
  | { kind: "codeTaken"; code: string }
  | { kind: "sheetTaken"; sheet: string }
  /** The row under the roster is not free: the host must insert a row first (or the user). */
  | { kind: "rosterBlocked"; sheet: string; row: number };

/** Appends a unit row to the scoring sheet as the awards reader sees it (criteria, maximum row). */
function scoringAppend(
  wb: WorkbookSnapshot,
  sheet: SheetSnapshot,
  roster: readonly RosterUnit[],
  lang: Lang,
  place: RosterPlace,
  unit: TemplateUnit,
): TemplateWrite[] | { row: number } {
  const header = findHeader(sheet, SCORE_COLUMNS, ["code"]);
  const read = readScores(wb, roster).scores;
  if (!header || !read) return [];
  const b = sheetBounds(sheet);
  const codeCol = header.cols.code!;
  const cols: ScoringColumns = {
    // SPEC §3.3: without a "Điểm tối đa" row, the row under the header.
    maxRow: read.maxRow ?? header.row + 1,
    code: codeCol,
    name: header.cols.name,
    criteria: read.criteria.map((c) => ({ col: c.col, name: c.name })),
    bonus: header.cols.bonus,
    penalty: header.cols.penalty,
    flagVotes: header.cols.flagVotes,
    meritVotes: header.cols.meritVotes,
  };
  let width = 0;
  for (let c = b.left; c < b.right; c++) if (!isBlank(cellAt(sheet, header.row, c))) width = c + 1;
  let last = header.row;
  for (let r = header.row + 1; r < b.bottom; r++) if (!isBlank(cellAt(sheet, r, codeCol))) last = r;
  const row = last + 1;
  for (let c = b.left; c < b.right; c++) if (!isBlank(cellAt(sheet, row, c))) return { row };
  const writes: TemplateWrite[] = [];
  scoringRow(lang, place, unit, cols, width).forEach((cell, col) => cell && writes.push({ sheet: sheet.name, row, col, cell }));
  return writes;
}

export function planAddUnit(wb: WorkbookSnapshot, unit: TemplateUnit, lang: Lang): { plan: UnitAdditionPlan; problems: [] } | { plan: null; problems: AddUnitProblem[] } {
  const fail = (...problems: AddUnitProblem[]) => ({ plan: null, problems });
  const unitProblems = checkUnits([unit]);
  if (unitProblems.length) return fail(...unitProblems);
  const configSheet = findConfigSheet(wb);
  if (!configSheet) return fail({ kind: "noConfig" });
  const read = readConfig(wb);
  const year = read.config.year ?? inferYear(wb);
  if (year === null) return fail({ kind: "noYear" });
  const compareYear = read.config.compareYear ?? year - 1;
  const sheetName = unit.sheetName ?? unit.code;
  if (read.roster.some((u) => label(u.code) === label(unit.code))) return fail({ kind: "codeTaken", code: unit.code });
  if (wb.sheets.some((s) => label(s.name) === label(sheetName))) return fail({ kind: "sheetTaken", sheet: sheetName });

  const header = findHeader(configSheet, ROSTER_COLUMNS, ["code", "name"]);
  if (!header) return fail({ kind: "noRoster" });
  const codeCol = header.cols.code!;
  const nameCol = header.cols.name!;
  const sheetCol = header.cols.sheet;
  let row = header.row + 1;
  while (!isBlank(cellAt(configSheet, row, codeCol)) || !isBlank(cellAt(configSheet, row, nameCol))) row++;
  if (sheetCol !== undefined && !isBlank(cellAt(configSheet, row, sheetCol))) return fail({ kind: "rosterBlocked", sheet: configSheet.name, row });
  const [codeCell, nameCell, sheetCell, confirmCell] = rosterRow({ ...unit, sheetName }, lang);
  const writes: TemplateWrite[] = [
    { sheet: configSheet.name, row, col: codeCol, cell: codeCell },
    { sheet: configSheet.name, row, col: nameCol, cell: nameCell },
  ];
  if (sheetCol !== undefined) writes.push({ sheet: configSheet.name, row, col: sheetCol, cell: sheetCell });
  if (header.cols.confirmed !== undefined) writes.push({ sheet: configSheet.name, row, col: header.cols.confirmed, cell: confirmCell });
  else if (sheetName !== unit.code) return fail({ kind: "noRoster" });

  const scoring = findScoringSheet(wb);
  if (scoring) {
    const more = scoringAppend(wb, scoring, read.roster, lang, { sheet: configSheet.name, row, codeCol, nameCol }, unit);
    if (!Array.isArray(more)) return fail({ kind: "rosterBlocked", sheet: scoring.name, row: more.row });
    writes.push(...more);
  }
  return { plan: { sheet: unitSheetTemplate({ ...unit, sheetName }, year, read.catalog.indicators, lang, compareYear), writes }, problems: [] };
}
