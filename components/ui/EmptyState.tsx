// What a list shows when it has nothing: a title, a sentence on why or what to do, and an optional action.
import type { ReactNode } from "react";
import { useTranslations } from "next-intl";
import { cn } from "./cn";

export type EmptyStateProps = {
  /** Defaults to common.empty. */
  title?: ReactNode;
  description?: ReactNode;
  /** Usually the button that creates the first item. */
  action?: ReactNode;
  className?: string;
};

export function EmptyState({ title, description, action, className }: EmptyStateProps) {
  const t = useTranslations("common");
  return (
    <div
      className={cn(
        "flex flex-col items-center justify-center rounded-lg border border-dashed border-border px-6 py-12 text-center",
        className,
      )}
    >
      <p className="text-sm font-semibold text-foreground">{title ?? t("empty")}</p>
      {description && <p className="mt-1.5 max-w-md text-sm text-muted-foreground">{description}</p>}
      {action && <div className="mt-5">{action}</div>}
    </div>
  );
}
