// Model-serving metrics of one cluster, named as the serving runtimes name them: KServe's model server
// histogram `request_predict_seconds` and Triton's `nv_inference_request_*` counters, with extra labels
// (cluster, namespace, deployment, model, model_version, pod) so PromQL can group by deployment.
import { MetricRegistry, type Labels } from "./registry";

export const SERVING_METRICS = {
  latency: "request_predict_seconds",
  success: "nv_inference_request_success",
  failure: "nv_inference_request_failure",
  durationUs: "nv_inference_request_duration_us",
} as const;

const HELP = {
  latency:
    "Latency of inference requests in seconds, as seen at the cluster's service endpoint (KServe model server histogram)",
  success: "Number of successful inference requests, all batch sizes (Triton)",
  failure:
    "Number of failed inference requests, all batch sizes; reason is REJECTED (no ready endpoint), BACKEND (server error) or OTHER (bad request) (Triton)",
  durationUs: "Cumulative inference request duration in microseconds, including cached requests (Triton)",
};

export interface InferenceRecord {
  namespace: string;
  deployment: string;
  model: string;
  modelVersion: string;
  pod: string;
  statusCode: number;
  seconds: number;
}

export function failureReason(statusCode: number): "REJECTED" | "BACKEND" | "OTHER" {
  if (statusCode === 503) return "REJECTED";
  return statusCode >= 500 ? "BACKEND" : "OTHER";
}

/** Cumulative load of one deployment: what the HPA controller's metrics come from. */
export interface DeploymentLoad {
  requests: number;
  /** Sum of request durations: busy time, so its rate is the mean number of requests in flight. */
  busySeconds: number;
}

export class ServingMetrics {
  readonly registry = new MetricRegistry();
  private readonly load = new Map<string, DeploymentLoad>();

  constructor(private readonly cluster: string) {
    this.registry.declare(SERVING_METRICS.latency, HELP.latency, "histogram");
    this.registry.declare(SERVING_METRICS.success, HELP.success, "counter");
    this.registry.declare(SERVING_METRICS.failure, HELP.failure, "counter");
    this.registry.declare(SERVING_METRICS.durationUs, HELP.durationUs, "counter");
  }

  private labels(r: Omit<InferenceRecord, "statusCode" | "seconds">): Labels {
    const { namespace, deployment, model, modelVersion, pod } = r;
    return { cluster: this.cluster, namespace, deployment, model, model_version: modelVersion, pod };
  }

  /**
   * A pod that starts serving exports its series at zero before its first request (as vLLM and Triton
   * initialise theirs), so the first scrape after it is ready already holds a baseline for rate().
   */
  initPod(r: Omit<InferenceRecord, "statusCode" | "seconds">): void {
    const labels = this.labels(r);
    this.registry.touch(SERVING_METRICS.success, HELP.success, "counter", labels);
    this.registry.touch(SERVING_METRICS.latency, HELP.latency, "histogram", labels);
    this.registry.touch(SERVING_METRICS.durationUs, HELP.durationUs, "counter", labels);
  }

  /** Requests and busy time a deployment has served so far (zero before its first request). */
  loadOf(namespace: string, deployment: string): DeploymentLoad {
    return { ...(this.load.get(`${namespace}/${deployment}`) ?? { requests: 0, busySeconds: 0 }) };
  }

  record(r: InferenceRecord): void {
    const key = `${r.namespace}/${r.deployment}`;
    const load = this.load.get(key) ?? { requests: 0, busySeconds: 0 };
    load.requests += 1;
    if (r.pod) load.busySeconds += r.seconds;
    this.load.set(key, load);
    const labels = this.labels(r);
    if (r.statusCode < 400) {
      this.registry.inc(SERVING_METRICS.success, HELP.success, labels);
      this.registry.observe(SERVING_METRICS.latency, HELP.latency, labels, r.seconds);
      this.registry.inc(SERVING_METRICS.durationUs, HELP.durationUs, labels, Math.round(r.seconds * 1e6));
    } else {
      this.registry.inc(SERVING_METRICS.failure, HELP.failure, { ...labels, reason: failureReason(r.statusCode) });
      // A request a pod answered (even with an error) still took predictor time; a rejected one never reached a pod.
      if (r.pod) this.registry.observe(SERVING_METRICS.latency, HELP.latency, labels, r.seconds);
    }
  }
}
