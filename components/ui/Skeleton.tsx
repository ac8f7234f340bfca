// A placeholder block while content loads. Hidden from assistive technology: mark the loading
// region itself with aria-busy, or show a Spinner, so the wait is announced once.
import { cn } from "./cn";

export type SkeletonProps = {
  /** Size and shape (e.g. "h-8 w-40"); a one-line bar when omitted. */
  className?: string;
};

export function Skeleton({ className }: SkeletonProps) {
  return (
    <div
      aria-hidden="true"
      className={cn("rounded-md bg-muted motion-safe:animate-pulse", className ?? "h-4 w-full")}
    />
  );
}
