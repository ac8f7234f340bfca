// A native <select> (keyboard, screen readers and mobile pickers for free), styled like Input.
import type { ComponentPropsWithRef } from "react";
import { cn } from "./cn";
import { Icon } from "./Icon";
import { controlClasses } from "./styles";

export type SelectProps = ComponentPropsWithRef<"select"> & {
  /** "sm" for toolbars and the top bar; "md" in forms. */
  controlSize?: "sm" | "md";
  /** Classes for the wrapper (width, margins); `className` goes to the <select>. */
  wrapperClassName?: string;
};

export function Select({ controlSize = "md", className, wrapperClassName, children, ...rest }: SelectProps) {
  return (
    <div className={cn("relative", wrapperClassName)}>
      <select
        className={cn(
          controlClasses,
          "cursor-pointer appearance-none",
          controlSize === "sm" ? "h-8 pr-8 pl-2.5" : "h-9 pr-9 pl-3",
          className,
        )}
        {...rest}
      >
        {children}
      </select>
      <Icon
        name="chevronDown"
        className={cn(
          "pointer-events-none absolute top-1/2 size-4 -translate-y-1/2 text-muted-foreground",
          controlSize === "sm" ? "right-2" : "right-2.5",
        )}
      />
    </div>
  );
}
