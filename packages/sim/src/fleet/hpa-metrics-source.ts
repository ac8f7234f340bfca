// Per-replica metrics for the HPA controller from the cluster's own request counters: what prometheus-adapter
// serves through the custom metrics API on a real cluster (rate of requests, requests in flight, GPU busy).
import type { DeploymentLoad } from "../metrics/serving-metrics";
import { HPA_POD_METRICS } from "../store/hpa-metrics";

interface Sample extends DeploymentLoad {
  wallMs: number;
}

export type MetricReading = { ok: true; perPod: number } | { ok: false; reason: string; message: string };

/** Remembers the previous reading of each deployment, so every sync measures the rate since the last one. */
export class HpaMetricsSource {
  private readonly last = new Map<string, Sample>();
  private readonly rates = new Map<string, { rps: number; busy: number }>();

  constructor(private readonly loadOf: (namespace: string, deployment: string) => DeploymentLoad) {}

  /** Takes a new sample of a deployment's counters (once per sync, before reading its metrics). */
  sample(namespace: string, deployment: string, wallMs = Date.now()): void {
    const key = `${namespace}/${deployment}`;
    const now: Sample = { ...this.loadOf(namespace, deployment), wallMs };
    const prev = this.last.get(key);
    this.last.set(key, now);
    if (!prev || now.wallMs <= prev.wallMs) return;
    const seconds = (now.wallMs - prev.wallMs) / 1000;
    this.rates.set(key, {
      rps: (now.requests - prev.requests) / seconds,
      busy: (now.busySeconds - prev.busySeconds) / seconds,
    });
  }

  forget(namespace: string, deployment: string): void {
    this.last.delete(`${namespace}/${deployment}`);
    this.rates.delete(`${namespace}/${deployment}`);
  }

  /** The average of a pods metric over the ready replicas, or why there is none. */
  read(namespace: string, deployment: string, metric: string, readyPods: number): MetricReading {
    const failed = (message: string): MetricReading => ({
      ok: false,
      reason: "FailedGetPodsMetric",
      message: `unable to get metric ${metric}: ${message}`,
    });
    const known = Object.values(HPA_POD_METRICS) as string[];
    if (!known.includes(metric)) return failed("no metrics returned from custom metrics API");
    const rate = this.rates.get(`${namespace}/${deployment}`);
    if (!rate) return failed("no metrics returned from custom metrics API");
    if (readyPods <= 0) return failed("did not receive metrics for targeted pods (pods might be unready)");
    const perPod =
      metric === HPA_POD_METRICS.rps
        ? rate.rps / readyPods
        : metric === HPA_POD_METRICS.concurrency
          ? rate.busy / readyPods
          : Math.min(100, (100 * rate.busy) / readyPods);
    return { ok: true, perPod };
  }
}
