import { describe, expect, it } from "vitest";
import { AppError } from "../errors";
import { costRate, cumulativeCost } from "./cost";
import { durationSeconds, promqlString, selector } from "./promql-params";
import {
  errorRate,
  errorRatio,
  fleetLatencyBuckets,
  fleetReadyReplicas,
  fleetRequestRate,
  gpuAllocatable,
  gpuAllocated,
  latencyAverage,
  latencyBuckets,
  latencyQuantile,
  poolLatencyBuckets,
  readyReplicas,
  requestRate,
} from "./promql";
import { customPreset, presetOf } from "./runtime-presets";

const scope = { cluster: "aws-use1-gpu", namespace: "models", deployment: "credit-risk", window: "5m" };

function refusal(f: () => unknown): AppError {
  try {
    f();
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error("expected the call to be refused");
}

describe("PromQL templates", () => {
  it("builds the simulator's p95 latency over all pods, in milliseconds", () => {
    expect(latencyQuantile({ ...scope, quantile: 0.95 })).toEqual({
      expr: '(histogram_quantile(0.95, sum by (le) (rate(request_predict_seconds_bucket{tern_cluster_id="aws-use1-gpu",namespace="models",deployment="credit-risk"}[5m])))) * 1000',
      unit: "ms",
    });
  });

  it("fetches a deployment's bucket rates once, for all quantiles, with the factor to milliseconds", () => {
    expect(latencyBuckets(scope)).toEqual({
      expr: 'sum by (le) (rate(request_predict_seconds_bucket{tern_cluster_id="aws-use1-gpu",namespace="models",deployment="credit-risk"}[5m]))',
      unit: "ms",
      toMs: 1000,
    });
    expect(latencyBuckets({ ...scope, runtime: "kserve-knative" }).toMs).toBe(1);
    expect(refusal(() => latencyBuckets({ ...scope, runtime: "triton-summary" })).message).toMatch(
      /no latency histogram/,
    );
  });

  it("asks for many deployments' bucket and request rates in one query each, grouped by deployment", () => {
    const fleet = {
      clusters: ["c2", "c1", "c1"],
      deployments: [
        { namespace: "models", deployment: "b" },
        { namespace: "models", deployment: "a" },
      ],
      window: "2m",
    };
    expect(fleetLatencyBuckets(fleet).expr).toBe(
      'sum by (le, tern_cluster_id, namespace, deployment) (rate(request_predict_seconds_bucket{tern_cluster_id=~"c1|c2",namespace=~"models",deployment=~"a|b"}[2m]))',
    );
    const own = fleetLatencyBuckets({ deployments: fleet.deployments, window: "2m" }).expr;
    expect(own).toMatch(/^sum by \(le, namespace, deployment\) /);
    expect(own).not.toContain("tern_cluster_id");
    // Two request counters: told apart before `or`, since rate() drops their names.
    expect(fleetRequestRate(fleet).expr).toBe(
      'sum by (tern_cluster_id, namespace, deployment) (label_replace(rate(nv_inference_request_success{tern_cluster_id=~"c1|c2",namespace=~"models",deployment=~"a|b"}[2m]), "tern_counter", "0", "", "") or label_replace(rate(nv_inference_request_failure{tern_cluster_id=~"c1|c2",namespace=~"models",deployment=~"a|b"}[2m]), "tern_counter", "1", "", ""))',
    );
    expect(fleetReadyReplicas({ clusters: ["c1"], deployments: fleet.deployments }).expr).toBe(
      'max by (tern_cluster_id, namespace, deployment) (kube_deployment_status_replicas_ready{tern_cluster_id=~"c1",namespace=~"models",deployment=~"a|b"})',
    );
    // The optimizer's pool history: bucket rates by cluster and GPU type, the type joined from Tern's own gauge.
    expect(poolLatencyBuckets({ clusters: ["c2", "c1"], window: "1d" }).expr).toBe(
      'sum by (le, tern_cluster_id, gpu_type) (rate(request_predict_seconds_bucket{tern_cluster_id=~"c1|c2"}[1d]) * on (tern_cluster_id, namespace, deployment) group_left (gpu_type) topk by (tern_cluster_id, namespace, deployment) (1, max by (tern_cluster_id, namespace, deployment, gpu_type) (max_over_time(tern_deployment_info{tern_cluster_id=~"c1|c2"}[1d]))))',
    );
    expect(refusal(() => poolLatencyBuckets({ clusters: ['c1"}'], window: "1d" })).field).toBe("clusters.0");
    expect(refusal(() => fleetLatencyBuckets({ ...fleet, runtime: "vllm" })).message).toMatch(/one at a time/);
    expect(
      refusal(() => fleetRequestRate({ ...fleet, deployments: [{ namespace: "m", deployment: "a|b" }] })).field,
    ).toBe("deployments.0.deployment");
  });

  it("omits the cluster matcher for a Prometheus that serves one cluster", () => {
    const { expr } = latencyQuantile({ namespace: "models", deployment: "credit-risk", window: "1m", quantile: 0.5 });
    expect(expr).not.toContain("cluster=");
    expect(expr).toContain('{namespace="models",deployment="credit-risk"}');
  });

  it("matches real runtimes' pods by the deployment's pod name pattern", () => {
    const { expr } = latencyQuantile({ ...scope, quantile: 0.99, runtime: "vllm" });
    expect(expr).toContain(
      'vllm:e2e_request_latency_seconds_bucket{tern_cluster_id="aws-use1-gpu",namespace="models",pod=~"credit-risk-[a-z0-9]{1,10}-[a-z0-9]{5}"}',
    );
  });

  it("converts Knative milliseconds and Triton microseconds", () => {
    expect(latencyQuantile({ ...scope, quantile: 0.5, runtime: "kserve-knative" }).expr).toMatch(
      /^histogram_quantile\(0\.5, sum by \(le\) \(rate\(revision_app_request_latencies_bucket\{[^}]*service_name="credit-risk"\}\[5m\]\)\)\)$/,
    );
    expect(latencyAverage({ ...scope, runtime: "triton" }).expr).toMatch(
      /^\(sum\(rate\(nv_inference_request_duration_us\{.*\) \/ 1000$/,
    );
    expect(latencyQuantile({ ...scope, quantile: 0.99, runtime: "triton-summary" }).expr).toContain('quantile="0.99"');
  });

  it("refuses quantiles a runtime cannot give, and error charts a runtime cannot back", () => {
    expect(refusal(() => latencyQuantile({ ...scope, quantile: 0.95, runtime: "triton" })).message).toMatch(
      /only an average/,
    );
    expect(refusal(() => errorRate({ ...scope, runtime: "kserve" })).message).toMatch(/no error counter/);
  });

  it("sums success and failure counters, counting a missing failure series as zero but no series at all as no data", () => {
    const { expr } = requestRate(scope);
    expect(expr).toContain("(sum(rate(nv_inference_request_success{");
    expect(expr).toContain("or vector(0)) + (sum(rate(nv_inference_request_failure{");
    expect(expr).toMatch(
      /and on\(\) \(count\(nv_inference_request_success\{.*\}\) or count\(nv_inference_request_failure\{.*\}\)\)$/,
    );
  });

  it("errors are 0 while requests flow without failures, and a ratio of requests", () => {
    expect(errorRate(scope).expr).toMatch(
      /^\(sum\(rate\(nv_inference_request_failure\{.*\}\[5m\]\)\)\) or \(.*\) \* 0$/,
    );
    expect(errorRatio({ ...scope, runtime: "vllm" }).expr).toContain(
      'http_requests_total{tern_cluster_id="aws-use1-gpu",namespace="models",pod=~"credit-risk-[a-z0-9]{1,10}-[a-z0-9]{5}",status="5xx"}',
    );
  });

  it("reads replicas and GPUs from kube-state-metrics", () => {
    expect(readyReplicas(scope)).toEqual({
      expr: 'max(kube_deployment_status_replicas_ready{tern_cluster_id="aws-use1-gpu",namespace="models",deployment="credit-risk"})',
      unit: "replicas",
    });
    expect(gpuAllocatable({ cluster: "gcp-euw4-gpu" }).expr).toContain(
      'kube_node_status_allocatable{tern_cluster_id="gcp-euw4-gpu",resource="nvidia_com_gpu"}',
    );
    const allocated = gpuAllocated().expr;
    expect(allocated).toContain('kube_pod_status_phase{phase=~"Pending|Running"} == 1');
    expect(allocated).toContain("label_replace(");
    expect(allocated).toMatch(/^sum by \(gpu_type\)/);
  });

  it("accepts a custom runtime with validated names only", () => {
    const preset = customPreset({
      latencyHistogram: "my_latency_ms",
      latencyUnit: "ms",
      requestCounter: "my_requests_total",
      errorCounter: "my_errors_total",
    });
    expect(latencyQuantile({ ...scope, quantile: 0.95, runtime: preset }).expr).toContain("my_latency_ms_bucket{");
    expect(
      refusal(() => customPreset({ latencyHistogram: 'x{a="b"}', latencyUnit: "s", requestCounter: "r" })).message,
    ).toMatch(/metric names/);
    expect(
      refusal(() =>
        customPreset({ latencyHistogram: "x", latencyUnit: "s", requestCounter: "r", deploymentLabel: "pod=~" }),
      ).message,
    ).toMatch(/label names/);
    expect(refusal(() => presetOf("tgi" as "vllm")).message).toMatch(/unknown serving runtime 'tgi'/);
  });
});

describe("PromQL injection attempts are refused", () => {
  const attempts: [string, Record<string, unknown>, string][] = [
    ["closing the matcher", { namespace: 'models"}' }, "namespace"],
    ["an or clause", { deployment: 'credit-risk"} or vector(1) #' }, "deployment"],
    ["or vector(1) without quotes", { deployment: "x or vector(1)" }, "deployment"],
    ["a newline", { namespace: "models\n" }, "namespace"],
    ["a backslash", { deployment: "credit\\risk" }, "deployment"],
    ["a regex", { deployment: "credit-.*" }, "deployment"],
    ["upper case", { cluster: "AWS" }, "cluster"],
    ["a name too long for Kubernetes", { deployment: "a".repeat(64) }, "deployment"],
    ["an empty name", { namespace: "" }, "namespace"],
    ["a window that closes the range", { window: "5m]) or vector(1" }, "window"],
    ["a window in years", { window: "1y" }, "window"],
    ["a zero window", { window: "0s" }, "window"],
    ["an absurd window", { window: "99999d" }, "window"],
    ["a mixed-unit window", { window: "1h30m" }, "window"],
    ["a negative window", { window: "-5m" }, "window"],
    ["a window shorter than two scrapes", { window: "500ms" }, "window"],
    ["a quantile outside the list", { quantile: 0.9 }, "quantile"],
    ["a quantile as text", { quantile: "0.95) or vector(1" }, "quantile"],
  ];
  it.each(attempts)("refuses %s", (_what, override, field) => {
    const err = refusal(() => latencyQuantile({ ...scope, quantile: 0.95, ...override }));
    expect(err.code).toBe("BAD_REQUEST");
    expect(err.field).toBe(field);
    expect(err.message.length).toBeGreaterThan(10);
  });

  it("names the bad value in the message", () => {
    expect(refusal(() => readyReplicas({ namespace: "Models", deployment: "x" })).message).toBe(
      `namespace must be lowercase letters, digits and '-', starting and ending with a letter or digit (got "Models")`,
    );
  });

  it("refuses a team label that could break out of the cost query", () => {
    for (const team of ['t"} or vector(1)', "t\n", "", "t t"])
      expect(refusal(() => costRate({ team })).field).toBe("team");
  });

  it("refuses absurd cumulative windows and resolutions", () => {
    expect(refusal(() => cumulativeCost({ team: "t1", window: "400d" })).field).toBe("window");
    expect(refusal(() => cumulativeCost({ team: "t1", window: "30d", resolution: "5s" })).field).toBe("resolution");
    expect(refusal(() => cumulativeCost({ team: "t1", window: "1d", resolution: "2d" })).field).toBe("resolution");
  });

  it("fuzz: any accepted value appears in the query only as the validated name", () => {
    const alphabet = ['"', "}", "{", "\\", "\n", " ", "a", "-", "0", "(", ")", "=", "~", "|", "or", "vector(1)", "#"];
    let accepted = 0;
    for (let i = 0; i < 2000; i++) {
      let v = "";
      const n = 1 + ((i * 7) % 9);
      for (let j = 0; j < n; j++) v += alphabet[(i * 31 + j * 17 + ((i >> 3) ^ j)) % alphabet.length];
      try {
        const { expr } = readyReplicas({ namespace: "models", deployment: v });
        accepted++;
        expect(v).toMatch(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/);
        expect(expr).toBe(`max(kube_deployment_status_replicas_ready{namespace="models",deployment="${v}"})`);
      } catch (e) {
        expect(e).toBeInstanceOf(AppError);
      }
    }
    expect(accepted).toBeGreaterThan(0);
  });
});

describe("escaping (defence in depth behind validation)", () => {
  it("escapes backslash, quote and newline per PromQL string rules", () => {
    expect(promqlString('a\\b"c\nd')).toBe('"a\\\\b\\"c\\nd"');
    expect(selector("up", [{ label: "job", op: "=", value: '"} or vector(1)' }])).toBe('up{job="\\"} or vector(1)"}');
  });

  it("refuses label and metric names that are not names", () => {
    expect(() => selector("up or vector(1)", [])).toThrow(AppError);
    expect(() => selector("up", [{ label: 'job="x"', op: "=", value: "x" }])).toThrow(AppError);
  });

  it("parses durations", () => {
    expect(durationSeconds("5m")).toBe(300);
    expect(durationSeconds("250ms")).toBe(0.25);
    expect(durationSeconds("2d")).toBe(172_800);
    expect(durationSeconds("5")).toBeNaN();
  });
});
