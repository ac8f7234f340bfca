// A form label. `required` adds a visual marker only; the control carries aria-required (FormField does that).
import type { ComponentPropsWithRef } from "react";
import { cn } from "./cn";

export type LabelProps = ComponentPropsWithRef<"label"> & { required?: boolean };

export function Label({ className, required = false, children, ...rest }: LabelProps) {
  return (
    <label className={cn("text-sm font-medium text-foreground", className)} {...rest}>
      {children}
      {required && (
        <span aria-hidden="true" className="ml-0.5 text-danger">
          *
        </span>
      )}
    </label>
  );
}
