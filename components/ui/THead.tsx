// Table header group: a quiet tinted band with a hairline under it.
import type { ComponentPropsWithRef } from "react";
import { cn } from "./cn";

export function THead({ className, ...rest }: ComponentPropsWithRef<"thead">) {
  return <thead className={cn("border-b border-border bg-muted/50", className)} {...rest} />;
}
