// Runs a PromQL template against a Prometheus; a template that refuses its parameters (AppError) becomes an
// error as data for that one panel instead of failing the whole page.
import type { PrometheusClient, QueryResult } from "../../metrics/prometheus-client";
import type { PromQuery } from "../../metrics/promql";
import { resolveRange, type ResolvedRange } from "../../metrics/promql-range";
import { RANGE_SECONDS, type ChartRange, type ChartWindow } from "../../validation/metrics";
import { errorMessage } from "../../domain/error-message";

export type ChartRangeWindow = ResolvedRange;

/** The range ending now, with a step that keeps each series under the chart's width (≤ 1,500 points). */
export function chartWindow(range: ChartRange, widthPx: number | undefined, nowMs: number): ChartRangeWindow {
  return resolveRange({ startMs: nowMs - RANGE_SECONDS[range] * 1000, endMs: nowMs, widthPx, nowMs });
}

export const windowDto = (w: ChartRangeWindow): ChartWindow => ({
  startMs: w.startMs,
  endMs: w.endMs,
  stepSeconds: w.stepSeconds,
});

function refused(e: unknown): QueryResult {
  return { ok: false, error: { kind: "bad_query", message: errorMessage(e) } };
}

export async function queryRange(
  client: PrometheusClient,
  build: () => PromQuery,
  w: ChartRangeWindow,
  signal?: AbortSignal,
): Promise<QueryResult> {
  let q: PromQuery;
  try {
    q = build();
  } catch (e) {
    return refused(e);
  }
  return client.queryRange(q.expr, w.startMs, w.endMs, w.stepSeconds, signal ? { signal } : undefined);
}

export async function queryInstant(
  client: PrometheusClient,
  build: () => PromQuery,
  signal?: AbortSignal,
): Promise<QueryResult> {
  let q: PromQuery;
  try {
    q = build();
  } catch (e) {
    return refused(e);
  }
  return client.query(q.expr, undefined, signal ? { signal } : undefined);
}

/** Runs `fn` over `items` with at most `limit` in flight, keeping the order of the results. */
export async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}
