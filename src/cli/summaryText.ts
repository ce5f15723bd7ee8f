/** A short human summary of a build, for the command line and the demo. */
import type { Lang } from "../core/i18n/format";
import { formatNumber, formatPercent } from "../core/i18n/format";
import { LABELS } from "../core/i18n/labels";
import { periodText, samePeriodText } from "../core/i18n/period";
import type { BuildResult } from "../core/pipeline";

export function buildSummaryText(res: BuildResult, lang: Lang): string {
  const lines: string[] = [];
  const vi = lang === "vi";
  const { figures, config } = res;
  const head = config.bloc || (vi ? "Khối thi đua" : "Emulation bloc");
  lines.push(
    figures
      ? vi
        ? `${head} — ${periodText(res.period, figures.year, lang)} (so sánh với ${samePeriodText(res.period, figures.compareYear, lang)}), ${res.roster.length} đơn vị`
        : `${head} — ${periodText(res.period, figures.year, lang)} (against ${samePeriodText(res.period, figures.compareYear, lang)}), ${res.roster.length} units`
      : head,
  );
  if (figures) {
    for (const ind of res.catalog.indicators) {
      if (!ind.required) continue;
      const t = figures.totals.get(ind.code);
      const cur = t?.get(figures.year);
      const prev = t?.get(figures.compareYear);
      const ch = figures.change.get(ind.code);
      const dec = ind.kind === "money" ? 3 : 0;
      const n = (x: number | undefined) => (x === undefined ? "—" : formatNumber(x, lang, { maxDecimals: dec }));
      const unit = vi ? ind.unit : ind.unitEn;
      const pct = ch?.pct === null || ch?.pct === undefined ? "" : `; ${ch.pct >= 0 ? "+" : ""}${formatPercent(ch.pct, lang)}`;
      lines.push(`  ${ind.code.padEnd(6)} ${vi ? ind.name : ind.nameEn}: ${n(cur)} ${unit} (${figures.compareYear}: ${n(prev)}${pct})`);
    }
  }
  lines.push(`${vi ? "Kiểm tra" : "Check"}: ${LABELS[lang].counts(res.errors, res.warnings)}`);
  return lines.join("\n");
}
