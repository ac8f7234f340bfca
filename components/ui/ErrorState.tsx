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
        "border-danger/30 bg-danger/5 flex flex-col items-center justify-center rounded-lg border px-6 py-10 text-center",
        className,
      )}
    >
      <Icon name="alertCircle" className="text-danger size-5" />
      <p className="text-foreground mt-2 text-sm font-semibold">{title ?? t("error")}</p>
      <p className="text-muted-foreground mt-1 max-w-lg text-sm break-words">{message}</p>
      {onRetry && (
        <Button size="sm" className="mt-4" onClick={onRetry} loading={retrying}>
          {t("retry")}
        </Button>
      )}
    </div>
  );
}
