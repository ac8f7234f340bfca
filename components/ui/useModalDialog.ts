"use client";
// Drives a native <dialog> as a controlled modal: showModal() gives the top layer, an inert page behind
// (focus stays inside) and Esc; focus returns to the opener on close. Spread the result on the <dialog>.
import { useEffect, useRef, type MouseEvent, type PointerEvent, type RefObject, type SyntheticEvent } from "react";

export type ModalDialogOptions = {
  open: boolean;
  onClose: () => void;
  /** When false, Esc and backdrop clicks do nothing (e.g. while a request is in flight). */
  dismissible?: boolean;
  /** Focused on open; otherwise the browser focuses the first focusable element. */
  initialFocusRef?: RefObject<HTMLElement | null>;
};

export function useModalDialog({ open, onClose, dismissible = true, initialFocusRef }: ModalDialogOptions) {
  const ref = useRef<HTMLDialogElement>(null);
  const latest = useRef({ open, onClose, dismissible });
  const pressStartedOnBackdrop = useRef(false);

  useEffect(() => {
    latest.current = { open, onClose, dismissible };
  });

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (!open) {
      if (dialog.open) dialog.close();
      return;
    }
    if (!dialog.open) dialog.showModal();
    initialFocusRef?.current?.focus();
    // The page behind a modal should not scroll under the pointer.
    const root = document.documentElement;
    const previous = root.style.overflow;
    root.style.overflow = "hidden";
    return () => {
      root.style.overflow = previous;
    };
  }, [open, initialFocusRef]);

  return {
    ref,
    onCancel: (event: SyntheticEvent<HTMLDialogElement>) => {
      // Esc: the parent owns `open`, so ask it instead of letting the browser close the dialog.
      event.preventDefault();
      if (latest.current.dismissible) latest.current.onClose();
    },
    onClose: () => {
      // Browsers may close a modal themselves (Chrome does on a repeated Esc); keep state in step.
      const { open: stillOpen, dismissible: canClose, onClose: close } = latest.current;
      if (!stillOpen) return;
      if (canClose) close();
      else ref.current?.showModal();
    },
    onPointerDown: (event: PointerEvent<HTMLDialogElement>) => {
      pressStartedOnBackdrop.current = event.target === event.currentTarget;
    },
    onClick: (event: MouseEvent<HTMLDialogElement>) => {
      // The <dialog> has no padding, so a click whose target is the element itself landed on the
      // backdrop. Require the press to start there too, so a text selection dragged outside does not close it.
      const onBackdrop = event.target === event.currentTarget && pressStartedOnBackdrop.current;
      pressStartedOnBackdrop.current = false;
      if (onBackdrop && latest.current.dismissible) latest.current.onClose();
    },
  };
}
