"use client";
// A chart of Prometheus series in a <figure>: its caption is its accessible name, an sr-only summary says the
// latest values, and it shows loading, "no data yet" and "Prometheus is unreachable: …" states.
// data-points (samples drawn) and data-last-timestamp let tests see data arrive and move on in live mode.
import { useId, type ReactNode } from "react";
import { useFormatter, useTranslations } from "next-intl";
import { Skeleton } from "@/components/ui/Skeleton";
import { cn } from "@/components/ui/cn";
import type { ChartPanel, ChartRange, ChartSeries, ChartWindow } from "@/server/validation/metrics";
import { ChartMessage } from "./ChartMessage";
import { TimeSeriesPlot, type ChartMarker } from "./TimeSeriesPlot";
import { countAbove, countPoints, lastTimestamp, latestValues } from "./chart-rows";
import { useChartFormat, type ChartUnit } from "./useChartFormat";

export type TimeSeriesChartProps = {
  /** The figure's caption and accessible name, e.g. "Latency (ms)". */
  title: string;
  unit: ChartUnit;
  range: ChartRange;
  /** undefined while loading. */
  panel: ChartPanel | undefined;
  window: ChartWindow | undefined;
  /** A latency SLO drawn as a line; samples of `series` above it are marked. */
  slo?: { ms: number; series: string };
  dashed?: (s: ChartSeries) => boolean;
  /** Step lines, for counts such as replicas. */
  step?: boolean;
  description?: ReactNode;
  height?: number;
  className?: string;
  /** Vertical lines at moments (e.g. migration steps), labelled briefly. */
  markers?: ChartMarker[];
};

const KNOWN_SERIES = ["p50", "p95", "p99", "requests", "errors", "ready", "cost", "total"] as const;
type KnownSeries = (typeof KNOWN_SERIES)[number];
const isKnown = (n: string): n is KnownSeries => (KNOWN_SERIES as readonly string[]).includes(n);

export function TimeSeriesChart({
  title,
  unit,
  range,
  panel,
  window,
  slo,
  dashed,
  step,
  description,
  height = 240,
  className,
  markers,
}: TimeSeriesChartProps) {
  const t = useTranslations("charts");
  const intl = useFormatter();
  const captionId = useId();
  const summaryId = useId();
  const series = panel?.ok ? panel.series : [];
  const currencies = [...new Set(series.flatMap((s) => (s.currency ? [s.currency] : [])))];
  const currency = currencies.length === 1 ? currencies[0] : undefined;
  const format = useChartFormat(unit, range, currency);

  const label = (s: ChartSeries): string => {
    const base =
      s.group === "allocated" || s.group === "allocatable"
        ? t(`series.${s.group}`, { gpuType: s.name })
        : isKnown(s.name)
          ? t(`series.${s.name}`)
          : s.name;
    return currencies.length > 1 && s.currency ? t("series.withCurrency", { name: base, currency: s.currency }) : base;
  };

  const points = countPoints(series);
  const state = !panel ? "loading" : !panel.ok ? "error" : points === 0 ? "empty" : "ready";

  let summary = "";
  if (state === "loading") summary = t("loading");
  else if (state === "empty") summary = t("summary.empty");
  else if (state === "ready") {
    const latest = latestValues(series).map((l) => `${label(l.series)} ${format.value(l.value)}`);
    const parts = [t("summary.latest", { values: intl.list(latest, { type: "unit" }) })];
    if (window)
      parts.push(
        t("summary.period", {
          start: format.fullTime(window.startMs),
          end: format.fullTime(window.endMs),
          points,
        }),
      );
    if (slo) {
      const watched = series.find((s) => s.name === slo.series);
      const { above, total } = countAbove(watched, slo.ms);
      const name = watched ? label(watched) : slo.series;
      parts.push(
        above > 0
          ? t("summary.breaches", { series: name, slo: slo.ms, count: above, total })
          : t("summary.withinSlo", { series: name, slo: slo.ms }),
      );
    }
    summary = parts.join(" ");
  }

  return (
    <figure
      aria-labelledby={captionId}
      aria-describedby={summaryId}
      aria-busy={state === "loading" || undefined}
      data-state={state}
      data-points={points}
      data-last-timestamp={lastTimestamp(series) ?? undefined}
      className={cn("min-w-0 rounded-lg border border-border bg-surface p-4 shadow-xs", className)}
    >
      <figcaption id={captionId} className="text-sm font-semibold text-foreground">
        {title}
      </figcaption>
      {description && <div className="mt-1 text-xs text-muted-foreground">{description}</div>}
      <div className="mt-3" style={{ height }}>
        {state === "loading" && <Skeleton className="h-full w-full" />}
        {panel && !panel.ok && (
          <ChartMessage tone="danger" title={t(`errors.${panel.error.kind}`, { message: panel.error.message })} />
        )}
        {state === "empty" && <ChartMessage title={t("noData")} hint={t("noDataHint")} />}
        {state === "ready" && (
          <TimeSeriesPlot
            series={series}
            labels={series.map(label)}
            range={range}
            window={window}
            format={format}
            timeLabel={t("units.time")}
            slo={slo ? { ...slo, label: t("sloLine", { ms: slo.ms }) } : undefined}
            dashed={dashed}
            step={step}
            emptyMax={unit === "ratio" ? 0.01 : 1}
            markers={markers}
          />
        )}
      </div>
      <p id={summaryId} className="sr-only">
        {summary}
      </p>
    </figure>
  );
}
