// What a region shows when loading it failed: what went wrong and a way to try again.
// role="alert" so a screen reader announces the failure when it replaces a loading state.
import type { ReactNode } from "react";
import { useTranslations } from "next-intl";
import { Button } from "./Button";
import { cn } from "./cn";
import { Icon } from "./Icon";

export type ErrorStateProps = {
  /** What failed and, when known, what to do about it. */
  message: ReactNode;
  /** Defaults to common.error. */
  title?: ReactNode;
  onRetry?: () => void;
  retrying?: boolean;
  className?: string;
};

export function ErrorState({ message, title, onRetry, retrying = false, className }: ErrorStateProps) {
  const t = useTranslations("common");
  return (
    <div
      role="alert"
      className={cn(
        "flex flex-col items-center justify-center rounded-lg border border-danger/30 bg-danger/5 px-6 py-10 text-center",
        className,
      )}
    >
      <Icon name="alertCircle" className="size-5 text-danger" />
      <p className="mt-2 text-sm font-semibold text-foreground">{title ?? t("error")}</p>
      <p className="mt-1 max-w-lg text-sm break-words text-muted-foreground">{message}</p>
      {onRetry && (
        <Button size="sm" className="mt-4" onClick={onRetry} loading={retrying}>
          {t("retry")}
        </Button>
      )}
    </div>
  );
}
