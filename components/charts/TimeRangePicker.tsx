"use client";
// The charts' time range as native radio buttons (arrow keys move between them), drawn as a segmented control.
import { useId } from "react";
import { useTranslations } from "next-intl";
import { cn } from "@/components/ui/cn";
import { CHART_RANGES, type ChartRange } from "@/server/validation/metrics";

export type TimeRangePickerProps = {
  value: ChartRange;
  onChange: (range: ChartRange) => void;
  className?: string;
};

export function TimeRangePicker({ value, onChange, className }: TimeRangePickerProps) {
  const t = useTranslations("charts");
  const name = useId();
  return (
    <fieldset className={cn("inline-flex items-center rounded-md border border-border bg-surface p-0.5", className)}>
      <legend className="sr-only">{t("rangeLabel")}</legend>
      {CHART_RANGES.map((r) => (
        <label
          key={r}
          className={cn(
            "relative inline-flex h-7 cursor-pointer items-center rounded px-2.5 text-xs font-medium whitespace-nowrap text-muted-foreground transition-colors hover:text-foreground",
            "has-[:checked]:bg-muted has-[:checked]:text-foreground",
            "has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-ring",
          )}
        >
          <input
            type="radio"
            name={name}
            value={r}
            checked={value === r}
            onChange={() => onChange(r)}
            // Transparent over the whole label (not sr-only), so a click or a test's check() lands on the input.
            className="absolute inset-0 m-0 cursor-pointer appearance-none opacity-0"
          />
          {t(`ranges.${r}`)}
        </label>
      ))}
    </fieldset>
  );
}
