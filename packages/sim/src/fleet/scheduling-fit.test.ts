// Filters and the FailedScheduling message, as kube-scheduler words them.
import { describe, expect, it } from "vitest";
import type { KubeObject } from "../store/object-store";
import { fitFailure, pickNode, unschedulableMessage, type NodeState } from "./scheduling-fit";

const meta = (name: string, labels: Record<string, string> = {}) => ({
  name,
  uid: name,
  resourceVersion: "1",
  creationTimestamp: "",
  labels,
});
const node = (name: string, gpu: string, gpus: number, extra: Partial<KubeObject> = {}): NodeState => ({
  node: {
    apiVersion: "v1",
    kind: "Node",
    metadata: meta(name, { "nvidia.com/gpu.product": gpu }),
    spec: {},
    status: { allocatable: { "nvidia.com/gpu": String(gpus) }, conditions: [{ type: "Ready", status: "True" }] },
    ...extra,
  },
  allocatableGpus: gpus,
  usedGpus: 0,
});
const pod = (gpus: number, spec: Record<string, unknown> = {}): KubeObject => ({
  apiVersion: "v1",
  kind: "Pod",
  metadata: meta("p"),
  spec: { containers: [{ name: "c", image: "i", resources: { limits: { "nvidia.com/gpu": String(gpus) } } }], ...spec },
});

describe("scheduling", () => {
  it("checks GPU capacity, nodeSelector and required node affinity", () => {
    expect(fitFailure(pod(2), node("a", "H100", 1))).toBe("Insufficient nvidia.com/gpu");
    expect(fitFailure(pod(1, { nodeSelector: { "nvidia.com/gpu.product": "A100" } }), node("a", "H100", 8))).toBe(
      "node(s) didn't match Pod's node affinity/selector",
    );
    const affinity = {
      nodeAffinity: {
        requiredDuringSchedulingIgnoredDuringExecution: {
          nodeSelectorTerms: [
            { matchExpressions: [{ key: "nvidia.com/gpu.product", operator: "In", values: ["H100", "A100"] }] },
          ],
        },
      },
    };
    expect(fitFailure(pod(1, { affinity }), node("a", "H100", 8))).toBeUndefined();
    expect(fitFailure(pod(1, { affinity }), node("b", "L4", 8))).toBe(
      "node(s) didn't match Pod's node affinity/selector",
    );
  });

  it("respects NoSchedule taints unless tolerated", () => {
    const tainted = node("a", "H100", 8, {
      spec: { taints: [{ key: "node.kubernetes.io/unreachable", effect: "NoSchedule" }] },
    });
    expect(fitFailure(pod(1), tainted)).toBe("node(s) had untolerated taint {node.kubernetes.io/unreachable: }");
    expect(
      fitFailure(pod(1, { tolerations: [{ key: "node.kubernetes.io/unreachable", operator: "Exists" }] }), tainted),
    ).toBeUndefined();
  });

  it("words FailedScheduling with sorted reason counts and spreads by free GPU share", () => {
    expect(
      unschedulableMessage(3, [
        "Insufficient nvidia.com/gpu",
        "Insufficient nvidia.com/gpu",
        "node(s) didn't match Pod's node affinity/selector",
      ]),
    ).toBe(
      "0/3 nodes are available: 1 node(s) didn't match Pod's node affinity/selector, 2 Insufficient nvidia.com/gpu.",
    );
    const busy = { ...node("a", "H100", 8), usedGpus: 6 };
    expect(pickNode(pod(1), [busy, node("b", "H100", 8)])?.node.metadata.name).toBe("b");
  });
});
