// next-intl's per-request configuration (registered in next.config.mjs): no locale in the URL;
// the TERN_LOCALE cookie decides, then the browser's Accept-Language, then English.
import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { LOCALE_COOKIE, resolveLocale } from "./config";
import { messagesFor } from "./messages";

export default getRequestConfig(async () => {
  const [cookieStore, headerStore] = await Promise.all([cookies(), headers()]);
  const locale = resolveLocale({
    cookie: cookieStore.get(LOCALE_COOKIE)?.value,
    acceptLanguage: headerStore.get("accept-language"),
  });
  return {
    locale,
    messages: messagesFor(locale),
    // Server and browser must agree on one zone or rendered times differ between them; operators
    // compare events across clouds and regions, so times are shown in UTC unless a page says otherwise.
    timeZone: "UTC",
  };
});
