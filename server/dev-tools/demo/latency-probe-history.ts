// Demo history of latency probes: a small load test per (cluster, GPU type) of the simulated fleet, as a team
// runs before trusting a pool, so the optimizer has a measured p95 for pools no demo model runs on today.
// Latency follows the simulator's own profile (compute × GPU factor + region delay), so it agrees with what a
// live deployment there shows; only the probe's latency and Tern's gauge for it are written, no replicas or
// GPUs, so cost and capacity charts are not touched.
import type { FleetConfig } from "@tern/sim/fleet-config";
import type { BackfillSeries } from "../local-prometheus/backfill";
import { TERN_METRICS } from "../../metrics/cost";
import { SIM_LATENCY_BUCKETS, type ScrapeIdentity } from "../local-prometheus/fleet-backfill";
import { RUNTIME_PRESETS } from "../../metrics/runtime-presets";
import type { FleetManifest } from "./register-sim-fleet";
import { deploymentLabels } from "../../metrics/tern-metrics";

export const PROBE_NAMESPACE = "tern-probes";

export interface ProbePool {
  cluster: string;
  clusterId: string;
  /** Scrape identity of the cluster's metrics endpoint. */
  scrape: ScrapeIdentity;
  provider: string;
  region: string;
  gpuType: string;
}

export function probeDeploymentName(gpuType: string): string {
  return `latency-probe-${gpuType.toLowerCase().replace(/[^a-z0-9-]/g, "-")}`;
}

/** Median milliseconds the simulator answers in on this pool (its jitter is ±10 % around it). */
export function simulatedMedianMs(latency: FleetConfig["latency"], gpuType: string, region: string): number {
  return latency.baseComputeMs * (latency.gpu[gpuType] ?? 1) + (latency.region[region] ?? 0);
}

/** The simulator's latency as backfill parameters: its jitter is narrow (±10 %) and does not grow with load. */
export function simulatedLatencyShape(
  latency: FleetConfig["latency"],
  gpuType: string,
  region: string,
): { medianLatencyMs: number; latencySpread: number; loadSlowdown: number } {
  return { medianLatencyMs: simulatedMedianMs(latency, gpuType, region), latencySpread: 0.08, loadSlowdown: 0 };
}

export function latencyProbeSeries(opts: {
  pools: ProbePool[];
  latency: FleetConfig["latency"];
  team: string;
  tern: ScrapeIdentity;
}): BackfillSeries[] {
  const out: BackfillSeries[] = [];
  for (const p of opts.pools) {
    const deployment = probeDeploymentName(p.gpuType);
    const shape = simulatedLatencyShape(opts.latency, p.gpuType, p.region);
    out.push({
      type: "histogram",
      name: RUNTIME_PRESETS.simulator.latency.metric,
      labels: {
        job: p.scrape.job,
        instance: p.scrape.instance,
        cluster: p.cluster,
        tern_cluster_id: p.clusterId,
        namespace: PROBE_NAMESPACE,
        deployment,
        model: "latency-probe",
        model_version: "1",
      },
      ratePerSecond: 2,
      medianSeconds: shape.medianLatencyMs / 1000,
      buckets: SIM_LATENCY_BUCKETS,
      spread: shape.latencySpread,
      loadSlowdown: shape.loadSlowdown,
    });
    const { info } = deploymentLabels({
      team: opts.team,
      clusterId: p.clusterId,
      namespace: PROBE_NAMESPACE,
      deployment,
      model: "latency-probe",
      gpuType: p.gpuType,
      gpusPerReplica: 1,
      provider: p.provider,
      region: p.region,
    });
    out.push({
      type: "gauge",
      name: TERN_METRICS.info,
      labels: { job: opts.tern.job, instance: opts.tern.instance, ...info },
      value: 1,
    });
  }
  return out;
}

/** Probe series for every GPU pool of the running fleet that Tern registered (has an id for). */
export function fleetProbeSeries(opts: {
  fleet: FleetManifest;
  clusterIds: Record<string, string>;
  latency: FleetConfig["latency"];
  job: string;
  instanceOf: (url: string) => string;
  team: string;
  tern: ScrapeIdentity;
}): BackfillSeries[] {
  const pools: ProbePool[] = opts.fleet.clusters.flatMap((c) => {
    const clusterId = opts.clusterIds[c.name];
    const provider = opts.fleet.clouds.find((x) => x.id === c.cloud)?.provider;
    if (!clusterId || !provider) return [];
    return Object.keys(c.gpus).map((gpuType) => ({
      cluster: c.name,
      clusterId,
      scrape: { job: opts.job, instance: opts.instanceOf(c.metricsUrl) },
      provider,
      region: c.region,
      gpuType,
    }));
  });
  return latencyProbeSeries({ pools, latency: opts.latency, team: opts.team, tern: opts.tern });
}
