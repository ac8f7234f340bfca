"use client";
// Time range and live mode for every chart on a page, kept in the URL (?range=24h&live=1).
import { cn } from "@/components/ui/cn";
import { LiveToggle } from "./LiveToggle";
import { TimeRangePicker } from "./TimeRangePicker";
import { useChartRange } from "./useChartRange";

export function ChartToolbar({ className }: { className?: string }) {
  const { range, live, setRange, setLive } = useChartRange();
  return (
    <div className={cn("flex flex-wrap items-center gap-2", className)}>
      <TimeRangePicker value={range} onChange={setRange} />
      <LiveToggle live={live} onChange={setLive} />
    </div>
  );
}
