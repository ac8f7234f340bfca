"use client";
// The sidebar as a modal sheet from the left on narrow screens (native <dialog>: focus stays inside,
// Esc closes, focus returns to the menu button). Following any link inside closes it.
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { Button } from "@/components/ui/Button";
import { Icon } from "@/components/ui/Icon";
import { useModalDialog } from "@/components/ui/useModalDialog";

export type MobileNavDrawerProps = {
  id: string;
  open: boolean;
  onClose: () => void;
  children: ReactNode;
};

export function MobileNavDrawer({ id, open, onClose, children }: MobileNavDrawerProps) {
  const t = useTranslations("shell");
  const tNav = useTranslations("nav");
  const { onClick: onBackdropClick, ...dialog } = useModalDialog({ open, onClose });
  return (
    <dialog
      {...dialog}
      id={id}
      aria-label={tNav("main")}
      onClick={(event) => {
        onBackdropClick(event);
        if (event.target instanceof Element && event.target.closest("a[href]")) onClose();
      }}
      className="border-border bg-surface text-foreground m-0 h-dvh max-h-none w-72 max-w-[85vw] border-r p-0 shadow-xl backdrop:bg-black/40 motion-safe:transition-transform motion-safe:duration-200 lg:hidden motion-safe:starting:-translate-x-full"
    >
      {open && (
        <div className="relative h-full">
          {children}
          <Button
            variant="ghost"
            size="icon-sm"
            aria-label={t("closeMenu")}
            onClick={onClose}
            className="absolute top-3 right-3"
          >
            <Icon name="x" />
          </Button>
        </div>
      )}
    </dialog>
  );
}
