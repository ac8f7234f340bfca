// The status sync against the simulated API server: snapshots, coalescing, outage and recovery, dropped watches, 410.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { ClusterDriver, ModelDeploymentSpec } from "../driver";
import { fakeDeploymentController, startSimTestCluster, type SimTestCluster } from "../../test/sim-test-cluster";
import type { KubeObject } from "@tern/sim/apiserver";
import { startClusterSync } from "./start-cluster-sync";
import type { CapacityReport, ClusterSync, DeploymentRef, DeploymentSnapshot, SyncHealth } from "./types";

const spec = (name: string, replicas = 2): ModelDeploymentSpec => ({
  namespace: "ml",
  name,
  deploymentId: `dep-${name}`,
  modelName: "resnet",
  modelVersion: "1",
  versionId: "v1",
  image: "tern/triton:1",
  artifactUri: "sim://aws/resnet.onnx",
  sha256: "c".repeat(64),
  replicas,
  gpusPerReplica: 1,
  gpuType: "A100",
  latencySloMs: 50,
});

const until = async (check: () => boolean, what: string, ms = 8000) => {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
};

let sim: SimTestCluster;
let stopController: () => void;
let sync: ClusterSync | undefined;
beforeEach(async () => {
  sim = await startSimTestCluster({ historyLimit: 40, bookmarkIntervalMs: 500 });
  sim.addNode("gpu-1", "A100", 8);
  stopController = fakeDeploymentController(sim.store);
});
afterEach(async () => {
  await sync?.stop();
  sync = undefined;
  stopController();
  await sim.close();
});

function start() {
  const seen = {
    snapshots: [] as DeploymentSnapshot[],
    health: [] as SyncHealth[],
    gone: [] as DeploymentRef[],
    capacity: [] as CapacityReport[],
    lists: 0,
  };
  // Counts lists, to tell a resumed watch from a re-list.
  const driverFactory = (): ClusterDriver => {
    const driver = sim.driver();
    return { ...driver, list: (kind, opts) => (seen.lists++, driver.list(kind, opts)) };
  };
  sync = startClusterSync({
    clusterId: "sim-1",
    driverFactory,
    onSnapshot: (s) => void seen.snapshots.push(s),
    onHealth: (h) => void seen.health.push(h),
    onDeploymentGone: (g) => void seen.gone.push(g),
    onCapacity: (c) => void seen.capacity.push(c),
    backoff: { initialMs: 50, maxMs: 200 },
  });
  const last = (name: string) => seen.snapshots.filter((s) => s.name === name).at(-1);
  return { seen, last };
}

const addPod = (sim: SimTestCluster, name: string, owner: string, ready: boolean) =>
  sim.store.create("pods", {
    apiVersion: "v1",
    kind: "Pod",
    metadata: {
      name,
      namespace: "ml",
      labels: { "app.kubernetes.io/instance": owner, "app.kubernetes.io/managed-by": "tern" },
    },
    spec: {
      nodeName: "gpu-1",
      containers: [{ name: "model-server", image: "tern/triton:1", resources: { limits: { "nvidia.com/gpu": "1" } } }],
    },
    status: { phase: "Running", conditions: [{ type: "Ready", status: ready ? "True" : "False" }] },
  });

describe("cluster sync against the simulator", () => {
  it("reports Ready snapshots with pods and GPU use for deployments Tern applied", async () => {
    const { seen, last } = start();
    await until(() => seen.health.length === 1, "HEALTHY");
    await sim.driver().applyModelDeployment(spec("resnet"));
    addPod(sim, "resnet-5d8c7-a1", "resnet", true);
    addPod(sim, "resnet-5d8c7-a2", "resnet", true);
    await until(() => last("resnet")?.phase === "Ready" && last("resnet")?.pods.length === 2, "Ready with 2 pods");
    expect(last("resnet")).toMatchObject({
      clusterId: "sim-1",
      namespace: "ml",
      deploymentId: "dep-resnet",
      replicas: 2,
      readyReplicas: 2,
    });
    await until(() => seen.capacity.at(-1)?.gpuCapacity.A100?.allocated === 2, "2 GPUs allocated");
    expect(seen.health.map((h) => h.health)).toEqual(["HEALTHY"]);
  });

  it("coalesces a burst of changes into few snapshots", async () => {
    const { seen, last } = start();
    await sim.driver().applyModelDeployment(spec("burst"));
    await until(() => last("burst")?.phase === "Ready", "Ready");
    const before = seen.snapshots.length;
    for (let i = 0; i < 30; i++)
      sim.store.mutate(
        "deployments",
        "ml",
        "burst",
        (o: KubeObject) => void (o.metadata.annotations = { ...o.metadata.annotations, n: String(i) }),
      );
    sim.store.mutate(
      "deployments",
      "ml",
      "burst",
      (o: KubeObject) => void ((o.spec as { replicas: number }).replicas = 3),
    );
    await until(() => last("burst")?.replicas === 3 && last("burst")?.readyReplicas === 3, "scaled to 3");
    // 31 writes plus the controller's status writes; coalesced, they are a couple of snapshots at most.
    expect(seen.snapshots.length - before).toBeLessThanOrEqual(3);
  });

  it("goes UNREACHABLE in an outage, then HEALTHY again, re-lists and reports what changed meanwhile", async () => {
    const { seen, last } = start();
    await sim.driver().applyModelDeployment(spec("a"));
    await sim.driver().applyModelDeployment(spec("b"));
    await until(() => last("a")?.phase === "Ready" && last("b")?.phase === "Ready", "both Ready");
    const lists = seen.lists;

    sim.server.faults.outage = true;
    await until(() => seen.health.at(-1)?.health === "UNREACHABLE", "UNREACHABLE");
    expect(seen.health.at(-1)?.message).toBe(`cluster API at ${sim.url} is unreachable (ECONNREFUSED)`);
    sim.store.mutate("deployments", "ml", "a", (o: KubeObject) => void ((o.spec as { replicas: number }).replicas = 4));
    sim.store.delete("deployments", "ml", "b");
    sim.server.faults.outage = false;

    await until(() => seen.health.at(-1)?.health === "HEALTHY", "HEALTHY again");
    await until(() => last("a")?.readyReplicas === 4 && seen.gone.length === 1, "changes made during the outage");
    expect(seen.gone[0]).toEqual({ clusterId: "sim-1", namespace: "ml", name: "b", deploymentId: "dep-b" });
    expect(seen.lists).toBeGreaterThan(lists);
    expect(seen.health.map((h) => h.health)).toEqual(["HEALTHY", "UNREACHABLE", "HEALTHY"]);
  });

  it("resumes dropped watches from their resourceVersion without a re-list or a health change", async () => {
    const { seen, last } = start();
    await sim.driver().applyModelDeployment(spec("a"));
    await until(() => last("a")?.phase === "Ready", "Ready");
    const lists = seen.lists;

    sim.server.faults.dropWatches("reset");
    sim.store.mutate("deployments", "ml", "a", (o: KubeObject) => void ((o.spec as { replicas: number }).replicas = 5));
    await until(() => last("a")?.readyReplicas === 5, "change made while the watches were down");
    sim.server.faults.dropWatches("end");
    sim.store.mutate("deployments", "ml", "a", (o: KubeObject) => void ((o.spec as { replicas: number }).replicas = 1));
    await until(() => last("a")?.readyReplicas === 1 && last("a")?.replicas === 1, "second change");
    expect(seen.lists).toBe(lists);
    expect(seen.health.map((h) => h.health)).toEqual(["HEALTHY"]);
  });

  it("re-lists after 410 Gone and notices a deployment deleted outside Tern", async () => {
    const { seen, last } = start();
    await sim.driver().applyModelDeployment(spec("a"));
    await sim.driver().applyModelDeployment(spec("b"));
    await until(() => last("a")?.phase === "Ready" && last("b")?.phase === "Ready", "both Ready");
    const lists = seen.lists;

    // A slow API holds the re-watch back while more changes than the server's history pass by.
    sim.server.faults.latencyMs = 300;
    sim.server.faults.dropWatches("end");
    for (let i = 0; i < 50; i++)
      sim.store.mutate("deployments", "ml", "a", (o: KubeObject) => void (o.metadata.annotations = { n: String(i) }));
    sim.store.delete("deployments", "ml", "b");
    sim.store.mutate("deployments", "ml", "a", (o: KubeObject) => void ((o.spec as { replicas: number }).replicas = 3));
    sim.server.faults.latencyMs = 0;

    await until(() => seen.gone.length === 1 && last("a")?.readyReplicas === 3, "state after the re-list");
    expect(seen.gone[0]?.name).toBe("b");
    expect(seen.lists).toBeGreaterThan(lists);
    expect(seen.health.map((h) => h.health)).toEqual(["HEALTHY"]);
  });
});
