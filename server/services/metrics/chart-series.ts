// From Prometheus results to chart series: NaN and ±Inf become gaps (null), missing steps become explicit
// gaps, and sums never turn "no data" into zero.
import type { Point, PromError, QueryResult, Series } from "../../metrics/prometheus-client";
import type { ChartError, ChartPanel, ChartPoint, ChartSeries } from "../../validation/metrics";

export const finiteOrNull = (v: number): number | null => (Number.isFinite(v) ? v : null);

/** Points with gaps made explicit: a null after any jump longer than one step, so a line breaks there. */
export function withGaps(points: readonly (Point | ChartPoint)[], stepSeconds: number): ChartPoint[] {
  const stepMs = stepSeconds * 1000;
  const out: ChartPoint[] = [];
  let prev: number | null = null;
  for (const [t, v] of points) {
    if (prev !== null && t - prev > stepMs * 1.5) out.push([prev + stepMs, null]);
    out.push([t, v === null ? null : finiteOrNull(v)]);
    prev = t;
  }
  return out;
}

export function chartError(e: PromError | ChartError, cluster?: string): ChartError {
  return cluster ? { kind: e.kind, message: e.message, cluster } : { kind: e.kind, message: e.message };
}

/** A panel from one query's result, naming each series from its labels. */
export function panelOf(
  r: QueryResult,
  stepSeconds: number,
  name: (labels: Record<string, string>) => string,
  extra?: (labels: Record<string, string>) => Partial<ChartSeries>,
): ChartPanel {
  if (!r.ok) return { ok: false, error: chartError(r.error) };
  return { ok: true, series: r.series.map((s) => toChartSeries(s, stepSeconds, name, extra)) };
}

export function toChartSeries(
  s: Series,
  stepSeconds: number,
  name: (labels: Record<string, string>) => string,
  extra?: (labels: Record<string, string>) => Partial<ChartSeries>,
): ChartSeries {
  return { ...extra?.(s.labels), name: name(s.labels), points: withGaps(s.points, stepSeconds) };
}

/**
 * The share of requests that failed, computed as errorRatio's PromQL does — `(failed or requests * 0) /
 * requests` — from two answers: a step with requests but no failure series is 0; one without requests has no
 * point; no traffic at all (0 / 0) is a gap.
 */
export function ratioOf(failed: QueryResult, requests: QueryResult, stepSeconds: number, name: string): ChartPanel {
  if (!requests.ok) return { ok: false, error: chartError(requests.error) };
  if (!failed.ok) return { ok: false, error: chartError(failed.error) };
  const failedAt = new Map<number, number>();
  for (const s of failed.series) for (const [t, v] of s.points) failedAt.set(t, (failedAt.get(t) ?? 0) + v);
  return {
    ok: true,
    series: requests.series.map((s) =>
      toChartSeries(
        { labels: s.labels, points: s.points.map(([t, r]) => [t, (failedAt.get(t) ?? 0) / r]) },
        stepSeconds,
        () => name,
      ),
    ),
  };
}

/** Point-wise sum by timestamp; a timestamp where every input is a gap stays a gap. */
export function sumPoints(lists: readonly ChartPoint[][]): ChartPoint[] {
  const acc = new Map<number, number | null>();
  for (const list of lists)
    for (const [t, v] of list) {
      const prev = acc.get(t);
      acc.set(t, v === null ? (prev ?? null) : (prev ?? 0) + v);
    }
  return [...acc.entries()].sort((a, b) => a[0] - b[0]);
}

export function lastValue(points: readonly ChartPoint[]): number | null {
  for (let i = points.length - 1; i >= 0; i--) {
    const v = points[i]![1];
    if (v !== null) return v;
  }
  return null;
}

/** A running total of an hourly rate: each point's rate holds for one step (see metrics/cost.ts). */
export function cumulativeOf(points: readonly ChartPoint[], stepSeconds: number): ChartPoint[] {
  let total = 0;
  let seen = false;
  return points.map(([t, v], i) => {
    const prev = points[i - 1];
    if (prev && prev[1] !== null) total += (prev[1] * stepSeconds) / 3600;
    seen ||= v !== null;
    return [t, seen ? total : null];
  });
}
