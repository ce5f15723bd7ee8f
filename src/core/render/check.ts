/** "Kiểm tra": the issue list with links to each cell, the build time, and the input fingerprints. */
import type { Fingerprints } from "../fingerprint";
import type { Lang } from "../i18n/format";
import { labels } from "../i18n/labels";
import { periodText } from "../i18n/period";
import type { Period } from "../period";
import { issueMessage, SEVERITY_LABEL } from "../i18n/messages";
import type { Issue } from "../issues";
import type { Catalog } from "../model";
import { SheetBuilder } from "../sheet/builder";
import type { SheetModel } from "../sheet/model";
import { markerText } from "../marker";

export interface CheckInput {
  bloc: string;
  year: number | null;
  /** The report's period (the year when absent): the title names it. */
  period?: Period;
  issues: readonly Issue[];
  catalog: Catalog;
  lang: Lang;
  builtAt: string;
  builtAtIso: string;
  fingerprints: Fingerprints;
  /** Sheets that exist, so a cell link is only made where it can lead somewhere. */
  existingSheets: ReadonlySet<string>;
  errors: number;
  warnings: number;
  sheetName: string;
  /** Reviewers' notes from the earlier build, by reviewKey(code, sheet, cell). */
  reviews?: ReadonlyMap<string, string>;
  /** "4/6 đơn vị đã xác nhận…", or null when the roster does not track confirmation. */
  confirmation?: string | null;
}

/** Rows of the metadata block, read back by the stale-summary check. */
export const CHECK_META_ROWS = { builtAt: 2, fingerprint: 3, result: 4 } as const;
export const CHECK_TABLE_HEADER_ROW = 6;
/** Columns of the issue table, read back to carry reviewers' notes over to the next build. */
export const CHECK_COLUMNS = { code: 2, sheet: 3, cell: 4, review: 6 } as const;

/** An issue's identity across builds: the same problem at the same cell keeps its reviewer's note. */
export function reviewKey(code: string, sheet: string, cell: string): string {
  return `${code}|${sheet}|${cell}`;
}
export const CHECK_FINGERPRINT_COL = 8;

export function renderCheck(input: CheckInput): SheetModel {
  const L = labels(input.lang);
  const b = new SheetBuilder();
  b.title(0, 0, 7, L.checkTitle(input.bloc, input.year === null ? null : periodText(input.period ?? "year", input.year, input.lang)), "title");
  b.title(1, 0, 7, `${L.generatedNote(input.builtAt)} ${markerText("check")}`, "marker");
  b.text(CHECK_META_ROWS.builtAt, 0, L.builtAt, "textBold");
  b.title(CHECK_META_ROWS.builtAt, 2, 2, input.builtAtIso, "text");
  b.text(CHECK_META_ROWS.fingerprint, 0, L.fingerprint, "textBold");
  b.title(CHECK_META_ROWS.fingerprint, 2, 2, input.fingerprints.overall, "text");
  b.text(CHECK_META_ROWS.result, 0, L.result, "textBold");
  b.title(CHECK_META_ROWS.result, 2, 2, L.counts(input.errors, input.warnings), input.errors ? "error" : input.warnings ? "warning" : "text");

  // The row between the metadata and the table: which units confirmed their figures.
  if (input.confirmation) b.title(CHECK_TABLE_HEADER_ROW - 1, 0, 6, input.confirmation, "text");

  const H = CHECK_TABLE_HEADER_ROW;
  [L.stt, L.severity, L.issueCode, L.sheet, L.cell, L.message, L.review].forEach((t, c) => b.text(H, c, t, "header"));
  let r = H + 1;
  if (!input.issues.length) b.title(r, 0, 7, L.noIssues, "text");
  input.issues.forEach((i, k) => {
    b.set(r, 0, { value: k + 1, style: "text", format: "0" });
    b.text(r, 1, SEVERITY_LABEL[input.lang][i.severity], i.severity === "error" ? "error" : "warning");
    b.text(r, 2, i.code);
    b.text(r, 3, i.sheet);
    if (input.existingSheets.has(i.sheet)) b.set(r, 4, { value: i.cell, style: "link", link: { sheet: i.sheet, cell: i.cell } });
    else b.text(r, 4, i.cell);
    b.text(r, 5, issueMessage(i, input.lang, input.catalog));
    const note = input.reviews?.get(reviewKey(i.code, i.sheet, i.cell));
    b.set(r, CHECK_COLUMNS.review, note ? { value: note, style: "review" } : { style: "review" });
    r++;
  });

  // Each source sheet's fingerprint, beside the table, for "which sheets changed since the build".
  const F = CHECK_FINGERPRINT_COL;
  b.text(H, F, L.sheet, "header");
  b.text(H, F + 1, L.sheetFingerprints, "header");
  input.fingerprints.sheets.forEach((s, k) => {
    b.text(H + 1 + k, F, s.name);
    b.text(H + 1 + k, F + 1, s.hash);
  });

  return b.build(input.sheetName, "check", {
    columnWidths: [6, 11, 26, 18, 8, 90, 30, 3, 24, 22],
    freeze: { rows: H + 1, cols: 0 },
    print: { orientation: "landscape", fitToWidth: true },
    charts: [],
    tabColor: input.errors ? "C00000" : "548235",
  });
}
