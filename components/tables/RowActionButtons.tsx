"use client";
// The buttons (or button-styled links) in a row's actions cell, each named for its row.
import Link from "next/link";
import { Button } from "@/components/ui/Button";
import { buttonClasses } from "@/components/ui/styles";
import type { RowAction } from "./list-view";

export function RowActionButtons<R>({ row, actions }: { row: R; actions: readonly RowAction<R>[] }) {
  return (
    <>
      {actions
        .filter((a) => a.visible?.(row) ?? true)
        .map((a) => {
          const variant = a.variant ?? "ghost";
          return a.href ? (
            <Link
              key={a.label}
              href={a.href(row)}
              className={buttonClasses({ variant, size: "sm" })}
              aria-label={a.name(row)}
            >
              {a.label}
            </Link>
          ) : (
            <Button
              key={a.label}
              size="sm"
              variant={variant}
              loading={a.busy?.(row)}
              aria-label={a.name(row)}
              onClick={() => a.onSelect(row)}
            >
              {a.label}
            </Button>
          );
        })}
    </>
  );
}
