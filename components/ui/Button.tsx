"use client";
// The button. While `loading` it keeps focus (aria-disabled, not disabled), shows a spinner,
// sets aria-busy and swallows clicks, so a form cannot be submitted twice.
import type { ComponentPropsWithRef, MouseEvent } from "react";
import { Spinner } from "./Spinner";
import { buttonClasses, type ButtonSize, type ButtonVariant } from "./styles";

export type ButtonProps = ComponentPropsWithRef<"button"> & {
  /** Default "secondary": a page has at most one or two primary actions. */
  variant?: ButtonVariant;
  size?: ButtonSize;
  loading?: boolean;
};

export function Button({
  variant = "secondary",
  size = "md",
  loading = false,
  type = "button",
  className,
  children,
  onClick,
  ref,
  ...rest
}: ButtonProps) {
  const handleClick = (event: MouseEvent<HTMLButtonElement>) => {
    if (loading || rest["aria-disabled"] === true || rest["aria-disabled"] === "true") {
      event.preventDefault();
      return;
    }
    onClick?.(event);
  };
  return (
    <button
      ref={ref}
      type={type}
      className={buttonClasses({ variant, size, className })}
      aria-busy={loading || undefined}
      {...rest}
      aria-disabled={loading || rest["aria-disabled"] || undefined}
      onClick={handleClick}
    >
      {loading && <Spinner size="sm" decorative />}
      {/* an icon-only button shows the spinner in place of its icon */}
      {loading && (size === "icon" || size === "icon-sm") ? null : children}
    </button>
  );
}
