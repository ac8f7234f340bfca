// The controllers against one cluster's store: scheduling, image pull, model load, crash loops, scaling,
// rolling updates and node loss, with predictions served through the cluster's data plane.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compareOutputs } from "@tern/oip";
import { readDemoGoldenSet } from "../models/demo-files";
import type { KubeObject } from "../store/object-store";
import { startModelsRuntime, type ModelsRuntime } from "../testing/models-runtime";
import type { ClusterRuntime } from "./cluster-runtime";
import { getCondition, isPodReady, nodeNameOf } from "./k8s-objects";
import { demoModel, modelDeployment, waitFor } from "./test-support";

let rt: ClusterRuntime;
let stop: ModelsRuntime["stop"];
beforeAll(async () => ({ rt, stop } = await startModelsRuntime()));
afterAll(() => stop());

const pods = (app: string) => rt.store.list("pods", { namespace: "models", labelSelector: `app=${app}` }).items;
const deployment = (name: string) => rt.store.get("deployments", "models", name)!;
const events = (involved: string) =>
  rt.store
    .list("events", { namespace: "models" })
    .items.filter((e) => (e.involvedObject as { name: string }).name.startsWith(involved));
const status = (d: KubeObject, k: string) => (d.status?.[k] as number | undefined) ?? 0;

async function infer(url: string, body: unknown) {
  const res = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  return {
    status: res.status,
    body: (await res.json()) as {
      outputs?: { name: string; shape: number[]; datatype: string; data: number[] }[];
      error?: string;
    },
  };
}

describe("a simulated cluster", () => {
  it("runs a model deployment to Ready on GPU nodes and answers like the golden set", async () => {
    rt.store.create("deployments", modelDeployment({ name: "credit", replicas: 2, gpuType: "H100" }));
    const d = await waitFor(
      "credit available",
      () => status(deployment("credit"), "availableReplicas") === 2 && deployment("credit"),
    );
    expect(getCondition(d, "Available")).toMatchObject({ status: "True", reason: "MinimumReplicasAvailable" });
    await waitFor(
      "progress complete",
      () => getCondition(deployment("credit"), "Progressing")?.reason === "NewReplicaSetAvailable",
    );
    for (const p of pods("credit")) {
      expect(nodeNameOf(p)).toBe("aws-test-h100-0");
      expect(p.status?.podIP).toMatch(/^10\.244\./);
    }
    const reasons = events("credit-").map((e) => e.reason);
    expect(reasons).toEqual(expect.arrayContaining(["Scheduled", "Pulling", "Pulled", "Created", "Started"]));
    const golden = await readDemoGoldenSet(demoModel());
    for (const g of golden) {
      const r = await infer(
        `${rt.dataPlane.url}/namespaces/models/deployments/credit/v2/models/credit-risk/infer`,
        g.input,
      );
      expect(r.status).toBe(200);
      expect(compareOutputs(g.expected, r.body.outputs!, g.tolerance).match).toBe(true);
    }
  });

  it("gives a Service an endpoint on the data plane that reaches its ready pods", async () => {
    rt.store.create("services", {
      apiVersion: "v1",
      kind: "Service",
      metadata: { name: "credit", namespace: "models" },
      spec: { selector: { app: "credit" }, ports: [{ port: 80 }] },
    });
    const url = await waitFor(
      "service url",
      () => rt.store.get("services", "models", "credit")?.metadata.annotations?.["sim.tern.dev/url"],
    );
    expect(url).toBe(`${rt.dataPlane.url}/namespaces/models/services/credit`);
    const meta = await fetch(`${url}/v2/models/credit-risk`);
    expect(await meta.json()).toMatchObject({ name: "credit-risk", versions: ["1.0.0"], platform: "onnxruntime_onnx" });
    expect((await fetch(`${rt.dataPlane.url}/namespaces/models/services/nope/v2/models/credit-risk`)).status).toBe(404);
  });

  it("keeps a pod that fits nowhere Pending with FailedScheduling", async () => {
    rt.store.create("deployments", modelDeployment({ name: "huge", gpus: 5 }));
    const p = await waitFor("unschedulable", () =>
      pods("huge").find((x) => getCondition(x, "PodScheduled")?.reason === "Unschedulable"),
    );
    expect(p.status?.phase).toBe("Pending");
    expect(getCondition(p, "PodScheduled")?.message).toBe("0/3 nodes are available: 3 Insufficient nvidia.com/gpu.");
    const ev = await waitFor("FailedScheduling event", () =>
      events("huge-").find((e) => e.reason === "FailedScheduling"),
    );
    expect(ev).toMatchObject({ type: "Warning", message: "0/3 nodes are available: 3 Insufficient nvidia.com/gpu." });
    rt.store.delete("deployments", "models", "huge");
  });

  it("crash-loops a pod whose artifact is missing, with BackOff events naming the reason", async () => {
    const missing = modelDeployment({
      name: "missing",
      uri: "sim://aws-us-east-1/models/nope/1.0.0/model.onnx",
      gpuType: "A10G",
    });
    missing.spec!.progressDeadlineSeconds = 30; // simulated seconds: 0.6 s of wall time here
    rt.store.create("deployments", missing);
    const p = await waitFor("CrashLoopBackOff", () =>
      pods("missing").find((x) => JSON.stringify(x.status?.containerStatuses).includes("CrashLoopBackOff")),
    );
    const cs = (
      p.status?.containerStatuses as { restartCount: number; lastState: { terminated?: { message: string } } }[]
    )[0]!;
    expect(cs.restartCount).toBeGreaterThanOrEqual(1);
    expect(cs.lastState.terminated?.message).toMatch(/does not exist in cloud aws-us-east-1's store/);
    const backoff = await waitFor("BackOff event", () => events("missing-").find((e) => e.reason === "BackOff"));
    expect(backoff.type).toBe("Warning");
    expect(backoff.message).toMatch(/Back-off restarting failed container server in pod .*does not exist/);
    const stuck = await waitFor(
      "deadline",
      () =>
        getCondition(deployment("missing"), "Progressing")?.reason === "ProgressDeadlineExceeded" &&
        deployment("missing"),
    );
    expect(getCondition(stuck, "Progressing")).toMatchObject({
      status: "False",
      message: expect.stringMatching(/^ReplicaSet "missing-\w+" has timed out progressing\.$/) as unknown,
    });
    expect(getCondition(stuck, "Available")).toMatchObject({ status: "False", reason: "MinimumReplicasUnavailable" });
    rt.store.delete("deployments", "models", "missing");
  });

  it("fails to pull an unknown image with ErrImagePull / ImagePullBackOff", async () => {
    rt.store.create(
      "deployments",
      modelDeployment({ name: "badimg", image: "ghcr.io/tern/doesnotexist:1", gpuType: "A10G" }),
    );
    await waitFor("ImagePullBackOff", () =>
      pods("badimg").find((x) => JSON.stringify(x.status?.containerStatuses).includes("ImagePullBackOff")),
    );
    expect(events("badimg-").some((e) => e.reason === "Failed" && String(e.message).includes("ErrImagePull"))).toBe(
      true,
    );
    rt.store.delete("deployments", "models", "badimg");
  });

  it("scales up and down", async () => {
    rt.store.mutate("deployments", "models", "credit", (d) => (d.spec!.replicas = 3));
    await waitFor("3 ready", () => status(deployment("credit"), "readyReplicas") === 3);
    rt.store.mutate("deployments", "models", "credit", (d) => (d.spec!.replicas = 1));
    await waitFor("1 pod", () => pods("credit").length === 1 && status(deployment("credit"), "replicas") === 1);
    expect(
      events("credit").some((e) => e.reason === "ScalingReplicaSet" && String(e.message).includes("Scaled down")),
    ).toBe(true);
  });

  it("rolls out an image change through a new ReplicaSet without losing availability", async () => {
    rt.store.mutate("deployments", "models", "credit", (d) => (d.spec!.replicas = 2));
    await waitFor("2 available", () => status(deployment("credit"), "availableReplicas") === 2);
    let minAvailable = 2;
    const stopWatch = rt.store.watch("deployments", { fieldSelector: "metadata.name=credit" }, (e) => {
      minAvailable = Math.min(minAvailable, status(e.object, "availableReplicas"));
    });
    rt.store.mutate("deployments", "models", "credit", (d) => {
      const c = (d.spec!.template as { spec: { containers: { image: string }[] } }).spec.containers[0]!;
      c.image = "ghcr.io/tern/onnx-server:1.31";
    });
    const done = await waitFor("rollout complete", () => {
      const d = deployment("credit");
      // As kubectl rollout status does: only a status that observed the new generation counts.
      const observed = d.status?.observedGeneration === d.metadata.generation;
      return (
        observed &&
        getCondition(d, "Progressing")?.reason === "NewReplicaSetAvailable" &&
        status(d, "updatedReplicas") === 2 &&
        status(d, "replicas") === 2 &&
        d
      );
    });
    stopWatch();
    expect(done.metadata.annotations?.["deployment.kubernetes.io/revision"]).toBe("2");
    const rss = rt.store.list("replicasets", { namespace: "models", labelSelector: "app=credit" }).items;
    expect(rss).toHaveLength(2);
    expect(rss.map((r) => r.spec?.replicas).sort()).toEqual([0, 2]);
    // maxUnavailable 25 % of 2 rounds down to 0: availability never dropped.
    expect(minAvailable).toBe(2);
  });

  it("replaces pods from a lost node on another node", async () => {
    const before = pods("credit");
    const node = nodeNameOf(before[0]!)!;
    rt.nodes.loseNode(node);
    const n = rt.store.get("nodes", undefined, node)!;
    expect(getCondition(n, "Ready")?.status).toBe("Unknown");
    // Pods on the lost node are gone after the eviction delay; replacements cannot fit on the H100 node.
    await waitFor("evicted", () => pods("credit").every((p) => nodeNameOf(p) !== node));
    await waitFor("replacements pending", () =>
      pods("credit").some((p) => getCondition(p, "PodScheduled")?.reason === "Unschedulable"),
    );
    rt.nodes.restoreNode(node);
    await waitFor("ready again", () => pods("credit").filter(isPodReady).length === 2);
  });
});
