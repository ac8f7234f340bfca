"use client";
// Light/dark/system theme (next-themes): puts `dark` on <html>, remembers the choice in localStorage
// and applies it before first paint. The root <html> needs suppressHydrationWarning.
import type { ReactNode } from "react";
import { ThemeProvider as NextThemesProvider } from "next-themes";

// next-themes renders an inline <script> that sets the class before paint; it runs from the server
// HTML. React 19 warns whenever such a script is created on the client (a remount, e.g. on a not-found
// page), where it would never run anyway; a non-JavaScript type there avoids that false alarm.
const scriptProps = typeof window === "undefined" ? undefined : { type: "application/json" };

/** `nonce`: this response's CSP script nonce (from proxy.ts), without which the browser blocks the theme script. */
export function ThemeProvider({ children, nonce }: { children: ReactNode; nonce?: string }) {
  return (
    <NextThemesProvider
      attribute="class"
      defaultTheme="system"
      enableSystem
      disableTransitionOnChange
      storageKey="tern-theme"
      scriptProps={scriptProps}
      {...(nonce ? { nonce } : {})}
    >
      {children}
    </NextThemesProvider>
  );
}
