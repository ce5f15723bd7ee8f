/** What a plain run says about a build: the totals, the awards, the issues grouped by sheet. */
import { awardText } from "../core/i18n/awards";
import type { Lang } from "../core/i18n/format";
import type { BuildResult } from "../core/pipeline";
import { buildSummaryText } from "./summaryText";
import { issueListing } from "./listing";

export function humanReport(result: BuildResult, lang: Lang, opts: { all: boolean; more: "check" | "all"; color: boolean }): string {
  const names = (codes: string[]) => codes.map((c) => result.roster.find((u) => u.code === c)?.name ?? c).join(", ");
  const lines = [buildSummaryText(result, lang)];
  lines.push(...issueListing(result.issues, { lang, catalog: result.catalog, ...opts }));
  if (result.awards) lines.push(awardText(lang).cliAwards(names(result.awards.flag), names(result.awards.merit), result.awards.ties.length));
  return lines.join("\n");
}
