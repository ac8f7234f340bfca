// The public embed pages' few words, in the viewer's language (the `embeds.public` messages).
import { createTranslator } from "next-intl";
import type { Locale } from "../../i18n/config";
import { messagesFor } from "../../i18n/messages";

export function embedText(locale: Locale) {
  return createTranslator({ locale, messages: messagesFor(locale), namespace: "embeds.public" });
}
