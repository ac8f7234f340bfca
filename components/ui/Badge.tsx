// A short status or label ("Ready", "Pending approval", "cn"). Colour is never the only signal: the text says it.
import type { ComponentPropsWithRef } from "react";
import { cn } from "./cn";

export type BadgeVariant = "neutral" | "success" | "warning" | "danger" | "info";

export type BadgeProps = ComponentPropsWithRef<"span"> & {
  variant?: BadgeVariant;
  /** A leading dot, for live status (health, rollout state). */
  dot?: boolean;
};

const variants: Record<BadgeVariant, { badge: string; dot: string }> = {
  neutral: { badge: "bg-muted text-muted-foreground ring-border", dot: "bg-muted-foreground" },
  success: { badge: "bg-success/10 text-success ring-success/25", dot: "bg-success" },
  warning: { badge: "bg-warning/10 text-warning ring-warning/25", dot: "bg-warning" },
  danger: { badge: "bg-danger/10 text-danger ring-danger/25", dot: "bg-danger" },
  info: { badge: "bg-info/10 text-info ring-info/25", dot: "bg-info" },
};

export function Badge({ variant = "neutral", dot = false, className, children, ...rest }: BadgeProps) {
  const style = variants[variant];
  return (
    <span
      className={cn(
        "inline-flex items-center gap-1.5 rounded-full px-2 py-0.5 text-xs font-medium whitespace-nowrap ring-1 ring-inset",
        style.badge,
        className,
      )}
      {...rest}
    >
      {dot && <span aria-hidden="true" className={cn("size-1.5 rounded-full", style.dot)} />}
      {children}
    </span>
  );
}
