// Table body: hairlines between rows and a hover tint that helps the eye follow a wide row.
import type { ComponentPropsWithRef } from "react";
import { cn } from "./cn";

export function TBody({ className, ...rest }: ComponentPropsWithRef<"tbody">) {
  return (
    <tbody
      className={cn(
        "[&>tr]:border-b [&>tr]:border-border [&>tr]:transition-colors [&>tr:hover]:bg-muted/40 [&>tr:last-child]:border-0",
        className,
      )}
      {...rest}
    />
  );
}
