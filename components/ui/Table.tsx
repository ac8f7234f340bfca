// A data table in a bordered, horizontally scrollable frame. Compose with THead, TBody, Tr, Th, SortableTh, Td.
// Give every table a caption (visually hidden by default) so screen-reader users know what it lists.
import type { ComponentPropsWithRef, ReactNode } from "react";
import { cn } from "./cn";

export type TableProps = ComponentPropsWithRef<"table"> & {
  caption?: ReactNode;
  captionVisible?: boolean;
  /** Draw the border and surface; turn off inside a Card that already has one. */
  framed?: boolean;
  containerClassName?: string;
};

export function Table({
  caption,
  captionVisible = false,
  framed = true,
  containerClassName,
  className,
  children,
  ...rest
}: TableProps) {
  return (
    <div
      className={cn(
        "relative w-full overflow-x-auto",
        framed && "rounded-lg border border-border bg-surface shadow-xs",
        containerClassName,
      )}
    >
      <table className={cn("w-full border-collapse text-left text-sm", className)} {...rest}>
        {caption && (
          <caption
            className={
              captionVisible ? "caption-top px-3 py-2 text-left text-sm font-medium text-foreground" : "sr-only"
            }
          >
            {caption}
          </caption>
        )}
        {children}
      </table>
    </div>
  );
}
