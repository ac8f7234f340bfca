// A data cell. Right-align numbers (figures are tabular in tables, so they line up). Cells do not
// wrap by default, so identifiers like "gpu-east-1" stay whole and a narrow screen scrolls the table.
import type { ComponentPropsWithRef } from "react";
import { cn } from "./cn";
import { alignClasses, type CellAlign } from "./Th";

export type TdProps = ComponentPropsWithRef<"td"> & {
  align?: CellAlign;
  /** Let long prose (a description, an error message) wrap. */
  wrap?: boolean;
};

export function Td({ align = "left", wrap = false, className, ...rest }: TdProps) {
  return (
    <td
      className={cn(
        "px-3 py-2.5 align-middle text-foreground",
        !wrap && "whitespace-nowrap",
        alignClasses[align],
        className,
      )}
      {...rest}
    />
  );
}
