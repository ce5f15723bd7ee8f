/** The language Office shows, for the pane and the ribbon command alike. Safe outside Office. */
import type { Lang } from "../core/i18n/format";

/** Office's display language ("vi-VN", "en-US", …) → ours: Vietnamese for vi*, else English. */
export function langFromLocale(locale: string | null | undefined): Lang {
  return typeof locale === "string" && /^vi(?:[-_]|$)/i.test(locale.trim()) ? "vi" : "en";
}

export function officeLang(): Lang {
  return langFromLocale(typeof Office !== "undefined" ? Office.context?.displayLanguage : undefined);
}
