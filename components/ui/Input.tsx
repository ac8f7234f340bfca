// A text input. Invalid styling follows aria-invalid, which FormField sets.
import type { ComponentPropsWithRef } from "react";
import { cn } from "./cn";
import { controlClasses } from "./styles";

export type InputProps = ComponentPropsWithRef<"input"> & {
  /** "sm" for toolbars; "md" in forms. */
  controlSize?: "sm" | "md";
};

export function Input({ controlSize = "md", className, type = "text", ...rest }: InputProps) {
  return (
    <input
      type={type}
      className={cn(controlClasses, controlSize === "sm" ? "h-8 px-2.5" : "h-9 px-3", className)}
      {...rest}
    />
  );
}
