/** What a plain run says about a build: the totals, the awards, the issues grouped by sheet. */
import { awardText } from "../core/i18n/awards";
import type { Lang } from "../core/i18n/format";
import type { BuildResult } from "../core/pipeline";
import { buildSummaryText } from "./summaryText";
import { issueListing } from "./listing";
import { CLI_TEXT } from "../core/i18n/cli";
import { formatNumber } from "../core/i18n/format";
import { labels } from "../core/i18n/labels";
import { confirmationSummary } from "../core/read/confirmation";

/** Changes listed before "…": the change log sheet has them all. */
const CHANGES_SHOWN = 10;

/** Shared review: who confirmed, and what changed since the last build (SPEC §10). */
function reviewLines(result: BuildResult, lang: Lang, all: boolean): string[] {
  const T = CLI_TEXT[lang];
  const out: string[] = [];
  const c = confirmationSummary(result.roster);
  if (c.tracked)
    out.push(
      labels(lang).confirmation(
        c.confirmed,
        c.total,
        c.unconfirmed.map((u) => u.code),
      ),
    );
  if (result.previousBuildAt === null) return out;
  out.push(T.changes(result.changes.length));
  const num = (v: number | null) => (v === null ? T.changeNone : formatNumber(v, lang, { maxDecimals: 3 }));
  const shown = all ? result.changes : result.changes.slice(0, CHANGES_SHOWN);
  for (const ch of shown) out.push(T.change(ch.unit, ch.sheet, ch.cell, ch.indicator, ch.year, num(ch.before), num(ch.after)));
  if (shown.length < result.changes.length) out.push("  …");
  return out;
}

export function humanReport(result: BuildResult, lang: Lang, opts: { all: boolean; more: "check" | "all"; color: boolean }): string {
  const names = (codes: string[]) => codes.map((c) => result.roster.find((u) => u.code === c)?.name ?? c).join(", ");
  const lines = [buildSummaryText(result, lang)];
  lines.push(...reviewLines(result, lang, opts.all));
  lines.push(...issueListing(result.issues, { lang, catalog: result.catalog, ...opts }));
  if (result.awards) lines.push(awardText(lang).cliAwards(names(result.awards.flag), names(result.awards.merit), result.awards.ties.length));
  return lines.join("\n");
}
