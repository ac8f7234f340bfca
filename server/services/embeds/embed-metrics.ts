// The five charts an embed link can show, as PromQL for one deployment: the same templates as the dashboard.
import { costRate } from "../../metrics/cost";
import { errorRatio, latencyQuantile, readyReplicas, requestRate, type PromQuery } from "../../metrics/promql";
import { rateWindowFor } from "../../metrics/promql-range";
import type { EmbedMetric } from "../../validation/embed";

export interface EmbedScope {
  teamId: string;
  /** The `tern_cluster_id` matcher (Tern's cluster id): set on the shared Prometheus only (a cluster's own has no such label). */
  clusterId: string | undefined;
  namespace: string;
  deployment: string;
}

export interface EmbedQuery {
  /** Legend name. */
  name: string;
  build: () => PromQuery;
  /** Applied to every value, e.g. 100 to show a 0..1 ratio in percent. */
  scale?: number;
}

/** English, like the rest of the server-rendered SVG. */
export const METRIC_LABELS: Record<EmbedMetric, string> = {
  latency: "p95 latency",
  requests: "Requests",
  errors: "Errors",
  replicas: "Ready replicas",
  cost: "GPU cost",
};

const UNIT_LABELS: Record<EmbedMetric, string> = {
  latency: "ms",
  requests: "req/s",
  errors: "% of requests",
  replicas: "replicas",
  cost: "per hour",
};

export const unitLabel = (metric: EmbedMetric) => UNIT_LABELS[metric];

/** Queries whose templates are built lazily: a template that refuses a name fails only this chart. */
export function embedQueries(metric: Exclude<EmbedMetric, "cost">, s: EmbedScope, stepSeconds: number): EmbedQuery[] {
  const scope = { cluster: s.clusterId, namespace: s.namespace, deployment: s.deployment };
  const window = rateWindowFor(stepSeconds);
  switch (metric) {
    case "latency":
      return [{ name: "p95", build: () => latencyQuantile({ ...scope, window, quantile: 0.95 }) }];
    case "requests":
      return [{ name: "requests", build: () => requestRate({ ...scope, window }) }];
    case "errors":
      return [{ name: "errors", build: () => errorRatio({ ...scope, window }), scale: 100 }];
    case "replicas":
      return [{ name: "ready", build: () => readyReplicas(scope) }];
  }
}

/** Cost from Prometheus, where Tern's price gauges are scraped (the shared Prometheus only). */
export function embedCostQuery(s: EmbedScope): EmbedQuery {
  return {
    name: "cost",
    build: () =>
      costRate({
        team: s.teamId,
        ...(s.clusterId ? { clusterId: s.clusterId } : {}),
        namespace: s.namespace,
        deployment: s.deployment,
        by: "deployment",
      }),
  };
}
