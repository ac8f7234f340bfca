// Locales Tern speaks, the cookie that remembers the choice, and Accept-Language negotiation.
// Pure data and functions: safe to import from client components, server code and tests.

export const locales = ["en", "zh-CN"] as const;
export type Locale = (typeof locales)[number];

export const defaultLocale: Locale = "en";

export const LOCALE_COOKIE = "TERN_LOCALE";
/** One year: the choice is a preference, not a session. */
export const LOCALE_COOKIE_MAX_AGE = 60 * 60 * 24 * 365;

/**
 * Each language named in itself ("English", "简体中文"), so a reader can find their own language
 * whatever the page is currently shown in; these are deliberately not translated.
 */
export const localeNames: Record<Locale, string> = {
  en: "English",
  "zh-CN": "简体中文",
};

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (locales as readonly string[]).includes(value);
}

/**
 * Picks the best supported locale from an Accept-Language header ("zh-CN,zh;q=0.9,en;q=0.8"):
 * exact tags first, then the same language in another region ("zh-TW" → "zh-CN", "en-GB" → "en"),
 * in the order of the client's q-values. Returns undefined when nothing matches.
 */
export function matchAcceptLanguage(header: string | null | undefined): Locale | undefined {
  if (!header) return undefined;
  const ranges = header
    .split(",")
    .map((part, index) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      const quality = q === undefined ? 1 : Number(q.slice(2));
      return { tag: tag.trim().toLowerCase(), quality: Number.isFinite(quality) ? quality : 0, index };
    })
    .filter((r) => r.tag !== "" && r.tag !== "*" && r.quality > 0)
    .sort((a, b) => b.quality - a.quality || a.index - b.index);

  for (const { tag } of ranges) {
    const exact = locales.find((l) => l.toLowerCase() === tag);
    if (exact) return exact;
    const language = tag.split("-")[0];
    const sameLanguage = locales.find((l) => l.toLowerCase().split("-")[0] === language);
    if (sameLanguage) return sameLanguage;
  }
  return undefined;
}

/** The locale for a request: a valid cookie wins, then Accept-Language, then the default. */
export function resolveLocale(input: { cookie?: string | null; acceptLanguage?: string | null }): Locale {
  if (isLocale(input.cookie)) return input.cookie;
  return matchAcceptLanguage(input.acceptLanguage) ?? defaultLocale;
}
