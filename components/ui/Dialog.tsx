"use client";
// An accessible modal on Radix Dialog: labelled by its title, described by its description, focus trapped
// inside and the page behind inert, Esc and a click outside close it (unless not dismissible), and focus
// returns to the element that opened it. Content is mounted only while open, so a form starts fresh each time.
import * as RadixDialog from "@radix-ui/react-dialog";
import { useRef, type ReactNode, type RefObject } from "react";
import { useTranslations } from "next-intl";
import { Button } from "./Button";
import { cn } from "./cn";
import { Icon } from "./Icon";

export type DialogProps = {
  open: boolean;
  onClose: () => void;
  title: ReactNode;
  description?: ReactNode;
  children?: ReactNode;
  /** Action buttons, right-aligned; put the cancelling action first. */
  footer?: ReactNode;
  size?: "sm" | "md" | "lg";
  /** False while work is in flight: hides the close button and ignores Esc and clicks outside. */
  dismissible?: boolean;
  /** Focused on open; otherwise the first focusable element inside is. */
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
  const hasBody = children !== undefined && children !== null && children !== false;
  // Radix gives focus back only to a <Dialog.Trigger>; our dialogs are opened by any button (a row's
  // "Delete", a header action), so remember what had focus when it opened and return there.
  const opener = useRef<HTMLElement | null>(null);
  const refuse = (event: Event) => {
    if (!dismissible) event.preventDefault();
  };

  return (
    <RadixDialog.Root open={open} onOpenChange={(next) => !next && dismissible && onClose()}>
      <RadixDialog.Portal>
        <RadixDialog.Overlay className="fixed inset-0 z-50 bg-black/40 dark:bg-black/60" />
        <RadixDialog.Content
          // Without a description Radix would point aria-describedby at nothing.
          {...(description ? {} : { "aria-describedby": undefined })}
          onEscapeKeyDown={refuse}
          onPointerDownOutside={refuse}
          onInteractOutside={refuse}
          onOpenAutoFocus={(event) => {
            opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
            const target = initialFocusRef?.current;
            if (target) {
              event.preventDefault();
              target.focus();
            }
          }}
          onCloseAutoFocus={(event) => {
            const back = opener.current;
            opener.current = null;
            if (back?.isConnected) {
              event.preventDefault();
              back.focus();
            }
          }}
          className={cn(
            "fixed top-1/2 left-1/2 z-50 w-[calc(100%-2rem)] -translate-x-1/2 -translate-y-1/2 rounded-xl border border-border bg-surface p-0 text-foreground shadow-2xl focus:outline-none",
            "motion-safe:transition motion-safe:duration-150 motion-safe:starting:scale-[0.98] motion-safe:starting:opacity-0",
            widths[size],
            className,
          )}
        >
          <div className="relative flex max-h-[85dvh] flex-col">
            <header className={cn("px-5 pt-5 pr-14", !hasBody && "pb-5")}>
              <RadixDialog.Title className="text-base font-semibold">{title}</RadixDialog.Title>
              {description && (
                <RadixDialog.Description className="mt-1.5 text-sm text-muted-foreground">
                  {description}
                </RadixDialog.Description>
              )}
            </header>
            {hasBody && <div className="min-h-0 flex-1 overflow-y-auto px-5 py-4 text-sm">{children}</div>}
            {footer && (
              <footer className="flex flex-wrap justify-end gap-2 rounded-b-xl border-t border-border bg-muted/40 px-5 py-3">
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
        </RadixDialog.Content>
      </RadixDialog.Portal>
    </RadixDialog.Root>
  );
}
