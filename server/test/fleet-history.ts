// The fleet history that Prometheus-backed tests backfill: team alpha's deployment d-alpha and node n0 on c-alpha,
// each test overriding what it measures (latency, replicas, names).
import type { NodeHistory, WorkloadHistory } from "../dev-tools/local-prometheus/fleet-backfill";

/** Where the backfilled series say they were scraped from (the simulator's job; Tern's own gauges use job "tern"). */
export const SIM_SCRAPE = { job: "tern-sim", instance: "127.0.0.1:1" };

/** One H100 replica of d-alpha (model m-alpha 1.0.0) in namespace models on c-alpha, peaking at 10 requests/s. */
export function workloadHistory(
  o: Pick<WorkloadHistory, "clusterId" | "medianLatencyMs"> & Partial<WorkloadHistory>,
): WorkloadHistory {
  return {
    ...SIM_SCRAPE,
    cluster: "c-alpha",
    namespace: "models",
    deployment: "d-alpha",
    model: "m-alpha",
    modelVersion: "1.0.0",
    replicas: 1,
    gpusPerReplica: 1,
    gpuType: "H100",
    peakRps: 10,
    ...o,
  };
}

/** Node n0 of c-alpha with 8 H100s in us-east-1. */
export function nodeHistory(o: Pick<NodeHistory, "clusterId"> & Partial<NodeHistory>): NodeHistory {
  return { ...SIM_SCRAPE, cluster: "c-alpha", node: "n0", gpuType: "H100", gpus: 8, region: "us-east-1", ...o };
}
