// The tooltip of a time-series chart: the moment (UTC) and each series' value at it, in the chart's unit.
export type ChartTooltipEntry = {
  name?: string | number;
  value?: unknown;
  color?: string;
  dataKey?: unknown;
};

export type ChartTooltipProps = {
  active?: boolean;
  label?: string | number;
  payload?: readonly ChartTooltipEntry[];
  formatTime: (ms: number) => string;
  formatValue: (v: number) => string;
};

export function ChartTooltip({ active, label, payload, formatTime, formatValue }: ChartTooltipProps) {
  if (!active || !payload?.length || typeof label !== "number") return null;
  const entries = payload.filter((p) => typeof p.value === "number");
  if (!entries.length) return null;
  return (
    <div className="rounded-md border border-border bg-surface px-3 py-2 text-xs text-foreground shadow-md">
      <p className="mb-1 font-medium text-muted-foreground tabular-nums">{formatTime(label)}</p>
      <ul className="space-y-0.5">
        {entries.map((p) => (
          <li key={String(p.dataKey)} className="flex items-center gap-2">
            <span aria-hidden="true" className="size-2 shrink-0 rounded-full" style={{ background: p.color }} />
            <span>{p.name}</span>
            <span className="ml-auto pl-3 font-medium tabular-nums">{formatValue(p.value as number)}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
