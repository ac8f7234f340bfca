// A pod that starts serving exports its series at zero, so rate() has a baseline from its first scrape.
import { describe, expect, it } from "vitest";
import { findSamples, parsePrometheusText } from "./parse-prometheus";
import { SERVING_METRICS, ServingMetrics } from "./serving-metrics";

const pod = {
  namespace: "ml",
  deployment: "credit-risk",
  model: "credit-risk",
  modelVersion: "1.0.0",
  pod: "credit-risk-abc",
};

describe("ServingMetrics", () => {
  it("initialises a ready pod's series at zero, and the first request adds to the same series", () => {
    const m = new ServingMetrics("aws-use1-gpu");
    expect(findSamples(parsePrometheusText(m.registry.render()), `${SERVING_METRICS.latency}_count`)).toEqual([]);
    m.initPod(pod);
    const before = parsePrometheusText(m.registry.render());
    const labels = {
      cluster: "aws-use1-gpu",
      namespace: "ml",
      deployment: "credit-risk",
      model: "credit-risk",
      model_version: "1.0.0",
      pod: "credit-risk-abc",
    };
    expect(findSamples(before, `${SERVING_METRICS.latency}_count`)).toEqual([
      { name: `${SERVING_METRICS.latency}_count`, labels, value: 0 },
    ]);
    expect(findSamples(before, SERVING_METRICS.success).map((s) => s.value)).toEqual([0]);
    m.record({ ...pod, statusCode: 200, seconds: 0.02 });
    const after = parsePrometheusText(m.registry.render());
    expect(findSamples(after, `${SERVING_METRICS.latency}_count`).map((s) => s.value)).toEqual([1]);
    expect(findSamples(after, SERVING_METRICS.success).map((s) => s.value)).toEqual([1]);
  });
});
