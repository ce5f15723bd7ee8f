/**
 * The issues of plain `validate` / `build`, grouped by sheet: the first ones (errors before
 * warnings), then how many more and where to see them all. Coloured only when asked (a terminal).
 */
import { CLI_TEXT } from "../core/i18n/cli";
import type { Lang } from "../core/i18n/format";
import { issueMessage, SEVERITY_LABEL } from "../core/i18n/messages";
import type { Issue } from "../core/issues";
import type { Catalog } from "../core/model";

/** How many issues a plain run lists before "… and n more". */
export const LISTED_ISSUES = 20;

const SGR = { bold: "1", red: "31", yellow: "33", dim: "2" } as const;

/** Colour for a terminal only, and never when NO_COLOR is set to anything but "" (https://no-color.org). */
export function colorWanted(isTTY: boolean | undefined, env: Record<string, string | undefined>): boolean {
  return isTTY === true && !env.NO_COLOR;
}

export function paint(on: boolean, style: keyof typeof SGR, s: string): string {
  return on ? `\x1b[${SGR[style]}m${s}\x1b[0m` : s;
}

/**
 * @param more where the rest is: "check" (a "Kiểm tra" sheet was written) or "all" (run with --all).
 * @returns the lines to print; none when there is no issue.
 */
export function issueListing(issues: readonly Issue[], opts: { lang: Lang; catalog?: Catalog; all: boolean; more: "check" | "all"; color: boolean }): string[] {
  const { lang, color } = opts;
  const T = CLI_TEXT[lang];
  const ranked = [...issues.filter((i) => i.severity === "error"), ...issues.filter((i) => i.severity !== "error")];
  const shown = opts.all ? ranked : ranked.slice(0, LISTED_ISSUES);
  const bySheet = new Map<string, Issue[]>();
  for (const i of shown) bySheet.set(i.sheet, [...(bySheet.get(i.sheet) ?? []), i]);
  const labelWidth = Math.max(...Object.values(SEVERITY_LABEL[lang]).map((l) => l.length));
  const lines: string[] = [];
  for (const [sheet, list] of bySheet) {
    lines.push(`  ${paint(color, "bold", sheet)}`);
    const cellWidth = Math.max(...list.map((i) => i.cell.length));
    const codeWidth = Math.max(...list.map((i) => i.code.length));
    for (const i of list) {
      const label = SEVERITY_LABEL[lang][i.severity].padEnd(labelWidth);
      const severity = paint(color, i.severity === "error" ? "red" : "yellow", label);
      lines.push(`    ${i.cell.padEnd(cellWidth)}  ${severity}  ${paint(color, "dim", i.code.padEnd(codeWidth))}  ${issueMessage(i, lang, opts.catalog, "cli")}`);
    }
  }
  const rest = ranked.length - shown.length;
  if (rest > 0) lines.push(T.listMore(rest) + (opts.more === "check" ? T.listSeeCheck : T.listSeeAll));
  return lines;
}
