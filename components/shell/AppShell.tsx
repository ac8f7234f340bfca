"use client";
// The signed-in frame: a fixed sidebar on wide screens (a menu button and a drawer on narrow ones),
// a top bar for the team, language, theme and account controls, and the page in <main>.
// Data-free: the layout passes the Sidebar and top-bar controls in, with their data and callbacks.
//   <AppShell sidebar={<Sidebar items={…} header={<TeamSwitcher … />} />}
//             topBar={<><LocaleSwitcher … /><ThemeToggle /><UserMenu … /></>}>
//     {children}
//   </AppShell>
import { useEffect, useId, useState, type ReactNode } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/Button";
import { Icon } from "@/components/ui/Icon";
import { MobileNavDrawer } from "./MobileNavDrawer";

export type AppShellProps = {
  sidebar: ReactNode;
  /** Controls at the right of the top bar. */
  topBar?: ReactNode;
  children: ReactNode;
};

const MAIN_CONTENT_ID = "main-content";

export function AppShell({ sidebar, topBar, children }: AppShellProps) {
  const t = useTranslations("shell");
  const [menuOpen, setMenuOpen] = useState(false);
  const drawerId = useId();

  // Widening the window past the breakpoint shows the fixed sidebar; drop the modal drawer.
  useEffect(() => {
    if (!menuOpen) return;
    const wide = window.matchMedia("(min-width: 64rem)");
    const onChange = () => {
      if (wide.matches) setMenuOpen(false);
    };
    onChange();
    wide.addEventListener("change", onChange);
    return () => wide.removeEventListener("change", onChange);
  }, [menuOpen]);

  return (
    <div className="min-h-dvh bg-background">
      <a
        href={`#${MAIN_CONTENT_ID}`}
        className="sr-only rounded-md bg-surface px-3 py-2 text-sm font-medium text-foreground shadow-lg focus:not-sr-only focus:fixed focus:top-3 focus:left-3 focus:z-50 focus:outline-2 focus:outline-ring"
      >
        {t("skipToContent")}
      </a>

      <div className="fixed inset-y-0 left-0 z-30 hidden w-60 border-r border-border bg-surface lg:block">
        {sidebar}
      </div>
      <MobileNavDrawer id={drawerId} open={menuOpen} onClose={() => setMenuOpen(false)}>
        {sidebar}
      </MobileNavDrawer>

      <div className="flex min-h-dvh flex-col lg:pl-60">
        <header className="sticky top-0 z-20 flex h-14 shrink-0 items-center gap-3 border-b border-border bg-surface/85 px-4 backdrop-blur supports-[backdrop-filter]:bg-surface/70 sm:px-6">
          <Button
            variant="ghost"
            size="icon"
            aria-label={t("openMenu")}
            aria-haspopup="dialog"
            aria-expanded={menuOpen}
            aria-controls={drawerId}
            onClick={() => setMenuOpen(true)}
            className="-ml-2 lg:hidden"
          >
            <Icon name="menu" className="size-5" />
          </Button>
          <span className="text-sm font-semibold lg:hidden">{t("brand")}</span>
          <div className="ml-auto flex items-center gap-2 sm:gap-3">{topBar}</div>
        </header>
        <main id={MAIN_CONTENT_ID} tabIndex={-1} className="flex-1 px-4 py-6 outline-none sm:px-6 lg:px-8 lg:py-8">
          <div className="mx-auto w-full max-w-7xl">{children}</div>
        </main>
      </div>
    </div>
  );
}
