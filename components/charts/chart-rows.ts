// Chart panels reshaped for recharts (one row per timestamp, one key per series) and read back for the
// accessible summary and the test hooks (points drawn, latest values, SLO breaches).
import type { ChartRange, ChartSeries } from "@/server/validation/metrics";

export type ChartRow = { t: number } & Record<string, number | null>;

export const seriesKey = (index: number) => `s${index}`;

export function toRows(series: readonly ChartSeries[]): ChartRow[] {
  const rows = new Map<number, ChartRow>();
  series.forEach((s, i) => {
    for (const [t, v] of s.points) {
      const row = rows.get(t) ?? { t };
      row[seriesKey(i)] = v;
      rows.set(t, row);
    }
  });
  return [...rows.values()].sort((a, b) => a.t - b.t);
}

/** Samples drawn: points with a value (gaps are not drawn). */
export function countPoints(series: readonly ChartSeries[]): number {
  return series.reduce((n, s) => n + s.points.filter(([, v]) => v !== null).length, 0);
}

export function lastTimestamp(series: readonly ChartSeries[]): number | null {
  let last: number | null = null;
  for (const s of series) for (const [t, v] of s.points) if (v !== null && (last === null || t > last)) last = t;
  return last;
}

export function latestValues(series: readonly ChartSeries[]): { series: ChartSeries; value: number }[] {
  return series.flatMap((s) => {
    for (let i = s.points.length - 1; i >= 0; i--) {
      const v = s.points[i]![1];
      if (v !== null) return [{ series: s, value: v }];
    }
    return [];
  });
}

/** How many of a series' samples lie above a threshold (an SLO). */
export function countAbove(s: ChartSeries | undefined, threshold: number): { above: number; total: number } {
  const values = (s?.points ?? []).flatMap(([, v]) => (v === null ? [] : [v]));
  return { above: values.filter((v) => v > threshold).length, total: values.length };
}

const MINUTE = 60_000;
/** Tick spacing per range: about 4 to 7 labels, on round UTC times. */
const TICK_EVERY: Record<ChartRange, number> = {
  "15m": 3 * MINUTE,
  "1h": 10 * MINUTE,
  "6h": 60 * MINUTE,
  "24h": 4 * 60 * MINUTE,
  "7d": 24 * 60 * MINUTE,
};

export function timeTicks(startMs: number, endMs: number, range: ChartRange): number[] {
  const every = TICK_EVERY[range];
  const ticks: number[] = [];
  for (let t = Math.ceil(startMs / every) * every; t <= endMs; t += every) ticks.push(t);
  return ticks;
}

/** The largest value drawn, or null when there is none. */
export function maxValue(series: readonly ChartSeries[]): number | null {
  let max: number | null = null;
  for (const s of series) for (const [, v] of s.points) if (v !== null && (max === null || v > max)) max = v;
  return max;
}
