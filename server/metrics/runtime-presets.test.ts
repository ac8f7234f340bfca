import { describe, expect, it } from "vitest";
import { KSM_METRICS } from "@tern/sim/metrics";
import { SERVING_METRICS } from "@tern/sim/metrics";
import { CLUSTER_METRICS, RUNTIME_PRESETS } from "./runtime-presets";

describe("runtime presets", () => {
  it("the simulator preset uses the simulator's own metric names", () => {
    const sim = RUNTIME_PRESETS.simulator;
    expect(sim.latency.metric).toBe(SERVING_METRICS.latency);
    expect(sim.requests.map((r) => r.metric)).toEqual([SERVING_METRICS.success, SERVING_METRICS.failure]);
    expect(sim.errors.map((r) => r.metric)).toEqual([SERVING_METRICS.failure]);
  });

  it("cluster metrics are kube-state-metrics names the simulator exports", () => {
    const names: string[] = [...KSM_METRICS];
    for (const m of [
      CLUSTER_METRICS.readyReplicas,
      CLUSTER_METRICS.specReplicas,
      CLUSTER_METRICS.nodeAllocatable,
      CLUSTER_METRICS.podRequests,
      CLUSTER_METRICS.podPhase,
      CLUSTER_METRICS.nodeLabels,
    ]) {
      expect(names).toContain(m);
    }
  });

  it("names the real runtimes' metrics as they export them", () => {
    expect(RUNTIME_PRESETS.vllm.latency.metric).toBe("vllm:e2e_request_latency_seconds");
    expect(RUNTIME_PRESETS.triton.latency.sum.metric).toBe("nv_inference_request_duration_us");
    expect(RUNTIME_PRESETS["triton-summary"].latency.metric).toBe("nv_inference_request_summary_us");
    expect(RUNTIME_PRESETS.kserve.latency.metric).toBe("request_predict_seconds");
    expect(RUNTIME_PRESETS["kserve-knative"].latency.metric).toBe("revision_app_request_latencies");
  });
});
