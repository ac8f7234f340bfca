"use client";
// Light / dark / system, as a group of native radio buttons (arrow keys move between them),
// drawn as a compact segmented control of icons with their names for screen readers and on hover.
import { useId, useSyncExternalStore } from "react";
import { useTheme } from "next-themes";
import { useTranslations } from "next-intl";
import { cn } from "@/components/ui/cn";
import { Icon, type IconName } from "@/components/ui/Icon";

const options: readonly { value: "light" | "dark" | "system"; icon: IconName }[] = [
  { value: "light", icon: "sun" },
  { value: "dark", icon: "moon" },
  { value: "system", icon: "monitor" },
];

const subscribeNever = () => () => {};

export type ThemeToggleProps = { className?: string };

export function ThemeToggle({ className }: ThemeToggleProps) {
  const t = useTranslations("nav");
  const { theme, setTheme } = useTheme();
  const name = useId();
  // The stored theme is known only in the browser; render nothing as checked until hydrated.
  const hydrated = useSyncExternalStore(
    subscribeNever,
    () => true,
    () => false,
  );

  return (
    <fieldset className={cn("inline-flex items-center rounded-md border border-border bg-surface p-0.5", className)}>
      <legend className="sr-only">{t("theme")}</legend>
      {options.map((option) => (
        <label
          key={option.value}
          title={t(option.value)}
          className={cn(
            "inline-flex size-7 cursor-pointer items-center justify-center rounded text-muted-foreground transition-colors hover:text-foreground",
            "has-[:checked]:bg-muted has-[:checked]:text-foreground",
            "has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-ring",
          )}
        >
          <input
            type="radio"
            name={name}
            value={option.value}
            checked={hydrated && theme === option.value}
            onChange={() => setTheme(option.value)}
            className="sr-only"
          />
          <Icon name={option.icon} />
          <span className="sr-only">{t(option.value)}</span>
        </label>
      ))}
    </fieldset>
  );
}
