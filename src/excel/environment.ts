/**
 * What the add-in asks Office about its surroundings — display language, theme, platform — in one
 * place, for the pane and the ribbon command alike. Safe outside Office (tests, a plain browser).
 */
import type { Lang } from "../core/i18n/format";

function officeContext(): Office.Context | undefined {
  return typeof Office !== "undefined" ? Office.context : undefined;
}

/** Office's display language ("vi-VN", "en-US", …) → ours: Vietnamese for vi*, else English. */
export function langFromLocale(locale: string | null | undefined): Lang {
  return typeof locale === "string" && /^vi(?:[-_]|$)/i.test(locale.trim()) ? "vi" : "en";
}

export function officeLang(): Lang {
  return langFromLocale(officeContext()?.displayLanguage);
}

/** "#1f1f1f" or "#fff" → is it a dark colour (relative luminance below one half)? */
export function isDarkColor(color: string | null | undefined): boolean {
  const m = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i.exec((color ?? "").trim());
  if (!m) return false;
  const hex = m[1].length === 3 ? [...m[1]].map((c) => c + c).join("") : m[1];
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255);
  return 0.2126 * r + 0.7152 * g + 0.0722 * b < 0.5;
}

/** Office's dark themes (Black, Dark Gray): isDarkTheme where the host reports it, else the pane's background. */
export function officeIsDark(): boolean {
  const theme = officeContext()?.officeTheme as (Office.OfficeTheme & { isDarkTheme?: boolean }) | undefined;
  if (!theme) return false;
  if (typeof theme.isDarkTheme === "boolean") return theme.isDarkTheme;
  return isDarkColor(theme.bodyBackgroundColor);
}

/** iPad and Mac desktop, where a download from a task pane is not delivered (or silently dropped). */
export function officeBlocksDownloads(): boolean {
  try {
    const platform = officeContext()?.platform;
    return platform !== undefined && (platform === Office.PlatformType.iOS || platform === Office.PlatformType.Mac);
  } catch {
    return false;
  }
}
