// The migration charts' timeline: the chart range that covers the migration, step markers, and each side's
// share of the requests computed from the source's and target's request rates.
import {
  CHART_RANGES,
  RANGE_SECONDS,
  type ChartPanel,
  type ChartRange,
  type ChartSeries,
} from "@/server/validation/metrics";

/** The smallest chart range (ending now) that still shows the migration from its start. */
export function rangeCovering(startMs: number, nowMs: number): ChartRange {
  const needed = (nowMs - startMs) / 1000 + 60;
  return CHART_RANGES.find((r) => RANGE_SECONDS[r] >= needed) ?? "7d";
}

export function stepMarkers(steps: { index: number; startedAt: Date | null }[]) {
  return steps.flatMap((s) => (s.startedAt ? [{ atMs: s.startedAt.getTime(), label: String(s.index + 1) }] : []));
}

const requestsOf = (p: ChartPanel | undefined) => (p?.ok ? p.series.find((s) => s.name === "requests") : undefined);

/**
 * Share of requests on each side (0..1) per timestamp, aligned to the step; a moment without traffic on
 * either side is a gap, and a side with no series counts as 0 while the other has data.
 */
export function trafficShare(
  source: ChartPanel | undefined,
  target: ChartPanel | undefined,
  stepSeconds: number,
  names: { source: string; target: string },
): ChartPanel | undefined {
  if (!source && !target) return undefined;
  if (source && !source.ok) return source;
  if (target && !target.ok) return target;
  const step = Math.max(1, stepSeconds) * 1000;
  const at = new Map<number, { s: number | null; t: number | null }>();
  const add = (series: ChartSeries | undefined, side: "s" | "t") => {
    for (const [t, v] of series?.points ?? []) {
      const k = Math.round(t / step) * step;
      const row = at.get(k) ?? { s: null, t: null };
      row[side] = v;
      at.set(k, row);
    }
  };
  add(requestsOf(source), "s");
  add(requestsOf(target), "t");
  const keys = [...at.keys()].sort((a, b) => a - b);
  const share = (side: "s" | "t") =>
    keys.map((k): [number, number | null] => {
      const { s, t } = at.get(k)!;
      const total = (s ?? 0) + (t ?? 0);
      if ((s === null && t === null) || total <= 0) return [k, null];
      return [k, ((side === "s" ? s : t) ?? 0) / total];
    });
  return {
    ok: true,
    series: [
      { name: names.source, points: share("s") },
      { name: names.target, points: share("t") },
    ],
  };
}
