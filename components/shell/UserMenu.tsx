"use client";
// The signed-in user's menu in the top bar: a button with their initials that discloses who is
// signed in and a "Sign out" button. Esc or a click elsewhere closes it; Esc returns focus to the button.
import { useEffect, useId, useRef, useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/Button";
import { cn } from "@/components/ui/cn";
import { Icon } from "@/components/ui/Icon";
import { focusRing } from "@/components/ui/styles";

export type UserMenuProps = {
  name: string;
  email: string;
  onSignOut: () => void | Promise<void>;
  className?: string;
};

/** "Ada Lovelace" → "AL", "张伟" → "张", "ada@x.io" → "A". */
function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const first = Array.from(words[0] ?? "?")[0] ?? "?";
  if (/[\u3400-\u9fff]/.test(first)) return first;
  const second = words.length > 1 ? (Array.from(words[words.length - 1] ?? "")[0] ?? "") : "";
  return (first + second).toUpperCase();
}

export function UserMenu({ name, email, onSignOut, className }: UserMenuProps) {
  const t = useTranslations("nav");
  const tShell = useTranslations("shell");
  const [open, setOpen] = useState(false);
  const [signingOut, startSignOut] = useTransition();
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const panelId = useId();

  useEffect(() => {
    if (!open) return;
    const onPointerDown = (event: PointerEvent) => {
      if (!rootRef.current?.contains(event.target as Node)) setOpen(false);
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== "Escape") return;
      setOpen(false);
      buttonRef.current?.focus();
    };
    document.addEventListener("pointerdown", onPointerDown);
    document.addEventListener("keydown", onKeyDown);
    return () => {
      document.removeEventListener("pointerdown", onPointerDown);
      document.removeEventListener("keydown", onKeyDown);
    };
  }, [open]);

  return (
    <div
      ref={rootRef}
      className={cn("relative", className)}
      onBlur={(event) => {
        // Tabbing out of the menu closes it.
        if (!event.currentTarget.contains(event.relatedTarget)) setOpen(false);
      }}
    >
      <button
        ref={buttonRef}
        type="button"
        aria-label={tShell("accountMenu", { name })}
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((value) => !value)}
        className={cn(
          "inline-flex size-8 cursor-pointer items-center justify-center rounded-full bg-primary/10 text-xs font-semibold text-primary transition-colors hover:bg-primary/15",
          focusRing,
        )}
      >
        <span aria-hidden="true">{initials(name)}</span>
      </button>
      {open && (
        <div
          id={panelId}
          className="absolute top-full right-0 z-40 mt-2 w-64 rounded-lg border border-border bg-surface p-1 shadow-lg"
        >
          <div className="px-3 py-2">
            <p className="text-xs text-muted-foreground">{tShell("signedInAs")}</p>
            <p className="truncate text-sm font-medium text-foreground">{name}</p>
            <p className="truncate text-sm text-muted-foreground">{email}</p>
          </div>
          <div className="my-1 border-t border-border" />
          <Button
            variant="ghost"
            size="sm"
            loading={signingOut}
            onClick={() =>
              startSignOut(async () => {
                await onSignOut();
              })
            }
            className="w-full justify-start"
          >
            {!signingOut && <Icon name="logOut" />}
            {signingOut ? tShell("signingOut") : t("signOut")}
          </Button>
        </div>
      )}
    </div>
  );
}
