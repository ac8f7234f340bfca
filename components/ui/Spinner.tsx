// An indeterminate progress indicator; announced as "Loading…" unless decorative (e.g. inside a busy Button).
import { useTranslations } from "next-intl";
import { cn } from "./cn";

export type SpinnerProps = {
  size?: "sm" | "md" | "lg";
  /** Announced to screen readers; defaults to common.loading. */
  label?: string;
  /** Hide from assistive technology when the surrounding control already says it is busy. */
  decorative?: boolean;
  className?: string;
};

const sizes = { sm: "size-4", md: "size-5", lg: "size-8" } as const;

export function Spinner({ size = "md", label, decorative = false, className }: SpinnerProps) {
  const t = useTranslations("common");
  const svg = (
    <svg
      viewBox="0 0 24 24"
      fill="none"
      aria-hidden="true"
      focusable="false"
      className={cn("animate-spin", sizes[size], decorative && className)}
    >
      <circle cx="12" cy="12" r="9" stroke="currentColor" strokeOpacity="0.25" strokeWidth="2.5" />
      <path d="M21 12a9 9 0 0 0-9-9" stroke="currentColor" strokeWidth="2.5" strokeLinecap="round" />
    </svg>
  );
  if (decorative) return svg;
  return (
    <span role="status" className={cn("inline-flex items-center text-muted-foreground", className)}>
      {svg}
      <span className="sr-only">{label ?? t("loading")}</span>
    </span>
  );
}
