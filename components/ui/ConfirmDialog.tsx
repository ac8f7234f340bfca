"use client";
// Asks before an action that matters ("Delete cluster gpu-1?"). Cancel comes first and gets focus;
// while `loading` nothing can dismiss the dialog, so the outcome is always shown.
import { useRef, type ReactNode } from "react";
import { useTranslations } from "next-intl";
import { Button } from "./Button";
import { Dialog } from "./Dialog";

export type ConfirmDialogProps = {
  open: boolean;
  /** Called by Cancel, Esc and the backdrop (never while loading). */
  onCancel: () => void;
  onConfirm: () => void;
  title: ReactNode;
  description?: ReactNode;
  /** Names the action ("Delete cluster"), never just "OK". */
  confirmLabel: string;
  cancelLabel?: string;
  variant?: "default" | "danger";
  loading?: boolean;
  /** Extra content, e.g. a summary of what will change. */
  children?: ReactNode;
};

export function ConfirmDialog({
  open,
  onCancel,
  onConfirm,
  title,
  description,
  confirmLabel,
  cancelLabel,
  variant = "default",
  loading = false,
  children,
}: ConfirmDialogProps) {
  const t = useTranslations("common");
  const cancelRef = useRef<HTMLButtonElement>(null);
  return (
    <Dialog
      open={open}
      onClose={onCancel}
      title={title}
      description={description}
      size="sm"
      dismissible={!loading}
      initialFocusRef={cancelRef}
      footer={
        <>
          <Button ref={cancelRef} onClick={onCancel} disabled={loading}>
            {cancelLabel ?? t("cancel")}
          </Button>
          <Button variant={variant === "danger" ? "danger" : "primary"} loading={loading} onClick={onConfirm}>
            {confirmLabel}
          </Button>
        </>
      }
    >
      {children}
    </Dialog>
  );
}
