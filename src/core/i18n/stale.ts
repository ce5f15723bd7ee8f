/** "Summary out of date" in words, Vietnamese and English: the command line and the task pane say the same. */
import type { Staleness } from "../fingerprint";
import { formatDateTime, type Lang } from "./format";

const list = (names: readonly string[]) => names.map((n) => `"${n}"`).join(", ");

export const STALE_TEXT = {
  vi: {
    none: 'Chưa có bảng tổng hợp nào trong sổ (chưa chạy "Tổng hợp Khối").',
    fresh: (at: string) => `Bảng tổng hợp còn khớp với số liệu nguồn (tạo lúc ${at}).`,
    stale: (at: string) => `Bảng tổng hợp đã CŨ: số liệu nguồn đã thay đổi sau lần tổng hợp lúc ${at}. Hãy chạy lại "Tổng hợp Khối".`,
    changed: (names: readonly string[]) => `  Sheet đã thay đổi: ${list(names)}`,
    added: (names: readonly string[]) => `  Sheet mới được đọc: ${list(names)}`,
    removed: (names: readonly string[]) => `  Sheet không còn được đọc: ${list(names)}`,
    unknownTime: "không rõ",
    cliNone: "Chưa có bảng tổng hợp nào trong sổ (chưa chạy lệnh build).",
    cliStale: (at: string) => `Bảng tổng hợp đã CŨ: số liệu nguồn đã thay đổi sau lần tổng hợp lúc ${at}. Hãy chạy lại lệnh build.`,
  },
  en: {
    none: 'The workbook holds no summary yet ("Build bloc summary" has not been run).',
    fresh: (at: string) => `The summary matches the source data (built at ${at}).`,
    stale: (at: string) => `The summary is OUT OF DATE: the source data changed after the build at ${at}. Run "Build bloc summary" again.`,
    changed: (names: readonly string[]) => `  Sheets changed: ${list(names)}`,
    added: (names: readonly string[]) => `  Sheets newly read: ${list(names)}`,
    removed: (names: readonly string[]) => `  Sheets no longer read: ${list(names)}`,
    unknownTime: "unknown",
    cliNone: "The workbook holds no summary yet (the build command has not been run).",
    cliStale: (at: string) => `The summary is OUT OF DATE: the source data changed after the build at ${at}. Run the build command again.`,
  },
} satisfies Record<Lang, unknown>;

/**
 * One line, or a headline and one line per kind of change.
 * @param where "cli": the command line names its build command instead of the pane's button.
 */
export function staleText(s: Staleness | null, lang: Lang, utcOffsetMinutes = 0, where: "pane" | "cli" = "pane"): string {
  const T = STALE_TEXT[lang];
  if (!s) return where === "cli" ? T.cliNone : T.none;
  const at = s.builtAt && !Number.isNaN(Date.parse(s.builtAt)) ? formatDateTime(s.builtAt, utcOffsetMinutes) : T.unknownTime;
  if (!s.stale) return T.fresh(at);
  const lines = [where === "cli" ? T.cliStale(at) : T.stale(at)];
  if (s.changed.length) lines.push(T.changed(s.changed));
  if (s.added.length) lines.push(T.added(s.added));
  if (s.removed.length) lines.push(T.removed(s.removed));
  return lines.join("\n");
}
