// The root layout: fonts, theme, translations, the tRPC client and toasts for every page.
import type { Metadata } from "next";
import type { ReactNode } from "react";
import { NextIntlClientProvider } from "next-intl";
import { headers } from "next/headers";
import { getLocale } from "next-intl/server";
import { fontVariables } from "@/components/ui/fonts";
import { Toaster } from "@/components/ui/Toaster";
import { ThemeProvider } from "@/components/shell/ThemeProvider";
import { TRPCReactProvider } from "@/components/trpc/client";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Tern", template: "%s · Tern" },
  description: "Run AI models on several clouds and move them safely.",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  const locale = await getLocale();
  // proxy.ts gives each response a CSP nonce; the theme's inline script needs it to run.
  const nonce = (await headers()).get("x-nonce") ?? undefined;
  return (
    <html lang={locale} suppressHydrationWarning className={fontVariables}>
      <body className="bg-background font-sans text-foreground antialiased">
        <ThemeProvider nonce={nonce}>
          <NextIntlClientProvider>
            <TRPCReactProvider>
              {children}
              <Toaster />
            </TRPCReactProvider>
          </NextIntlClientProvider>
        </ThemeProvider>
      </body>
    </html>
  );
}
