/** Shared helpers of the core tests: build a bloc, look at its issues. */
import type { Lang } from "../../../src/core/i18n/format";
import type { Issue } from "../../../src/core/issues";
import { buildBloc, type BuildResult } from "../../../src/core/pipeline";
import type { WorkbookSnapshot } from "../../../src/core/snapshot";
import { BlocBuilder } from "../../support/snapshots";

export const NOW = "2031-12-15T03:00:00.000Z";

export function run(wb: WorkbookSnapshot | BlocBuilder, lang: Lang = "vi"): BuildResult {
  return buildBloc(wb instanceof BlocBuilder ? wb.build() : wb, { lang, now: NOW, utcOffsetMinutes: 420 });
}

/** code@sheet!cell (severity): a compact, readable form for comparing issue lists. */
export function brief(i: Pick<Issue, "code" | "sheet" | "cell" | "severity">): string {
  return `${i.code}@${i.sheet}!${i.cell} (${i.severity})`;
}

export function briefs(res: BuildResult): string[] {
  return res.issues.map(brief);
}

/** Vietnamese number text as a person types it: "1.234,56". */
export function viText(n: number): string {
  return new Intl.NumberFormat("vi-VN", { maximumFractionDigits: 3 }).format(n);
}

/** English number text: "1,234.56". */
export function enText(n: number): string {
  return new Intl.NumberFormat("en-US", { maximumFractionDigits: 3 }).format(n);
}
