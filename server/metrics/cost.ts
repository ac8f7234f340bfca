// GPU cost computed in Prometheus: ready replicas (the cluster's kube-state-metrics) × GPUs per replica ×
// price per GPU-hour (both exported by Tern, as OpenCost does). Because prices are time series, a price
// change applies from the moment it is exported: past cost is never recomputed with today's price.
import { z } from "zod";
import { AppError } from "../errors";
import type { Point } from "./prometheus-client";
import {
  formatSeconds,
  durationSeconds,
  parseParams,
  selector,
  zDuration,
  zClusterIdLabel,
  zK8sName,
  zTeamLabel,
  type Matcher,
} from "./promql-params";
import type { PromQuery } from "./promql";
import { CLUSTER_METRICS as K } from "./runtime-presets";

/** Series Tern exports on its own /metrics (see tern-metrics.ts). */
export const TERN_METRICS = {
  price: "tern_gpu_price_per_hour",
  info: "tern_deployment_info",
  gpus: "tern_deployment_gpus_per_replica",
} as const;

const GROUPINGS = {
  deployment: ["team", K.clusterLabel, "namespace", "deployment", "currency"],
  cluster: ["team", K.clusterLabel, "currency"],
  team: ["team", "currency"],
} as const;

const ZCostParams = z.object({
  /** Prices are per team, so every cost query is scoped to one. */
  team: zTeamLabel,
  /** Tern's cluster id, matched on the `tern_cluster_id` label. */
  clusterId: zClusterIdLabel.optional(),
  namespace: zK8sName("namespace").optional(),
  deployment: zK8sName("deployment").optional(),
  by: z.enum(["deployment", "cluster", "team"]).default("deployment"),
});
export type CostParams = z.input<typeof ZCostParams>;

const ZCumulativeParams = ZCostParams.extend({
  /** The period summed, ending at the query's evaluation time. */
  window: zDuration("window", 60, 31 * 86_400),
  /** Subquery resolution: one rectangle of the sum per resolution. */
  resolution: zDuration("resolution", 5, 86_400).default("5m"),
});
export type CumulativeCostParams = z.input<typeof ZCumulativeParams>;

function costRateExpr(p: z.output<typeof ZCostParams>): string {
  const scope: Matcher[] = p.clusterId ? [{ label: K.clusterLabel, op: "=", value: p.clusterId }] : [];
  for (const label of ["namespace", "deployment"] as const) {
    const v = p[label];
    if (v) scope.push({ label, op: "=", value: v });
  }
  const team: Matcher = { label: "team", op: "=", value: p.team };
  const key = `${K.clusterLabel}, namespace, deployment`;
  // max by (…) drops job/instance so the joins match, and removes duplicates when several Tern replicas export the same gauge.
  const ready = `max by (${key}) (${selector(K.readyReplicas, scope)})`;
  const gpus = `max by (team, ${key}, provider, region, gpu_type) (${selector(TERN_METRICS.gpus, [team, ...scope])})`;
  const price = `max by (team, provider, region, gpu_type, currency) (${selector(TERN_METRICS.price, [team])})`;
  const perDeployment = `${ready} * on (${key}) group_left (team, provider, region, gpu_type) ${gpus} * on (team, provider, region, gpu_type) group_left (currency) ${price}`;
  return `sum by (${GROUPINGS[p.by].join(", ")}) (${perDeployment})`;
}

/** Cost per hour (in each series' `currency` label) of ready GPU replicas. */
export function costRate(params: CostParams): PromQuery {
  return { expr: costRateExpr(parseParams(ZCostParams, params)), unit: "currency/h" };
}

/**
 * Total cost over `window` ending at the evaluation time: the hourly rate sampled every `resolution`
 * (a subquery) and summed as rectangles — Σ rate × resolution / 3600. It is a left Riemann sum of the
 * integral of the rate; each replica change is off by at most one resolution's worth of cost, and
 * periods with no series (deployment absent, Prometheus down) add nothing rather than a guess.
 */
export function cumulativeCost(params: CumulativeCostParams): PromQuery {
  const p = parseParams(ZCumulativeParams, params);
  const res = durationSeconds(p.resolution);
  const samples = durationSeconds(p.window) / res;
  if (samples > 11_000) {
    throw new AppError(
      "BAD_REQUEST",
      `window ${p.window} at resolution ${p.resolution} is ${Math.round(samples)} samples; use a resolution of at least ${formatSeconds(Math.ceil(durationSeconds(p.window) / 11_000))}`,
      "resolution",
    );
  }
  return { expr: `sum_over_time((${costRateExpr(p)})[${p.window}:${p.resolution}]) * ${res} / 3600`, unit: "currency" };
}

/**
 * A running total from a range query of costRate: each point's hourly rate holds for one step, so the
 * total after point i is Σ_{j<i} v_j × step / 3600. Gaps (NaN) add nothing.
 */
export function cumulativeFromRate(points: Point[], stepSeconds: number): Point[] {
  let total = 0;
  return points.map(([t], i) => {
    const prev = points[i - 1];
    if (prev && Number.isFinite(prev[1])) total += (prev[1] * stepSeconds) / 3600;
    return [t, total] as Point;
  });
}

export interface CostFormulaInput {
  provider: string;
  region: string;
  gpuType: string;
  gpusPerReplica: number;
  pricePerHour: number;
  currency: string;
  readyReplicas?: number;
}

const money = (v: number, currency: string) =>
  `${v.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 4 })} ${currency}`;
const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** The formula in words for the page, with the numbers when they are known. */
export function costFormula(i: CostFormulaInput): string {
  const price = `${money(i.pricePerHour, i.currency)} per GPU-hour (${i.provider} ${i.region}, ${i.gpuType})`;
  if (i.readyReplicas === undefined) {
    return `cost per hour = ready replicas × ${plural(i.gpusPerReplica, "GPU", "GPUs")} per replica × ${price}`;
  }
  const total = i.readyReplicas * i.gpusPerReplica * i.pricePerHour;
  return `${plural(i.readyReplicas, "ready replica", "ready replicas")} × ${plural(i.gpusPerReplica, "GPU", "GPUs")} per replica × ${price} = ${money(total, i.currency)} per hour`;
}

export const COST_FORMULA_GENERIC =
  "cost per hour = ready replicas × GPUs per replica × price per GPU-hour for the cluster's provider, region and GPU type";
