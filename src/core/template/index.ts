/** Templates of new bloc workbooks: what the hosts call. */
export * from "./model";
export { indicatorFormat } from "../sheet/styles";
export { templatePlan, unitSheetTemplate, configSheetTemplate, scoringSheetTemplate, rosterRow, scoringRow, defaultUnits, indicatorValidation, rosterHeaderRow, TEMPLATE_PROTECTION, SPARE_ROSTER_ROWS, CONFIG_LAYOUT, UNIT_LAYOUT, SCORING_LAYOUT, type TemplateOptions, type TemplateUnit, type ScoringColumns, type RosterPlace } from "./build";
export { checkUnits, parseUnitCodes, parseYear, UNIT_CODE_PATTERN, MAX_UNITS, type TemplateProblem } from "./options";
export { planAddUnit, type AddUnitProblem } from "./addUnit";
export { templateSnapshot, templateSheetSnapshot } from "./snapshot";
