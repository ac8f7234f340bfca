// Which metric names each serving runtime exports, and how a deployment's series are found among them.
// Names are the runtimes' own (see the docs links), so the same templates work on real clusters.
import { z } from "zod";
import { AppError } from "../errors";
import { zLabelName, zMetricName, type Matcher } from "./promql-params";

export interface CounterRef {
  metric: string;
  /** Fixed matchers written here (never user input), e.g. only 5xx responses. */
  matchers?: Matcher[];
}

export type LatencySource =
  /** A Prometheus histogram (`<metric>_bucket/_sum/_count`); `toMs` converts its unit to milliseconds. */
  | { kind: "histogram"; metric: string; toMs: number; matchers?: Matcher[] }
  /** A summary with a `quantile` label (only the quantiles the server was configured with exist). */
  | { kind: "summary"; metric: string; toMs: number; quantiles: readonly number[] }
  /** Only a cumulative duration counter: an average is possible, quantiles are not. */
  | { kind: "counter-average"; sum: CounterRef; count: CounterRef[]; toMs: number };

export interface RuntimePreset {
  id: string;
  label: string;
  docs: string;
  latency: LatencySource;
  /** Counters whose sum is every request (successful and failed). */
  requests: CounterRef[];
  /** Counters of failed requests, or null when the runtime exports none. */
  errors: CounterRef[] | null;
  /** Label names holding the namespace and the deployment; `pod-prefix` matches `<deployment>-<rs hash>-<pod id>`. */
  namespaceLabel: string;
  deployment: { label: string; match: "exact" | "pod-prefix" };
}

const FIVE_XX: Matcher[] = [{ label: "status", op: "=", value: "5xx" }];

export const RUNTIME_PRESETS = {
  /** Tern's simulator: KServe's predict histogram and Triton's counters, labelled by deployment. */
  simulator: {
    id: "simulator",
    label: "Tern simulator",
    docs: "packages/sim/src/metrics/serving-metrics.ts",
    latency: { kind: "histogram", metric: "request_predict_seconds", toMs: 1000 },
    requests: [{ metric: "nv_inference_request_success" }, { metric: "nv_inference_request_failure" }],
    errors: [{ metric: "nv_inference_request_failure" }],
    namespaceLabel: "namespace",
    deployment: { label: "deployment", match: "exact" },
  },
  /** KServe Python model server (raw deployment): step histograms, no error counter. */
  kserve: {
    id: "kserve",
    label: "KServe model server",
    docs: "https://kserve.github.io/website/docs/model-serving/predictive-inference/observability/prometheus-metrics",
    latency: { kind: "histogram", metric: "request_predict_seconds", toMs: 1000 },
    requests: [{ metric: "request_predict_seconds_count" }],
    errors: null,
    namespaceLabel: "namespace",
    deployment: { label: "pod", match: "pod-prefix" },
  },
  /** KServe serverless: Knative's queue-proxy sees every request with its status class. */
  "kserve-knative": {
    id: "kserve-knative",
    label: "KServe on Knative (queue-proxy)",
    docs: "https://knative.dev/docs/serving/services/service-metrics/",
    latency: { kind: "histogram", metric: "revision_app_request_latencies", toMs: 1 },
    requests: [{ metric: "revision_app_request_count" }],
    errors: [
      { metric: "revision_app_request_count", matchers: [{ label: "response_code_class", op: "=", value: "5xx" }] },
    ],
    namespaceLabel: "namespace_name",
    deployment: { label: "service_name", match: "exact" },
  },
  /** vLLM's OpenAI server: end-to-end histogram; failures only visible as HTTP 5xx (prometheus-fastapi-instrumentator). */
  vllm: {
    id: "vllm",
    label: "vLLM",
    docs: "https://docs.vllm.ai/en/latest/design/metrics.html",
    latency: { kind: "histogram", metric: "vllm:e2e_request_latency_seconds", toMs: 1000 },
    requests: [{ metric: "vllm:request_success_total" }, { metric: "http_requests_total", matchers: FIVE_XX }],
    errors: [{ metric: "http_requests_total", matchers: FIVE_XX }],
    namespaceLabel: "namespace",
    deployment: { label: "pod", match: "pod-prefix" },
  },
  /** Triton defaults: cumulative microsecond counters (average latency only). */
  triton: {
    id: "triton",
    label: "NVIDIA Triton",
    docs: "https://github.com/triton-inference-server/server/blob/main/docs/user_guide/metrics.md",
    latency: {
      kind: "counter-average",
      sum: { metric: "nv_inference_request_duration_us" },
      count: [{ metric: "nv_inference_request_success" }, { metric: "nv_inference_request_failure" }],
      toMs: 0.001,
    },
    requests: [{ metric: "nv_inference_request_success" }, { metric: "nv_inference_request_failure" }],
    errors: [{ metric: "nv_inference_request_failure" }],
    namespaceLabel: "namespace",
    deployment: { label: "pod", match: "pod-prefix" },
  },
  /** Triton with `--metrics-config summary_latencies=true`: per-pod quantiles from summaries. */
  "triton-summary": {
    id: "triton-summary",
    label: "NVIDIA Triton (summary latencies)",
    docs: "https://github.com/triton-inference-server/server/blob/main/docs/user_guide/metrics.md#summaries",
    latency: {
      kind: "summary",
      metric: "nv_inference_request_summary_us",
      toMs: 0.001,
      quantiles: [0.5, 0.9, 0.95, 0.99, 0.999],
    },
    requests: [{ metric: "nv_inference_request_success" }, { metric: "nv_inference_request_failure" }],
    errors: [{ metric: "nv_inference_request_failure" }],
    namespaceLabel: "namespace",
    deployment: { label: "pod", match: "pod-prefix" },
  },
} as const satisfies Record<string, RuntimePreset>;

export type RuntimeId = keyof typeof RUNTIME_PRESETS;
export const RUNTIME_IDS = Object.keys(RUNTIME_PRESETS) as RuntimeId[];
export const zRuntimeId = z.enum(RUNTIME_IDS as [RuntimeId, ...RuntimeId[]], {
  error: `runtime must be one of ${RUNTIME_IDS.join(", ")}`,
});

/** A runtime Tern has no preset for: an operator names its histogram and counters. */
export const ZCustomRuntime = z.object({
  latencyHistogram: zMetricName.describe("latency histogram, without _bucket"),
  latencyUnit: z.enum(["s", "ms", "us"]),
  /** Counts every request, failed ones included. */
  requestCounter: zMetricName,
  errorCounter: zMetricName.optional(),
  namespaceLabel: zLabelName.default("namespace"),
  deploymentLabel: zLabelName.default("pod"),
  deploymentMatch: z.enum(["exact", "pod-prefix"]).default("pod-prefix"),
});
export type CustomRuntime = z.input<typeof ZCustomRuntime>;

const TO_MS = { s: 1000, ms: 1, us: 0.001 } as const;

export function customPreset(input: CustomRuntime): RuntimePreset {
  const r = ZCustomRuntime.safeParse(input);
  if (!r.success)
    throw new AppError(
      "BAD_REQUEST",
      r.error.issues[0]?.message ?? "invalid custom runtime",
      r.error.issues[0]?.path.join("."),
    );
  const c = r.data;
  return {
    id: "custom",
    label: "Custom metrics",
    docs: "",
    latency: { kind: "histogram", metric: c.latencyHistogram, toMs: TO_MS[c.latencyUnit] },
    requests: [{ metric: c.requestCounter }],
    errors: c.errorCounter ? [{ metric: c.errorCounter }] : null,
    namespaceLabel: c.namespaceLabel,
    deployment: { label: c.deploymentLabel, match: c.deploymentMatch },
  };
}

export function presetOf(runtime: RuntimeId | RuntimePreset | undefined): RuntimePreset {
  if (runtime === undefined) return RUNTIME_PRESETS.simulator;
  if (typeof runtime !== "string") return runtime;
  const p = (RUNTIME_PRESETS as Record<string, RuntimePreset>)[runtime];
  if (!p)
    throw new AppError(
      "BAD_REQUEST",
      `unknown serving runtime '${runtime}'; use one of ${RUNTIME_IDS.join(", ")} or a custom preset`,
      "runtime",
    );
  return p;
}

/** kube-state-metrics names (cluster level, the same for every runtime) and the sanitised GPU resource. */
export const CLUSTER_METRICS = {
  readyReplicas: "kube_deployment_status_replicas_ready",
  specReplicas: "kube_deployment_spec_replicas",
  nodeAllocatable: "kube_node_status_allocatable",
  podRequests: "kube_pod_container_resource_requests",
  podPhase: "kube_pod_status_phase",
  nodeLabels: "kube_node_labels",
  /** nvidia.com/gpu as kube-state-metrics writes resource names. */
  gpuResource: "nvidia_com_gpu",
  /** The node label GPU feature discovery sets (nvidia.com/gpu.product), as kube_node_labels exposes it. */
  gpuTypeNodeLabel: "label_nvidia_com_gpu_product",
  /**
   * The label every series Tern reads carries with Tern's id for the cluster (Cluster.id): set by the scrape
   * config, never by a user, so two teams' clusters of the same name never share series.
   */
  clusterLabel: "tern_cluster_id",
} as const;
