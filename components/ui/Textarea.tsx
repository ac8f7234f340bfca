// A multi-line text input, resizable vertically. Invalid styling follows aria-invalid.
import type { ComponentPropsWithRef } from "react";
import { cn } from "./cn";
import { controlClasses } from "./styles";

export type TextareaProps = ComponentPropsWithRef<"textarea">;

export function Textarea({ className, rows = 4, ...rest }: TextareaProps) {
  return <textarea rows={rows} className={cn(controlClasses, "min-h-20 resize-y px-3 py-2", className)} {...rest} />;
}
