"use client";
// Chooses the interface language. Each language is listed in its own name. The caller persists the
// choice (e.g. a server action setting the TERN_LOCALE cookie, which re-renders the page).
import { useId, useOptimistic, useTransition } from "react";
import { useTranslations } from "next-intl";
import { cn } from "@/components/ui/cn";
import { Select } from "@/components/ui/Select";
import { isLocale, localeNames, locales, type Locale } from "@/server/i18n/config";

export type LocaleSwitcherProps = {
  locale: Locale;
  onChange: (locale: Locale) => void | Promise<void>;
  className?: string;
};

export function LocaleSwitcher({ locale, onChange, className }: LocaleSwitcherProps) {
  const t = useTranslations("nav");
  const id = useId();
  const [selected, setSelected] = useOptimistic(locale);
  const [pending, startTransition] = useTransition();
  return (
    <div className={cn("inline-flex", className)}>
      <label htmlFor={id} className="sr-only">
        {t("language")}
      </label>
      <Select
        id={id}
        value={selected}
        disabled={pending}
        onChange={(event) => {
          const next = event.target.value;
          if (!isLocale(next)) return;
          startTransition(async () => {
            setSelected(next);
            await onChange(next);
          });
        }}
        controlSize="sm"
      >
        {locales.map((code) => (
          <option key={code} value={code} lang={code}>
            {localeNames[code]}
          </option>
        ))}
      </Select>
    </div>
  );
}
