"use client";
// A column header that sorts: a button inside the <th>, whose aria-sort tells assistive technology
// the current order. Clicking an unsorted or descending column sorts ascending; ascending → descending.
import type { ReactNode } from "react";
import { useTranslations } from "next-intl";
import { cn } from "./cn";
import { Icon } from "./Icon";
import { focusRing } from "./styles";
import { alignClasses, type CellAlign } from "./Th";

export type SortDirection = "asc" | "desc";

export type SortableThProps = {
  /** This column's current order, or null when the table is sorted by another column. */
  direction: SortDirection | null;
  onSort: (next: SortDirection) => void;
  align?: CellAlign;
  className?: string;
  children: ReactNode;
};

const ariaSort = { asc: "ascending", desc: "descending" } as const;

export function SortableTh({ direction, onSort, align = "left", className, children }: SortableThProps) {
  const t = useTranslations("common");
  const next: SortDirection = direction === "asc" ? "desc" : "asc";
  return (
    <th
      scope="col"
      aria-sort={direction ? ariaSort[direction] : "none"}
      className={cn("h-9 px-3 align-middle text-xs font-medium whitespace-nowrap", alignClasses[align], className)}
    >
      <button
        type="button"
        onClick={() => onSort(next)}
        className={cn(
          "-mx-1.5 inline-flex cursor-pointer items-center gap-1 rounded px-1.5 py-1 transition-colors hover:bg-muted hover:text-foreground",
          direction ? "text-foreground" : "text-muted-foreground",
          align === "right" && "flex-row-reverse",
          focusRing,
        )}
      >
        {children}
        <Icon
          name={direction === "asc" ? "arrowUp" : direction === "desc" ? "arrowDown" : "chevronsUpDown"}
          className={cn("size-3.5", !direction && "opacity-50")}
        />
        <span className="sr-only">{` (${next === "asc" ? t("sortAscending") : t("sortDescending")})`}</span>
      </button>
    </th>
  );
}
