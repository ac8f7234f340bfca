// A table row. `selected` tints it and sets aria-selected (for tables whose rows can be chosen).
import type { ComponentPropsWithRef } from "react";
import { cn } from "./cn";

export type TrProps = ComponentPropsWithRef<"tr"> & { selected?: boolean };

export function Tr({ selected, className, ...rest }: TrProps) {
  return <tr aria-selected={selected} className={cn(selected && "bg-primary/5", className)} {...rest} />;
}
