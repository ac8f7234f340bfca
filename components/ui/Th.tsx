// A column header cell (scope="col" unless told otherwise). Right-align numeric columns.
import type { ComponentPropsWithRef } from "react";
import { cn } from "./cn";

export type CellAlign = "left" | "center" | "right";

export type ThProps = ComponentPropsWithRef<"th"> & { align?: CellAlign };

export const alignClasses: Record<CellAlign, string> = {
  left: "text-left",
  center: "text-center",
  right: "text-right",
};

export function Th({ align = "left", scope = "col", className, ...rest }: ThProps) {
  return (
    <th
      scope={scope}
      className={cn(
        "h-9 px-3 align-middle text-xs font-medium whitespace-nowrap text-muted-foreground",
        alignClasses[align],
        className,
      )}
      {...rest}
    />
  );
}
