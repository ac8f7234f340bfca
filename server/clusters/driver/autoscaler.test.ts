// The HorizontalPodAutoscaler manifest: bounds, the metric per target kind, quantities, and status read back.
import { describe, expect, it } from "vitest";
import { autoscalerManifest, parseQuantity, quantity, toAutoscalerInfo } from "./autoscaler";
import type { ModelDeploymentSpec } from "./types";

const spec: ModelDeploymentSpec = {
  namespace: "models",
  name: "credit",
  deploymentId: "cmdep1",
  modelName: "credit-risk",
  modelVersion: "1.0.0",
  versionId: "cmver1",
  image: "ghcr.io/tern/onnx-server:1.30",
  artifactUri: "sim://aws/credit.onnx",
  sha256: "a".repeat(64),
  replicas: 2,
  gpusPerReplica: 1,
  gpuType: "H100",
  latencySloMs: 100,
  autoscale: { minReplicas: 2, maxReplicas: 6, metric: "RPS", target: 5 },
};

describe("autoscalerManifest", () => {
  it("targets the Deployment with its bounds and a pods metric per replica", () => {
    const m = autoscalerManifest(spec);
    expect(m).toMatchObject({
      apiVersion: "autoscaling/v2",
      kind: "HorizontalPodAutoscaler",
      metadata: { name: "credit", namespace: "models", labels: { "tern.dev/deployment-id": "cmdep1" } },
      spec: {
        scaleTargetRef: { apiVersion: "apps/v1", kind: "Deployment", name: "credit" },
        minReplicas: 2,
        maxReplicas: 6,
        metrics: [
          {
            type: "Pods",
            pods: { metric: { name: "requests_per_second" }, target: { type: "AverageValue", averageValue: "5" } },
          },
        ],
      },
    });
  });

  it("names the metric of each target kind and writes fractional targets as quantities", () => {
    const metricOf = (metric: "RPS" | "CONCURRENCY" | "GPU_UTILIZATION", target: number) =>
      autoscalerManifest({ ...spec, autoscale: { ...spec.autoscale!, metric, target } }).spec.metrics[0]!.pods;
    expect(metricOf("CONCURRENCY", 2.5)).toEqual({
      metric: { name: "inference_concurrency" },
      target: { type: "AverageValue", averageValue: "2500m" },
    });
    expect(metricOf("GPU_UTILIZATION", 70).metric.name).toBe("DCGM_FI_DEV_GPU_UTIL");
  });

  it("never asks the cluster to scale to zero: a minimum of 0 becomes 1", () => {
    const m = autoscalerManifest({ ...spec, autoscale: { ...spec.autoscale!, minReplicas: 0, maxReplicas: 3 } });
    expect(m.spec).toMatchObject({ minReplicas: 1, maxReplicas: 3 });
  });

  it("reads quantities and status back", () => {
    expect(quantity(0.25)).toBe("250m");
    expect(parseQuantity("7500m")).toBe(7.5);
    expect(parseQuantity("12")).toBe(12);
    expect(parseQuantity("junk")).toBeUndefined();
    const info = toAutoscalerInfo({
      metadata: {
        name: "credit",
        namespace: "models",
        uid: "u1",
        resourceVersion: "9",
        labels: { "tern.dev/deployment-id": "cmdep1" },
      },
      spec: { scaleTargetRef: { kind: "Deployment", name: "credit" }, minReplicas: 2, maxReplicas: 6 },
      status: {
        currentReplicas: 3,
        desiredReplicas: 4,
        lastScaleTime: "2026-12-07T02:00:00Z" as unknown as Date,
        currentMetrics: [
          { type: "Pods", pods: { metric: { name: "requests_per_second" }, current: { averageValue: "7500m" } } },
        ],
        conditions: [{ type: "AbleToScale", status: "True", reason: "SucceededRescale", message: "ok" }],
      },
    });
    expect(info).toEqual({
      namespace: "models",
      name: "credit",
      uid: "u1",
      resourceVersion: "9",
      deploymentId: "cmdep1",
      minReplicas: 2,
      maxReplicas: 6,
      currentReplicas: 3,
      desiredReplicas: 4,
      currentValue: 7.5,
      lastScaleTime: "2026-12-07T02:00:00.000Z",
      conditions: [{ type: "AbleToScale", status: "True", reason: "SucceededRescale", message: "ok" }],
    });
  });
});
