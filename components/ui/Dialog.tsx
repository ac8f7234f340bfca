"use client";
// An accessible modal on the native <dialog>: labelled by its title, described by its description,
// focus kept inside, Esc and backdrop close it (unless not dismissible), focus returns to the opener.
// Content is mounted only while open, so a form inside starts fresh each time.
import { useId, type ReactNode, type RefObject } from "react";
import { useTranslations } from "next-intl";
import { Button } from "./Button";
import { cn } from "./cn";
import { Icon } from "./Icon";
import { useModalDialog } from "./useModalDialog";

export type DialogProps = {
  open: boolean;
  onClose: () => void;
  title: ReactNode;
  description?: ReactNode;
  children?: ReactNode;
  /** Action buttons, right-aligned; put the cancelling action first. */
  footer?: ReactNode;
  size?: "sm" | "md" | "lg";
  /** False while work is in flight: hides the close button and ignores Esc and backdrop clicks. */
  dismissible?: boolean;
  initialFocusRef?: RefObject<HTMLElement | null>;
  className?: string;
};

const widths = { sm: "max-w-sm", md: "max-w-lg", lg: "max-w-2xl" } as const;

export function Dialog({
  open,
  onClose,
  title,
  description,
  children,
  footer,
  size = "md",
  dismissible = true,
  initialFocusRef,
  className,
}: DialogProps) {
  const t = useTranslations("common");
  const titleId = useId();
  const descriptionId = useId();
  const dialog = useModalDialog({ open, onClose, dismissible, initialFocusRef });
  const hasBody = children !== undefined && children !== null && children !== false;

  return (
    <dialog
      {...dialog}
      aria-labelledby={titleId}
      aria-describedby={description ? descriptionId : undefined}
      className={cn(
        "border-border bg-surface text-foreground m-auto w-[calc(100%-2rem)] rounded-xl border p-0 shadow-2xl",
        "backdrop:bg-black/40 dark:backdrop:bg-black/60",
        "motion-safe:transition motion-safe:duration-150 motion-safe:starting:scale-[0.98] motion-safe:starting:opacity-0",
        widths[size],
        className,
      )}
    >
      {open && (
        <div className="relative flex max-h-[85dvh] flex-col">
          <header className={cn("px-5 pt-5 pr-14", !hasBody && "pb-5")}>
            <h2 id={titleId} className="text-base font-semibold">
              {title}
            </h2>
            {description && (
              <p id={descriptionId} className="text-muted-foreground mt-1.5 text-sm">
                {description}
              </p>
            )}
          </header>
          {hasBody && <div className="min-h-0 flex-1 overflow-y-auto px-5 py-4 text-sm">{children}</div>}
          {footer && (
            <footer className="border-border bg-muted/40 flex flex-wrap justify-end gap-2 rounded-b-xl border-t px-5 py-3">
              {footer}
            </footer>
          )}
          {/* Last in the DOM so that opening focuses the content first, first on screen (top right). */}
          {dismissible && (
            <Button
              variant="ghost"
              size="icon-sm"
              aria-label={t("close")}
              onClick={onClose}
              className="absolute top-3 right-3"
            >
              <Icon name="x" />
            </Button>
          )}
        </div>
      )}
    </dialog>
  );
}
