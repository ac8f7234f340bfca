"use client";
// The recharts part of a time-series chart: time axis over the whole range, unit on the value axis, legend,
// tooltip, and an optional SLO line with the zone above it shaded and each breaching sample marked.
import { useMemo } from "react";
import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ReferenceArea,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
  type DotItemDotProps,
} from "recharts";
import type { ChartRange, ChartSeries, ChartWindow } from "@/server/validation/metrics";
import { ChartTooltip } from "./ChartTooltip";
import { maxValue, seriesKey, timeTicks, toRows } from "./chart-rows";

export type PlotFormat = {
  tick: (v: number) => string;
  value: (v: number) => string;
  axisTime: (ms: number) => string;
  fullTime: (ms: number) => string;
  unitLabel: string;
};

export type TimeSeriesPlotProps = {
  series: ChartSeries[];
  labels: string[];
  range: ChartRange;
  window: ChartWindow | undefined;
  format: PlotFormat;
  timeLabel: string;
  slo?: { ms: number; series: string; label: string };
  dashed?: (s: ChartSeries) => boolean;
  step?: boolean;
  /** The top of the value axis when every value is 0 (e.g. 1% for an error rate, 1 for counts). */
  emptyMax?: number;
  /** Vertical lines at moments on the time axis (e.g. each migration step's start), labelled briefly. */
  markers?: ChartMarker[];
};

export type ChartMarker = { atMs: number; label: string };

const PALETTE_SIZE = 6;
const axisTick = { fill: "var(--muted-foreground)", fontSize: 11 };
const axisLabel = { fill: "var(--muted-foreground)", fontSize: 11, textAnchor: "middle" as const };

function breachDot(threshold: number) {
  return function BreachDot({ cx, cy, value, index }: DotItemDotProps) {
    if (typeof value !== "number" || value <= threshold || cx === undefined || cy === undefined)
      return <g key={index} />;
    return <circle key={index} cx={cx} cy={cy} r={3} fill="var(--danger)" stroke="var(--surface)" strokeWidth={1} />;
  };
}

export function TimeSeriesPlot({
  series,
  labels,
  range,
  window,
  format,
  timeLabel,
  slo,
  dashed,
  step,
  emptyMax = 1,
  markers,
}: TimeSeriesPlotProps) {
  const rows = useMemo(() => toRows(series), [series]);
  const top = maxValue(series);
  // One colour per name, so "H100 allocated" and "H100 allocatable" match and differ only by dashes.
  const names = [...new Set(series.map((s) => s.name))];
  const color = (s: ChartSeries) => `var(--chart-${(names.indexOf(s.name) % PALETTE_SIZE) + 1})`;
  return (
    <ResponsiveContainer width="100%" height="100%">
      <LineChart data={rows} margin={{ top: 8, right: 12, bottom: 4, left: 4 }}>
        <CartesianGrid stroke="var(--border)" strokeDasharray="3 3" vertical={false} />
        <XAxis
          dataKey="t"
          type="number"
          scale="time"
          domain={window ? [window.startMs, window.endMs] : ["dataMin", "dataMax"]}
          allowDataOverflow
          ticks={window ? timeTicks(window.startMs, window.endMs, range) : undefined}
          tickFormatter={format.axisTime}
          tick={axisTick}
          stroke="var(--border)"
          minTickGap={48}
          height={40}
          label={{ value: timeLabel, position: "insideBottom", offset: 0, style: axisLabel }}
        />
        <YAxis
          tickFormatter={format.tick}
          tick={axisTick}
          stroke="var(--border)"
          width={64}
          // All zeros would give an axis of 0..0; an empty error rate reads better as 0..1 %.
          domain={top !== null && top > 0 ? [0, "auto"] : [0, emptyMax]}
          label={{ value: format.unitLabel, angle: -90, position: "insideLeft", style: axisLabel }}
        />
        <Tooltip
          isAnimationActive={false}
          cursor={{ stroke: "var(--muted-foreground)", strokeDasharray: "3 3" }}
          content={(p) => (
            <ChartTooltip
              active={p.active}
              label={p.label}
              payload={p.payload}
              formatTime={format.fullTime}
              formatValue={format.value}
            />
          )}
        />
        <Legend wrapperStyle={{ fontSize: 12 }} />
        {slo && <ReferenceArea y1={slo.ms} fill="var(--danger)" fillOpacity={0.04} ifOverflow="extendDomain" />}
        {slo && (
          <ReferenceLine
            y={slo.ms}
            stroke="var(--danger)"
            strokeDasharray="6 4"
            ifOverflow="extendDomain"
            label={{ value: slo.label, position: "insideTopRight", fill: "var(--danger)", fontSize: 11 }}
          />
        )}
        {markers?.map((m) => (
          <ReferenceLine
            key={`${m.atMs}-${m.label}`}
            x={m.atMs}
            stroke="var(--muted-foreground)"
            strokeDasharray="2 3"
            ifOverflow="hidden"
            label={{ value: m.label, position: "insideTopLeft", fill: "var(--muted-foreground)", fontSize: 10 }}
          />
        ))}
        {series.map((s, i) => (
          <Line
            key={seriesKey(i)}
            dataKey={seriesKey(i)}
            name={labels[i]}
            type={step ? "stepAfter" : "linear"}
            stroke={color(s)}
            strokeWidth={1.75}
            strokeDasharray={dashed?.(s) ? "5 4" : undefined}
            dot={slo && s.name === slo.series ? breachDot(slo.ms) : false}
            activeDot={{ r: 3 }}
            connectNulls={false}
            isAnimationActive={false}
          />
        ))}
      </LineChart>
    </ResponsiveContainer>
  );
}
