"use client";
// The main navigation: brand, an optional header slot (TeamSwitcher), the nav links grouped by
// section, and an optional footer slot. Shows only the `items` it is given, in catalogue order.
import { useId, type ReactNode } from "react";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";
import { cn } from "@/components/ui/cn";
import { focusRing } from "@/components/ui/styles";
import { activeNavItem, navItems, type NavItemKey, type NavSection } from "./nav-items";

export type SidebarProps = {
  /** Which items this user may see, e.g. without "audit" and "members" below admin. */
  items: readonly NavItemKey[];
  /** Small counts beside an item, e.g. { approvals: 3 } pending approvals. */
  counts?: Partial<Record<NavItemKey, number>>;
  header?: ReactNode;
  footer?: ReactNode;
  className?: string;
};

const sections: NavSection[] = ["inventory", "operations", "administration"];

export function Sidebar({ items, counts, header, footer, className }: SidebarProps) {
  const t = useTranslations("nav");
  const tShell = useTranslations("shell");
  const pathname = usePathname();
  const idPrefix = useId();
  const active = activeNavItem(pathname, items);
  const visible = navItems.filter((item) => items.includes(item.key));
  const ungrouped = visible.filter((item) => !("section" in item));

  const link = (item: (typeof navItems)[number]) => {
    const isActive = item.key === active;
    const count = counts?.[item.key];
    return (
      <li key={item.key}>
        <Link
          href={item.href}
          aria-current={isActive ? "page" : undefined}
          className={cn(
            "flex h-8 items-center gap-2 rounded-md px-2 text-sm transition-colors",
            isActive
              ? "bg-muted font-medium text-foreground"
              : "text-muted-foreground hover:bg-muted/60 hover:text-foreground",
            focusRing,
          )}
        >
          <span className="min-w-0 flex-1 truncate">{t(item.key)}</span>
          {count !== undefined && count > 0 && (
            <span className="rounded-full bg-primary/10 px-1.5 text-xs font-medium text-primary tabular-nums">
              <span aria-hidden="true">{count}</span>
              <span className="sr-only">{t("pendingCount", { count })}</span>
            </span>
          )}
        </Link>
      </li>
    );
  };

  return (
    <div className={cn("flex h-full min-h-0 flex-col", className)}>
      <div className="flex h-14 shrink-0 items-center px-4">
        <Link
          href="/"
          aria-label={tShell("home")}
          className={cn("flex items-center gap-2 rounded-md text-foreground", focusRing)}
        >
          <svg viewBox="0 0 24 24" aria-hidden="true" className="size-6 text-primary" fill="none">
            <rect width="24" height="24" rx="6" fill="currentColor" />
            <path
              d="M5 10.5c2.6-.2 4.9 1.1 7 4 2.1-2.9 4.4-4.2 7-4"
              stroke="white"
              strokeWidth="2"
              strokeLinecap="round"
              strokeLinejoin="round"
            />
          </svg>
          <span className="text-[15px] font-semibold tracking-tight">{tShell("brand")}</span>
        </Link>
      </div>
      {header && <div className="shrink-0 px-3 pb-4">{header}</div>}
      <nav aria-label={t("main")} className="min-h-0 flex-1 overflow-y-auto px-3 pb-4">
        {ungrouped.length > 0 && <ul className="space-y-0.5">{ungrouped.map(link)}</ul>}
        {sections.map((section) => {
          const inSection = visible.filter((item) => "section" in item && item.section === section);
          if (inSection.length === 0) return null;
          const headingId = `${idPrefix}-${section}`;
          return (
            <div key={section} className="mt-5">
              <h2 id={headingId} className="px-2 pb-1.5 text-xs font-medium text-muted-foreground">
                {t(`sections.${section}`)}
              </h2>
              <ul aria-labelledby={headingId} className="space-y-0.5">
                {inSection.map(link)}
              </ul>
            </div>
          );
        })}
      </nav>
      {footer && <div className="shrink-0 border-t border-border p-3">{footer}</div>}
    </div>
  );
}
