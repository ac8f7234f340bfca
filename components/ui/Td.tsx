// A data cell. Right-align numbers (figures are tabular in tables, so they line up).
import type { ComponentPropsWithRef } from "react";
import { cn } from "./cn";
import { alignClasses, type CellAlign } from "./Th";

export type TdProps = ComponentPropsWithRef<"td"> & { align?: CellAlign };

export function Td({ align = "left", className, ...rest }: TdProps) {
  return <td className={cn("text-foreground px-3 py-2.5 align-middle", alignClasses[align], className)} {...rest} />;
}
