// Unit tests for the applied objects (labels, GPU requests, probe) and for GPU capacity and pod summaries.
import { describe, expect, it } from "vitest";
import { gpuCapacity } from "./gpu-capacity";
import { deploymentManifest, labelValue, namespaceManifest, serviceManifest } from "./manifests";
import { quantity, toPodInfo } from "./summarize";
import type { ModelDeploymentSpec, NodeInfo } from "./types";

const spec: ModelDeploymentSpec = {
  namespace: "ml",
  name: "resnet-prod",
  deploymentId: "cmdep123",
  modelName: "ResNet 50",
  modelVersion: "v1.2+build.7",
  versionId: "cmver9",
  image: "registry.example/triton:24.01",
  artifactUri: "s3://models/resnet/1.onnx",
  sha256: "a".repeat(64),
  replicas: 2,
  gpusPerReplica: 1,
  gpuType: "NVIDIA-A100-SXM4-80GB",
  latencySloMs: 50,
  labels: { team: "vision", "app.kubernetes.io/managed-by": "someone-else" },
};

describe("manifests", () => {
  it("labels the Deployment and its pods for Tern, keeping label values valid", () => {
    const d = deploymentManifest(spec);
    const labels = d.metadata.labels;
    expect(labels).toMatchObject({
      "app.kubernetes.io/managed-by": "tern",
      "tern.dev/deployment-id": "cmdep123",
      "tern.dev/model": "ResNet-50",
      "tern.dev/model-version": "v1.2-build.7",
      team: "vision",
    });
    expect(d.spec.template.metadata.labels).toEqual(labels);
    expect(d.metadata.annotations["tern.dev/model-version"]).toBe("v1.2+build.7");
    // The selector must match the template labels and never change for this object.
    for (const [k, v] of Object.entries(d.spec.selector.matchLabels)) expect(labels[k]).toBe(v);
  });

  it("asks for GPUs, pins the GPU type and probes readiness on the http port", () => {
    const c = deploymentManifest(spec).spec.template.spec.containers[0]!;
    expect(c.resources).toEqual({ requests: { "nvidia.com/gpu": "1" }, limits: { "nvidia.com/gpu": "1" } });
    expect(deploymentManifest(spec).spec.template.spec.nodeSelector).toEqual({
      "nvidia.com/gpu.product": spec.gpuType,
    });
    expect(c.ports).toEqual([{ name: "http", containerPort: 8080, protocol: "TCP" }]);
    expect(c.readinessProbe.httpGet).toEqual({ path: "/v2/health/ready", port: "http" });
    expect(Object.fromEntries(c.env.map((e) => [e.name, e.value]))).toMatchObject({
      MODEL_URI: spec.artifactUri,
      MODEL_SHA256: spec.sha256,
      MODEL_NAME: spec.modelName,
    });
  });

  it("selects the same pods from the Service and labels the namespace", () => {
    expect(serviceManifest(spec).spec.selector).toEqual(deploymentManifest(spec).spec.selector.matchLabels);
    expect(namespaceManifest("ml").metadata.labels).toEqual({ "app.kubernetes.io/managed-by": "tern" });
  });

  it("shortens and cleans label values", () => {
    expect(labelValue("-a b/c-")).toBe("a-b-c");
    expect(labelValue("x".repeat(80))).toHaveLength(63);
  });
});

describe("GPU capacity and pod summaries", () => {
  const node = (name: string, gpuType: string, gpus: number, extra: Partial<NodeInfo> = {}): NodeInfo => ({
    name,
    resourceVersion: "1",
    ready: true,
    unschedulable: false,
    gpuType,
    gpuCapacity: gpus,
    gpuAllocatable: gpus,
    ...extra,
  });

  it("sums allocatable GPUs of usable nodes and GPUs held by bound, unfinished pods", () => {
    const nodes = [
      node("a", "A100", 8),
      node("b", "A100", 8),
      node("c", "L4", 4),
      node("down", "L4", 4, { ready: false }),
      node("cordoned", "A100", 8, { unschedulable: true }),
    ];
    const pods = [
      { phase: "Running", node: "a", gpus: 2 },
      { phase: "Pending", node: "b", gpus: 1 },
      { phase: "Pending", gpus: 4 },
      { phase: "Succeeded", node: "a", gpus: 2 },
      { phase: "Running", node: "down", gpus: 1 },
      { phase: "Running", node: "c", gpus: 0 },
    ];
    expect(gpuCapacity(nodes, pods)).toEqual({
      A100: { allocatable: 16, allocated: 3 },
      L4: { allocatable: 4, allocated: 0 },
    });
  });

  it("reads quantities and the most telling pod reason", () => {
    expect([quantity("2"), quantity(3), quantity("500m"), quantity("1Gi"), quantity(undefined)]).toEqual([
      2, 3, 0.5, 0, 0,
    ]);
    const pod = toPodInfo({
      metadata: { name: "p", namespace: "ml", deletionTimestamp: undefined },
      spec: { nodeName: "a", containers: [{ name: "c", resources: { limits: { "nvidia.com/gpu": "2" } } }] },
      status: {
        phase: "Running",
        conditions: [{ type: "Ready", status: "False" }],
        containerStatuses: [
          {
            name: "c",
            image: "i",
            imageID: "",
            ready: false,
            restartCount: 4,
            state: { waiting: { reason: "CrashLoopBackOff", message: "back-off" } },
          },
        ],
      },
    });
    expect(pod).toMatchObject({
      ready: false,
      restarts: 4,
      reason: "CrashLoopBackOff",
      node: "a",
      gpus: 2,
      unschedulable: false,
    });
    const pending = toPodInfo({
      metadata: { name: "q", namespace: "ml" },
      spec: { containers: [] },
      status: {
        phase: "Pending",
        conditions: [
          {
            type: "PodScheduled",
            status: "False",
            reason: "Unschedulable",
            message: "0/3 nodes have enough nvidia.com/gpu",
          },
        ],
      },
    });
    expect(pending).toMatchObject({ unschedulable: true, reason: "Unschedulable" });
    expect(pending.node).toBeUndefined();
  });
});
