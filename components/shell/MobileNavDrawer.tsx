"use client";
// The sidebar as a modal sheet from the left on narrow screens (Radix Dialog: focus stays inside, Esc
// closes, focus returns to the menu button). Following any link inside closes it.
import * as RadixDialog from "@radix-ui/react-dialog";
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { Button } from "@/components/ui/Button";
import { Icon } from "@/components/ui/Icon";

export type MobileNavDrawerProps = {
  id: string;
  open: boolean;
  onClose: () => void;
  children: ReactNode;
};

export function MobileNavDrawer({ id, open, onClose, children }: MobileNavDrawerProps) {
  const t = useTranslations("shell");
  const tNav = useTranslations("nav");
  return (
    <RadixDialog.Root open={open} onOpenChange={(next) => !next && onClose()}>
      <RadixDialog.Portal>
        <RadixDialog.Overlay className="fixed inset-0 z-50 bg-black/40 lg:hidden" />
        <RadixDialog.Content
          id={id}
          aria-describedby={undefined}
          onClick={(event) => {
            if (event.target instanceof Element && event.target.closest("a[href]")) onClose();
          }}
          className="fixed inset-y-0 left-0 z-50 h-dvh w-72 max-w-[85vw] border-r border-border bg-surface p-0 text-foreground shadow-xl focus:outline-none motion-safe:transition-transform motion-safe:duration-200 lg:hidden motion-safe:starting:-translate-x-full"
        >
          <RadixDialog.Title className="sr-only">{tNav("main")}</RadixDialog.Title>
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
        </RadixDialog.Content>
      </RadixDialog.Portal>
    </RadixDialog.Root>
  );
}
