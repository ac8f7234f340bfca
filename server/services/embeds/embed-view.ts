// How a wiki asks for a chart to look: size, theme, time zone and language from the query string. Bad values
// fall back to defaults instead of failing, since a broken image in a wiki explains nothing.
import { safeTimeZone } from "../../embeds/chart-scale";
import { isLocale, matchAcceptLanguage, defaultLocale, type Locale } from "../../i18n/config";
import { DEFAULT_EMBED_SIZE } from "../../validation/embed";

export interface EmbedView {
  width: number;
  height: number;
  theme: "light" | "dark";
  timeZone: string;
  locale: Locale;
}

function intIn(raw: string | null, lo: number, hi: number, fallback: number): number {
  if (raw === null || !/^\d{1,5}$/.test(raw)) return fallback;
  const n = Number(raw);
  return n >= lo && n <= hi ? n : fallback;
}

export function parseEmbedView(url: URL, acceptLanguage: string | null): EmbedView {
  const q = url.searchParams;
  const lang = q.get("lang");
  return {
    width: intIn(q.get("w"), 200, 2000, DEFAULT_EMBED_SIZE.width),
    height: intIn(q.get("h"), 120, 1200, DEFAULT_EMBED_SIZE.height),
    theme: q.get("theme") === "dark" ? "dark" : "light",
    timeZone: safeTimeZone(q.get("tz")?.slice(0, 64) || undefined),
    locale: isLocale(lang) ? lang : (matchAcceptLanguage(acceptLanguage) ?? defaultLocale),
  };
}

/** The query string that asks the image endpoint for the same view (language does not change an image). */
export function viewQuery(v: EmbedView): string {
  const q = new URLSearchParams({ w: String(v.width), h: String(v.height) });
  if (v.theme !== "light") q.set("theme", v.theme);
  if (v.timeZone !== "UTC") q.set("tz", v.timeZone);
  return q.toString();
}
