"use client";
// Shows a migration's step message or outcome in the reader's language: the server writes English from the
// templates in server/domain/migration-messages; text that is not one of them is shown as written.
import { useTranslations } from "next-intl";
import { NESTED_MESSAGE_PARAMS, parseMigrationMessage } from "@/server/domain/migration-messages";

export function useMigrationMessage(): (text: string) => string {
  const t = useTranslations("migrationMessages");
  const localize = (text: string, depth = 0): string => {
    const parsed = depth < 4 ? parseMigrationMessage(text) : null;
    if (!parsed) return text;
    const values = Object.fromEntries(
      Object.entries(parsed.params).map(([k, v]) => [k, NESTED_MESSAGE_PARAMS.has(k) ? localize(v, depth + 1) : v]),
    );
    return t(parsed.key, values);
  };
  return (text) => localize(text);
}
