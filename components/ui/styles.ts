// Class recipes shared by several primitives, and usable on other elements (e.g. a next/link styled as a button).
// Plain module with no "use client", so server components can call buttonClasses() too.
import { cn } from "./cn";

/** Keyboard focus ring: an outline, so it also shows in forced-colours (Windows high contrast) mode. */
export const focusRing = "focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring";

/** Text-like form controls (Input, Textarea, Select). Invalid state follows aria-invalid. */
export const controlClasses = cn(
  "block w-full rounded-md border border-input bg-surface text-sm text-foreground shadow-xs transition-colors",
  "placeholder:text-muted-foreground",
  "focus-visible:border-ring focus-visible:outline-2 focus-visible:-outline-offset-1 focus-visible:outline-ring",
  "aria-invalid:border-danger aria-invalid:focus-visible:outline-danger",
  "disabled:cursor-not-allowed disabled:bg-muted disabled:text-muted-foreground",
);

export type ButtonVariant = "primary" | "secondary" | "ghost" | "danger";
export type ButtonSize = "sm" | "md" | "lg" | "icon" | "icon-sm";

const variants: Record<ButtonVariant, string> = {
  primary: "bg-primary text-primary-foreground shadow-xs hover:bg-primary-hover",
  secondary: "border border-input bg-surface text-foreground shadow-xs hover:bg-muted",
  ghost: "text-muted-foreground hover:bg-muted hover:text-foreground",
  danger: "bg-danger text-danger-foreground shadow-xs hover:bg-danger-hover",
};

const sizes: Record<ButtonSize, string> = {
  sm: "h-8 gap-1.5 px-2.5 text-sm",
  md: "h-9 gap-2 px-3.5 text-sm",
  lg: "h-10 gap-2 px-4 text-base",
  icon: "size-9",
  "icon-sm": "size-8",
};

export function buttonClasses(options: { variant?: ButtonVariant; size?: ButtonSize; className?: string } = {}) {
  const { variant = "secondary", size = "md", className } = options;
  return cn(
    "inline-flex shrink-0 cursor-pointer items-center justify-center rounded-md font-medium whitespace-nowrap transition-colors select-none",
    "disabled:pointer-events-none disabled:opacity-50 aria-disabled:pointer-events-none",
    // dimmed when unavailable, but not while busy: a button that is saving should still look like itself
    "[&[aria-disabled=true]:not([aria-busy=true])]:opacity-50",
    "[&_svg]:size-4 [&_svg]:shrink-0",
    focusRing,
    variants[variant],
    sizes[size],
    className,
  );
}
