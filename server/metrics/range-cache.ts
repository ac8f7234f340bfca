// A short-lived cache of range-query answers in this process, as a query frontend (Thanos, Cortex) keeps one: keyed
// by Prometheus, query and step, so a chart loaded again (or by a colleague) within the minute costs no query, and a
// later load asks only for the steps not yet settled. Points older than SETTLE_MS when fetched are final; newer ones
// (late scrapes, rule evaluations) are asked again. Keys hold the whole query, so team and cluster scope are part of
// them; failures are never cached.
import type { PrometheusClient, QueryOptions, QueryResult, Series } from "./prometheus-client";

/** An answer this recent is served as it is for the same range. */
export const FRESH_MS = 10_000;
/** Points this much older than their fetch are final (Prometheus' default lookback: late samples land within it). */
export const SETTLE_MS = 5 * 60_000;
/** Points held at most over all entries (about 40 bytes each), least recently used dropped first. */
export const MAX_CACHED_POINTS = 500_000;

interface Entry {
  startMs: number;
  endMs: number;
  fetchedAtMs: number;
  series: Series[];
  points: number;
}

export interface RangeCache {
  entries: Map<string, Entry>;
  points: number;
  /** Range queries sent to Prometheus through the cache, and answers served without one (for tests and the bench). */
  stats: { queries: number; hits: number };
}

export function createRangeCache(): RangeCache {
  return { entries: new Map(), points: 0, stats: { queries: 0, hits: 0 } };
}

/** The process-wide cache the chart services share (Tern's default settings use it). */
export const sharedRangeCache = createRangeCache();

/** Empties a cache (the bench measures first loads with it). */
export function forgetRanges(cache: RangeCache = sharedRangeCache): void {
  cache.entries.clear();
  cache.points = 0;
}

const ms = (t: number | Date) => (t instanceof Date ? t.getTime() : t);
const labelKey = (labels: Record<string, string>) =>
  JSON.stringify(Object.entries(labels).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
const countPoints = (series: readonly Series[]) => series.reduce((n, s) => n + s.points.length, 0);

function within(series: readonly Series[], fromMs: number, toMs: number): Series[] {
  return series.flatMap((s) => {
    const points = s.points.filter(([t]) => t >= fromMs && t <= toMs);
    return points.length ? [{ labels: s.labels, points }] : [];
  });
}

/** Cached points up to `untilMs`, then the fresh ones, per series (by label set). */
function merge(cached: readonly Series[], fresh: readonly Series[]): Series[] {
  const out = new Map<string, Series>();
  for (const s of cached) out.set(labelKey(s.labels), { labels: s.labels, points: [...s.points] });
  for (const s of fresh) {
    const k = labelKey(s.labels);
    const prev = out.get(k);
    if (prev) prev.points.push(...s.points);
    else out.set(k, { labels: s.labels, points: [...s.points] });
  }
  return [...out.values()];
}

function store(cache: RangeCache, key: string, entry: Entry) {
  const old = cache.entries.get(key);
  if (old) {
    cache.points -= old.points;
    cache.entries.delete(key);
  }
  if (entry.points > MAX_CACHED_POINTS / 4) return; // one huge answer would push out everything else
  cache.entries.set(key, entry);
  cache.points += entry.points;
  for (const [k, e] of cache.entries) {
    if (cache.points <= MAX_CACHED_POINTS) break;
    cache.entries.delete(k);
    cache.points -= e.points;
  }
}

/** The client with its range queries answered from `cache` where they can be. */
export function withRangeCache(
  client: PrometheusClient,
  cache: RangeCache = sharedRangeCache,
  now: () => number = Date.now,
): PrometheusClient {
  return {
    baseUrl: client.baseUrl,
    query: (promql, time, opts) => client.query(promql, time, opts),
    async queryRange(promql, start, end, stepSeconds, opts?: QueryOptions): Promise<QueryResult> {
      const startMs = ms(start);
      const endMs = ms(end);
      const stepMs = stepSeconds * 1000;
      const key = `${client.baseUrl}\u0000${stepSeconds}\u0000${promql}`;
      const hit = cache.entries.get(key);
      const at = now();
      // Only ranges on the same step grid can share points.
      const onGrid = hit && (startMs - hit.startMs) % stepMs === 0;
      if (hit && onGrid && hit.startMs <= startMs && hit.endMs >= endMs && at - hit.fetchedAtMs < FRESH_MS) {
        cache.entries.delete(key); // most recently used goes last
        cache.entries.set(key, hit);
        cache.stats.hits++;
        return { ok: true, series: within(hit.series, startMs, endMs) };
      }
      const settled = hit && onGrid ? Math.min(hit.endMs, hit.fetchedAtMs - SETTLE_MS) : -Infinity;
      const reuse = hit !== undefined && hit.startMs <= startMs && settled >= startMs;
      // The first step after the settled ones, on the range's grid.
      const fromMs = reuse ? startMs + (Math.floor((settled - startMs) / stepMs) + 1) * stepMs : startMs;
      if (reuse && fromMs > endMs) {
        cache.stats.hits++;
        return { ok: true, series: within(hit.series, startMs, endMs) };
      }
      cache.stats.queries++;
      const r = await client.queryRange(promql, fromMs, endMs, stepSeconds, opts);
      if (!r.ok) return r;
      const series = reuse ? merge(within(hit.series, startMs, fromMs - stepMs), r.series) : r.series;
      store(cache, key, { startMs, endMs, fetchedAtMs: at, series, points: countPoints(series) });
      return r.warnings ? { ok: true, series, warnings: r.warnings } : { ok: true, series };
    },
  };
}
