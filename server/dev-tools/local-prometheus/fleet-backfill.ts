// Backfill series for the simulated fleet and Tern's own gauges, named and labelled exactly like the live
// scrapes (job, instance and cluster as the scrape config attaches them), so charts continue without a seam.
import type { BackfillSeries } from "./backfill";
import { TERN_METRICS } from "../../metrics/cost";
import type { Labels } from "../../metrics/exposition";
import { RUNTIME_PRESETS, CLUSTER_METRICS as K } from "../../metrics/runtime-presets";
import {
  currentPrices,
  deploymentLabels,
  priceLabels,
  type TernDeployment,
  type TernPrice,
} from "../../metrics/tern-metrics";

/** prometheus_client's default buckets, which the simulator's histogram uses too. */
export const SIM_LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10] as const;

/** The labels a scrape adds: `job`, `instance` (host:port of the target) and Tern's `cluster`. */
export interface ScrapeIdentity {
  job: string;
  instance: string;
}

export interface WorkloadHistory extends ScrapeIdentity {
  cluster: string;
  /** Tern's Cluster.id, as the scrape config labels the live series (`tern_cluster_id`). */
  clusterId?: string;
  namespace: string;
  deployment: string;
  model: string;
  modelVersion: string;
  replicas: number;
  gpusPerReplica: number;
  gpuType: string;
  /** Typical latency at low load; the peak is ~30 % slower (see loadSlowdown). */
  medianLatencyMs: number;
  /** Log-normal σ of the latency (default 0.35) and how much slower the peak is (default 0.3). */
  latencySpread?: number;
  loadSlowdown?: number;
  /** Requests per second at the daily peak. */
  peakRps: number;
  /** Share of requests that fail, e.g. 0.002. */
  errorRatio?: number;
}

export interface NodeHistory extends ScrapeIdentity {
  cluster: string;
  clusterId?: string;
  node: string;
  gpuType: string;
  gpus: number;
  region: string;
}

export interface FleetBackfillInput {
  workloads: WorkloadHistory[];
  nodes: NodeHistory[];
  /** Tern's gauges, so cost charts have a past too; prices as of now (no price history is invented). */
  tern?: ScrapeIdentity & { prices: TernPrice[]; deployments: TernDeployment[]; now: Date };
}

const sim = RUNTIME_PRESETS.simulator;
const idLabel = (clusterId: string | undefined): Labels => (clusterId ? { [K.clusterLabel]: clusterId } : {});

function workloadSeries(w: WorkloadHistory, nodes: NodeHistory[]): BackfillSeries[] {
  const scrape: Labels = { job: w.job, instance: w.instance, cluster: w.cluster, ...idLabel(w.clusterId) };
  const dep: Labels = { ...scrape, namespace: w.namespace, deployment: w.deployment, model: w.model };
  const serving: Labels = { ...dep, model_version: w.modelVersion };
  const errors = w.errorRatio ?? 0.002;
  const out: BackfillSeries[] = [
    {
      type: "histogram",
      name: sim.latency.metric,
      labels: serving,
      ratePerSecond: w.peakRps,
      medianSeconds: w.medianLatencyMs / 1000,
      buckets: SIM_LATENCY_BUCKETS,
      ...(w.latencySpread !== undefined ? { spread: w.latencySpread } : {}),
      ...(w.loadSlowdown !== undefined ? { loadSlowdown: w.loadSlowdown } : {}),
    },
    { type: "counter", name: "nv_inference_request_success", labels: serving, ratePerSecond: w.peakRps * (1 - errors) },
    {
      type: "counter",
      name: "nv_inference_request_failure",
      labels: { ...serving, reason: "BACKEND" },
      ratePerSecond: w.peakRps * errors,
    },
    {
      type: "counter",
      name: "nv_inference_request_duration_us",
      labels: serving,
      ratePerSecond: w.peakRps * w.medianLatencyMs * 1000 * 1.06,
    },
    { type: "gauge", name: K.specReplicas, labels: dep, value: w.replicas },
    { type: "gauge", name: K.readyReplicas, labels: dep, value: w.replicas },
    { type: "gauge", name: "kube_deployment_status_replicas_available", labels: dep, value: w.replicas },
  ];
  // Past pods had other names; synthetic ones keep "GPUs allocated" charts right without faking live pods.
  const node = nodes.find((n) => n.cluster === w.cluster && n.gpuType === w.gpuType);
  for (let i = 0; i < w.replicas && node && w.gpusPerReplica > 0; i++) {
    const pod: Labels = {
      ...scrape,
      namespace: w.namespace,
      pod: `${w.deployment}-history-${i}`,
      deployment: w.deployment,
      model: w.model,
    };
    out.push(
      {
        type: "gauge",
        name: K.podRequests,
        labels: { ...pod, container: "model-server", node: node.node, resource: K.gpuResource, unit: "integer" },
        value: w.gpusPerReplica,
      },
      { type: "gauge", name: K.podPhase, labels: { ...pod, phase: "Running" }, value: 1 },
    );
  }
  return out;
}

function nodeSeries(n: NodeHistory): BackfillSeries[] {
  const l: Labels = { job: n.job, instance: n.instance, cluster: n.cluster, ...idLabel(n.clusterId), node: n.node };
  const gpu: Labels = { ...l, resource: K.gpuResource, unit: "integer" };
  return [
    { type: "gauge", name: K.nodeAllocatable, labels: gpu, value: n.gpus },
    { type: "gauge", name: "kube_node_status_capacity", labels: gpu, value: n.gpus },
    {
      type: "gauge",
      name: K.nodeLabels,
      labels: { ...l, [K.gpuTypeNodeLabel]: n.gpuType, label_topology_kubernetes_io_region: n.region },
      value: 1,
    },
  ];
}

function ternSeries(t: NonNullable<FleetBackfillInput["tern"]>): BackfillSeries[] {
  const scrape: Labels = { job: t.job, instance: t.instance };
  const out: BackfillSeries[] = currentPrices(t.prices, t.now).map((p) => ({
    type: "gauge",
    name: TERN_METRICS.price,
    labels: { ...scrape, ...priceLabels(p) },
    value: p.pricePerHour,
  }));
  for (const d of t.deployments) {
    const l = deploymentLabels(d);
    out.push(
      { type: "gauge", name: TERN_METRICS.info, labels: { ...scrape, ...l.info }, value: 1 },
      { type: "gauge", name: TERN_METRICS.gpus, labels: { ...scrape, ...l.gpus }, value: d.gpusPerReplica },
    );
  }
  return out;
}

/** All backfill series for a fleet; feed them to generateBackfill. */
export function fleetBackfillSeries(input: FleetBackfillInput): BackfillSeries[] {
  return [
    ...input.workloads.flatMap((w) => workloadSeries(w, input.nodes)),
    ...input.nodes.flatMap(nodeSeries),
    ...(input.tern ? ternSeries(input.tern) : []),
  ];
}
