"use client";
// Formats a byte count in the reader's locale ("1.2 GB", "1.2 GB" in zh-CN too, "850 kB").
import { useFormatter } from "next-intl";
import { toByteUnit } from "./format-bytes";

export function useFormatBytes() {
  const format = useFormatter();
  return (bytes: number) => {
    const { value, unit } = toByteUnit(bytes);
    return format.number(value, { style: "unit", unit, unitDisplay: "short", maximumFractionDigits: 1 });
  };
}
