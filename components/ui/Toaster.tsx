"use client";
// The one place toasts appear (sonner), following the app theme and tokens. Render it once, inside
// ThemeProvider and NextIntlClientProvider; then call `toast.success(...)` from "sonner" anywhere.
import type { CSSProperties } from "react";
import { Toaster as Sonner } from "sonner";
import { useTheme } from "next-themes";
import { useTranslations } from "next-intl";

const tokens = {
  "--normal-bg": "var(--color-surface)",
  "--normal-text": "var(--color-foreground)",
  "--normal-border": "var(--color-border)",
} as CSSProperties;

export function Toaster() {
  const { theme } = useTheme();
  const t = useTranslations("common");
  return (
    <Sonner
      theme={theme === "light" || theme === "dark" ? theme : "system"}
      position="bottom-right"
      closeButton
      containerAriaLabel={t("notifications")}
      style={tokens}
      toastOptions={{ closeButtonAriaLabel: t("close"), classNames: { toast: "font-sans text-sm shadow-lg" } }}
    />
  );
}
