// PromQL for Tern's charts, built only on the server from named templates. Parameters are validated (zod)
// and escaped; metric names come from a runtime preset, never from a request.
import { z } from "zod";
import { AppError } from "../errors";
import {
  parseParams,
  promqlString,
  selector,
  zClusterIdLabel,
  zK8sName,
  zQuantile,
  zRateWindow,
  type Matcher,
} from "./promql-params";
import { TERN_METRICS } from "./cost";
import { recordable, recordedQuantileName } from "./recording-rules";
import { CLUSTER_METRICS as K, presetOf, type CounterRef, type RuntimeId, type RuntimePreset } from "./runtime-presets";

export type PromUnit = "ms" | "req/s" | "ratio" | "replicas" | "GPUs" | "currency/h" | "currency";

export interface PromQuery {
  expr: string;
  unit: PromUnit;
}

export interface RuntimeOption {
  /** The deployment's serving runtime; defaults to the simulator's metric names. */
  runtime?: RuntimeId | RuntimePreset;
}

const ZScope = z.object({
  /** Tern's cluster id (the `tern_cluster_id` label); absent on a cluster's own Prometheus. */
  cluster: zClusterIdLabel.optional(),
  namespace: zK8sName("namespace"),
  deployment: zK8sName("deployment"),
});
const ZRateParams = ZScope.extend({ window: zRateWindow });
const ZQuantileParams = ZRateParams.extend({ quantile: zQuantile });
const ZClusterParams = z.object({ cluster: zClusterIdLabel.optional() });

export type DeploymentScope = z.input<typeof ZScope>;
export type RateParams = z.input<typeof ZRateParams> & RuntimeOption;
export type QuantileParams = z.input<typeof ZQuantileParams> & RuntimeOption;
type Scope = z.output<typeof ZScope>;

const clusterMatcher = (cluster: string | undefined): Matcher[] =>
  cluster ? [{ label: K.clusterLabel, op: "=", value: cluster }] : [];

/** Matchers selecting one deployment's series in a runtime's metrics. */
export function deploymentMatchers(preset: RuntimePreset, s: Scope): Matcher[] {
  const m: Matcher[] = [...clusterMatcher(s.cluster), { label: preset.namespaceLabel, op: "=", value: s.namespace }];
  // A DNS-1123 name has no regex metacharacters besides '-', so it can sit in the pattern as is.
  if (preset.deployment.match === "pod-prefix")
    m.push({ label: preset.deployment.label, op: "=~", value: `${s.deployment}-[a-z0-9]{1,10}-[a-z0-9]{5}` });
  else m.push({ label: preset.deployment.label, op: "=", value: s.deployment });
  return m;
}

const refSelector = (ref: CounterRef, base: Matcher[]) => selector(ref.metric, [...base, ...(ref.matchers ?? [])]);

/**
 * Sum of the rates of several counters. A counter with no series yet (no failure so far) must count as 0,
 * but when none of them has a series the answer is "no data", never 0 — hence the `and on()` guard.
 */
function sumRates(refs: readonly CounterRef[], base: Matcher[], window: string): string {
  const terms = refs.map((r) => `sum(rate(${refSelector(r, base)}[${window}]))`);
  if (terms.length === 1) return terms[0]!;
  const exists = refs.map((r) => `count(${refSelector(r, base)})`).join(" or ");
  return `(${terms.map((t) => `(${t} or vector(0))`).join(" + ")}) and on() (${exists})`;
}

function toMs(expr: string, factor: number): string {
  if (factor === 1) return expr;
  return factor > 1 ? `(${expr}) * ${factor}` : `(${expr}) / ${Math.round(1 / factor)}`;
}

/** p50/p95/p99 latency in milliseconds over all pods of a deployment. */
export function latencyQuantile(params: QuantileParams): PromQuery {
  const p = parseParams(ZQuantileParams, params);
  const preset = presetOf(params.runtime);
  const base = deploymentMatchers(preset, p);
  const lat = preset.latency;
  if (lat.kind === "histogram") {
    const buckets = selector(`${lat.metric}_bucket`, [...base, ...(lat.matchers ?? [])]);
    return {
      expr: toMs(`histogram_quantile(${p.quantile}, sum by (le) (rate(${buckets}[${p.window}])))`, lat.toMs),
      unit: "ms",
    };
  }
  if (lat.kind === "summary") {
    if (!lat.quantiles.includes(p.quantile))
      throw new AppError(
        "BAD_REQUEST",
        `${preset.label} exports the quantiles ${lat.quantiles.join(", ")} only`,
        "quantile",
      );
    // Summaries cannot be merged across pods; the slowest pod's quantile is the honest upper bound.
    const q = selector(lat.metric, [...base, { label: "quantile", op: "=", value: String(p.quantile) }]);
    return { expr: toMs(`max(${q})`, lat.toMs), unit: "ms" };
  }
  throw new AppError(
    "BAD_REQUEST",
    `${preset.label} exports no latency distribution, only an average; chart the average latency, or enable summary latencies (--metrics-config summary_latencies=true) and use the triton-summary runtime`,
    "quantile",
  );
}

/** A histogram's bucket rates, to be turned into quantiles by histogramQuantiles (metrics/histogram-quantile.ts). */
export interface BucketsQuery extends PromQuery {
  /** Factor from the histogram's unit to milliseconds, applied to each quantile as the templates do. */
  toMs: number;
}

function histogramOf(preset: RuntimePreset): Extract<RuntimePreset["latency"], { kind: "histogram" }> {
  const lat = preset.latency;
  if (lat.kind === "histogram") return lat;
  throw new AppError(
    "BAD_REQUEST",
    `${preset.label} exports no latency histogram; its quantiles come one query each (latencyQuantile)`,
    "runtime",
  );
}

/**
 * `sum by (le) (rate(<bucket>[w]))` for one deployment: the input of histogram_quantile, fetched once so p50,
 * p95 and p99 are computed from one answer instead of three queries over the same series.
 */
export function latencyBuckets(params: RateParams): BucketsQuery {
  const p = parseParams(ZRateParams, params);
  const preset = presetOf(params.runtime);
  const lat = histogramOf(preset);
  const buckets = selector(`${lat.metric}_bucket`, [...deploymentMatchers(preset, p), ...(lat.matchers ?? [])]);
  return { expr: `sum by (le) (rate(${buckets}[${p.window}]))`, unit: "ms", toMs: lat.toMs };
}

/**
 * p50/p95/p99 of one deployment in milliseconds from the recording rules (metrics/recording-rules.ts), one series
 * per `quantile` label; null for a runtime whose quantiles are not recorded. An empty answer means the rules are
 * not installed (or not yet evaluated) on that Prometheus.
 */
export function latencyRecordedQuantiles(params: RateParams): PromQuery | null {
  const p = parseParams(ZRateParams, params);
  const preset = presetOf(params.runtime);
  if (!recordable(preset)) return null;
  const name = recordedQuantileName(preset.latency.metric, p.window);
  // max: one series per quantile even when an HA pair of Prometheus servers both wrote it into one store.
  return {
    expr: toMs(`max by (quantile) (${selector(name, deploymentMatchers(preset, p))})`, preset.latency.toMs),
    unit: "ms",
  };
}

const ZFleetParams = z.object({
  /** Tern's cluster ids on a shared Prometheus; absent on a cluster's own Prometheus. */
  clusters: z.array(zClusterIdLabel).min(1).optional(),
  deployments: z.array(z.object({ namespace: zK8sName("namespace"), deployment: zK8sName("deployment") })).min(1),
  window: zRateWindow,
});
export type FleetParams = z.input<typeof ZFleetParams> & RuntimeOption;

/** A `=~` matcher for a set of validated names (DNS-1123 names and cluster ids hold no regex metacharacters). */
const anyOf = (label: string, values: readonly string[]): Matcher => ({
  label,
  op: "=~",
  value: [...new Set(values)].sort().join("|"),
});

/** Matchers and grouping labels for many deployments at once; only runtimes labelled by deployment can group. */
function fleetScope(preset: RuntimePreset, p: z.output<typeof ZFleetParams>): { base: Matcher[]; by: string[] } {
  if (preset.deployment.match !== "exact")
    throw new AppError(
      "BAD_REQUEST",
      `${preset.label} labels series by pod, not by deployment; query its deployments one at a time`,
      "runtime",
    );
  const base: Matcher[] = [];
  const by: string[] = [];
  if (p.clusters) {
    base.push(anyOf(K.clusterLabel, p.clusters));
    by.push(K.clusterLabel);
  }
  base.push(
    anyOf(
      preset.namespaceLabel,
      p.deployments.map((d) => d.namespace),
    ),
  );
  base.push(
    anyOf(
      preset.deployment.label,
      p.deployments.map((d) => d.deployment),
    ),
  );
  by.push(preset.namespaceLabel, preset.deployment.label);
  return { base, by };
}

/**
 * Bucket rates of many deployments in one query, by (le, [cluster id,] namespace, deployment): the overview's
 * p95 for every deployment on one Prometheus. The matchers may also select other pairs of the same names;
 * callers keep only the deployments they asked for.
 */
export function fleetLatencyBuckets(params: FleetParams): BucketsQuery {
  const p = parseParams(ZFleetParams, params);
  const preset = presetOf(params.runtime);
  const lat = histogramOf(preset);
  const { base, by } = fleetScope(preset, p);
  const buckets = selector(`${lat.metric}_bucket`, [...base, ...(lat.matchers ?? [])]);
  return { expr: `sum by (le, ${by.join(", ")}) (rate(${buckets}[${p.window}]))`, unit: "ms", toMs: lat.toMs };
}

const ZPoolParams = z.object({ clusters: z.array(zClusterIdLabel).min(1), window: zRateWindow });

/**
 * Bucket rates over a long window by (le, cluster id, GPU type) on the shared Prometheus: the latency history of
 * every deployment that ran on each (cluster, GPU type) pool, gone or still running, for the placement optimizer.
 * The GPU type comes from Tern's own `tern_deployment_info`; one GPU type per deployment name (topk) keeps the join
 * one-to-one when a deployment changed type within the window.
 */
export function poolLatencyBuckets(params: z.input<typeof ZPoolParams> & RuntimeOption): BucketsQuery {
  const p = parseParams(ZPoolParams, params);
  const preset = presetOf(params.runtime);
  const lat = histogramOf(preset);
  if (preset.deployment.match !== "exact")
    throw new AppError("BAD_REQUEST", `${preset.label} labels series by pod, not by deployment`, "runtime");
  const clusters = anyOf(K.clusterLabel, p.clusters);
  const key = [K.clusterLabel, preset.namespaceLabel, preset.deployment.label].join(", ");
  const buckets = selector(`${lat.metric}_bucket`, [clusters, ...(lat.matchers ?? [])]);
  const info = `max_over_time(${selector(TERN_METRICS.info, [clusters])}[${p.window}])`;
  const gpu = `topk by (${key}) (1, max by (${key}, gpu_type) (${info}))`;
  return {
    expr: `sum by (le, ${K.clusterLabel}, gpu_type) (rate(${buckets}[${p.window}]) * on (${key}) group_left (gpu_type) ${gpu})`,
    unit: "ms",
    toMs: lat.toMs,
  };
}

/** Requests per second of many deployments in one query, by ([cluster id,] namespace, deployment). */
export function fleetRequestRate(params: FleetParams): PromQuery {
  const p = parseParams(ZFleetParams, params);
  const preset = presetOf(params.runtime);
  const { base, by } = fleetScope(preset, p);
  const rates = preset.requests.map((r) => `rate(${refSelector(r, base)}[${p.window}])`);
  // rate() drops the metric name, so two counters' series of one pod would collide in `or`: tag them apart first.
  const inner =
    rates.length === 1
      ? rates[0]!
      : rates.map((r, i) => `label_replace(${r}, "tern_counter", "${i}", "", "")`).join(" or ");
  return { expr: `sum by (${by.join(", ")}) (${inner})`, unit: "req/s" };
}

/** Mean latency in milliseconds (sum of durations / count of requests). */
export function latencyAverage(params: RateParams): PromQuery {
  const p = parseParams(ZRateParams, params);
  const preset = presetOf(params.runtime);
  const base = deploymentMatchers(preset, p);
  const lat = preset.latency;
  if (lat.kind === "counter-average") {
    return {
      expr: toMs(
        `sum(rate(${refSelector(lat.sum, base)}[${p.window}])) / (${sumRates(lat.count, base, p.window)})`,
        lat.toMs,
      ),
      unit: "ms",
    };
  }
  const extra = lat.kind === "histogram" ? (lat.matchers ?? []) : [];
  const sum = selector(`${lat.metric}_sum`, [...base, ...extra]);
  const count = selector(`${lat.metric}_count`, [...base, ...extra]);
  return { expr: toMs(`sum(rate(${sum}[${p.window}])) / sum(rate(${count}[${p.window}]))`, lat.toMs), unit: "ms" };
}

/** Requests per second, failed ones included. */
export function requestRate(params: RateParams): PromQuery {
  const p = parseParams(ZRateParams, params);
  const preset = presetOf(params.runtime);
  return { expr: sumRates(preset.requests, deploymentMatchers(preset, p), p.window), unit: "req/s" };
}

function errorCounters(preset: RuntimePreset): readonly CounterRef[] {
  if (!preset.errors)
    throw new AppError(
      "BAD_REQUEST",
      `${preset.label} exports no error counter; errors cannot be charted for this runtime`,
      "runtime",
    );
  return preset.errors;
}

function errorsPerSecond(preset: RuntimePreset, base: Matcher[], window: string): string {
  // No failure series yet while requests flow means 0 errors; no requests at all stays "no data".
  return `(${sumRates(errorCounters(preset), base, window)}) or (${sumRates(preset.requests, base, window)}) * 0`;
}

/**
 * Failed requests per second as the counters have it: no series at all until the first failure. For a caller
 * that already has requestRate's answer and divides itself (services/metrics/chart-series.ts: ratioOf); the
 * same ratio as errorRatio's, with one rate over the day instead of three.
 */
export function failedRequestRate(params: RateParams): PromQuery {
  const p = parseParams(ZRateParams, params);
  const preset = presetOf(params.runtime);
  return { expr: sumRates(errorCounters(preset), deploymentMatchers(preset, p), p.window), unit: "req/s" };
}

/** Failed requests per second. */
export function errorRate(params: RateParams): PromQuery {
  const p = parseParams(ZRateParams, params);
  const preset = presetOf(params.runtime);
  return { expr: errorsPerSecond(preset, deploymentMatchers(preset, p), p.window), unit: "req/s" };
}

/** Share of requests that failed, 0..1 (NaN while there is no traffic: shown as a gap). */
export function errorRatio(params: RateParams): PromQuery {
  const p = parseParams(ZRateParams, params);
  const preset = presetOf(params.runtime);
  const base = deploymentMatchers(preset, p);
  return {
    expr: `(${errorsPerSecond(preset, base, p.window)}) / (${sumRates(preset.requests, base, p.window)})`,
    unit: "ratio",
  };
}

const ksmDeployment = (s: Scope): Matcher[] => [
  ...clusterMatcher(s.cluster),
  { label: "namespace", op: "=", value: s.namespace },
  { label: "deployment", op: "=", value: s.deployment },
];

/** Ready replicas (kube-state-metrics); max() removes duplicates from redundant scrapers. */
export function readyReplicas(params: DeploymentScope): PromQuery {
  const p = parseParams(ZScope, params);
  return { expr: `max(${selector(K.readyReplicas, ksmDeployment(p))})`, unit: "replicas" };
}

/** Ready replicas of many deployments in one query, by ([cluster id,] namespace, deployment) (kube-state-metrics). */
export function fleetReadyReplicas(params: Omit<FleetParams, "window" | "runtime">): PromQuery {
  const p = parseParams(ZFleetParams.omit({ window: true }), params);
  const base: Matcher[] = p.clusters ? [anyOf(K.clusterLabel, p.clusters)] : [];
  base.push(
    anyOf(
      "namespace",
      p.deployments.map((d) => d.namespace),
    ),
  );
  base.push(
    anyOf(
      "deployment",
      p.deployments.map((d) => d.deployment),
    ),
  );
  const by = [...(p.clusters ? [K.clusterLabel] : []), "namespace", "deployment"];
  return { expr: `max by (${by.join(", ")}) (${selector(K.readyReplicas, base)})`, unit: "replicas" };
}

export function desiredReplicas(params: DeploymentScope): PromQuery {
  const p = parseParams(ZScope, params);
  return { expr: `max(${selector(K.specReplicas, ksmDeployment(p))})`, unit: "replicas" };
}

/** Attaches each node's GPU type (from its product label) and sums per `gpu_type`. */
function byGpuType(perNode: string, cluster: Matcher[]): string {
  const nodeLabels = `max by (${K.clusterLabel}, node, ${K.gpuTypeNodeLabel}) (${selector(K.nodeLabels, cluster)})`;
  const joined = `${perNode} * on (${K.clusterLabel}, node) group_left (${K.gpuTypeNodeLabel}) ${nodeLabels}`;
  return `sum by (gpu_type) (label_replace(${joined}, "gpu_type", "$1", ${promqlString(K.gpuTypeNodeLabel)}, "(.+)"))`;
}

/** GPUs the nodes offer for scheduling, per GPU type. */
export function gpuAllocatable(params: { cluster?: string } = {}): PromQuery {
  const p = parseParams(ZClusterParams, params);
  const cluster = clusterMatcher(p.cluster);
  const alloc = selector(K.nodeAllocatable, [...cluster, { label: "resource", op: "=", value: K.gpuResource }]);
  return { expr: byGpuType(`max by (${K.clusterLabel}, node) (${alloc})`, cluster), unit: "GPUs" };
}

/** GPUs requested by scheduled, not-finished pods, per GPU type. */
export function gpuAllocated(params: { cluster?: string } = {}): PromQuery {
  const p = parseParams(ZClusterParams, params);
  const cluster = clusterMatcher(p.cluster);
  const requests = selector(K.podRequests, [
    ...cluster,
    { label: "resource", op: "=", value: K.gpuResource },
    { label: "node", op: "!=", value: "" },
  ]);
  const live = `max by (${K.clusterLabel}, namespace, pod) (${selector(K.podPhase, [...cluster, { label: "phase", op: "=~", value: "Pending|Running" }])} == 1)`;
  const perNode = `sum by (${K.clusterLabel}, node) (${requests} * on (${K.clusterLabel}, namespace, pod) group_left () ${live})`;
  return { expr: byGpuType(perNode, cluster), unit: "GPUs" };
}
