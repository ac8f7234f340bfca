"use client";
// Previous / "Page X of Y" / Next under a list, with the total row count. Pages are 1-based.
// At the first or last page the buttons are aria-disabled rather than disabled, so focus stays put.
import { useTranslations } from "next-intl";
import { Button } from "./Button";
import { cn } from "./cn";
import { Icon } from "./Icon";

export type PaginationProps = {
  page: number;
  pageCount: number;
  /** Total rows across all pages. */
  total: number;
  onPageChange: (page: number) => void;
  className?: string;
};

export function Pagination({ page, pageCount, total, onPageChange, className }: PaginationProps) {
  const t = useTranslations("common");
  const pages = Math.max(1, pageCount);
  const current = Math.min(Math.max(1, page), pages);
  const atStart = current <= 1;
  const atEnd = current >= pages;
  return (
    <nav
      aria-label={t("pagination")}
      className={cn("flex flex-wrap items-center justify-between gap-3 py-3 text-sm", className)}
    >
      <p className="text-muted-foreground tabular-nums">{t("rows", { count: total })}</p>
      <div className="flex items-center gap-2">
        <p aria-live="polite" className="mr-1 text-muted-foreground tabular-nums">
          {t("pageOf", { page: current, pageCount: pages })}
        </p>
        <Button size="sm" aria-disabled={atStart || undefined} onClick={() => onPageChange(current - 1)}>
          <Icon name="chevronLeft" />
          {t("previous")}
        </Button>
        <Button size="sm" aria-disabled={atEnd || undefined} onClick={() => onPageChange(current + 1)}>
          {t("next")}
          <Icon name="chevronRight" />
        </Button>
      </div>
    </nav>
  );
}
