// Per-cluster fan-out (Backstage style): every cluster answers or fails on its own, so one dead
// Prometheus shows as an error beside the others' results instead of blanking the page.
import type { PrometheusClient, PromError, QueryResult, Series } from "./prometheus-client";

export interface ClusterTarget {
  cluster: string;
  client: PrometheusClient;
}

export interface ClusterSeries {
  cluster: string;
  series: Series[];
  warnings?: string[];
}

export interface ClusterError {
  cluster: string;
  error: PromError;
}

export interface FanOutResult {
  results: ClusterSeries[];
  errors: ClusterError[];
}

/** Runs one query per cluster in parallel (each bounded by its client's timeout) and splits the outcomes. */
export async function queryClusters(
  targets: ClusterTarget[],
  run: (target: ClusterTarget) => Promise<QueryResult>,
): Promise<FanOutResult> {
  const outcomes = await Promise.all(
    targets.map(async (t): Promise<QueryResult> => {
      try {
        return await run(t);
      } catch (e) {
        // A thrown error here is a bug in the caller's query builder; still only this cluster fails.
        return { ok: false, error: { kind: "server_error", message: e instanceof Error ? e.message : String(e) } };
      }
    }),
  );
  const out: FanOutResult = { results: [], errors: [] };
  outcomes.forEach((r, i) => {
    const cluster = targets[i]!.cluster;
    if (r.ok)
      out.results.push(
        r.warnings ? { cluster, series: r.series, warnings: r.warnings } : { cluster, series: r.series },
      );
    else out.errors.push({ cluster, error: r.error });
  });
  return out;
}
