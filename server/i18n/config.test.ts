// Locale choice: cookie first, then Accept-Language (by q-value, region-tolerant), then English.
import { describe, expect, it } from "vitest";
import { matchAcceptLanguage, resolveLocale } from "./config";

describe("matchAcceptLanguage", () => {
  it.each([
    ["zh-CN,zh;q=0.9,en;q=0.8", "zh-CN"],
    ["en-US,en;q=0.9,zh-CN;q=0.8", "en"],
    ["fr-FR,zh;q=0.5", "zh-CN"],
    ["zh-TW", "zh-CN"],
    ["en-GB", "en"],
    ["de;q=1, zh-cn;q=0.2, en;q=0.1", "zh-CN"],
    ["en;q=0.1, zh-CN;q=0.9", "zh-CN"],
  ])("%s → %s", (header, locale) => {
    expect(matchAcceptLanguage(header)).toBe(locale);
  });

  it.each([[""], [null], ["*"], ["fr, de"], ["zh;q=0"]])("%s matches nothing", (header) => {
    expect(matchAcceptLanguage(header)).toBeUndefined();
  });
});

describe("resolveLocale", () => {
  it("prefers a valid cookie over the header", () => {
    expect(resolveLocale({ cookie: "zh-CN", acceptLanguage: "en" })).toBe("zh-CN");
  });
  it("ignores an unknown cookie value", () => {
    expect(resolveLocale({ cookie: "xx", acceptLanguage: "zh" })).toBe("zh-CN");
  });
  it("falls back to English", () => {
    expect(resolveLocale({ cookie: undefined, acceptLanguage: "fr" })).toBe("en");
    expect(resolveLocale({})).toBe("en");
  });
});
